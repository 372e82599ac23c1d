/* fuzz-csv.c — libFuzzer target for the CSV reader and the asset import
 *
 * Every input is parsed, its layout recognized and every row turned into an
 * asset (nothing is written). Run by the test suite for a short while over
 * the seed corpus in fuzz-corpus/csv; to fuzz longer:
 *   _build/tests/fuzz-csv -max_total_time=600 /tmp/corpus tests/fuzz-corpus/csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "io/mamori-asset-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static MamoriStore *store = NULL;
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (store == NULL)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      store = mamori_store_new_memory (NULL);
    }

  import = mamori_asset_import_new (data, size, NULL);
  if (import == NULL)
    return 0;

  for (guint column = 0; column < mamori_asset_import_get_n_columns (import); column++)
    (void) mamori_asset_import_get_header (import, column);

  assets = mamori_asset_import_build (import, store, &problems);
  g_assert (assets != NULL && problems != NULL);

  /* Whatever was read must write back as CSV without trouble, and read
   * back the same: no cell a spreadsheet would run, every cell as it was
   * once our export's apostrophes are taken off. */
  {
    g_autoptr(GString) csv = g_string_new (NULL);
    g_autoptr(MamoriCsvDocument) again = NULL;
    guint n_written = 0;

    for (guint i = 0; i < assets->len; i++)
      {
        MamoriAsset *asset = g_ptr_array_index (assets, i);
        const char *fields[] = { mamori_asset_get_name (asset), mamori_asset_get_notes (asset) };

        /* A record of blank cells is no record when read. */
        if (*fields[0] == '\0' && *fields[1] == '\0')
          continue;
        mamori_csv_append_record (csv, fields, G_N_ELEMENTS (fields));
        n_written++;
      }
    if (n_written == 0)
      return 0;

    again = mamori_csv_parse ((const guint8 *) csv->str, csv->len, NULL);
    g_assert (again != NULL && again->records->len == n_written);
    for (guint i = 0, r = 0; i < assets->len; i++)
      {
        MamoriAsset *asset = g_ptr_array_index (assets, i);
        const char *fields[] = { mamori_asset_get_name (asset), mamori_asset_get_notes (asset) };
        MamoriCsvRecord *record;

        if (*fields[0] == '\0' && *fields[1] == '\0')
          continue;
        record = g_ptr_array_index (again->records, r++);
        g_assert (record->n_fields == 2);
        for (guint f = 0; f < 2; f++)
          {
            g_assert (record->fields[f][0] == '\0' || strchr ("=+-@\t\r", record->fields[f][0]) == NULL);
            g_assert (g_str_equal (mamori_csv_field_unneutralize (record->fields[f]), fields[f]));
          }
      }
  }

  return 0;
}
