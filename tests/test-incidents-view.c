/* test-incidents-view.c — incidents and reported approaches as a user records them (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c). The strings the view
 * writes itself are compared with their translation as the test runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-application.h"
#include "pages/checklists/mamori-incidents-view.h"
#include "store/mamori-store.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

#define child(widget, name) mamori_test_template_child ((widget), MAMORI_TYPE_INCIDENTS_VIEW, (name))

static MamoriIncidentsView *
open_view (MamoriStore *store,
           int          width)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *view = mamori_incidents_view_new (store);

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  mamori_test_resize (GTK_WINDOW (window), width, 760);
  mamori_test_iterate_for (100);
  return MAMORI_INCIDENTS_VIEW (view);
}

static MamoriStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  MamoriStore *store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

/* A drawn widget of @type under @widget; with @label, a button showing it. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *label)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const MamoriIncident *
find_incident (GPtrArray  *incidents,
               const char *title)
{
  for (guint i = 0; i < incidents->len; i++)
    {
      const MamoriIncident *incident = g_ptr_array_index (incidents, i);

      if (g_strcmp0 (incident->title, title) == 0)
        return incident;
    }
  return NULL;
}

/* An incident is opened, titled, classified and given a timeline with a
 * correction and an evidence file; a report becomes a second incident; and
 * all of it is there when the workspace is opened again. */
static void
test_record_incident (void)
{
  g_autofree char *path = mamori_test_workspace_path ("incidents.mamori");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *evidence_path = g_build_filename (folder, "access-log.txt", NULL);
  g_autofree char *corrected = NULL;
  g_autofree char *corrects = NULL;
  g_autoptr(MamoriStore) store = open_store (path);
  g_autoptr(MamoriStore) reopened = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) approaches = NULL;
  g_autoptr(GHashTable) checks = NULL;
  g_autoptr(GError) error = NULL;
  const MamoriIncident *incident;
  const MamoriApproach *approach;
  MamoriIncidentsView *view;
  GtkWidget *check;
  const char *item_id;
  const char *title = "試作品図面の持ち出し疑い";

  view = open_view (store, 1100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (view, "list_stack")), ==, "empty");

  /* A new incident opens with its title to type. */
  /* One opened by mistake, with nothing in it, can be deleted. */
  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.new", NULL);
  mamori_test_iterate_for (50);
  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.delete", NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (view, "detail_stack")), ==, "none");
  {
    g_autoptr(GPtrArray) none = mamori_store_dup_incidents (store, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }

  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.new", NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (view, "detail_stack")), ==, "detail");
  g_assert_true (gtk_widget_has_focus (child (view, "title_entry")) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (view))),
                                         child (view, "title_entry")));
  gtk_editable_set_text (GTK_EDITABLE (child (view, "title_entry")), title);
  adw_combo_row_set_selected (child (view, "kind_row"), MAMORI_INCIDENT_INSIDER);
  adw_combo_row_set_selected (child (view, "status_row"), MAMORI_INCIDENT_CONTAINED);
  mamori_test_wait_until_shown (child (view, "incident_list"), title, FALSE);
  mamori_test_wait_until_shown (child (view, "incident_list"), mamori_incident_status_get_label (MAMORI_INCIDENT_CONTAINED), FALSE);

  /* The playbook's evidence items, ticked as they are kept. */
  check = find_widget (GTK_WIDGET (child (view, "checks_group")), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  item_id = g_object_get_data (G_OBJECT (check), "item-id");
  g_assert_true (g_str_has_prefix (item_id, "incident-"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  /* Contacts to call for a leak by an insider: the police first. */
  g_assert_nonnull (find_widget (GTK_WIDGET (child (view, "contacts_group")), ADW_TYPE_EXPANDER_ROW, NULL));

  /* A timeline entry, then its correction; both stay. */
  gtk_editable_set_text (GTK_EDITABLE (child (view, "when_entry")), "2025-04-01 09:30");
  gtk_editable_set_text (GTK_EDITABLE (child (view, "text_entry")), "退職予定者が図面をUSBメモリにコピーした記録を確認");
  /* Return in the text adds it. */
  g_signal_emit_by_name (child (view, "text_entry"), "entry-activated");
  mamori_test_wait_until_shown (child (view, "timeline_list"), "退職予定者が図面をUSBメモリにコピーした記録を確認", FALSE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (view, "text_entry"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (view, "author_entry"))), ==,
                   mamori_screening_get_user_name ());

  /* A bad time is refused with a sentence, and nothing is written. */
  gtk_editable_set_text (GTK_EDITABLE (child (view, "when_entry")), "2025-02-30 25:00");
  gtk_editable_set_text (GTK_EDITABLE (child (view, "text_entry")), "誤った時刻");
  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.add-entry", NULL);
  g_assert_true (gtk_widget_get_visible (child (view, "entry_error_label")));

  mamori_test_click (find_widget (GTK_WIDGET (child (view, "timeline_list")), GTK_TYPE_BUTTON,
                      g_dgettext (GETTEXT_PACKAGE, "Correct…")));
  g_assert_true (gtk_widget_get_visible (child (view, "correcting_row")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (view, "text_entry"))), ==,
                   "退職予定者が図面をUSBメモリにコピーした記録を確認");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (view, "when_entry"))), ==, "2025-04-01 09:30");
  /* A time still to come is refused: entries cannot be changed later. */
  gtk_editable_set_text (GTK_EDITABLE (child (view, "when_entry")), "2099-04-01 10:30");
  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.add-entry", NULL);
  g_assert_true (gtk_widget_get_visible (child (view, "entry_error_label")));
  /* Written as people write dates, with full-width digits. */
  gtk_editable_set_text (GTK_EDITABLE (child (view, "when_entry")), "２０２５/４/１ 10:30");
  gtk_editable_set_text (GTK_EDITABLE (child (view, "text_entry")), "訂正: コピーは10時30分、USBメモリではなく私用クラウド");
  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.add-entry", NULL);
  corrected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Corrected by #%u"), 2);
  corrects = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Corrects #%u"), 1);
  mamori_test_wait_until_shown (child (view, "timeline_list"), corrected, FALSE);
  g_assert_nonnull (mamori_test_find_label (child (view, "timeline_list"), corrects, FALSE));
  g_assert_nonnull (mamori_test_find_label (child (view, "timeline_list"),
                                            "退職予定者が図面をUSBメモリにコピーした記録を確認", FALSE));
  g_assert_false (gtk_widget_get_visible (child (view, "correcting_row")));
  g_assert_false (gtk_widget_get_visible (child (view, "entry_error_label")));

  /* An evidence file is fingerprinted; a change is found on checking again. */
  g_assert_true (g_file_set_contents (evidence_path, "2025-04-01 09:28 login yamada\n", -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.attach-file", "s", evidence_path);
  /* Read in a worker thread, then shown. */
  mamori_test_wait_until_shown (child (view, "files_group"), "access-log.txt", FALSE);
  mamori_test_wait_until_shown (child (view, "files_group"), g_dpgettext2 (GETTEXT_PACKAGE, "evidence", "Intact"), FALSE);
  g_assert_true (g_file_set_contents (evidence_path, "2025-04-01 09:28 login tanaka\n", -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.check-evidence", NULL);
  mamori_test_wait_until_shown (child (view, "files_group"),
                    g_dpgettext2 (GETTEXT_PACKAGE, "evidence", "Changed since attached"), FALSE);

  /* A reported approach, logged with today's date, becomes an incident. */
  adw_view_stack_set_visible_child_name (child (view, "stack"), "approaches");
  mamori_test_iterate_for (50);
  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.add-approach", NULL);
  g_assert_true (gtk_widget_get_visible (child (view, "approach_error_label")));
  gtk_editable_set_text (GTK_EDITABLE (child (view, "who_entry")), "A社を名乗る人物");
  gtk_editable_set_text (GTK_EDITABLE (child (view, "channel_entry")), "展示会");
  gtk_editable_set_text (GTK_EDITABLE (child (view, "description_entry")), "名刺交換の後、焼成条件を詳しく尋ねられた");
  /* A date still to come is caught before it is logged for good. */
  {
    g_autofree char *today = g_strdup (gtk_editable_get_text (GTK_EDITABLE (child (view, "occurred_entry"))));

    gtk_editable_set_text (GTK_EDITABLE (child (view, "occurred_entry")), "２０９９年１月１日");
    gtk_widget_activate_action (GTK_WIDGET (view), "incidents.add-approach", NULL);
    g_assert_true (gtk_widget_get_visible (child (view, "approach_error_label")));
    g_assert_true (gtk_widget_has_css_class (child (view, "occurred_entry"), "error"));
    gtk_editable_set_text (GTK_EDITABLE (child (view, "occurred_entry")), today);
  }
  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.add-approach", NULL);
  mamori_test_wait_until_shown (child (view, "approach_list"), "名刺交換の後、焼成条件を詳しく尋ねられた", FALSE);
  mamori_test_click (find_widget (GTK_WIDGET (child (view, "approach_list")), GTK_TYPE_BUTTON,
                      g_dgettext (GETTEXT_PACKAGE, "Make Incident")));
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (child (view, "stack")), ==, "incidents");
  g_assert_cmpstr (gtk_label_get_text (child (view, "title_label")), ==,
                   gtk_editable_get_text (GTK_EDITABLE (child (view, "title_entry"))));
  g_assert_nonnull (strstr (gtk_label_get_text (child (view, "title_label")), "A社を名乗る人物"));
  mamori_test_wait_until_shown (child (view, "timeline_list"), "名刺交換の後、焼成条件を詳しく尋ねられた", FALSE);

  mamori_test_close_all_windows ();
  g_clear_object (&store);

  /* Everything is in the workspace when it is opened again. */
  reopened = open_store (path);
  incidents = mamori_store_dup_incidents (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, ==, 2);
  incident = find_incident (incidents, title);
  g_assert (incident != NULL);
  g_assert_cmpint (incident->kind, ==, MAMORI_INCIDENT_INSIDER);
  g_assert_cmpint (incident->status, ==, MAMORI_INCIDENT_CONTAINED);
  checks = mamori_store_dup_incident_checks (reopened, incident->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (checks, item_id));
  entries = mamori_store_dup_incident_entries (reopened, incident->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  {
    MamoriIncidentEntry *first = g_ptr_array_index (entries, 0);
    MamoriIncidentEntry *second = g_ptr_array_index (entries, 1);
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (second->happened_at, NULL);
    g_autoptr(GDateTime) local = g_date_time_to_local (when);
    g_autofree char *shown = g_date_time_format (local, "%Y-%m-%d %H:%M");

    g_assert_cmpstr (first->text, ==, "退職予定者が図面をUSBメモリにコピーした記録を確認");
    g_assert_cmpint (first->corrects, ==, 0);
    g_assert_cmpint (second->corrects, ==, first->id);
    g_assert_cmpstr (second->author, ==, mamori_screening_get_user_name ());
    /* ISO 8601 with the offset, the local time as typed. */
    g_assert_nonnull (when);
    g_assert_cmpstr (shown, ==, "2025-04-01 10:30");
  }
  approaches = mamori_store_dup_approaches (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (approaches->len, ==, 1);
  approach = g_ptr_array_index (approaches, 0);
  g_assert_cmpint (approach->incident_id, !=, 0);
  g_assert_cmpint (approach->incident_id, !=, incident->id);

  /* And the view shows it again, correction linked. */
  view = open_view (reopened, 1100);
  mamori_incidents_view_show_incident (view, incident->id);
  mamori_test_wait_until_shown (child (view, "timeline_list"), corrected, FALSE);
  g_assert_nonnull (mamori_test_find_label (child (view, "timeline_list"), corrects, FALSE));
  mamori_test_wait_until_shown (child (view, "files_group"), "access-log.txt", FALSE);
  mamori_test_wait_until_shown (child (view, "files_group"), g_dpgettext2 (GETTEXT_PACKAGE, "evidence", "Changed since attached"), FALSE);
  adw_view_stack_set_visible_child_name (child (view, "stack"), "approaches");
  {
    g_autofree char *became = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Became incident: %s"), "");

    mamori_test_wait_until_shown (child (view, "approach_list"), became, FALSE);
  }

  mamori_test_close_all_windows ();
}

/* Narrow, the list and the details take turns, with a way back. */
static void
test_narrow (void)
{
  g_autofree char *path = mamori_test_workspace_path ("narrow.mamori");
  g_autoptr(MamoriStore) store = open_store (path);
  g_autoptr(MamoriIncident) incident = mamori_incident_new ();
  g_autoptr(GError) error = NULL;
  MamoriIncidentsView *view;
  AdwLeaflet *leaflet;

  g_free (incident->title);
  incident->title = g_strdup ("ノートPCの紛失");
  incident->kind = MAMORI_INCIDENT_LOST_DEVICE;
  g_assert_cmpint (mamori_store_add_incident (store, incident, &error), >, 0);
  g_assert_no_error (error);

  view = open_view (store, 400);
  leaflet = child (view, "leaflet");
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  mamori_incidents_view_show_incident (view, incident->id);
  mamori_test_iterate_for (300);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_assert_true (gtk_widget_get_visible (child (view, "back_button")));
  /* One header with one Back button: the switcher (and the tab's header,
   * told through "in-detail") give way to the incident's. */
  g_assert_true (mamori_incidents_view_get_in_detail (view));
  g_assert_false (gtk_widget_get_visible (child (view, "switcher")));
  /* The title has the keyboard, nothing selected: a key typed adds to the
   * title rather than replacing it. */
  {
    int start, end;

    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (view))),
                                           child (view, "title_entry")));
    g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (child (view, "title_entry")), &start, &end));
  }
  /* Nothing runs off the right edge. */
  g_assert_cmpint (gtk_widget_get_width (child (view, "detail_page")), <=, 420);

  gtk_widget_activate_action (GTK_WIDGET (view), "incidents.back", NULL);
  mamori_test_iterate_for (300);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_false (mamori_incidents_view_get_in_detail (view));
  g_assert_true (gtk_widget_get_visible (child (view, "switcher")));

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

  g_test_add_func ("/incidents-view/record-incident", test_record_incident);
  g_test_add_func ("/incidents-view/narrow", test_narrow);

  return g_test_run ();
}
