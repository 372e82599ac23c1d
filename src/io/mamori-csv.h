/* mamori-csv.h — reading and writing CSV as Japanese offices have it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MAMORI_CSV_ERROR (mamori_csv_error_quark ())

typedef enum
{
  MAMORI_CSV_ERROR_ENCODING,   /* neither UTF-8, UTF-16 nor Shift_JIS */
  MAMORI_CSV_ERROR_SYNTAX,     /* a quote left open, text after a closing quote */
  MAMORI_CSV_ERROR_TOO_LARGE,
  MAMORI_CSV_ERROR_EMPTY,
  MAMORI_CSV_ERROR_NUL,        /* text with a NUL character inside */
} MamoriCsvError;

typedef enum
{
  MAMORI_CSV_ENCODING_UTF8,
  MAMORI_CSV_ENCODING_UTF8_BOM,
  MAMORI_CSV_ENCODING_UTF16,
  MAMORI_CSV_ENCODING_CP932,
} MamoriCsvEncoding;

typedef struct
{
  guint   line;       /* where the record starts, from 1 */
  guint   n_fields;
  char  **fields;     /* UTF-8 */
} MamoriCsvRecord;

typedef struct
{
  GPtrArray         *records;    /* of MamoriCsvRecord, blank lines left out */
  MamoriCsvEncoding  encoding;
  char               delimiter;  /* ',' or '\t' */
} MamoriCsvDocument;

#define MAMORI_CSV_MAX_SIZE (256 * 1024 * 1024)
/* Far more than any register's cell needs (some 350,000 Japanese
 * characters), so that a note pasted whole still imports back from our own
 * export; a larger cell is a wrong file or an unbalanced quote, and would
 * swell every pack (a 50 MB cell took 53 s and 6 GB). */
#define MAMORI_CSV_MAX_FIELD (1024 * 1024)

GQuark             mamori_csv_error_quark        (void);
char              *mamori_csv_decode             (const guint8        *data,
                                                  gsize                length,
                                                  MamoriCsvEncoding   *out_encoding,
                                                  GError             **error);
MamoriCsvDocument *mamori_csv_parse              (const guint8        *data,
                                                  gsize                length,
                                                  GError             **error);
void               mamori_csv_document_free      (MamoriCsvDocument   *document);
const char        *mamori_csv_encoding_get_label (MamoriCsvEncoding    encoding);
char               mamori_csv_find_delimiter     (const char          *text);

const char        *mamori_csv_field_unneutralize (const char          *field);
void               mamori_csv_append_record      (GString             *out,
                                                  const char * const  *fields,
                                                  guint                n_fields);
GBytes            *mamori_csv_encode             (GString             *csv,
                                                  MamoriCsvEncoding    encoding,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriCsvDocument, mamori_csv_document_free)

G_END_DECLS
