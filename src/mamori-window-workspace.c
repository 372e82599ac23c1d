/* mamori-window-workspace.c — creating, opening and restoring workspaces
 *
 * Every way a workspace can fail to open ends in a dialog that says what
 * happened and what to do; a damaged workspace is offered its newest
 * automatic backup, and the damaged file is kept, never deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mamori-recent-workspaces.h"
#include "mamori-window-private.h"
#include "store/mamori-backups.h"
#include "store/mamori-files.h"

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

typedef struct
{
  MamoriWindow *window;
  char         *path;
  char         *backup_path;
  char         *backup_time;
} RestoreRequest;

static void
restore_request_free (gpointer data)
{
  RestoreRequest *request = data;

  g_object_unref (request->window);
  g_free (request->path);
  g_free (request->backup_path);
  g_free (request->backup_time);
  g_free (request);
}

static void show_open_error (MamoriWindow *self, const char *path, const GError *error);

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RestoreRequest   *request)
{
  MamoriWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  if (!mamori_backups_restore (request->path, request->backup_path, &kept, &error))
    {
      show_open_error (self, request->path, error);
      return;
    }

  if (mamori_window_open_workspace (self, request->path, MAMORI_STORE_OPEN_DEFAULT))
    {
      g_autofree char *message = NULL;
      g_autofree char *kept_name = kept != NULL ? g_filename_display_basename (kept) : NULL;
      AdwToast *toast;

      if (kept_name != NULL)
        /* Translators: first %s is a date and time, second a file name */
        message = g_strdup_printf (_("The backup from %s was restored. The damaged file was kept as “%s”."),
                                   request->backup_time, kept_name);
      else
        /* Translators: %s is a date and time */
        message = g_strdup_printf (_("The backup from %s was restored."), request->backup_time);

      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      mamori_window_add_toast (self, toast);
    }
}

static void
show_open_error (MamoriWindow *self,
                 const char   *path,
                 const GError *error)
{
  g_autoptr(MamoriBackup) backup = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gboolean offer_backup = FALSE;

  g_debug ("Could not open %s: %s", path, error->message);

  /* A file whose header was overwritten looks like "not a workspace"; if we
   * hold backups made from that very path, it was ours and is damaged. */
  if (g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED) ||
      g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_WORKSPACE))
    {
      backup = mamori_backups_dup_newest (path);
      offer_backup = backup != NULL;
    }

  if (g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND))
    mamori_recent_workspaces_remove (self->settings, path);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       offer_backup ? _("Workspace Is Damaged")
                                                                    : heading_for_error (error),
                                                       NULL));

  if (offer_backup)
    {
      g_autofree char *when = format_backup_time (backup->taken);
      g_autofree char *advice = NULL;
      RestoreRequest *request;

      /* Translators: %s is a date and time */
      advice = g_strdup_printf (_("The newest automatic backup is from %s. Restoring it replaces the damaged file with the backup; changes made after the backup are lost. The damaged file is kept beside it, renamed."),
                                when);
      if (g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_WORKSPACE))
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *damaged = g_strdup_printf (_("“%s” is damaged and cannot be used safely."), name);

          body = g_strconcat (damaged, "\n\n", advice, NULL);
        }
      else
        body = g_strconcat (error->message, "\n\n", advice, NULL);

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
      request->backup_path = g_strdup (backup->path);
      request->backup_time = g_steal_pointer (&when);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_restore_response),
                             request, (GClosureNotify) (void (*) (void)) restore_request_free, 0);
    }
  else
    {
      if (g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED))
        body = g_strdup_printf ("%s\n\n%s", error->message,
                                _("There is no automatic backup of this workspace. Keep the file: a specialist may still be able to recover it."));
      else
        body = g_strdup (error->message);

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
    }

  adw_message_dialog_set_body (dialog, body);
  gtk_window_present (GTK_WINDOW (dialog));
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

  if (mamori_backups_take_daily (path, now, NULL, &error))
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
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_cancellable_is_cancelled (self->cancellable))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      mamori_window_add_toast (self, toast);
    }
}

/* Today's backup is taken in a worker thread with its own connection, so a
 * large workspace opens as fast as a small one. */
static void
start_daily_backup (MamoriWindow *self,
                    const char   *path)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, daily_backup_done, NULL);

  g_task_set_source_tag (task, start_daily_backup);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, daily_backup_thread);
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

  g_return_val_if_fail (MAMORI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  canonical = g_canonicalize_filename (path, NULL);

  if (self->store != NULL && g_strcmp0 (mamori_store_get_path (self->store), canonical) == 0)
    return TRUE;

  store = mamori_store_open (canonical, flags, &error);
  if (store == NULL)
    {
      show_open_error (self, canonical, error);
      return FALSE;
    }

  mamori_window_set_store (self, store);
  g_settings_set_string (self->settings, "last-workspace", canonical);
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
  g_autofree char *last = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *default_dir = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MAMORI_IS_WINDOW (self));

  last = g_settings_get_string (self->settings, "last-workspace");
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
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
      *last != '\0' && g_strcmp0 (last, default_path) != 0)
    {
      g_autofree char *name = g_filename_display_basename (last);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("“%s”, the workspace used last, was not found. Is its drive connected?"), name);

      mamori_window_add_toast (self, adw_toast_new (message));
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

static void
on_new_response (GtkNativeDialog *dialog,
                 int              response,
                 MamoriWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file == NULL || (chosen = g_file_get_path (file)) == NULL)
    return;

  path = g_str_has_suffix (chosen, WORKSPACE_SUFFIX) ? g_strdup (chosen)
                                                      : g_strconcat (chosen, WORKSPACE_SUFFIX, NULL);

  /* Creating never overwrites: a file already there may be someone's work. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autoptr(GError) error = NULL;

      g_set_error (&error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("“%s” already exists. Mamori never replaces a file with a new workspace; choose another name, or open the existing file with Open Workspace."),
                   name);
      show_open_error (self, path, error);
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
  /* Translators: the suggested file name of a new workspace; keep .mamori */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("New Workspace.mamori"));

  g_signal_connect (chooser, "response", G_CALLBACK (on_new_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  MamoriWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
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

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  mamori_window_open_workspace (MAMORI_WINDOW (widget),
                                g_variant_get_string (param, NULL),
                                MAMORI_STORE_OPEN_DEFAULT);
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
