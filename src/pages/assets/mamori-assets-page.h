/* mamori-assets-page.h — the Assets tab: the information-asset register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-page.h"

#include "model/mamori-asset-list.h"
#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_ASSETS_PAGE (mamori_assets_page_get_type ())

G_DECLARE_FINAL_TYPE (MamoriAssetsPage, mamori_assets_page, MAMORI, ASSETS_PAGE, MamoriPage)

GtkWidget       *mamori_assets_page_new        (MamoriStore      *store);
MamoriAssetList *mamori_assets_page_get_list   (MamoriAssetsPage *self);
void             mamori_assets_page_import_file (MamoriAssetsPage *self,
                                                const char       *path);
gboolean         mamori_assets_page_select     (MamoriAssetsPage *self,
                                                gint64            id);

G_END_DECLS
