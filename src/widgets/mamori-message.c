/* mamori-message.c — telling the user what happened
 *
 * A toast is one short line, and libadwaita 1.2 reads its title as Pango
 * markup: a file named "R&D <Tokai>.mamori" would blank it. So toasts carry
 * a short, escaped title, and the whole sentence — what happened and what to
 * do — behind a Details button that opens it in a dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "mamori-message.h"

/**
 * mamori_toast_new:
 * @title: one short line, plain text
 * @details: (nullable): the full message, plain text, shown on request
 *
 * Returns: (transfer floating): a toast for a window that has the
 *   "message.show" action (see mamori_message_install_action())
 */
AdwToast *
mamori_toast_new (const char *title,
                  const char *details)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_val_if_fail (title != NULL, NULL);

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);

  if (details != NULL)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "message.show");
      adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", title, details));
      /* A problem stays until the user has seen it. */
      adw_toast_set_timeout (toast, 0);
    }

  return toast;
}

/**
 * mamori_message_show:
 *
 * Returns: (transfer none): the dialog, already presented
 */
GtkWindow *
mamori_message_show (GtkWindow  *parent,
                     const char *heading,
                     const char *body)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (heading != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/**
 * mamori_message_dup_chosen_path:
 * @file: (nullable): what a file chooser gave, %NULL if it was cancelled
 *
 * The path of a file the user chose to read. Mamori reads files on this
 * computer only (it never uses the network); for any other location the
 * user is told so, in a dialog over @parent.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL
 */
char *
mamori_message_dup_chosen_path (GtkWindow *parent,
                                GFile     *file)
{
  char *path;

  if (file == NULL)
    return NULL;
  path = g_file_get_path (file);
  if (path == NULL)
    mamori_message_show (parent, _("The File Could Not Be Read"),
                         _("Only files on this computer can be read. Copy the file to this computer first."));
  return path;
}

/**
 * mamori_message_new_unsaved:
 * @parent: the window whose changes are at stake
 * @heading: what could not be saved
 * @error: why
 * @advice: what the two answers do, in a sentence
 * @keep_label: the label of the answer that keeps the changes
 *
 * Asks what to do with changes that could not be saved: keep them (the
 * response "keep", the default, also when the dialog is closed) or
 * discard them (the response "discard"). The caller connects to
 * #AdwMessageDialog::response and presents the dialog.
 *
 * Returns: (transfer floating): the dialog
 */
AdwMessageDialog *
mamori_message_new_unsaved (GtkWindow    *parent,
                            const char   *heading,
                            const GError *error,
                            const char   *advice,
                            const char   *keep_label)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (heading != NULL && error != NULL && advice != NULL && keep_label != NULL, NULL);

  body = g_strconcat (error->message, "\n\n", advice, NULL);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "keep", keep_label,
                                    "discard", _("_Discard Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");

  return dialog;
}

static gboolean
destroy_window (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

/**
 * mamori_message_destroy_later:
 *
 * Destroys @window once the main loop is idle: from a dialog's response
 * handler, destroying the dialog's parent at once leaves the dialog to
 * finish with a parent that is gone.
 */
void
mamori_message_destroy_later (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window, g_object_ref (window), g_object_unref);
}

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  const char *heading;
  const char *body;

  g_variant_get (param, "(&s&s)", &heading, &body);
  mamori_message_show (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
}

/* For a window class whose toasts have Details buttons. */
void
mamori_message_install_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "message.show", "(ss)", show_action);
}

/**
 * mamori_dialog_set_parent:
 * @parent: (nullable): the window @window is opened from
 *
 * Opens @window over @parent and makes it one of the application's windows,
 * so that the application's shortcuts (Ctrl+W closes it) work there too; it
 * goes with its parent.
 */
void
mamori_dialog_set_parent (GtkWindow *window,
                          GtkWindow *parent)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  gtk_window_set_transient_for (window, parent);
  gtk_window_set_destroy_with_parent (window, TRUE);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (window, gtk_window_get_application (parent));
}
