/* mamori-asset-editor.h — one information asset, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-section.h"

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_ASSET_EDITOR (mamori_asset_editor_get_type ())

G_DECLARE_FINAL_TYPE (MamoriAssetEditor, mamori_asset_editor, MAMORI, ASSET_EDITOR, MamoriSection)

GtkWidget   *mamori_asset_editor_new       (MamoriStore       *store);
MamoriAsset *mamori_asset_editor_get_asset (MamoriAssetEditor *self);
gboolean     mamori_asset_editor_set_asset (MamoriAssetEditor *self,
                                            MamoriAsset       *asset,
                                            GError           **error);
void         mamori_asset_editor_discard   (MamoriAssetEditor *self);
gboolean     mamori_asset_editor_save      (MamoriAssetEditor *self,
                                            GError           **error);
void         mamori_asset_editor_focus_name (MamoriAssetEditor *self);

G_END_DECLS
