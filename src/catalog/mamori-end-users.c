/* mamori-end-users.c — METI's End User List: its entries, and importing them
 *
 * METI publishes the End User List (外国ユーザーリスト) as a table: No.,
 * 国名・地域名, 企業名・組織名, 別名, 懸念区分. Users make a CSV of it, often
 * with METI's title rows still above the header, Japanese or English
 * headings (or both in one cell), and the header repeated where the PDF's
 * pages broke. The header row is the first of the first records that names
 * the company column; the user may change what each column becomes.
 *
 * Screening names against the entries is mamori-end-user-matcher.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <string.h>

#include "analysis/mamori-text.h"
#include "mamori-end-users-private.h"

G_DEFINE_QUARK (mamori-end-user-error-quark, mamori_end_user_error)

/* Entry */

MamoriEndUser *
mamori_end_user_new (guint       number,
                     const char *country,
                     const char *name,
                     const char *aliases,
                     const char *concern)
{
  MamoriEndUser *entry = g_new0 (MamoriEndUser, 1);

  entry->number = number;
  entry->country = g_strdup (country != NULL ? country : "");
  entry->name = g_strdup (name != NULL ? name : "");
  entry->aliases = g_strdup (aliases != NULL ? aliases : "");
  entry->concern = g_strdup (concern != NULL ? concern : "");
  return entry;
}

MamoriEndUser *
mamori_end_user_copy (const MamoriEndUser *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return mamori_end_user_new (entry->number, entry->country, entry->name, entry->aliases, entry->concern);
}

void
mamori_end_user_free (MamoriEndUser *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->country);
  g_free (entry->name);
  g_free (entry->aliases);
  g_free (entry->concern);
  g_free (entry);
}

const char *
mamori_end_user_field_get_label (MamoriEndUserField field)
{
  switch (field)
    {
    case MAMORI_END_USER_FIELD_IGNORE:  return _("Do not import");
    /* Translators: the column of the End User List numbering its entries */
    case MAMORI_END_USER_FIELD_NUMBER:  return _("Number");
    case MAMORI_END_USER_FIELD_COUNTRY: return _("Country or region");
    case MAMORI_END_USER_FIELD_NAME:    return _("Company or organization");
    case MAMORI_END_USER_FIELD_ALIASES: return _("Also known as");
    /* Translators: 懸念区分 of the End User List: nuclear, chemical, biological, missile */
    case MAMORI_END_USER_FIELD_CONCERN: return _("Type of concern");
    case MAMORI_N_END_USER_FIELDS:
    default:                            g_return_val_if_reached (NULL);
    }
}

/* Keys */

/* What is compared of a word or a heading: its letters and digits, loosely
 * normalized (width, case, hiragana or katakana, small kana or large, the
 * long-vowel mark: サーバー, サーバ), and ヴ as ブ. Spaces go too, so a
 * name is split into words before its words are keyed. */
char *
mamori_end_user_dup_key (const char *text,
                         gssize      length)
{
  g_autofree char *piece = length < 0 ? g_strdup (text) : g_strndup (text, length);
  g_autofree char *loose = mamori_text_normalize_loose (piece);
  GString *out = g_string_sized_new (strlen (loose));

  for (const char *p = loose; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x30F4)   /* ヴ → ブ */
        c = 0x30D6;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Aliases */

/* Words that introduce another name rather than being one. */
static const char * const alias_noise[] = {
  "also known as", "formerly known as", "previously known as", "known as", "a.k.a.", "a.k.a", "a/k/a", "aka",
  "f.k.a.", "f.k.a", "fka", "formerly", "previously", "former name", "旧社名", "旧名", "旧称", "別名", "略称", "通称",
};

gboolean
mamori_end_user_is_bracket (gunichar c,
                            gboolean open)
{
  return open ? (c == '(' || c == '[' || c == 0xFF08 || c == 0xFF3B)
              : (c == ')' || c == ']' || c == 0xFF09 || c == 0xFF3D);
}

static gboolean
is_alias_separator (gunichar c)
{
  return c == ',' || c == ';' || c == '/' || c == '|' || c == 0xFF0C || c == 0xFF1B || c == 0xFF0F ||
         c == 0x3001 || c == 0xFF5C;
}

/* A piece without the bullets, numbers and unmatched brackets around it. */
char *
mamori_end_user_trim_piece (const char *start,
                            const char *end)
{
  int depth = 0;
  g_autofree char *piece = NULL;
  char *p;

  for (const char *q = start; q < end; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      if (g_unichar_isspace (c) || c == '-' || c == '*' || c == ':' || c == 0x30FB || c == 0x2022 ||
          c == 0xFF1A || c == 0x2013 || c == 0x2014)
        start = g_utf8_next_char (q);
      else if (g_ascii_isdigit (c) && q + 1 < end && (q[1] == ')' || q[1] == '.') && q + 2 < end && q[2] == ' ')
        start = q = q + 2;   /* “1) ” */
      else
        break;
    }
  while (end > start)
    {
      const char *last = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (last);
      if (!g_unichar_isspace (c) && c != ',' && c != ';' && c != ':' && c != 0x3001)
        break;
      end = last;
    }

  for (const char *q = start; q < end; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      depth += mamori_end_user_is_bracket (c, TRUE) - mamori_end_user_is_bracket (c, FALSE);
    }
  if (end > start && depth != 0 && mamori_end_user_is_bracket (g_utf8_get_char (start), depth > 0))
    start = g_utf8_next_char (start);
  else if (end > start && depth != 0 &&
           mamori_end_user_is_bracket (g_utf8_get_char (g_utf8_prev_char (end)), depth > 0))
    end = g_utf8_prev_char (end);

  piece = g_strndup (start, end - start);
  p = g_strstrip (piece);
  return p != piece ? g_strdup (p) : g_steal_pointer (&piece);
}

/* A piece trimmed, its runs of white space (line breaks too) one space. */
static char *
dup_collapsed (const char *start,
               const char *end)
{
  g_autofree char *piece = mamori_end_user_trim_piece (start, end);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = piece; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
mamori_end_user_split_aliases (const char *aliases)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *start, *last_start = NULL;
  int depth = 0;

  if (aliases == NULL)
    return pieces;
  aliases = valid = g_utf8_make_valid (aliases, -1);

  /* a.k.a. and the like separate names. */
  for (const char *p = aliases; *p != '\0'; )
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (alias_noise) && !found; i++)
        {
          gsize length = strlen (alias_noise[i]);
          gboolean latin = g_ascii_isalpha (alias_noise[i][0]);

          if (g_ascii_strncasecmp (p, alias_noise[i], length) == 0 &&
              (!latin || ((p == aliases || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[length]))))
            {
              g_string_append_c (text, '\n');
              p += length;
              found = TRUE;
            }
        }
      if (!found)
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (text, p, next - p);
          p = next;
        }
    }

  start = text->str;
  for (const char *p = text->str; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean line = c == '\n' || c == '\r';

      depth = MAX (0, depth + mamori_end_user_is_bracket (c, TRUE) - mamori_end_user_is_bracket (c, FALSE));
      if (c == 0 || line || (depth == 0 && is_alias_separator (c)))
        {
          g_autofree char *piece = dup_collapsed (start, p);

          /* Taken again with the piece before, separator and all, so that
           * “Co., Ltd.” and “A/S” stay as written. */
          if (pieces->len > 0 && *piece != '\0' && mamori_end_user_piece_continues (piece))
            {
              g_free (pieces->pdata[pieces->len - 1]);
              pieces->pdata[pieces->len - 1] = dup_collapsed (last_start, p);
            }
          else if (*piece != '\0' && !mamori_end_user_piece_continues (piece))
            {
              g_ptr_array_add (pieces, g_steal_pointer (&piece));
              last_start = start;
            }

          if (c == 0)
            break;
          if (line)
            depth = 0;
          start = g_utf8_next_char (p);
        }
    }

  return pieces;
}

/**
 * mamori_end_user_dup_alias_list:
 *
 * The entry's other names, one by one: the published field split at line
 * breaks, commas, semicolons and slashes (not those inside brackets, nor the
 * comma of “Co., Ltd.”), without “a.k.a.” and the like.
 *
 * Returns: (transfer full): the aliases, as published
 */
char **
mamori_end_user_dup_alias_list (const MamoriEndUser *entry)
{
  g_autoptr(GPtrArray) pieces = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  pieces = mamori_end_user_split_aliases (entry->aliases);
  g_ptr_array_add (pieces, NULL);
  return (char **) g_ptr_array_steal (pieces, NULL);
}

/* Import */

struct _MamoriEndUserImport
{
  MamoriCsvDocument  *document;
  guint               header;      /* the header's record */
  guint               n_columns;
  char              **headers;
  MamoriEndUserField *mapping;
};

typedef struct
{
  const char         *header;
  MamoriEndUserField  field;
} Column;

/* Headings as METI writes them, in both languages, and as people do. */
static const Column columns[] = {
  { "No.", MAMORI_END_USER_FIELD_NUMBER },
  { "番号", MAMORI_END_USER_FIELD_NUMBER },
  { "通し番号", MAMORI_END_USER_FIELD_NUMBER },
  { "項番", MAMORI_END_USER_FIELD_NUMBER },
  { "Number", MAMORI_END_USER_FIELD_NUMBER },
  { "国名・地域名", MAMORI_END_USER_FIELD_COUNTRY },
  { "国名", MAMORI_END_USER_FIELD_COUNTRY },
  { "地域名", MAMORI_END_USER_FIELD_COUNTRY },
  { "国・地域", MAMORI_END_USER_FIELD_COUNTRY },
  { "国・地域名", MAMORI_END_USER_FIELD_COUNTRY },
  { "国名・地域", MAMORI_END_USER_FIELD_COUNTRY },
  { "Country or Region", MAMORI_END_USER_FIELD_COUNTRY },
  { "Country", MAMORI_END_USER_FIELD_COUNTRY },
  { "Region", MAMORI_END_USER_FIELD_COUNTRY },
  { "企業名・組織名", MAMORI_END_USER_FIELD_NAME },
  { "企業名", MAMORI_END_USER_FIELD_NAME },
  { "組織名", MAMORI_END_USER_FIELD_NAME },
  { "企業・組織名", MAMORI_END_USER_FIELD_NAME },
  { "会社名", MAMORI_END_USER_FIELD_NAME },
  { "名称", MAMORI_END_USER_FIELD_NAME },
  { "Company or Organization", MAMORI_END_USER_FIELD_NAME },
  { "Company or Organisation", MAMORI_END_USER_FIELD_NAME },
  { "Company", MAMORI_END_USER_FIELD_NAME },
  { "Organization", MAMORI_END_USER_FIELD_NAME },
  { "Organisation", MAMORI_END_USER_FIELD_NAME },
  { "Company Name", MAMORI_END_USER_FIELD_NAME },
  { "Entity", MAMORI_END_USER_FIELD_NAME },
  { "Entity Name", MAMORI_END_USER_FIELD_NAME },
  { "Name", MAMORI_END_USER_FIELD_NAME },
  { "別名", MAMORI_END_USER_FIELD_ALIASES },
  { "別称", MAMORI_END_USER_FIELD_ALIASES },
  { "別名称", MAMORI_END_USER_FIELD_ALIASES },
  { "Also Known As", MAMORI_END_USER_FIELD_ALIASES },
  { "a.k.a.", MAMORI_END_USER_FIELD_ALIASES },
  { "Alias", MAMORI_END_USER_FIELD_ALIASES },
  { "Aliases", MAMORI_END_USER_FIELD_ALIASES },
  { "Other Names", MAMORI_END_USER_FIELD_ALIASES },
  { "懸念区分", MAMORI_END_USER_FIELD_CONCERN },
  { "懸念", MAMORI_END_USER_FIELD_CONCERN },
  { "懸念の種類", MAMORI_END_USER_FIELD_CONCERN },
  { "区分", MAMORI_END_USER_FIELD_CONCERN },
  { "Type of WMD", MAMORI_END_USER_FIELD_CONCERN },
  { "Types of WMD", MAMORI_END_USER_FIELD_CONCERN },
  { "WMD", MAMORI_END_USER_FIELD_CONCERN },
  { "Type of Concern", MAMORI_END_USER_FIELD_CONCERN },
  { "Concern", MAMORI_END_USER_FIELD_CONCERN },
};

/* How many records may come before the header: METI's title, date, notes. */
#define MAX_HEADER_RECORD 10
/* Bytes: “企業名・組織名\nCompany or Organization” is 44. */
#define MAX_HEADING_LENGTH 256

/* The headings above as keys, made once: a file's every heading (and each
 * part of it) is compared with all of them. */
static const char * const *
get_column_keys (void)
{
  static const char **keys;

  if (g_once_init_enter (&keys))
    {
      const char **made = g_new0 (const char *, G_N_ELEMENTS (columns) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        made[i] = mamori_end_user_dup_key (columns[i].header, -1);
      g_once_init_leave (&keys, made);
    }
  return keys;
}

/* What a heading names, if anything. A cell may hold both languages:
 * “企業名・組織名\nCompany or Organization”, “懸念区分 (Type of WMD)”. */
static MamoriEndUserField
lookup_column (const char *header,
               gboolean   *found)
{
  const char * const *keys = get_column_keys ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *whole = NULL;

  *found = FALSE;
  /* A heading is a few words in two languages; a long cell is a title or
   * a notice, and is not taken apart line by line. */
  if (strlen (header) > MAX_HEADING_LENGTH)
    return MAMORI_END_USER_FIELD_IGNORE;
  whole = mamori_end_user_dup_key (header, -1);
  if (*whole == '\0')
    return MAMORI_END_USER_FIELD_IGNORE;

  parts = g_regex_split_simple ("[\\n\\r()（）/／\\[\\]]", header, 0, 0);
  for (guint p = 0; parts[p] != NULL; p++)
    {
      g_autofree char *part = mamori_end_user_dup_key (parts[p], -1);

      for (guint i = 0; i < G_N_ELEMENTS (columns) && *part != '\0'; i++)
        if (g_str_equal (part, keys[i]) || g_str_equal (whole, keys[i]))
          {
            *found = TRUE;
            return columns[i].field;
          }
    }
  return MAMORI_END_USER_FIELD_IGNORE;
}

void
mamori_end_user_import_free (MamoriEndUserImport *import)
{
  if (import == NULL)
    return;

  mamori_csv_document_free (import->document);
  g_strfreev (import->headers);
  g_free (import->mapping);
  g_free (import);
}

/* The header is the first record, of the first few, with a heading for the
 * names; every heading of it is guessed. */
static gboolean
recognize (MamoriEndUserImport *import)
{
  GPtrArray *records = import->document->records;

  for (guint r = 0; r < MIN (records->len, MAX_HEADER_RECORD); r++)
    {
      const MamoriCsvRecord *record = g_ptr_array_index (records, r);
      g_autofree MamoriEndUserField *mapping = g_new0 (MamoriEndUserField, MAX (record->n_fields, 1));
      gboolean has_name = FALSE;

      for (guint i = 0; i < record->n_fields; i++)
        {
          gboolean found;

          mapping[i] = lookup_column (record->fields[i], &found);
          has_name |= mapping[i] == MAMORI_END_USER_FIELD_NAME;
        }
      if (!has_name)
        continue;

      import->header = r;
      import->n_columns = record->n_fields;
      import->mapping = g_steal_pointer (&mapping);
      import->headers = g_new0 (char *, record->n_fields + 1);
      for (guint i = 0; i < record->n_fields; i++)
        import->headers[i] = dup_collapsed (record->fields[i], record->fields[i] + strlen (record->fields[i]));
      return TRUE;
    }

  return FALSE;
}

/**
 * mamori_end_user_import_new:
 *
 * Reads a CSV file made from METI's End User List, finds its header and
 * guesses what each column is.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL if the file is
 *   not CSV (%MAMORI_CSV_ERROR) or has no heading for the names
 *   (%MAMORI_END_USER_ERROR_NO_NAME_COLUMN)
 */
MamoriEndUserImport *
mamori_end_user_import_new (const guint8  *data,
                            gsize          length,
                            GError       **error)
{
  g_autoptr(MamoriEndUserImport) import = g_new0 (MamoriEndUserImport, 1);

  import->document = mamori_csv_parse (data, length, error);
  if (import->document == NULL)
    return NULL;

  if (!recognize (import))
    {
      g_set_error_literal (error, MAMORI_END_USER_ERROR, MAMORI_END_USER_ERROR_NO_NAME_COLUMN,
                           _("No column of this file is headed “Company or Organization” or 企業名・組織名, so the listed names cannot be found. Keep the header row of METI’s list above the names and import the file again."));
      return NULL;
    }

  return g_steal_pointer (&import);
}

/**
 * mamori_end_user_import_new_from_bytes:
 *
 * mamori_end_user_import_new() as a #MamoriFileParseFunc, for
 * mamori_file_load_async().
 *
 * Returns: (transfer full) (nullable): a #MamoriEndUserImport
 */
gpointer
mamori_end_user_import_new_from_bytes (GBytes  *contents,
                                       GError **error)
{
  return mamori_end_user_import_new (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), error);
}

MamoriCsvEncoding
mamori_end_user_import_get_encoding (MamoriEndUserImport *import)
{
  g_return_val_if_fail (import != NULL, MAMORI_CSV_ENCODING_UTF8);
  return import->document->encoding;
}

guint
mamori_end_user_import_get_n_columns (MamoriEndUserImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_columns;
}

/* Records below the header, the header repeated at page breaks included. */
guint
mamori_end_user_import_get_n_rows (MamoriEndUserImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->document->records->len - import->header - 1;
}

const char *
mamori_end_user_import_get_header (MamoriEndUserImport *import,
                                   guint                column)
{
  g_return_val_if_fail (import != NULL, NULL);
  g_return_val_if_fail (column < import->n_columns, NULL);
  return import->headers[column];
}

MamoriEndUserField
mamori_end_user_import_get_mapping (MamoriEndUserImport *import,
                                    guint                column)
{
  g_return_val_if_fail (import != NULL, MAMORI_END_USER_FIELD_IGNORE);
  g_return_val_if_fail (column < import->n_columns, MAMORI_END_USER_FIELD_IGNORE);
  return import->mapping[column];
}

void
mamori_end_user_import_set_mapping (MamoriEndUserImport *import,
                                    guint                column,
                                    MamoriEndUserField   field)
{
  g_return_if_fail (import != NULL);
  g_return_if_fail (column < import->n_columns);
  g_return_if_fail (field < MAMORI_N_END_USER_FIELDS);
  import->mapping[column] = field;
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

/* 12, １２, 12.; 0 if not a number. */
static guint
parse_number (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  guint64 number;
  char *end;

  if (normalized == NULL || !g_ascii_isdigit (*g_strstrip (normalized)))
    return 0;
  number = g_ascii_strtoull (normalized, &end, 10);
  if (*end == '.')
    end++;
  return *end == '\0' && number <= G_MAXUINT ? (guint) number : 0;
}

static void
append_value (GString    *values,
              const char *value,
              const char *separator)
{
  g_auto(GStrv) parts = g_strsplit (values->str, separator, -1);

  if (*value == '\0' || g_strv_contains ((const char * const *) parts, value))
    return;
  if (values->len > 0)
    g_string_append (values, separator);
  g_string_append (values, value);
}

/* The header again, where a PDF's page broke. */
static gboolean
is_header_again (MamoriEndUserImport   *import,
                 const MamoriCsvRecord *record)
{
  const MamoriCsvRecord *header = g_ptr_array_index (import->document->records, import->header);

  for (guint i = 0; i < import->n_columns; i++)
    if (import->mapping[i] == MAMORI_END_USER_FIELD_NAME)
      {
        g_autofree char *a = i < record->n_fields ? mamori_end_user_dup_key (record->fields[i], -1) : g_strdup ("");
        g_autofree char *b = mamori_end_user_dup_key (header->fields[i], -1);

        return g_str_equal (a, b);
      }
  return FALSE;
}

static MamoriEndUser *
build_entry (MamoriEndUserImport   *import,
             const MamoriCsvRecord *record,
             GHashTable            *numbers,
             GPtrArray             *problems)
{
  g_autoptr(GString) country = g_string_new (NULL);
  g_autoptr(GString) aliases = g_string_new (NULL);
  g_autoptr(GString) concern = g_string_new (NULL);
  g_autofree char *name = NULL;
  guint number = 0;
  gboolean numbered = FALSE;

  for (guint i = import->n_columns; i < record->n_fields; i++)
    if (!mamori_text_is_blank (record->fields[i]))
      {
        add_problem (problems, record->line,
                     _("Line %u has %u fields, but the header has only %u. A field probably holds a comma or line break without quotation marks."),
                     record->line, record->n_fields, import->n_columns);
        break;
      }

  for (guint i = 0; i < MIN (record->n_fields, import->n_columns); i++)
    {
      const char *field = record->fields[i];
      g_autofree char *value = dup_collapsed (field, field + strlen (field));

      switch (import->mapping[i])
        {
        case MAMORI_END_USER_FIELD_IGNORE:
          break;
        case MAMORI_END_USER_FIELD_NUMBER:
          if (*value == '\0' || numbered)
            break;
          numbered = TRUE;
          if ((number = parse_number (value)) == 0)
            add_problem (problems, record->line,
                         _("Line %u: “%s” is not an entry number. Write the number as METI lists it, such as 12, or leave it empty."),
                         record->line, value);
          break;
        case MAMORI_END_USER_FIELD_COUNTRY:
          append_value (country, value, " / ");
          break;
        case MAMORI_END_USER_FIELD_NAME:
          /* A second name column (Japanese and English) gives another name. */
          if (name == NULL && *value != '\0')
            name = g_steal_pointer (&value);
          else if (name != NULL && !g_str_equal (name, value))
            append_value (aliases, value, "\n");
          break;
        case MAMORI_END_USER_FIELD_ALIASES:
          {
            g_autofree char *stripped = g_strstrip (g_strdup (field));
            append_value (aliases, stripped, "\n");
          }
          break;
        case MAMORI_END_USER_FIELD_CONCERN:
          append_value (concern, value, ", ");
          break;
        case MAMORI_N_END_USER_FIELDS:
        default:
          g_assert_not_reached ();
        }
    }

  if (name == NULL)
    {
      add_problem (problems, record->line,
                   _("Line %u has no company or organization name. If it continues the row above, join the two rows in the file."),
                   record->line);
      return NULL;
    }

  /* The entry stays in the list, since leaving a listed entity out of
   * screening is the worse mistake; the problem tells the user to look. */
  if (number > 0)
    {
      guint first_line = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, GUINT_TO_POINTER (number)));

      if (first_line > 0)
        add_problem (problems, record->line, _("Line %u: number %u is also on line %u."),
                     record->line, number, first_line);
      else
        g_hash_table_insert (numbers, GUINT_TO_POINTER (number), GUINT_TO_POINTER (record->line));
    }

  return mamori_end_user_new (number, country->str, name, aliases->str, concern->str);
}

/**
 * mamori_end_user_import_build:
 * @out_problems: (out) (optional) (transfer full) (element-type MamoriImportProblem):
 *   every problem found, with its line; empty if none
 *
 * Turns every row below the header into an entry. Rows without a name are
 * left out; rows with other problems (a repeated number, a number that is
 * not one, extra fields) are kept and reported.
 *
 * Returns: (transfer full) (element-type MamoriEndUser): the entries
 */
GPtrArray *
mamori_end_user_import_build (MamoriEndUserImport  *import,
                              GPtrArray           **out_problems)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_end_user_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_import_problem_free);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  GPtrArray *records;
  gboolean has_name = FALSE;

  g_return_val_if_fail (import != NULL, entries);

  records = import->document->records;
  for (guint i = 0; i < import->n_columns; i++)
    has_name |= import->mapping[i] == MAMORI_END_USER_FIELD_NAME;

  if (!has_name)
    add_problem (problems, ((MamoriCsvRecord *) g_ptr_array_index (records, import->header))->line,
                 _("No column holds the company or organization names. Choose which column is the name."));
  else
    for (guint r = import->header + 1; r < records->len; r++)
      {
        const MamoriCsvRecord *record = g_ptr_array_index (records, r);
        gboolean blank = TRUE;
        MamoriEndUser *entry;

        for (guint i = 0; i < record->n_fields && blank; i++)
          blank = mamori_text_is_blank (record->fields[i]);
        if (blank || is_header_again (import, record))
          continue;

        if ((entry = build_entry (import, record, numbers, problems)) != NULL)
          g_ptr_array_add (entries, entry);
      }

  if (out_problems != NULL)
    *out_problems = g_steal_pointer (&problems);
  return entries;
}
