/* mamori-action-export.h — the action plan as a spreadsheet or CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "assess/mamori-findings.h"
#include "io/mamori-csv.h"

G_BEGIN_DECLS

GBytes *mamori_action_export_csv  (GPtrArray          *actions,
                                   GPtrArray          *findings,
                                   const char         *today,
                                   MamoriCsvEncoding   encoding,
                                   GError            **error);
GBytes *mamori_action_export_xlsx (GPtrArray          *actions,
                                   GPtrArray          *findings,
                                   const char         *today,
                                   const char         *title,
                                   GError            **error);

G_END_DECLS
