/* mamori-contract-scan.h — what a contract says about technology and know-how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The clauses the technology-leak guidance asks a manager to read before
 * signing: who brings what, who owns the results, and what may leave the
 * country. */
typedef enum
{
  MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,          /* 持ち寄り技術・バックグラウンド */
  MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,   /* 成果の帰属 */
  MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP,        /* 成果の共有 */
  MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS, /* 改良発明 */
  MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,          /* 実施許諾 */
  MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY,        /* 秘密保持 */
  MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE, /* 独占・競業避止 */
  MAMORI_CONTRACT_TOPIC_NON_SOLICITATION,       /* 引抜き禁止 */
  MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL,         /* 輸出管理 */
  MAMORI_CONTRACT_TOPIC_GOVERNING_LAW,          /* 準拠法・管轄 */
  MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL,   /* 存続条項 */
  MAMORI_N_CONTRACT_TOPICS
} MamoriContractTopic;

const char *mamori_contract_topic_get_id    (MamoriContractTopic topic);
const char *mamori_contract_topic_get_label (MamoriContractTopic topic);

typedef enum
{
  MAMORI_CONTRACT_FLAG_JOINT_OWNERSHIP      = 1 << 0,
  MAMORI_CONTRACT_FLAG_ROYALTY_FREE_LICENSE = 1 << 1,
  MAMORI_CONTRACT_FLAG_PERPETUAL_LICENSE    = 1 << 2,
  MAMORI_CONTRACT_FLAG_NO_RETURN_OBLIGATION = 1 << 3,
  MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL    = 1 << 4,
} MamoriContractFlags;

const char *mamori_contract_flag_get_id    (MamoriContractFlags single_flag);
const char *mamori_contract_flag_get_label (MamoriContractFlags single_flag);

typedef struct
{
  char  *article;  /* as written: "第9条", "第9条第2項", "Article 5", "5.2"; NULL before the first article */
  gsize  start;    /* byte offsets in the original text, for highlighting */
  gsize  end;
  char  *text;     /* the sentence or clause, exactly original[start:end] */
} MamoriContractPassage;

typedef struct
{
  MamoriContractTopic  topic;
  gboolean             found;
  GPtrArray           *passages;  /* MamoriContractPassage */
  MamoriContractFlags  flags;
} MamoriContractFinding;

typedef struct _MamoriContractScan MamoriContractScan;

MamoriContractScan          *mamori_contract_scan                (const char          *utf8_text,
                                                                  gssize               length,
                                                                  gboolean             counterparty_outside_group_a);
const MamoriContractFinding *mamori_contract_scan_get_finding    (MamoriContractScan  *scan,
                                                                  MamoriContractTopic  topic);
MamoriContractFlags          mamori_contract_scan_get_flags      (MamoriContractScan  *scan);
guint                        mamori_contract_scan_get_n_articles (MamoriContractScan  *scan);
void                         mamori_contract_scan_free           (MamoriContractScan  *scan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriContractScan, mamori_contract_scan_free)

G_END_DECLS
