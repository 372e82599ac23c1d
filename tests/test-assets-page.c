/* test-assets-page.c — the asset register as a user works it (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "mamori-application.h"
#include "mamori-window.h"
#include "model/mamori-asset.h"
#include "analysis/mamori-classification.h"
#include "model/mamori-ledger.h"
#include "pages/assets/mamori-asset-editor.h"
#include "pages/assets/mamori-assets-page.h"
#include "io/mamori-asset-csv.h"
#include "pages/assets/mamori-import-window.h"
#include "pages/assets/mamori-ledger-dialog.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

static gboolean
is_folded (gconstpointer leaflet)
{
  return adw_leaflet_get_folded (ADW_LEAFLET ((gpointer) leaflet));
}

#define child(widget, TYPE, name) mamori_test_template_child ((widget), MAMORI_TYPE_##TYPE, (name))

static MamoriWindow *
open_window (const char *path)
{
  MamoriWindow *window = mamori_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_CREATE));
  gtk_widget_activate_action (GTK_WIDGET (window), "tab.show", "u", 2);
  mamori_test_iterate_for (100);
  return window;
}

static MamoriAssetsPage *
get_page (MamoriWindow *window)
{
  return MAMORI_ASSETS_PAGE (mamori_test_window_page (window, "assets"));
}

static MamoriAssetEditor *
get_editor (MamoriAssetsPage *page)
{
  return MAMORI_ASSET_EDITOR (adw_bin_get_child (child (page, ASSETS_PAGE, "editor_bin")));
}

static const char *
status_text (MamoriAssetsPage *page)
{
  return gtk_label_get_text (child (page, ASSETS_PAGE, "status_label"));
}

static const char *
visible_list (MamoriAssetsPage *page)
{
  return gtk_stack_get_visible_child_name (child (page, ASSETS_PAGE, "list_stack"));
}

static const char *
visible_editor (MamoriAssetsPage *page)
{
  return gtk_stack_get_visible_child_name (child (page, ASSETS_PAGE, "editor_stack"));
}

static guint
n_selected (MamoriAssetsPage *page)
{
  GtkColumnView *view = child (page, ASSETS_PAGE, "column_view");
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (gtk_column_view_get_model (view));

  return (guint) gtk_bitset_get_size (selected);
}

static const char *
name_in_list (MamoriAssetsPage *page,
              guint             position)
{
  g_autoptr(MamoriAsset) asset = g_list_model_get_item (G_LIST_MODEL (mamori_assets_page_get_list (page)), position);
  static char *name;

  g_free (name);
  name = asset != NULL ? g_strdup (mamori_asset_get_name (asset)) : NULL;
  return name;
}

/* Whether a drawn row of the table shows @text, as a user would see it. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
table_shows (gconstpointer data)
{
  MamoriAssetsPage *page = (MamoriAssetsPage *) data;

  return shows_label (mamori_test_template_child (page, MAMORI_TYPE_ASSETS_PAGE, "column_view"),
                      g_object_get_data (G_OBJECT (page), "expected-label"));
}

static gboolean
first_row_named (gconstpointer data)
{
  MamoriAssetsPage *page = (MamoriAssetsPage *) data;

  return g_strcmp0 (name_in_list (page, 0), g_object_get_data (G_OBJECT (page), "expected-name")) == 0;
}

static gboolean
list_has_n (gconstpointer data)
{
  MamoriAssetsPage *page = (MamoriAssetsPage *) data;

  return g_list_model_get_n_items (G_LIST_MODEL (mamori_assets_page_get_list (page))) ==
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page), "expected-n"));
}

static void
wait_for_n (MamoriAssetsPage *page,
            guint             n)
{
  g_object_set_data (G_OBJECT (page), "expected-n", GUINT_TO_POINTER (n));
  mamori_test_iterate_until (list_has_n, page);
}

static gboolean
no_ledger_dialog (gconstpointer data)
{
  return mamori_test_find_window (MAMORI_TYPE_LEDGER_DIALOG) == NULL;
}

static gint64
add_asset (MamoriStore *store,
           const char  *name,
           const char  *department,
           int          value)
{
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mamori_asset_set_name (asset, name);
  g_object_set (asset, "department", department, NULL);
  mamori_asset_set_rating (asset, MAMORI_VIEWPOINT_VALUE, value);
  id = mamori_store_add_asset (store, asset, &error);
  g_assert_no_error (error);
  return id;
}

/* A new asset, typed into the editor, rated, given a ledger entry: it stays
 * selected through every save and is all there after a restart. */
static void
test_add_edit_reopen (void)
{
  g_autofree char *path = mamori_test_workspace_path ("register.mamori");
  MamoriWindow *window = open_window (path);
  MamoriAssetsPage *page = get_page (window);
  MamoriAssetEditor *editor = get_editor (page);
  MamoriLedgerDialog *dialog;
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GError) error = NULL;
  MamoriAsset *asset;
  gint64 id;

  /* An empty register says what to do first. */
  g_assert_cmpstr (visible_list (page), ==, "empty");
  g_assert_cmpstr (visible_editor (page), ==, "none");

  /* Add: a new row, selected, its name ready to type. */
  gtk_widget_activate_action (GTK_WIDGET (page), "assets.add", NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (visible_list (page), ==, "list");
  g_assert_cmpuint (n_selected (page), ==, 1);
  g_assert_cmpstr (visible_editor (page), ==, "editor");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), child (editor, ASSET_EDITOR, "name_row")));
  g_assert_cmpstr (status_text (page), ==, mamori_test_expect ("1 asset", "1件の資産"));
  asset = mamori_asset_editor_get_asset (editor);
  id = mamori_asset_get_id (asset);

  gtk_editable_set_text (child (editor, ASSET_EDITOR, "name_row"), "金型設計図面（A-100系）");
  adw_combo_row_set_selected (child (editor, ASSET_EDITOR, "category_row"), MAMORI_ASSET_CATEGORY_MANUFACTURING);
  gtk_editable_set_text (child (editor, ASSET_EDITOR, "department_row"), "技術部");
  adw_combo_row_set_selected (child (editor, ASSET_EDITOR, "value_row"), MAMORI_RATING_HIGH + 1);

  /* The class follows the rating at once. */
  g_assert_cmpstr (gtk_label_get_text (child (editor, ASSET_EDITOR, "class_label")), ==,
                   mamori_test_expect ("Strictly Confidential", "極秘"));

  /* Saved a moment after typing stops: the list shows it, and the asset is
   * still selected and open. */
  g_object_set_data (G_OBJECT (page), "expected-name", (gpointer) "金型設計図面（A-100系）");
  mamori_test_iterate_until (first_row_named, page);
  mamori_test_iterate_for (100);
  g_assert_cmpuint (n_selected (page), ==, 1);
  g_assert_cmpstr (visible_editor (page), ==, "editor");
  g_assert_true (mamori_asset_editor_get_asset (editor) != NULL);
  g_assert_cmpint (mamori_asset_get_id (mamori_asset_editor_get_asset (editor)), ==, id);

  /* A ledger entry, added through its dialog. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-entry", NULL);
  mamori_test_iterate_for (50);
  dialog = mamori_test_find_window (MAMORI_TYPE_LEDGER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==,
                   mamori_test_expect ("Handling Ledger Entry", "取扱記録の追加"));
  gtk_editable_set_text (child (dialog, LEDGER_DIALOG, "person_row"), "山田 太郎");
  gtk_editable_set_text (child (dialog, LEDGER_DIALOG, "purpose_row"), "客先での打合せ");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.add", NULL);
  mamori_test_iterate_until (no_ledger_dialog, NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpuint (n_selected (page), ==, 1);
  g_assert_cmpstr (visible_editor (page), ==, "editor");

  ledger = mamori_store_dup_ledger (mamori_window_get_store (window), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger->len, ==, 1);

  /* Quit and start again: it is all there. */
  mamori_test_close_all_windows ();
  window = open_window (path);
  page = get_page (window);
  editor = get_editor (page);
  g_assert_cmpstr (visible_list (page), ==, "list");
  g_assert_cmpstr (name_in_list (page, 0), ==, "金型設計図面（A-100系）");
  g_object_set_data (G_OBJECT (page), "expected-label", (gpointer) "金型設計図面（A-100系）");
  mamori_test_iterate_until (table_shows, page);
  g_object_set_data (G_OBJECT (page), "expected-label", (gpointer) mamori_test_expect ("Strictly Confidential", "極秘"));
  mamori_test_iterate_until (table_shows, page);
  g_assert_true (mamori_assets_page_select (page, id));
  mamori_test_iterate_for (50);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, ASSET_EDITOR, "name_row")), ==, "金型設計図面（A-100系）");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, ASSET_EDITOR, "department_row")), ==, "技術部");
  g_assert_cmpuint (adw_combo_row_get_selected (child (editor, ASSET_EDITOR, "category_row")), ==,
                    MAMORI_ASSET_CATEGORY_MANUFACTURING);
  g_assert_cmpstr (gtk_label_get_text (child (editor, ASSET_EDITOR, "class_label")), ==,
                   mamori_test_expect ("Strictly Confidential", "極秘"));

  mamori_test_close_all_windows ();
}

static gboolean
status_is (gconstpointer data)
{
  MamoriAssetsPage *page = (MamoriAssetsPage *) data;

  return g_strcmp0 (status_text (page), g_object_get_data (G_OBJECT (page), "expected-status")) == 0;
}

static void
wait_for_status (MamoriAssetsPage *page,
                 const char       *status)
{
  g_object_set_data (G_OBJECT (page), "expected-status", (gpointer) status);
  mamori_test_iterate_until (status_is, page);
}

/* Searching and filtering say how many of how many are shown, and say so
 * when nothing matches. */
static void
test_search_and_filter (void)
{
  g_autofree char *path = mamori_test_workspace_path ("search.mamori");
  MamoriWindow *window = open_window (path);
  MamoriStore *store = mamori_window_get_store (window);
  MamoriAssetsPage *page = get_page (window);
  GtkEditable *search = child (page, ASSETS_PAGE, "search_entry");

  add_asset (store, "金型設計図面", "技術部", MAMORI_RATING_HIGH);
  add_asset (store, "顧客別見積単価表", "営業部", MAMORI_RATING_MEDIUM);
  add_asset (store, "製品カタログ", "総務部", MAMORI_RATING_NONE);
  wait_for_n (page, 3);
  wait_for_status (page, mamori_test_expect ("3 assets", "3件の資産"));

  /* Any field the user filled in is searched, the department too. */
  gtk_editable_set_text (search, "営業");
  wait_for_status (page, mamori_test_expect ("1 of 3 assets", "3件中1件の資産"));
  g_assert_cmpstr (name_in_list (page, 0), ==, "顧客別見積単価表");

  gtk_editable_set_text (search, "存在しない言葉");
  wait_for_status (page, mamori_test_expect ("0 of 3 assets", "3件中0件の資産"));
  g_assert_cmpstr (visible_list (page), ==, "no-results");

  /* By class: the highest class holds only the drawing. */
  gtk_widget_activate_action (GTK_WIDGET (page), "assets.clear-filters", NULL);
  wait_for_status (page, mamori_test_expect ("3 assets", "3件の資産"));
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  g_assert_false (gtk_widget_has_css_class (child (page, ASSETS_PAGE, "filter_button"), "accent"));
  /* The class filter lists "Any class", "Not evaluated", then the classes
   * from the highest. */
  gtk_drop_down_set_selected (child (page, ASSETS_PAGE, "class_dropdown"), 2);
  wait_for_status (page, mamori_test_expect ("1 of 3 assets", "3件中1件の資産"));
  g_assert_cmpstr (name_in_list (page, 0), ==, "金型設計図面");
  /* The filters sit in a popover, so its button shows that some are on. */
  g_assert_true (gtk_widget_has_css_class (child (page, ASSETS_PAGE, "filter_button"), "accent"));
  gtk_drop_down_set_selected (child (page, ASSETS_PAGE, "class_dropdown"), 1);
  wait_for_status (page, mamori_test_expect ("0 of 3 assets", "3件中0件の資産"));

  gtk_widget_activate_action (GTK_WIDGET (page), "assets.clear-filters", NULL);
  wait_for_status (page, mamori_test_expect ("3 assets", "3件の資産"));
  g_assert_false (gtk_widget_has_css_class (child (page, ASSETS_PAGE, "filter_button"), "accent"));

  mamori_test_close_all_windows ();
}

static void
on_add_toast (MamoriAssetsPage *page,
              AdwToast         *toast,
              AdwToast        **out)
{
  g_set_object (out, toast);
}

/* Delete says what went and offers Undo, which brings it back. */
static void
test_delete_and_undo (void)
{
  g_autofree char *path = mamori_test_workspace_path ("delete.mamori");
  MamoriWindow *window = open_window (path);
  MamoriStore *store = mamori_window_get_store (window);
  MamoriAssetsPage *page = get_page (window);
  g_autoptr(AdwToast) toast = NULL;
  gint64 id;

  add_asset (store, "仕入先リスト", "購買部", MAMORI_RATING_MEDIUM);
  id = add_asset (store, "試作品", "開発部", MAMORI_RATING_HIGH);
  wait_for_n (page, 2);

  g_signal_connect (page, "add-toast", G_CALLBACK (on_add_toast), &toast);
  g_assert_true (mamori_assets_page_select (page, id));
  mamori_test_iterate_for (50);
  gtk_widget_activate_action (GTK_WIDGET (page), "assets.delete", NULL);
  wait_for_n (page, 1);
  g_assert_cmpstr (name_in_list (page, 0), ==, "仕入先リスト");
  g_assert_cmpstr (visible_editor (page), ==, "none");
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, mamori_test_expect ("“試作品” deleted", "「試作品」を削除しました"));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, mamori_test_expect ("_Undo", "元に戻す(_U)"));

  g_signal_emit_by_name (toast, "button-clicked");
  wait_for_n (page, 2);
  g_assert_cmpuint (mamori_store_count_assets (store), ==, 2);

  mamori_test_close_all_windows ();
}

static gboolean
scrolls (gconstpointer data)
{
  GtkAdjustment *adjustment = (GtkAdjustment *) data;

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 100;
}

/* Another asset opens at the top of the editor, not where the last one
 * was scrolled to. */
static void
test_editor_starts_at_top (void)
{
  g_autofree char *path = mamori_test_workspace_path ("top.mamori");
  MamoriWindow *window = open_window (path);
  MamoriAssetsPage *page = get_page (window);
  MamoriAssetEditor *editor = get_editor (page);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  gint64 a, b;

  a = add_asset (mamori_window_get_store (window), "金型図面", "技術部", MAMORI_RATING_HIGH);
  b = add_asset (mamori_window_get_store (window), "顧客名簿", "営業部", MAMORI_RATING_HIGH);
  wait_for_n (page, 2);

  g_assert_true (mamori_assets_page_select (page, a));
  mamori_test_iterate_for (100);
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (child (editor, ASSET_EDITOR, "page"))));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  mamori_test_iterate_until (scrolls, adjustment);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  g_assert_true (mamori_assets_page_select (page, b));
  mamori_test_iterate_for (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  mamori_test_close_all_windows ();

  /* Opened again, with assets already there and none chosen: no editor. */
  window = open_window (path);
  page = get_page (window);
  wait_for_n (page, 2);
  g_assert_false (gtk_widget_get_visible (child (page, ASSETS_PAGE, "editor_pane")));
  mamori_test_close_all_windows ();
}

/* In a narrow window the list and the editor take turns. */
static void
test_narrow (void)
{
  g_autofree char *path = mamori_test_workspace_path ("narrow.mamori");
  MamoriWindow *window = open_window (path);
  MamoriAssetsPage *page = get_page (window);
  AdwLeaflet *leaflet = child (page, ASSETS_PAGE, "leaflet");
  MamoriAssetEditor *editor = get_editor (page);
  gint64 id;

  id = add_asset (mamori_window_get_store (window), "熱処理条件のノウハウ", "製造部", MAMORI_RATING_HIGH);
  wait_for_n (page, 1);

  /* Nothing chosen: the register alone, with the whole width, wide or
   * narrow. */
  g_assert_false (gtk_widget_get_visible (child (page, ASSETS_PAGE, "editor_pane")));
  mamori_test_resize (GTK_WINDOW (window), 400, 700);
  mamori_test_iterate_for (100);
  g_assert_false (gtk_widget_get_visible (child (page, ASSETS_PAGE, "editor_pane")));
  g_assert_cmpint (gtk_widget_get_width (child (page, ASSETS_PAGE, "column_view")), >=, 360);

  /* Chosen: the editor, in place of the register. */
  g_assert_true (mamori_assets_page_select (page, id));
  mamori_test_iterate_until (is_folded, leaflet);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "editor");
  g_assert_true (gtk_widget_get_visible (child (editor, ASSET_EDITOR, "back_button")));

  /* Escape goes back to the list, as Back does; then there is nowhere to
   * go back to, and Escape is left to others. */
  g_assert_true (mamori_page_go_back (MAMORI_PAGE (page)));
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_false (mamori_page_go_back (MAMORI_PAGE (page)));

  mamori_test_close_all_windows ();
}

/* Another program writing to the workspace: Mamori's saves wait for it,
 * then fail. */
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

static guint
position_of (MamoriAssetsPage *page,
             gint64            id)
{
  return mamori_asset_list_find (mamori_assets_page_get_list (page), id);
}

/* When what was typed cannot be saved, choosing another asset does not
 * drop it: the editor stays, the user is asked, and it is saved later. */
static void
test_unsaved_edit_kept (void)
{
  g_autofree char *path = mamori_test_workspace_path ("locked.mamori");
  MamoriWindow *window = open_window (path);
  MamoriStore *store = mamori_window_get_store (window);
  MamoriAssetsPage *page = get_page (window);
  MamoriAssetEditor *editor = get_editor (page);
  GtkColumnView *view = child (page, ASSETS_PAGE, "column_view");
  g_autoptr(MamoriAsset) saved = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  gint64 a, b;
  sqlite3 *lock;

  a = add_asset (store, "仕入先リスト", "購買部", MAMORI_RATING_MEDIUM);
  b = add_asset (store, "試作品", "開発部", MAMORI_RATING_HIGH);
  wait_for_n (page, 2);
  g_assert_true (mamori_assets_page_select (page, a));
  mamori_test_iterate_for (50);

  lock = hold_write_lock (path);
  gtk_editable_set_text (child (editor, ASSET_EDITOR, "name_row"), "仕入先リスト（改訂）");
  gtk_selection_model_select_item (gtk_column_view_get_model (view), position_of (page, b), TRUE);
  mamori_test_iterate_for (50);

  /* Still on the first asset, with what was typed, and asked. */
  g_assert_cmpint (mamori_asset_get_id (mamori_asset_editor_get_asset (editor)), ==, a);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, ASSET_EDITOR, "name_row")), ==, "仕入先リスト（改訂）");
  g_assert_true (gtk_selection_model_is_selected (gtk_column_view_get_model (view), position_of (page, a)));
  dialog = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  heading = g_strdup_printf (mamori_test_is_japanese () ? "「%s」の変更を保存できませんでした" : "Changes to “%s” Could Not Be Saved",
                             "仕入先リスト（改訂）");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);

  /* The other program is done; the user keeps editing, and then goes on. */
  release_write_lock (lock);
  adw_message_dialog_response (dialog, "keep");
  mamori_test_iterate_for (50);
  gtk_selection_model_select_item (gtk_column_view_get_model (view), position_of (page, b), TRUE);
  mamori_test_iterate_for (50);
  g_assert_cmpint (mamori_asset_get_id (mamori_asset_editor_get_asset (editor)), ==, b);
  saved = mamori_store_dup_asset (store, a, &error);
  g_assert_cmpstr (mamori_asset_get_name (saved), ==, "仕入先リスト（改訂）");

  mamori_test_close_all_windows ();
}

static gboolean
window_is_gone (gconstpointer data)
{
  return *(MamoriWindow * const *) data == NULL;
}

/* Closing the window with an edit that cannot be saved asks first; the
 * user may discard it, and the workspace keeps what was saved before. */
static void
test_close_asks_when_unsaved (void)
{
  g_autofree char *path = mamori_test_workspace_path ("close.mamori");
  MamoriWindow *window = open_window (path);
  MamoriAssetsPage *page = get_page (window);
  MamoriAssetEditor *editor = get_editor (page);
  g_autoptr(MamoriAsset) saved = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 a;
  sqlite3 *lock;

  a = add_asset (mamori_window_get_store (window), "顧客別見積単価表", "営業部", MAMORI_RATING_HIGH);
  wait_for_n (page, 1);
  g_assert_true (mamori_assets_page_select (page, a));
  mamori_test_iterate_for (50);

  lock = hold_write_lock (path);
  gtk_editable_set_text (child (editor, ASSET_EDITOR, "name_row"), "単価表（保存できない変更）");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  mamori_test_iterate_for (50);

  /* Still open, and asked. */
  g_assert_nonnull (window);
  dialog = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   mamori_test_expect ("Changes Could Not Be Saved", "変更を保存できませんでした"));

  adw_message_dialog_response (dialog, "discard");
  mamori_test_iterate_until (window_is_gone, &window);
  release_write_lock (lock);
  mamori_test_close_all_windows ();

  /* Reopened: what was saved before. */
  window = open_window (path);
  saved = mamori_store_dup_asset (mamori_window_get_store (window), a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mamori_asset_get_name (saved), ==, "顧客別見積単価表");

  mamori_test_close_all_windows ();
}

static gboolean
message_shown (gconstpointer data)
{
  return mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
import_window_shown (gconstpointer data)
{
  return mamori_test_find_window (MAMORI_TYPE_IMPORT_WINDOW) != NULL;
}

/* Import CSV: a pipe (which would hang), a file with a cell of megabytes
 * and a file with a NUL inside are each explained, read in a worker
 * thread; a good file opens its preview. Nothing is written meanwhile. */
static void
test_import_bad_files (void)
{
  g_autofree char *path = mamori_test_workspace_path ("import.mamori");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.csv", NULL);
  g_autofree char *nul = g_build_filename (dir, "nul.csv", NULL);
  g_autofree char *good = g_build_filename (dir, "good.csv", NULL);
  g_autoptr(GString) big = g_string_new ("資産名,備考\n図面,");
  MamoriWindow *window = open_window (path);
  MamoriAssetsPage *page = get_page (window);
  const struct { const char *path; const char *says; } cases[] = {
    { fifo, "pipe.csv" },
    { huge, mamori_test_expect ("Line 2", "2行目") },
    { nul, mamori_test_expect ("Line 3", "3行目") },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < 2 * 1024 * 1024 / 8; i++)
    g_string_append (big, "図面図面");
  g_assert_true (g_file_set_contents (huge, big->str, (gssize) big->len, NULL));
  {
    static const char with_nul[] = "資産名\n図面\n\0金型\n";

    g_assert_true (g_file_set_contents (nul, with_nul, sizeof with_nul - 1, NULL));
  }
  g_assert_true (g_file_set_contents (good, "資産名,保管場所\n金型図面,設計室\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AdwMessageDialog *dialog;

      mamori_assets_page_import_file (page, cases[i].path);
      mamori_test_iterate_until (message_shown, NULL);
      dialog = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), cases[i].says));
      gtk_window_destroy (GTK_WINDOW (dialog));
      mamori_test_iterate_for (20);
    }
  g_assert_null (mamori_test_find_window (MAMORI_TYPE_IMPORT_WINDOW));
  g_assert_cmpuint (mamori_store_count_assets (mamori_window_get_store (window)), ==, 0);

  mamori_assets_page_import_file (page, good);
  mamori_test_iterate_until (import_window_shown, NULL);
  gtk_window_destroy (mamori_test_find_window (MAMORI_TYPE_IMPORT_WINDOW));
  mamori_test_iterate_for (20);

  mamori_test_close_all_windows ();
}

/* The import window's combo row for the column headed @header. */
static AdwComboRow *
find_column_row (GtkWidget  *widget,
                 const char *header)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found;

      if (ADW_IS_COMBO_ROW (child) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), header) == 0)
        return ADW_COMBO_ROW (child);
      if ((found = find_column_row (child, header)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
import_ready (gconstpointer window)
{
  return gtk_widget_get_sensitive (mamori_test_template_child ((gpointer) window, MAMORI_TYPE_IMPORT_WINDOW, "import_button"));
}

static gboolean
problems_listed (gconstpointer window)
{
  return gtk_widget_get_visible (mamori_test_template_child ((gpointer) window, MAMORI_TYPE_IMPORT_WINDOW, "problems_group")) &&
         !gtk_spinner_get_spinning (mamori_test_template_child ((gpointer) window, MAMORI_TYPE_IMPORT_WINDOW, "spinner"));
}

static gboolean
window_gone (gconstpointer data)
{
  return mamori_test_find_window (MAMORI_TYPE_IMPORT_WINDOW) == NULL;
}

/* The preview is checked in a worker thread: a row with a problem keeps
 * Import off; mapping that column to nothing checks again and lets it
 * through; Import adds every row. */
static void
test_import_preview (void)
{
  g_autofree char *path = mamori_test_workspace_path ("preview.mamori");
  g_autofree char *csv = mamori_test_workspace_path ("ledger.csv");
  g_autoptr(GString) text = g_string_new ("資産名,カテゴリ,保管場所\n");
  MamoriWindow *window = open_window (path);
  MamoriAssetsPage *page = get_page (window);
  GtkWidget *import_window;
  AdwComboRow *category;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "図面%u,%s,設計室\n", i, i == 250 ? "ラーメン" : "製造関連情報");
  g_assert_true (g_file_set_contents (csv, text->str, (gssize) text->len, NULL));

  mamori_assets_page_import_file (page, csv);
  mamori_test_iterate_until (import_window_shown, NULL);
  import_window = mamori_test_find_window (MAMORI_TYPE_IMPORT_WINDOW);
  mamori_test_iterate_until (problems_listed, import_window);
  g_assert_false (import_ready (import_window));

  category = find_column_row (import_window, "カテゴリ");
  g_assert_nonnull (category);
  adw_combo_row_set_selected (category, MAMORI_CSV_FIELD_IGNORE);
  mamori_test_iterate_until (import_ready, import_window);
  g_assert_false (gtk_widget_get_visible (mamori_test_template_child (import_window, MAMORI_TYPE_IMPORT_WINDOW,
                                                                      "problems_group")));

  gtk_widget_activate_action (import_window, "import.run", NULL);
  mamori_test_iterate_until (window_gone, NULL);
  g_assert_cmpuint (mamori_store_count_assets (mamori_window_get_store (window)), ==, 500);

  /* Part of the same ledger again: the rows already in the register are
   * said and, unless the user wants them twice, left out. */
  g_assert_true (g_file_set_contents (csv, "資産名,保管場所\n図面0,設計室\n図面1,設計室\n治具図面,設計室\n", -1, NULL));
  mamori_assets_page_import_file (page, csv);
  mamori_test_iterate_until (import_window_shown, NULL);
  import_window = mamori_test_find_window (MAMORI_TYPE_IMPORT_WINDOW);
  mamori_test_iterate_until (import_ready, import_window);
  g_assert_true (gtk_widget_get_visible (mamori_test_template_child (import_window, MAMORI_TYPE_IMPORT_WINDOW,
                                                                     "existing_group")));
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (
                                     mamori_test_template_child (import_window, MAMORI_TYPE_IMPORT_WINDOW, "existing_group")),
                                   mamori_test_expect ("2 rows", "2行")));
  g_assert_true (gtk_switch_get_active (mamori_test_template_child (import_window, MAMORI_TYPE_IMPORT_WINDOW, "skip_switch")));
  gtk_widget_activate_action (import_window, "import.run", NULL);
  mamori_test_iterate_until (window_gone, NULL);
  g_assert_cmpuint (mamori_store_count_assets (mamori_window_get_store (window)), ==, 501);

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

  g_test_add_func ("/assets-page/add-edit-reopen", test_add_edit_reopen);
  g_test_add_func ("/assets-page/search-and-filter", test_search_and_filter);
  g_test_add_func ("/assets-page/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/assets-page/narrow", test_narrow);
  g_test_add_func ("/assets-page/editor-starts-at-top", test_editor_starts_at_top);
  g_test_add_func ("/assets-page/import-bad-files", test_import_bad_files);
  g_test_add_func ("/assets-page/import-preview", test_import_preview);
  g_test_add_func ("/assets-page/unsaved-edit-kept", test_unsaved_edit_kept);
  g_test_add_func ("/assets-page/close-asks-when-unsaved", test_close_asks_when_unsaved);

  return g_test_run ();
}
