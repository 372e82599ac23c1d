/* mamori-asset-results.h — the assets a search finds, to pick one from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "store/mamori-store.h"

G_BEGIN_DECLS

gboolean mamori_asset_results_fill (GtkListBox  *results,
                                    MamoriStore *store,
                                    const char  *query,
                                    GArray      *exclude_ids,
                                    const char  *all_taken,
                                    GError     **error);
gint64   mamori_asset_results_get_id (GtkListBoxRow *row);

G_END_DECLS
