/* mamori-csv.c — reading and writing CSV as Japanese offices have it
 *
 * Files come from Excel: "CSV (comma delimited)" in Shift_JIS (CP932),
 * "CSV UTF-8" with a byte-order mark, "Unicode text" in UTF-16 with tabs;
 * quoted fields may hold commas, quotes ("") and line breaks. The encoding
 * and the delimiter are found from the data, and every record keeps the
 * line it started on, so that problems can be told by line number.
 *
 * Written files are what Japanese Excel opens correctly: CRLF records,
 * fields quoted when needed, UTF-8 with a byte-order mark (or CP932).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <string.h>

#include "mamori-csv.h"

G_DEFINE_QUARK (mamori-csv-error-quark, mamori_csv_error)

static void
record_free (gpointer data)
{
  MamoriCsvRecord *record = data;

  g_strfreev (record->fields);
  g_free (record);
}

void
mamori_csv_document_free (MamoriCsvDocument *document)
{
  if (document == NULL)
    return;

  g_ptr_array_unref (document->records);
  g_free (document);
}

const char *
mamori_csv_encoding_get_label (MamoriCsvEncoding encoding)
{
  switch (encoding)
    {
    case MAMORI_CSV_ENCODING_UTF8:     return "UTF-8";
    case MAMORI_CSV_ENCODING_UTF8_BOM: return _("UTF-8 with byte-order mark");
    case MAMORI_CSV_ENCODING_UTF16:    return "UTF-16";
    case MAMORI_CSV_ENCODING_CP932:    return _("Shift_JIS (CP932)");
    default:                           g_return_val_if_reached (NULL);
    }
}

/* Text whose encoding is clear but which holds a NUL character: whatever
 * came after it would be lost without a word, so the file is refused. A
 * NUL at the very end (some programs add one) hides nothing and is dropped. */
static gboolean
check_no_nul (const char  *text,
              gsize       *length,
              GError     **error)
{
  const char *nul;
  guint line = 1;

  while (*length > 0 && text[*length - 1] == '\0')
    (*length)--;
  nul = memchr (text, '\0', *length);
  if (nul == NULL)
    return TRUE;

  for (const char *p = text; p < nul; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_NUL,
               _("Line %u holds a null character, which text never has: the file may be damaged. Nothing was read from it, so nothing after that point is lost. Open the file in the program that made it and save it again."),
               line);
  return FALSE;
}

/* Whether @data is text (UTF-8 or Shift_JIS) with a few NULs in it; a
 * binary file, or UTF-16 without its byte-order mark, has them everywhere.
 * Neither encoding uses a zero byte inside a character, so the text is
 * judged with them taken out. */
static gboolean
text_but_for_nuls (const guint8 *data,
                   gsize         length)
{
  g_autoptr(GByteArray) without = NULL;
  g_autofree char *converted = NULL;
  const guint8 *end = data + length;
  const gsize most = length / 100 + 1;
  const guint8 *p, *nul;
  gsize n_nuls = 0;

  if (length == 0)
    return FALSE;
  for (p = data; n_nuls <= most && (nul = memchr (p, '\0', (gsize) (end - p))) != NULL; p = nul + 1)
    n_nuls++;
  if (n_nuls == 0 || n_nuls > most)
    return FALSE;

  /* The text without its NULs, a run at a time. */
  without = g_byte_array_sized_new ((guint) (length - n_nuls));
  p = data;
  while ((nul = memchr (p, '\0', (gsize) (end - p))) != NULL)
    {
      g_byte_array_append (without, p, (guint) (nul - p));
      p = nul + 1;
    }
  g_byte_array_append (without, p, (guint) (end - p));
  if (g_utf8_validate_len ((const char *) without->data, without->len, NULL))
    return TRUE;
  converted = g_convert ((const char *) without->data, without->len, "UTF-8", "CP932", NULL, NULL, NULL);
  return converted != NULL;
}

/**
 * mamori_csv_decode:
 * @out_encoding: (out): the encoding found
 *
 * Turns a file's bytes into UTF-8 text, finding the encoding: UTF-8 (with
 * or without a byte-order mark), UTF-16 with one, or Shift_JIS (CP932) as
 * Japanese Windows writes it. Text files of any kind, not only CSV.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with
 *   %MAMORI_CSV_ERROR_ENCODING, or %MAMORI_CSV_ERROR_NUL with the line of
 *   a NUL character inside text
 */
char *
mamori_csv_decode (const guint8       *data,
                   gsize               length,
                   MamoriCsvEncoding  *out_encoding,
                   GError            **error)
{
  g_autoptr(GError) convert_error = NULL;
  char *text;

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *out_encoding = MAMORI_CSV_ENCODING_UTF8_BOM;
      data += 3;
      length -= 3;
      if (!check_no_nul ((const char *) data, &length, error))
        return NULL;
      if (g_utf8_validate_len ((const char *) data, length, NULL))
        return g_strndup ((const char *) data, length);
    }
  else if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      gsize written = 0;

      *out_encoding = MAMORI_CSV_ENCODING_UTF16;
      text = g_convert ((const char *) data + 2, length - 2, "UTF-8",
                        data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", NULL, &written, NULL);
      if (text != NULL && !check_no_nul (text, &written, error))
        {
          g_free (text);
          return NULL;
        }
      if (text != NULL && g_utf8_validate_len (text, written, NULL))
        {
          text[written] = '\0';
          return text;
        }
      g_free (text);
    }
  else if (text_but_for_nuls (data, length))
    {
      /* Text with a NUL in it, not a binary file: refused with the line,
       * unless the NULs only pad its end. */
      if (!check_no_nul ((const char *) data, &length, error))
        return NULL;
      return mamori_csv_decode (data, length, out_encoding, error);
    }
  else if (memchr (data, '\0', length) == NULL)
    {
      if (g_utf8_validate_len ((const char *) data, length, NULL))
        {
          *out_encoding = MAMORI_CSV_ENCODING_UTF8;
          return g_strndup ((const char *) data, length);
        }

      text = g_convert ((const char *) data, length, "UTF-8", "CP932", NULL, NULL, &convert_error);
      if (text != NULL && g_utf8_validate (text, -1, NULL) && strlen (text) > 0)
        {
          *out_encoding = MAMORI_CSV_ENCODING_CP932;
          return text;
        }
      g_free (text);
    }

  g_set_error_literal (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_ENCODING,
                       _("The file is not text in UTF-8, UTF-16 or Shift_JIS. Save it from Excel as “CSV UTF-8” or as “CSV (comma delimited)” and try again."));
  return NULL;
}

/**
 * mamori_csv_find_delimiter:
 * @text: CSV text, UTF-8
 *
 * Returns: tab or comma: whichever the first line has more of, outside
 *   quotes
 */
char
mamori_csv_find_delimiter (const char *text)
{
  guint commas = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == '\t')
        tabs++;
    }

  return tabs > commas ? '\t' : ',';
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (*(const char *) g_ptr_array_index (fields, i) != '\0')
      return FALSE;
  return TRUE;
}

static void
finish_record (GPtrArray  *records,
               GPtrArray  *fields,
               guint       line)
{
  MamoriCsvRecord *record;

  /* A blank line is not a record; a line of empty cells (",,,") is one. */
  if (fields->len == 1 && record_is_blank (fields))
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }

  record = g_new0 (MamoriCsvRecord, 1);
  record->line = line;
  record->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  record->fields = (char **) g_ptr_array_steal (fields, NULL);
  g_ptr_array_add (records, record);
}

/**
 * mamori_csv_parse:
 *
 * Returns: (transfer full) (nullable): the records, or %NULL with a
 *   #MAMORI_CSV_ERROR that names the line
 */
MamoriCsvDocument *
mamori_csv_parse (const guint8  *data,
                  gsize          length,
                  GError       **error)
{
  g_autoptr(MamoriCsvDocument) document = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *p;
  guint line = 1;
  guint record_line = 1;
  guint quote_line = 0;
  enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } state = FIELD_START;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > MAMORI_CSV_MAX_SIZE)
    {
      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB. Split it into smaller files."), MAMORI_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  document = g_new0 (MamoriCsvDocument, 1);
  document->records = g_ptr_array_new_with_free_func (record_free);

  text = mamori_csv_decode (data, length, &document->encoding, error);
  if (text == NULL)
    return NULL;
  document->delimiter = mamori_csv_find_delimiter (text);

  for (p = text; ; p++)
    {
      char c = *p;

      if (field->len > MAMORI_CSV_MAX_FIELD)
        {
          g_autofree char *limit = g_format_size (MAMORI_CSV_MAX_FIELD);

          if (state == QUOTED)
            g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_TOO_LARGE,
                         /* Translators: %u is a line number, %s a size such as "1.0 MB" */
                         _("Line %u: a quoted cell runs on for more than %s, far more than any register needs. Check the quotation marks (\") on that line."),
                         quote_line, limit);
          else
            g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_TOO_LARGE,
                         /* Translators: %u is a line number, %s a size such as "1.0 MB" */
                         _("Line %u: a cell holds more than %s of text, far more than any register needs. Check that this is the right file, or shorten that cell."),
                         line, limit);
          return NULL;
        }

      if (state == QUOTED)
        {
          if (c == '\0')
            {
              g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                           _("Line %u: a quoted field is never closed. Check the quotation marks (\") on that line."),
                           quote_line);
              return NULL;
            }
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n' || (c == '\r' && p[1] != '\n'))
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (state == QUOTE_IN_QUOTED)
        {
          if (c == '"')
            {
              g_string_append_c (field, '"');
              state = QUOTED;
              continue;
            }
          if (c != document->delimiter && c != '\n' && c != '\r' && c != '\0')
            {
              g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                           _("Line %u: there is text after a closing quotation mark. Inside a quoted field, write a quotation mark twice (\"\")."),
                           line);
              return NULL;
            }
          state = UNQUOTED;
          /* fall through to end the field */
        }

      if (c == document->delimiter)
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          state = FIELD_START;
        }
      else if (c == '\n' || c == '\r' || c == '\0')
        {
          if (c == '\0' && fields->len == 0 && field->len == 0 && state == FIELD_START)
            break;

          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          finish_record (document->records, fields, record_line);
          state = FIELD_START;

          if (c == '\0')
            break;
          if (c == '\r' && p[1] == '\n')
            p++;
          line++;
          record_line = line;
        }
      else if (c == '"' && state == FIELD_START)
        {
          state = QUOTED;
          quote_line = line;
        }
      else
        {
          /* A quotation mark inside an unquoted field is kept as it is. */
          g_string_append_c (field, c);
          state = UNQUOTED;
        }
    }

  if (document->records->len == 0)
    {
      g_set_error_literal (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  return g_steal_pointer (&document);
}

static gboolean
needs_quotes (const char *field)
{
  for (const char *p = field; *p != '\0'; p++)
    if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r' || *p == '\t')
      return TRUE;

  /* Leading or trailing spaces would be lost by some readers. */
  return *field == ' ' || (*field != '\0' && field[strlen (field) - 1] == ' ');
}

/* Whether a spreadsheet would take what follows @field's leading
 * apostrophes (if any) as a formula: =, +, -, @, tab or carriage return. */
static gboolean
starts_formula (const char *field)
{
  const char *p = field;

  while (*p == '\'')
    p++;
  return *p != '\0' && strchr ("=+-@\t\r", *p) != NULL;
}

/**
 * mamori_csv_field_unneutralize:
 *
 * Undoes what mamori_csv_append_record() does to a cell a spreadsheet
 * would run as a formula: one leading apostrophe comes off. Only for files
 * Mamori wrote itself.
 *
 * Returns: (transfer none): @field, or the rest of it
 */
const char *
mamori_csv_field_unneutralize (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return *field == '\'' && starts_formula (field) ? field + 1 : field;
}

/**
 * mamori_csv_append_record:
 *
 * Writes one record. A cell that Excel would run as a formula (it starts
 * with =, +, -, @, a tab or a carriage return: =HYPERLINK(…) or a DDE
 * payload from an imported ledger) is written with an apostrophe first, as
 * OWASP advises, so it shows as text; so is one that already starts with
 * apostrophes before such a character, so that
 * mamori_csv_field_unneutralize() gives every cell back as it was.
 */
void
mamori_csv_append_record (GString            *out,
                          const char * const *fields,
                          guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";
      g_autofree char *neutralized = NULL;

      if (i > 0)
        g_string_append_c (out, ',');

      if (starts_formula (field))
        field = neutralized = g_strconcat ("'", field, NULL);

      if (needs_quotes (field))
        {
          g_string_append_c (out, '"');
          for (const char *p = field; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, field);
    }

  g_string_append (out, "\r\n");
}

/* The line of the record holding byte @offset of @csv. */
static guint
line_at (const char *csv,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset && csv[i] != '\0'; i++)
    if (csv[i] == '\n')
      line++;
  return line;
}

/**
 * mamori_csv_encode:
 * @encoding: %MAMORI_CSV_ENCODING_UTF8_BOM or %MAMORI_CSV_ENCODING_CP932
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL if a
 *   character cannot be written in CP932 (the error names its line)
 */
GBytes *
mamori_csv_encode (GString            *csv,
                   MamoriCsvEncoding   encoding,
                   GError            **error)
{
  g_return_val_if_fail (csv != NULL, NULL);

  if (encoding == MAMORI_CSV_ENCODING_CP932)
    {
      g_autoptr(GError) convert_error = NULL;
      gsize bytes_read = 0, bytes_written = 0;
      char *converted;

      converted = g_convert (csv->str, csv->len, "CP932", "UTF-8", &bytes_read, &bytes_written, &convert_error);
      if (converted == NULL)
        {
          g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_ENCODING,
                       _("Line %u holds a character that Shift_JIS cannot represent. Export as UTF-8 instead, which Excel opens just as well."),
                       line_at (csv->str, bytes_read));
          return NULL;
        }
      return g_bytes_new_take (converted, bytes_written);
    }
  else
    {
      GByteArray *bytes = g_byte_array_sized_new (csv->len + 3);
      static const guint8 bom[] = { 0xEF, 0xBB, 0xBF };

      if (encoding == MAMORI_CSV_ENCODING_UTF8_BOM)
        g_byte_array_append (bytes, bom, sizeof bom);
      g_byte_array_append (bytes, (const guint8 *) csv->str, csv->len);
      return g_byte_array_free_to_bytes (bytes);
    }
}
