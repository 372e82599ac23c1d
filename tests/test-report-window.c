/* test-report-window.c — composing, previewing and saving a PDF as a user does (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c). The strings the window
 * writes itself are compared with their translation as the test runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "mamori-application.h"
#include "mamori-window.h"
#include "pages/contracts/mamori-contract-editor.h"
#include "pages/checklists/mamori-incidents-view.h"
#include "pages/report/mamori-report-window.h"
#include "store/mamori-store.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

#define child(widget, name) mamori_test_template_child ((widget), MAMORI_TYPE_REPORT_WINDOW, (name))

static MamoriStore *
open_store (const char *name)
{
  g_autofree char *path = mamori_test_workspace_path (name);
  g_autoptr(GError) error = NULL;
  MamoriStore *store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static MamoriReportWindow *
open_window (MamoriStore      *store,
             MamoriReportKind  kind,
             gint64            item_id,
             int               width)
{
  GtkWidget *window = mamori_report_window_new (NULL, store, kind, item_id);

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_present (GTK_WINDOW (window));
  mamori_test_resize (GTK_WINDOW (window), width, 760);
  return MAMORI_REPORT_WINDOW (window);
}

static guint
count_thumbnails (MamoriReportWindow *window)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (child (window, "thumbnail_list"));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;
  return n;
}

/* The preview is shown and is the document the options describe: Save
 * can be chosen. */
static gboolean
is_previewed (gconstpointer data)
{
  MamoriReportWindow *window = (gpointer) data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (child (window, "content_stack")), "preview") == 0 &&
         gtk_widget_get_sensitive (child (window, "save_button"));
}

static gboolean
shows_error (gconstpointer data)
{
  MamoriReportWindow *window = (gpointer) data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (child (window, "content_stack")), "error") == 0;
}

static gboolean
thumbnails_drawn (gconstpointer data)
{
  MamoriReportWindow *window = (gpointer) data;

  for (GtkWidget *row = gtk_widget_get_first_child (child (window, "thumbnail_list"));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (gtk_picture_get_paintable (GTK_PICTURE (gtk_widget_get_first_child (box))) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Waits for the next preview: first for the options to be taken in (Save
 * goes insensitive), then for the new document. */
static void
wait_for_new_preview (MamoriReportWindow *window)
{
  g_assert_false (gtk_widget_get_sensitive (child (window, "save_button")));
  mamori_test_iterate_until (is_previewed, window);
}

static char *
dup_page_label (int page,
                int n_pages)
{
  return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Page %d of %d"), page, n_pages);
}

/* A key as the window binds it (@key: "Page_Down"), without a keyboard. */
static void
press (MamoriReportWindow *window,
       const char         *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !pressed; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) keys = g_strsplit (trigger, "|", -1);

          if (g_strv_contains ((const char * const *) keys, key))
            pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (window),
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_true (pressed);
}

/* Every switch under @widget, in order. */
static void
collect_switches (GtkWidget *widget,
                  GPtrArray *switches)
{
  if (GTK_IS_SWITCH (widget))
    g_ptr_array_add (switches, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_switches (c, switches);
}

/* The mnemonic letters of the composer's rows and the window's buttons, in
 * @letters: each once. */
static void
collect_mnemonics (GtkWidget *widget,
                   GString   *letters)
{
  const char *text = NULL;

  if (ADW_IS_PREFERENCES_ROW (widget) && adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (widget)))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  for (const char *p = text != NULL ? strchr (text, '_') : NULL; p != NULL; p = strchr (p + 2, '_'))
    if (g_ascii_isalpha (p[1]))
      {
        char letter = g_ascii_tolower (p[1]);

        if (strchr (letters->str, letter) != NULL)
          g_error ("Mnemonic “%c” of “%s” is used twice", letter, text);
        g_string_append_c (letters, letter);
        break;
      }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_mnemonics (c, letters);
}

/* A fresh workspace makes a pack of several pages, all previewed. */
static void
test_board_pack (void)
{
  g_autoptr(MamoriStore) store = open_store ("pack.mamori");
  g_autofree char *first_label = NULL;
  g_autofree char *second_label = NULL;
  MamoriReportWindow *window;
  GtkWidget *row;
  guint n_pages;

  window = open_window (store, MAMORI_REPORT_BOARD_PACK, 0, 1100);
  mamori_test_iterate_until (is_previewed, window);
  /* Every option reachable by its own Alt+letter. */
  {
    g_autoptr(GString) letters = g_string_new (NULL);

    collect_mnemonics (GTK_WIDGET (window), letters);
    g_assert_cmpuint (letters->len, >=, 20);
  }
  /* And every switch and button named for a screen reader. */
  mamori_test_assert_named (window);

  n_pages = count_thumbnails (window);
  g_assert_cmpuint (n_pages, >, 1);
  first_label = dup_page_label (1, n_pages);
  g_assert_cmpstr (gtk_label_get_text (child (window, "page_label")), ==, first_label);
  g_assert_nonnull (gtk_picture_get_paintable (child (window, "page_picture")));
  /* The thumbnails are drawn a few at a time, without holding the window. */
  mamori_test_iterate_until (thumbnails_drawn, window);
  /* Wide, the options and the thumbnails are beside the page. */
  g_assert_false (adw_flap_get_folded (child (window, "flap")));
  g_assert_true (gtk_widget_get_visible (child (window, "thumbnail_scroller")));

  /* Page Down turns the page; a thumbnail shows its page. */
  press (window, "Page_Down");
  second_label = dup_page_label (2, n_pages);
  g_assert_cmpstr (gtk_label_get_text (child (window, "page_label")), ==, second_label);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (child (window, "thumbnail_list"), n_pages - 1));
  g_signal_emit_by_name (child (window, "thumbnail_list"), "row-activated", row);
  gtk_list_box_select_row (child (window, "thumbnail_list"), GTK_LIST_BOX_ROW (row));
  {
    g_autofree char *last_label = dup_page_label (n_pages, n_pages);

    g_assert_cmpstr (gtk_label_get_text (child (window, "page_label")), ==, last_label);
  }

  /* Zooming in makes the page larger; fitting brings it back. */
  {
    int fitted = gtk_widget_get_width (child (window, "page_picture"));

    gtk_widget_activate_action (GTK_WIDGET (window), "report.zoom-in", NULL);
    mamori_test_iterate_for (100);
    g_assert_cmpint (gtk_widget_get_width (child (window, "page_picture")), >, fitted);
    gtk_widget_activate_action (GTK_WIDGET (window), "report.zoom-fit", NULL);
    mamori_test_iterate_for (100);
    g_assert_cmpint (ABS (gtk_widget_get_width (child (window, "page_picture")) - fitted), <=, 2);
  }

  /* Fewer sections, fewer pages: only the cover and the summary. */
  {
    g_autoptr(GPtrArray) switches = g_ptr_array_new ();

    collect_switches (child (window, "sections_group"), switches);
    g_assert_cmpuint (switches->len, ==, MAMORI_N_PACK_SECTIONS);
    for (guint i = 0; i < switches->len; i++)
      g_assert_true (gtk_switch_get_active (g_ptr_array_index (switches, i)));
    for (guint i = 2; i < switches->len; i++)
      gtk_switch_set_active (g_ptr_array_index (switches, i), FALSE);
  }
  wait_for_new_preview (window);
  g_assert_cmpuint (count_thumbnails (window), <, n_pages);
  g_assert_cmpuint (count_thumbnails (window), >=, 1);
  {
    g_autofree char *label = dup_page_label (count_thumbnails (window), count_thumbnails (window));

    /* The last page shown before is past the end: the last one now. */
    g_assert_cmpstr (gtk_label_get_text (child (window, "page_label")), ==, label);
  }

  mamori_test_close_all_windows ();
}

/* The mark follows the language until the user writes their own. */
static void
test_mark_follows_language (void)
{
  g_autoptr(MamoriStore) store = open_store ("mark.mamori");
  g_autoptr(MamoriReportOptions) ja_options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, "ja");
  g_autoptr(MamoriReportOptions) en_options = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, "en");
  g_autofree char *japanese = mamori_report_dup_default_mark (store, ja_options);
  g_autofree char *english = mamori_report_dup_default_mark (store, en_options);
  MamoriReportWindow *window;
  AdwComboRow *language;
  GtkEditable *mark;

  window = open_window (store, MAMORI_REPORT_BOARD_PACK, 0, 1100);
  language = child (window, "language_row");
  mark = child (window, "mark_row");
  mamori_test_iterate_until (is_previewed, window);

  /* The interface's language first. */
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, mamori_test_is_japanese () ? 0 : 1);
  g_assert_cmpstr (gtk_editable_get_text (mark), ==, mamori_test_is_japanese () ? japanese : english);
  g_assert_cmpstr (japanese, !=, english);

  adw_combo_row_set_selected (language, mamori_test_is_japanese () ? 1 : 0);
  g_assert_cmpstr (gtk_editable_get_text (mark), ==, mamori_test_is_japanese () ? english : japanese);
  wait_for_new_preview (window);

  /* A mark of the user's own stays. */
  gtk_editable_set_text (mark, "取締役会限り");
  adw_combo_row_set_selected (language, mamori_test_is_japanese () ? 0 : 1);
  g_assert_cmpstr (gtk_editable_get_text (mark), ==, "取締役会限り");
  wait_for_new_preview (window);
  /* It names no class, so nothing says it is high enough: the window says so. */
  {
    const char *warning = adw_preferences_group_get_description (child (window, "document_group"));

    g_assert_true (warning != NULL && warning[0] != '\0');
  }

  /* Written back as the default, it follows the language again, and the warning goes. */
  gtk_editable_set_text (mark, mamori_test_is_japanese () ? japanese : english);
  {
    const char *warning = adw_preferences_group_get_description (child (window, "document_group"));

    g_assert_true (warning == NULL || warning[0] == '\0');
  }
  adw_combo_row_set_selected (language, mamori_test_is_japanese () ? 1 : 0);
  g_assert_cmpstr (gtk_editable_get_text (mark), ==, mamori_test_is_japanese () ? english : japanese);

  mamori_test_close_all_windows ();
}

/* Save writes the PDF previewed, private to the user. */
static void
test_save (void)
{
  g_autoptr(MamoriStore) store = open_store ("save.mamori");
  g_autofree char *folder = g_path_get_dirname (mamori_store_get_path (store));
  g_autofree char *path = g_build_filename (folder, "pack.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  MamoriReportWindow *window;
  gsize length;

  window = open_window (store, MAMORI_REPORT_BOARD_PACK, 0, 1100);
  mamori_test_iterate_until (is_previewed, window);

  g_assert_true (mamori_report_window_save_to (window, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (mamori_test_file_mode (path) & 0777, ==, 0600);

  /* Not while the options just changed and the preview is out of date. */
  gtk_editable_set_text (child (window, "mark_row"), "極秘");
  g_assert_false (gtk_widget_get_sensitive (child (window, "save_button")));
  g_assert_false (gtk_widget_get_sensitive (child (window, "print_button")));
  g_assert_false (mamori_report_window_save_to (window, path, &error));
  g_assert_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_FAILED);
  g_clear_error (&error);
  mamori_test_iterate_until (is_previewed, window);
  g_assert_true (mamori_report_window_save_to (window, path, &error));
  g_assert_no_error (error);
  /* Saved without a meeting named: no snapshot. */
  {
    g_autoptr(GPtrArray) snapshots = mamori_store_dup_snapshots (store, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (snapshots->len, ==, 0);
  }

  /* For a meeting, in two numbered copies: the cover says so, every page
   * says which copy, and saving records the meeting's snapshot. */
  gtk_editable_set_text (child (window, "meeting_row"), "第12回 取締役会");
  gtk_editable_set_text (child (window, "meeting_date_row"), "2026-13-40");
  g_assert_true (gtk_widget_has_css_class (child (window, "meeting_date_row"), "error"));
  gtk_editable_set_text (child (window, "meeting_date_row"), "2026-12-15");
  g_assert_false (gtk_widget_has_css_class (child (window, "meeting_date_row"), "error"));
  gtk_spin_button_set_value (child (window, "copies_spin"), 2);
  gtk_switch_set_active (child (window, "collect_switch"), TRUE);
  wait_for_new_preview (window);
  g_assert_true (mamori_report_window_save_to (window, path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) snapshots = mamori_store_dup_snapshots (store, 0, &error);
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
    int n_pages;

    g_assert_no_error (error);
    g_assert_cmpuint (snapshots->len, ==, 1);
    g_assert_cmpstr (((MamoriSnapshot *) g_ptr_array_index (snapshots, 0))->label, ==, "第12回 取締役会 2026-12-15");
    n_pages = poppler_document_get_n_pages (document);
    g_assert_cmpint (n_pages % 2, ==, 0);
    for (int i = 0; i < n_pages; i++)
      {
        PopplerPage *page = poppler_document_get_page (document, i);
        g_autofree char *text = poppler_page_get_text (page);
        g_autofree char *copy = g_strdup_printf (mamori_test_is_japanese () ? "配付番号 %d / 2" : "Copy %d of 2",
                                                 i < n_pages / 2 ? 1 : 2);

        g_assert_nonnull (strstr (text, copy));
        if (i == 0)
          g_assert_nonnull (strstr (text, "第12回 取締役会"));
        g_object_unref (page);
      }
    g_object_unref (document);
  }

  mamori_test_close_all_windows ();
}

static gint64
add_contract (MamoriStore *store,
              const char  *title)
{
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mamori_contract_set_title (contract, title);
  mamori_contract_set_counterparty (contract, "みなと工業");
  mamori_contract_set_contract_type (contract, MAMORI_CONTRACT_TYPE_NDA);
  id = mamori_store_add_contract (store, contract, &error);
  g_assert_no_error (error);
  return id;
}

/* A contract's memo says whose it is, and has no sections to choose;
 * the editor opens it with what was just typed. */
static void
test_contract_memo (void)
{
  g_autoptr(MamoriStore) store = open_store ("memo.mamori");
  g_autoptr(MamoriContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_contract (store, "秘密保持契約（みなと工業）");
  MamoriReportWindow *window;
  GtkWidget *holder, *editor;

  window = open_window (store, MAMORI_REPORT_CONTRACT_MEMO, id, 1100);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "秘密保持契約（みなと工業）"));
  g_assert_false (gtk_widget_get_visible (child (window, "meeting_group")));
  g_assert_false (gtk_widget_get_visible (child (window, "sections_group")));
  mamori_test_iterate_until (is_previewed, window);
  g_assert_cmpuint (count_thumbnails (window), >=, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  /* From the editor, after a new title is typed. */
  holder = adw_window_new ();
  editor = mamori_contract_editor_new (store);
  gtk_window_set_application (GTK_WINDOW (holder), GTK_APPLICATION (app));
  adw_window_set_content (ADW_WINDOW (holder), editor);
  gtk_window_present (GTK_WINDOW (holder));
  contract = mamori_store_dup_contract (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_contract_editor_set_contract (MAMORI_CONTRACT_EDITOR (editor), contract, &error));
  g_assert_no_error (error);
  mamori_test_iterate_for (50);
  gtk_editable_set_text (GTK_EDITABLE (mamori_test_template_child (editor, MAMORI_TYPE_CONTRACT_EDITOR, "title_row")),
                         "改訂版 秘密保持契約");
  gtk_widget_activate_action (editor, "contract.memo", NULL);
  window = mamori_test_find_window (MAMORI_TYPE_REPORT_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (holder));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "改訂版 秘密保持契約"));
  mamori_test_iterate_until (is_previewed, window);

  /* Renamed, the window follows. */
  {
    g_autoptr(MamoriContract) renamed = mamori_store_dup_contract (store, id, &error);

    g_assert_no_error (error);
    mamori_contract_set_title (renamed, "秘密保持契約 第2版");
    g_assert_true (mamori_store_save_contract (store, renamed, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "秘密保持契約 第2版"));
    mamori_test_iterate_until (is_previewed, window);
  }

  /* Asked again, the same window comes forward. */
  gtk_widget_activate_action (editor, "contract.memo", NULL);
  g_assert_true (mamori_test_find_window (MAMORI_TYPE_REPORT_WINDOW) == window);

  /* The contract deleted, the window says there is no memo to write, and
   * nothing can be saved. */
  g_assert_true (mamori_store_delete_contract (store, id, &error));
  g_assert_no_error (error);
  mamori_test_iterate_until (shows_error, window);
  g_assert_false (gtk_widget_get_sensitive (child (window, "save_button")));
  g_assert_false (gtk_widget_get_sensitive (child (window, "print_button")));
  g_assert_nonnull (adw_status_page_get_description (child (window, "error_page")));

  mamori_test_close_all_windows ();
}

/* The selected incident's report, from the incidents view. */
static void
test_incident_report (void)
{
  g_autoptr(MamoriStore) store = open_store ("incident.mamori");
  g_autoptr(MamoriIncident) incident = mamori_incident_new ();
  g_autoptr(GError) error = NULL;
  MamoriReportWindow *window;
  GtkWidget *holder, *view;

  g_free (incident->title);
  incident->title = g_strdup ("ノートPCの紛失");
  incident->kind = MAMORI_INCIDENT_LOST_DEVICE;
  incident->id = mamori_store_add_incident (store, incident, &error);
  g_assert_no_error (error);

  holder = adw_window_new ();
  view = mamori_incidents_view_new (store);
  gtk_window_set_application (GTK_WINDOW (holder), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (holder), 1100, 760);
  adw_window_set_content (ADW_WINDOW (holder), view);
  gtk_window_present (GTK_WINDOW (holder));
  mamori_incidents_view_show_incident (MAMORI_INCIDENTS_VIEW (view), incident->id);
  mamori_test_iterate_for (100);

  gtk_widget_activate_action (view, "incidents.report", NULL);
  window = mamori_test_find_window (MAMORI_TYPE_REPORT_WINDOW);
  g_assert_nonnull (window);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "ノートPCの紛失"));
  g_assert_false (gtk_widget_get_visible (child (window, "sections_group")));
  mamori_test_iterate_until (is_previewed, window);

  mamori_test_close_all_windows ();
}

/* Narrow, the options fold away behind a button and the page has the
 * width. */
static void
test_narrow (void)
{
  g_autoptr(MamoriStore) store = open_store ("narrow.mamori");
  MamoriReportWindow *window;
  AdwFlap *flap;

  window = open_window (store, MAMORI_REPORT_BOARD_PACK, 0, 400);
  flap = child (window, "flap");
  mamori_test_iterate_until (is_previewed, window);
  mamori_test_iterate_for (200);

  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (gtk_widget_get_visible (child (window, "thumbnail_scroller")));
  g_assert_cmpint (gtk_widget_get_width (child (window, "page_picture")), >, 250);
  g_assert_cmpint (gtk_widget_get_width (child (window, "page_picture")), <=, 400);

  /* The button lays the options over the page; Escape puts them away
   * before it closes anything. */
  gtk_toggle_button_set_active (child (window, "flap_button"), TRUE);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  press (window, "Escape");
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (gtk_toggle_button_get_active (child (window, "flap_button")));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  press (window, "Escape");
  mamori_test_iterate_for (100);
  g_assert_null (window);

  mamori_test_close_all_windows ();
}

/* The main window's menu opens the pack for its workspace, once, and
 * closes it with the workspace. */
static void
test_from_main_window (void)
{
  g_autofree char *path = mamori_test_workspace_path ("main.mamori");
  MamoriWindow *main_window = mamori_window_new (app);
  MamoriReportWindow *window;

  gtk_window_present (GTK_WINDOW (main_window));
  mamori_test_iterate_for (50);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (main_window), "briefing-pack"));

  g_assert_true (mamori_window_open_workspace (main_window, path, MAMORI_STORE_OPEN_CREATE));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (main_window), "briefing-pack"));
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.briefing-pack", NULL);
  window = mamori_test_find_window (MAMORI_TYPE_REPORT_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (main_window));
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (window)));
  mamori_test_iterate_until (is_previewed, window);

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.briefing-pack", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint n = 0;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        n += MAMORI_IS_REPORT_WINDOW (toplevel);
      }
    g_assert_cmpuint (n, ==, 1);
  }

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  mamori_window_set_store (main_window, NULL);
  mamori_test_iterate_for (50);
  g_assert_null (window);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (main_window), "briefing-pack"));

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

  g_test_add_func ("/report-window/board-pack", test_board_pack);
  g_test_add_func ("/report-window/mark-follows-language", test_mark_follows_language);
  g_test_add_func ("/report-window/save", test_save);
  g_test_add_func ("/report-window/contract-memo", test_contract_memo);
  g_test_add_func ("/report-window/incident-report", test_incident_report);
  g_test_add_func ("/report-window/narrow", test_narrow);
  g_test_add_func ("/report-window/from-main-window", test_from_main_window);

  return g_test_run ();
}
