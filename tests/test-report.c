/* test-report.c — briefing packs and single-item documents, read back
 * with Poppler as a reader's PDF viewer would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include "mamori-i18n.h"
#include "analysis/mamori-text.h"
#include "assess/mamori-findings.h"
#include "report/mamori-layout.h"
#include "report/mamori-pack.h"
#include "report/mamori-report.h"
#include "test-utils.h"

/* The page margin, header and footer the layout keeps (mamori-layout.c). */
#define MARGIN        40.0
#define HEADER_HEIGHT 28.0
#define FOOTER_HEIGHT 24.0

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
      GList *found;
      gboolean in_header = FALSE, in_footer = FALSE;

      poppler_page_get_size (page, &width, &height);
      /* The mark in the header and in the footer, not just anywhere: the
       * class names are in the body too. (PDF coordinates: y goes up.) */
      found = poppler_page_find_text (page, mark);
      for (GList *l = found; l != NULL; l = l->next)
        {
          PopplerRectangle *rect = l->data;

          in_header |= height - MAX (rect->y1, rect->y2) < MARGIN + HEADER_HEIGHT - 8;
          in_footer |= MIN (rect->y1, rect->y2) < MARGIN + FOOTER_HEIGHT - 8;
        }
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
      g_assert_true (in_header);
      g_assert_true (in_footer);
      g_assert_nonnull (strstr (text, organization));
      packed = g_string_new (text);
      g_string_replace (packed, " ", "", 0);
      g_assert_nonnull (strstr (packed->str, number));

      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      g_assert_cmpuint (n_boxes, >, 0);
      for (guint j = 0; j < n_boxes; j++)
        {
          g_assert_cmpfloat (boxes[j].x1, >=, MARGIN - 1);
          g_assert_cmpfloat (boxes[j].x2, <=, width - MARGIN + 1);
          g_assert_cmpfloat (boxes[j].y1, >=, MARGIN - 3);
          g_assert_cmpfloat (boxes[j].y2, <=, height - MARGIN + 3);
          /* Nothing runs from the body into the header or the footer:
           * the gaps between them stay empty. */
          g_assert_false (boxes[j].y2 > MARGIN + HEADER_HEIGHT - 6 && boxes[j].y1 < MARGIN + HEADER_HEIGHT - 1);
          g_assert_false (boxes[j].y2 > height - MARGIN - FOOTER_HEIGHT + 1
                          && boxes[j].y1 < height - MARGIN - FOOTER_HEIGHT + 7);
        }
      g_free (boxes);
      g_object_unref (page);
    }
}

/* The page number printed on the contents page on the line of the title
 * that ends at @at (a pointer into @contents_text, the page's text): the
 * digits right of it and level with it, whatever order text extraction puts
 * them in. */
static int
contents_number (PopplerDocument *document,
                 int              contents_page,
                 const char      *contents_text,
                 const char      *at)
{
  PopplerPage *page = poppler_document_get_page (document, contents_page);
  PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  g_autoptr(GString) digits = g_string_new (NULL);
  glong index = g_utf8_pointer_to_offset (contents_text, at);
  double middle, right;

  /* One box per character of the page's text, in the same order. */
  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  g_assert_cmpint (index, <, n_boxes);
  middle = (boxes[index].y1 + boxes[index].y2) / 2;
  right = boxes[index].x2;
  for (guint i = 0; i < n_boxes; i++)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (contents_text, i));

      if (boxes[i].y1 <= middle && boxes[i].y2 >= middle && boxes[i].x1 > right && g_unichar_isdigit (c))
        g_string_append_unichar (digits, c);
    }
  g_free (boxes);
  g_object_unref (page);
  return atoi (digits->str);
}

/* Each outline entry points at the page that carries its heading, and the
 * contents page lists the same page number, in the same order. */
static guint
check_outline (PopplerDocument  *document,
               PopplerIndexIter *iter,
               int               contents_page,
               const char       *contents_text,
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
       * page number after it (Poppler puts it on a line of its own). The
       * contents list what follows them: the decision paper before them is
       * in the outline only. */
      if (dest->page_num - 1 > contents_page)
        {
          line = strstr (*cursor, action->any.title);
          g_assert_nonnull (line);
          *cursor = line + strlen (action->any.title);
          g_assert_cmpint (contents_number (document, contents_page, contents_text,
                                             g_utf8_find_prev_char (contents_text, *cursor)), ==, dest->page_num);
          checked++;
        }
      poppler_action_free (action);

      if ((child = poppler_index_iter_get_child (iter)) != NULL)
        {
          checked += check_outline (document, child, contents_page, contents_text, cursor);
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
  checked = check_outline (document, iter, contents, contents_text, &cursor);
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
  g_autoptr(GError) error = NULL;
  g_autofree char *found = mamori_layout_dup_font_family (&error);
  g_autoptr(GString) family = NULL;

  /* "Noto Sans CJK JP" is embedded as "XXXXXX+NotoSansCJKjp-Regular". */
  g_assert_no_error (error);
  family = g_string_new (found);
  g_string_replace (family, " ", "", 0);
  g_string_replace (family, "JP", "jp", 0);

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
          japanese += name != NULL && strstr (name, family->str) != NULL;
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
  "Overall assessment", "Decisions requested", "For information", "Risk map", "Action plan",
  "Summary", "Asset register", "Countermeasure gaps", "Contract reviews", "Screening records",
  "Checklist status", "Incidents", "Contacts", "Top open risks", "Approval", NULL,
};

static void
test_pack_in (Fixture    *fixture,
              const char *language,
              const char *organization)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, language);
  g_autofree char *mark = NULL;
  g_autofree char *contents = in_language (language, "Contents");
  g_autofree char *title = mamori_report_dup_title (fixture->store, options);
  PopplerDocument *document;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *created;

  g_assert_true (mamori_i18n_has_language (language));
  options->author = g_strdup ("総務部 高橋");
  /* The whole register is in it, and it holds 極秘 assets; an insider
   * incident is open too: the mark is the top class. */
  mark = mamori_report_dup_default_mark (fixture->store, options);
  g_assert_cmpint (mamori_report_get_required_class (fixture->store, options), ==, 3);
  g_assert_cmpint (mamori_report_get_mark_class (fixture->store, mark), ==, 3);
  document = render (fixture->store, options);

  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 10);
  assert_every_page (document, mark, organization);
  assert_headings (document, language, section_headings);
  /* The cover shows the mark large, not only in the header box. */
  {
    PopplerPage *cover = poppler_document_get_page (document, 0);
    g_autofree char *text = poppler_page_get_text (cover);
    GList *attributes = poppler_page_get_text_attributes (cover);
    double largest = 0;
    const char *at = text;

    for (; (at = strstr (at, mark)) != NULL; at += strlen (mark))
      {
        glong offset = g_utf8_pointer_to_offset (text, at);

        for (GList *l = attributes; l != NULL; l = l->next)
          {
            PopplerTextAttributes *attribute = l->data;

            if (attribute->start_index <= offset && offset <= attribute->end_index)
              largest = MAX (largest, attribute->font_size);
          }
      }
    g_assert_cmpfloat (largest, >=, 18);
    poppler_page_free_text_attributes (attributes);
    g_object_unref (cover);
  }
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

  /* The body's register shows 秘 and above only ("資産 0001" is 公開), and
   * says where the others are. */
  options->sections = MAMORI_PACK_ASSETS;
  document = render (fixture->store, options);
  g_assert_cmpint (find_page (document, "資産 0001", 0), ==, -1);
  g_assert_cmpint (find_page (document, "are not in this pack", 0), >=, 0);
  /* More than the body lists one by one: counted by kind of information
   * and class instead, and said where the list is. */
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_cmpint (find_page (document, "資産 0002", 0), ==, -1);
  g_assert_cmpint (find_page (document, "Add the appendix to the pack to list the assets one by one.", 0), ==, 0);
  g_object_unref (document);

  /* The same for the gaps, which the appendix then lists. */
  options->sections = MAMORI_PACK_GAPS | MAMORI_PACK_APPENDIX;
  document = render (fixture->store, options);
  {
    int appendix = find_page (document, "For reference:", 0);
    int summary = find_page (document, "Route not covered", 0);
    g_autofree char *body = page_text (document, summary);

    g_assert_cmpint (summary, >=, 0);
    g_assert_cmpint (summary, <, appendix);
    g_assert_nonnull (strstr (body, "The assets are listed one by one in the appendix."));
    g_assert_null (strstr (body, "製品図面"));
    g_assert_cmpint (appendix, >, 0);
    g_assert_cmpint (find_page (document, "Countermeasure gaps", appendix), >=, appendix);
    g_assert_cmpint (find_page (document, "製品図面", appendix), >=, appendix);
  }
  g_object_unref (document);

  /* The appendix: the whole register, and the checklists item by item. */
  options->sections = MAMORI_PACK_APPENDIX;
  document = render (fixture->store, options);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 4);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      if (strstr (text, "製品図面") == NULL)
        continue;
      pages_with_rows++;
      g_assert_nonnull (strstr (text, "Department"));
      g_assert_nonnull (strstr (text, "Responsible"));
    }
  g_assert_cmpuint (pages_with_rows, >=, 4);

  /* Every asset is there, once. */
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (int i = 0; i < poppler_document_get_n_pages (document); i++)
      {
        g_autofree char *text = page_text (document, i);

        g_string_append (all, text);
      }
    for (guint n = 1; n <= 300; n++)
      {
        g_autofree char *name = g_strdup_printf ("資産 %04u", n);
        const char *at = strstr (all->str, name);

        g_assert_nonnull (at);
        g_assert_null (strstr (at + 1, name));
      }
  }
  g_object_unref (document);
}


/* The body lists the checklist items still to do, grouped; the done ones
 * are counted there and listed in the appendix. */
static void
test_checklists_body (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_EN);
  g_autoptr(MamoriChecklistCatalog) checklists = mamori_checklist_catalog_dup_default (NULL);
  const MamoriChecklist *basic = mamori_checklist_catalog_lookup_checklist (checklists, "basic-cyber");
  g_autofree char *done_item = NULL, *open_item = NULL;
  PopplerDocument *document;

  mamori_i18n_set_thread_language (MAMORI_LANG_EN);
  /* The fill marks the first item done, the second in progress. */
  done_item = g_strdup (mamori_checklist_item_get_title (mamori_checklist_get_item (basic, 0)));
  open_item = g_strdup (mamori_checklist_item_get_title (mamori_checklist_get_item (basic, 1)));
  mamori_i18n_set_thread_language (NULL);

  options->sections = MAMORI_PACK_CHECKLISTS;
  document = render (fixture->store, options);
  g_assert_cmpint (find_page (document, done_item, 0), ==, -1);
  g_assert_cmpint (find_page (document, open_item, 0), >=, 0);
  g_assert_cmpint (find_page (document, "done or not applicable are not listed here", 0), >=, 0);
  g_object_unref (document);

  options->sections = MAMORI_PACK_APPENDIX;
  document = render (fixture->store, options);
  g_assert_cmpint (find_page (document, done_item, 0), >=, 0);
  g_object_unref (document);
}

/* The pack opens as a decision paper: right after the cover, 総評 with the
 * rating, 決議事項 with the action the board is asked to decide, 報告事項 with
 * what changed since the last snapshot; then the risk map and the plan. */
static void
test_decision_paper (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_JA);
  g_autoptr(MamoriAction) action = mamori_action_new ();
  g_autoptr(MamoriAssessment) assessment = NULL;
  g_autoptr(MamoriSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *overall = NULL, *decisions = NULL, *information = NULL;
  g_autofree char *risk_map = NULL, *plan = NULL, *none = NULL, *red = NULL;
  g_autoptr(GString) opening = g_string_new (NULL);
  PopplerDocument *document;
  int risk_page, plan_page;

  overall = in_language (MAMORI_LANG_JA, "Overall assessment");
  decisions = in_language (MAMORI_LANG_JA, "Decisions requested");
  information = in_language (MAMORI_LANG_JA, "For information");
  risk_map = in_language (MAMORI_LANG_JA, "Risk map");
  plan = in_language (MAMORI_LANG_JA, "Action plan");
  none = in_language (MAMORI_LANG_JA, "No decision is requested of the board at this meeting.");
  red = in_language (MAMORI_LANG_JA, "Red");
  g_assert_cmpstr (overall, ==, "総評");
  g_assert_cmpstr (decisions, ==, "決議事項");
  g_assert_cmpstr (information, ==, "報告事項");

  /* A pack of three pages or so goes by e-mail: the fonts are embedded as
   * subsets of the glyphs used, not 1 MB of one font's subroutines. */
  {
    g_autoptr(GBytes) pdf = NULL;
    PopplerDocument *small;

    options->sections = MAMORI_PACK_COVER | MAMORI_PACK_DECISIONS | MAMORI_PACK_SUMMARY;
    pdf = mamori_report_render (fixture->store, options, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    small = poppler_document_new_from_bytes (pdf, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (small), >=, 3);
    g_assert_cmpuint (g_bytes_get_size (pdf), <=, 300 * 1024);
    assert_fonts_embedded (small);
    g_object_unref (small);
  }

  /* No decision asked yet: one line says so. */
  options->sections = MAMORI_PACK_COVER | MAMORI_PACK_DECISIONS;
  document = render (fixture->store, options);
  first = page_text (document, 1);
  /* No author given: the profile's security officer, never the login name. */
  {
    g_autofree char *author = poppler_document_get_author (document);

    g_assert_cmpstr (author, ==, "総務部 高橋");
  }
  g_assert_nonnull (strstr (first, overall));
  g_assert_nonnull (strstr (first, red));
  g_assert_nonnull (strstr (first, none));
  g_object_unref (document);

  /* A snapshot, then an action for the board. */
  assessment = mamori_assessment_load (fixture->store, &error);
  g_assert_no_error (error);
  snapshot = mamori_findings_new_snapshot (assessment->facts, assessment->findings, "2026年11月 取締役会");
  mamori_store_add_snapshot (fixture->store, snapshot, &error);
  g_assert_no_error (error);
  g_free (action->title);
  action->title = g_strdup ("設計サーバーへの持出し制限の導入");
  g_free (action->resolution);
  action->resolution = g_strdup ("300万円の予算を承認する");
  g_free (action->owner);
  action->owner = g_strdup ("総務部 高橋");
  action->board_decision = TRUE;
  mamori_store_save_action (fixture->store, action, &error);
  g_assert_no_error (error);

  options->sections = MAMORI_PACK_ALL;
  document = render (fixture->store, options);
  /* The first three pages: the state, the decision asked, what changed. */
  for (int i = 1; i <= 2; i++)
    {
      g_autofree char *text = page_text (document, i);

      /* Table cells wrap: the text without its line breaks. */
      for (const char *p = text; *p != '\0'; p++)
        if (*p != '\n' && *p != ' ')
          g_string_append_c (opening, *p);
    }
  g_assert_nonnull (strstr (opening->str, overall));
  g_assert_nonnull (strstr (opening->str, decisions));
  g_assert_nonnull (strstr (opening->str, "設計サーバーへの持出し制限の導入"));
  g_assert_nonnull (strstr (opening->str, "300万円の予算を承認する"));
  g_assert_nonnull (strstr (opening->str, information));
  g_assert_nonnull (strstr (opening->str, "2026年11月取締役会"));
  g_assert_null (strstr (opening->str, none));
  /* Then the risk map and the plan, before the details. */
  risk_page = find_page (document, risk_map, 1);
  plan_page = find_page (document, plan, risk_page);
  g_assert_cmpint (risk_page, >, 0);
  g_assert_cmpint (plan_page, >=, risk_page);
  second = page_text (document, plan_page);
  g_strdelimit (second, "\n", ' ');
  g_assert_nonnull (strstr (second, "設計サーバー"));
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
  g_autofree char *why_start = NULL;
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
  /* The disclosed assets are named, without the whole register read. */
  g_assert_nonnull (strstr (text, "資産 0001 製品図面・加工条件、資産 0002"));
  g_assert_nonnull (strstr (why, "%s"));
  why_start = g_strndup (why, strstr (why, "%s") - why);
  g_assert_cmpint (find_page (document, why_start, 0), >=, 0);
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

  /* Another incident, whose entries come after the first one's in the
   * workspace: numbered 1 and 2 all the same, the correction naming 1, and
   * both times in the same (local) zone, named. */
  {
    g_autoptr(MamoriIncident) other = mamori_incident_new ();
    g_autoptr(MamoriIncidentEntry) entry = mamori_incident_entry_new ();
    g_autoptr(MamoriIncidentEntry) fix = mamori_incident_entry_new ();
    g_autoptr(GDateTime) happened = g_date_time_new_from_iso8601 ("2026-11-25T23:30:00+09:00", NULL);
    g_autoptr(GDateTime) local = g_date_time_to_local (happened);
    /* The pack's one date style, with the time: "25 November 2026 14:30". */
    g_autofree char *clock = g_date_time_format (local, "%H:%M");
    g_autofree char *local_text = g_strdup_printf ("%d %s %d %s", g_date_time_get_day_of_month (local),
                                                   (const char *[]) { "January", "February", "March", "April", "May",
                                                                      "June", "July", "August", "September", "October",
                                                                      "November", "December" }[g_date_time_get_month (local) - 1],
                                                   g_date_time_get_year (local), clock);
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) packed = g_string_new (NULL);
    g_autofree char *page = NULL;

    g_free (other->title);
    other->title = g_strdup ("ノートPCの紛失");
    other->kind = MAMORI_INCIDENT_LOST_DEVICE;
    mamori_store_add_incident (fixture->store, other, &error);
    g_assert_no_error (error);
    entry->incident_id = other->id;
    g_free (entry->happened_at);
    entry->happened_at = g_strdup ("2026-11-25T23:30:00+09:00");
    g_free (entry->text);
    entry->text = g_strdup ("電車内に置き忘れたと報告");
    mamori_store_add_incident_entry (fixture->store, entry, &error);
    g_assert_no_error (error);
    g_assert_cmpint (entry->id, >, 2);
    fix->incident_id = other->id;
    fix->corrects = entry->id;
    g_free (fix->happened_at);
    fix->happened_at = g_strdup ("2026-11-25T23:30:00+09:00");
    g_free (fix->text);
    fix->text = g_strdup ("訂正：置き忘れたのはバスの車内");
    mamori_store_add_incident_entry (fixture->store, fix, &error);
    g_assert_no_error (error);

    options->item_id = other->id;
    document = render (fixture->store, options);
    page = page_text (document, 0);
    for (const char *p = page; *p != '\0'; p++)
      if (*p != '\n')
        g_string_append_c (packed, *p);
    g_assert_nonnull (strstr (packed->str, "1. 電車内に置き忘れたと報告"));
    g_assert_nonnull (strstr (packed->str, "2. Correction of entry 1:"));
    g_assert_nonnull (strstr (packed->str, local_text));
    g_assert_nonnull (strstr (packed->str, "Times are local time"));
    g_object_unref (document);
  }
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
  /* An empty register is not reported as "no risk". */
  g_assert_cmpint (find_page (document, "No open risk is recorded in the workspace.", 0), ==, -1);
  g_assert_cmpint (find_page (document, "No information asset is registered yet", 0), >=, 0);
  g_assert_cmpint (find_page (document, "No asset is classified yet", 0), >=, 0);
  g_object_unref (document);
}

/* A moment stored in UTC is dated where the user is: 20:00 UTC on 31 March
 * is 1 April in Japan. */
static void
test_local_dates (void)
{
  g_autofree char *ja = NULL;
  g_autofree char *en = NULL;
  g_autofree char *day = NULL;

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  mamori_i18n_set_thread_language (MAMORI_LANG_JA);
  ja = mamori_pack_format_date ("2026-03-31T20:00:00Z");
  day = mamori_pack_format_date ("2026-04-01");
  mamori_i18n_set_thread_language (MAMORI_LANG_EN);
  en = mamori_pack_format_date ("2026-03-31T20:00:00Z");
  mamori_i18n_set_thread_language (NULL);
  g_unsetenv ("TZ");

  g_assert_cmpstr (ja, ==, "2026年4月1日");
  g_assert_cmpstr (day, ==, "2026年4月1日");
  g_assert_cmpstr (en, ==, "1 April 2026");
}

/* A thread's language is its own, for _(), C_(), plurals and the names
 * held in both languages; other threads keep the interface's. */
static gpointer
japanese_thread (gpointer data)
{
  GPtrArray *seen = data;

  mamori_i18n_set_thread_language (MAMORI_LANG_JA);
  g_ptr_array_add (seen, g_strdup (_("Summary")));
  g_ptr_array_add (seen, g_strdup (C_("approval", "President")));
  g_ptr_array_add (seen, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset is not classified yet.",
                                                       "%u assets are not classified yet.", 3), 3));
  g_ptr_array_add (seen, g_strdup (mamori_text_prefers_japanese () ? "ja" : "en"));
  return NULL;
}

static void
test_thread_language (void)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  GThread *thread = g_thread_new ("pack", japanese_thread, seen);

  g_thread_join (thread);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "概要");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "代表者");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "3件の資産がまだ区分されていません。");
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "ja");
  /* This thread follows the interface (C.UTF-8 in the tests). */
  g_assert_cmpstr (_("Summary"), ==, "Summary");
  g_assert_false (mamori_text_prefers_japanese ());
  g_assert_true (mamori_i18n_has_language (MAMORI_LANG_EN));
  g_assert_false (mamori_i18n_has_language ("fr"));
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
cancel_midway (double   fraction,
               gpointer user_data)
{
  /* Halfway through laying out. */
  if (fraction > 0.3)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_EN);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document;

  pdf = mamori_report_render (fixture->store, options, cancel_midway, cancellable, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (pdf);

  /* Nothing is left held: the next export works. */
  document = render (fixture->store, options);
  g_assert_cmpint (poppler_document_get_n_pages (document), >, 5);
  g_object_unref (document);
}

typedef struct
{
  GBytes  *pdf;
  GError  *error;
  guint    progress;
  double   last;
  gboolean done;
} AsyncResult;

static void
count_progress (double   fraction,
                gpointer user_data)
{
  AsyncResult *result = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpfloat (fraction, >=, result->last);
  result->last = fraction;
  result->progress++;
}

static void
rendered (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  AsyncResult *result = user_data;

  result->pdf = mamori_report_render_finish (res, &result->error);
  result->done = TRUE;
}

/* Off the main thread with a connection of its own; progress comes back to
 * the main thread; the thread's language is its own. */
static void
test_render_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_JA);
  AsyncResult result = { 0 };
  PopplerDocument *document;
  g_autofree char *text = NULL;

  mamori_report_render_async (fixture->store, options, count_progress, &result, NULL, rendered, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);
  g_assert_nonnull (result.pdf);
  g_assert_cmpuint (result.progress, >, 10);

  document = poppler_document_new_from_bytes (result.pdf, NULL, NULL);
  text = page_text (document, 0);
  g_assert_nonnull (strstr (text, "経済安全保障 ブリーフィング資料"));
  /* The main thread still speaks the interface's language. */
  g_assert_cmpstr (_("Summary"), ==, "Summary");
  g_object_unref (document);
  g_bytes_unref (result.pdf);
}

/* Long and awkward data: nothing leaves the page, nothing is dropped. */
static void
test_overflow (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_JA);
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  g_autoptr(MamoriScreening) screening = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) screenings = NULL;
  PopplerDocument *document;
  gint64 id;

  for (int i = 0; i < 40; i++)
    g_string_append (title, "共同開発および技術ライセンスに関する基本契約書");
  g_string_append (title, "ThisIsAVeryLongWordWithoutAnySpacesThatMustStillBreakSomewhere");
  mamori_contract_set_title (contract, title->str);
  mamori_contract_set_counterparty (contract, title->str);
  g_assert_cmpint (mamori_store_add_contract (fixture->store, contract, &error), >, 0);

  screening = mamori_screening_new ("search", "MLCC", "", "3 matches", "match");
  g_free (screening->catalog_version);
  screening->catalog_version = g_strdup ("2026.11.1");
  id = mamori_store_add_screening (fixture->store, screening, &error);
  g_assert_no_error (error);
  for (int i = 1; i <= 400; i++)
    {
      g_autofree char *note = g_strdup_printf ("確認メモ %03d：担当者に再確認した。", i);

      g_assert_true (mamori_store_add_screening_note (fixture->store, id, note, "高橋", &error));
    }

  options->mark = g_strdup ("社外秘（取締役会限り・複製禁止・会議終了後に回収・持ち出し厳禁・保管は総務部）");
  document = render (fixture->store, options);
  assert_every_page (document, "社外秘（取締役会限り", "守り精工株式会社");
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      g_string_append (all, text);
    }
  /* A cell of 400 notes goes on over pages, to its last note. */
  g_assert_nonnull (strstr (all->str, "001：担当者に再確認した"));
  g_assert_nonnull (strstr (all->str, "400：担当者に再確認した"));
  g_object_unref (document);
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
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("mamori said: %s", *err);
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

  /* The register holds 極秘 assets: a lower mark is refused, nothing written… */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--lang", "en", "--sections",
                                               "cover,summary,assets", "--mark", "Confidential", "--author", "高橋 一郎",
                                               fixture->path, NULL },
                            NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--allow-lower-mark"));
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* …unless asked for in so many words. */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--lang", "en", "--sections",
                                               "cover,summary,assets", "--mark", "Confidential", "--allow-lower-mark",
                                               "--author", "高橋 一郎", fixture->path, NULL },
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
    g_assert_cmpint (find_page (document, "高橋 一郎", 0), ==, 0);
    {
      g_autofree char *author = poppler_document_get_author (document);

      g_assert_cmpstr (author, ==, "高橋 一郎");
    }
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

  /* A folder given as the PDF; an empty name. */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", g_get_home_dir (), fixture->path, NULL }, NULL, &out, &err),
                   ==, 1);
  g_assert_nonnull (strstr (err, "is a folder"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf=", fixture->path, NULL }, NULL, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A folder that is not there. */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", bad_folder, fixture->path, NULL }, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no such folder"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Given the workspace as the PDF to write: refused, the workspace kept. */
  {
    g_autofree char *before = mamori_test_dup_file_sha256 (fixture->path);
    g_autofree char *after = NULL;

    g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", fixture->path, fixture->path, NULL }, NULL, &out, &err),
                     ==, 1);
    g_assert_nonnull (strstr (err, "not a PDF"));
    after = mamori_test_dup_file_sha256 (fixture->path);
    g_assert_cmpstr (before, ==, after);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Called wrongly. */
  g_assert_cmpint (run_cli ((const char *[]) { "--lookup", "MLCC", "--export-pdf", out_path, NULL }, NULL, &out, &err),
                   ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--lookup", "MLCC", "--paper", "a3", NULL }, NULL, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
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
  g_assert_cmpint (run_cli ((const char *[]) { "--meeting", "取締役会", fixture->path, NULL }, NULL, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Document control: copies from 1 to 100, a real meeting date with a
   * meeting; refused before anything is written. */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--copies", "0", fixture->path, NULL },
                            NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--copies"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--meeting-date", "2026-12-15", fixture->path,
                                               NULL }, NULL, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--meeting", "取締役会", "--meeting-date",
                                               "2026-02-30", fixture->path, NULL }, NULL, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--lang", "en", "--sections", "cover",
                                               "--meeting", "Board meeting 12", "--meeting-date", "2026/12/15",
                                               "--doc-version", "v2", "--department", "Corporate Planning",
                                               "--distribution", "Yamada, Sato", "--copies", "2", "--collect",
                                               fixture->path, NULL }, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Board meeting 12 2026-12-15"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (out_path, &contents, &length, &error));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    g_autofree char *cover = NULL, *second = NULL;

    document = poppler_document_new_from_bytes (bytes, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
    cover = page_text (document, 0);
    second = page_text (document, 1);
    g_assert_nonnull (strstr (cover, "Copy 1 of 2"));
    g_assert_nonnull (strstr (cover, "Board meeting 12 (15 December 2026)"));
    g_assert_nonnull (strstr (cover, "Corporate Planning"));
    g_assert_nonnull (strstr (cover, "returned at the end of the meeting"));
    g_assert_nonnull (strstr (second, "Copy 2 of 2"));
    g_object_unref (document);
  }
  /* The same meeting again: no second snapshot. */
  g_assert_cmpint (run_cli ((const char *[]) { "--export-pdf", out_path, "--lang", "en", "--sections", "cover",
                                               "--meeting", "Board meeting 12", "--meeting-date", "2026-12-15",
                                               fixture->path, NULL }, NULL, &out, &err), ==, 0);
  g_assert_null (strstr (out, "snapshot"));
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

/* The cover's document control, numbered copies, the outline shown on
 * opening, links, and the snapshot that issuing for a meeting records. */
static void
test_document_control (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, MAMORI_LANG_JA);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL, after = NULL;
  g_autofree char *label = NULL;
  PopplerDocument *document;
  int single, n_pages;

  options->sections = MAMORI_PACK_COVER | MAMORI_PACK_DECISIONS | MAMORI_PACK_SUMMARY | MAMORI_PACK_CONTACTS;
  document = render (fixture->store, options);
  single = poppler_document_get_n_pages (document);
  g_assert_cmpint (poppler_document_get_page_mode (document), ==, POPPLER_PAGE_MODE_USE_OUTLINES);
  /* …set by an update a strict reader accepts as written: the last
   * cross-reference section where startxref says, its entry at the catalog
   * object it names (Poppler alone would quietly rebuild a wrong one). */
  {
    g_autoptr(GBytes) pdf = mamori_report_render (fixture->store, options, NULL, NULL, NULL, &error);
    gsize size;
    const char *data = g_bytes_get_data (pdf, &size);
    g_autofree char *tail = g_strndup (data + size - MIN (size, 512), MIN (size, 512));
    const char *startxref = g_strrstr (tail, "startxref\n");
    const char *catalog = g_strrstr (tail, "\n%%EOF");
    guint64 xref_at, object, object_at;
    g_autofree char *expected = NULL;
    char *end;

    g_assert_no_error (error);
    g_assert_nonnull (startxref);
    g_assert_nonnull (catalog);
    xref_at = g_ascii_strtoull (startxref + strlen ("startxref\n"), NULL, 10);
    g_assert_cmpuint (xref_at, <, size);
    g_assert_true (g_str_has_prefix (data + xref_at, "xref\n"));
    object = g_ascii_strtoull (data + xref_at + strlen ("xref\n"), &end, 10);
    g_assert_true (g_str_has_prefix (end, " 1\n"));
    object_at = g_ascii_strtoull (end + strlen (" 1\n"), &end, 10);
    g_assert_true (g_str_has_prefix (end, " 00000 n \n"));
    expected = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj\n<< /PageMode /UseOutlines", object);
    g_assert_true (g_str_has_prefix (data + object_at, expected));
  }
  /* Web and e-mail addresses in the contacts open as links. */
  {
    guint uris = 0, mails = 0;

    for (int i = 0; i < single; i++)
      {
        PopplerPage *page = poppler_document_get_page (document, i);
        GList *links = poppler_page_get_link_mapping (page);

        for (GList *l = links; l != NULL; l = l->next)
          {
            PopplerAction *action = ((PopplerLinkMapping *) l->data)->action;

            if (action->type == POPPLER_ACTION_URI)
              {
                uris += g_str_has_prefix (action->uri.uri, "https://");
                mails += g_str_has_prefix (action->uri.uri, "mailto:") && strchr (action->uri.uri, '@') != NULL;
              }
          }
        poppler_page_free_link_mapping (links);
        g_object_unref (page);
      }
    g_assert_cmpuint (uris, >=, 3);
    g_assert_cmpuint (mails, >=, 1);
  }
  /* A figure's label comes before its value in the text. */
  {
    g_autofree char *summary = page_text (document, find_page (document, "概要", find_page (document, "目次", 0) + 1));
    const char *label_at = strstr (summary, "情報資産");

    g_autoptr(GString) packed = g_string_new (summary);

    g_assert_nonnull (label_at);
    g_assert_nonnull (strstr (label_at, "40"));
    /* Clauses the review marked missing or to change are a risk, said once
     * for the contracts they are in; the contract chart counts essential
     * topics only, open of all. */
    g_string_replace (packed, "\n", "", 0);
    g_assert_nonnull (strstr (packed->str, "「共同開発契約（センサー）」で、確認の結果「欠落」または「要修正」とされた条項が2件あります。"));
    g_assert_nonnull (strstr (packed->str, "契約の未解決の必須論点"));
    g_assert_nonnull (strstr (packed->str, "件中"));
    /* The charts are on the summary's first page, with the figures. */
    g_assert_nonnull (strstr (packed->str, "区分別の資産数"));
  }
  /* The completion tile's colour follows its figure: few items done, red. */
  {
    int index = find_page (document, "概要", find_page (document, "目次", 0) + 1);
    PopplerPage *page = poppler_document_get_page (document, index);
    g_autofree char *text = poppler_page_get_text (page);
    const char *label = strstr (text, "チェック項目の完了率");
    PopplerRectangle *boxes = NULL;
    guint n_boxes = 0;
    double width, height;
    cairo_surface_t *surface;
    cairo_t *cr;
    guint32 pixel;
    glong at;

    g_assert_nonnull (label);
    g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
    at = g_utf8_pointer_to_offset (text, label);
    poppler_page_get_size (page, &width, &height);
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width * 2, (int) height * 2);
    cr = cairo_create (surface);
    cairo_scale (cr, 2, 2);
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    poppler_page_render (page, cr);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    /* The bar along the tile's top, 9 pt above its label. */
    pixel = *(guint32 *) (cairo_image_surface_get_data (surface)
                          + (int) ((boxes[at].y1 - 8) * 2) * cairo_image_surface_get_stride (surface)
                          + (int) (boxes[at].x1 * 2) * 4);
    g_assert_cmpuint ((pixel >> 16) & 0xff, >, 150);
    g_assert_cmpuint ((pixel >> 8) & 0xff, <, 80);
    cairo_surface_destroy (surface);
    g_free (boxes);
    g_object_unref (page);
  }
  g_object_unref (document);

  options->meeting = g_strdup ("第12回 取締役会");
  options->meeting_date = g_strdup ("2026-12-15");
  options->doc_version = g_strdup ("第2版");
  options->department = g_strdup ("経営企画室");
  options->distribution = g_strdup ("代表取締役 山田太郎, 取締役 佐藤花子、監査役 鈴木一郎");
  options->copies = 3;
  options->collect = TRUE;
  document = render (fixture->store, options);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, ==, 3 * single);
  {
    g_autofree char *cover = page_text (document, 0);

    g_assert_nonnull (strstr (cover, "第12回 取締役会（2026年12月15日）"));
    g_assert_nonnull (strstr (cover, "第2版"));
    g_assert_nonnull (strstr (cover, "経営企画室"));
    g_assert_nonnull (strstr (cover, "取締役 佐藤花子"));
    g_assert_nonnull (strstr (cover, "監査役 鈴木一郎"));
    g_assert_nonnull (strstr (cover, "会議終了後に回収"));
  }
  /* Every page of each copy says which copy it is, and is paged 1…N. */
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (document, i);
      g_autofree char *copy = g_strdup_printf ("配付番号 %d / 3", i / single + 1);
      g_autofree char *number = g_strdup_printf ("%d/%d", i % single + 1, single);
      g_autoptr(GString) packed = g_string_new (text);

      g_assert_nonnull (strstr (text, copy));
      /* "n / N", whatever spaces extraction keeps. */
      g_string_replace (packed, " ", "", 0);
      g_assert_nonnull (strstr (packed->str, number));
    }
  /* The cover says which copy, large, besides the header; without a cover
   * only the header does. */
  {
    g_autofree char *cover = page_text (document, 0);
    const char *second = strstr (strstr (cover, "配付番号 1 / 3") + 1, "配付番号 1 / 3");
    g_autoptr(MamoriReportOptions) bare = mamori_report_options_copy (options);
    PopplerDocument *no_cover;
    g_autofree char *first = NULL;

    g_assert_nonnull (second);
    bare->sections = MAMORI_PACK_DECISIONS;
    no_cover = render (fixture->store, bare);
    first = page_text (no_cover, 0);
    g_assert_nonnull (strstr (first, "配付番号 1 / 3"));
    g_assert_null (strstr (strstr (first, "配付番号 1 / 3") + 1, "配付番号 1 / 3"));
    g_object_unref (no_cover);
  }
  /* One outline entry per copy, opening on its cover. */
  {
    PopplerIndexIter *iter = poppler_index_iter_new (document);
    int copies = 0;

    do
      {
        PopplerAction *action = poppler_index_iter_get_action (iter);
        g_autofree char *expected = g_strdup_printf ("配付番号 %d / 3", copies + 1);

        g_assert_cmpstr (action->any.title, ==, expected);
        g_assert_cmpint (action->goto_dest.dest->page_num, ==, copies * single + 1);
        poppler_action_free (action);
        copies++;
      }
    while (poppler_index_iter_next (iter));
    poppler_index_iter_free (iter);
    g_assert_cmpint (copies, ==, 3);
  }
  g_object_unref (document);

  /* Issuing records one snapshot under the meeting's name; issuing again for
   * the same meeting records none, and still compares with the one before. */
  {
    g_autoptr(MamoriAssessment) assessment = mamori_assessment_load (fixture->store, &error);
    g_autoptr(MamoriSnapshot) earlier = NULL;

    g_assert_no_error (error);
    earlier = mamori_findings_new_snapshot (assessment->facts, assessment->findings, "前回の取締役会");
    g_assert_cmpint (mamori_store_add_snapshot (fixture->store, earlier, &error), >, 0);
    g_assert_no_error (error);
  }
  before = mamori_store_dup_snapshots (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_report_record_issue (fixture->store, options, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "第12回 取締役会 2026-12-15");
  g_clear_pointer (&label, g_free);
  /* A snapshot taken by hand in between changes neither. */
  {
    g_autoptr(MamoriAssessment) assessment = mamori_assessment_load (fixture->store, &error);
    g_autoptr(MamoriSnapshot) manual = NULL;

    g_assert_no_error (error);
    manual = mamori_findings_new_snapshot (assessment->facts, assessment->findings, "手で記録");
    g_assert_cmpint (mamori_store_add_snapshot (fixture->store, manual, &error), >, 0);
  }
  g_assert_true (mamori_report_record_issue (fixture->store, options, &label, &error));
  g_assert_null (label);
  after = mamori_store_dup_snapshots (fixture->store, 0, &error);
  g_assert_cmpuint (after->len, ==, before->len + 2);
  g_assert_cmpstr (((MamoriSnapshot *) g_ptr_array_index (after, 1))->label, ==, "第12回 取締役会 2026-12-15");
  options->copies = 0;
  options->sections = MAMORI_PACK_DECISIONS;
  document = render (fixture->store, options);
  {
    g_autofree char *text = page_text (document, 0);

    g_assert_nonnull (strstr (text, "前回の取締役会"));
    g_assert_null (strstr (text, "「第12回 取締役会 2026-12-15」"));
    g_assert_null (strstr (text, "手で記録"));
  }
  g_object_unref (document);
  /* Another meeting compares with the latest snapshot. */
  g_free (options->meeting);
  options->meeting = g_strdup ("第13回 取締役会");
  document = render (fixture->store, options);
  {
    g_autofree char *text = page_text (document, 0);

    g_assert_nonnull (strstr (text, "手で記録"));
  }
  g_object_unref (document);
  /* A meeting without a date is labelled with the pack's: next month's
   * 「取締役会」 is another meeting. */
  g_clear_pointer (&options->meeting_date, g_free);
  options->date = g_strdup ("2027-01-20");
  label = mamori_report_dup_issue_label (options);
  g_assert_cmpstr (label, ==, "第13回 取締役会 2027-01-20");
  g_clear_pointer (&label, g_free);
}

static PopplerDocument *
render_doc (MamoriDoc  *doc,
            const char *language)
{
  MamoriPageSetup setup = { MAMORI_PAPER_A4, language, "社外秘", "守り精工株式会社", "組版", "", "", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document;

  setup.created = now;
  pdf = mamori_doc_render_pdf (doc, &setup, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* The review's typesetting defects, read back from the PDF. */
static void
test_typesetting (void)
{
  /* A heading never ends a page when the short table it heads is placed
   * whole on the next one. */
  {
    g_autoptr(MamoriDoc) doc = mamori_doc_new ();
    PopplerDocument *document;

    mamori_doc_heading (doc, 1, "始まり");
    mamori_doc_spacer (doc, 600);
    mamori_doc_heading (doc, 2, "見出しだけが残らないこと");
    mamori_doc_table_begin (doc, 2, (double[]) { 1, 2 }, NULL);
    for (int i = 0; i < 8; i++)
      mamori_doc_table_row (doc, (const char *[]) { "項目", i == 7 ? "最後の行" : "値" });
    mamori_doc_table_end (doc);
    document = render_doc (doc, MAMORI_LANG_JA);
    g_assert_cmpint (find_page (document, "見出しだけが残らないこと", 0), ==, find_page (document, "最後の行", 0));
    g_assert_cmpint (find_page (document, "見出しだけが残らないこと", 0), ==, 1);
    g_object_unref (document);
  }

  /* Dates, numbers with their unit, names and English words are not broken
   * across lines, even in narrow columns; two adjacent punctuation marks are
   * set without a full em of space between them. */
  {
    g_autoptr(MamoriDoc) doc = mamori_doc_new ();
    PopplerDocument *document;
    g_autofree char *text = NULL;
    PopplerPage *page;
    PopplerRectangle *boxes = NULL;
    guint n_boxes = 0;
    const char *close, *open;

    mamori_doc_table_begin (doc, 4, (double[]) { 1, 1, 1, 12 }, (const char *[]) { "期限", "担当", "件数", "内容" });
    mamori_doc_table_keep_words (doc, 1);
    mamori_doc_table_row (doc, (const char *[]) { "2026年12月31日", "総務部 高橋一郎", "2,000件",
                                                  "Manufacturing" });
    mamori_doc_table_end (doc);
    mamori_doc_text (doc, MAMORI_TEXT_BODY, "「取締役会」（2026年12月7日）以降の変化です。");
    document = render_doc (doc, MAMORI_LANG_JA);
    text = page_text (document, 0);
    g_assert_nonnull (strstr (text, "2026年12月31日"));
    g_assert_nonnull (strstr (text, "高橋一郎"));
    g_assert_nonnull (strstr (text, "2,000件"));
    g_assert_nonnull (strstr (text, "Manufacturing"));

    page = poppler_document_get_page (document, 0);
    g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
    close = strstr (text, "」（");
    g_assert_nonnull (close);
    open = g_utf8_next_char (close);
    {
      glong i = g_utf8_pointer_to_offset (text, close), j = g_utf8_pointer_to_offset (text, open);
      double em = boxes[i].y2 - boxes[i].y1;

      /* Each mark is a full em wide as a rule; the pair is 1.5 em, not 2. */
      g_assert_cmpfloat (boxes[j].x1 - boxes[i].x1, <, 0.75 * em);
    }
    g_free (boxes);
    g_object_unref (page);
    g_object_unref (document);
  }

  /* Narrow columns are widened to their words and dates, and a table never
   * runs past the margin, even when the words cannot all fit. */
  for (int crowded = 0; crowded < 2; crowded++)
    {
      g_autoptr(MamoriDoc) doc = mamori_doc_new ();
      PopplerDocument *document;
      g_autofree char *text = NULL;
      PopplerPage *page;
      PopplerRectangle *boxes = NULL;
      guint n_boxes = 0;
      double width;

      if (!crowded)
        {
          mamori_doc_table_begin (doc, 5, (double[]) { 0.6, 0.6, 0.6, 0.6, 8 }, NULL);
          mamori_doc_table_keep_words (doc, 3);
          mamori_doc_table_row (doc, (const char *[]) { "2026年12月31日", "Manufacturing", "2,000件", "総務部 高橋一郎",
                                                        "長い説明文が続きます。" });
        }
      else
        {
          mamori_doc_table_begin (doc, 8, (double[]) { 1, 1, 1, 1, 1, 1, 1, 1 }, NULL);
          mamori_doc_table_row (doc, (const char *[]) { "Internationalization", "Internationalization",
                                                        "Internationalization", "Internationalization",
                                                        "Internationalization", "Internationalization",
                                                        "Internationalization", "Internationalization" });
        }
      mamori_doc_table_end (doc);
      document = render_doc (doc, MAMORI_LANG_EN);
      text = page_text (document, 0);
      if (!crowded)
        {
          g_assert_nonnull (strstr (text, "2026年12月31日"));
          g_assert_nonnull (strstr (text, "Manufacturing"));
          g_assert_nonnull (strstr (text, "2,000件"));
          g_assert_nonnull (strstr (text, "高橋一郎"));
        }
      page = poppler_document_get_page (document, 0);
      poppler_page_get_size (page, &width, NULL);
      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      for (guint i = 0; i < n_boxes; i++)
        g_assert_cmpfloat (boxes[i].x2, <=, width - MARGIN + 1);
      g_free (boxes);
      g_object_unref (page);
      g_object_unref (document);
    }

  /* A path breaks at its separators. */
  {
    g_autoptr(MamoriDoc) doc = mamori_doc_new ();
    PopplerDocument *document;
    g_autofree char *text = NULL;
    g_autofree char *path = NULL;
    g_auto(GStrv) pieces = NULL;
    const char *start, *end;

    mamori_doc_table_begin (doc, 2, (double[]) { 1, 5 }, NULL);
    mamori_doc_table_row (doc, (const char *[]) { "/home/takahashi/Documents/incident-2026/evidence/usb-copy-log.csv",
                                                  "" });
    mamori_doc_table_end (doc);
    document = render_doc (doc, MAMORI_LANG_EN);
    text = page_text (document, 0);
    start = strstr (text, "/home");
    end = strstr (text, ".csv");
    g_assert_true (start != NULL && end != NULL && end > start);
    path = g_strndup (start, end - start);
    pieces = g_strsplit (path, "\n", -1);
    g_assert_cmpuint (g_strv_length (pieces), >, 1);
    for (guint i = 0; pieces[i + 1] != NULL; i++)
      g_assert_true (g_str_has_suffix (pieces[i], "/") || g_str_has_suffix (pieces[i], "-"));
    g_object_unref (document);
  }

  /* English quotes and apostrophes are not an em wide. */
  {
    g_autoptr(MamoriDoc) doc = mamori_doc_new ();
    PopplerDocument *document;
    g_autofree char *text = NULL;
    PopplerPage *page;
    PopplerRectangle *boxes = NULL;
    guint n_boxes = 0;
    const char *apostrophe;

    mamori_doc_text (doc, MAMORI_TEXT_BODY, "Prepared from the workspace’s own records.");
    document = render_doc (doc, MAMORI_LANG_EN);
    text = page_text (document, 0);
    apostrophe = strstr (text, "’s");
    g_assert_nonnull (apostrophe);
    page = poppler_document_get_page (document, 0);
    g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
    {
      glong i = g_utf8_pointer_to_offset (text, apostrophe);
      double em = boxes[i + 1].y2 - boxes[i + 1].y1;

      g_assert_cmpfloat (boxes[i + 1].x1 - boxes[i].x1, <, 0.5 * em);
    }
    g_free (boxes);
    g_object_unref (page);
    g_object_unref (document);
  }
}

/* A class looks the same in the window and in a pack: the pack's colours
 * are the palette data/style.css defines. */
static void
test_class_palette (void)
{
  g_autoptr(GBytes) css = g_resources_lookup_data (RESOURCE_BASE "/style.css", 0, NULL);
  g_autofree char *text = NULL;
  const guint32 colors[] = {
    MAMORI_COLOR_CLASS_0, MAMORI_COLOR_CLASS_1, MAMORI_COLOR_CLASS_2, MAMORI_COLOR_CLASS_3,
  };

  g_assert_nonnull (css);
  text = g_strndup (g_bytes_get_data (css, NULL), g_bytes_get_size (css));
  for (guint level = 0; level < G_N_ELEMENTS (colors); level++)
    {
      g_autofree char *definition = g_strdup_printf ("@define-color mamori_class_%u #%06x;", level, colors[level]);

      if (strstr (text, definition) == NULL)
        g_error ("style.css does not say “%s”", definition);
    }
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

#define ADD(path, n_assets, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n_assets), fixture_set_up, func, fixture_tear_down)

  ADD ("/report/pack/japanese", 60, test_pack_japanese);
  ADD ("/report/pack/decision-paper", 60, test_decision_paper);
  ADD ("/report/pack/document-control", 40, test_document_control);
  ADD ("/report/pack/checklists-body", 10, test_checklists_body);
  ADD ("/report/pack/english", 60, test_pack_english);
  ADD ("/report/pack/table-header-repeated", 300, test_table_header_repeated);
  ADD ("/report/pack/sections-and-paper", 40, test_sections_and_paper);
  ADD ("/report/pack/empty-workspace", 0, test_empty_workspace);
  ADD ("/report/pack/cancel", 40, test_cancel);
  ADD ("/report/pack/async", 40, test_render_async);
  ADD ("/report/pack/overflow", 20, test_overflow);
  ADD ("/report/contract-memo", 10, test_contract_memo);
  ADD ("/report/incident-report", 10, test_incident_report);
  ADD ("/report/cli", 40, test_cli);
  ADD ("/report/cli-no-font", 0, test_cli_no_font);
  g_test_add_func ("/report/typesetting", test_typesetting);
  g_test_add_func ("/report/class-palette", test_class_palette);
  g_test_add_func ("/report/sections-parse", test_sections_parse);
  g_test_add_func ("/report/local-dates", test_local_dates);
  g_test_add_func ("/report/thread-language", test_thread_language);

  return g_test_run ();
}
