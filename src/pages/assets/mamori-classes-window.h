/* mamori-classes-window.h — the workspace's classes: names and thresholds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_CLASSES_WINDOW (mamori_classes_window_get_type ())

G_DECLARE_FINAL_TYPE (MamoriClassesWindow, mamori_classes_window, MAMORI, CLASSES_WINDOW, AdwPreferencesWindow)

GtkWidget *mamori_classes_window_new  (MamoriStore         *store);

G_END_DECLS
