/* mamori-report-window.h — a briefing pack or a single-item document: compose, preview, save, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "report/mamori-report.h"
#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_REPORT_WINDOW (mamori_report_window_get_type ())

G_DECLARE_FINAL_TYPE (MamoriReportWindow, mamori_report_window, MAMORI, REPORT_WINDOW, AdwWindow)

GtkWidget *mamori_report_window_new     (GtkWindow           *parent,
                                         MamoriStore         *store,
                                         MamoriReportKind     kind,
                                         gint64               item_id);
GtkWidget *mamori_report_window_present (GtkWindow           *parent,
                                         MamoriStore         *store,
                                         MamoriReportKind     kind,
                                         gint64               item_id);
/* What Save does once a file is chosen (tests use it: the file chooser
 * cannot run without a desktop portal). */
gboolean   mamori_report_window_save_to (MamoriReportWindow  *self,
                                         const char          *path,
                                         GError             **error);

G_END_DECLS
