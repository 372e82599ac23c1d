/* test-lookup.c — the reference catalog, its search, its updates, the
 * guided checks and screening records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "analysis/mamori-text.h"
#include "catalog/mamori-catalog.h"
#include "catalog/mamori-checks.h"
#include "store/mamori-store.h"
#include "test-utils.h"

/* Every list loads, with the counts of ../shared/reference/. */
static void
test_lists (void)
{
  static const struct { const char *id; guint count; guint expected; } lists[] = {
    { "patent-fields", 25, 25 },          /* 01: 25 specified technology fields */
    { "prior-report", 18, 19 },           /* 02: the seed lists 18 of 19 */
    { "dual-use", 9, 0 },
    { "critical-technologies", 20, 20 },  /* 04: 20 areas */
    { "critical-products", 16, 16 },      /* 04: 16 since 2025-12-24 */
    { "group-a", 27, 27 },                /* 03: 27 countries */
    { "fdi", 30, 0 },
    { "contacts", 8, 8 },                 /* 11: 8 contacts */
  };
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_bundled ();
  guint unverified = 0;

  g_assert_cmpuint (mamori_catalog_get_n_lists (catalog), ==, G_N_ELEMENTS (lists));
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const MamoriCatalogList *list = mamori_catalog_lookup_list (catalog, lists[i].id);

      g_assert_nonnull (list);
      g_test_message ("%s: %u entries", list->id, list->entries->len);
      g_assert_cmpuint (list->entries->len, ==, lists[i].count);
      if (lists[i].expected > 0)
        g_assert_cmpuint (list->expected, ==, lists[i].expected);
      g_assert_nonnull (list->source_url);
      g_assert_nonnull (list->as_of);

      for (guint j = 0; j < list->entries->len; j++)
        {
          const MamoriCatalogEntry *entry = g_ptr_array_index (list->entries, j);

          unverified += entry->status == MAMORI_UNVERIFIED;
          g_assert_nonnull (entry->source_url);
          g_assert_nonnull (entry->as_of);
          g_assert_nonnull (entry->name_ja);
        }
    }

  /* The placeholders of the reference stay marked as such. */
  g_assert_cmpint (mamori_catalog_lookup (catalog, "patent-fields/25")->status, ==, MAMORI_UNVERIFIED);
  g_assert_cmpint (mamori_catalog_lookup (catalog, "patent-fields/01")->status, ==, MAMORI_VERIFIED_SECONDARY);
  g_assert_cmpuint (unverified, >, 0);
  /* Contacts have a way to reach them. */
  g_assert_cmpstr (mamori_catalog_lookup_contact (catalog, "C4")->phone, ==, "052-951-1797");
}

static char **
search_ids (MamoriCatalog *catalog,
            const char    *query)
{
  g_autoptr(GArray) hits = mamori_catalog_search (catalog, query, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < hits->len; i++)
    g_strv_builder_add (builder, g_array_index (hits, MamoriCatalogHit, i).entry->id);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

/* Japanese as a Japanese user types it, English aliases, one and two
 * characters, and nothing for words that are nowhere. */
static void
test_search (void)
{
  static const struct { const char *query; const char *first; } cases[] = {
    { "ドイツ", "group-a/de" },
    { "ﾄﾞｲﾂ", "group-a/de" },                 /* half-width katakana */
    { "どいつ", "group-a/de" },                 /* hiragana */
    { "Germany", "group-a/de" },
    { "germany", "group-a/de" },               /* case */
    { "ＧＥＲＭＡＮＹ", "group-a/de" },        /* full-width Latin */
    { "米国", "group-a/us" },                   /* an alias */
    { "USA", "group-a/us" },
    { "韓国", "group-a/kr" },                   /* two characters */
    { "QD", NULL },     /* an English abbreviation */
    { "quantum dot", NULL },                    /* several words */
  };
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) ids = search_ids (catalog, cases[i].query);

      g_test_message ("%s → %s", cases[i].query, ids[0] != NULL ? ids[0] : "(nothing)");
      g_assert_nonnull (ids[0]);
      if (cases[i].first != NULL && mamori_catalog_lookup (catalog, cases[i].first) != NULL)
        g_assert_cmpstr (ids[0], ==, cases[i].first);
    }

  /* MLCC (積層セラミックコンデンサ) is among the critical products, by its
   * abbreviation and by the everyday name. */
  {
    g_auto(GStrv) by_abbreviation = search_ids (catalog, "MLCC");
    g_auto(GStrv) by_word = search_ids (catalog, "積層セラコン");

    g_assert_true (g_strv_contains ((const char * const *) by_abbreviation, "critical-products/12"));
    g_assert_true (g_strv_contains ((const char * const *) by_word, "critical-products/12"));
  }

  /* One character finds names that hold it: 量 → 量子… */
  {
    g_autoptr(GArray) hits = mamori_catalog_search (catalog, "量", NULL);

    g_assert_cmpuint (hits->len, >, 0);
    for (guint i = 0; i < hits->len; i++)
      {
        const MamoriCatalogEntry *entry = g_array_index (hits, MamoriCatalogHit, i).entry;
        gboolean in_name = FALSE;

        for (guint j = 0; entry->search_names[j] != NULL; j++)
          in_name |= strstr (entry->search_names[j], "量") != NULL;
        g_assert_true (in_name);
      }
  }

  /* Long-vowel marks and small kana do not matter. */
  {
    g_autofree char *a = mamori_text_normalize_loose ("サーバー");
    g_autofree char *b = mamori_text_normalize_loose ("ｻｰﾊﾞ");
    g_autofree char *c = mamori_text_normalize_loose ("キャパシタ");
    g_autofree char *d = mamori_text_normalize_loose ("きやぱした");

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (c, ==, d);
  }

  /* Latin words match at word starts: "ai" is not in "Thailand", and
   * "tin" only in the explanations (tiny) ranks below any name. */
  {
    g_autoptr(GArray) hits = mamori_catalog_search (catalog, "tin", NULL);

    for (guint i = 0; i < hits->len; i++)
      g_assert_cmpint (g_array_index (hits, MamoriCatalogHit, i).score, <=, MAMORI_CATALOG_TEXT_SCORE);
  }
  /* A name every entry of a list shares names none of them. */
  g_assert_null (mamori_catalog_find_name (catalog, "group-a", "グループA"));
  g_assert_cmpstr (mamori_catalog_find_name (catalog, "group-a", "ｱﾒﾘｶ")->id, ==, "group-a/us");

  /* Nothing for nonsense and for blanks. */
  {
    g_auto(GStrv) none = search_ids (catalog, "ぬるぽがっ");
    g_auto(GStrv) blank = search_ids (catalog, "　 ");

    g_assert_null (none[0]);
    g_assert_null (blank[0]);
  }
}

static const char minimal[] =
  "[catalog]\nformat=1\nversion=%s\nreleased=2027-01-10\n"
  "[list:contacts]\norder=1\nname=Contacts\nname[ja]=相談先\nsource-url=https://example.jp/\nas-of=2027-01-01\n"
  "[contacts/C1]\nname-ja=相談\nname-en=Advice\norganization[ja]=窓口\nphone=000\nstatus=seed-only\n"
  "source-url=https://example.jp/\nas-of=2027-01-01\n";

/* A newer catalog file is validated, its changes listed, and it is kept
 * for later starts; a bad or older one changes nothing. */
static void
count_catalog_changes (MamoriCatalogMonitor *monitor,
                       guint                *count)
{
  (*count)++;
}

static void
test_update (void)
{
  g_autoptr(MamoriCatalog) bundled = mamori_catalog_dup_bundled ();
  g_autofree char *newer = NULL;
  g_autofree char *older = NULL;
  g_autofree char *too_small = g_strdup_printf (minimal, "2099.1");
  g_autoptr(MamoriCatalog) update = NULL;
  g_autoptr(MamoriCatalog) installed = NULL;
  g_autoptr(MamoriCatalog) in_use = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = mamori_catalog_dup_installed_path ();
  guint catalog_changes = 0;
  static const char * const malformed[] = {
    "not a key file at all [",
    "[catalog]\nformat=2\nversion=2099.1\nreleased=2099-01-01\n",
    "[catalog]\nformat=1\nversion=new\nreleased=2099-01-01\n[list:x]\nname=X\n",
    "[catalog]\nformat=1\nversion=2099.1\nreleased=2099-01-01\n[x/1]\nname-ja=a\n",
    "[catalog]\nformat=1\nversion=2099.1\nreleased=2099-01-01\n"
    "[list:x]\norder=1\nname=X\nname[ja]=X\nsource-url=u\nas-of=2099-01-01\n"
    "[x/1]\nname-ja=a\nname-en=a\nstatus=maybe\nsource-url=u\nas-of=2099-01-01\n"
    "summary=s\nsummary[ja]=s\nmeaning=m\nmeaning[ja]=m\naction=a\naction[ja]=a\n",
  };

  g_assert_true (mamori_catalog_is_bundled (bundled));
  {
    g_autoptr(GBytes) data = g_resources_lookup_data (RESOURCE_BASE "/catalog/reference.ini", 0, NULL);
    g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
    g_autoptr(GString) old_text = g_string_new (text->str);

    g_assert_cmpint (g_string_replace (text, "version=2026.11.1", "version=2099.1", 1), ==, 1);
    /* One entry changed, one added. */
    g_assert_cmpint (g_string_replace (text, "name-en=Germany\n", "name-en=Federal Republic of Germany\n", 1), ==, 1);
    g_string_append (text, "\n[group-a/xx]\nname-ja=テスト国\nname-en=Testland\nstatus=unverified\n"
                           "source-url=https://example.jp/\nas-of=2099-01-01\nsummary=s\nsummary[ja]=s\n"
                           "meaning=m\nmeaning[ja]=m\naction=a\naction[ja]=a\nregimes=export\n");
    newer = g_string_free (g_steal_pointer (&text), FALSE);
    g_assert_cmpint (g_string_replace (old_text, "version=2026.11.1", "version=2020.1", 1), ==, 1);
    older = g_string_free (g_steal_pointer (&old_text), FALSE);
  }

  /* A catalog without the lists and contacts the checks rely on. */
  g_assert_false (mamori_catalog_install (bundled, too_small, strlen (too_small), NULL, &error));
  g_assert_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "group-a"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_assert_false (mamori_catalog_install (bundled, malformed[i], strlen (malformed[i]), NULL, &error));
      g_assert_error (error, MAMORI_CATALOG_ERROR, (int) (i == 1 ? MAMORI_CATALOG_ERROR_FORMAT : MAMORI_CATALOG_ERROR_INVALID));
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  g_assert_false (mamori_catalog_install (bundled, older, strlen (older), NULL, &error));
  g_assert_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_OLDER);
  g_clear_error (&error);
  in_use = mamori_catalog_dup_default ();
  g_assert_true (mamori_catalog_is_bundled (in_use));
  {
    g_autoptr(MamoriCatalog) again = mamori_catalog_dup_default ();

    /* Read once, not again by each caller. */
    g_assert_true (again == in_use);
  }
  g_clear_pointer (&in_use, mamori_catalog_unref);
  g_signal_connect (mamori_catalog_monitor_get_default (), "changed", G_CALLBACK (count_catalog_changes), &catalog_changes);

  /* What changes is shown before it applies. */
  update = mamori_catalog_new_from_data (newer, strlen (newer), &error);
  g_assert_no_error (error);
  changes = mamori_catalog_diff (bundled, update);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (((MamoriCatalogChange *) g_ptr_array_index (changes, 0))->kind, ==, MAMORI_CATALOG_CHANGED);
  g_assert_cmpstr (((MamoriCatalogChange *) g_ptr_array_index (changes, 0))->id, ==, "group-a/de");
  g_assert_cmpint (((MamoriCatalogChange *) g_ptr_array_index (changes, 1))->kind, ==, MAMORI_CATALOG_ADDED);
  g_assert_cmpstr (((MamoriCatalogChange *) g_ptr_array_index (changes, 1))->id, ==, "group-a/xx");

  g_assert_true (mamori_catalog_install (bundled, newer, strlen (newer), &installed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mamori_catalog_get_version (installed), ==, "2099.1");
  /* Whoever shows the catalog is told, and is given the new one. */
  g_assert_cmpuint (catalog_changes, ==, 1);
  in_use = mamori_catalog_dup_default ();
  g_assert_cmpstr (mamori_catalog_get_version (in_use), ==, "2099.1");
  g_assert_false (mamori_catalog_is_bundled (in_use));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* The same version again is refused, and the installed one stays. */
  g_assert_false (mamori_catalog_install (in_use, newer, strlen (newer), NULL, &error));
  g_assert_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_OLDER);
  g_clear_error (&error);

  /* Back to the bundled catalog. */
  g_assert_true (mamori_catalog_uninstall (&error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (catalog_changes, ==, 2);
  g_clear_pointer (&in_use, mamori_catalog_unref);
  in_use = mamori_catalog_dup_default ();
  g_assert_true (mamori_catalog_is_bundled (in_use));
  g_signal_handlers_disconnect_by_func (mamori_catalog_monitor_get_default (), count_catalog_changes, &catalog_changes);
}

static void
test_versions (void)
{
  g_assert_cmpint (mamori_catalog_compare_versions ("2026.11.1", "2026.2"), >, 0);
  g_assert_cmpint (mamori_catalog_compare_versions ("2026.2", "2026.2.0"), ==, 0);
  g_assert_cmpint (mamori_catalog_compare_versions ("2026.10", "2026.9"), >, 0);
  g_assert_cmpint (mamori_catalog_compare_versions ("x", "1"), <, 0);
  g_assert_cmpint (mamori_catalog_compare_versions ("1.", "1"), <, 0);
}

/* Each guided check's outcomes. */
static void
test_checks (void)
{
  static const struct { const char *country; MamoriAnswer listed; const char *outcome; } exports[] = {
    { "ドイツ", MAMORI_ANSWER_NO, "group-a" },
    { "Germany", MAMORI_ANSWER_NO, "group-a" },
    { "米国", MAMORI_ANSWER_NO, "group-a" },
    { "大韓民国", MAMORI_ANSWER_NO, "group-a" },
    { "中国", MAMORI_ANSWER_NO, "catch-all" },
    { "ベトナム", MAMORI_ANSWER_NO, "catch-all" },
    { "ドイツ", MAMORI_ANSWER_YES, "licence" },
    { "中国", MAMORI_ANSWER_YES, "licence" },
    { "中国", MAMORI_ANSWER_UNSURE, "classify-first" },
  };
  static const struct { MamoriAnswer investor, act, sector; const char *outcome; } investments[] = {
    { MAMORI_ANSWER_YES, MAMORI_ANSWER_YES, MAMORI_ANSWER_YES, "notify" },
    { MAMORI_ANSWER_NO, MAMORI_ANSWER_YES, MAMORI_ANSWER_YES, "not-foreign" },
    { MAMORI_ANSWER_YES, MAMORI_ANSWER_NO, MAMORI_ANSWER_YES, "not-an-act" },
    { MAMORI_ANSWER_YES, MAMORI_ANSWER_YES, MAMORI_ANSWER_NO, "no-notification" },
    { MAMORI_ANSWER_UNSURE, MAMORI_ANSWER_YES, MAMORI_ANSWER_YES, "ask" },
    { MAMORI_ANSWER_YES, MAMORI_ANSWER_YES, MAMORI_ANSWER_UNSURE, "ask" },
  };
  static const struct { const char *technology; MamoriAnswer enables; const char *outcome; } transfers[] = {
    { "量子ドット", MAMORI_ANSWER_YES, "prior-report" },
    { "量子ドット", MAMORI_ANSWER_UNSURE, "prior-report" },
    { "量子ドット", MAMORI_ANSWER_NO, "prior-report-not-triggered" },
    /* Described in the user's own words, the technology named within. */
    { "MLCC manufacturing know-how", MAMORI_ANSWER_YES, "prior-report" },
    { "積層セラミックコンデンサの製造技術", MAMORI_ANSWER_YES, "prior-report" },
    { "ぬるぽがっ", MAMORI_ANSWER_YES, "no-match" },
    /* Only in an explanation ("tiny capacitors"): not the technology. */
    { "tin", MAMORI_ANSWER_YES, "no-match" },
  };
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autoptr(MamoriCheckResult) result = mamori_check_export_destination (catalog, exports[i].country, exports[i].listed);

      g_test_message ("%s / %d → %s: %s", exports[i].country, exports[i].listed, result->outcome, result->title);
      g_assert_cmpstr (result->outcome, ==, exports[i].outcome);
      g_assert_nonnull (result->next_step);
      g_assert_nonnull (result->contacts[0]);
      g_assert_nonnull (strstr (result->inputs, exports[i].country));
    }
  for (guint i = 0; i < G_N_ELEMENTS (investments); i++)
    {
      g_autoptr(MamoriCheckResult) result = mamori_check_inward_investment (investments[i].investor, investments[i].act,
                                                                            investments[i].sector);

      g_assert_cmpstr (result->outcome, ==, investments[i].outcome);
      /* Every outcome says whom to ask: the Tokai finance bureau. */
      g_assert_cmpstr (result->contacts[0], ==, "C4");
    }
  for (guint i = 0; i < G_N_ELEMENTS (transfers); i++)
    {
      g_autoptr(MamoriCheckResult) result = mamori_check_technology_transfer (catalog, transfers[i].technology,
                                                                              transfers[i].enables);

      g_test_message ("%s → %s", transfers[i].technology, result->outcome);
      g_assert_cmpstr (result->outcome, ==, transfers[i].outcome);
      g_assert_true ((result->matches->len > 0) == !g_str_equal (transfers[i].outcome, "no-match"));
      g_assert_nonnull (strstr (result->inputs, transfers[i].technology));
    }
}

static int
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

/* Screening records persist with their catalog version, and are never
 * changed: a note is added instead. */
static void
test_records (void)
{
  g_autofree char *path = mamori_test_workspace_path ("records.mamori");
  g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, NULL);
  g_autoptr(MamoriScreening) record = mamori_screening_new ("export-destination", "ドイツ", "Destination: ドイツ",
                                                            "Group A", "group-a");
  g_autoptr(MamoriScreening) incomplete = mamori_screening_new ("search", "MLCC", "", "3 matches", "match");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  MamoriScreening *back;

  g_assert_nonnull (store);
  g_free (record->catalog_version);
  record->catalog_version = g_strdup ("2026.11.1");
  g_assert_cmpint (mamori_store_add_screening (store, record, &error), >, 0);
  g_assert_no_error (error);
  g_assert_nonnull (record->created_at);

  /* Without the catalog version, no record. */
  g_assert_cmpint (mamori_store_add_screening (store, incomplete, &error), ==, 0);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (mamori_store_add_screening_note (store, record->id, "顧客に確認済み", "山田", &error));
  g_assert_false (mamori_store_add_screening_note (store, record->id, "  ", "山田", &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&store);

  store = mamori_store_open (path, 0, &error);
  g_assert_no_error (error);
  records = mamori_store_dup_screenings (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  back = g_ptr_array_index (records, 0);
  g_assert_cmpstr (back->subject, ==, "ドイツ");
  g_assert_cmpstr (back->catalog_version, ==, "2026.11.1");
  g_assert_cmpstr (back->outcome, ==, "group-a");
  g_assert_cmpuint (back->notes->len, ==, 1);
  g_assert_cmpstr (((MamoriScreeningNote *) g_ptr_array_index (back->notes, 0))->text, ==, "顧客に確認済み");
  g_clear_object (&store);

  /* The file itself refuses changes to a record. */
  g_assert_cmpint (exec_sql (path, "UPDATE screenings SET result = 'changed'"), !=, SQLITE_OK);
  g_assert_cmpint (exec_sql (path, "DELETE FROM screenings"), !=, SQLITE_OK);
  g_assert_cmpint (exec_sql (path, "UPDATE screening_notes SET text = 'changed'"), !=, SQLITE_OK);
  g_assert_cmpint (mamori_test_query_int (path, "SELECT count(*) FROM screenings"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/lookup/lists", test_lists);
  g_test_add_func ("/lookup/search", test_search);
  g_test_add_func ("/lookup/update", test_update);
  g_test_add_func ("/lookup/versions", test_versions);
  g_test_add_func ("/lookup/checks", test_checks);
  g_test_add_func ("/lookup/records", test_records);

  return g_test_run ();
}
