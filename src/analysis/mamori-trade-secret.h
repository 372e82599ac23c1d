/* mamori-trade-secret.h — can this information be protected as a trade secret?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Concrete facts a manager can answer, rather than legal terms. */
typedef struct
{
  gboolean marked;             /* marked 「マル秘」/confidential */
  gboolean access_restricted;  /* only those who need it can reach it */
  gboolean pledges_signed;     /* those with access signed pledges or NDAs */
  gboolean useful;             /* useful to the business */
  gboolean not_public;         /* not publicly known or obtainable */
} MamoriSecretFacts;

/* The three requirements of 不正競争防止法 Art. 2(6). */
typedef enum
{
  MAMORI_REQUIREMENT_SECRECY,     /* 秘密管理性 */
  MAMORI_REQUIREMENT_USEFULNESS,  /* 有用性 */
  MAMORI_REQUIREMENT_NON_PUBLIC,  /* 非公知性 */
  MAMORI_N_REQUIREMENTS
} MamoriRequirement;

gboolean     mamori_trade_secret_is_met          (const MamoriSecretFacts *facts,
                                                  MamoriRequirement        requirement);
gboolean     mamori_trade_secret_is_ready        (const MamoriSecretFacts *facts);
GPtrArray   *mamori_trade_secret_dup_missing     (const MamoriSecretFacts *facts,
                                                  MamoriRequirement        requirement);
const char  *mamori_requirement_get_label        (MamoriRequirement        requirement);
const char  *mamori_requirement_get_description  (MamoriRequirement        requirement);

G_END_DECLS
