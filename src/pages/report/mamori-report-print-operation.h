/* mamori-report-print-operation.h — printing a PDF made by the report window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

#include "report/mamori-report.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_REPORT_PRINT_OPERATION (mamori_report_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (MamoriReportPrintOperation, mamori_report_print_operation, MAMORI, REPORT_PRINT_OPERATION, GtkPrintOperation)

GtkPrintOperation *mamori_report_print_operation_new (PopplerDocument *document,
                                                      MamoriPaper      paper,
                                                      const char      *job_name);

G_END_DECLS
