/* mamori-profile-window.h — the organization profile, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_PROFILE_WINDOW (mamori_profile_window_get_type ())

G_DECLARE_FINAL_TYPE (MamoriProfileWindow, mamori_profile_window, MAMORI, PROFILE_WINDOW, AdwPreferencesWindow)

GtkWidget     *mamori_profile_window_new         (MamoriStore         *store);
MamoriProfile *mamori_profile_window_get_profile (MamoriProfileWindow  *self);
gboolean       mamori_profile_window_save        (MamoriProfileWindow  *self,
                                                  GError              **error);
void           mamori_profile_window_discard     (MamoriProfileWindow  *self);

G_END_DECLS
