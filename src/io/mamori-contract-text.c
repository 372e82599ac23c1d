/* mamori-contract-text.c — the text of a contract, from .txt or .docx
 *
 * Contracts arrive as Word files or as text saved on Windows. A .docx is a
 * ZIP archive whose word/document.xml holds the text: the archive is read
 * here (its central directory, then the one member, inflated with GIO's
 * zlib converter) and the XML with GLib's GMarkup, so no further library
 * is needed. Paragraphs become lines; nothing else of the layout is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include "mamori-i18n.h"
#include <string.h>

#include "analysis/mamori-text.h"
#include "io/mamori-csv.h"
#include "mamori-contract-text.h"

G_DEFINE_QUARK (mamori-contract-text-error-quark, mamori_contract_text_error)

#define ZIP_LOCAL_HEADER   0x04034b50
#define ZIP_CENTRAL_HEADER 0x02014b50
#define ZIP_END_OF_CENTRAL 0x06054b50
#define DOCUMENT_PART      "word/document.xml"

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static void
set_damaged (GError     **error,
             const char  *why)
{
  /* Translators: %s says what is wrong with the Word file */
  g_set_error (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_DAMAGED,
               _("The Word document cannot be read (%s). Open it in Word and save it again as .docx, or save it as text."),
               why);
}

/* Inflates a raw deflate stream, refusing to grow past the limit. */
static GBytes *
inflate (const guint8  *data,
         gsize          length,
         gsize          expected,
         GError       **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  g_autoptr(GByteArray) out = g_byte_array_sized_new (MIN (expected, MAMORI_CONTRACT_TEXT_MAX_SIZE));
  gsize offset = 0;

  for (;;)
    {
      guint8 buffer[64 * 1024];
      gsize read = 0, written = 0;
      g_autoptr(GError) local_error = NULL;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor), data + offset, length - offset,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END, &read, &written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          set_damaged (error, local_error->message);
          return NULL;
        }
      offset += read;
      g_byte_array_append (out, buffer, written);
      if (out->len > MAMORI_CONTRACT_TEXT_MAX_SIZE)
        {
          set_damaged (error, _("its text is far too large"));
          return NULL;
        }
      if (result == G_CONVERTER_FINISHED)
        break;
      if (read == 0 && written == 0)
        {
          set_damaged (error, _("its text stops short"));
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* The bytes of word/document.xml in a ZIP archive. */
static GBytes *
find_document_part (const guint8  *data,
                    gsize          length,
                    GError       **error)
{
  gssize end = -1;
  guint32 directory, entries, i;
  gsize offset;

  /* The end record is within the last 64 KiB (its comment) + 22 bytes. */
  for (gssize i = (gssize) length - 22; i >= 0 && i >= (gssize) length - 22 - 65535; i--)
    if (read_u32 (data + i) == ZIP_END_OF_CENTRAL)
      {
        end = i;
        break;
      }
  if (end < 0)
    {
      set_damaged (error, _("the archive has no table of contents"));
      return NULL;
    }

  entries = read_u16 (data + end + 10);
  directory = read_u32 (data + end + 16);
  offset = directory;
  for (i = 0; i < entries; i++)
    {
      guint16 method, name_length, extra_length, comment_length;
      guint32 compressed, uncompressed, local;

      if (offset + 46 > length || read_u32 (data + offset) != ZIP_CENTRAL_HEADER)
        break;
      method = read_u16 (data + offset + 10);
      compressed = read_u32 (data + offset + 20);
      uncompressed = read_u32 (data + offset + 24);
      name_length = read_u16 (data + offset + 28);
      extra_length = read_u16 (data + offset + 30);
      comment_length = read_u16 (data + offset + 32);
      local = read_u32 (data + offset + 42);
      if (offset + 46 + name_length > length)
        break;

      if (name_length == strlen (DOCUMENT_PART) &&
          memcmp (data + offset + 46, DOCUMENT_PART, name_length) == 0)
        {
          gsize start;

          if ((gsize) local + 30 > length || read_u32 (data + local) != ZIP_LOCAL_HEADER)
            break;
          start = (gsize) local + 30 + read_u16 (data + local + 26) + read_u16 (data + local + 28);
          if (start > length || compressed > length - start)
            break;
          if (method == 0)
            return g_bytes_new (data + start, compressed);
          if (method == 8)
            return inflate (data + start, compressed, uncompressed, error);
          set_damaged (error, _("its text is compressed in a way Mamori does not know"));
          return NULL;
        }
      offset += 46 + name_length + extra_length + comment_length;
    }

  if (i < entries)
    set_damaged (error, _("the archive is cut short"));
  else
    g_set_error (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_NOT_TEXT,
                 _("This file is an archive but not a Word document: it has no document text. Choose a .docx or a text file."));
  return NULL;
}

typedef struct
{
  GString  *text;
  gboolean  in_text;
} DocxParse;

static void
docx_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **attribute_names,
            const char          **attribute_values,
            gpointer              user_data,
            GError              **error)
{
  DocxParse *parse = user_data;

  if (g_str_equal (element, "w:t"))
    parse->in_text = TRUE;
  else if (g_str_equal (element, "w:tab"))
    g_string_append_c (parse->text, '\t');
  else if (g_str_equal (element, "w:br") || g_str_equal (element, "w:cr"))
    g_string_append_c (parse->text, '\n');
}

static void
docx_end (GMarkupParseContext  *context,
          const char           *element,
          gpointer              user_data,
          GError              **error)
{
  DocxParse *parse = user_data;

  if (g_str_equal (element, "w:t"))
    parse->in_text = FALSE;
  else if (g_str_equal (element, "w:p"))
    g_string_append_c (parse->text, '\n');
}

static void
docx_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 length,
           gpointer              user_data,
           GError              **error)
{
  DocxParse *parse = user_data;

  if (parse->in_text)
    g_string_append_len (parse->text, text, length);
}

static char *
read_docx (const guint8  *data,
           gsize          length,
           GError       **error)
{
  static const GMarkupParser parser = { docx_start, docx_end, docx_text, NULL, NULL };
  g_autoptr(GBytes) part = find_document_part (data, length, error);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  DocxParse parse = { NULL, FALSE };
  gsize size;
  const char *xml;

  if (part == NULL)
    return NULL;

  xml = g_bytes_get_data (part, &size);
  /* An empty part has no data pointer at all: a document without text. */
  if (size == 0 || xml == NULL)
    return g_strdup ("");
  parse.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &parse, NULL);
  /* Word writes an XML declaration, which GMarkup takes as text. */
  if (size > 5 && memcmp (xml, "<?xml", 5) == 0)
    {
      const char *end = g_strstr_len (xml, MIN (size, 256), "?>");

      if (end != NULL)
        {
          size -= (end + 2) - xml;
          xml = end + 2;
        }
    }
  if (!g_markup_parse_context_parse (context, xml, size, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_string_free (parse.text, TRUE);
      set_damaged (error, local_error != NULL ? local_error->message : _("its text is not XML"));
      return NULL;
    }
  return g_string_free (parse.text, FALSE);
}

/**
 * mamori_contract_text_read:
 * @data: a file's bytes: a Word document (.docx) or text in UTF-8,
 *   UTF-16 or Shift_JIS (CP932)
 *
 * Returns: (transfer full) (nullable): the contract's text, one line per
 *   paragraph, or %NULL with an error that says what to do
 */
char *
mamori_contract_text_read (const guint8  *data,
                           gsize          length,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  MamoriCsvEncoding encoding;
  char *text;

  if (length > MAMORI_CONTRACT_TEXT_MAX_SIZE)
    {
      g_set_error_literal (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_NOT_TEXT,
                           _("The file is far larger than a contract. Choose the contract itself."));
      return NULL;
    }

  if (length >= 4 && read_u32 (data) == ZIP_LOCAL_HEADER)
    text = read_docx (data, length, error);
  else
    {
      text = mamori_csv_decode (data, length, &encoding, &local_error);
      if (g_error_matches (local_error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_NUL))
        g_set_error_literal (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_NOT_TEXT,
                             local_error->message);
      else if (text == NULL)
        g_set_error_literal (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_NOT_TEXT,
                             _("The file is neither a Word document (.docx) nor text in UTF-8 or Shift_JIS. Save the contract from Word as .docx or as plain text."));
    }

  if (text != NULL && mamori_text_is_blank (text))
    {
      g_free (text);
      g_set_error_literal (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_EMPTY,
                           _("The file has no text in it."));
      return NULL;
    }
  return text;
}

/**
 * mamori_contract_text_read_bytes:
 *
 * mamori_contract_text_read() as a #MamoriFileParseFunc, for
 * mamori_file_load_async().
 *
 * Returns: (transfer full) (nullable): the text, a string
 */
gpointer
mamori_contract_text_read_bytes (GBytes  *contents,
                                 GError **error)
{
  return mamori_contract_text_read (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), error);
}
