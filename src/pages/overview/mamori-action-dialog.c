/* mamori-action-dialog.c — adding or changing one action of the plan
 *
 * Opened empty (Add Action…), from a finding (its recommended action, the
 * finding named above), or on an action of the plan, with its status
 * history below. Nothing is saved until Save; the store refuses what is
 * incomplete (a title, a reason for "won't do", a real date) and the
 * reason is shown above the form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "model/mamori-screening.h"
#include "pages/overview/mamori-action-dialog.h"
#include "widgets/mamori-rows.h"

struct _MamoriActionDialog
{
  AdwWindow         parent_instance;

  GtkLabel         *error_label;
  AdwPreferencesGroup *finding_group;
  AdwEntryRow      *title_row;
  AdwEntryRow      *owner_row;
  AdwEntryRow      *due_row;
  AdwComboRow      *status_row;
  AdwEntryRow      *reason_row;
  AdwEntryRow      *note_row;
  GtkSwitch        *board_switch;
  AdwEntryRow      *resolution_row;
  AdwPreferencesGroup *history_group;

  MamoriStore      *store;
  MamoriAction     *action;
};

G_DEFINE_FINAL_TYPE (MamoriActionDialog, mamori_action_dialog, ADW_TYPE_WINDOW)

static void
sync_sensitivity (MamoriActionDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                          adw_combo_row_get_selected (self->status_row) == MAMORI_ACTION_WONT_DO);
  gtk_widget_set_sensitive (GTK_WIDGET (self->resolution_row), gtk_switch_get_active (self->board_switch));
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriActionDialog *self = MAMORI_ACTION_DIALOG (widget);
  g_autoptr(MamoriAction) action = mamori_action_copy (self->action);
  g_autoptr(GError) error = NULL;

  replace (&action->title, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  replace (&action->owner, gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
  replace (&action->due_on, gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  action->status = adw_combo_row_get_selected (self->status_row);
  replace (&action->reason, action->status == MAMORI_ACTION_WONT_DO
                              ? gtk_editable_get_text (GTK_EDITABLE (self->reason_row)) : "");
  replace (&action->note, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  action->board_decision = gtk_switch_get_active (self->board_switch);
  replace (&action->resolution, gtk_editable_get_text (GTK_EDITABLE (self->resolution_row)));

  if (!mamori_store_save_action (self->store, action, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      /* Straight to what needs fixing. */
      if (mamori_text_is_blank (action->title))
        gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      else if (action->status == MAMORI_ACTION_WONT_DO && mamori_text_is_blank (action->reason))
        gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated (MamoriActionDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "action.save", NULL);
}

static void
mamori_action_dialog_finalize (GObject *object)
{
  MamoriActionDialog *self = MAMORI_ACTION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->action, mamori_action_free);
  G_OBJECT_CLASS (mamori_action_dialog_parent_class)->finalize (object);
}

static void
mamori_action_dialog_class_init (MamoriActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mamori_action_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, finding_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, board_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriActionDialog, history_group);

  gtk_widget_class_install_action (widget_class, "action.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "action.save", NULL);
}

static void
mamori_action_dialog_init (MamoriActionDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  mamori_name_row_controls (GTK_WIDGET (self));
  mamori_date_row_add_picker (self->due_row);
  for (int status = 0; status < MAMORI_N_ACTION_STATUSES; status++)
    gtk_string_list_append (statuses, mamori_action_status_get_label (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (sync_sensitivity), self);
  g_signal_connect_swapped (self->board_switch, "notify::active", G_CALLBACK (sync_sensitivity), self);
  /* Enter in the title saves, as in any dialog. */
  g_signal_connect_swapped (self->title_row, "entry-activated", G_CALLBACK (on_entry_activated), self);
}

static GtkWidget *
history_row_new (const MamoriActionChange *change)
{
  g_autofree char *when = mamori_text_format_local_time (change->changed_at, "%Y-%m-%d %H:%M");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (change->from < 0)
    /* Translators: the first entry of an action's history; %s is its status */
    title = g_strdup_printf (_("Added as “%s”"), mamori_action_status_get_label (change->to));
  else
    /* Translators: an entry of an action's history: from one status to another */
    title = g_strdup_printf (_("%s → %s"), mamori_action_status_get_label (change->from),
                             mamori_action_status_get_label (change->to));
  if (!mamori_text_is_blank (change->reason))
    /* Translators: who and when, then the reason given */
    subtitle = g_strdup_printf (_("%s, %s: %s"), change->changed_by, when, change->reason);
  else
    /* Translators: who changed an action's status, and when */
    subtitle = g_strdup_printf (_("%s, %s"), change->changed_by, when);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/**
 * mamori_action_dialog_new:
 * @action: (nullable): the action to change, or %NULL to add one
 * @finding: (nullable): the finding a new action takes on
 *
 * Returns: (transfer none): the dialog, to make transient and present
 */
GtkWindow *
mamori_action_dialog_new (MamoriStore         *store,
                          const MamoriAction  *action,
                          const MamoriFinding *finding)
{
  MamoriActionDialog *self = g_object_new (MAMORI_TYPE_ACTION_DIALOG, NULL);

  self->store = g_object_ref (store);
  self->action = action != NULL ? mamori_action_copy (action) : mamori_action_new ();
  if (action == NULL && finding != NULL)
    {
      replace (&self->action->title, finding->action);
      replace (&self->action->finding_key, finding->key);
    }

  gtk_window_set_title (GTK_WINDOW (self), action != NULL ? _("Action") : _("New Action"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->action->title);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), self->action->owner);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), self->action->due_on);
  adw_combo_row_set_selected (self->status_row, self->action->status);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), self->action->reason);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), self->action->note);
  gtk_switch_set_active (self->board_switch, self->action->board_decision);
  gtk_editable_set_text (GTK_EDITABLE (self->resolution_row), self->action->resolution);

  if (finding != NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", finding->explanation, finding->reason);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->finding_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->finding_group), finding != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
  if (action != NULL && action->id != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) history = mamori_store_dup_action_history (store, action->id, &error);

      for (guint i = 0; history != NULL && i < history->len; i++)
        adw_preferences_group_add (self->history_group, history_row_new (g_ptr_array_index (history, i)));
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), history != NULL && history->len > 0);
    }
  sync_sensitivity (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WINDOW (self);
}
