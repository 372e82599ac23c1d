/* test-report.c — briefing packs and single-item documents, read back
 * with Poppler as a reader's PDF viewer would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include "mamori-i18n.h"
#include "report/mamori-layout.h"
#include "report/mamori-report.h"
#include "test-utils.h"

/* The page margin the layout keeps (mamori-layout.c). */
#define MARGIN 40.0

typedef struct
{
  char            *path;
  MamoriStore     *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = mamori_test_workspace_path ("pack.mamori");
  fixture->store = mamori_store_open (fixture->path, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  mamori_test_fill_workspace (fixture->store, GPOINTER_TO_UINT (data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

static PopplerDocument *
render (MamoriStore         *store,
        MamoriReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = mamori_report_render (store, options, NULL, NULL, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  char *text = poppler_page_get_text (page);

  g_object_unref (page);
  return text;
}

/* A message in the pack's language, as the pack was meant to print it. */
static char *
in_language (const char *language,
             const char *msgid)
{
  char *text;

  mamori_i18n_set_thread_language (language);
  text = g_strdup (mamori_i18n_gettext (msgid));
  mamori_i18n_set_thread_language (NULL);
  return text;
}

static int
find_page (PopplerDocument *document,
           const char      *needle,
           int              from)
{
  for (int i = from; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      if (strstr (text, needle) != NULL)
        return i;
    }
  return -1;
}

/* Every page: the mark in the header and footer, the organization, n / N;
 * and no character outside the margins. */
static void
assert_every_page (PopplerDocument *document,
                   const char      *mark,
                   const char      *organization)
{
  int n_pages = poppler_document_get_n_pages (document);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      /* Poppler may or may not see the narrow spaces of "n / N". */
      g_autofree char *number = g_strdup_printf ("%d/%d", i + 1, n_pages);
      g_autoptr(GString) packed = NULL;
      PopplerRectangle *boxes = NULL;
      guint n_boxes = 0;
      double width, height;
      const char *first, *last;

      first = strstr (text, mark);
      last = g_strrstr (text, mark);
      g_assert_nonnull (first);
      g_assert_true (first != last);   /* header and footer */
      g_assert_nonnull (strstr (text, organization));
      packed = g_string_new (text);
      g_string_replace (packed, " ", "", 0);
      g_assert_nonnull (strstr (packed->str, number));

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      g_assert_cmpuint (n_boxes, >, 0);
      for (guint j = 0; j < n_boxes; j++)
        {
          g_assert_cmpfloat (boxes[j].x1, >=, MARGIN - 1);
          g_assert_cmpfloat (boxes[j].x2, <=, width - MARGIN + 1);
          g_assert_cmpfloat (boxes[j].y1, >=, MARGIN - 3);
          g_assert_cmpfloat (boxes[j].y2, <=, height - MARGIN + 3);
        }
      g_free (boxes);
      g_object_unref (page);
    }
}

/* Each outline entry points at the page that carries its heading, and the
 * contents page lists the same page number, in the same order. */
static guint
check_outline (PopplerDocument  *document,
               PopplerIndexIter *iter,
               const char      **cursor)
{
  guint checked = 0;

  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;
      PopplerDest *dest;
      g_autofree char *text = NULL;
      const char *line;

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      dest = action->goto_dest.dest;
      g_assert_cmpint (dest->type, ==, POPPLER_DEST_XYZ);
      text = page_text (document, dest->page_num - 1);
      g_assert_nonnull (strstr (text, action->any.title));

      /* "Asset register ........ 5": the entries in order, each with its
       * page number after it (Poppler puts it on a line of its own). */
      line = strstr (*cursor, action->any.title);
      g_assert_nonnull (line);
      *cursor = line + strlen (action->any.title);
      while (g_ascii_isspace (**cursor))
        (*cursor)++;
      g_assert_cmpint (atoi (*cursor), ==, dest->page_num);
      checked++;
      poppler_action_free (action);

      if ((child = poppler_index_iter_get_child (iter)) != NULL)
        {
          checked += check_outline (document, child, cursor);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
  return checked;
}

static void
assert_outline_and_contents (PopplerDocument *document,
                             const char      *contents_title)
{
  PopplerIndexIter *iter = poppler_index_iter_new (document);
  int contents = find_page (document, contents_title, 0);
  g_autofree char *contents_text = NULL;
  const char *cursor;
  guint checked;

  g_assert_nonnull (iter);
  g_assert_cmpint (contents, >=, 0);
  contents_text = page_text (document, contents);
  cursor = contents_text;
  checked = check_outline (document, iter, &cursor);
  poppler_index_iter_free (iter);
  g_assert_cmpuint (checked, >=, 15);

  /* The contents' entries are links to their pages. */
  {
    PopplerPage *page = poppler_document_get_page (document, contents);
    GList *links = poppler_page_get_link_mapping (page);
    guint n_links = 0;

    for (GList *l = links; l != NULL; l = l->next)
      {
        PopplerLinkMapping *mapping = l->data;

        if (mapping->action->type == POPPLER_ACTION_GOTO_DEST)
          n_links++;
      }
    g_assert_cmpuint (n_links, ==, checked);
    poppler_page_free_link_mapping (links);
    g_object_unref (page);
  }
}

static void
assert_fonts_embedded (PopplerDocument *document)
{
  PopplerFontInfo *info = poppler_font_info_new (document);
  PopplerFontsIter *iter = NULL;
  guint japanese = 0, fonts = 0;

  while (poppler_font_info_scan (info, 20, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);

          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_subset (iter));
          fonts++;
          japanese += name != NULL && strstr (name, "CJK") != NULL;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (fonts, >, 0);
  g_assert_cmpuint (japanese, >, 0);
}

static void
assert_headings (PopplerDocument    *document,
                 const char         *language,
                 const char * const *msgids)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      g_string_append (all, text);
    }
  for (guint i = 0; msgids[i] != NULL; i++)
    {
      g_autofree char *heading = in_language (language, msgids[i]);

      if (g_str_equal (language, MAMORI_LANG_JA))
        g_assert_cmpstr (heading, !=, msgids[i]);   /* translated */
      else
        g_assert_cmpstr (heading, ==, msgids[i]);
      if (strstr (all->str, heading) == NULL)
        g_error ("“%s” is not in the %s pack", heading, language);
    }
}

static const char * const section_headings[] = {
  "Summary", "Asset register", "Countermeasure gaps", "Contract reviews", "Screening records",
  "Checklist status", "Incidents", "Contacts", "Top open risks", "Approval", NULL,
};

static void
test_pack_in (Fixture    *fixture,
              const char *language,
              const char *organization)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, language);
  g_autofree char *mark = mamori_report_dup_default_mark (fixture->store, language);
  g_autofree char *contents = in_language (language, "Contents");
  g_autofree char *title = mamori_report_dup_title (fixture->store, options);
  PopplerDocument *document;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *created;

  g_assert_true (mamori_i18n_has_language (language));
  options->author = g_strdup ("総務部 高橋");
  document = render (fixture->store, options);

  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 10);
  assert_every_page (document, mark, organization);
  assert_headings (document, language, section_headings);
  assert_outline_and_contents (document, contents);
  assert_fonts_embedded (document);

  {
    g_autofree char *doc_title = poppler_document_get_title (document);
    g_autofree char *author = poppler_document_get_author (document);
    g_autofree char *subject = poppler_document_get_subject (document);
    g_autofree char *creator = poppler_document_get_creator (document);

    g_assert_cmpstr (doc_title, ==, title);
    g_assert_cmpstr (author, ==, "総務部 高橋");
    g_assert_nonnull (strstr (subject, organization));
    g_assert_true (g_str_has_prefix (creator, "Mamori"));
  }
  created = poppler_document_get_creation_date_time (document);
  g_assert_nonnull (created);
  g_assert_cmpint (ABS (g_date_time_difference (now, created)), <, 120 * G_TIME_SPAN_SECOND);
  g_date_time_unref (created);
  g_object_unref (document);
}

static void
test_pack_japanese (Fixture       *fixture,
                    gconstpointer  data)
{
  test_pack_in (fixture, MAMORI_LANG_JA, "守り精工株式会社");
}

static void
test_pack_english (Fixture       *fixture,
                   gconstpointer  data)
{
  test_pack_in (fixture, MAMORI_LANG_EN, "Mamori Precision Co., Ltd.");
}

/* A long table goes on over pages with its header row on each. */
static void
test_table_header_repeated (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_EN);
  PopplerDocument *document;
  guint pages_with_rows = 0;

  options->sections = MAMORI_PACK_ASSETS;
  document = render (fixture->store, options);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 4);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      if (strstr (text, "製品図面・加工条件") == NULL)
        continue;
      pages_with_rows++;
      g_assert_nonnull (strstr (text, "Department"));
      g_assert_nonnull (strstr (text, "Responsible"));
    }
  g_assert_cmpuint (pages_with_rows, >=, 4);

  /* Every asset is there once. */
  for (guint n = 1; n <= 300; n += 37)
    {
      g_autofree char *name = g_strdup_printf ("資産 %04u", n);

      g_assert_cmpint (find_page (document, name, 0), >=, 0);
    }
  g_object_unref (document);
}

static void
test_sections_and_paper (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_EN);
  PopplerDocument *all, *some;
  PopplerPage *page;
  double width, height;

  all = render (fixture->store, options);
  options->sections = MAMORI_PACK_SUMMARY | MAMORI_PACK_CONTACTS;
  options->paper = MAMORI_PAPER_LETTER;
  g_free (options->mark);
  options->mark = g_strdup ("Board only — do not copy");
  some = render (fixture->store, options);

  g_assert_cmpint (poppler_document_get_n_pages (some), <, poppler_document_get_n_pages (all));
  g_assert_cmpint (find_page (some, "Summary", 0), >=, 0);
  g_assert_cmpint (find_page (some, "Where to ask", 0), >=, 0);
  g_assert_cmpint (find_page (some, "Asset register", 0), ==, -1);
  g_assert_cmpint (find_page (some, "Approval", 0), ==, -1);
  assert_every_page (some, "Board only — do not copy", "Mamori Precision Co., Ltd.");

  page = poppler_document_get_page (some, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.5);
  g_object_unref (page);
  g_object_unref (all);
  g_object_unref (some);
}

static void
test_contract_memo (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) contracts = mamori_store_dup_contracts (fixture->store, NULL);
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_CONTRACT_MEMO, MAMORI_LANG_JA);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) missing = NULL;
  g_autofree char *why = in_language (MAMORI_LANG_JA, "Why essential: %s");
  PopplerDocument *document;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  options->item_id = mamori_contract_get_id (g_ptr_array_index (contracts, 0));
  title = mamori_report_dup_title (fixture->store, options);
  g_assert_nonnull (strstr (title, "共同開発契約（センサー）"));
  document = render (fixture->store, options);
  text = page_text (document, 0);
  g_assert_nonnull (strstr (text, "共同開発契約（センサー）"));
  g_assert_nonnull (strstr (text, "Example Tech Co., Ltd."));
  g_assert_nonnull (strstr (text, "成果の共有は避け"));
  g_assert_cmpint (find_page (document, g_strndup (why, strstr (why, "%s") - why), 0), >=, 0);
  g_assert_cmpint (find_page (document, "資産台帳", 0), ==, -1);
  g_object_unref (document);

  options->item_id = 9999;
  missing = mamori_report_render (fixture->store, options, NULL, NULL, NULL, &error);
  g_assert_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_incident_report (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) incidents = mamori_store_dup_incidents (fixture->store, NULL);
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_INCIDENT, MAMORI_LANG_EN);
  MamoriIncident *incident = g_ptr_array_index (incidents, 0);
  PopplerDocument *document;
  g_autofree char *text = NULL;

  options->item_id = incident->id;
  document = render (fixture->store, options);
  text = page_text (document, 0);
  g_assert_nonnull (strstr (text, "Incident report: 退職予定者による設計データ持ち出しの疑い"));
  g_assert_nonnull (strstr (text, "Timeline"));
  /* The full timeline: the entry and its correction, both kept. */
  g_assert_nonnull (strstr (text, "USBメモリへの大量コピーのログを確認した"));
  g_assert_nonnull (strstr (text, "Correction of entry"));
  g_assert_nonnull (strstr (text, "訂正：確認したのは"));
  g_object_unref (document);
}

static void
test_empty_workspace (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_EN);
  g_autoptr(MamoriStore) store = mamori_store_new_memory (NULL);
  PopplerDocument *document = render (store, options);

  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 5);
  g_assert_cmpint (find_page (document, "The register is empty.", 0), >=, 0);
  g_assert_cmpint (find_page (document, "No open risk is recorded in the workspace.", 0), >=, 0);
  g_object_unref (document);
}

static void
test_sections_parse (void)
{
  g_autoptr(GError) error = NULL;
  guint sections = 0;

  g_assert_true (mamori_pack_sections_parse ("summary, assets", &sections, &error));
  g_assert_cmpuint (sections, ==, MAMORI_PACK_SUMMARY | MAMORI_PACK_ASSETS);
  g_assert_true (mamori_pack_sections_parse ("all", &sections, &error));
  g_assert_cmpuint (sections, ==, MAMORI_PACK_ALL);
  g_assert_false (mamori_pack_sections_parse ("summary,budget", &sections, &error));
  g_assert_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "budget"));
  g_clear_error (&error);
  g_assert_false (mamori_pack_sections_parse (" , ", &sections, &error));
  g_assert_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_INVALID);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_EN);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_cancellable_cancel (cancellable);
  pdf = mamori_report_render (fixture->store, options, NULL, NULL, cancellable, &error);
  g_assert_null (pdf);
  g_assert_nonnull (error);
}

/* The command line */

static int
run_cli (const char * const *args,
         const char * const *extra_env,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MAMORI_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, extra_env[i], extra_env[i + 1], TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out_path = g_build_filename (g_get_home_dir (), "pack.pdf", NULL);
  g_autofree char *bad_folder = g_build_filename (g_get_home_dir (), "no-such-folder", "pack.pdf", NULL);
  g_autofree char *missing = g_build_filename (g_get_home_dir (), "missing.mamori", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  gsize length;

  g_clear_object (&fixture->store);

  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--lang", "en", "--sections",
                                               "cover,summary,assets", "--mark", "Confidential", fixture->path, NULL },
                            NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "pages to"));
  g_assert_cmpuint (mamori_test_file_mode (out_path), ==, 0600);
  g_assert_true (g_file_get_contents (out_path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

    document = poppler_document_new_from_bytes (bytes, NULL, &error);
    g_assert_no_error (error);
    assert_every_page (document, "Confidential", "Mamori Precision Co., Ltd.");
    g_assert_cmpint (find_page (document, "Contract reviews", 0), ==, -1);
    g_object_unref (document);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A workspace that is not there. */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, missing, NULL }, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "missing.mamori"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A file that is not a workspace. */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, out_path, NULL }, NULL, &out, &err), ==, 1);
  g_assert_cmpstr (err, !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A folder that is not there. */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", bad_folder, fixture->path, NULL }, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no such folder"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Called wrongly. */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--lang", "fr", fixture->path, NULL },
                            NULL, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--sections", "budget", fixture->path, NULL },
                            NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "budget"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, NULL }, NULL, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--lang", "en", fixture->path, NULL }, NULL, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

/* Without a Japanese font the export stops and says what to install,
 * rather than writing a PDF of empty boxes. */
static void
test_cli_no_font (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out_path = g_build_filename (g_get_home_dir (), "boxes.pdf", NULL);
  g_autofree char *config = g_build_filename (g_get_home_dir (), "no-fonts.conf", NULL);
  g_autofree char *cache = g_build_filename (g_get_home_dir (), "fc-cache", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_clear_object (&fixture->store);
  g_assert_true (g_file_set_contents (config, "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>fc-cache</cachedir></fontconfig>\n",
                                      -1, NULL));
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--lang", "en", fixture->path, NULL },
                            (const char *[]) { "FONTCONFIG_FILE", config, NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "fonts-noto-cjk"));
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

#define ADD(path, n_assets, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n_assets), fixture_set_up, func, fixture_tear_down)

  ADD ("/report/pack/japanese", 120, test_pack_japanese);
  ADD ("/report/pack/english", 120, test_pack_english);
  ADD ("/report/pack/table-header-repeated", 300, test_table_header_repeated);
  ADD ("/report/pack/sections-and-paper", 40, test_sections_and_paper);
  ADD ("/report/pack/empty-workspace", 0, test_empty_workspace);
  ADD ("/report/pack/cancel", 40, test_cancel);
  ADD ("/report/contract-memo", 10, test_contract_memo);
  ADD ("/report/incident-report", 10, test_incident_report);
  ADD ("/report/cli", 40, test_cli);
  ADD ("/report/cli-no-font", 0, test_cli_no_font);
  g_test_add_func ("/report/sections-parse", test_sections_parse);

  return g_test_run ();
}
