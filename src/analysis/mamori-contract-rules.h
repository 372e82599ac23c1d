/* mamori-contract-rules.h — which clauses a contract must have, and what to check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "analysis/mamori-contract-scan.h"
#include "catalog/mamori-catalog.h"
#include "model/mamori-contract.h"

G_BEGIN_DECLS

/* Whether @topic is essential in a contract of @type where we hold
 * @position; @reason gets a translated sentence saying why, or NULL when the
 * topic is not essential. A position the type does not have is read as the
 * type's default position. */
gboolean  mamori_contract_rules_is_essential          (MamoriContractType      type,
                                                       MamoriContractPosition  position,
                                                       MamoriContractTopic     topic,
                                                       const char            **reason);
/* The essential topics as a mask, bit 1u << topic. */
guint     mamori_contract_rules_get_essential_mask    (MamoriContractType      type,
                                                       MamoriContractPosition  position);
/* The essential topics still open: not reviewed, missing, or needing
 * change. */
guint     mamori_contract_rules_count_open            (MamoriContract         *contract);
/* The essential topics by their review's status (@counts indexed by
 * MamoriClauseStatus, MAMORI_N_CLAUSE_STATUSES of them); returns how many
 * there are in all. */
guint     mamori_contract_rules_count_essentials      (MamoriContract         *contract,
                                                       guint                  *counts);

typedef enum
{
  MAMORI_CONTRACT_WARNING_SECRET_ASSET_UNPROTECTED,
  MAMORI_CONTRACT_WARNING_NO_EXPORT_CONTROL,
  MAMORI_CONTRACT_WARNING_EXPIRED_CONFIDENTIALITY_SURVIVES,
  MAMORI_N_CONTRACT_WARNINGS
} MamoriContractWarningKind;

typedef struct
{
  MamoriContractWarningKind  kind;
  char                      *message;  /* a translated sentence */
} MamoriContractWarning;

void      mamori_contract_warning_free                (MamoriContractWarning  *warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriContractWarning, mamori_contract_warning_free)

/* The contract checked against the assets disclosed under it (their classes,
 * MAMORI_CLASS_NONE when not evaluated, and names, in the order of its
 * asset ids), the counterparty's country and @today ("YYYY-MM-DD", NULL for
 * the current date).
 *
 * Returns: (transfer full) (element-type MamoriContractWarning): the
 *   warnings, in the order of MamoriContractWarningKind; empty when there
 *   are none */
GPtrArray *mamori_contract_rules_check                (MamoriContract         *contract,
                                                       const int              *asset_classes,
                                                       const char * const     *asset_names,
                                                       guint                   n_assets,
                                                       gboolean                counterparty_outside_group_a,
                                                       const char             *today);

/* TRUE only when @country is given and is not a Group A (グループA)
 * country: a blank country is not known to be outside. */
gboolean  mamori_contract_rules_country_outside_group_a (MamoriCatalog        *catalog,
                                                         const char           *country);
gboolean  mamori_contract_rules_country_is_japan        (const char           *country);

G_END_DECLS
