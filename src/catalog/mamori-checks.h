/* mamori-checks.h — the guided checks of the Lookup tab (guide section B)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "catalog/mamori-catalog.h"

G_BEGIN_DECLS

/* An answer to a yes/no question, "not sure" included. */
typedef enum
{
  MAMORI_ANSWER_UNSURE,
  MAMORI_ANSWER_YES,
  MAMORI_ANSWER_NO,
} MamoriAnswer;

typedef struct
{
  char  *outcome;     /* for machines and records: e.g. "licence", "catch-all", "notify" */
  char  *title;       /* the result in one line */
  char  *explanation; /* why, for this case */
  char  *next_step;   /* what to do now */
  char **contacts;    /* contact keys (C1…) to ask */
  char  *inputs;      /* the answers, one per line, for the screening record */
  GPtrArray *matches; /* of borrowed MamoriCatalogEntry: what the check found in the catalog */
} MamoriCheckResult;

void               mamori_check_result_free          (MamoriCheckResult *result);

MamoriCheckResult *mamori_check_export_destination   (MamoriCatalog     *catalog,
                                                      const char        *country,
                                                      MamoriAnswer       item_listed);
MamoriCheckResult *mamori_check_technology_transfer  (MamoriCatalog     *catalog,
                                                      const char        *technology,
                                                      MamoriAnswer       enables_production_abroad);
MamoriCheckResult *mamori_check_inward_investment    (MamoriAnswer       foreign_investor,
                                                      MamoriAnswer       act_of_investment,
                                                      MamoriAnswer       designated_sector);
const char        *mamori_answer_get_label           (MamoriAnswer       answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriCheckResult, mamori_check_result_free)

G_END_DECLS
