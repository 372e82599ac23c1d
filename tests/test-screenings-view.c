/* test-screenings-view.c — the screening records as a user reads them (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "mamori-application.h"
#include "pages/lookup/mamori-screenings-view.h"
#include "store/mamori-store.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

#define child(widget, name) mamori_test_template_child ((widget), MAMORI_TYPE_SCREENINGS_VIEW, (name))

#define CATALOG_VERSION "令和7年4月版（2025-04）"

static MamoriScreeningsView *
open_view (MamoriStore *store)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *view = mamori_screenings_view_new (store);

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  mamori_test_iterate_for (100);
  return MAMORI_SCREENINGS_VIEW (view);
}

static MamoriStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  MamoriStore *store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static MamoriScreening *
add_record (MamoriStore *store,
            const char  *kind,
            const char  *subject,
            const char  *inputs,
            const char  *result,
            const char  *checked_by,
            const char  *end_user_list)
{
  MamoriScreening *record = mamori_screening_new (kind, subject, inputs, result, "");
  g_autoptr(GError) error = NULL;

  g_free (record->checked_by);
  record->checked_by = g_strdup (checked_by);
  g_free (record->catalog_version);
  record->catalog_version = g_strdup (CATALOG_VERSION);
  g_free (record->end_user_list);
  record->end_user_list = g_strdup (end_user_list);
  g_assert_cmpint (mamori_store_add_screening (store, record, &error), >, 0);
  g_assert_no_error (error);
  return record;
}

static const char *
status_text (MamoriScreeningsView *view)
{
  return gtk_label_get_text (child (view, "status_label"));
}

static const char *
visible_page (MamoriScreeningsView *view)
{
  return gtk_stack_get_visible_child_name (child (view, "list_stack"));
}

static gboolean
status_is (gconstpointer data)
{
  MamoriScreeningsView *view = (MamoriScreeningsView *) data;

  return g_strcmp0 (status_text (view), g_object_get_data (G_OBJECT (view), "expected-status")) == 0;
}

static void
wait_for_status (MamoriScreeningsView *view,
                 const char           *status)
{
  g_object_set_data (G_OBJECT (view), "expected-status", (gpointer) status);
  mamori_test_iterate_until (status_is, view);
}

/* The rows the user sees, newest first. */
static GPtrArray *
shown_rows (MamoriScreeningsView *view)
{
  GtkListBox *list = child (view, "records_list");
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      g_ptr_array_add (rows, row);
  return rows;
}

static gboolean
shows (gpointer    widget,
       const char *text)
{
  return mamori_test_find_label (widget, text, TRUE) != NULL;
}

/* The problem a dialog shows, if it shows one. */
static GtkLabel *
find_error_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, "error"))
    return GTK_LABEL (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_error_label (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_add_note_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "screenings.add-note") == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_add_note_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkTextView *found = find_text_view (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_note_dialog (void)
{
  GType type = g_type_from_name ("MamoriScreeningNoteDialog");

  return type != 0 ? mamori_test_find_window (type) : NULL;
}

static gboolean
no_note_dialog (gconstpointer data)
{
  return find_note_dialog () == NULL;
}

static gboolean
has_note_dialog (gconstpointer data)
{
  return find_note_dialog () != NULL;
}

static char *
local_minute (const char *utc)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (utc, NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (parsed);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
expected_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name;
}

/* Newest first, each saying what was checked, when and with what result;
 * search and the kind filter say how many of how many are shown. */
static void
test_list_and_filter (void)
{
  g_autofree char *path = mamori_test_workspace_path ("records.mamori");
  g_autoptr(MamoriStore) store = open_store (path);
  g_autoptr(MamoriScreening) first = NULL;
  g_autoptr(MamoriScreening) second = NULL;
  g_autoptr(MamoriScreening) third = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *when = NULL;
  MamoriScreeningsView *view;
  GtkEditable *search;
  GtkDropDown *kinds;

  first = add_record (store, "search", "炭素繊維", "検索語: 炭素繊維",
                      "該当の可能性あり: 輸出令別表第1 5項(1)\n技術は外為令別表 5項", "山田 太郎", "");
  second = add_record (store, "export-destination", "ベトナム", "仕向地: ベトナム\n貨物: 工作機械",
                       "グループA以外: キャッチオール規制の確認が必要", "佐藤 花子", "");
  third = add_record (store, "end-user", "R&D <Tokai> Trading", "", "No match in the End User List", "",
                      "外国ユーザーリスト（2025年版）");

  view = open_view (store);
  search = child (view, "search_entry");
  kinds = child (view, "kind_dropdown");
  g_assert_cmpstr (visible_page (view), ==, "list");
  wait_for_status (view, mamori_test_expect ("3 records", "3件の記録"));

  /* Newest first; the subject is shown as typed, markup characters and all,
   * with the kind, the local time and the first line of the result. */
  rows = shown_rows (view);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (shows (rows->pdata[0], "R&D <Tokai> Trading"));
  g_assert_true (shows (rows->pdata[1], "ベトナム"));
  g_assert_true (shows (rows->pdata[2], "炭素繊維"));
  when = local_minute (first->created_at);
  g_assert_nonnull (mamori_test_find_label (rows->pdata[2], when, FALSE));
  g_assert_nonnull (mamori_test_find_label (rows->pdata[2], "該当の可能性あり: 輸出令別表第1 5項(1)", FALSE));
  g_assert_null (mamori_test_find_label (rows->pdata[2], "技術は外為令別表 5項", FALSE));
  g_assert_nonnull (mamori_test_find_label (rows->pdata[2], mamori_screening_kind_get_label ("search"), FALSE));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Any text of a record is searched, whatever the case. */
  gtk_editable_set_text (search, "ベトナム");
  wait_for_status (view, mamori_test_expect ("1 of 3 records", "3件中1件の記録"));
  rows = shown_rows (view);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (shows (rows->pdata[0], "ベトナム"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  gtk_editable_set_text (search, "r&d <tokai>");
  wait_for_status (view, mamori_test_expect ("1 of 3 records", "3件中1件の記録"));
  rows = shown_rows (view);
  g_assert_true (shows (rows->pdata[0], "R&D <Tokai> Trading"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  gtk_editable_set_text (search, "存在しない言葉");
  wait_for_status (view, mamori_test_expect ("0 of 3 records", "3件中0件の記録"));
  g_assert_cmpstr (visible_page (view), ==, "no-results");

  gtk_widget_activate_action (GTK_WIDGET (view), "screenings.clear-filters", NULL);
  wait_for_status (view, mamori_test_expect ("3 records", "3件の記録"));
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  g_assert_cmpstr (visible_page (view), ==, "list");

  /* By kind: "All kinds", then each kind in order. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (kinds)), ==, 7);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (kinds)), 3), ==,
                   mamori_screening_kind_get_label ("export-destination"));
  gtk_drop_down_set_selected (kinds, 3);
  wait_for_status (view, mamori_test_expect ("1 of 3 records", "3件中1件の記録"));
  rows = shown_rows (view);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (shows (rows->pdata[0], "ベトナム"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Search and kind together. */
  gtk_editable_set_text (search, "炭素");
  wait_for_status (view, mamori_test_expect ("0 of 3 records", "3件中0件の記録"));
  g_assert_cmpstr (visible_page (view), ==, "no-results");
  gtk_drop_down_set_selected (kinds, 1);
  wait_for_status (view, mamori_test_expect ("1 of 3 records", "3件中1件の記録"));

  gtk_widget_activate_action (GTK_WIDGET (view), "screenings.clear-filters", NULL);
  wait_for_status (view, mamori_test_expect ("3 records", "3件の記録"));
  g_assert_cmpuint (gtk_drop_down_get_selected (kinds), ==, 0);

  mamori_test_close_all_windows ();
}

static sqlite3 *
hold_write_lock (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
release_write_lock (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
is_expanded (gconstpointer row)
{
  return adw_expander_row_get_expanded (ADW_EXPANDER_ROW ((gpointer) row));
}

/* A record is opened to read all of it; a note is added through its dialog,
 * which keeps the text when it cannot be saved; the note shows at once, the
 * record stays open, and the note is there after a restart. */
static void
test_add_note (void)
{
  g_autofree char *path = mamori_test_workspace_path ("notes.mamori");
  g_autoptr(MamoriStore) store = open_store (path);
  g_autoptr(MamoriScreening) record = NULL;
  g_autoptr(MamoriScreening) later = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  MamoriScreeningNote *note;
  MamoriScreeningsView *view;
  GtkWidget *row;
  GtkWindow *dialog;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkWidget *add;
  GtkLabel *error_label;
  sqlite3 *lock;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *note_text = "先方から最終需要者の誓約書を受領。担当: 営業部";

  record = add_record (store, "export-destination", "ベトナム", "仕向地: ベトナム\n貨物: 工作機械",
                       "グループA以外: キャッチオール規制の確認が必要", "佐藤 花子", "外国ユーザーリスト（2025年版）");
  view = open_view (store);
  rows = shown_rows (view);
  row = rows->pdata[0];

  /* Opened: the whole record, each input on its line. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  mamori_test_wait_until_shown (row, "グループA以外: キャッチオール規制の確認が必要", TRUE);
  g_assert_true (shows (row, "仕向地: ベトナム\n貨物: 工作機械"));
  g_assert_true (shows (row, "佐藤 花子"));
  g_assert_true (shows (row, CATALOG_VERSION));
  g_assert_true (shows (row, "外国ユーザーリスト（2025年版）"));
  g_assert_true (gtk_label_get_selectable (mamori_test_find_label (row, "グループA以外: キャッチオール規制の確認が必要", TRUE)));

  /* Add Note opens the dialog, ready to type. */
  add = find_add_note_button (row);
  g_assert_nonnull (add);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (add)), ==, mamori_test_expect ("_Add Note…", "メモを追加(_A)…"));
  mamori_test_click (add);
  mamori_test_iterate_until (has_note_dialog, NULL);
  dialog = find_note_dialog ();
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))));
  text_view = find_text_view (GTK_WIDGET (dialog));
  g_assert_nonnull (text_view);
  buffer = gtk_text_view_get_buffer (text_view);
  mamori_test_iterate_for (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text_view)));
  add = gtk_window_get_default_widget (dialog);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (add)), ==, mamori_test_expect ("_Add Note", "メモを追加(_A)"));

  /* Nothing written: the dialog says so and stays. */
  mamori_test_click (add);
  mamori_test_iterate_for (50);
  g_assert_true (find_note_dialog () == dialog);
  error_label = find_error_label (GTK_WIDGET (dialog));
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_text (error_label), !=, "");

  /* Another program holds the workspace: the note cannot be saved, the
   * dialog says why, and what was typed is still there. */
  gtk_text_buffer_set_text (buffer, note_text, -1);
  lock = hold_write_lock (path);
  mamori_test_click (add);
  mamori_test_iterate_for (50);
  g_assert_true (find_note_dialog () == dialog);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, note_text);
  error_label = find_error_label (GTK_WIDGET (dialog));
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_text (error_label), !=, "");
  release_write_lock (lock);

  /* Saved: the dialog closes, and the note is shown in the record, which
   * stayed open. */
  mamori_test_click (add);
  mamori_test_iterate_until (no_note_dialog, NULL);
  mamori_test_wait_until_shown (row, note_text, TRUE);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_nonnull (mamori_test_find_label (row, expected_author (), FALSE));

  saved = mamori_store_dup_screenings (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpuint (((MamoriScreening *) saved->pdata[0])->notes->len, ==, 1);
  note = g_ptr_array_index (((MamoriScreening *) saved->pdata[0])->notes, 0);
  g_assert_cmpstr (note->text, ==, note_text);
  g_assert_cmpstr (note->author, ==, expected_author ());
  /* The record itself did not change. */
  g_assert_cmpstr (((MamoriScreening *) saved->pdata[0])->result, ==, "グループA以外: キャッチオール規制の確認が必要");

  /* A newer record comes in on top; the open one stays open. */
  later = add_record (store, "search", "工作機械", "検索語: 工作機械", "該当の可能性あり: 輸出令別表第1 2項", "山田 太郎", "");
  wait_for_status (view, mamori_test_expect ("2 records", "2件の記録"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (view);
  g_assert_true (rows->pdata[1] == row);
  g_assert_true (shows (rows->pdata[0], "工作機械"));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (rows->pdata[0])));

  /* Quit and start again: the note is there. */
  mamori_test_close_all_windows ();
  g_clear_object (&store);
  store = open_store (path);
  view = open_view (store);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (view);
  g_assert_cmpuint (rows->len, ==, 2);
  row = rows->pdata[1];
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  mamori_test_iterate_until (is_expanded, row);
  mamori_test_wait_until_shown (row, note_text, TRUE);

  mamori_test_close_all_windows ();
}

/* With no records the view says how they are made; the first one saved
 * shows at once. */
static void
test_empty (void)
{
  g_autofree char *path = mamori_test_workspace_path ("empty.mamori");
  g_autoptr(MamoriStore) store = open_store (path);
  g_autoptr(MamoriScreening) record = NULL;
  MamoriScreeningsView *view = open_view (store);

  g_assert_cmpstr (visible_page (view), ==, "empty");
  g_assert_cmpstr (status_text (view), ==, mamori_test_expect ("0 records", "0件の記録"));
  g_assert_false (gtk_widget_get_sensitive (child (view, "search_entry")));
  g_assert_true (shows (child (view, "list_stack"),
                        mamori_test_expect ("No Screening Records Yet", "確認記録はまだありません")));

  record = add_record (store, "entry", "5項(1) 炭素繊維", "", "該当", "山田 太郎", "");
  wait_for_status (view, mamori_test_expect ("1 record", "1件の記録"));
  g_assert_cmpstr (visible_page (view), ==, "list");
  g_assert_true (gtk_widget_get_sensitive (child (view, "search_entry")));

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

  g_test_add_func ("/screenings-view/list-and-filter", test_list_and_filter);
  g_test_add_func ("/screenings-view/add-note", test_add_note);
  g_test_add_func ("/screenings-view/empty", test_empty);

  return g_test_run ();
}
