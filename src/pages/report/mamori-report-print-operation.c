/* mamori-report-print-operation.c — printing a PDF made by the report window
 *
 * Each page of the PDF is drawn by Poppler into the printer's page, scaled
 * down to its printable area (never up) and centred there. The pages have
 * margins of their own, so the printer's only have to fit around them, and
 * nothing is cut off by a printer that cannot print to the edge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pages/report/mamori-report-print-operation.h"

struct _MamoriReportPrintOperation
{
  GtkPrintOperation  parent_instance;

  PopplerDocument   *document;
};

G_DEFINE_FINAL_TYPE (MamoriReportPrintOperation, mamori_report_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
mamori_report_print_operation_draw_page (GtkPrintOperation *operation,
                                         GtkPrintContext   *context,
                                         int                page_nr)
{
  MamoriReportPrintOperation *self = MAMORI_REPORT_PRINT_OPERATION (operation);
  PopplerPage *page = poppler_document_get_page (self->document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double area_width = gtk_print_context_get_width (context);
  double area_height = gtk_print_context_get_height (context);
  double width, height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  scale = MIN (1.0, MIN (area_width / MAX (width, 1), area_height / MAX (height, 1)));

  cairo_save (cr);
  cairo_translate (cr, (area_width - width * scale) / 2, (area_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

static void
mamori_report_print_operation_finalize (GObject *object)
{
  MamoriReportPrintOperation *self = MAMORI_REPORT_PRINT_OPERATION (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (mamori_report_print_operation_parent_class)->finalize (object);
}

static void
mamori_report_print_operation_class_init (MamoriReportPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = mamori_report_print_operation_finalize;
  operation_class->draw_page = mamori_report_print_operation_draw_page;
}

static void
mamori_report_print_operation_init (MamoriReportPrintOperation *self)
{
}

/**
 * mamori_report_print_operation_new:
 * @document: the PDF to print; the operation keeps it, so the pages
 *   printed are those previewed when Print was chosen
 * @paper: the paper it was laid out for, offered first
 * @job_name: (nullable): the name the printer's queue shows
 *
 * Returns: (transfer full): an operation ready to run
 */
GtkPrintOperation *
mamori_report_print_operation_new (PopplerDocument *document,
                                   MamoriPaper      paper,
                                   const char      *job_name)
{
  MamoriReportPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  paper_size = gtk_paper_size_new (paper == MAMORI_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper_size);

  self = g_object_new (MAMORI_TYPE_REPORT_PRINT_OPERATION,
                       "n-pages", poppler_document_get_n_pages (document),
                       "unit", GTK_UNIT_POINTS,
                       /* The printable area, not the sheet (see above). */
                       "use-full-page", FALSE,
                       "default-page-setup", setup,
                       "embed-page-setup", TRUE,
                       "allow-async", TRUE,
                       NULL);
  if (job_name != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
  self->document = g_object_ref (document);

  return GTK_PRINT_OPERATION (self);
}
