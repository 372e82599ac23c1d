/* test-classification.c — ratings to classes, search text, trade secrets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "mamori-i18n.h"
#include "analysis/mamori-classification.h"
#include "analysis/mamori-text.h"
#include "analysis/mamori-trade-secret.h"
#include "catalog/mamori-measures.h"
#include "test-utils.h"

#define U MAMORI_RATING_UNRATED

typedef struct
{
  int ratings[MAMORI_N_VIEWPOINTS];
  int expected;
} ClassCase;

/* The default classes: 極秘 from a high rating or a sum of 7, 秘 from a
 * medium one or a sum of 5, 社外秘 from any rating above none. */
static const ClassCase default_cases[] = {
  { { U, U, U }, MAMORI_CLASS_NONE },
  { { 0, 0, 0 }, 0 },
  { { 0, U, U }, 0 },
  { { 1, 0, 0 }, 1 },
  { { 0, 0, 1 }, 1 },
  { { 1, 1, 1 }, 1 },
  { { 2, 0, 0 }, 2 },
  { { 1, 2, U }, 2 },
  { { 2, 2, 0 }, 2 },
  { { 2, 2, 1 }, 2 },   /* sum 5 */
  { { 2, 2, 2 }, 2 },   /* sum 6 */
  { { 3, 0, 0 }, 3 },
  { { 0, 0, 3 }, 3 },
  { { 3, U, U }, 3 },
  { { 3, 2, 2 }, 3 },
};

/* Edited: 極秘 only from a sum of 8 (a single high rating no longer
 * suffices), 秘 from a high rating or a sum of 6, 社外秘 from medium. */
static const ClassCase edited_cases[] = {
  { { 3, 0, 0 }, 2 },
  { { 3, 3, 2 }, 3 },
  { { 2, 2, 2 }, 2 },   /* sum 6 */
  { { 2, 2, 1 }, 1 },   /* sum 5, peak 2 */
  { { 1, 1, 1 }, 0 },
  { { 2, 0, 0 }, 1 },
  { { U, U, 0 }, 0 },
};

static MamoriClassScheme *
new_edited_scheme (void)
{
  MamoriClassScheme *scheme = mamori_class_scheme_new_default ();

  scheme->peak[3] = MAMORI_PEAK_NEVER;
  scheme->total[3] = 8;
  scheme->peak[2] = 3;
  scheme->total[2] = 6;
  scheme->peak[1] = 2;
  scheme->total[1] = MAMORI_TOTAL_NEVER;
  mamori_class_scheme_set_name (scheme, 3, "最重要");
  return scheme;
}

/* The SQL the store uses must agree with the C rule on every case. */
static int
evaluate_in_sql (const MamoriClassScheme *scheme,
                 const int                ratings[MAMORI_N_VIEWPOINTS])
{
  const char *columns[] = { "a", "b", "c" };
  g_autofree char *expression = mamori_class_scheme_dup_sql (scheme, columns);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM (SELECT ?1 AS a, ?2 AS b, ?3 AS c)", expression);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int result;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  for (int i = 0; i < MAMORI_N_VIEWPOINTS; i++)
    {
      if (ratings[i] < 0)
        sqlite3_bind_null (stmt, i + 1);
      else
        sqlite3_bind_int (stmt, i + 1, ratings[i]);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? MAMORI_CLASS_NONE : sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static void
check_cases (const MamoriClassScheme *scheme,
             const ClassCase         *cases,
             guint                    n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      int got = mamori_class_scheme_evaluate (scheme, cases[i].ratings);

      if (got != cases[i].expected)
        g_error ("ratings (%d, %d, %d): class %d, expected %d", cases[i].ratings[0], cases[i].ratings[1],
                 cases[i].ratings[2], got, cases[i].expected);
      g_assert_cmpint (evaluate_in_sql (scheme, cases[i].ratings), ==, cases[i].expected);
    }
}

static void
test_default_classes (void)
{
  g_autoptr(MamoriClassScheme) scheme = mamori_class_scheme_new_default ();

  g_assert_true (mamori_class_scheme_is_default (scheme));
  check_cases (scheme, default_cases, G_N_ELEMENTS (default_cases));
}

static void
test_edited_classes (void)
{
  g_autoptr(MamoriClassScheme) scheme = new_edited_scheme ();

  g_assert_true (mamori_class_scheme_validate (scheme, NULL));
  g_assert_false (mamori_class_scheme_is_default (scheme));
  check_cases (scheme, edited_cases, G_N_ELEMENTS (edited_cases));
}

/* Every combination, both ways, for both schemes. */
static void
test_sql_agrees_everywhere (void)
{
  g_autoptr(MamoriClassScheme) defaults = mamori_class_scheme_new_default ();
  g_autoptr(MamoriClassScheme) edited = new_edited_scheme ();

  for (int a = -1; a <= 3; a++)
    for (int b = -1; b <= 3; b++)
      for (int c = -1; c <= 3; c++)
        {
          int ratings[] = { a, b, c };

          g_assert_cmpint (evaluate_in_sql (defaults, ratings), ==, mamori_class_scheme_evaluate (defaults, ratings));
          g_assert_cmpint (evaluate_in_sql (edited, ratings), ==, mamori_class_scheme_evaluate (edited, ratings));
        }
}

static void
test_explain (void)
{
  g_autoptr(MamoriClassScheme) scheme = mamori_class_scheme_new_default ();
  int medium_competition[] = { 1, 2, U };
  int by_sum[] = { 3, 2, 2 };
  int nothing[] = { U, U, U };
  g_autofree char *why = NULL;

  /* English here (LC_ALL=C.UTF-8): the class, the viewpoint, its rating,
   * and what is still to rate. */
  why = mamori_class_scheme_explain (scheme, medium_competition);
  g_assert_cmpstr (why, ==, "Confidential: Competitive loss if leaked is rated Medium; not rated yet: Loss of trust if leaked");
  g_clear_pointer (&why, g_free);

  mamori_class_scheme_set_name (scheme, 3, "極秘");
  why = mamori_class_scheme_explain (scheme, by_sum);
  g_assert_true (g_str_has_prefix (why, "極秘: Economic value is rated High"));
  g_clear_pointer (&why, g_free);

  why = mamori_class_scheme_explain (scheme, nothing);
  g_assert_true (g_str_has_prefix (why, "Not evaluated"));
}

static void
test_scheme_validation (void)
{
  g_autoptr(MamoriClassScheme) scheme = mamori_class_scheme_new_default ();
  g_autoptr(GError) error = NULL;

  /* A higher class easier to reach than a lower one. */
  scheme->peak[3] = 1;
  g_assert_false (mamori_class_scheme_validate (scheme, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  scheme->peak[3] = 3;

  /* Two classes with one name. */
  mamori_class_scheme_set_name (scheme, 1, "秘");
  mamori_class_scheme_set_name (scheme, 2, " 秘 ");
  g_assert_false (mamori_class_scheme_validate (scheme, &error));
  g_clear_error (&error);

  /* Blank means the default name again. */
  mamori_class_scheme_set_name (scheme, 1, "　 ");
  mamori_class_scheme_set_name (scheme, 1, "");
  g_assert_null (scheme->names[1]);
  g_assert_true (mamori_class_scheme_validate (scheme, &error));
  g_assert_no_error (error);
}

static void
test_scheme_round_trip (void)
{
  g_autoptr(MamoriClassScheme) scheme = new_edited_scheme ();
  g_autoptr(MamoriClassScheme) back = NULL;
  g_autofree char *text = mamori_class_scheme_serialize (scheme);

  back = mamori_class_scheme_deserialize (text);
  g_assert_nonnull (back);
  g_assert_true (mamori_class_scheme_equal (scheme, back));
  g_assert_cmpstr (mamori_class_scheme_get_name (back, 3), ==, "最重要");

  /* Anything malformed or invalid is refused, not half-read. */
  g_assert_null (mamori_class_scheme_deserialize ("not a scheme"));
  g_assert_null (mamori_class_scheme_deserialize ("([nothing, nothing, nothing, nothing], [0, 3, 2, 1], [0, 1, 5, 7])"));
  g_assert_null (mamori_class_scheme_deserialize ("([nothing], [0], [0])"));
  g_assert_null (mamori_class_scheme_deserialize (NULL));
}

typedef struct
{
  const char *text;
  const char *query;
  gboolean    found;
} SearchCase;

/* Searching as a Japanese user types. */
static const SearchCase search_cases[] = {
  { "製品図面（最新版）", "図", TRUE },               /* one character */
  { "製品図面（最新版）", "図面", TRUE },             /* two characters */
  { "ズメン管理", "ずめん", TRUE },                  /* hiragana finds katakana */
  { "ずめん管理", "ズメン", TRUE },                  /* and the other way */
  { "ｽﾞﾒﾝ管理", "ずめん", TRUE },                    /* half-width katakana */
  { "ＭＬＣＣ試作データ", "mlcc", TRUE },            /* full-width Latin, any case */
  { "MLCC試作データ", "ｍｌｃｃ", TRUE },
  { "顧客リスト　２０２６", "2026", TRUE },          /* full-width digits and space */
  { "顧客リスト 2026", "リスト 2026", TRUE },
  { "顧客リスト", "名簿", FALSE },
  { "Price List", "price list", TRUE },
};

static void
test_search_normalization (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      g_autofree char *text = mamori_text_normalize_for_search (search_cases[i].text);
      g_autofree char *query = mamori_text_normalize_for_search (search_cases[i].query);
      gboolean found = strstr (text, query) != NULL;

      if (found != search_cases[i].found)
        g_error ("“%s” in “%s”: %s", search_cases[i].query, search_cases[i].text, found ? "found" : "not found");
    }

  g_assert_true (mamori_text_is_blank ("　\t "));
  g_assert_true (mamori_text_is_blank (NULL));
  g_assert_false (mamori_text_is_blank (" 図 "));
}

static void
test_trade_secret (void)
{
  MamoriSecretFacts facts = { 0 };
  g_autoptr(GPtrArray) missing = NULL;

  g_assert_false (mamori_trade_secret_is_ready (&facts));
  missing = mamori_trade_secret_dup_missing (&facts, MAMORI_REQUIREMENT_SECRECY);
  g_assert_cmpuint (missing->len, ==, 3);
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Marked and restricted, but no pledges: secrecy management not met. */
  facts.marked = TRUE;
  facts.access_restricted = TRUE;
  facts.useful = TRUE;
  facts.not_public = TRUE;
  g_assert_false (mamori_trade_secret_is_met (&facts, MAMORI_REQUIREMENT_SECRECY));
  g_assert_true (mamori_trade_secret_is_met (&facts, MAMORI_REQUIREMENT_USEFULNESS));
  g_assert_true (mamori_trade_secret_is_met (&facts, MAMORI_REQUIREMENT_NON_PUBLIC));
  missing = mamori_trade_secret_dup_missing (&facts, MAMORI_REQUIREMENT_SECRECY);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (missing, 0), "pledge"));
  g_assert_false (mamori_trade_secret_is_ready (&facts));
  g_clear_pointer (&missing, g_ptr_array_unref);

  facts.pledges_signed = TRUE;
  g_assert_true (mamori_trade_secret_is_ready (&facts));
  for (int r = 0; r < MAMORI_N_REQUIREMENTS; r++)
    {
      missing = mamori_trade_secret_dup_missing (&facts, r);
      g_assert_cmpuint (missing->len, ==, 0);
      g_clear_pointer (&missing, g_ptr_array_unref);
    }

  /* Public information can never be a trade secret. */
  facts.not_public = FALSE;
  g_assert_false (mamori_trade_secret_is_ready (&facts));
}

static void
test_measure_catalog (void)
{
  MamoriMeasureCatalog *catalog = mamori_measure_catalog_get_default ();
  guint per_route[MAMORI_N_ROUTES] = { 0 };
  guint unverified = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriMeasureCatalog) broken = NULL;

  g_assert_cmpuint (mamori_measure_catalog_get_n_measures (catalog), >=, 30);
  g_assert_nonnull (strstr (mamori_measure_catalog_get_source (catalog), "秘密情報の保護ハンドブック"));
  g_assert_true (g_str_has_prefix (mamori_measure_catalog_get_source_url (catalog), "https://www.meti.go.jp/"));
  g_assert_cmpstr (mamori_measure_catalog_get_as_of (catalog), ==, "2025-09-30");

  for (guint i = 0; i < mamori_measure_catalog_get_n_measures (catalog); i++)
    {
      const MamoriMeasure *measure = mamori_measure_catalog_get_measure (catalog, i);

      per_route[measure->route]++;
      unverified += !measure->verified;
      g_assert_true (mamori_measure_catalog_lookup (catalog, measure->id) == measure);
    }

  /* Every route has measures, and what the research could not verify is
   * labelled so (R2–R4 entirely). */
  for (int route = 0; route < MAMORI_N_ROUTES; route++)
    g_assert_cmpuint (per_route[route], >, 0);
  g_assert_cmpuint (unverified, >=, per_route[MAMORI_ROUTE_RETIREES] + per_route[MAMORI_ROUTE_PARTNERS] +
                                    per_route[MAMORI_ROUTE_OUTSIDERS]);

  broken = mamori_measure_catalog_new_from_data ("[catalog]\nversion=1\n", -1, &error);
  g_assert_null (broken);
  g_assert_nonnull (error);
}

/* Counts read "2,000" in either language, whatever the locale; lists join
 * in the thread's language. */
static void
test_counts_and_lists (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  const struct { gint64 n; const char *text; } counts[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 2000, "2,000" }, { 123456, "123,456" },
    { 1234567, "1,234,567" }, { -1500, "−1,500" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = mamori_text_format_count (counts[i].n);

      g_assert_cmpstr (text, ==, counts[i].text);
    }

  mamori_i18n_set_thread_language (MAMORI_LANG_EN);
  g_ptr_array_add (items, "“A”");
  {
    g_autofree char *one = mamori_text_join_list (items);

    g_assert_cmpstr (one, ==, "“A”");
  }
  g_ptr_array_add (items, "“B”");
  g_ptr_array_add (items, "“C”");
  {
    g_autofree char *three = mamori_text_join_list (items);

    g_assert_cmpstr (three, ==, "“A”, “B” and “C”");
  }
  mamori_i18n_set_thread_language (NULL);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/classification/default", test_default_classes);
  g_test_add_func ("/classification/edited", test_edited_classes);
  g_test_add_func ("/classification/sql-agrees", test_sql_agrees_everywhere);
  g_test_add_func ("/classification/explain", test_explain);
  g_test_add_func ("/classification/validation", test_scheme_validation);
  g_test_add_func ("/classification/round-trip", test_scheme_round_trip);
  g_test_add_func ("/text/search-normalization", test_search_normalization);
  g_test_add_func ("/text/counts-and-lists", test_counts_and_lists);
  g_test_add_func ("/trade-secret/requirements", test_trade_secret);
  g_test_add_func ("/catalog/measures", test_measure_catalog);

  return g_test_run ();
}
