/* test-end-users.c — importing METI's End User List and screening names against it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "catalog/mamori-end-users.h"
#include "test-utils.h"

static MamoriEndUserImport *
import_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  MamoriEndUserImport *import = mamori_end_user_import_new ((const guint8 *) text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static const MamoriEndUser *
entry_at (GPtrArray *entries,
          guint      i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

static const MamoriImportProblem *
problem_at (GPtrArray *problems,
            guint      i)
{
  g_assert_cmpuint (i, <, problems->len);
  return g_ptr_array_index (problems, i);
}

static void
assert_aliases (const MamoriEndUser *entry,
                const char * const  *expected)
{
  g_auto(GStrv) aliases = mamori_end_user_dup_alias_list (entry);

  g_assert_cmpstrv (aliases, expected);
}

/* As METI's sheet comes out as CSV from Excel: title rows above the table,
 * Japanese headings, a multi-line alias cell, the header again where the
 * PDF's page broke, in Shift_JIS. */
static void
test_import_meti (void)
{
  const char *utf8 =
    "外国ユーザーリスト（End User List）,,,,\r\n"
    "令和7年9月29日,経済産業省,,,\r\n"
    ",,,,\r\n"
    "No.,国名・地域名,企業名・組織名,別名,懸念区分\r\n"
    "1,イラン,Aerospace Industries Organization (AIO),\"・Sazemane Sanaye Hava Faza\r\n・Aerospace Industries Org.\",M\r\n"
    "2,イラン,Shahid Hemmat Industrial Group (SHIG),- Shahid Hemmat Industries Group; SHIG,M\r\n"
    "3,中国,\"Beijing Alite Technologies Co., Ltd.\",\"ALCO, Alite Technologies Co., Ltd.\",M\r\n"
    "No.,国名・地域名,企業名・組織名,別名,懸念区分\r\n"
    "4,パキスタン,Air Weapons Complex (AWC),,\"M, N\"\r\n";
  g_autofree char *sjis = NULL;
  g_autoptr(MamoriEndUserImport) import = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const MamoriEndUser *entry;

  sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);

  import = mamori_end_user_import_new ((const guint8 *) sjis, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_end_user_import_get_encoding (import), ==, MAMORI_CSV_ENCODING_CP932);
  g_assert_cmpuint (mamori_end_user_import_get_n_columns (import), ==, 5);
  g_assert_cmpstr (mamori_end_user_import_get_header (import, 2), ==, "企業名・組織名");
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 0), ==, MAMORI_END_USER_FIELD_NUMBER);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 1), ==, MAMORI_END_USER_FIELD_COUNTRY);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 2), ==, MAMORI_END_USER_FIELD_NAME);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 3), ==, MAMORI_END_USER_FIELD_ALIASES);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 4), ==, MAMORI_END_USER_FIELD_CONCERN);
  /* Four entries and the repeated header. */
  g_assert_cmpuint (mamori_end_user_import_get_n_rows (import), ==, 5);

  entries = mamori_end_user_import_build (import, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entries->len, ==, 4);

  entry = entry_at (entries, 0);
  g_assert_cmpuint (entry->number, ==, 1);
  g_assert_cmpstr (entry->country, ==, "イラン");
  g_assert_cmpstr (entry->name, ==, "Aerospace Industries Organization (AIO)");
  g_assert_cmpstr (entry->concern, ==, "M");
  assert_aliases (entry, (const char *[]) { "Sazemane Sanaye Hava Faza", "Aerospace Industries Org.", NULL });

  entry = entry_at (entries, 1);
  assert_aliases (entry, (const char *[]) { "Shahid Hemmat Industries Group", "SHIG", NULL });

  /* The comma of “Co., Ltd.” does not split a name. */
  entry = entry_at (entries, 2);
  g_assert_cmpstr (entry->name, ==, "Beijing Alite Technologies Co., Ltd.");
  g_assert_cmpstr (entry->country, ==, "中国");
  assert_aliases (entry, (const char *[]) { "ALCO", "Alite Technologies Co., Ltd.", NULL });

  entry = entry_at (entries, 3);
  g_assert_cmpuint (entry->number, ==, 4);
  g_assert_cmpstr (entry->name, ==, "Air Weapons Complex (AWC)");
  g_assert_cmpstr (entry->concern, ==, "M, N");
  g_assert_cmpstr (entry->aliases, ==, "");
}

/* English headings, headings in both languages in one cell, full-width
 * numbers, a second name column giving another name. */
static void
test_import_english (void)
{
  g_autoptr(MamoriEndUserImport) import = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  import = import_text ("End User List\n"
                        "No.,Country or Region,Company or Organization,Also Known As,Type of WMD\n"
                        "1,Iran,Kalaye Electric Company,\"a.k.a. Kala Electric; Kala-Electric\",N\n"
                        "2,Russia,Rosoboronexport JSC,,M\n");
  g_assert_cmpuint (mamori_end_user_import_get_n_rows (import), ==, 2);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 3), ==, MAMORI_END_USER_FIELD_ALIASES);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 4), ==, MAMORI_END_USER_FIELD_CONCERN);
  entries = mamori_end_user_import_build (import, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (entry_at (entries, 0)->name, ==, "Kalaye Electric Company");
  assert_aliases (entry_at (entries, 0), (const char *[]) { "Kala Electric", "Kala-Electric", NULL });
  g_assert_cmpstr (entry_at (entries, 1)->country, ==, "Russia");
  g_assert_cmpstr (entry_at (entries, 1)->concern, ==, "M");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&import, mamori_end_user_import_free);

  import = import_text ("\"番号\nNo.\",\"国名・地域名\nCountry or Region\",\"企業名・組織名\nCompany or Organization\","
                        "企業名（日本語）,\"別名 (Also Known As)\",懸念区分 (Type of WMD)\n"
                        "１２,中国,Harbin Engineering University,ハルビン工程大学,HEU,M\n");
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 0), ==, MAMORI_END_USER_FIELD_NUMBER);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 1), ==, MAMORI_END_USER_FIELD_COUNTRY);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 2), ==, MAMORI_END_USER_FIELD_NAME);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 3), ==, MAMORI_END_USER_FIELD_NAME);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 4), ==, MAMORI_END_USER_FIELD_ALIASES);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 5), ==, MAMORI_END_USER_FIELD_CONCERN);
  g_assert_cmpstr (mamori_end_user_import_get_header (import, 2), ==, "企業名・組織名 Company or Organization");
  entries = mamori_end_user_import_build (import, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entry_at (entries, 0)->number, ==, 12);
  g_assert_cmpstr (entry_at (entries, 0)->name, ==, "Harbin Engineering University");
  assert_aliases (entry_at (entries, 0), (const char *[]) { "ハルビン工程大学", "HEU", NULL });
}

/* The user says what a column is when its heading is not recognized. */
static void
test_import_mapping (void)
{
  g_autoptr(MamoriEndUserImport) import = import_text ("Name,Nation,Variants,Remarks\n"
                                                       "Alpha Trading,Iran,Alpha Trade Co.,seen 2024\n");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 0), ==, MAMORI_END_USER_FIELD_NAME);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 1), ==, MAMORI_END_USER_FIELD_IGNORE);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 2), ==, MAMORI_END_USER_FIELD_IGNORE);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 3), ==, MAMORI_END_USER_FIELD_IGNORE);

  entries = mamori_end_user_import_build (import, &problems);
  g_assert_cmpstr (entry_at (entries, 0)->country, ==, "");
  g_assert_cmpstr (entry_at (entries, 0)->aliases, ==, "");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  mamori_end_user_import_set_mapping (import, 1, MAMORI_END_USER_FIELD_COUNTRY);
  mamori_end_user_import_set_mapping (import, 2, MAMORI_END_USER_FIELD_ALIASES);
  entries = mamori_end_user_import_build (import, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (entry_at (entries, 0)->country, ==, "Iran");
  g_assert_cmpstr (entry_at (entries, 0)->aliases, ==, "Alpha Trade Co.");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Without a name column nothing can be imported, and the user is told
   * to choose one. */
  mamori_end_user_import_set_mapping (import, 0, MAMORI_END_USER_FIELD_IGNORE);
  entries = mamori_end_user_import_build (import, &problems);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (problem_at (problems, 0)->line, ==, 1);
  g_assert_nonnull (strstr (problem_at (problems, 0)->message, "Choose which column is the name"));
}

/* Every problem with the line of the file it is on, counting the lines
 * inside quoted cells. */
static void
test_import_problems (void)
{
  g_autoptr(MamoriEndUserImport) import = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 binary[] = { 0x89, 'P', 'N', 'G', 0x00, 0x01, 0xFF, 0xFE, 0x00 };

  import = import_text ("経済産業省\n"
                        "No.,国名・地域名,企業名・組織名,別名,懸念区分\n"
                        "1,イラン,Alpha Trading,\"Alpha\nAlfa\",C\n"
                        "1,イラン,Beta Industries,,B\n"
                        ",,,Gamma (continued),\n"
                        "x1,中国,Delta Tech,,M\n"
                        "5,中国,Epsilon Machinery,,M,extra\n"
                        "6,中国,Zeta Works,,,\n");
  entries = mamori_end_user_import_build (import, &problems);

  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpuint (problem_at (problems, 0)->line, ==, 5);
  g_assert_nonnull (strstr (problem_at (problems, 0)->message, "number 1 is also on line 3"));
  g_assert_cmpuint (problem_at (problems, 1)->line, ==, 6);
  g_assert_nonnull (strstr (problem_at (problems, 1)->message, "no company or organization name"));
  g_assert_cmpuint (problem_at (problems, 2)->line, ==, 7);
  g_assert_nonnull (strstr (problem_at (problems, 2)->message, "“x1”"));
  g_assert_cmpuint (problem_at (problems, 3)->line, ==, 8);
  g_assert_nonnull (strstr (problem_at (problems, 3)->message, "Line 8 has 6 fields"));

  /* Only the row without a name is left out: a listed entity missing from
   * screening is worse than a row to check. */
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpstr (entry_at (entries, 1)->name, ==, "Beta Industries");
  g_assert_cmpuint (entry_at (entries, 2)->number, ==, 0);
  g_assert_cmpstr (entry_at (entries, 4)->name, ==, "Zeta Works");
  g_clear_pointer (&import, mamori_end_user_import_free);

  /* No heading names the companies. */
  import = mamori_end_user_import_new ((const guint8 *) "列A,列B\nx,y\n", strlen ("列A,列B\nx,y\n"), &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_END_USER_ERROR, MAMORI_END_USER_ERROR_NO_NAME_COLUMN);
  g_assert_nonnull (strstr (error->message, "企業名・組織名"));
  g_clear_error (&error);

  /* Not a CSV file at all, or an empty one. */
  import = mamori_end_user_import_new (binary, sizeof binary, &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_ENCODING);
  g_clear_error (&error);
  import = mamori_end_user_import_new ((const guint8 *) "", 0, &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_EMPTY);
}

static void
test_aliases (void)
{
  static const struct
  {
    const char *aliases;
    const char *expected[4];
  } cases[] = {
    { "a.k.a. Kala Electric; Kala-Electric", { "Kala Electric", "Kala-Electric" } },
    { "ALCO, Alite Technologies Co., Ltd.", { "ALCO", "Alite Technologies Co., Ltd." } },
    { "・Sazemane Sanaye Hava Faza\n・AIO", { "Sazemane Sanaye Hava Faza", "AIO" } },
    { "(a.k.a.) Fajr Industries Group / Instrumentation Factories Plant",
      { "Fajr Industries Group", "Instrumentation Factories Plant" } },
    { "Alpha Trading (formerly Alpha Import, Alpha Export)", { "Alpha Trading", "Alpha Import", "Alpha Export" } },
    { "Huawei Technologies (Beijing, China) Co.", { "Huawei Technologies (Beijing, China) Co." } },
    { "Nordisk Handel A/S", { "Nordisk Handel A/S" } },
    { "1) Alpha Trading\n2) Beta Trading", { "Alpha Trading", "Beta Trading" } },
    { "別名：アルファ商事、ベータ工業", { "アルファ商事", "ベータ工業" } },
    { "Gamma Ltd.\nLtd.", { "Gamma Ltd. Ltd." } },
    { "", { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MamoriEndUser) entry = mamori_end_user_new (1, "", "X", cases[i].aliases, "");

      g_test_message ("aliases: %s", cases[i].aliases);
      assert_aliases (entry, cases[i].expected);
    }
}

/* A list in the shape of METI's, with names that look alike on purpose. */
static const struct
{
  const char *country;
  const char *name;
  const char *aliases;
} listed[] = {
  { "China", "Beijing University of Aeronautics and Astronautics", "BUAA; Beihang University" },
  { "China", "Harbin Engineering University", "HEU" },
  { "China", "China Aerospace Science and Industry Corporation", "CASIC" },
  { "Iran", "Shahid Hemmat Industrial Group (SHIG)", "Hemmat Missile Industries Complex" },
  { "Iran", "Pars Aviation Services Company", "PASC" },
  { "Iran", "Sharif University of Technology", "" },
  { "China", "The 14th Research Institute of China Electronics Technology Group Corporation", "CETC 14" },
  { "Pakistan", "Air Weapons Complex (AWC)", "" },
  { "Iran", "Kalaye Electric Company", "a.k.a. Kala Electric; Kala-Electric" },
  { "Russia", "Rosoboronexport JSC", "" },
  { "Iran", "Kavir Co.", "" },
  { "China", "Beijing Alite Technologies Co., Ltd.", "ALCO, Alite Technologies Co., Ltd." },
  { "China", "ハルビン工業大学", "" },
  { "Iran", "イラン・エレクトロニクス・インダストリーズ", "" },
  { "China", "北京理工大学", "" },
  { "Iran", "Mizan Machinery Manufacturing", "3M" },
  { "Syria", "Scientific Studies and Research Center", "SSRC; Centre d'Etudes et de Recherches Scientifiques" },
  { "Iran", "Sepehr Energy", "" },
  { "Iran", "Sepehr Energy Trading Company", "" },
  { "China", "株式会社東方電子", "" },
};

static GPtrArray *
listed_entries (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_end_user_free);

  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    g_ptr_array_add (entries, mamori_end_user_new (i + 1, listed[i].country, listed[i].name, listed[i].aliases, "M"));
  return entries;
}

/* Each name finds its entry first, in the expected way, with a reason
 * naming what matched or what was ignored. */
static void
test_true_matches (void)
{
  static const struct
  {
    const char             *query;
    guint                   number;
    MamoriEndUserMatchKind  kind;
    const char             *matched;
    const char             *reason;
  } cases[] = {
    { "Beijing University of Aeronautics and Astronautics", 1, MAMORI_END_USER_MATCH_EXACT,
      "Beijing University of Aeronautics and Astronautics", "The same name as listed" },
    { "BEIJING UNIVERSITY OF AERONAUTICS & ASTRONAUTICS", 1, MAMORI_END_USER_MATCH_WORDS,
      "Beijing University of Aeronautics and Astronautics", "apart from small words" },
    { "Beihang University", 1, MAMORI_END_USER_MATCH_ALIAS, "Beihang University",
      "Matches its alias “Beihang University”" },
    { "Harbin Engineering University Co., Ltd.", 2, MAMORI_END_USER_MATCH_EXACT,
      "Harbin Engineering University", "Same name once “Co., Ltd.” is ignored" },
    { "Engineering University of Harbin", 2, MAMORI_END_USER_MATCH_WORDS,
      "Harbin Engineering University", "in a different order" },
    { "heu", 2, MAMORI_END_USER_MATCH_ALIAS, "HEU", "letter case" },
    { "Aerospace Science & Industry Corporation of China", 3, MAMORI_END_USER_MATCH_WORDS,
      "China Aerospace Science and Industry Corporation", "in a different order" },
    { "Shahid Hemmat Industrial Group", 4, MAMORI_END_USER_MATCH_EXACT,
      "Shahid Hemmat Industrial Group (SHIG)", "“(SHIG)”" },
    { "SHIG", 4, MAMORI_END_USER_MATCH_ALIAS, "SHIG", "Matches its alias “SHIG”" },
    { "Hemmat Industries Group", 4, MAMORI_END_USER_MATCH_WORDS,
      "Shahid Hemmat Industrial Group (SHIG)", "which also has “Shahid”" },
    { "Sharif University", 6, MAMORI_END_USER_MATCH_WORDS,
      "Sharif University of Technology", "Every word of “Sharif University” is in the listed name" },
    { "Sharif University of Technology, Tehran", 6, MAMORI_END_USER_MATCH_WORDS,
      "Sharif University of Technology", "which also has “Tehran”" },
    { "Technology University of Sharif", 6, MAMORI_END_USER_MATCH_WORDS,
      "Sharif University of Technology", "in a different order" },
    { "Sharif Univercity of Technology", 6, MAMORI_END_USER_MATCH_SIMILAR,
      "Sharif University of Technology", "1 letter differs" },
    { "14th Research Institute of China Electronics Technology Group", 7, MAMORI_END_USER_MATCH_EXACT,
      "The 14th Research Institute of China Electronics Technology Group Corporation", "“Corporation”" },
    { "CETC-14", 7, MAMORI_END_USER_MATCH_ALIAS, "CETC 14", "punctuation" },
    { "Air Weapons Complex", 8, MAMORI_END_USER_MATCH_EXACT, "Air Weapons Complex (AWC)", "“(AWC)”" },
    { "Kala Electric Co.", 9, MAMORI_END_USER_MATCH_ALIAS, "Kala Electric",
      "Matches its alias “Kala Electric” once “Co.” is ignored" },
    { "Kalaye Electric", 9, MAMORI_END_USER_MATCH_EXACT, "Kalaye Electric Company", "“Company”" },
    { "ROSOBORONEXPORT Joint Stock Company", 10, MAMORI_END_USER_MATCH_EXACT, "Rosoboronexport JSC",
      "“Joint Stock Company”, “JSC” and letter case are ignored" },
    { "Rosoboronexport JSC", 10, MAMORI_END_USER_MATCH_EXACT, "Rosoboronexport JSC", "The same name as listed" },
    { "Rosoboronexprot", 10, MAMORI_END_USER_MATCH_SIMILAR, "Rosoboronexport JSC", "two neighbouring letters are swapped" },
    { "Kavir Company Limited", 11, MAMORI_END_USER_MATCH_EXACT, "Kavir Co.", "“Company Limited”" },
    { "Alite Technologies", 12, MAMORI_END_USER_MATCH_ALIAS, "Alite Technologies Co., Ltd.",
      "Matches its alias “Alite Technologies Co., Ltd.”" },
    { "Beijing Alite Technology Co.", 12, MAMORI_END_USER_MATCH_WORDS,
      "Beijing Alite Technologies Co., Ltd.", "word endings" },
    { "はるびん工業大学", 13, MAMORI_END_USER_MATCH_EXACT, "ハルビン工業大学", "kana spelling" },
    { "イランエレクトロニクスインダストリーズ", 14, MAMORI_END_USER_MATCH_EXACT,
      "イラン・エレクトロニクス・インダストリーズ", "punctuation" },
    { "ｲﾗﾝ･ｴﾚｸﾄﾛﾆｸｽ･ｲﾝﾀﾞｽﾄﾘｰｽﾞ", 14, MAMORI_END_USER_MATCH_EXACT,
      "イラン・エレクトロニクス・インダストリーズ", "character width is ignored" },
    { "イラン・エレクトロニクス・インダストリース", 14, MAMORI_END_USER_MATCH_SIMILAR,
      "イラン・エレクトロニクス・インダストリーズ", "1 letter differs" },
    { "北京理工大学", 15, MAMORI_END_USER_MATCH_EXACT, "北京理工大学", "The same name as listed" },
    { "Centre d’Etudes et de Recherches Scientifiques", 17, MAMORI_END_USER_MATCH_ALIAS,
      "Centre d'Etudes et de Recherches Scientifiques", "Matches its alias" },
    { "東方電子㈱", 20, MAMORI_END_USER_MATCH_EXACT, "株式会社東方電子", "“株式会社”" },
    { "（株）東方電子", 20, MAMORI_END_USER_MATCH_EXACT, "株式会社東方電子", "“（株）”" },
  };
  g_autoptr(GPtrArray) entries = listed_entries ();
  g_autoptr(MamoriEndUserMatcher) matcher = mamori_end_user_matcher_new (entries);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) matches = mamori_end_user_matcher_match (matcher, cases[i].query, 5);
      const MamoriEndUserMatch *match;

      g_test_message ("query: %s", cases[i].query);
      g_assert_cmpuint (matches->len, >=, 1);
      match = g_ptr_array_index (matches, 0);
      g_test_message ("reason: %s", match->reason);
      g_assert_cmpuint (match->entry->number, ==, cases[i].number);
      g_assert_cmpint (match->kind, ==, cases[i].kind);
      g_assert_cmpstr (match->matched, ==, cases[i].matched);
      g_assert_nonnull (strstr (match->reason, cases[i].reason));
      g_assert_cmpfloat (match->score, >, 0.5);
      g_assert_cmpfloat (match->score, <=, 1.0);
    }
}

/* Names that share common words, places, or all but a letter of a short
 * word with a listed name are other organizations: no match at all. */
static void
test_near_misses (void)
{
  static const char * const queries[] = {
    "Beijing University",
    "Beijing Institute of Technology",
    "Harbin University",
    "Harbin Institute of Technology",
    "Engineering University",
    "China Aerospace Science and Technology Corporation",
    "Pars Trading Company",
    "Sharif Industries",
    "University of Technology",
    "The 15th Research Institute of China Electronics Technology Group Corporation",
    "CETC 15",
    "Electronics Technology Group Corporation",
    "Kabir Co.",
    "Kavi Company",
    "Kala Electronics",
    "Beijing Alike Technologies Co., Ltd.",
    "Alite",
    "ハルビン工程大学",
    "北京工業大学",
    "Mizan Trading",
    "3N",
    "Scientific Research Center",
    "Sepehr Aviation",
    "東方電機株式会社",
    "Industries Group",
    "Co., Ltd.",
    "株式会社",
  };
  g_autoptr(GPtrArray) entries = listed_entries ();
  g_autoptr(MamoriEndUserMatcher) matcher = mamori_end_user_matcher_new (entries);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) matches = mamori_end_user_matcher_match (matcher, queries[i], 0);

      g_test_message ("query: %s", queries[i]);
      for (guint j = 0; j < matches->len; j++)
        g_test_message ("unexpected: %s (%s)", ((MamoriEndUserMatch *) g_ptr_array_index (matches, j))->matched,
                        ((MamoriEndUserMatch *) g_ptr_array_index (matches, j))->reason);
      g_assert_cmpuint (matches->len, ==, 0);
    }
}

/* Best first, each entry once, no more than asked for; nothing for an
 * empty name or an empty list. */
static void
test_match_order (void)
{
  g_autoptr(GPtrArray) entries = listed_entries ();
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(MamoriEndUserMatcher) matcher = mamori_end_user_matcher_new (entries);
  g_autoptr(MamoriEndUserMatcher) nothing = mamori_end_user_matcher_new (empty);
  g_autoptr(GPtrArray) matches = mamori_end_user_matcher_match (matcher, "Sepehr Energy", 0);
  const MamoriEndUserMatch *first, *second;

  g_assert_cmpuint (matches->len, ==, 2);
  first = g_ptr_array_index (matches, 0);
  second = g_ptr_array_index (matches, 1);
  g_assert_cmpstr (first->entry->name, ==, "Sepehr Energy");
  g_assert_cmpint (first->kind, ==, MAMORI_END_USER_MATCH_EXACT);
  g_assert_cmpstr (second->entry->name, ==, "Sepehr Energy Trading Company");
  g_assert_cmpint (second->kind, ==, MAMORI_END_USER_MATCH_WORDS);
  g_assert_cmpfloat (first->score, >, second->score);
  g_assert_nonnull (strstr (second->reason, "which also has “Trading”"));
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = mamori_end_user_matcher_match (matcher, "Sepehr Energy", 1);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpstr (((MamoriEndUserMatch *) g_ptr_array_index (matches, 0))->entry->name, ==, "Sepehr Energy");
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* An entry found by its name and its alias is listed once. */
  matches = mamori_end_user_matcher_match (matcher, "Kala Electric Company", 0);
  g_assert_cmpuint (matches->len, ==, 1);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = mamori_end_user_matcher_match (matcher, "  ", 0);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = mamori_end_user_matcher_match (nothing, "Sepehr Energy", 0);
  g_assert_cmpuint (matches->len, ==, 0);
}

/* A word in many entries of the list tells none of them apart, even if
 * the built-in lists do not know it: sanaye is Persian for industries. */
static void
test_common_in_list (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_end_user_free);
  g_autoptr(MamoriEndUserMatcher) matcher = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  static const char * const places[] = {
    "Arak", "Bandar", "Chabahar", "Dezful", "Ekbatan", "Farab", "Gilan", "Hormoz", "Ilam", "Jask",
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *name = g_strdup_printf ("Sanaye %s", places[i]);
      g_ptr_array_add (entries, mamori_end_user_new (i + 1, "Iran", name, "", "C"));
    }
  g_ptr_array_add (entries, mamori_end_user_new (99, "Iran", "Sanaye Group", "", "C"));
  matcher = mamori_end_user_matcher_new (entries);

  /* “Electronics Industries Group” is not “Industries Group”… */
  matches = mamori_end_user_matcher_match (matcher, "Sanaye Electronics Group", 0);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* …but the same words are the same name. */
  matches = mamori_end_user_matcher_match (matcher, "Group Sanaye", 0);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (((MamoriEndUserMatch *) g_ptr_array_index (matches, 0))->entry->number, ==, 99);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = mamori_end_user_matcher_match (matcher, "SANAYE JASK", 0);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (((MamoriEndUserMatch *) g_ptr_array_index (matches, 0))->entry->number, ==, 10);
}

/* Title rows of long cells made of many short lines (a wrong file, or a
 * pasted notice): the header below them is still found (and long cells are
 * not taken apart line by line as headings). */
static void
test_import_long_title_cells (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MamoriEndUserImport) import = NULL;

  for (guint r = 0; r < 9; r++)
    {
      g_string_append (text, "\"注意");
      for (guint i = 0; i < 20000; i++)
        g_string_append (text, "\nx");
      g_string_append (text, "\",\n");
    }
  g_string_append (text, "Company or Organization,Country or Region\nAcme Trading,Iran\n");

  import = import_text (text->str);
  g_assert_cmpuint (mamori_end_user_import_get_n_rows (import), ==, 1);
  g_assert_cmpint (mamori_end_user_import_get_mapping (import, 0), ==, MAMORI_END_USER_FIELD_NAME);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/end-users/import/meti", test_import_meti);
  g_test_add_func ("/end-users/import/english", test_import_english);
  g_test_add_func ("/end-users/import/mapping", test_import_mapping);
  g_test_add_func ("/end-users/import/problems", test_import_problems);
  g_test_add_func ("/end-users/import/long-title-cells", test_import_long_title_cells);
  g_test_add_func ("/end-users/aliases", test_aliases);
  g_test_add_func ("/end-users/match/true-matches", test_true_matches);
  g_test_add_func ("/end-users/match/near-misses", test_near_misses);
  g_test_add_func ("/end-users/match/order", test_match_order);
  g_test_add_func ("/end-users/match/common-in-list", test_common_in_list);

  return g_test_run ();
}
