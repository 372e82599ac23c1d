/* bench-report.c — a 100-page briefing pack: how long exporting and
 * previewing take, against what cairo and Pango alone need for the text
 *
 * meson compile -C _build bench-report
 * _build/tests/bench-report [ASSETS]
 *
 * 1. Fills a workspace with ASSETS assets (default 2,000) and everything
 *    else a pack shows (tests/test-utils.c), then exports the whole pack in
 *    Japanese several times: reading the workspace and building the
 *    document, laying it out and drawing the PDF, as `mamori --export-pdf`
 *    does (without writing the file).
 * 2. The floor: a bare cairo + Pango program draws the same text — every
 *    line of every page, read back from the pack with Poppler, one
 *    PangoLayout per line in the same font — into a PDF with the same
 *    number of pages. The engine's drawing time is compared with it.
 * 3. Preview: renders every page with Poppler at 100 % (as the preview
 *    does), and prints the time per page.
 *
 * Prints figures; asserts nothing about speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <stdlib.h>

#include "mamori-i18n.h"
#include "report/mamori-layout.h"
#include "report/mamori-pack.h"
#include "report/mamori-report.h"
#include "test-utils.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* cairo + Pango alone: each line a layout, shown, no tables, no headers. */
static double
draw_floor (char  **pages,
            guint   n_pages,
            const char *family)
{
  gsize size = 0;
  double start = now_ms ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, &size, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_language (context, pango_language_from_string ("ja"));
  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, 8 * PANGO_SCALE);

  for (guint p = 0; p < n_pages; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      double y = 40;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          PangoLayout *layout;
          int height;

          if (lines[i][0] == '\0')
            continue;
          layout = pango_layout_new (context);
          pango_layout_set_font_description (layout, font);
          pango_layout_set_width (layout, 510 * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_text (layout, lines[i], -1);
          cairo_move_to (cr, 44, y);
          pango_cairo_show_layout (cr, layout);
          pango_layout_get_size (layout, NULL, &height);
          y += (double) height / PANGO_SCALE;
          g_object_unref (layout);
        }
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  guint n_assets = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.mamori", NULL);
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriReportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *family = NULL;
  PopplerDocument *document;
  double total[RUNS], build[RUNS], draw[RUNS], floor_ms[RUNS];
  double preview[512];
  char **pages;
  int n_pages;
  gsize n_chars = 0;

  /* The Japanese pack needs the translations of this build. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  mamori_test_fill_workspace (store, n_assets);
  options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_JA);
  family = mamori_layout_dup_font_family (&error);
  g_assert_no_error (error);

  /* Warm the font caches, as a running app has them. */
  pdf = mamori_report_render (store, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(MamoriDoc) doc = NULL;
      g_autoptr(GBytes) bytes = NULL;
      MamoriPageSetup setup = { MAMORI_PAPER_A4, MAMORI_LANG_JA, "社外秘", "守り精工株式会社",
                                "経済安全保障 ブリーフィング資料", "bench", "bench", NULL };
      double start = now_ms (), built;

      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = mamori_report_render (store, options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      total[run] = now_ms () - start;

      /* The same in its two steps. */
      mamori_i18n_set_thread_language (MAMORI_LANG_JA);
      start = now_ms ();
      doc = mamori_pack_build (store, options, "経済安全保障 ブリーフィング資料", "守り精工株式会社", "bench", now,
                               NULL, &error);
      g_assert_no_error (error);
      built = now_ms ();
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = mamori_doc_render_pdf (doc, &setup, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      build[run] = built - start;
      draw[run] = now_ms () - built;
      mamori_i18n_set_thread_language (NULL);
    }

  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (document);
  pages = g_new0 (char *, n_pages + 1);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);

      pages[i] = poppler_page_get_text (page);
      n_chars += g_utf8_strlen (pages[i], -1);
      g_object_unref (page);
    }
  for (int run = 0; run < RUNS; run++)
    floor_ms[run] = draw_floor (pages, n_pages, family);

  for (int i = 0; i < n_pages && i < (int) G_N_ELEMENTS (preview); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      double width, height, start = now_ms ();
      cairo_surface_t *surface;
      cairo_t *cr;

      poppler_page_get_size (page, &width, &height);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      preview[i] = now_ms () - start;
      cairo_surface_destroy (surface);
      g_object_unref (page);
    }

  g_print ("Workspace: %u assets and the rest of mamori_test_fill_workspace(); font %s\n", n_assets, family);
  /* The body a board reads (everything but the appendix), and the decision
   * paper alone, as sent by e-mail. */
  {
    g_autoptr(MamoriReportOptions) body = mamori_report_options_copy (options);
    g_autoptr(GBytes) bytes = NULL;
    PopplerDocument *counted;

    body->sections = MAMORI_PACK_ALL & ~MAMORI_PACK_APPENDIX;
    bytes = mamori_report_render (store, body, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    counted = poppler_document_new_from_bytes (bytes, NULL, &error);
    g_assert_no_error (error);
    g_print ("Body without the appendix: %d pages\n", poppler_document_get_n_pages (counted));
    g_object_unref (counted);
    g_clear_pointer (&bytes, g_bytes_unref);
    body->sections = MAMORI_PACK_COVER | MAMORI_PACK_DECISIONS | MAMORI_PACK_SUMMARY;
    bytes = mamori_report_render (store, body, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    counted = poppler_document_new_from_bytes (bytes, NULL, &error);
    g_assert_no_error (error);
    g_print ("Cover, decision paper and summary: %d pages, %.0f KiB\n", poppler_document_get_n_pages (counted),
             g_bytes_get_size (bytes) / 1024.0);
    g_object_unref (counted);
  }
  g_print ("Pack (all sections, Japanese): %d pages, %" G_GSIZE_FORMAT " characters, %.0f KiB\n", n_pages, n_chars,
           g_bytes_get_size (pdf) / 1024.0);
  {
    double middle = median (total, RUNS);

    g_print ("Export, median of %d: %.0f ms (min %.0f, max %.0f)\n", RUNS, middle, total[0], total[RUNS - 1]);
  }
  g_print ("  read workspace + build document: %.0f ms\n", median (build, RUNS));
  g_print ("  lay out + draw PDF:              %.0f ms\n", median (draw, RUNS));
  g_print ("Floor (cairo + Pango, same text, one layout per line): %.0f ms\n", median (floor_ms, RUNS));
  g_print ("Engine / floor: %.2f×\n", median (draw, RUNS) / median (floor_ms, RUNS));
  {
    guint n = MIN (n_pages, (int) G_N_ELEMENTS (preview));
    double worst = 0;

    for (guint i = 0; i < n; i++)
      worst = MAX (worst, preview[i]);
    g_print ("Preview one page at 100 %% (Poppler): median %.1f ms, worst %.1f ms\n", median (preview, n), worst);
  }

  g_strfreev (pages);
  g_object_unref (document);
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
  return 0;
}
