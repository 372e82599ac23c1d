/* mamori-window-workspace.c — creating, opening and restoring workspaces
 *
 * Every way a workspace can fail to open ends in a dialog that says what
 * happened and what to do; a damaged workspace is offered its newest sound
 * automatic backup, and the damaged file is kept, never deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "mamori-recent-workspaces.h"
#include "mamori-window-private.h"
#include "store/mamori-backups.h"
#include "store/mamori-files.h"
#include "widgets/mamori-message.h"

#define WORKSPACE_SUFFIX ".mamori"

static const char *
heading_for_error (const GError *error)
{
  if (error->domain != MAMORI_STORE_ERROR)
    return _("Workspace Could Not Be Opened");

  switch ((MamoriStoreError) error->code)
    {
    case MAMORI_STORE_ERROR_NOT_FOUND:
      return _("Workspace Not Found");
    case MAMORI_STORE_ERROR_READ_ONLY:
      return _("Workspace Is Read-Only");
    case MAMORI_STORE_ERROR_NOT_WORKSPACE:
      return _("Not a Mamori Workspace");
    case MAMORI_STORE_ERROR_TOO_NEW:
      return _("Made by a Newer Mamori");
    case MAMORI_STORE_ERROR_DAMAGED:
      return _("Workspace Is Damaged");
    case MAMORI_STORE_ERROR_BUSY:
      return _("Workspace Is Busy");
    case MAMORI_STORE_ERROR_NO_SPACE:
      return _("Disk Is Full");
    case MAMORI_STORE_ERROR_PERMISSION:
    case MAMORI_STORE_ERROR_FAILED:
    default:
      return _("Workspace Could Not Be Opened");
    }
}

static char *
format_backup_time (GDateTime *taken)
{
  /* Translators: date and time of a backup, in g_date_time_format() syntax */
  return g_date_time_format (taken, _("%Y-%m-%d %H:%M"));
}

/* A window that has been closed no longer shows anything; a late callback
 * (a dialog's answer, a finished thread) must leave it alone. */
static gboolean
window_is_gone (MamoriWindow *self)
{
  return self->main_stack == NULL;
}

typedef struct
{
  MamoriWindow *window;
  char         *path;
} RestoreRequest;

static void
restore_request_free (gpointer data)
{
  RestoreRequest *request = data;

  g_object_unref (request->window);
  g_free (request->path);
  g_free (request);
}

static void show_open_error (MamoriWindow *self, const char *path, const GError *error);

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RestoreRequest   *request)
{
  MamoriWindow *self = request->window;
  g_autoptr(MamoriBackup) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *when = NULL;
  g_autofree char *details = NULL;

  if (g_strcmp0 (response, "restore") != 0 || window_is_gone (self))
    return;

  if (!mamori_backups_restore_newest (request->path, &restored, &kept, &error))
    {
      mamori_window_show_message (self, _("Backup Could Not Be Restored"), error->message);
      return;
    }

  if (!mamori_window_open_workspace (self, request->path, MAMORI_STORE_OPEN_DEFAULT))
    return;

  when = format_backup_time (restored->taken);
  if (kept != NULL)
    {
      g_autofree char *kept_name = g_filename_display_basename (kept);

      /* Translators: first %s is a date and time, second a file name */
      details = g_strdup_printf (_("The backup from %s was restored. The damaged file was kept beside it as “%s”."),
                                 when, kept_name);
    }
  else
    /* Translators: %s is a date and time */
    details = g_strdup_printf (_("The backup from %s was restored."), when);

  mamori_window_notify (self, _("Backup restored"), details);
}

static void
show_open_error (MamoriWindow *self,
                 const char   *path,
                 const GError *error)
{
  g_autoptr(MamoriBackup) backup = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_debug ("Could not open %s: %s", path, error->message);

  /* A file whose header was overwritten looks like "not a workspace"; if we
   * hold backups made from that very path, it was ours and is damaged. */
  if (g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED) ||
      g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_WORKSPACE))
    backup = mamori_backups_dup_newest (path);

  if (g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND))
    mamori_recent_workspaces_remove (self->settings, path);

  if (backup == NULL)
    {
      if (g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED))
        body = g_strconcat (error->message, "\n\n",
                            _("There is no automatic backup of this workspace. Keep the file: a specialist may still be able to recover it."),
                            NULL);
      mamori_window_show_message (self, heading_for_error (error), body != NULL ? body : error->message);
      return;
    }

  {
    g_autofree char *name = g_filename_display_basename (path);
    g_autofree char *damaged = g_strdup_printf (_("“%s” is damaged and cannot be used safely."), name);
    g_autofree char *when = format_backup_time (backup->taken);
    g_autofree char *advice = NULL;
    RestoreRequest *request;

    /* Translators: %s is a date and time */
    advice = g_strdup_printf (_("The newest automatic backup is from %s. Restoring it replaces the damaged file with the backup; changes made after the backup are lost. The damaged file is kept beside it, renamed."),
                              when);
    body = g_strconcat (damaged, "\n\n", advice, NULL);

    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Workspace Is Damaged"), body));
    adw_message_dialog_add_responses (dialog,
                                      "cancel", _("_Cancel"),
                                      "restore", _("_Restore Backup"),
                                      NULL);
    adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
    adw_message_dialog_set_default_response (dialog, "restore");
    adw_message_dialog_set_close_response (dialog, "cancel");

    request = g_new0 (RestoreRequest, 1);
    request->window = g_object_ref (self);
    request->path = g_strdup (path);
    g_signal_connect_data (dialog, "response", G_CALLBACK (on_restore_response),
                           request, (GClosureNotify) (void (*) (void)) restore_request_free, 0);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static void
daily_backup_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  gboolean taken = mamori_backups_take_daily (path, now, NULL, &error);

  /* A workspace closed (or Mamori told to quit) while the backup was
   * reading it could not fold its journal in; it is done now, so that the
   * file alone holds everything. */
  mamori_store_fold_journal (path);
  if (taken)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
daily_backup_done (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  MamoriWindow *self = MAMORI_WINDOW (object);
  GApplication *application = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && !window_is_gone (self))
    mamori_window_notify (self, _("Today’s automatic backup failed"), error->message);

  if (application != NULL)
    {
      g_application_release (application);
      g_object_unref (application);
    }
}

/* Today's backup is taken in a worker thread with its own connection, so a
 * large workspace opens as fast as a small one. The application is held
 * until it is done, so quitting does not cut a backup in half. */
static void
start_daily_backup (MamoriWindow *self,
                    const char   *path)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GTask) task = NULL;

  if (application != NULL)
    g_application_hold (G_APPLICATION (application));

  task = g_task_new (self, NULL, daily_backup_done, application != NULL ? g_object_ref (application) : NULL);
  g_task_set_source_tag (task, start_daily_backup);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, daily_backup_thread);
}

typedef struct
{
  char                 *path;
  MamoriStoreOpenFlags  flags;
} OpenRequest;

static void
open_request_free (gpointer data)
{
  OpenRequest *request = data;

  g_free (request->path);
  g_free (request);
}

static void
open_after_discarding (MamoriWindow *self,
                       gpointer      data)
{
  OpenRequest *request = data;

  mamori_window_open_workspace (self, request->path, request->flags);
}

/**
 * mamori_window_open_workspace:
 *
 * Opens @path in this window. On failure the window keeps what it showed
 * and a dialog explains what happened.
 *
 * Returns: whether the workspace was opened
 */
gboolean
mamori_window_open_workspace (MamoriWindow          *self,
                              const char            *path,
                              MamoriStoreOpenFlags   flags)
{
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (MAMORI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  canonical = g_canonicalize_filename (path, NULL);

  if (self->store != NULL && g_strcmp0 (mamori_store_get_path (self->store), canonical) == 0)
    return TRUE;

  /* What was typed in this workspace is saved before going; if it cannot
   * be, the user decides, and the other workspace opens only if they go. */
  if (self->store != NULL && !mamori_window_save_all (self, &error))
    {
      OpenRequest *request = g_new0 (OpenRequest, 1);

      request->path = g_steal_pointer (&canonical);
      request->flags = flags;
      mamori_window_ask_unsaved (self, error,
                                 _("Stay in this workspace and try again, or open the other one and lose the changes made since the last save."),
                                 _("_Stay"), open_after_discarding, request, open_request_free);
      return FALSE;
    }

  store = mamori_store_open (canonical, flags, &error);
  if (store == NULL)
    {
      show_open_error (self, canonical, error);
      return FALSE;
    }

  mamori_window_set_store (self, store);
  uri = mamori_recent_workspaces_dup_uri (canonical);
  g_settings_set_string (self->settings, "last-workspace", uri);
  mamori_recent_workspaces_add (self->settings, canonical);
  start_daily_backup (self, canonical);

  return TRUE;
}

/**
 * mamori_window_open_startup_workspace:
 *
 * Opens the workspace used last or, the first time (or if that file is
 * gone), the default workspace in the user's data folder.
 */
void
mamori_window_open_startup_workspace (MamoriWindow *self)
{
  g_autofree char *last_uri = NULL;
  g_autofree char *last = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *default_dir = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MAMORI_IS_WINDOW (self));

  last_uri = g_settings_get_string (self->settings, "last-workspace");
  if (*last_uri != '\0')
    last = mamori_recent_workspaces_dup_path (last_uri);
  if (last != NULL && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      mamori_window_open_workspace (self, last, MAMORI_STORE_OPEN_DEFAULT);
      return;
    }

  default_path = mamori_files_dup_default_workspace_path ();
  default_dir = g_path_get_dirname (default_path);
  if (!mamori_files_ensure_private_dir (default_dir, &error))
    {
      show_open_error (self, default_path, error);
      return;
    }

  if (mamori_window_open_workspace (self, default_path, MAMORI_STORE_OPEN_CREATE) &&
      last != NULL && g_strcmp0 (last, default_path) != 0)
    {
      g_autofree char *name = g_filename_display_basename (last);
      /* Translators: %s is a file name */
      g_autofree char *details = g_strdup_printf (_("“%s”, the workspace used last, was not found, so the default workspace is open. If the workspace is on a removable drive, connect the drive and open it from Open Recent."),
                                                  name);

      mamori_window_notify (self, _("The workspace used last was not found"), details);
    }
}

static GtkFileFilter *
new_workspace_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Mamori Workspaces"));
  gtk_file_filter_add_pattern (filter, "*" WORKSPACE_SUFFIX);
  gtk_file_filter_add_mime_type (filter, "application/x-mamori-workspace");

  return filter;
}

/* One file chooser at a time, owned by the window and gone with it. */
static void
set_chooser (MamoriWindow         *self,
             GtkFileChooserNative *chooser)
{
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  self->chooser = chooser;
}

static char *
take_chosen_path (MamoriWindow *self,
                  int           response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  set_chooser (self, NULL);

  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
on_new_response (GtkNativeDialog *dialog,
                 int              response,
                 MamoriWindow    *self)
{
  g_autofree char *path = take_chosen_path (self, response);

  if (path == NULL)
    return;

  /* Creating never overwrites: a file already there may be someone's work. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *body = g_strdup_printf (_("“%s” already exists. Mamori never replaces a file with a new workspace; choose another name, or open the existing file with Open Workspace."),
                                               name);

      mamori_window_show_message (self, _("Workspace Not Created"), body);
      return;
    }

  if (mamori_window_open_workspace (self, path, MAMORI_STORE_OPEN_CREATE))
    mamori_window_show_profile (self);
}

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = new_workspace_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* The name suggested ends in .mamori; whatever the user types is used as
   * typed, since a sandboxed app may only write the file it was given. */
  /* Translators: the suggested file name of a new workspace; keep .mamori */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("New Workspace.mamori"));

  set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  MamoriWindow    *self)
{
  g_autofree char *path = take_chosen_path (self, response);

  if (path != NULL)
    mamori_window_open_workspace (self, path, MAMORI_STORE_OPEN_DEFAULT);
}

static void
open_workspace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  g_autoptr(GtkFileFilter) workspaces = new_workspace_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Open Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), workspaces);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autofree char *path = mamori_recent_workspaces_dup_path (g_variant_get_string (param, NULL));

  if (path != NULL)
    mamori_window_open_workspace (MAMORI_WINDOW (widget), path, MAMORI_STORE_OPEN_DEFAULT);
}

void
mamori_window_workspace_dispose (MamoriWindow *self)
{
  set_chooser (self, NULL);
}

void
mamori_window_workspace_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "workspace.new", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "workspace.open", NULL, open_workspace_action);
  gtk_widget_class_install_action (widget_class, "workspace.open-recent", "s", open_recent_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "workspace.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "workspace.open", NULL);
}
