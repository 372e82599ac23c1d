/* mamori-asset-list.h — the asset register as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/mamori-store.h"

G_BEGIN_DECLS

/* Filters on the class: any, not evaluated, or a level 0..3. */
#define MAMORI_CLASS_FILTER_ANY  (-2)
#define MAMORI_CATEGORY_FILTER_ANY (-1)

#define MAMORI_TYPE_ASSET_LIST (mamori_asset_list_get_type ())

G_DECLARE_FINAL_TYPE (MamoriAssetList, mamori_asset_list, MAMORI, ASSET_LIST, GObject)

MamoriAssetList *mamori_asset_list_new                 (MamoriStore      *store);
gboolean         mamori_asset_list_reload              (MamoriAssetList  *self,
                                                        GError          **error);

void             mamori_asset_list_set_search          (MamoriAssetList  *self,
                                                        const char       *text);
void             mamori_asset_list_set_class_filter    (MamoriAssetList  *self,
                                                        int               class_level);
void             mamori_asset_list_set_category_filter (MamoriAssetList  *self,
                                                        int               category);
void             mamori_asset_list_set_uncovered_only  (MamoriAssetList  *self,
                                                        gboolean          uncovered_only);
gboolean         mamori_asset_list_is_filtered         (MamoriAssetList  *self);
gboolean         mamori_asset_list_is_replacing        (MamoriAssetList  *self);
void             mamori_asset_list_set_sort            (MamoriAssetList  *self,
                                                        MamoriAssetSort   sort,
                                                        gboolean          descending);

guint            mamori_asset_list_get_n_total         (MamoriAssetList  *self);
gint64           mamori_asset_list_get_id              (MamoriAssetList  *self,
                                                        guint             position);
guint            mamori_asset_list_find                (MamoriAssetList  *self,
                                                        gint64            id);
GArray          *mamori_asset_list_dup_ids             (MamoriAssetList  *self);

G_END_DECLS
