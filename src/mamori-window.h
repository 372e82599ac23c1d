/* mamori-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mamori-application.h"
#include "pages/mamori-page.h"
#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_WINDOW (mamori_window_get_type ())

G_DECLARE_FINAL_TYPE (MamoriWindow, mamori_window, MAMORI, WINDOW, AdwApplicationWindow)

MamoriWindow *mamori_window_new            (MamoriApplication     *application);
MamoriStore  *mamori_window_get_store      (MamoriWindow          *self);
MamoriPage   *mamori_window_get_page       (MamoriWindow          *self,
                                            const char            *tab);
void          mamori_window_set_store      (MamoriWindow          *self,
                                            MamoriStore           *store);
gboolean      mamori_window_open_workspace (MamoriWindow          *self,
                                            const char            *path,
                                            MamoriStoreOpenFlags   flags);
void          mamori_window_open_startup_workspace (MamoriWindow  *self);
void          mamori_window_notify         (MamoriWindow          *self,
                                            const char            *title,
                                            const char            *details);
void          mamori_window_show_message   (MamoriWindow          *self,
                                            const char            *heading,
                                            const char            *body);
GtkWindow    *mamori_window_show_profile   (MamoriWindow          *self);
void          mamori_window_close_now      (MamoriWindow          *self);

G_END_DECLS
