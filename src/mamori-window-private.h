/* mamori-window-private.h — shared by mamori-window.c and
 * mamori-window-workspace.c, which holds the open/create/restore flows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mamori-window.h"

G_BEGIN_DECLS

struct _MamoriWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *workspace_button;
  AdwWindowTitle       *workspace_title;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *no_workspace_page;
  GMenu                *recent_section;

  GMenu                *recent_menu;
  GSettings            *settings;
  MamoriStore          *store;
  GtkWindow            *profile_window;  /* weak */
  GtkFileChooserNative *chooser;
  guint                 wide_idle_id;
  gboolean              wide;
};

typedef void (*MamoriWindowUnsavedThen) (MamoriWindow *self,
                                         gpointer      data);

gboolean   mamori_window_save_all              (MamoriWindow   *self,
                                                GError        **error);
void       mamori_window_ask_unsaved           (MamoriWindow            *self,
                                                const GError            *error,
                                                const char              *advice,
                                                const char              *keep_label,
                                                MamoriWindowUnsavedThen  then,
                                                gpointer                 data,
                                                GDestroyNotify           free_data);
void       mamori_window_update_recent_menu    (MamoriWindow   *self);
void       mamori_window_workspace_class_init  (GtkWidgetClass *widget_class);
void       mamori_window_workspace_dispose     (MamoriWindow   *self);

G_END_DECLS
