/* test-lookup-page.c — the Lookup tab as a user works it (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mamori-application.h"
#include "mamori-window.h"
#include "pages/mamori-lookup-page.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

#define child(widget, TYPE, name) mamori_test_template_child ((widget), MAMORI_TYPE_##TYPE, (name))

static MamoriWindow *
open_window (const char *path,
             int         width)
{
  MamoriWindow *window = mamori_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_CREATE));
  mamori_test_iterate_for (100);
  return window;
}

static MamoriLookupPage *
get_page (MamoriWindow *window)
{
  return MAMORI_LOOKUP_PAGE (adw_bin_get_child (child (window, WINDOW, "lookup_bin")));
}

/* The texts of the labels under @widget that are drawn, in order. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

static char *
dup_shown_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
first_row (GtkListBox *list)
{
  return gtk_widget_get_first_child (GTK_WIDGET (list));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

/* Typing a query shows the matches, grouped by list; Enter opens the best
 * one, with what it means, what to do, whom to ask, and its source; and
 * it can be kept as a screening record with the catalog version. */
static void
test_search_and_open (void)
{
  g_autofree char *path = mamori_test_workspace_path ("lookup.mamori");
  MamoriWindow *window = open_window (path, 1200);
  MamoriLookupPage *page = get_page (window);
  GtkEditable *search = child (page, LOOKUP_PAGE, "search_entry");
  GtkListBox *results = child (page, LOOKUP_PAGE, "results_list");
  GtkStack *sidebar = child (page, LOOKUP_PAGE, "sidebar_stack");
  AdwBin *content = child (page, LOOKUP_PAGE, "content_bin");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *result_text = NULL;
  g_autofree char *catalog_text = NULL;

  adw_view_stack_set_visible_child_name (child (window, WINDOW, "view_stack"), "lookup");
  mamori_test_iterate_for (50);

  /* The catalog version is always in view. */
  catalog_text = g_strdup (gtk_label_get_text (child (page, LOOKUP_PAGE, "catalog_label")));
  g_assert_nonnull (strstr (catalog_text, "2026.11.1"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "home");
  g_assert_cmpuint (count_rows (child (page, LOOKUP_PAGE, "lists_list")), ==, 8);

  /* Half-width katakana, as some keyboards type it. */
  gtk_editable_set_text (search, "ﾄﾞｲﾂ");
  mamori_test_iterate_for (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "results");
  g_assert_cmpuint (count_rows (results), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_row (results))), ==,
                   mamori_test_expect ("Germany", "ドイツ"));

  /* Two characters are enough. */
  gtk_editable_set_text (search, "量子");
  mamori_test_iterate_for (50);
  g_assert_cmpuint (count_rows (results), >=, 2);

  gtk_editable_set_text (search, "MLCC");
  mamori_test_iterate_for (50);
  g_assert_cmpuint (count_rows (results), >=, 1);
  g_signal_emit_by_name (search, "activate");
  mamori_test_iterate_for (100);

  shown = dup_shown_text (GTK_WIDGET (content));
  g_assert_nonnull (strstr (shown, mamori_test_expect ("What It Means for You", "自社にとっての意味")));
  g_assert_nonnull (strstr (shown, mamori_test_expect ("What to Do", "すべきこと")));
  g_assert_nonnull (strstr (shown, mamori_test_expect ("Whom to Ask", "相談先")));
  g_assert_nonnull (strstr (shown, mamori_test_expect ("As of", "時点")));

  gtk_widget_activate_action (GTK_WIDGET (page), "lookup.save-entry", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "lookup.save-search", NULL);
  mamori_test_iterate_for (50);
  records = mamori_store_dup_screenings (mamori_window_get_store (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (((MamoriScreening *) g_ptr_array_index (records, 0))->kind, ==, "search");
  g_assert_cmpstr (((MamoriScreening *) g_ptr_array_index (records, 0))->subject, ==, "MLCC");
  g_assert_cmpstr (((MamoriScreening *) g_ptr_array_index (records, 1))->kind, ==, "entry");
  g_assert_cmpstr (((MamoriScreening *) g_ptr_array_index (records, 1))->catalog_version, ==, "2026.11.1");

  /* Nothing found says so and suggests what to try. */
  gtk_editable_set_text (search, "ぬるぽがっ");
  mamori_test_iterate_for (50);
  g_assert_cmpuint (count_rows (results), ==, 0);
  result_text = g_strdup (gtk_label_get_text (child (page, LOOKUP_PAGE, "results_label")));
  g_assert_nonnull (strstr (result_text, "ぬるぽがっ"));

  gtk_editable_set_text (search, "");
  mamori_test_iterate_for (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "home");

  mamori_test_close_all_windows ();
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The export destination check, from the sidebar to a saved record; narrow,
 * so the check is pushed over the sidebar and Back returns. */
static void
test_export_check_narrow (void)
{
  g_autofree char *path = mamori_test_workspace_path ("check.mamori");
  MamoriWindow *window = open_window (path, 400);
  MamoriLookupPage *page = get_page (window);
  AdwLeaflet *leaflet = child (page, LOOKUP_PAGE, "leaflet");
  AdwBin *content = child (page, LOOKUP_PAGE, "content_bin");
  GtkListBox *checks = child (page, LOOKUP_PAGE, "checks_list");
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *entry_row;
  GtkWidget *button;

  adw_view_stack_set_visible_child_name (child (window, WINDOW, "view_stack"), "lookup");
  mamori_test_iterate_for (100);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  g_signal_emit_by_name (first_row (checks), "activated");
  mamori_test_iterate_for (100);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (gtk_widget_get_visible (child (page, LOOKUP_PAGE, "back_button")));

  entry_row = find_type (GTK_WIDGET (content), ADW_TYPE_ENTRY_ROW);
  button = find_button (GTK_WIDGET (content), mamori_test_expect ("_Check", "確認する(_C)"));
  g_assert_nonnull (entry_row);
  g_assert_nonnull (button);

  /* Empty: says what is missing. */
  g_signal_emit_by_name (button, "clicked");
  mamori_test_iterate_for (50);
  shown = dup_shown_text (GTK_WIDGET (content));
  g_assert_nonnull (strstr (shown, mamori_test_expect ("Write the destination country first.",
                                                      "先に仕向地の国名を書いてください。")));
  g_clear_pointer (&shown, g_free);

  gtk_editable_set_text (GTK_EDITABLE (entry_row), "ドイツ");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_type (GTK_WIDGET (content), ADW_TYPE_COMBO_ROW)), 2);
  g_signal_emit_by_name (button, "clicked");
  mamori_test_iterate_for (50);
  shown = dup_shown_text (GTK_WIDGET (content));
  g_assert_nonnull (strstr (shown, mamori_test_expect ("is in Group A", "グループA")));

  button = find_button (GTK_WIDGET (content), mamori_test_expect ("_Save as Record", "記録として保存(_S)"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  mamori_test_iterate_for (50);
  records = mamori_store_dup_screenings (mamori_window_get_store (window), NULL);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((MamoriScreening *) g_ptr_array_index (records, 0))->kind, ==, "export-destination");
  g_assert_cmpstr (((MamoriScreening *) g_ptr_array_index (records, 0))->outcome, ==, "group-a");
  /* Saved once: the button does not make a second record. */
  g_assert_false (gtk_widget_get_sensitive (button));

  gtk_widget_activate_action (GTK_WIDGET (page), "lookup.back", NULL);
  mamori_test_iterate_for (100);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  mamori_test_close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  mamori_test_ui_init (&argc, &argv);

  app = mamori_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/lookup-page/search-and-open", test_search_and_open);
  g_test_add_func ("/lookup-page/export-check-narrow", test_export_check_narrow);

  return g_test_run ();
}
