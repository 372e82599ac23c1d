/* mamori-contract.h — one contract in the register and its clause review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "analysis/mamori-contract-scan.h"

G_BEGIN_DECLS

/* The kinds of contract the guide's section B warns about. The nicks are
 * what the workspace stores. */
typedef enum
{
  MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT,  /*< nick=joint-development >*/  /* 共同開発 */
  MAMORI_CONTRACT_TYPE_LICENSE_IN,         /*< nick=license-in >*/         /* ライセンス（受ける） */
  MAMORI_CONTRACT_TYPE_LICENSE_OUT,        /*< nick=license-out >*/        /* ライセンス（与える） */
  MAMORI_CONTRACT_TYPE_MANUFACTURING,      /*< nick=manufacturing >*/      /* 製造委託 */
  MAMORI_CONTRACT_TYPE_SALES,              /*< nick=sales >*/              /* 販売・代理店 */
  MAMORI_CONTRACT_TYPE_NDA,                /*< nick=nda >*/                /* 秘密保持契約 */
  MAMORI_CONTRACT_TYPE_JOINT_VENTURE,      /*< nick=joint-venture >*/      /* 合弁・出資 */
  MAMORI_N_CONTRACT_TYPES
} MamoriContractType;

/* Which way technology and information flow under the contract. What each
 * means depends on the type: for a licence out we are the licensor
 * (provider), for an NDA the discloser, for outsourcing the party that
 * orders and hands over drawings. */
typedef enum
{
  MAMORI_CONTRACT_POSITION_PROVIDER,  /*< nick=provider >*/
  MAMORI_CONTRACT_POSITION_RECEIVER,  /*< nick=receiver >*/
  MAMORI_CONTRACT_POSITION_MUTUAL,    /*< nick=mutual >*/
  MAMORI_N_CONTRACT_POSITIONS
} MamoriContractPosition;

typedef enum
{
  MAMORI_CONTRACT_STAGE_DRAFT,        /*< nick=draft >*/
  MAMORI_CONTRACT_STAGE_NEGOTIATING,  /*< nick=negotiating >*/
  MAMORI_CONTRACT_STAGE_SIGNED,       /*< nick=signed >*/
  MAMORI_CONTRACT_STAGE_ENDED,        /*< nick=ended >*/
  MAMORI_N_CONTRACT_STAGES
} MamoriContractStage;

/* The reviewer's verdict on one clause topic. UNREVIEWED is "no decision
 * yet": stored only when the topic has a note. */
typedef enum
{
  MAMORI_CLAUSE_UNREVIEWED,  /*< nick=unreviewed >*/
  MAMORI_CLAUSE_OK,          /*< nick=ok >*/           /* present and acceptable */
  MAMORI_CLAUSE_CHANGE,      /*< nick=change >*/       /* present, needs change */
  MAMORI_CLAUSE_MISSING,     /*< nick=missing >*/
  MAMORI_CLAUSE_NA,          /*< nick=not-applicable >*/
  MAMORI_N_CLAUSE_STATUSES
} MamoriClauseStatus;

#define MAMORI_TYPE_CONTRACT_TYPE     (mamori_contract_type_get_type ())
#define MAMORI_TYPE_CONTRACT_POSITION (mamori_contract_position_get_type ())
#define MAMORI_TYPE_CONTRACT_STAGE    (mamori_contract_stage_get_type ())
#define MAMORI_TYPE_CLAUSE_STATUS     (mamori_clause_status_get_type ())
GType mamori_contract_type_get_type     (void);
GType mamori_contract_position_get_type (void);
GType mamori_contract_stage_get_type    (void);
GType mamori_clause_status_get_type     (void);

/* Nicks to and from enum values; an unknown nick gives -1. */
const char *mamori_contract_enum_to_nick (GType       enum_type,
                                          int         value);
int         mamori_contract_enum_from_nick (GType       enum_type,
                                            const char *nick);

const char *mamori_contract_type_get_label     (MamoriContractType     type);
/* The position as that type names it ("Licensor", "We disclose"); NULL when
 * the type has no such position. */
const char *mamori_contract_position_get_label (MamoriContractType     type,
                                                MamoriContractPosition position);
/* The type's usual position, the one a new contract of that type gets. */
MamoriContractPosition mamori_contract_type_get_default_position (MamoriContractType type);
const char *mamori_contract_stage_get_label    (MamoriContractStage    stage);
const char *mamori_clause_status_get_label     (MamoriClauseStatus     status);

/* One topic's review: the verdict, the reviewer's note, and where in the
 * text it was found (empty when the reviewer did not take it from the
 * text analysis). */
typedef struct
{
  MamoriClauseStatus  status;
  char               *note;
  char               *article;
  char               *passage;
} MamoriClauseReview;

#define MAMORI_TYPE_CONTRACT (mamori_contract_get_type ())

G_DECLARE_FINAL_TYPE (MamoriContract, mamori_contract, MAMORI, CONTRACT, GObject)

MamoriContract          *mamori_contract_new              (void);
MamoriContract          *mamori_contract_copy             (MamoriContract          *self);

gint64                   mamori_contract_get_id           (MamoriContract          *self);
void                     mamori_contract_set_id           (MamoriContract          *self,
                                                           gint64                   id);
const char              *mamori_contract_get_title        (MamoriContract          *self);
void                     mamori_contract_set_title        (MamoriContract          *self,
                                                           const char              *title);
const char              *mamori_contract_get_counterparty (MamoriContract          *self);
void                     mamori_contract_set_counterparty (MamoriContract          *self,
                                                           const char              *counterparty);
const char              *mamori_contract_get_country      (MamoriContract          *self);
void                     mamori_contract_set_country      (MamoriContract          *self,
                                                           const char              *country);
MamoriContractType       mamori_contract_get_contract_type (MamoriContract         *self);
void                     mamori_contract_set_contract_type (MamoriContract         *self,
                                                            MamoriContractType      type);
MamoriContractPosition   mamori_contract_get_position     (MamoriContract          *self);
void                     mamori_contract_set_position     (MamoriContract          *self,
                                                           MamoriContractPosition   position);
MamoriContractStage      mamori_contract_get_stage        (MamoriContract          *self);
void                     mamori_contract_set_stage        (MamoriContract          *self,
                                                           MamoriContractStage      stage);
/* Dates as ISO 8601 "YYYY-MM-DD", or "" when not known. */
const char              *mamori_contract_get_signed_on    (MamoriContract          *self);
void                     mamori_contract_set_signed_on    (MamoriContract          *self,
                                                           const char              *date);
const char              *mamori_contract_get_expires_on   (MamoriContract          *self);
void                     mamori_contract_set_expires_on   (MamoriContract          *self,
                                                           const char              *date);
const char              *mamori_contract_get_notes        (MamoriContract          *self);
void                     mamori_contract_set_notes        (MamoriContract          *self,
                                                           const char              *notes);
/* The assets (register ids) disclosed under the contract, ascending. */
GArray                  *mamori_contract_get_asset_ids    (MamoriContract          *self);
void                     mamori_contract_set_asset_ids    (MamoriContract          *self,
                                                           const gint64            *ids,
                                                           guint                    n_ids);
const MamoriClauseReview *mamori_contract_get_review      (MamoriContract          *self,
                                                           MamoriContractTopic      topic);
void                     mamori_contract_set_review       (MamoriContract          *self,
                                                           MamoriContractTopic      topic,
                                                           MamoriClauseStatus       status,
                                                           const char              *note,
                                                           const char              *article,
                                                           const char              *passage);
/* Whether the contract has run out on @today ("YYYY-MM-DD"): ended, or
 * past its expiry date. */
gboolean                 mamori_contract_is_expired       (MamoriContract          *self,
                                                           const char              *today);
const char              *mamori_contract_get_updated      (MamoriContract          *self);
void                     mamori_contract_set_updated      (MamoriContract          *self,
                                                           const char              *updated);

G_END_DECLS
