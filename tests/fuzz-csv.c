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

  /* Whatever was read must write back as CSV without trouble. */
  {
    g_autoptr(GString) csv = g_string_new (NULL);

    for (guint i = 0; i < assets->len; i++)
      {
        MamoriAsset *asset = g_ptr_array_index (assets, i);
        const char *fields[] = { mamori_asset_get_name (asset), mamori_asset_get_notes (asset) };

        mamori_csv_append_record (csv, fields, G_N_ELEMENTS (fields));
      }
  }

  return 0;
}
