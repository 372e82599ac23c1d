/* mamori-recent-workspaces.h — the workspaces opened lately
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MAMORI_RECENT_WORKSPACES_MAX 8

char *mamori_recent_workspaces_dup_uri   (const char *path);
char *mamori_recent_workspaces_dup_path  (const char *uri);
void  mamori_recent_workspaces_add        (GSettings  *settings,
                                           const char *path);
void  mamori_recent_workspaces_remove     (GSettings  *settings,
                                           const char *path);
void  mamori_recent_workspaces_fill_menu  (GSettings  *settings,
                                           GMenu      *menu,
                                           const char *current_path);

G_END_DECLS
