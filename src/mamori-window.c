/* mamori-window.c — the main window: four tabs over one workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "mamori-recent-workspaces.h"
#include "mamori-window-private.h"
#include "pages/mamori-pages.h"
#include "pages/report/mamori-report-window.h"
#include "widgets/mamori-message.h"
#include "widgets/mamori-profile-window.h"

G_DEFINE_FINAL_TYPE (MamoriWindow, mamori_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The organization and the file are always in sight: a consultant must not
 * edit one client's workspace believing it is another's. When the window is
 * narrow the view switcher title shows them; when it is wide the switcher
 * takes the centre, and they move to the start of the header bar. */
static void
set_titles (MamoriWindow *self,
            const char   *title,
            const char   *subtitle)
{
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  adw_window_title_set_title (self->workspace_title, title);
  adw_window_title_set_subtitle (self->workspace_title, subtitle);

  /* A screen reader hears what the button shows, then what it does. */
  if (subtitle != NULL)
    {
      /* Translators: accessible name of the header button: organization, file */
      g_autofree char *label = g_strdup_printf (_("%s, %s: Organization Profile"), title, subtitle);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->workspace_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

/* Wide enough for the start title and the full view switcher side by side.
 * It follows the window's width, not the switcher's state: the start title
 * takes space from the switcher, so following the switcher would flip-flop. */
#define WIDE_WINDOW_WIDTH 860
/* How long after the last change the workspace is made one file again. */
#define CHECKPOINT_DELAY_MS 2000

static void
update_workspace_button (MamoriWindow *self)
{
  gtk_widget_set_visible (self->workspace_button, self->wide && self->store != NULL);
}

/* The bottom switcher when the window is narrow; no tabs without a workspace. */
static void
update_switcher_bar (MamoriWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->store != NULL &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static gboolean
apply_wide_layout (gpointer user_data)
{
  MamoriWindow *self = user_data;

  self->wide_idle_id = 0;
  update_workspace_button (self);

  return G_SOURCE_REMOVE;
}

static void
mamori_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  gboolean wide = width >= WIDE_WINDOW_WIDTH;

  GTK_WIDGET_CLASS (mamori_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Changing what is shown in the middle of an allocation is not allowed;
   * it happens right after, before the next frame. */
  if (wide != self->wide)
    {
      self->wide = wide;
      if (self->wide_idle_id == 0)
        self->wide_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_wide_layout, self, NULL);
    }
}

static void
update_title (MamoriWindow *self)
{
  g_autoptr(MamoriProfile) profile = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *window_title = NULL;
  const char *org_name = NULL;

  if (self->store == NULL)
    {
      set_titles (self, _("Mamori"), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Mamori"));
      return;
    }

  profile = mamori_store_dup_profile (self->store, NULL);
  if (profile != NULL)
    org_name = mamori_profile_get_display_name (profile, !mamori_text_prefers_japanese ());
  /* Unnamed: the header button says so and looks like the button it is,
   * leading to where the name is set. */
  if (org_name == NULL)
    {
      org_name = _("Unnamed Organization");
      gtk_widget_remove_css_class (self->workspace_button, "flat");
      gtk_widget_set_tooltip_text (self->workspace_button, _("Set the organization’s name in its profile"));
    }
  else
    {
      gtk_widget_add_css_class (self->workspace_button, "flat");
      gtk_widget_set_tooltip_text (self->workspace_button, _("Organization Profile"));
    }

  file_name = mamori_store_dup_display_name (self->store);
  set_titles (self, org_name, file_name);

  /* Translators: window title: organization name, then the workspace file */
  window_title = g_strdup_printf (_("%s (%s) — Mamori"), org_name, file_name);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
on_store_changed (MamoriWindow *self)
{
  update_title (self);
}

void
mamori_window_update_recent_menu (MamoriWindow *self)
{
  g_return_if_fail (MAMORI_IS_WINDOW (self));

  mamori_recent_workspaces_fill_menu (self->settings, self->recent_menu,
                                      self->store != NULL ? mamori_store_get_path (self->store) : NULL);

  /* An empty submenu would look broken, so the item comes and goes. */
  g_menu_remove_all (self->recent_section);
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->recent_menu)) > 0)
    g_menu_append_submenu (self->recent_section, _("Open _Recent"), G_MENU_MODEL (self->recent_menu));
}

/* Everything that depends on whether a workspace is open. */
static void
sync_workspace_state (MamoriWindow *self)
{
  gboolean open = self->store != NULL;

  gtk_stack_set_visible_child_name (self->main_stack, open ? "workspace" : "no-workspace");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.profile", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tab.show", open);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "briefing-pack")),
                               open);

  update_title (self);
  update_workspace_button (self);
  update_switcher_bar (self);
  mamori_window_update_recent_menu (self);
}

/**
 * mamori_window_get_store:
 *
 * Returns: (transfer none) (nullable): the open workspace
 */
MamoriStore *
mamori_window_get_store (MamoriWindow *self)
{
  g_return_val_if_fail (MAMORI_IS_WINDOW (self), NULL);

  return self->store;
}

static void on_show_record (MamoriWindow *self,
                            int           type,
                            gint64        id,
                            const char   *key);

/* The tabs' pages, in tab order (none without a workspace). Each tab of the
 * template is an AdwBin that holds its page. */
static GPtrArray *
dup_pages (MamoriWindow *self)
{
  g_autoptr(GtkSelectionModel) tabs = adw_view_stack_get_pages (self->view_stack);
  GPtrArray *pages = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tabs)); i++)
    {
      g_autoptr(AdwViewStackPage) tab = g_list_model_get_item (G_LIST_MODEL (tabs), i);
      GtkWidget *child = adw_bin_get_child (ADW_BIN (adw_view_stack_page_get_child (tab)));

      if (MAMORI_IS_PAGE (child))
        g_ptr_array_add (pages, child);
    }
  return pages;
}

/* The page of @tab for the open workspace, made when it is first needed
 * (shown, or asked for a record): a window opens with only the tab it
 * shows, which costs less time and memory. */
static MamoriPage *
ensure_page (MamoriWindow     *self,
             AdwViewStackPage *tab)
{
  AdwBin *bin = ADW_BIN (adw_view_stack_page_get_child (tab));
  GtkWidget *page = adw_bin_get_child (bin);

  if (page == NULL && self->store != NULL)
    {
      page = mamori_pages_new_page (adw_view_stack_page_get_name (tab), self->store);
      g_return_val_if_fail (page != NULL, NULL);
      g_signal_connect_object (page, "add-toast", G_CALLBACK (adw_toast_overlay_add_toast),
                               self->toast_overlay, G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "show-record", G_CALLBACK (on_show_record), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (bin, page);
    }
  return page != NULL ? MAMORI_PAGE (page) : NULL;
}

static void
on_visible_tab_changed (MamoriWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  if (visible != NULL)
    ensure_page (self, adw_view_stack_get_page (self->view_stack, visible));
}

/* The tabs of another workspace, or of none: the old pages go, and the
 * shown tab gets its page. */
static void
reset_pages (MamoriWindow *self)
{
  g_autoptr(GtkSelectionModel) tabs = adw_view_stack_get_pages (self->view_stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tabs)); i++)
    {
      g_autoptr(AdwViewStackPage) tab = g_list_model_get_item (G_LIST_MODEL (tabs), i);

      adw_bin_set_child (ADW_BIN (adw_view_stack_page_get_child (tab)), NULL);
    }
  on_visible_tab_changed (self);
}

/**
 * mamori_window_get_page:
 * @tab: a tab's name ("overview", "assets", …)
 *
 * Returns: (transfer none) (nullable): the tab's page, made if it was not
 *   yet; %NULL without a workspace
 */
MamoriPage *
mamori_window_get_page (MamoriWindow *self,
                        const char   *tab)
{
  GtkWidget *bin;

  g_return_val_if_fail (MAMORI_IS_WINDOW (self), NULL);

  bin = adw_view_stack_get_child_by_name (self->view_stack, tab);
  g_return_val_if_fail (bin != NULL, NULL);
  return ensure_page (self, adw_view_stack_get_page (self->view_stack, bin));
}

/**
 * mamori_window_save_all:
 *
 * Saves at once whatever was typed and not saved yet, in the tabs and the
 * profile window.
 *
 * Returns: whether everything is saved
 */
gboolean
mamori_window_save_all (MamoriWindow  *self,
                        GError       **error)
{
  g_return_val_if_fail (MAMORI_IS_WINDOW (self), FALSE);

  if (self->profile_window != NULL &&
      !mamori_profile_window_save (MAMORI_PROFILE_WINDOW (self->profile_window), error))
    return FALSE;
  {
    g_autoptr(GPtrArray) pages = dup_pages (self);

    for (guint i = 0; i < pages->len; i++)
      if (!mamori_page_save (g_ptr_array_index (pages, i), error))
        return FALSE;
  }
  return TRUE;
}

/* Forgets whatever was typed and could not be saved. */
static void
discard_all (MamoriWindow *self)
{
  if (self->profile_window != NULL)
    mamori_profile_window_discard (MAMORI_PROFILE_WINDOW (self->profile_window));
  {
    g_autoptr(GPtrArray) pages = dup_pages (self);

    for (guint i = 0; i < pages->len; i++)
      mamori_page_discard (g_ptr_array_index (pages, i));
  }
}

typedef struct
{
  MamoriWindow   *window;
  MamoriWindowUnsavedThen then;
  gpointer        data;
  GDestroyNotify  free_data;
} UnsavedRequest;

static void
unsaved_request_free (gpointer data)
{
  UnsavedRequest *request = data;

  if (request->free_data != NULL)
    request->free_data (request->data);
  g_free (request);
}

static gboolean
go_on_later (gpointer data)
{
  UnsavedRequest *request = data;

  request->then (request->window, request->data);
  return G_SOURCE_REMOVE;
}

static void
unsaved_request_release (gpointer data)
{
  UnsavedRequest *request = data;

  g_object_unref (request->window);
  unsaved_request_free (request);
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     UnsavedRequest   *request)
{
  if (g_strcmp0 (response, "discard") != 0)
    {
      unsaved_request_free (request);
      return;
    }

  discard_all (request->window);
  /* Going on may close the window this dialog belongs to: not before the
   * dialog is done. */
  g_object_ref (request->window);
  g_idle_add_full (G_PRIORITY_DEFAULT, go_on_later, request, unsaved_request_release);
}

/**
 * mamori_window_ask_unsaved:
 * @error: why the changes could not be saved
 * @advice: what the two answers do
 * @then: what to do if the user goes on without the changes
 *
 * Asks whether to stay with changes that could not be saved or to go on
 * without them. Takes @data.
 */
void
mamori_window_ask_unsaved (MamoriWindow           *self,
             const GError           *error,
             const char             *advice,
             const char             *keep_label,
             MamoriWindowUnsavedThen then,
             gpointer                data,
             GDestroyNotify          free_data)
{
  UnsavedRequest *request = g_new0 (UnsavedRequest, 1);
  AdwMessageDialog *dialog;

  request->window = self;
  request->then = then;
  request->data = data;
  request->free_data = free_data;
  dialog = mamori_message_new_unsaved (GTK_WINDOW (self), _("Changes Could Not Be Saved"), error, advice, keep_label);
  /* The request is the handler's: it frees it, or passes it on. */
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The documents previewed are the workspace's that is going. */
static void
close_report_windows (MamoriWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (MAMORI_IS_REPORT_WINDOW (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        gtk_window_destroy (window);
    }
}

/* Leaves the workspace shown as one file (its journal folded in) and
 * stops following it. */
static void
close_store (MamoriWindow *self)
{
  g_autoptr(GError) error = NULL;

  mamori_store_set_checkpoint_delay (self->store, 0);
  /* Without waiting, so the window never freezes. Every change is saved in
   * the journal already: nothing is lost if this cannot be done now (today's
   * backup still reading, say; it folds the journal in when it is done). */
  if (!mamori_store_checkpoint (self->store, &error))
    g_debug ("Could not checkpoint %s yet: %s", mamori_store_get_path (self->store), error->message);
}

/**
 * mamori_window_set_store:
 * @store: (nullable): the workspace to show, or %NULL for none
 */
void
mamori_window_set_store (MamoriWindow *self,
                         MamoriStore  *store)
{
  g_return_if_fail (MAMORI_IS_WINDOW (self));
  g_return_if_fail (store == NULL || MAMORI_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);

  /* What was typed is saved before the tabs and the profile window go (the
   * profile window edits the workspace it was opened for). Callers that can
   * ask the user have saved already (mamori_window_save_all()). */
  {
    g_autoptr(GError) error = NULL;

    if (!mamori_window_save_all (self, &error))
      mamori_window_show_message (self, _("Changes Could Not Be Saved"), error->message);
  }
  if (self->profile_window != NULL)
    gtk_window_destroy (self->profile_window);
  close_report_windows (self);

  /* The workspace that goes is left as one file, whoever still holds it. */
  if (self->store != NULL)
    close_store (self);

  g_set_object (&self->store, store);

  if (self->store != NULL)
    {
      mamori_store_set_checkpoint_delay (self->store, CHECKPOINT_DELAY_MS);
      mamori_store_connect_changed (self->store, MAMORI_CHANGE_PROFILE,
                               G_CALLBACK (on_store_changed), self);
    }
  reset_pages (self);

  sync_workspace_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * mamori_window_notify:
 * @title: one short line
 * @details: (nullable): the whole message, behind a Details button
 *
 * Tells the user something in a toast.
 */
void
mamori_window_notify (MamoriWindow *self,
                      const char   *title,
                      const char   *details)
{
  g_return_if_fail (MAMORI_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, mamori_toast_new (title, details));
}

/**
 * mamori_window_show_message:
 *
 * Tells the user something that needs reading, in a dialog.
 */
void
mamori_window_show_message (MamoriWindow *self,
                            const char   *heading,
                            const char   *body)
{
  g_return_if_fail (MAMORI_IS_WINDOW (self));

  mamori_message_show (GTK_WINDOW (self), heading, body);
}

/**
 * mamori_window_show_profile:
 *
 * Returns: (transfer none) (nullable): the profile window, or %NULL if no
 *   workspace is open
 */
GtkWindow *
mamori_window_show_profile (MamoriWindow *self)
{
  g_return_val_if_fail (MAMORI_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;

  if (self->profile_window == NULL)
    {
      self->profile_window = GTK_WINDOW (mamori_profile_window_new (self->store));
      g_object_add_weak_pointer (G_OBJECT (self->profile_window), (gpointer *) &self->profile_window);
      gtk_window_set_transient_for (self->profile_window, GTK_WINDOW (self));
    }
  gtk_window_present (self->profile_window);

  return self->profile_window;
}

static void
profile_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  mamori_window_show_profile (MAMORI_WINDOW (widget));
}

static void
briefing_pack_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  MamoriWindow *self = MAMORI_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  /* The pack is read from the workspace file: what was typed goes in. */
  if (!mamori_window_save_all (self, &error))
    {
      mamori_window_show_message (self, _("Changes Could Not Be Saved"), error->message);
      return;
    }
  mamori_report_window_present (GTK_WINDOW (self), self->store, MAMORI_REPORT_BOARD_PACK, 0);
}

/* The tabs, in order: Alt+1 to Alt+5. */
static const char * const tabs[] = { "overview", "assets", "contracts", "lookup", "checklists" };

static void
show_tab_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  guint index = g_variant_get_uint32 (param);
  GtkWidget *page;

  g_return_if_fail (index >= 1 && index <= G_N_ELEMENTS (tabs));

  adw_view_stack_set_visible_child_name (self->view_stack, tabs[index - 1]);
  page = adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (self->view_stack)));
  /* Into the tab, so that what is typed next lands there (its list or its
   * search), not on the tab's button. */
  if (MAMORI_IS_PAGE (page))
    mamori_page_focus_list (MAMORI_PAGE (page));
}

/* ("assets", "assets.import"): shows a tab and runs one of its page's
 * actions, for the Overview's first steps. */
static void
activate_in_tab_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  const char *tab, *action;
  GtkWidget *page;

  g_variant_get (param, "(&s&s)", &tab, &action);
  if (self->store == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, tab);
  page = adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (self->view_stack)));
  if (page != NULL)
    gtk_widget_activate_action_variant (page, action, NULL);
}

/* A page asked to open a record: the tab whose page has it, with the
 * record selected. */
static void
on_show_record (MamoriWindow *self,
                int           type,
                gint64        id,
                const char   *key)
{
  g_autoptr(GtkSelectionModel) tabs = adw_view_stack_get_pages (self->view_stack);

  if ((MamoriRecordType) type == MAMORI_RECORD_PROFILE)
    {
      mamori_window_show_profile (self);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tabs)); i++)
    {
      g_autoptr(AdwViewStackPage) tab = g_list_model_get_item (G_LIST_MODEL (tabs), i);

      if (mamori_pages_has_records (adw_view_stack_page_get_name (tab), type))
        {
          MamoriPage *page;

          /* Shown first (which makes its page), so that the page can move
           * the focus into it. */
          adw_view_stack_set_visible_child (self->view_stack, adw_view_stack_page_get_child (tab));
          page = ensure_page (self, tab);
          if (page != NULL)
            mamori_page_open_record (page, type, id, key);
          return;
        }
    }
  g_warning ("No tab shows records of type %d", type);
}

static void
load_window_state (MamoriWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
destroy_window (MamoriWindow *self,
                gpointer      data)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_window_state (MamoriWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  gboolean maximized = gtk_window_is_maximized (window);

  /* The size only counts when the window is not maximized, so that
   * unmaximizing later returns to it. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
}

static gboolean
mamori_window_close_request (GtkWindow *window)
{
  MamoriWindow *self = MAMORI_WINDOW (window);
  g_autoptr(GError) error = NULL;

  /* Closing saves what was typed; if that fails, the user decides. */
  if (!mamori_window_save_all (self, &error))
    {
      mamori_window_ask_unsaved (self, error,
                                 _("Keep the window open and try again, or close it and lose the changes made since the last save."),
                                 _("_Keep Open"), destroy_window, NULL, NULL);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (mamori_window_parent_class)->close_request (window);
}

/**
 * mamori_window_close_now:
 *
 * Closes the window without asking anything, as when the session ends or
 * the application is told to stop: what was typed is saved if it can be
 * (nobody is there to answer a question), and the workspace is left as
 * one file.
 */
void
mamori_window_close_now (MamoriWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MAMORI_IS_WINDOW (self));

  if (!mamori_window_save_all (self, &error))
    g_printerr ("%s\n", error->message);
  save_window_state (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
mamori_window_constructed (GObject *object)
{
  MamoriWindow *self = MAMORI_WINDOW (object);
  GApplication *application;

  G_OBJECT_CLASS (mamori_window_parent_class)->constructed (object);

  application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (MAMORI_IS_APPLICATION (application))
    self->settings = g_object_ref (mamori_application_get_settings (MAMORI_APPLICATION (application)));
  else
    self->settings = g_settings_new (APPLICATION_ID);

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-workspaces",
                           G_CALLBACK (mamori_window_update_recent_menu), self, G_CONNECT_SWAPPED);

  load_window_state (self);

  /* The "no workspace" state until one is opened. */
  sync_workspace_state (self);
}

static void
mamori_window_dispose (GObject *object)
{
  MamoriWindow *self = MAMORI_WINDOW (object);

  g_clear_handle_id (&self->wide_idle_id, g_source_remove);
  mamori_window_workspace_dispose (self);
  if (self->profile_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->profile_window), (gpointer *) &self->profile_window);
      gtk_window_destroy (self->profile_window);
      self->profile_window = NULL;
    }

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
      close_store (self);
    }
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), MAMORI_TYPE_WINDOW);

  G_OBJECT_CLASS (mamori_window_parent_class)->dispose (object);
}

static void
mamori_window_finalize (GObject *object)
{
  MamoriWindow *self = MAMORI_WINDOW (object);

  g_clear_object (&self->recent_menu);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mamori_window_parent_class)->finalize (object);
}

static void
mamori_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MamoriWindow *self = MAMORI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MamoriWindow *self = MAMORI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      mamori_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_window_class_init (MamoriWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const guint tab_keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };

  G_STATIC_ASSERT (G_N_ELEMENTS (tab_keys) == G_N_ELEMENTS (tabs));

  object_class->constructed = mamori_window_constructed;
  object_class->dispose = mamori_window_dispose;
  object_class->finalize = mamori_window_finalize;
  object_class->get_property = mamori_window_get_property;
  object_class->set_property = mamori_window_set_property;

  window_class->close_request = mamori_window_close_request;
  widget_class->size_allocate = mamori_window_size_allocate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         MAMORI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, workspace_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, workspace_title);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, no_workspace_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "workspace.profile", NULL, profile_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "workspace.profile", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.briefing-pack", NULL);

  gtk_widget_class_install_action (widget_class, "tab.show", "u", show_tab_action);
  gtk_widget_class_install_action (widget_class, "tab.activate", "(ss)", activate_in_tab_action);
  for (guint i = 0; i < G_N_ELEMENTS (tab_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, tab_keys[i], GDK_ALT_MASK, "tab.show", "u", i + 1);

  mamori_window_workspace_class_init (widget_class);
  mamori_message_install_action (widget_class);
}

static void
mamori_window_init (MamoriWindow *self)
{
  static const GActionEntry win_actions[] = {
    { "briefing-pack", briefing_pack_action },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (on_visible_tab_changed), self);

  self->recent_menu = g_menu_new ();
}

MamoriWindow *
mamori_window_new (MamoriApplication *application)
{
  g_return_val_if_fail (MAMORI_IS_APPLICATION (application), NULL);

  return g_object_new (MAMORI_TYPE_WINDOW, "application", application, NULL);
}
