/* test-checklists-page.c — the checklists as a user works them (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "catalog/mamori-checklists.h"
#include "mamori-application.h"
#include "mamori-window.h"
#include "pages/checklists/mamori-checklists-page.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

#define child(widget, TYPE, name) mamori_test_template_child ((widget), MAMORI_TYPE_##TYPE, (name))

static MamoriWindow *
open_window (const char *path)
{
  MamoriWindow *window = mamori_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_CREATE));
  gtk_widget_activate_action (GTK_WIDGET (window), "tab.show", "u", 5);
  mamori_test_iterate_for (100);
  return window;
}

static MamoriChecklistsPage *
get_page (MamoriWindow *window)
{
  return MAMORI_CHECKLISTS_PAGE (mamori_test_window_page (window, "checklists"));
}

static const char *
item_title (const char *id)
{
  g_autoptr(MamoriChecklistCatalog) catalog = mamori_checklist_catalog_dup_default (NULL);

  /* The catalog lives as long as the program: the title stays valid. */
  return mamori_checklist_item_get_title (mamori_checklist_catalog_lookup_item (catalog, id));
}

/* The item's row, found by its title as the user sees it. */
static AdwExpanderRow *
find_item (GtkWidget  *widget,
           const char *title)
{
  if (ADW_IS_EXPANDER_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_EXPANDER_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      AdwExpanderRow *found = find_item (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gpointer
find_typed (GtkWidget  *widget,
            GType       type,
            const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      gpointer found = find_typed (c, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The progress line under a checklist's title in the sidebar, as shown. */
static const char *
sidebar_progress (MamoriChecklistsPage *page,
                  const char           *checklist_id)
{
  g_autoptr(MamoriChecklistCatalog) catalog = mamori_checklist_catalog_dup_default (NULL);
  const char *title = mamori_checklist_get_title (mamori_checklist_catalog_lookup_checklist (catalog, checklist_id));
  GtkListBox *sidebar = child (page, CHECKLISTS_PAGE, "sidebar");
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (sidebar, i)) != NULL; i++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (row);
      GtkWidget *first = gtk_widget_get_first_child (box);

      if (GTK_IS_LABEL (first) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (first)), title) == 0)
        return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
    }
  g_assert_not_reached ();
}

static AdwExpanderRow *
item_row (MamoriChecklistsPage *page,
          const char           *id)
{
  AdwExpanderRow *row = find_item (GTK_WIDGET (child (page, CHECKLISTS_PAGE, "items_page")), item_title (id));

  g_assert_nonnull (row);
  return row;
}

static gboolean
subtitle_has (gconstpointer data)
{
  AdwActionRow *row = (AdwActionRow *) data;
  const char *subtitle = adw_action_row_get_subtitle (row);

  return subtitle != NULL && strstr (subtitle, g_object_get_data (G_OBJECT (row), "expected")) != NULL;
}

static void
wait_for_subtitle (AdwActionRow *row,
                   const char   *expected)
{
  g_object_set_data_full (G_OBJECT (row), "expected", g_strdup (expected), g_free);
  mamori_test_iterate_until (subtitle_has, row);
}

/* Complete an item, give another an owner and a due date already past:
 * the progress and the overdue count follow at once, the Overdue filter
 * shows just that item, and all of it is there after a restart. Evidence
 * says when its file has changed. */
static void
test_complete_items (void)
{
  g_autofree char *path = mamori_test_workspace_path ("checklists.mamori");
  g_autofree char *file = mamori_test_workspace_path ("utm-settings.txt");
  MamoriWindow *window = open_window (path);
  MamoriChecklistsPage *page = get_page (window);
  g_autoptr(GError) error = NULL;
  AdwExpanderRow *row;
  AdwActionRow *evidence;
  g_autofree char *expected = NULL;

  /* Nothing chosen yet: the page says what to do. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, CHECKLISTS_PAGE, "content_stack")), ==, "nothing");
  g_assert_cmpstr (sidebar_progress (page, "tics"), ==, mamori_test_expect ("0 of 20 done", "20件中0件完了"));

  mamori_checklists_page_show (page, "tics");
  mamori_test_iterate_for (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, CHECKLISTS_PAGE, "content_stack")), ==, "checklist");

  row = item_row (page, "tics-01");
  adw_combo_row_set_selected (find_typed (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, NULL), MAMORI_ITEM_DONE);
  mamori_test_iterate_for (20);
  g_assert_cmpstr (sidebar_progress (page, "tics"), ==, mamori_test_expect ("1 of 20 done", "20件中1件完了"));

  row = item_row (page, "tics-02");
  adw_combo_row_set_selected (find_typed (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, NULL), MAMORI_ITEM_IN_PROGRESS);
  gtk_editable_set_text (find_typed (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, mamori_test_expect ("Owner", "担当者")), "総務部 高橋");
  gtk_editable_set_text (find_typed (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, mamori_test_expect ("Due date", "期限")), "2020/4/1");
  g_assert_true (mamori_page_save (MAMORI_PAGE (page), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sidebar_progress (page, "tics"), ==,
                   mamori_test_expect ("1 of 20 done, 1 overdue", "20件中1件完了、期限超過1件"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "2020-04-01"));

  /* The date selected and typed over with something that is not a date:
   * the saved one stays. */
  mamori_checklists_page_show (page, "tics");
  row = item_row (page, "tics-02");
  gtk_editable_set_text (find_typed (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, mamori_test_expect ("Due date", "期限")), "");
  gtk_editable_set_text (find_typed (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, mamori_test_expect ("Due date", "期限")), "2020-13-45");
  g_assert_true (mamori_page_save (MAMORI_PAGE (page), &error));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "2020-04-01"));

  /* Under a filter, the row being edited stays until the filter changes. */
  gtk_drop_down_set_selected (child (page, CHECKLISTS_PAGE, "filter_dropdown"), 1);
  row = item_row (page, "tics-04");
  adw_combo_row_set_selected (find_typed (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, NULL), MAMORI_ITEM_DONE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  adw_combo_row_set_selected (find_typed (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, NULL), MAMORI_ITEM_NOT_STARTED);
  gtk_drop_down_set_selected (child (page, CHECKLISTS_PAGE, "filter_dropdown"), 0);

  /* Not applicable: out of the count. */
  row = item_row (page, "tics-03");
  adw_combo_row_set_selected (find_typed (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW, NULL), MAMORI_ITEM_NOT_APPLICABLE);
  g_assert_cmpstr (sidebar_progress (page, "tics"), ==,
                   mamori_test_expect ("1 of 19 done, 1 overdue", "19件中1件完了、期限超過1件"));

  /* Show overdue only. */
  gtk_drop_down_set_selected (child (page, CHECKLISTS_PAGE, "filter_dropdown"), 3);
  mamori_test_iterate_for (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (item_row (page, "tics-02"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (item_row (page, "tics-01"))));
  gtk_drop_down_set_selected (child (page, CHECKLISTS_PAGE, "filter_dropdown"), 0);
  mamori_test_iterate_for (20);

  /* Evidence: kept with its hash; a change to the file shows. */
  g_assert_true (g_file_set_contents (file, "UTM: IPS on, firmware 7.2.5\n", -1, &error));
  g_assert_cmpint (mamori_store_attach_evidence (mamori_window_get_store (window), MAMORI_EVIDENCE_FOR_ITEM,
                                                 "tics-01", file, &error), >, 0);
  mamori_checklists_page_show (page, "tics");
  mamori_test_iterate_for (50);
  evidence = find_typed (GTK_WIDGET (item_row (page, "tics-01")), ADW_TYPE_ACTION_ROW, "utm-settings.txt");
  g_assert_nonnull (evidence);
  wait_for_subtitle (evidence, mamori_test_expect ("unchanged since attached", "添付時から変更なし"));
  g_assert_true (g_file_set_contents (file, "UTM: IPS off\n", -1, &error));
  mamori_checklists_page_show (page, "tics");
  evidence = find_typed (GTK_WIDGET (item_row (page, "tics-01")), ADW_TYPE_ACTION_ROW, "utm-settings.txt");
  wait_for_subtitle (evidence, mamori_test_expect ("CHANGED since attached", "添付時から変更あり"));

  mamori_test_close_all_windows ();

  /* After a restart. */
  window = open_window (path);
  page = get_page (window);
  g_assert_cmpstr (sidebar_progress (page, "tics"), ==,
                   mamori_test_expect ("1 of 19 done, 1 overdue", "19件中1件完了、期限超過1件"));
  mamori_checklists_page_show (page, "tics");
  mamori_test_iterate_for (50);
  row = item_row (page, "tics-02");
  g_assert_cmpstr (gtk_editable_get_text (find_typed (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW,
                                                      mamori_test_expect ("Owner", "担当者"))), ==, "総務部 高橋");
  expected = g_strdup (mamori_test_expect ("overdue since 2020-04-01", "期限超過（2020-04-01）"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), expected));

  mamori_test_close_all_windows ();
}

static gboolean
is_folded (gconstpointer leaflet)
{
  return adw_leaflet_get_folded (ADW_LEAFLET ((gpointer) leaflet));
}

static void
test_narrow (void)
{
  g_autofree char *path = mamori_test_workspace_path ("narrow.mamori");
  MamoriWindow *window = open_window (path);
  MamoriChecklistsPage *page = get_page (window);
  AdwLeaflet *leaflet = child (page, CHECKLISTS_PAGE, "leaflet");

  mamori_test_resize (GTK_WINDOW (window), 400, 700);
  mamori_test_iterate_until (is_folded, leaflet);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  mamori_checklists_page_show (page, "basic-cyber");
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (gtk_widget_get_visible (child (page, CHECKLISTS_PAGE, "back_button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "checklists.back", NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  mamori_test_close_all_windows ();
}

/* The incidents have their own section, which says how many are open. */
static void
test_incidents_section (void)
{
  g_autofree char *path = mamori_test_workspace_path ("incidents.mamori");
  MamoriWindow *window = open_window (path);
  MamoriChecklistsPage *page = get_page (window);
  GtkWidget *sidebar = child (page, CHECKLISTS_PAGE, "sidebar");
  g_autoptr(MamoriIncident) incident = mamori_incident_new ();
  g_autoptr(GError) error = NULL;

  mamori_test_iterate_for (100);
  g_assert_nonnull (mamori_test_find_label (sidebar, mamori_test_expect ("Incidents", "インシデント"), TRUE));
  g_assert_nonnull (mamori_test_find_label (sidebar, mamori_test_expect ("None open", "対応中なし"), TRUE));

  g_free (incident->title);
  incident->title = g_strdup ("図面の持ち出し");
  g_assert_cmpint (mamori_store_add_incident (mamori_window_get_store (window), incident, &error), >, 0);
  g_assert_no_error (error);
  mamori_test_wait_until_shown (sidebar, mamori_test_expect ("1 open", "対応中1件"), TRUE);

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

  g_test_add_func ("/checklists-page/complete-items", test_complete_items);
  g_test_add_func ("/checklists-page/narrow", test_narrow);
  g_test_add_func ("/checklists-page/incidents-section", test_incidents_section);

  return g_test_run ();
}
