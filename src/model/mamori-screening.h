/* mamori-screening.h — a dated screening record: what was checked, and how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *text;
  char *author;
  char *created_at;
} MamoriScreeningNote;

typedef struct
{
  gint64     id;
  char      *kind;             /* search, entry, export-destination, technology-transfer,
                                  inward-investment, end-user */
  char      *subject;          /* what was checked: a query, a country, a name… */
  char      *inputs;           /* the answers given, one per line */
  char      *result;           /* the result, as it was shown */
  char      *outcome;          /* the result for machines: match, no-match, group-a… */
  char      *checked_by;
  char      *catalog_version;
  char      *end_user_list;    /* which End User List, for counterparty checks */
  char      *created_at;       /* UTC, ISO 8601 */
  GPtrArray *notes;            /* of MamoriScreeningNote, oldest first */
} MamoriScreening;

MamoriScreening *mamori_screening_new           (const char      *kind,
                                                 const char      *subject,
                                                 const char      *inputs,
                                                 const char      *result,
                                                 const char      *outcome);
void             mamori_screening_free          (MamoriScreening *screening);
const char      *mamori_screening_kind_get_label (const char     *kind);
const char      *mamori_screening_get_user_name  (void);
gboolean         mamori_screening_matches       (MamoriScreening *screening,
                                                 const char      *normalized_query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriScreening, mamori_screening_free)

G_END_DECLS
