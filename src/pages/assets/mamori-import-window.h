/* mamori-import-window.h — a CSV file's assets, previewed before anything is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "io/mamori-asset-csv.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_IMPORT_WINDOW (mamori_import_window_get_type ())

G_DECLARE_FINAL_TYPE (MamoriImportWindow, mamori_import_window, MAMORI, IMPORT_WINDOW, AdwWindow)

GtkWidget *mamori_import_window_new (MamoriStore       *store,
                                     MamoriAssetImport *import,
                                     const char        *file_name,
                                     GtkWidget         *page);

G_END_DECLS
