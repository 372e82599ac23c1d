/* mamori-message.h — telling the user what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast  *mamori_toast_new                (const char     *title,
                                            const char     *details);
GtkWindow *mamori_message_show             (GtkWindow      *parent,
                                            const char     *heading,
                                            const char     *body);
char      *mamori_message_dup_chosen_path  (GtkWindow      *parent,
                                            GFile          *file);
void       mamori_message_install_action   (GtkWidgetClass *widget_class);
void       mamori_message_destroy_later    (GtkWindow      *window);
void       mamori_dialog_set_parent        (GtkWindow      *window,
                                            GtkWindow      *parent);
AdwMessageDialog *mamori_message_new_unsaved (GtkWindow    *parent,
                                              const char   *heading,
                                              const GError *error,
                                              const char   *advice,
                                              const char   *keep_label);

G_END_DECLS
