/* test-window.c — the main window as a user meets it (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mamori-application.h"
#include "mamori-window.h"
#include "pages/assets/mamori-assets-page.h"
#include "pages/checklists/mamori-checklists-page.h"
#include "pages/contracts/mamori-contracts-page.h"
#include "pages/lookup/mamori-lookup-page.h"
#include "pages/overview/mamori-overview-page.h"
#include "store/mamori-backups.h"
#include "store/mamori-files.h"
#include "widgets/mamori-profile-window.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

static gboolean
has_backup (gconstpointer workspace_path)
{
  g_autoptr(MamoriBackup) backup = mamori_backups_dup_newest (workspace_path);

  return backup != NULL;
}

static const char *workspace_title (MamoriWindow *window);

static gboolean
has_expected_title (gconstpointer window)
{
  return g_strcmp0 (workspace_title ((MamoriWindow *) window),
                    g_object_get_data (G_OBJECT (window), "expected-title")) == 0;
}

/* Layout follows the window size a frame or two later; wait for it. */
static gboolean
is_wide_layout (gconstpointer window)
{
  return gtk_widget_get_width (GTK_WIDGET (window)) >= 1100 &&
         gtk_widget_get_visible (mamori_test_template_child ((gpointer) window, MAMORI_TYPE_WINDOW, "workspace_button"));
}

static gboolean
is_narrow_layout (gconstpointer window)
{
  return gtk_widget_get_width (GTK_WIDGET (window)) <= 420 &&
         adw_view_switcher_bar_get_reveal (mamori_test_template_child ((gpointer) window, MAMORI_TYPE_WINDOW, "switcher_bar")) &&
         !gtk_widget_get_visible (mamori_test_template_child ((gpointer) window, MAMORI_TYPE_WINDOW, "workspace_button"));
}

static void
reset_settings (void)
{
  GSettings *settings = mamori_application_get_settings (app);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static MamoriWindow *
new_window (void)
{
  MamoriWindow *window = mamori_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  mamori_test_iterate_for (50);
  return window;
}

static const char *
workspace_title (MamoriWindow *window)
{
  return adw_window_title_get_title (mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "workspace_title"));
}

/* Whether the keyboard focus is in the template child @name of the page
 * of @tab. */
static gboolean
focus_in (MamoriWindow *window,
          const char   *tab,
          GType         page_type,
          const char   *name)
{
  GtkWidget *target = mamori_test_template_child (mamori_test_window_page (window, tab), page_type, name);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target));
}

static void
test_tabs (void)
{
  static const char *names[] = { "overview", "assets", "contracts", "lookup", "checklists" };
  const char *titles[] = {
    mamori_test_expect ("Overview", "概要"),
    mamori_test_expect ("Assets", "資産"),
    mamori_test_expect ("Contracts", "契約"),
    mamori_test_expect ("Lookup", "調べる"),
    mamori_test_expect ("Checklists", "チェックリスト"),
  };
  g_autofree char *path = mamori_test_workspace_path ("tabs.mamori");
  MamoriWindow *window;
  AdwViewStack *stack;
  GtkStack *main_stack;
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkIconTheme *icon_theme;

  reset_settings ();
  window = new_window ();
  g_assert_true (mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_CREATE));
  mamori_test_iterate_for (50);

  main_stack = mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "workspace");

  /* Five tabs, in the design's order, named in the user's language, each
   * with an icon that the theme can find. */
  stack = mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "view_stack");
  pages = adw_view_stack_get_pages (stack);
  icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, names[i]);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
      g_assert_true (gtk_icon_theme_has_icon (icon_theme, adw_view_stack_page_get_icon_name (page)));
      /* Only the tab shown has its page at first (the others are made
       * when first shown: less to wait for, less memory); each is the
       * tab's. */
      if (i == 0)
        g_assert_true (MAMORI_IS_OVERVIEW_PAGE (adw_bin_get_child (ADW_BIN (adw_view_stack_page_get_child (page)))));
      else
        g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_page_get_child (page))));
    }
  /* A workspace opens on where the company stands. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");
  g_assert_true (MAMORI_IS_ASSETS_PAGE (mamori_window_get_page (window, "assets")));
  g_assert_true (MAMORI_IS_CONTRACTS_PAGE (mamori_window_get_page (window, "contracts")));
  g_assert_true (MAMORI_IS_LOOKUP_PAGE (mamori_window_get_page (window, "lookup")));
  g_assert_true (MAMORI_IS_CHECKLISTS_PAGE (mamori_window_get_page (window, "checklists")));
  /* Every control has a name a screen reader can say. */
  mamori_test_iterate_for (100);
  mamori_test_assert_named (window);

  /* Switching as the view switcher does, and with the Alt+N shortcuts. */
  gtk_selection_model_select_item (pages, 2, TRUE);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "contracts");
  /* Alt+N puts the keyboard where a record is picked, never on the tab's
   * button or an unnamed scroll area: the search of Lookup and Contracts,
   * the list of checklists, the register. */
  gtk_widget_activate_action (GTK_WIDGET (window), "tab.show", "u", 5);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "checklists");
  g_assert_true (focus_in (window, "checklists", MAMORI_TYPE_CHECKLISTS_PAGE, "sidebar"));
  gtk_widget_activate_action (GTK_WIDGET (window), "tab.show", "u", 4);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "lookup");
  g_assert_true (focus_in (window, "lookup", MAMORI_TYPE_LOOKUP_PAGE, "search_entry"));
  gtk_widget_activate_action (GTK_WIDGET (window), "tab.show", "u", 3);
  g_assert_true (focus_in (window, "contracts", MAMORI_TYPE_CONTRACTS_PAGE, "search_entry"));
  gtk_widget_activate_action (GTK_WIDGET (window), "tab.show", "u", 2);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "assets");
  g_assert_true (focus_in (window, "assets", MAMORI_TYPE_ASSETS_PAGE, "column_view"));

  /* The title names the organization (none yet) and the file. */
  g_assert_cmpstr (workspace_title (window), ==, mamori_test_expect ("Unnamed Organization", "組織名未設定"));
  /* Unnamed, the header button looks like one: it leads to the profile. */
  g_assert_false (gtk_widget_has_css_class (mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "workspace_button"), "flat"));
  g_assert_cmpstr (gtk_actionable_get_action_name (mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "workspace_button")),
                   ==, "workspace.profile");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "tabs.mamori"));

  /* Wide: the switcher in the header, the organization at its start. */
  mamori_test_resize (GTK_WINDOW (window), 1200, 700);
  mamori_test_iterate_until (is_wide_layout, window);
  g_assert_false (adw_view_switcher_bar_get_reveal (mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "switcher_bar")));

  /* Narrow, as on a small laptop screen: the switcher moves to the bottom
   * and the title shows the organization and the file. */
  mamori_test_resize (GTK_WINDOW (window), 400, 700);
  mamori_test_iterate_until (is_narrow_layout, window);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 420);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "switcher_title")),
                   ==, "tabs.mamori");

  mamori_test_close_all_windows ();
}

static void
test_profile_survives_restart (void)
{
  g_autofree char *path = mamori_test_workspace_path ("profile.mamori");
  MamoriWindow *window;
  GtkWindow *profile_window;
  MamoriStore *store;

  reset_settings ();
  window = new_window ();
  g_assert_true (mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_CREATE));

  profile_window = mamori_window_show_profile (window);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (gtk_window_get_title (profile_window), ==, mamori_test_expect ("Organization Profile", "組織情報"));

  /* Typed, as a user types: no Save button. */
  gtk_editable_set_text (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "name_ja_row"), "株式会社守り製作所");
  gtk_editable_set_text (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "name_en_row"), "Mamori Works");
  gtk_editable_set_text (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "employees_spin"), "57");
  gtk_switch_set_active (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "exports_switch"), TRUE);
  gtk_editable_set_text (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "consultant_row"), "中小企業診断士 佐藤");

  /* Saved a moment after typing stops; the main window's title follows. */
  g_object_set_data (G_OBJECT (window), "expected-title", (gpointer) mamori_test_expect ("Mamori Works", "株式会社守り製作所"));
  mamori_test_iterate_until (has_expected_title, window);

  /* Quit: every window closes and the workspace is closed for good. */
  store = mamori_window_get_store (window);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  mamori_test_close_all_windows ();
  g_assert_null (store);

  /* Start again: the same workspace comes back with everything typed. */
  window = new_window ();
  mamori_window_open_startup_workspace (window);
  g_assert_cmpstr (mamori_store_get_path (mamori_window_get_store (window)), ==, path);
  g_assert_cmpstr (workspace_title (window), ==, mamori_test_expect ("Mamori Works", "株式会社守り製作所"));

  profile_window = mamori_window_show_profile (window);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (gtk_editable_get_text (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "name_ja_row")),
                   ==, "株式会社守り製作所");
  /* The name has the focus but is not selected: typing adds, it does not
   * replace the saved name. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (profile_window),
                                         mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "name_ja_row")));
  g_assert_false (gtk_editable_get_selection_bounds (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "name_ja_row"),
                                                     NULL, NULL));
  g_assert_cmpfloat (gtk_spin_button_get_value (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "employees_spin")),
                     ==, 57);
  g_assert_true (gtk_switch_get_active (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "exports_switch")));
  g_assert_false (gtk_switch_get_active (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "investors_switch")));
  g_assert_cmpstr (gtk_editable_get_text (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "consultant_row")),
                   ==, "中小企業診断士 佐藤");

  mamori_test_close_all_windows ();
}

static void
test_first_start (void)
{
  g_autofree char *default_path = mamori_files_dup_default_workspace_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  g_autofree char *default_uri = g_filename_to_uri (default_path, NULL, NULL);
  g_autofree char *last = NULL;
  MamoriWindow *window;

  reset_settings ();
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));

  /* Nothing to configure: a private default workspace, ready to use. */
  window = new_window ();
  mamori_window_open_startup_workspace (window);
  g_assert_nonnull (mamori_window_get_store (window));
  g_assert_cmpstr (mamori_store_get_path (mamori_window_get_store (window)), ==, default_path);
  g_assert_cmpuint (mamori_test_file_mode (default_path), ==, 0600);
  g_assert_cmpuint (mamori_test_file_mode (default_dir), ==, 0700);
  last = g_settings_get_string (mamori_application_get_settings (app), "last-workspace");
  g_assert_cmpstr (last, ==, default_uri);

  /* Today's backup is taken in the background. */
  mamori_test_iterate_until (has_backup, default_path);

  mamori_test_close_all_windows ();
}

static void
test_missing_workspace (void)
{
  g_autofree char *path = mamori_test_workspace_path ("gone.mamori");
  MamoriWindow *window;
  AdwMessageDialog *dialog;
  GtkStack *main_stack;

  reset_settings ();
  window = new_window ();
  g_assert_false (mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_DEFAULT));
  mamori_test_iterate_for (50);

  /* A clear message, and a window that offers a way on. */
  dialog = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   mamori_test_expect ("Workspace Not Found", "ワークスペースが見つかりません"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "gone.mamori"));
  main_stack = mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "no-workspace");
  g_assert_null (mamori_window_get_store (window));
  /* No tabs to switch to without a workspace. */
  g_assert_false (adw_view_switcher_bar_get_reveal (mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "switcher_bar")));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  mamori_test_close_all_windows ();
}

static void
test_damaged_restore (void)
{
  g_autofree char *path = mamori_test_workspace_path ("client.mamori");
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;
  MamoriWindow *window;
  AdwMessageDialog *dialog;
  const char *name;

  reset_settings ();
  store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  mamori_profile_set_name_ja (profile, "バックアップ商事");
  mamori_profile_set_name_en (profile, "Backup Trading");
  g_assert_true (mamori_store_save_profile (store, profile, &error));
  g_assert_true (mamori_backups_take_daily (path, now, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  mamori_test_overwrite (path, 0, 100, 0x00);

  window = new_window ();
  g_assert_false (mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_DEFAULT));
  mamori_test_iterate_for (50);
  dialog = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   mamori_test_expect ("Workspace Is Damaged", "ワークスペースが破損しています"));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));

  /* The user chooses Restore Backup. */
  adw_message_dialog_response (dialog, "restore");
  mamori_test_iterate_for (50);
  g_assert_nonnull (mamori_window_get_store (window));
  g_assert_cmpstr (workspace_title (window), ==, mamori_test_expect ("Backup Trading", "バックアップ商事"));

  /* The damaged file was kept, not deleted. */
  listing = g_dir_open (dir, 0, NULL);
  kept = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "client.mamori.damaged-"))
      g_ptr_array_add (kept, g_strdup (name));
  g_assert_cmpuint (kept->len, ==, 1);

  mamori_test_close_all_windows ();
}

/* Switching workspace while the profile window is open: what was typed
 * goes to the workspace it was typed for, and the window closes. */
static void
test_profile_follows_workspace (void)
{
  g_autofree char *first = mamori_test_workspace_path ("client-a.mamori");
  g_autofree char *second = mamori_test_workspace_path ("client-b.mamori");
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  MamoriWindow *window;
  GtkWindow *profile_window;

  reset_settings ();
  window = new_window ();
  g_assert_true (mamori_window_open_workspace (window, first, MAMORI_STORE_OPEN_CREATE));
  profile_window = mamori_window_show_profile (window);
  g_object_add_weak_pointer (G_OBJECT (profile_window), (gpointer *) &profile_window);
  /* Typed, and the other workspace opened before the pause that saves. */
  gtk_editable_set_text (mamori_test_template_child (profile_window, MAMORI_TYPE_PROFILE_WINDOW, "name_ja_row"), "A社");
  g_assert_true (mamori_window_open_workspace (window, second, MAMORI_STORE_OPEN_CREATE));
  g_assert_null (profile_window);
  mamori_test_close_all_windows ();

  store = mamori_store_open (first, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  profile = mamori_store_dup_profile (store, &error);
  g_assert_cmpstr (mamori_profile_get_name_ja (profile), ==, "A社");
  g_clear_object (&profile);
  g_clear_object (&store);

  store = mamori_store_open (second, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  profile = mamori_store_dup_profile (store, &error);
  g_assert_cmpstr (mamori_profile_get_name_ja (profile), ==, "");
}

/* Toasts take plain text: a company or file name with "&" or "<" in it is
 * shown as it is, not read as markup. */
static void
test_toast_plain_text (void)
{
  MamoriWindow *window;

  reset_settings ();
  window = new_window ();
  mamori_window_notify (window, "R&D <Tokai> 研究所", "“R&D <Tokai>.mamori” & more");
  mamori_test_iterate_for (50);
  mamori_test_close_all_windows ();
}

static void
test_window_size_remembered (void)
{
  GSettings *settings = mamori_application_get_settings (app);
  MamoriWindow *window;
  int width, height;

  reset_settings ();
  g_settings_set_int (settings, "window-width", 777);
  g_settings_set_int (settings, "window-height", 555);

  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);

  /* Until the display has applied it: on a busy machine the configure
   * event for the first size can arrive after the new one was asked for. */
  mamori_test_resize (GTK_WINDOW (window), 820, 610);
  gtk_window_close (GTK_WINDOW (window));
  mamori_test_iterate_for (50);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  mamori_test_close_all_windows ();
}

static void
test_recent_menu (void)
{
  g_autofree char *first = mamori_test_workspace_path ("first.mamori");
  g_autofree char *second = mamori_test_workspace_path ("second.mamori");
  MamoriWindow *window;
  GMenuModel *section;
  g_autoptr(GMenuModel) submenu = NULL;
  g_autofree char *label = NULL;

  reset_settings ();
  window = new_window ();
  section = mamori_test_template_child (window, MAMORI_TYPE_WINDOW, "recent_section");

  g_assert_true (mamori_window_open_workspace (window, first, MAMORI_STORE_OPEN_CREATE));
  /* Only the open workspace so far: no empty submenu. */
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 0);

  g_assert_true (mamori_window_open_workspace (window, second, MAMORI_STORE_OPEN_CREATE));
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, mamori_test_expect ("Open _Recent", "最近のワークスペース(_R)"));
  submenu = g_menu_model_get_item_link (section, 0, G_MENU_LINK_SUBMENU);
  g_assert_cmpint (g_menu_model_get_n_items (submenu), ==, 1);

  /* Choosing it switches back. */
  {
    g_autofree char *first_uri = g_filename_to_uri (first, NULL, NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "workspace.open-recent", "s", first_uri);
  }
  g_assert_cmpstr (mamori_store_get_path (mamori_window_get_store (window)), ==, first);

  mamori_test_close_all_windows ();
}

/* The real program, started as a user or the desktop starts it, with its
 * messages (and debug lines) going to @log. Returns its process id. */
static GPid
spawn_mamori (const char *workspace,
              const char *log)
{
  const char *argv[] = { g_getenv ("MAMORI_BINARY"), workspace, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int fd;

  g_assert_nonnull (argv[0]);
  envp = g_environ_setenv (envp, "G_MESSAGES_DEBUG", "Mamori", TRUE);
  /* The test's own folders (the variables say /dev/null, to catch any
   * use of the real ones), and the system's data for icons and MIME. */
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  envp = g_environ_unsetenv (envp, "XDG_DATA_DIRS");
  envp = g_environ_unsetenv (envp, "XDG_CONFIG_DIRS");
  fd = g_open (log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_spawn_async_with_fds (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, -1, fd, fd, &error);
  g_assert_no_error (error);
  close (fd);
  return pid;
}

static gboolean
log_says (const char *log,
          const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (log, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* Told to stop as a log-out does: it must end by itself, not be killed. */
static void
terminate_mamori (GPid pid)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  int status = 0;

  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
  g_spawn_close_pid (pid);
  g_assert_false (WIFSIGNALED (status));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static gboolean
backups_taken (gconstpointer workspace)
{
  g_autoptr(GPtrArray) backups = mamori_backups_list (workspace);

  /* The one before the upgrade, then today's, once the workspace is open. */
  return backups->len >= 2;
}

/* SIGTERM (log-out, shutdown) ends Mamori cleanly, and the workspace is
 * one file again: a consultant who then copies only the .mamori file has
 * every saved change — here, the upgrade made when it opened. */
static void
test_terminate_leaves_one_file (void)
{
  g_autofree char *fixture = mamori_test_fixture_path ("workspace-v1.sql");
  g_autofree char *path = mamori_test_workspace_path ("terminated.mamori");
  g_autofree char *copy = mamori_test_workspace_path ("copied.mamori");
  g_autofree char *log = mamori_test_workspace_path ("terminated.log");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;
  GPid pid;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  mamori_test_exec_sql (path, sql);
  g_assert_cmpint (mamori_test_query_int (path, "PRAGMA user_version"), ==, 1);

  pid = spawn_mamori (path, log);
  mamori_test_iterate_until (backups_taken, path);
  terminate_mamori (pid);

  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  g_assert_cmpint (mamori_test_query_int (copy, "PRAGMA user_version"), ==, mamori_store_get_schema_version ());
}

static gboolean
open_refused (gconstpointer log)
{
  return log_says (log, "Could not open");
}

/* A file that is refused (not a workspace, damaged, too new) shows its
 * message, and nothing else is opened or created behind it: the user
 * chooses what to do next. */
static void
test_refused_file_opens_nothing (void)
{
  g_autofree char *path = mamori_test_workspace_path ("not-ours.mamori");
  g_autofree char *log = mamori_test_workspace_path ("refused.log");
  g_autofree char *default_path = mamori_files_dup_default_workspace_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GPid pid;

  g_assert_true (g_file_set_contents (path, "これはワークスペースではありません。\n", -1, NULL));
  before = mamori_test_dup_file_sha256 (path);

  pid = spawn_mamori (path, log);
  mamori_test_iterate_until (open_refused, log);
  /* Had it gone on to the default workspace, that happens at once. */
  mamori_test_iterate_for (1000);
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
  g_assert_false (log_says (log, "CRITICAL"));
  terminate_mamori (pid);

  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
  after = mamori_test_dup_file_sha256 (path);
  g_assert_cmpstr (after, ==, before);
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

  /* The translation must really be in use, not just present. */
  if (mamori_test_is_japanese ())
    g_assert_cmpstr (_("Organization Profile"), ==, "組織情報");

  g_test_add_func ("/window/tabs", test_tabs);
  g_test_add_func ("/window/profile-survives-restart", test_profile_survives_restart);
  g_test_add_func ("/window/first-start", test_first_start);
  g_test_add_func ("/window/missing-workspace", test_missing_workspace);
  g_test_add_func ("/window/damaged-restore", test_damaged_restore);
  g_test_add_func ("/window/window-size-remembered", test_window_size_remembered);
  g_test_add_func ("/window/profile-follows-workspace", test_profile_follows_workspace);
  g_test_add_func ("/window/toast-plain-text", test_toast_plain_text);
  g_test_add_func ("/window/recent-menu", test_recent_menu);
  g_test_add_func ("/window/terminate-leaves-one-file", test_terminate_leaves_one_file);
  g_test_add_func ("/window/refused-file-opens-nothing", test_refused_file_opens_nothing);

  return g_test_run ();
}
