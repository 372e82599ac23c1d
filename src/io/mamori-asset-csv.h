/* mamori-asset-csv.h — the asset register to and from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "io/mamori-csv.h"
#include "store/mamori-store.h"

G_BEGIN_DECLS

/* What a column of a CSV file becomes. */
typedef enum
{
  MAMORI_CSV_FIELD_IGNORE,
  MAMORI_CSV_FIELD_NAME,
  MAMORI_CSV_FIELD_CATEGORY,
  MAMORI_CSV_FIELD_FORM,
  MAMORI_CSV_FIELD_STORAGE,
  MAMORI_CSV_FIELD_DEPARTMENT,
  MAMORI_CSV_FIELD_RESPONSIBLE,
  MAMORI_CSV_FIELD_ACCESS,
  MAMORI_CSV_FIELD_ENTRUSTED,
  MAMORI_CSV_FIELD_NOTES,
  MAMORI_CSV_FIELD_NOTES_EXTRA,    /* added to the notes as "header: value" */
  MAMORI_CSV_FIELD_RATING_VALUE,
  MAMORI_CSV_FIELD_RATING_COMPETITION,
  MAMORI_CSV_FIELD_RATING_TRUST,
  MAMORI_CSV_FIELD_CLASS_OVERRIDE,
  MAMORI_CSV_FIELD_OVERRIDE_REASON,
  MAMORI_CSV_FIELD_STRATEGY,
  MAMORI_CSV_FIELD_MARKED,
  MAMORI_CSV_FIELD_ACCESS_RESTRICTED,
  MAMORI_CSV_FIELD_PLEDGES_SIGNED,
  MAMORI_CSV_FIELD_USEFUL,
  MAMORI_CSV_FIELD_NOT_PUBLIC,
  MAMORI_CSV_FIELD_CREATED,
  MAMORI_N_CSV_FIELDS
} MamoriCsvField;

typedef enum
{
  MAMORI_CSV_FORMAT_MAMORI,   /* our own export */
  MAMORI_CSV_FORMAT_IPA,      /* IPA 情報資産管理台帳 (one- or two-row header) */
  MAMORI_CSV_FORMAT_OTHER,    /* columns matched by their names */
} MamoriCsvFormat;

typedef struct
{
  guint  line;
  char  *message;
} MamoriImportProblem;

typedef struct _MamoriAssetImport MamoriAssetImport;

MamoriAssetImport *mamori_asset_import_new          (const guint8        *data,
                                                     gsize                length,
                                                     GError             **error);
gpointer           mamori_asset_import_new_from_bytes (GBytes            *contents,
                                                     GError             **error);
void               mamori_asset_import_free         (MamoriAssetImport   *import);
MamoriCsvFormat    mamori_asset_import_get_format   (MamoriAssetImport   *import);
MamoriCsvEncoding  mamori_asset_import_get_encoding (MamoriAssetImport   *import);
guint              mamori_asset_import_get_n_columns (MamoriAssetImport  *import);
const char        *mamori_asset_import_get_header   (MamoriAssetImport   *import,
                                                     guint                column);
MamoriCsvField     mamori_asset_import_get_mapping  (MamoriAssetImport   *import,
                                                     guint                column);
void               mamori_asset_import_set_mapping  (MamoriAssetImport   *import,
                                                     guint                column,
                                                     MamoriCsvField       field);
guint              mamori_asset_import_get_n_rows   (MamoriAssetImport   *import);
GPtrArray         *mamori_asset_import_build        (MamoriAssetImport   *import,
                                                     MamoriStore         *store,
                                                     GPtrArray          **out_problems);
GPtrArray         *mamori_asset_import_preview      (MamoriAssetImport   *import,
                                                     const MamoriCsvField *mapping,
                                                     const MamoriClassScheme *scheme,
                                                     guint                max_assets,
                                                     GCancellable        *cancellable,
                                                     guint               *out_n_assets,
                                                     guint               *out_n_existing,
                                                     GPtrArray          **out_problems);
void               mamori_asset_import_set_existing (MamoriAssetImport   *import,
                                                     GHashTable          *keys);
void               mamori_asset_import_set_skip_existing (MamoriAssetImport *import,
                                                     gboolean             skip);
gboolean           mamori_asset_import_run          (MamoriAssetImport   *import,
                                                     MamoriStore         *store,
                                                     guint               *out_count,
                                                     GPtrArray          **out_problems,
                                                     GError             **error);

void               mamori_import_problem_free       (MamoriImportProblem *problem);
const char        *mamori_csv_field_get_label       (MamoriCsvField       field);
const char        *mamori_csv_format_get_label      (MamoriCsvFormat      format);

GBytes            *mamori_asset_export              (MamoriStore         *store,
                                                     GArray              *ids,
                                                     MamoriCsvEncoding    encoding,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriAssetImport, mamori_asset_import_free)

G_END_DECLS
