/* mamori-asset-csv.c — the asset register to and from CSV
 *
 * Import recognizes three layouts: our own export, the IPA 情報資産管理台帳
 * (its columns A–O, with the one-row or the two-row header Excel writes for
 * its merged group cells), and anything else by its column names. The user
 * may change what each column becomes. Every row is checked before anything
 * is written; any problem, with its line, stops the import, and the import
 * itself is one transaction: all rows or none.
 *
 * Our own layout has fixed Japanese headers and values (documented in the
 * README), whatever the interface language, so that a file exported on one
 * machine imports on another and scripts can rely on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <stdio.h>
#include <string.h>

#include "analysis/mamori-text.h"
#include "catalog/mamori-measures.h"
#include "mamori-asset-csv.h"

struct _MamoriAssetImport
{
  MamoriCsvDocument *document;
  MamoriCsvFormat    format;
  gboolean           exported;   /* written by Mamori itself, with its IDs */
  guint              header_rows;
  guint              n_columns;
  char             **headers;
  MamoriCsvField    *mapping;
  GHashTable        *existing;       /* keys of the assets already in the register, or NULL */
  gboolean           skip_existing;  /* rows matching one of them are not added */
};

typedef struct
{
  const char     *header;
  MamoriCsvField  field;
} Column;

/* Our export, in order. Derived columns (区分, 未対策の経路, 更新日, ID) are
 * written for people and ignored on import. */
static const Column our_columns[] = {
  { "ID", MAMORI_CSV_FIELD_IGNORE },
  { "資産名", MAMORI_CSV_FIELD_NAME },
  { "カテゴリ", MAMORI_CSV_FIELD_CATEGORY },
  { "形態", MAMORI_CSV_FIELD_FORM },
  { "保管場所", MAMORI_CSV_FIELD_STORAGE },
  { "管理部署", MAMORI_CSV_FIELD_DEPARTMENT },
  { "責任者", MAMORI_CSV_FIELD_RESPONSIBLE },
  { "アクセスできる人", MAMORI_CSV_FIELD_ACCESS },
  { "預託情報", MAMORI_CSV_FIELD_ENTRUSTED },
  { "経済的価値", MAMORI_CSV_FIELD_RATING_VALUE },
  { "漏えい時の競争力低下", MAMORI_CSV_FIELD_RATING_COMPETITION },
  { "漏えい時の信用低下", MAMORI_CSV_FIELD_RATING_TRUST },
  { "区分", MAMORI_CSV_FIELD_IGNORE },
  { "区分（手動）", MAMORI_CSV_FIELD_CLASS_OVERRIDE },
  { "手動の理由", MAMORI_CSV_FIELD_OVERRIDE_REASON },
  { "方針", MAMORI_CSV_FIELD_STRATEGY },
  { "マル秘表示", MAMORI_CSV_FIELD_MARKED },
  { "アクセス制限", MAMORI_CSV_FIELD_ACCESS_RESTRICTED },
  { "誓約書・NDA", MAMORI_CSV_FIELD_PLEDGES_SIGNED },
  { "有用性", MAMORI_CSV_FIELD_USEFUL },
  { "非公知性", MAMORI_CSV_FIELD_NOT_PUBLIC },
  { "未対策の経路", MAMORI_CSV_FIELD_IGNORE },
  { "備考", MAMORI_CSV_FIELD_NOTES },
  { "登録日", MAMORI_CSV_FIELD_CREATED },
  { "更新日", MAMORI_CSV_FIELD_IGNORE },
};

/* The IPA ledger's columns A–O (see reference/13_asset_ledger_formats.md).
 * 機密性 (1–3) is the confidentiality impact: the closest of our viewpoints
 * is the competitive loss if leaked. 完全性, 可用性 and 重要度 have no
 * counterpart and are left out; the rest goes to the notes. */
static const Column ipa_columns[] = {
  { "業務分類", MAMORI_CSV_FIELD_NOTES_EXTRA },
  { "情報資産名称", MAMORI_CSV_FIELD_NAME },
  { "備考", MAMORI_CSV_FIELD_NOTES },
  { "利用者範囲", MAMORI_CSV_FIELD_ACCESS },
  { "管理部署", MAMORI_CSV_FIELD_DEPARTMENT },
  { "媒体・保存先", MAMORI_CSV_FIELD_STORAGE },
  { "個人情報", MAMORI_CSV_FIELD_NOTES_EXTRA },
  { "要配慮個人情報", MAMORI_CSV_FIELD_NOTES_EXTRA },
  { "特定個人情報", MAMORI_CSV_FIELD_NOTES_EXTRA },
  { "機密性", MAMORI_CSV_FIELD_RATING_COMPETITION },
  { "完全性", MAMORI_CSV_FIELD_IGNORE },
  { "可用性", MAMORI_CSV_FIELD_IGNORE },
  { "重要度", MAMORI_CSV_FIELD_IGNORE },
  { "保存期限", MAMORI_CSV_FIELD_NOTES_EXTRA },
  { "登録日", MAMORI_CSV_FIELD_CREATED },
};

/* Names other ledgers give their columns. */
static const Column synonyms[] = {
  { "名称", MAMORI_CSV_FIELD_NAME },
  { "資産", MAMORI_CSV_FIELD_NAME },
  { "情報資産名", MAMORI_CSV_FIELD_NAME },
  { "name", MAMORI_CSV_FIELD_NAME },
  { "asset", MAMORI_CSV_FIELD_NAME },
  { "asset name", MAMORI_CSV_FIELD_NAME },
  { "分類", MAMORI_CSV_FIELD_CATEGORY },
  { "種別", MAMORI_CSV_FIELD_CATEGORY },
  { "category", MAMORI_CSV_FIELD_CATEGORY },
  { "資産の種類", MAMORI_CSV_FIELD_FORM },
  { "媒体", MAMORI_CSV_FIELD_FORM },
  { "form", MAMORI_CSV_FIELD_FORM },
  { "type", MAMORI_CSV_FIELD_FORM },
  { "保存場所", MAMORI_CSV_FIELD_STORAGE },
  { "保存先", MAMORI_CSV_FIELD_STORAGE },
  { "location", MAMORI_CSV_FIELD_STORAGE },
  { "storage", MAMORI_CSV_FIELD_STORAGE },
  { "部署", MAMORI_CSV_FIELD_DEPARTMENT },
  { "部門", MAMORI_CSV_FIELD_DEPARTMENT },
  { "所有者", MAMORI_CSV_FIELD_DEPARTMENT },
  { "主管組織", MAMORI_CSV_FIELD_DEPARTMENT },
  { "owner", MAMORI_CSV_FIELD_DEPARTMENT },
  { "department", MAMORI_CSV_FIELD_DEPARTMENT },
  { "管理責任者", MAMORI_CSV_FIELD_RESPONSIBLE },
  { "担当者", MAMORI_CSV_FIELD_RESPONSIBLE },
  { "responsible", MAMORI_CSV_FIELD_RESPONSIBLE },
  { "custodian", MAMORI_CSV_FIELD_RESPONSIBLE },
  { "利用可能な範囲", MAMORI_CSV_FIELD_ACCESS },
  { "アクセス権", MAMORI_CSV_FIELD_ACCESS },
  { "access", MAMORI_CSV_FIELD_ACCESS },
  { "メモ", MAMORI_CSV_FIELD_NOTES },
  { "説明", MAMORI_CSV_FIELD_NOTES },
  { "description", MAMORI_CSV_FIELD_NOTES },
  { "notes", MAMORI_CSV_FIELD_NOTES },
  { "機密性", MAMORI_CSV_FIELD_RATING_COMPETITION },
  { "confidentiality", MAMORI_CSV_FIELD_RATING_COMPETITION },
  { "保護措置", MAMORI_CSV_FIELD_NOTES_EXTRA },
  { "資産id", MAMORI_CSV_FIELD_NOTES_EXTRA },
  { "作成日", MAMORI_CSV_FIELD_CREATED },
  { "created", MAMORI_CSV_FIELD_CREATED },
};

/* The column names Mamori knows, normalized once: a file's header is
 * compared with every one of them, and normalizing is not free. */
static const char *
normalized_name (const char *name)
{
  static GHashTable *names;  /* name → normalized, kept for the program */
  G_LOCK_DEFINE_STATIC (names);
  const char *normalized;

  G_LOCK (names);
  if (names == NULL)
    names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  normalized = g_hash_table_lookup (names, name);
  if (normalized == NULL)
    {
      normalized = mamori_text_normalize_for_search (name);
      g_hash_table_insert (names, (gpointer) name, (gpointer) normalized);
    }
  G_UNLOCK (names);

  return normalized;
}

/* @header is normalized already. */
static MamoriCsvField
lookup_column (const Column *columns,
               guint         n_columns,
               const char   *header,
               gboolean     *found)
{
  for (guint i = 0; i < n_columns; i++)
    if (g_str_equal (header, normalized_name (columns[i].header)))
      {
        *found = TRUE;
        return columns[i].field;
      }

  *found = FALSE;
  return MAMORI_CSV_FIELD_IGNORE;
}

/* @headers: a header row, normalized */
static gboolean
has_header (char       **headers,
            const char  *name)
{
  return g_strv_contains ((const char * const *) headers, normalized_name (name));
}

static char **
dup_normalized_headers (const MamoriCsvRecord *record)
{
  char **headers = g_new0 (char *, record->n_fields + 1);

  for (guint i = 0; i < record->n_fields; i++)
    headers[i] = mamori_text_normalize_for_search (record->fields[i]);
  return headers;
}

void
mamori_asset_import_free (MamoriAssetImport *import)
{
  if (import == NULL)
    return;

  mamori_csv_document_free (import->document);
  g_clear_pointer (&import->existing, g_hash_table_unref);
  g_strfreev (import->headers);
  g_free (import->mapping);
  g_free (import);
}

/* Finds the layout and the header, and guesses what each column becomes. */
static void
recognize (MamoriAssetImport *import)
{
  const MamoriCsvRecord *first = g_ptr_array_index (import->document->records, 0);
  const MamoriCsvRecord *second = import->document->records->len > 1
                                  ? g_ptr_array_index (import->document->records, 1) : NULL;
  g_auto(GStrv) top_names = dup_normalized_headers (first);
  g_auto(GStrv) below_names = second != NULL ? dup_normalized_headers (second) : g_new0 (char *, 1);

  import->header_rows = 1;
  import->n_columns = first->n_fields;

  if (has_header (top_names, "資産名") && has_header (top_names, "漏えい時の競争力低下"))
    {
      import->format = MAMORI_CSV_FORMAT_MAMORI;
      import->exported = has_header (top_names, "ID");
    }
  else if (has_header (top_names, "情報資産名称"))
    import->format = MAMORI_CSV_FORMAT_IPA;
  else
    import->format = MAMORI_CSV_FORMAT_OTHER;

  /* Excel writes merged group cells (個人情報の種類, 評価値) as a first
   * header row, with the real column names below them. */
  if (import->format == MAMORI_CSV_FORMAT_IPA && second != NULL &&
      (has_header (top_names, "個人情報の種類") || has_header (top_names, "評価値")) && has_header (below_names, "機密性"))
    import->header_rows = 2;

  import->n_columns = first->n_fields;
  if (import->header_rows == 2)
    import->n_columns = MAX (import->n_columns, second->n_fields);

  import->headers = g_new0 (char *, import->n_columns + 1);
  import->mapping = g_new0 (MamoriCsvField, import->n_columns);

  for (guint i = 0; i < import->n_columns; i++)
    {
      const char *top = i < first->n_fields ? first->fields[i] : "";
      const char *below = import->header_rows == 2 && i < second->n_fields ? second->fields[i] : "";
      const char *header = *below != '\0' ? below : top;
      const char *normalized = *below != '\0' ? below_names[i] : i < first->n_fields ? top_names[i] : "";
      gboolean found = FALSE;
      MamoriCsvField field = MAMORI_CSV_FIELD_IGNORE;

      import->headers[i] = g_strstrip (g_strdup (header));

      if (import->format == MAMORI_CSV_FORMAT_MAMORI)
        field = lookup_column (our_columns, G_N_ELEMENTS (our_columns), normalized, &found);
      else if (import->format == MAMORI_CSV_FORMAT_IPA)
        field = lookup_column (ipa_columns, G_N_ELEMENTS (ipa_columns), normalized, &found);

      if (!found)
        field = lookup_column (our_columns, G_N_ELEMENTS (our_columns), normalized, &found);
      if (!found)
        field = lookup_column (synonyms, G_N_ELEMENTS (synonyms), normalized, &found);

      import->mapping[i] = field;
    }
}

/**
 * mamori_asset_import_new:
 *
 * Reads a CSV file and recognizes its layout; writes nothing.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL if the file
 *   cannot be read as CSV
 */
MamoriAssetImport *
mamori_asset_import_new (const guint8  *data,
                         gsize          length,
                         GError       **error)
{
  g_autoptr(MamoriAssetImport) import = g_new0 (MamoriAssetImport, 1);

  import->document = mamori_csv_parse (data, length, error);
  if (import->document == NULL)
    return NULL;

  recognize (import);
  return g_steal_pointer (&import);
}

/**
 * mamori_asset_import_new_from_bytes:
 *
 * mamori_asset_import_new() as a #MamoriFileParseFunc, for
 * mamori_file_load_async().
 *
 * Returns: (transfer full) (nullable): a #MamoriAssetImport
 */
gpointer
mamori_asset_import_new_from_bytes (GBytes  *contents,
                                    GError **error)
{
  return mamori_asset_import_new (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), error);
}

MamoriCsvFormat
mamori_asset_import_get_format (MamoriAssetImport *import)
{
  return import->format;
}

MamoriCsvEncoding
mamori_asset_import_get_encoding (MamoriAssetImport *import)
{
  return import->document->encoding;
}

guint
mamori_asset_import_get_n_columns (MamoriAssetImport *import)
{
  return import->n_columns;
}

const char *
mamori_asset_import_get_header (MamoriAssetImport *import,
                                guint              column)
{
  g_return_val_if_fail (column < import->n_columns, NULL);
  return import->headers[column];
}

MamoriCsvField
mamori_asset_import_get_mapping (MamoriAssetImport *import,
                                 guint              column)
{
  g_return_val_if_fail (column < import->n_columns, MAMORI_CSV_FIELD_IGNORE);
  return import->mapping[column];
}

void
mamori_asset_import_set_mapping (MamoriAssetImport *import,
                                 guint              column,
                                 MamoriCsvField     field)
{
  g_return_if_fail (column < import->n_columns);
  g_return_if_fail (field < MAMORI_N_CSV_FIELDS);
  import->mapping[column] = field;
}

/* Data rows, not counting the header. */
guint
mamori_asset_import_get_n_rows (MamoriAssetImport *import)
{
  return import->document->records->len - MIN (import->header_rows, import->document->records->len);
}

void
mamori_import_problem_free (MamoriImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static void G_GNUC_PRINTF (3, 4)
add_problem (GPtrArray  *problems,
             guint       line,
             const char *format,
             ...)
{
  MamoriImportProblem *problem = g_new0 (MamoriImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

/* @choices as a table: each word, as written and as normalized for
 * search, to its value + 1. Made once per list, kept for the program. */
static GHashTable *
dup_word_index (const char * const *choices)
{
  static GHashTable *indexes;  /* choices → word table */
  G_LOCK_DEFINE_STATIC (indexes);
  GHashTable *index;
  int value = 0;

  G_LOCK (indexes);
  if (indexes == NULL)
    indexes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  index = g_hash_table_lookup (indexes, choices);
  if (index == NULL)
    {
      index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (const char * const *word = choices; ; word++)
        {
          if (*word == NULL)
            {
              value++;
              if (word[1] == NULL)
                break;
              continue;
            }
          char *normalized = mamori_text_normalize_for_search (*word);

          /* The first list naming a word keeps it, as before. */
          if (!g_hash_table_contains (index, normalized))
            g_hash_table_insert (index, normalized, GINT_TO_POINTER (value + 1));
          else
            g_free (normalized);
          if (!g_hash_table_contains (index, *word))
            g_hash_table_insert (index, g_strdup (*word), GINT_TO_POINTER (value + 1));
        }
      g_hash_table_insert (indexes, (gpointer) choices, index);
    }
  g_hash_table_ref (index);
  G_UNLOCK (indexes);

  return index;
}

/* Which of @choices (NULL-separated lists of words, one list per value,
 * the whole ended by a second NULL) @text names; -1 if none. Cells mostly
 * hold a word exactly as listed, found without normalizing. */
static int
match_words (const char         *text,
             const char * const *choices)
{
  g_autoptr(GHashTable) index = dup_word_index (choices);
  g_autofree char *normalized = NULL;
  gpointer value;

  if ((value = g_hash_table_lookup (index, text)) != NULL)
    return GPOINTER_TO_INT (value) - 1;

  normalized = mamori_text_normalize_for_search (text);
  if ((value = g_hash_table_lookup (index, normalized)) != NULL)
    return GPOINTER_TO_INT (value) - 1;

  return -1;
}

static const char * const category_words[] = {
  "", "none", "未設定", NULL,
  "研究開発情報", "研究開発", "rd", "r&d", "research and development", NULL,
  "製造関連情報", "製造関連", "製造", "manufacturing", NULL,
  "顧客情報", "顧客", "customer", "customer information", NULL,
  "市場関連情報", "市場関連", "市場", "market", "market information", NULL,
  "価格情報", "価格", "price", "price information", NULL,
  "取引先情報", "取引先", "supplier", "supplier information", NULL,
  "顧客マニュアル", "マニュアル", "manual", "customer manuals", NULL,
  "その他", "other", NULL,
  NULL,
};

static const char * const form_words[] = {
  "", "none", "未設定", NULL,
  "紙", "書類", "紙資料", "paper", NULL,
  "電子データ", "電子", "データ", "electronic", "electronic data", NULL,
  "属人的", "人の記憶", "人の記憶（属人的）", "ノウハウ", "person", "known by a person", NULL,
  "物品", "物", "現物", "object", "physical object", NULL,
  NULL,
};

static const char * const rating_words[] = {
  "0", "なし", "無", "none", NULL,
  "1", "低", "小", "low", "l", NULL,
  "2", "中", "medium", "m", NULL,
  "3", "高", "大", "high", "h", NULL,
  NULL,
};

static const char * const boolean_words[] = {
  "", "いいえ", "no", "n", "false", "0", "×", "✕", "無", "なし", "未", "-", NULL,
  "はい", "yes", "y", "true", "1", "○", "〇", "◯", "●", "有", "あり", "済", "✓", "✔", NULL,
  NULL,
};

static const char * const strategy_words[] = {
  "", "未定", "undecided", NULL,
  "秘匿", "クローズ", "秘匿（クローズ）", "secret", "keep secret", NULL,
  "特許化", "特許", "patent", NULL,
  "公開", "オープン", "公開（オープン）", "publish", NULL,
  NULL,
};

/* Our canonical Japanese values, as written on export. */
static const char * const category_values[] = {
  "", "研究開発情報", "製造関連情報", "顧客情報", "市場関連情報", "価格情報", "取引先情報", "顧客マニュアル", "その他",
};
static const char * const form_values[] = { "", "紙", "電子データ", "属人的", "物品" };
static const char * const rating_values[] = { "なし", "低", "中", "高" };
static const char * const strategy_values[] = { "未定", "秘匿", "特許化", "公開" };
static const char * const route_values[] = { "従業員等", "退職者等", "取引先", "その他の外部者" };
static const char * const class_values[] = { "公開", "社外秘", "秘", "極秘" };

/* A class as written in our layout: the workspace's own name, or the
 * guide's default, whatever the interface language. */
static const char *
class_value (const MamoriClassScheme *scheme,
             int                      level)
{
  if (level < 0)
    return "";
  return scheme->names[level] != NULL ? scheme->names[level] : class_values[level];
}

/* A date in one of the ways people write them, as ISO 8601 (UTC). */
static char *
parse_date (const char *text)
{
  g_autofree char *date = mamori_text_parse_date (text, FALSE);

  return date != NULL ? g_strconcat (date, "T00:00:00Z", NULL) : NULL;
}

static int
parse_class (const char              *text,
             const MamoriClassScheme *scheme)
{
  static const char * const default_words[] = {
    "0", "公開", "public", NULL,
    "1", "社外秘", "internal only", NULL,
    "2", "秘", "confidential", NULL,
    "3", "極秘", "strictly confidential", NULL,
    NULL,
  };
  g_autofree char *normalized = mamori_text_normalize_for_search (text);

  for (int level = 0; level < MAMORI_N_CLASSES; level++)
    {
      g_autofree char *name = mamori_text_normalize_for_search (mamori_class_scheme_get_name (scheme, level));
      if (g_str_equal (normalized, name))
        return level;
    }

  return match_words (text, default_words);
}

static void
append_note (GString    *notes,
             const char *header,
             const char *value)
{
  if (notes->len > 0)
    g_string_append_c (notes, '\n');
  g_string_append_printf (notes, "%s: %s", header, value);
}

/* One row to an asset, or problems. */
static MamoriAsset *
build_asset (MamoriAssetImport       *import,
             const MamoriCsvField    *mapping,
             const MamoriCsvRecord   *record,
             const MamoriClassScheme *scheme,
             GPtrArray               *problems)
{
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) extra = g_string_new (NULL);
  guint problems_before = problems->len;
  gboolean blank = TRUE;

  for (guint i = 0; i < record->n_fields; i++)
    if (!mamori_text_is_blank (record->fields[i]))
      blank = FALSE;
  if (blank)
    return NULL;

  if (record->n_fields > import->n_columns)
    add_problem (problems, record->line,
                 _("Line %u has %u fields, but the header has only %u. A field probably holds a comma or line break without quotation marks."),
                 record->line, record->n_fields, import->n_columns);

  for (guint i = 0; i < MIN (record->n_fields, import->n_columns); i++)
    {
      /* Our own export wrote cells a spreadsheet would run as formulas
       * with an apostrophe first; they come back as they were. */
      const char *cell = import->exported ? mamori_csv_field_unneutralize (record->fields[i]) : record->fields[i];
      g_autofree char *value = g_strstrip (g_strdup (cell));
      const char *header = import->headers[i];
      int choice;

      switch (mapping[i])
        {
        case MAMORI_CSV_FIELD_IGNORE:
          break;
        case MAMORI_CSV_FIELD_NAME:
          g_object_set (asset, "name", value, NULL);
          break;
        case MAMORI_CSV_FIELD_STORAGE:
          g_object_set (asset, "storage", value, NULL);
          break;
        case MAMORI_CSV_FIELD_DEPARTMENT:
          g_object_set (asset, "department", value, NULL);
          break;
        case MAMORI_CSV_FIELD_RESPONSIBLE:
          g_object_set (asset, "responsible", value, NULL);
          break;
        case MAMORI_CSV_FIELD_ACCESS:
          g_object_set (asset, "access", value, NULL);
          break;
        case MAMORI_CSV_FIELD_OVERRIDE_REASON:
          g_object_set (asset, "override-reason", value, NULL);
          break;
        case MAMORI_CSV_FIELD_NOTES:
          if (*value != '\0')
            {
              if (notes->len > 0)
                g_string_append_c (notes, '\n');
              g_string_append (notes, value);
            }
          break;
        case MAMORI_CSV_FIELD_NOTES_EXTRA:
          if (*value != '\0')
            append_note (extra, header, value);
          break;
        case MAMORI_CSV_FIELD_CATEGORY:
          if ((choice = match_words (value, category_words)) < 0)
            add_problem (problems, record->line,
                         _("Line %u: “%s” is not a category. Use one of 研究開発情報, 製造関連情報, 顧客情報, 市場関連情報, 価格情報, 取引先情報, 顧客マニュアル, その他, or leave it empty."),
                         record->line, value);
          else
            g_object_set (asset, "category", choice, NULL);
          break;
        case MAMORI_CSV_FIELD_FORM:
          if ((choice = match_words (value, form_words)) < 0)
            add_problem (problems, record->line,
                         _("Line %u: “%s” is not a form. Use one of 紙, 電子データ, 属人的, 物品, or leave it empty."),
                         record->line, value);
          else
            g_object_set (asset, "form", choice, NULL);
          break;
        case MAMORI_CSV_FIELD_RATING_VALUE:
        case MAMORI_CSV_FIELD_RATING_COMPETITION:
        case MAMORI_CSV_FIELD_RATING_TRUST:
          if (*value == '\0')
            break;
          if ((choice = match_words (value, rating_words)) < 0)
            add_problem (problems, record->line,
                         _("Line %u: “%s” in column “%s” is not a rating. Use なし, 低, 中 or 高 (or 0 to 3), or leave it empty."),
                         record->line, value, header);
          else
            mamori_asset_set_rating (asset, mapping[i] - MAMORI_CSV_FIELD_RATING_VALUE, choice);
          break;
        case MAMORI_CSV_FIELD_CLASS_OVERRIDE:
          if (*value == '\0')
            break;
          if ((choice = parse_class (value, scheme)) < 0)
            add_problem (problems, record->line,
                         _("Line %u: “%s” is not one of this workspace’s classes (%s, %s, %s, %s)."),
                         record->line, value,
                         mamori_class_scheme_get_name (scheme, 3), mamori_class_scheme_get_name (scheme, 2),
                         mamori_class_scheme_get_name (scheme, 1), mamori_class_scheme_get_name (scheme, 0));
          else
            g_object_set (asset, "class-override", choice, NULL);
          break;
        case MAMORI_CSV_FIELD_STRATEGY:
          if ((choice = match_words (value, strategy_words)) < 0)
            add_problem (problems, record->line,
                         _("Line %u: “%s” is not a strategy. Use 未定, 秘匿, 特許化 or 公開."),
                         record->line, value);
          else
            g_object_set (asset, "strategy", choice, NULL);
          break;
        case MAMORI_CSV_FIELD_ENTRUSTED:
        case MAMORI_CSV_FIELD_MARKED:
        case MAMORI_CSV_FIELD_ACCESS_RESTRICTED:
        case MAMORI_CSV_FIELD_PLEDGES_SIGNED:
        case MAMORI_CSV_FIELD_USEFUL:
        case MAMORI_CSV_FIELD_NOT_PUBLIC:
          {
            static const char * const properties[] = {
              [MAMORI_CSV_FIELD_ENTRUSTED] = "entrusted",
              [MAMORI_CSV_FIELD_MARKED] = "marked",
              [MAMORI_CSV_FIELD_ACCESS_RESTRICTED] = "access-restricted",
              [MAMORI_CSV_FIELD_PLEDGES_SIGNED] = "pledges-signed",
              [MAMORI_CSV_FIELD_USEFUL] = "useful",
              [MAMORI_CSV_FIELD_NOT_PUBLIC] = "not-public",
            };

            if ((choice = match_words (value, boolean_words)) < 0)
              add_problem (problems, record->line,
                           _("Line %u: “%s” in column “%s” is neither yes nor no. Use はい or いいえ."),
                           record->line, value, header);
            else
              g_object_set (asset, properties[mapping[i]], choice == 1, NULL);
          }
          break;
        case MAMORI_CSV_FIELD_CREATED:
          if (*value != '\0')
            {
              g_autofree char *date = parse_date (value);

              if (date == NULL)
                add_problem (problems, record->line,
                             _("Line %u: “%s” is not a date. Write it as 2026-04-01 or 2026/4/1."),
                             record->line, value);
              else
                g_object_set (asset, "created", date, NULL);
            }
          break;
        case MAMORI_N_CSV_FIELDS:
        default:
          g_assert_not_reached ();
        }
    }

  /* The register keeps assets not yet named, and our export writes them
   * with their IDs; a row written by hand needs a name to be an asset. */
  if (!import->exported &&
      mamori_text_is_blank (mamori_asset_get_name (asset)))
    add_problem (problems, record->line, _("Line %u: the asset has no name."), record->line);

  if (extra->len > 0)
    {
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append_len (notes, extra->str, extra->len);
    }
  g_object_set (asset, "notes", notes->str, NULL);

  return problems->len == problems_before ? g_steal_pointer (&asset) : NULL;
}

/**
 * mamori_asset_import_build:
 * @store: the workspace, for its class names
 * @out_problems: (out) (transfer full) (element-type MamoriImportProblem):
 *   every problem found, with its line; empty if none
 *
 * Turns every data row into an asset, writing nothing.
 *
 * Returns: (transfer full) (element-type MamoriAsset): the assets of the
 *   rows without problems
 */
GPtrArray *
mamori_asset_import_build (MamoriAssetImport  *import,
                           MamoriStore        *store,
                           GPtrArray         **out_problems)
{
  g_autoptr(MamoriClassScheme) scheme = mamori_store_dup_class_scheme (store);

  return mamori_asset_import_preview (import, import->mapping, scheme, G_MAXUINT, NULL, NULL, NULL, out_problems);
}

/**
 * mamori_asset_import_preview:
 * @mapping: what each column becomes (mamori_asset_import_get_n_columns()
 *   of them): the import's own, or a copy being tried
 * @max_assets: how many of the assets to return; the rest are checked and
 *   counted only
 * @cancellable: (nullable): stops the checking early (what it returns then
 *   is incomplete, for a caller that no longer wants it)
 * @out_n_assets: (out) (optional): how many rows make an asset
 * @out_n_existing: (out) (optional): how many of them have the name and
 *   department of an asset already in the register (see
 *   mamori_asset_import_set_existing())
 * @out_problems: (out) (optional) (transfer full): see
 *   mamori_asset_import_build()
 *
 * Checks every row as mamori_asset_import_build() does, without the
 * workspace and without keeping 100,000 assets for a preview of 20. Reads
 * nothing of @import that changes, so it may run in a worker thread with
 * its own @mapping and @scheme while the window goes on.
 *
 * Returns: (transfer full) (element-type MamoriAsset): the first assets
 */
GPtrArray *
mamori_asset_import_preview (MamoriAssetImport        *import,
                             const MamoriCsvField     *mapping,
                             const MamoriClassScheme  *scheme,
                             guint                     max_assets,
                             GCancellable             *cancellable,
                             guint                    *out_n_assets,
                             guint                    *out_n_existing,
                             GPtrArray               **out_problems)
{
  GPtrArray *assets = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_import_problem_free);
  gboolean has_name = FALSE;
  guint n_assets = 0;
  guint n_existing = 0;

  g_assert (import != NULL && mapping != NULL && scheme != NULL);

  for (guint i = 0; i < import->n_columns; i++)
    has_name |= mapping[i] == MAMORI_CSV_FIELD_NAME;

  if (!has_name)
    add_problem (problems, 1, _("No column holds the asset names. Choose which column is the name."));
  else
    for (guint i = import->header_rows; i < import->document->records->len; i++)
      {
        MamoriAsset *asset;

        if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
          break;
        asset = build_asset (import, mapping, g_ptr_array_index (import->document->records, i), scheme, problems);
        if (asset == NULL)
          continue;
        if (import->existing != NULL)
          {
            g_autofree char *key = mamori_asset_key_new (mamori_asset_get_name (asset), mamori_asset_get_department (asset));

            if (g_hash_table_contains (import->existing, key))
              n_existing++;
          }
        n_assets++;
        if (assets->len < max_assets)
          g_ptr_array_add (assets, asset);
        else
          g_object_unref (asset);
      }

  if (out_n_assets != NULL)
    *out_n_assets = n_assets;
  if (out_n_existing != NULL)
    *out_n_existing = n_existing;
  if (out_problems != NULL)
    *out_problems = problems;
  else
    g_ptr_array_unref (problems);

  return assets;
}

/**
 * mamori_asset_import_set_existing:
 * @keys: (nullable) (element-type utf8 utf8): mamori_store_dup_asset_keys()
 *
 * Tells the import which assets the register has already, so that rows
 * repeating them (the same ledger imported twice) are counted, and skipped
 * when mamori_asset_import_set_skip_existing() says so. Set it before any
 * preview runs.
 */
void
mamori_asset_import_set_existing (MamoriAssetImport *import,
                                  GHashTable        *keys)
{
  g_return_if_fail (import != NULL);

  g_clear_pointer (&import->existing, g_hash_table_unref);
  import->existing = keys != NULL ? g_hash_table_ref (keys) : NULL;
}

void
mamori_asset_import_set_skip_existing (MamoriAssetImport *import,
                                       gboolean           skip)
{
  g_return_if_fail (import != NULL);
  import->skip_existing = skip;
}

/* Drops the assets already in the register, when asked to: how many. */
static guint
drop_existing (MamoriAssetImport *import,
               GPtrArray         *assets)
{
  guint dropped = 0;

  if (!import->skip_existing || import->existing == NULL)
    return 0;
  for (guint i = assets->len; i > 0; i--)
    {
      MamoriAsset *asset = g_ptr_array_index (assets, i - 1);
      g_autofree char *key = mamori_asset_key_new (mamori_asset_get_name (asset), mamori_asset_get_department (asset));

      if (g_hash_table_contains (import->existing, key))
        {
          g_ptr_array_remove_index (assets, i - 1);
          dropped++;
        }
    }
  return dropped;
}

/**
 * mamori_asset_import_run:
 * @out_count: (out) (optional): how many assets were added
 * @out_problems: (out) (optional) (transfer full): see
 *   mamori_asset_import_build()
 *
 * Adds every row, in one transaction, or — if any row has a problem or
 * writing fails — nothing at all.
 */
gboolean
mamori_asset_import_run (MamoriAssetImport  *import,
                         MamoriStore        *store,
                         guint              *out_count,
                         GPtrArray         **out_problems,
                         GError            **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) assets = NULL;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (MAMORI_IS_STORE (store), FALSE);

  if (out_count != NULL)
    *out_count = 0;

  assets = mamori_asset_import_build (import, store, &problems);

  if (problems->len > 0)
    {
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u problem; nothing was imported.",
                                "The file has %u problems; nothing was imported.",
                                problems->len),
                   problems->len);
      if (out_problems != NULL)
        *out_problems = g_steal_pointer (&problems);
      return FALSE;
    }

  if (assets->len == 0)
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("The file has no rows to import."));
      return FALSE;
    }
  /* Every row already in the register: nothing to do, and nothing wrong. */
  if (drop_existing (import, assets) > 0 && assets->len == 0)
    return TRUE;

  if (!mamori_store_add_assets (store, assets, error))
    return FALSE;

  if (out_count != NULL)
    *out_count = assets->len;
  return TRUE;
}

const char *
mamori_csv_field_get_label (MamoriCsvField field)
{
  switch (field)
    {
    case MAMORI_CSV_FIELD_IGNORE:             return _("Do not import");
    case MAMORI_CSV_FIELD_NAME:               return _("Name");
    case MAMORI_CSV_FIELD_CATEGORY:           return _("Category");
    case MAMORI_CSV_FIELD_FORM:               return _("Form");
    case MAMORI_CSV_FIELD_STORAGE:            return _("Storage place");
    case MAMORI_CSV_FIELD_DEPARTMENT:         return _("Owning department");
    case MAMORI_CSV_FIELD_RESPONSIBLE:        return _("Responsible person");
    case MAMORI_CSV_FIELD_ACCESS:             return _("Who has access");
    case MAMORI_CSV_FIELD_ENTRUSTED:          return _("Entrusted by a customer or partner");
    case MAMORI_CSV_FIELD_NOTES:              return _("Notes");
    case MAMORI_CSV_FIELD_NOTES_EXTRA:        return _("Add to the notes");
    case MAMORI_CSV_FIELD_RATING_VALUE:       return mamori_viewpoint_get_label (MAMORI_VIEWPOINT_VALUE);
    case MAMORI_CSV_FIELD_RATING_COMPETITION: return mamori_viewpoint_get_label (MAMORI_VIEWPOINT_COMPETITION);
    case MAMORI_CSV_FIELD_RATING_TRUST:       return mamori_viewpoint_get_label (MAMORI_VIEWPOINT_TRUST);
    case MAMORI_CSV_FIELD_CLASS_OVERRIDE:     return _("Class set by hand");
    case MAMORI_CSV_FIELD_OVERRIDE_REASON:    return _("Reason for the class set by hand");
    case MAMORI_CSV_FIELD_STRATEGY:           return _("Open/close strategy");
    case MAMORI_CSV_FIELD_MARKED:             return _("Marked confidential");
    case MAMORI_CSV_FIELD_ACCESS_RESTRICTED:  return _("Access restricted");
    case MAMORI_CSV_FIELD_PLEDGES_SIGNED:     return _("Pledges or NDAs signed");
    case MAMORI_CSV_FIELD_USEFUL:             return _("Useful to the business");
    case MAMORI_CSV_FIELD_NOT_PUBLIC:         return _("Not publicly known");
    case MAMORI_CSV_FIELD_CREATED:            return _("Date registered");
    case MAMORI_N_CSV_FIELDS:
    default:                                  g_return_val_if_reached (NULL);
    }
}

const char *
mamori_csv_format_get_label (MamoriCsvFormat format)
{
  switch (format)
    {
    case MAMORI_CSV_FORMAT_MAMORI: return _("Mamori asset register");
    case MAMORI_CSV_FORMAT_IPA:    return _("IPA information asset ledger (情報資産管理台帳)");
    case MAMORI_CSV_FORMAT_OTHER:  return _("Other ledger, matched by column names");
    default:                       g_return_val_if_reached (NULL);
    }
}

static const char *
yes_no (gboolean value)
{
  return value ? "はい" : "いいえ";
}

static char *
dup_routes_value (guint routes)
{
  GString *value = g_string_new (NULL);

  for (int route = 0; route < MAMORI_N_ROUTES; route++)
    if (routes & MAMORI_ROUTE_BIT (route))
      {
        if (value->len > 0)
          g_string_append (value, "、");
        g_string_append (value, route_values[route]);
      }

  return g_string_free (value, FALSE);
}

static char *
dup_date (const char *iso)
{
  /* "2026-04-01T…" → "2026-04-01" */
  return g_strndup (iso != NULL ? iso : "", 10);
}

static void
append_asset (GString                 *csv,
              MamoriAsset             *asset,
              const MamoriClassScheme *scheme)
{
  MamoriSecretFacts facts;
  int ratings[MAMORI_N_VIEWPOINTS];
  int level = mamori_asset_get_class (asset);
  int override = mamori_asset_get_class_override (asset);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, mamori_asset_get_id (asset));
  g_autofree char *routes = dup_routes_value (mamori_asset_get_uncovered (asset));
  g_autofree char *created = dup_date (mamori_asset_get_created (asset));
  g_autofree char *updated = dup_date (mamori_asset_get_updated (asset));
  const char *fields[G_N_ELEMENTS (our_columns)];

  mamori_asset_get_ratings (asset, ratings);
  mamori_asset_get_secret_facts (asset, &facts);

  fields[0] = id;
  fields[1] = mamori_asset_get_name (asset);
  fields[2] = category_values[mamori_asset_get_category (asset)];
  fields[3] = form_values[mamori_asset_get_form (asset)];
  fields[4] = mamori_asset_get_storage (asset);
  fields[5] = mamori_asset_get_department (asset);
  fields[6] = mamori_asset_get_responsible (asset);
  fields[7] = mamori_asset_get_access (asset);
  fields[8] = yes_no (mamori_asset_get_entrusted (asset));
  for (int i = 0; i < MAMORI_N_VIEWPOINTS; i++)
    fields[9 + i] = ratings[i] >= 0 ? rating_values[ratings[i]] : "";
  fields[12] = class_value (scheme, level);
  fields[13] = class_value (scheme, override);
  fields[14] = mamori_asset_get_override_reason (asset);
  fields[15] = strategy_values[mamori_asset_get_strategy (asset)];
  fields[16] = yes_no (facts.marked);
  fields[17] = yes_no (facts.access_restricted);
  fields[18] = yes_no (facts.pledges_signed);
  fields[19] = yes_no (facts.useful);
  fields[20] = yes_no (facts.not_public);
  fields[21] = routes;
  fields[22] = mamori_asset_get_notes (asset);
  fields[23] = created;
  fields[24] = updated;

  mamori_csv_append_record (csv, fields, G_N_ELEMENTS (fields));
}

static void
collect_id (const MamoriAssetRow *row,
            gpointer              user_data)
{
  g_array_append_val ((GArray *) user_data, row->id);
}

/**
 * mamori_asset_export:
 * @ids: (nullable) (element-type gint64): the assets to export, in order;
 *   %NULL for all, by name
 * @encoding: %MAMORI_CSV_ENCODING_UTF8_BOM (Excel opens it as UTF-8) or
 *   %MAMORI_CSV_ENCODING_CP932
 *
 * Returns: (transfer full) (nullable): the CSV file's bytes
 */
GBytes *
mamori_asset_export (MamoriStore        *store,
                     GArray             *ids,
                     MamoriCsvEncoding   encoding,
                     GError            **error)
{
  g_autoptr(MamoriClassScheme) scheme = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  const char *headers[G_N_ELEMENTS (our_columns)];

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  scheme = mamori_store_dup_class_scheme (store);
  if (ids == NULL)
    {
      all = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (!mamori_store_foreach_asset_row (store, MAMORI_ASSET_SORT_NAME, FALSE, collect_id, all, error))
        return NULL;
      ids = all;
    }

  for (guint i = 0; i < G_N_ELEMENTS (our_columns); i++)
    headers[i] = our_columns[i].header;
  mamori_csv_append_record (csv, headers, G_N_ELEMENTS (headers));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(MamoriAsset) asset = mamori_store_dup_asset (store, g_array_index (ids, gint64, i), &local_error);

      if (asset != NULL)
        append_asset (csv, asset, scheme);
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return mamori_csv_encode (csv, encoding, error);
}
