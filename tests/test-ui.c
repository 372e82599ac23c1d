/* test-ui.c — what the tests that need a display share
 *
 * They run twice: in English, and with MAMORI_TEST_LANGUAGE=ja under a
 * Japanese locale, where every string checked must be the translation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mamori-window.h"
#include "pages/mamori-section.h"
#include "test-ui.h"
#include "test-utils.h"

static gboolean japanese;

void
mamori_test_ui_init (int    *argc,
                     char ***argv)
{
  japanese = g_strcmp0 (g_getenv ("MAMORI_TEST_LANGUAGE"), "ja") == 0;

  /* Image loading sniffs file types with the shared MIME database, found
   * through XDG_DATA_DIRS; load it before the test isolates those folders. */
  g_free (g_content_type_guess ("icon.svg", (const guchar *) "<svg/>", 6, NULL));

  mamori_test_init (argc, argv);
  gtk_disable_setlocale ();
  gtk_init ();
}

gboolean
mamori_test_is_japanese (void)
{
  return japanese;
}

/* The string a user reads, in the language under test. */
const char *
mamori_test_expect (const char *english,
                    const char *japanese_text)
{
  return japanese ? japanese_text : english;
}

void
mamori_test_iterate_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Makes the window about @width wide (its shadow takes a little). Without
 * a window manager, the X server's answer to an earlier size can arrive
 * after the new one is asked for and undo it, so the size is asked for
 * again until the window has it; fails after ten seconds. */
void
mamori_test_resize (GtkWindow *window,
                    int        width,
                    int        height)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 20)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the window stays %d wide, not %d", gtk_widget_get_width (GTK_WIDGET (window)), width);
      /* A size it already has is not asked for again. */
      gtk_window_set_default_size (window, width + 1, height);
      gtk_window_set_default_size (window, width, height);
      mamori_test_iterate_for (100);
    }
}

/* Runs the main loop until @condition holds; fails after 30 seconds — a
 * hang, not a slow machine (under the sanitizers, with another test beside
 * it on two cores, a window's first frame can take ten). */
void
mamori_test_iterate_until (MamoriTestCondition condition,
                           gconstpointer       data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gpointer
mamori_test_template_child (gpointer    widget,
                            GType       type,
                            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* The page of the main window's tab @tab ("assets", …). */
gpointer
mamori_test_window_page (gpointer    window,
                         const char *tab)
{
  MamoriPage *page = mamori_window_get_page (window, tab);

  g_assert_nonnull (page);
  return page;
}

/**
 * mamori_test_find_label:
 * @whole: whether the label's text is @text, or holds it
 *
 * A drawn label under @widget with @text, as a user would see it, or NULL.
 */
GtkLabel *
mamori_test_find_label (gpointer    widget,
                        const char *text,
                        gboolean    whole)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget))
    {
      const char *shown = gtk_label_get_text (GTK_LABEL (widget));

      if (whole ? g_strcmp0 (shown, text) == 0 : strstr (shown, text) != NULL)
        return GTK_LABEL (widget);
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = mamori_test_find_label (c, text, whole);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
  gboolean    whole;
} Shown;

static gboolean
is_shown (gconstpointer data)
{
  const Shown *shown = data;

  return mamori_test_find_label (shown->widget, shown->text, shown->whole) != NULL;
}

/* Waits until a label with @text is drawn under @widget. */
void
mamori_test_wait_until_shown (gpointer    widget,
                              const char *text,
                              gboolean    whole)
{
  Shown shown = { widget, text, whole };

  mamori_test_iterate_until (is_shown, &shown);
}

/* As a click: at once, where gtk_widget_activate() on a button clicks only
 * after showing it pressed for a moment; then what it started may draw. */
void
mamori_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  mamori_test_iterate_for (20);
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gboolean control = GTK_IS_SWITCH (child) || GTK_IS_SPIN_BUTTON (child) || GTK_IS_DROP_DOWN (child);
      gboolean icon_button = GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL &&
                             GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (child)));

      if ((control || icon_button) &&
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        {
          GtkWidget *section = gtk_widget_get_ancestor (child, MAMORI_TYPE_SECTION);

          g_string_append_printf (unnamed, "\n  a %s (tooltip “%s”) in %s", G_OBJECT_TYPE_NAME (child),
                                  gtk_widget_get_tooltip_text (child) != NULL ? gtk_widget_get_tooltip_text (child) : "",
                                  G_OBJECT_TYPE_NAME (section != NULL ? section : widget));
        }
      collect_unnamed (child, unnamed);
    }
}

/**
 * mamori_test_assert_named:
 *
 * Fails unless every switch, spin button and drop-down under @root, and
 * every button that shows only an icon, has a name a screen reader can say
 * (its own, or a label that names it; a tooltip is only a description).
 */
void
mamori_test_assert_named (gpointer root)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  collect_unnamed (root, unnamed);
  if (unnamed->len > 0)
    g_error ("Controls without a name for screen readers:%s", unnamed->str);
}

/* The shown window of @type (a dialog, say), or NULL. */
gpointer
mamori_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Closes every window, including dialogs, as quitting would. */
void
mamori_test_close_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  mamori_test_iterate_for (50);
}
