/* test-checklists.c — the bundled checklists of the guide's sections C and D
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "catalog/mamori-checklists.h"
#include "test-utils.h"

/* The six checklists in order, with the counts of ../shared/reference/ and
 * of the guide. */
static void
test_bundled (void)
{
  static const struct { const char *id; const char *section; guint count; } expected[] = {
    { "basic-cyber", "C", 10 },          /* the guide's table of ten basic measures */
    { "nist-csf", "C", 22 + 10 },        /* 09: 22 categories, and the guide's 10 rows */
    { "tics", "C", 20 },                 /* 06: 20 check items */
    { "supply-chain-rating", "C", 13 },
    { "incident-playbook", "D", 38 },
    { "suspicious-approach", "B", 10 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklistCatalog) catalog = mamori_checklist_catalog_dup_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_nonnull (mamori_checklist_catalog_get_version (catalog));
  g_assert_nonnull (mamori_checklist_catalog_get_as_of (catalog));

  g_assert_cmpuint (mamori_checklist_catalog_get_n_checklists (catalog), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const MamoriChecklist *checklist = mamori_checklist_catalog_get_checklist (catalog, i);

      g_test_message ("%s: %u items", mamori_checklist_get_id (checklist),
                      mamori_checklist_get_n_items (checklist));
      g_assert_cmpstr (mamori_checklist_get_id (checklist), ==, expected[i].id);
      g_assert_true (mamori_checklist_catalog_lookup_checklist (catalog, expected[i].id) == checklist);
      g_assert_cmpuint (mamori_checklist_get_n_items (checklist), ==, expected[i].count);
      g_assert_cmpstr (mamori_checklist_get_guide_section (checklist), ==, expected[i].section);
      g_assert_nonnull (mamori_checklist_get_title_en (checklist));
      g_assert_nonnull (mamori_checklist_get_title_ja (checklist));
      g_assert_cmpstr (mamori_checklist_get_title_en (checklist), !=, mamori_checklist_get_title_ja (checklist));
      g_assert_nonnull (mamori_checklist_get_description_en (checklist));
      g_assert_nonnull (mamori_checklist_get_description_ja (checklist));
      g_assert_nonnull (mamori_checklist_get_source (checklist));
      g_assert_true (g_str_has_prefix (mamori_checklist_get_source_url (checklist), "https://"));
      g_assert_cmpuint (strlen (mamori_checklist_get_as_of (checklist)), ==, 10);
    }
  g_assert_null (mamori_checklist_catalog_lookup_checklist (catalog, "no-such-list"));
}

/* Collects the distinct headings of a checklist, in order, checking that
 * the items of one heading are together. */
static GPtrArray *
collect_headings (const MamoriChecklist *checklist,
                  GArray                *counts)
{
  GPtrArray *headings = g_ptr_array_new ();

  for (guint i = 0; i < mamori_checklist_get_n_items (checklist); i++)
    {
      const MamoriChecklistItem *item = mamori_checklist_get_item (checklist, i);
      const char *heading = mamori_checklist_item_get_heading_id (item);
      guint one = 1;

      g_assert_nonnull (heading);
      if (headings->len == 0 || !g_str_equal (g_ptr_array_index (headings, headings->len - 1), heading))
        {
          g_assert_false (g_ptr_array_find_with_equal_func (headings, heading, g_str_equal, NULL));
          g_ptr_array_add (headings, (gpointer) heading);
          g_array_append_val (counts, one);
        }
      else
        g_array_index (counts, guint, counts->len - 1)++;

      g_assert_nonnull (mamori_checklist_item_get_heading_en (item));
      g_assert_nonnull (mamori_checklist_item_get_heading_ja (item));
    }

  return headings;
}

static void
assert_headings (MamoriChecklistCatalog *catalog,
                 const char             *checklist_id,
                 const char * const     *expected_ids,
                 const guint            *expected_counts)
{
  const MamoriChecklist *checklist = mamori_checklist_catalog_lookup_checklist (catalog, checklist_id);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) headings = collect_headings (checklist, counts);

  g_assert_cmpuint (headings->len, ==, g_strv_length ((char **) expected_ids));
  for (guint i = 0; i < headings->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (headings, i), ==, expected_ids[i]);
      if (expected_counts != NULL)
        g_assert_cmpuint (g_array_index (counts, guint, i), ==, expected_counts[i]);
    }
}

/* The parts of each checklist: all six CSF functions, the three TICS
 * sections, the six stages of the playbook. */
static void
test_headings (void)
{
  static const char * const csf[] = { "csf-gv", "csf-id", "csf-pr", "csf-de", "csf-rs", "csf-rc", NULL };
  /* GV 6 + ID 3 + PR 5 + DE 2 + RS 4 + RC 2 = 22 categories, and the
   * guide's rows: none under GV, 3 ID, 2 PR, 2 DE, 2 RS, 1 RC. */
  static const guint csf_counts[] = { 6, 3 + 3, 5 + 2, 2 + 2, 4 + 2, 2 + 1 };
  static const char * const tics[] = { "tics-common", "tics-access", "tics-outsourcing", NULL };
  static const guint tics_counts[] = { 10, 9, 1 };
  static const char * const playbook[] = {
    "incident-signs", "incident-confirm", "incident-initial",
    "incident-pursuit", "incident-evidence", "incident-recurrence", NULL,
  };
  static const guint playbook_counts[] = { 6, 4, 4, 5, 15, 4 };
  static const char * const rating[] = { "sc-level", "sc-star3", "sc-star4", "sc-pending", NULL };
  static const char * const approach[] = { "approach-signs", "approach-responses", NULL };
  static const guint approach_counts[] = { 4, 6 };
  g_autoptr(MamoriChecklistCatalog) catalog = mamori_checklist_catalog_dup_default (NULL);
  const MamoriChecklist *basic = mamori_checklist_catalog_lookup_checklist (catalog, "basic-cyber");
  guint categories = 0;

  assert_headings (catalog, "nist-csf", csf, csf_counts);
  assert_headings (catalog, "tics", tics, tics_counts);
  assert_headings (catalog, "incident-playbook", playbook, playbook_counts);
  assert_headings (catalog, "supply-chain-rating", rating, NULL);
  assert_headings (catalog, "suspicious-approach", approach, approach_counts);

  for (guint i = 0; i < mamori_checklist_get_n_items (basic); i++)
    g_assert_null (mamori_checklist_item_get_heading_id (mamori_checklist_get_item (basic, i)));

  /* The 22 categories keep their official identifiers. */
  for (guint i = 0; i < mamori_checklist_get_n_items (mamori_checklist_catalog_lookup_checklist (catalog, "nist-csf")); i++)
    {
      const MamoriChecklistItem *item =
        mamori_checklist_get_item (mamori_checklist_catalog_lookup_checklist (catalog, "nist-csf"), i);
      const char *id = mamori_checklist_item_get_id (item);
      g_autofree char *code = NULL;

      if (strstr (id, "-guide-") != NULL)
        continue;
      categories++;
      /* csf-gv-oc → (GV.OC) */
      g_assert_cmpuint (strlen (id), ==, strlen ("csf-gv-oc"));
      code = g_ascii_strup (id + 4, -1);
      code[2] = '.';
      g_assert_nonnull (strstr (mamori_checklist_item_get_title_en (item), code));
      g_assert_nonnull (strstr (mamori_checklist_item_get_title_ja (item), code));
      g_assert_true (g_str_has_prefix (id + 4, mamori_checklist_item_get_heading_id (item) + 4));
    }
  g_assert_cmpuint (categories, ==, 22);

  /* The TICS items are numbered as in the guide. */
  for (guint i = 0; i < 20; i++)
    {
      const MamoriChecklist *list = mamori_checklist_catalog_lookup_checklist (catalog, "tics");
      g_autofree char *id = g_strdup_printf ("tics-%02u", i + 1);

      g_assert_cmpstr (mamori_checklist_item_get_id (mamori_checklist_get_item (list, i)), ==, id);
    }
}

static gboolean
has_non_ascii (const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    if ((guchar) *c >= 0x80)
      return TRUE;
  return FALSE;
}

/* Every item is complete in both languages, its id unique and found by
 * lookup, and unverified only where the reference says so. */
static void
test_items (void)
{
  /* reference 09: the Japanese names of the 22 CSF categories are working
   * translations; reference 08: the ★3/★4 item counts are secondary only. */
  static const char * const unverified[] = {
    "csf-gv-oc", "csf-gv-rm", "csf-gv-rr", "csf-gv-po", "csf-gv-ov", "csf-gv-sc",
    "csf-id-am", "csf-id-ra", "csf-id-im",
    "csf-pr-aa", "csf-pr-at", "csf-pr-ds", "csf-pr-ps", "csf-pr-ir",
    "csf-de-cm", "csf-de-ae",
    "csf-rs-ma", "csf-rs-an", "csf-rs-co", "csf-rs-mi",
    "csf-rc-rp", "csf-rc-co",
    "sc-star3-count", "sc-star4-count",
  };
  g_autoptr(MamoriChecklistCatalog) catalog = mamori_checklist_catalog_dup_default (NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint by_status[MAMORI_N_CHECKLIST_VERIFICATIONS] = { 0 };
  guint total = 0;

  for (guint i = 0; i < mamori_checklist_catalog_get_n_checklists (catalog); i++)
    {
      const MamoriChecklist *checklist = mamori_checklist_catalog_get_checklist (catalog, i);
      const char *list_id = mamori_checklist_get_id (checklist);

      for (guint j = 0; j < mamori_checklist_get_n_items (checklist); j++)
        {
          const MamoriChecklistItem *item = mamori_checklist_get_item (checklist, j);
          const char *id = mamori_checklist_item_get_id (item);
          MamoriChecklistVerification verification = mamori_checklist_item_get_verification (item);
          gboolean expect_unverified = g_strv_contains (unverified, id);

          total++;
          g_assert_true (g_hash_table_add (ids, (gpointer) id));
          g_assert_true (mamori_checklist_catalog_lookup_item (catalog, id) == item);
          g_assert_true (mamori_checklist_item_get_checklist (item) == checklist);
          g_assert_cmpstr (mamori_checklist_item_get_checklist_id (item), ==, list_id);

          g_assert_nonnull (mamori_checklist_item_get_title_en (item));
          g_assert_nonnull (mamori_checklist_item_get_title_ja (item));
          g_assert_nonnull (mamori_checklist_item_get_why_en (item));
          g_assert_nonnull (mamori_checklist_item_get_why_ja (item));
          g_assert_cmpstr (mamori_checklist_item_get_title_en (item), !=, mamori_checklist_item_get_title_ja (item));
          g_assert_cmpstr (mamori_checklist_item_get_why_en (item), !=, mamori_checklist_item_get_why_ja (item));
          g_assert_true (has_non_ascii (mamori_checklist_item_get_title_ja (item)));
          g_assert_true (has_non_ascii (mamori_checklist_item_get_why_ja (item)));
          g_assert_true (g_str_has_prefix (mamori_checklist_item_get_guide_section (item),
                                           mamori_checklist_get_guide_section (checklist)));

          g_assert_cmpint (verification, <, MAMORI_N_CHECKLIST_VERIFICATIONS);
          if (verification < MAMORI_N_CHECKLIST_VERIFICATIONS)
            by_status[verification]++;
          if (expect_unverified)
            {
              g_assert_cmpint (verification, ==, MAMORI_CHECKLIST_UNVERIFIED);
              g_assert_nonnull (mamori_checklist_item_get_source_note (item));
            }
          else
            g_assert_cmpint (verification, !=, MAMORI_CHECKLIST_UNVERIFIED);

          /* What only the guide prints stays marked as the guide's. */
          if (g_str_equal (list_id, "basic-cyber") || g_str_equal (list_id, "tics") ||
              g_str_equal (list_id, "incident-playbook") || g_str_equal (list_id, "suspicious-approach") ||
              strstr (id, "-guide-") != NULL)
            g_assert_cmpint (verification, ==, MAMORI_CHECKLIST_SEED_ONLY);
        }
    }

  g_test_message ("%u items: %u verified, %u seed-only, %u unverified", total,
                  by_status[MAMORI_CHECKLIST_VERIFIED], by_status[MAMORI_CHECKLIST_SEED_ONLY],
                  by_status[MAMORI_CHECKLIST_UNVERIFIED]);
  g_assert_cmpuint (by_status[MAMORI_CHECKLIST_UNVERIFIED], ==, G_N_ELEMENTS (unverified));
  g_assert_cmpuint (by_status[MAMORI_CHECKLIST_VERIFIED], >, 0);
  g_assert_cmpuint (g_hash_table_size (ids), ==, total);

  g_assert_null (mamori_checklist_catalog_lookup_item (catalog, "tics-21"));
  g_assert_null (mamori_checklist_catalog_lookup_item (catalog, "tics"));
  g_assert_null (mamori_checklist_catalog_lookup_item (catalog, NULL));

  g_assert_cmpstr (mamori_checklist_verification_get_id (MAMORI_CHECKLIST_VERIFIED), ==, "verified");
  g_assert_cmpstr (mamori_checklist_verification_get_id (MAMORI_CHECKLIST_SEED_ONLY), ==, "seed-only");
  g_assert_cmpstr (mamori_checklist_verification_get_id (MAMORI_CHECKLIST_UNVERIFIED), ==, "unverified");
}

/* Titles and explanations follow the interface language. */
static void
test_language (void)
{
  g_autoptr(MamoriChecklistCatalog) catalog = mamori_checklist_catalog_dup_default (NULL);
  const MamoriChecklistItem *item = mamori_checklist_catalog_lookup_item (catalog, "tics-14");
  const MamoriChecklistItem *sign = mamori_checklist_catalog_lookup_item (catalog, "incident-sign-bug");
  const MamoriChecklist *tics = mamori_checklist_catalog_lookup_checklist (catalog, "tics");
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  g_assert_cmpstr (mamori_checklist_item_get_title_ja (item), ==, "サーバー等が施錠等された区域に設置されている。");
  g_assert_cmpstr (mamori_checklist_item_get_heading_ja (item), ==, "II アクセス権");

  g_setenv ("LANGUAGE", "ja", TRUE);
  g_assert_cmpstr (mamori_checklist_item_get_title (item), ==, mamori_checklist_item_get_title_ja (item));
  g_assert_cmpstr (mamori_checklist_item_get_why (item), ==, mamori_checklist_item_get_why_ja (item));
  g_assert_cmpstr (mamori_checklist_item_get_heading (item), ==, "II アクセス権");
  g_assert_cmpstr (mamori_checklist_get_title (tics), ==, mamori_checklist_get_title_ja (tics));
  g_assert_cmpstr (mamori_checklist_get_description (tics), ==, mamori_checklist_get_description_ja (tics));
  g_assert_true (has_non_ascii (mamori_checklist_item_get_source_note (sign)));

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (mamori_checklist_item_get_title (item), ==, mamori_checklist_item_get_title_en (item));
  g_assert_cmpstr (mamori_checklist_item_get_why (item), ==, mamori_checklist_item_get_why_en (item));
  g_assert_cmpstr (mamori_checklist_item_get_heading (item), ==, "II Access rights");
  g_assert_cmpstr (mamori_checklist_get_title (tics), ==, mamori_checklist_get_title_en (tics));
  g_assert_false (has_non_ascii (mamori_checklist_item_get_source_note (sign)));
  g_assert_null (mamori_checklist_item_get_source_note (item));

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* The bundled catalog is loaded once and shared. */
static void
test_default_shared (void)
{
  g_autoptr(MamoriChecklistCatalog) first = mamori_checklist_catalog_dup_default (NULL);
  g_autoptr(MamoriChecklistCatalog) second = mamori_checklist_catalog_dup_default (NULL);

  g_assert_true (first == second);
}

#define VALID_CATALOG \
  "[catalog]\n" \
  "version=1\n" \
  "as-of=2026-01-01\n" \
  "\n" \
  "[checklist:second]\n" \
  "order=2\n" \
  "title=Second\n" \
  "title[ja]=二番目\n" \
  "description=The second list.\n" \
  "description[ja]=二番目のリスト。\n" \
  "guide-section=D\n" \
  "source=出典\n" \
  "source-url=https://example.org/\n" \
  "as-of=2026-01-01\n" \
  "\n" \
  "[checklist:first]\n" \
  "order=1\n" \
  "title=First\n" \
  "title[ja]=一番目\n" \
  "description=The first list.\n" \
  "description[ja]=一番目のリスト。\n" \
  "guide-section=C\n" \
  "source=出典\n" \
  "source-url=https://example.org/\n" \
  "as-of=2026-01-01\n" \
  "\n" \
  "[heading:first-part]\n" \
  "checklist=first\n" \
  "title=Part\n" \
  "title[ja]=部分\n" \
  "\n" \
  "[first-b]\n" \
  "checklist=first\n" \
  "heading=first-part\n" \
  "order=2\n" \
  "title=B\n" \
  "title[ja]=ビー\n" \
  "why=Because.\n" \
  "why[ja]=理由。\n" \
  "guide-section=C\n" \
  "status=seed-only\n" \
  "\n" \
  "[first-a]\n" \
  "checklist=first\n" \
  "order=1\n" \
  "title=A\n" \
  "title[ja]=エー\n" \
  "why=Because.\n" \
  "why[ja]=理由。\n" \
  "guide-section=C\n" \
  "status=unverified\n" \
  "source-note=Our guess.\n" \
  "\n" \
  "[second-a]\n" \
  "checklist=second\n" \
  "order=1\n" \
  "title=C\n" \
  "title[ja]=シー\n" \
  "why=Because.\n" \
  "why[ja]=理由。\n" \
  "guide-section=D\n" \
  "status=verified\n"

static MamoriChecklistCatalog *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return mamori_checklist_catalog_new_from_bytes (bytes, error);
}

/* A small file loads, sorted by its order keys rather than file order. */
static void
test_load_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklistCatalog) catalog = load_text (VALID_CATALOG, &error);
  const MamoriChecklist *first;

  g_assert_no_error (error);
  g_assert_cmpuint (mamori_checklist_catalog_get_n_checklists (catalog), ==, 2);
  first = mamori_checklist_catalog_get_checklist (catalog, 0);
  g_assert_cmpstr (mamori_checklist_get_id (first), ==, "first");
  g_assert_cmpuint (mamori_checklist_get_n_items (first), ==, 2);
  g_assert_cmpstr (mamori_checklist_item_get_id (mamori_checklist_get_item (first, 0)), ==, "first-a");
  g_assert_cmpstr (mamori_checklist_item_get_id (mamori_checklist_get_item (first, 1)), ==, "first-b");
  g_assert_null (mamori_checklist_item_get_heading_id (mamori_checklist_get_item (first, 0)));
  g_assert_cmpstr (mamori_checklist_item_get_heading_id (mamori_checklist_get_item (first, 1)), ==, "first-part");
  g_assert_cmpstr (mamori_checklist_get_id (mamori_checklist_catalog_get_checklist (catalog, 1)), ==, "second");

  /* The catalog keeps its items alive for whoever holds a reference. */
  {
    MamoriChecklistCatalog *extra = mamori_checklist_catalog_ref (catalog);
    const MamoriChecklistItem *item = mamori_checklist_catalog_lookup_item (extra, "second-a");

    g_clear_pointer (&catalog, mamori_checklist_catalog_unref);
    g_assert_cmpint (mamori_checklist_item_get_verification (item), ==, MAMORI_CHECKLIST_VERIFIED);
    mamori_checklist_catalog_unref (extra);
  }
}

/* Each broken file is refused with an error that names what is wrong. */
static void
test_load_broken (void)
{
  static const struct { const char *name; const char *find; const char *replace; const char *message; } cases[] = {
    { "not a key file", NULL, "this is not [a key file", "not a checklist file" },
    { "empty", NULL, "", "[catalog]" },
    { "no version", "version=1\n", "", "version" },
    { "bad catalog date", "as-of=2026-01-01\n\n[checklist:second]", "as-of=2026-13-01\n\n[checklist:second]", "as-of" },
    { "unknown checklist", "[second-a]\nchecklist=second", "[second-a]\nchecklist=third", "third" },
    { "repeated item id", "[second-a]", "[first-a]", "first-a" },
    { "repeated key", "why=Because.\nwhy[ja]=理由。\nguide-section=D\n", "why=Because.\nwhy=Again.\nwhy[ja]=理由。\nguide-section=D\n", "why" },
    { "no Japanese title", "title[ja]=シー\n", "", "title[ja]" },
    { "no why", "why=Because.\nwhy[ja]=理由。\nguide-section=D\n", "why[ja]=理由。\nguide-section=D\n", "“why”" },
    { "bad status", "status=verified\n", "status=official\n", "official" },
    { "no status", "status=verified\n", "", "status" },
    { "unverified without a note", "source-note=Our guess.\n", "", "source-note" },
    { "heading of another list", "[second-a]\nchecklist=second\n", "[second-a]\nchecklist=second\nheading=first-part\n", "first-part" },
    { "unknown heading", "heading=first-part\norder=2", "heading=first-parts\norder=2", "first-parts" },
    { "same order twice", "heading=first-part\norder=2", "heading=first-part\norder=1", "same order" },
    { "order not a number", "heading=first-part\norder=2", "heading=first-part\norder=two", "order" },
    { "bad guide section", "guide-section=D\nstatus=verified", "guide-section=E\nstatus=verified", "guide-section" },
    { "checklist without items", "[second-a]\nchecklist=second\norder=1", "[second-a]\nchecklist=first\norder=3", "no items" },
    { "bad id", "[second-a]", "[Second A]", "Second A" },
    { "no https", "source-url=https://example.org/\nas-of=2026-01-01\n\n[checklist:first]", "source-url=example.org\nas-of=2026-01-01\n\n[checklist:first]", "source-url" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (cases[i].find != NULL ? VALID_CATALOG : cases[i].replace);
      g_autoptr(GError) error = NULL;
      g_autoptr(MamoriChecklistCatalog) catalog = NULL;

      g_test_message ("case: %s", cases[i].name);
      if (cases[i].find != NULL)
        g_assert_cmpuint (g_string_replace (text, cases[i].find, cases[i].replace, 1), ==, 1);
      catalog = load_text (text->str, &error);
      g_assert_null (catalog);
      g_assert_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/checklists/bundled", test_bundled);
  g_test_add_func ("/checklists/headings", test_headings);
  g_test_add_func ("/checklists/items", test_items);
  g_test_add_func ("/checklists/language", test_language);
  g_test_add_func ("/checklists/default-shared", test_default_shared);
  g_test_add_func ("/checklists/load-small", test_load_small);
  g_test_add_func ("/checklists/load-broken", test_load_broken);

  return g_test_run ();
}
