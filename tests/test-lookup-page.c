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
#include "pages/lookup/mamori-lookup-page-private.h"
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
  return MAMORI_LOOKUP_PAGE (mamori_test_window_page (window, "lookup"));
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

static void
on_search_changed (GtkSearchEntry *entry,
                   gboolean       *changed)
{
  *changed = TRUE;
}

static gboolean
is_true (gconstpointer data)
{
  return *(const gboolean *) data;
}

/* Types @text in the search and waits until the page has searched for it
 * (the entry tells it after a moment, longer under the sanitizers). */
static void
search_for (GtkEditable *search,
            const char  *text)
{
  gboolean changed = FALSE;
  gulong id = g_signal_connect_after (search, "search-changed", G_CALLBACK (on_search_changed), &changed);

  gtk_editable_set_text (search, text);
  mamori_test_iterate_until (is_true, &changed);
  g_signal_handler_disconnect (search, id);
  mamori_test_iterate_for (20);
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
  search_for (search, "ﾄﾞｲﾂ");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "results");
  g_assert_cmpuint (count_rows (results), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_row (results))), ==,
                   mamori_test_expect ("Germany", "ドイツ"));

  /* Two characters are enough. */
  search_for (search, "量子");
  g_assert_cmpuint (count_rows (results), >=, 2);

  search_for (search, "MLCC");
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
  /* Records are never deleted: a second click makes no second record. */
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
  search_for (search, "ぬるぽがっ");
  g_assert_cmpuint (count_rows (results), ==, 0);
  result_text = g_strdup (gtk_label_get_text (child (page, LOOKUP_PAGE, "results_label")));
  g_assert_nonnull (strstr (result_text, "ぬるぽがっ"));

  search_for (search, "");
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

static gboolean
is_folded (gconstpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET ((gpointer) data));
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
  mamori_test_iterate_until (is_folded, leaflet);
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

  button = find_button (GTK_WIDGET (content), mamori_test_expect ("Save as _Record", "記録として保存(_R)"));
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

static GtkWidget *
nth_row (GtkListBox *list,
         guint       n)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (n-- > 0 && row != NULL)
    row = gtk_widget_get_next_sibling (row);
  return row;
}

static gboolean
import_window_shown (gconstpointer data)
{
  return mamori_test_find_window (ADW_TYPE_WINDOW) != NULL;
}

/* The End User List, imported from METI's sheet saved as CSV (title rows,
 * Japanese headers, Shift_JIS), then a counterparty screened against it:
 * a listed name written differently is found and says why; an unrelated
 * name is not; the record keeps which list was used. */
static void
test_counterparty_screening (void)
{
  static const char list_utf8[] =
    "外国ユーザーリスト\n2025年10月9日\n"
    "No.,国名・地域名,企業名・組織名,別名,懸念区分\n"
    "1,Iran,Sharif University of Technology,\"Sharif Univ., SUT\",核\n"
    "2,China,Beijing Institute of Aerospace Testing Technology,BIATT,ミサイル\n";
  g_autofree char *path = mamori_test_workspace_path ("screening.mamori");
  g_autofree char *csv_path = mamori_test_workspace_path ("end-users.csv");
  g_autofree char *cp932 = g_convert (list_utf8, -1, "CP932", "UTF-8", NULL, NULL, NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *description = NULL;
  g_autofree char *shown = NULL;
  MamoriWindow *window = open_window (path, 1200);
  MamoriLookupPage *page = get_page (window);
  AdwBin *content = child (page, LOOKUP_PAGE, "content_bin");
  GtkWidget *check;
  GtkWidget *dialog;
  GtkWidget *button;
  GtkWidget *entry_row;

  g_assert_true (g_file_set_contents (csv_path, cp932, -1, NULL));
  adw_view_stack_set_visible_child_name (child (window, WINDOW, "view_stack"), "lookup");
  mamori_test_iterate_for (50);
  g_signal_emit_by_name (nth_row (child (page, LOOKUP_PAGE, "checks_list"), 3), "activated");
  mamori_test_iterate_for (50);
  check = adw_bin_get_child (content);

  /* Without a list, screening says to import one first. */
  entry_row = find_type (check, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "Sharif University of Technology");
  button = find_button (check, mamori_test_expect ("_Screen", "照合する(_S)"));
  g_signal_emit_by_name (button, "clicked");
  mamori_test_iterate_for (50);
  shown = dup_shown_text (check);
  g_assert_nonnull (strstr (shown, mamori_test_expect ("Import the End User List first", "外国ユーザーリストを取り込んで")));
  g_clear_pointer (&shown, g_free);

  mamori_lookup_check_import_file (check, csv);
  mamori_test_iterate_until (import_window_shown, NULL);
  dialog = mamori_test_find_window (ADW_TYPE_WINDOW);
  shown = dup_shown_text (dialog);
  g_assert_nonnull (strstr (shown, mamori_test_expect ("2 entries ready to import.", "2件を取り込めます。")));
  g_clear_pointer (&shown, g_free);
  g_signal_emit_by_name (find_button (dialog, mamori_test_expect ("_Import", "取り込む(_I)")), "clicked");
  mamori_test_iterate_for (100);

  entries = mamori_store_dup_end_users (mamori_window_get_store (window), &description, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_nonnull (strstr (description, "end-users.csv"));

  /* Written another way: still found, with the reason. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "SHARIF UNIV. OF TECHNOLOGY CO., LTD");
  g_signal_emit_by_name (button, "clicked");
  mamori_test_iterate_for (50);
  shown = dup_shown_text (check);
  g_assert_nonnull (strstr (shown, "Sharif University of Technology"));
  g_assert_nonnull (strstr (shown, "Iran"));
  g_clear_pointer (&shown, g_free);

  g_signal_emit_by_name (find_button (check, mamori_test_expect ("Save as _Record", "記録として保存(_R)")), "clicked");
  mamori_test_iterate_for (50);

  /* An unrelated company is not on the list. */
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "Toyota Motor Corporation");
  g_signal_emit_by_name (button, "clicked");
  mamori_test_iterate_for (50);
  shown = dup_shown_text (check);
  g_assert_nonnull (strstr (shown, mamori_test_expect ("is not on the End User List", "外国ユーザーリストに載っていません")));

  records = mamori_store_dup_screenings (mamori_window_get_store (window), NULL);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((MamoriScreening *) g_ptr_array_index (records, 0))->outcome, ==, "match");
  g_assert_cmpstr (((MamoriScreening *) g_ptr_array_index (records, 0))->end_user_list, ==, description);

  mamori_test_close_all_windows ();
}

static gboolean
message_shown (gconstpointer data)
{
  return mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
no_message (gconstpointer data)
{
  return mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* A newer catalog file: what it changes is shown first, and applying it
 * puts its version in view and its entries in the search. A bad file says
 * why and keeps the catalog in use. */
static void
test_update_catalog (void)
{
  g_autofree char *path = mamori_test_workspace_path ("update.mamori");
  g_autofree char *bad_path = mamori_test_workspace_path ("bad.ini");
  g_autofree char *new_path = mamori_test_workspace_path ("newer.ini");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) newer = g_file_new_for_path (new_path);
  g_autoptr(GBytes) bundled = g_resources_lookup_data (RESOURCE_BASE "/catalog/reference.ini", 0, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));
  MamoriWindow *window = open_window (path, 1200);
  MamoriLookupPage *page = get_page (window);
  GtkLabel *catalog_label = child (page, LOOKUP_PAGE, "catalog_label");
  AdwMessageDialog *dialog;

  adw_view_stack_set_visible_child_name (child (window, WINDOW, "view_stack"), "lookup");
  mamori_test_iterate_for (50);

  g_assert_true (g_file_set_contents (bad_path, "[catalog]\nformat=1\nversion=2099.1\n", -1, NULL));
  mamori_lookup_page_review_catalog_file (page, bad);
  mamori_test_iterate_until (message_shown, NULL);
  dialog = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   mamori_test_expect ("This Catalog Cannot Be Used", "このカタログは使えません"));
  /* As its button does: answer, then close. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  mamori_test_iterate_until (no_message, NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (catalog_label), "2026.11.1"));

  g_assert_cmpint (g_string_replace (text, "version=2026.11.1", "version=2099.1", 1), ==, 1);
  g_assert_cmpint (g_string_replace (text, "name-en=Germany\n", "name-en=Germany Renamed For Test\n", 1), ==, 1);
  g_assert_true (g_file_set_contents (new_path, text->str, text->len, NULL));
  /* With results and an entry shown, which point into the catalog in use. */
  gtk_editable_set_text (child (page, LOOKUP_PAGE, "search_entry"), "ドイツ");
  mamori_test_iterate_for (50);
  g_signal_emit_by_name (child (page, LOOKUP_PAGE, "search_entry"), "activate");
  mamori_test_iterate_for (50);
  mamori_lookup_page_review_catalog_file (page, newer);
  mamori_test_iterate_until (message_shown, NULL);
  dialog = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   mamori_test_expect ("Update the Catalog?", "カタログを更新しますか？"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2099.1"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), mamori_test_expect ("0 added, 1 changed, 0 removed",
                                                                                      "追加0件、変更1件、削除0件")));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  mamori_test_iterate_for (100);
  g_assert_nonnull (strstr (gtk_label_get_text (catalog_label), "2099.1"));

  gtk_editable_set_text (child (page, LOOKUP_PAGE, "search_entry"), "Renamed For Test");
  mamori_test_iterate_for (50);
  g_assert_cmpuint (count_rows (child (page, LOOKUP_PAGE, "results_list")), ==, 1);

  /* An update is not a dead end: back to the catalog that came with it. */
  g_assert_true (gtk_widget_get_visible (child (page, LOOKUP_PAGE, "bundled_button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "lookup.use-bundled", NULL);
  mamori_test_iterate_until (message_shown, NULL);
  dialog = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "bundled");
  gtk_window_destroy (GTK_WINDOW (dialog));
  mamori_test_iterate_for (100);
  g_assert_nonnull (strstr (gtk_label_get_text (catalog_label), "2026.11.1"));
  g_assert_false (gtk_widget_get_visible (child (page, LOOKUP_PAGE, "bundled_button")));
  g_assert_cmpuint (count_rows (child (page, LOOKUP_PAGE, "results_list")), ==, 0);

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
  g_test_add_func ("/lookup-page/counterparty-screening", test_counterparty_screening);
  g_test_add_func ("/lookup-page/update-catalog", test_update_catalog);

  return g_test_run ();
}
