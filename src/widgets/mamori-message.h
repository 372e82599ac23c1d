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
void       mamori_message_install_action   (GtkWidgetClass *widget_class);

G_END_DECLS
