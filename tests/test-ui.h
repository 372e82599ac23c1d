/* test-ui.h — what the tests that need a display share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*MamoriTestCondition) (gconstpointer data);

void        mamori_test_ui_init           (int                  *argc,
                                           char               ***argv);
gboolean    mamori_test_is_japanese       (void);
const char *mamori_test_expect            (const char           *english,
                                           const char           *japanese);
void        mamori_test_iterate_for       (guint                 ms);
void        mamori_test_resize            (GtkWindow            *window,
                                           int                   width,
                                           int                   height);
void        mamori_test_iterate_until     (MamoriTestCondition   condition,
                                           gconstpointer         data);
gpointer    mamori_test_template_child    (gpointer              widget,
                                           GType                 type,
                                           const char           *name);
gpointer    mamori_test_find_window       (GType                 type);
gpointer    mamori_test_window_page       (gpointer              window,
                                           const char           *tab);
GtkLabel   *mamori_test_find_label        (gpointer              widget,
                                           const char           *text,
                                           gboolean              whole);
void        mamori_test_wait_until_shown  (gpointer              widget,
                                           const char           *text,
                                           gboolean              whole);
void        mamori_test_click             (GtkWidget            *button);
void        mamori_test_assert_named      (gpointer              root);
void        mamori_test_close_all_windows (void);

G_END_DECLS
