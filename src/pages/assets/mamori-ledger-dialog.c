/* mamori-ledger-dialog.c — one new entry of a handling ledger
 *
 * Also how a mistake is put right: opened for an existing entry, it starts
 * from that entry's values and writes a correction that refers to it. What
 * is wrong (a date that does not exist, no person) is said in the dialog,
 * which stays open; nothing is written until it is right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "pages/assets/mamori-ledger-dialog.h"
#include "widgets/mamori-rows.h"

struct _MamoriLedgerDialog
{
  AdwWindow             parent_instance;

  AdwPreferencesGroup  *group;
  GtkWidget            *add_button;
  AdwEntryRow          *date_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *person_row;
  AdwEntryRow          *purpose_row;
  GtkLabel             *error_label;

  MamoriStore          *store;
  gint64                asset_id;
  gint64                corrects;
  MamoriLedgerEntry    *original;  /* the entry corrected, if any */
};

G_DEFINE_FINAL_TYPE (MamoriLedgerDialog, mamori_ledger_dialog, ADW_TYPE_WINDOW)

static void
show_problem (MamoriLedgerDialog *self,
              const char         *message,
              GtkWidget          *field)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MamoriLedgerDialog *self = MAMORI_LEDGER_DIALOG (widget);
  g_autoptr(MamoriLedgerEntry) entry = mamori_ledger_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  /* A date typed with full-width digits or slashes is still a date. */
  date = g_utf8_normalize (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), -1, G_NORMALIZE_NFKC);
  g_strdelimit (g_strstrip (date), "/.", '-');

  entry->asset_id = self->asset_id;
  g_free (entry->date);
  entry->date = g_steal_pointer (&date);
  entry->kind = (MamoriLedgerKind) adw_combo_row_get_selected (self->kind_row);
  g_free (entry->person);
  entry->person = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_row))));
  g_free (entry->purpose);
  entry->purpose = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->purpose_row))));
  entry->corrects = self->corrects;

  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->person_row), "error");

  if (self->original != NULL &&
      g_strcmp0 (entry->date, self->original->date) == 0 && entry->kind == self->original->kind &&
      g_strcmp0 (entry->person, self->original->person) == 0 && g_strcmp0 (entry->purpose, self->original->purpose) == 0)
    {
      show_problem (self, _("Change what was wrong: a correction the same as the entry would only repeat it."), NULL);
      return;
    }

  if (mamori_store_add_ledger_entry (self->store, entry, &error) == 0)
    {
      /* The store says what is wrong; the field it is about is marked. */
      if (!mamori_ledger_date_is_valid (entry->date))
        show_problem (self, error->message, GTK_WIDGET (self->date_row));
      else if (mamori_text_is_blank (entry->person))
        show_problem (self, error->message, GTK_WIDGET (self->person_row));
      else
        show_problem (self, error->message, NULL);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
mamori_ledger_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_LEDGER_DIALOG);

  G_OBJECT_CLASS (mamori_ledger_dialog_parent_class)->dispose (object);
}

static void
mamori_ledger_dialog_finalize (GObject *object)
{
  MamoriLedgerDialog *self = MAMORI_LEDGER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->original, mamori_ledger_entry_free);

  G_OBJECT_CLASS (mamori_ledger_dialog_parent_class)->finalize (object);
}

static void
mamori_ledger_dialog_class_init (MamoriLedgerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_ledger_dialog_dispose;
  object_class->finalize = mamori_ledger_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-ledger-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriLedgerDialog, group);
  gtk_widget_class_bind_template_child (widget_class, MamoriLedgerDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriLedgerDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriLedgerDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriLedgerDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriLedgerDialog, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriLedgerDialog, error_label);

  gtk_widget_class_install_action (widget_class, "entry.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mamori_ledger_dialog_init (MamoriLedgerDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));
  mamori_name_row_controls (GTK_WIDGET (self));

  for (int kind = MAMORI_LEDGER_TAKE_OUT; kind <= MAMORI_LEDGER_RETURN; kind++)
    gtk_string_list_append (kinds, mamori_ledger_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);
}

/**
 * mamori_ledger_dialog_new:
 * @corrects: (nullable): the entry this one corrects
 */
GtkWidget *
mamori_ledger_dialog_new (MamoriStore             *store,
                          gint64                   asset_id,
                          const MamoriLedgerEntry *corrects)
{
  MamoriLedgerDialog *self;

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  self = g_object_new (MAMORI_TYPE_LEDGER_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->asset_id = asset_id;

  if (corrects != NULL)
    {
      g_autofree char *description = NULL;

      self->corrects = corrects->id;
      self->original = mamori_ledger_entry_new ();
      g_free (self->original->date);
      self->original->date = g_strdup (corrects->date);
      self->original->kind = corrects->kind;
      g_free (self->original->person);
      self->original->person = g_strdup (corrects->person);
      g_free (self->original->purpose);
      self->original->purpose = g_strdup (corrects->purpose);
      gtk_window_set_title (GTK_WINDOW (self), _("Correct a Ledger Entry"));
      gtk_button_set_label (GTK_BUTTON (self->add_button), _("_Correct"));
      /* Translators: %s is a date, %s a kind of entry such as "Taken out", %s a person */
      description = g_strdup_printf (_("This correction replaces the entry of %s (%s, %s). The original stays in the ledger, marked as corrected."),
                                     corrects->date, mamori_ledger_kind_get_label (corrects->kind), corrects->person);
      adw_preferences_group_set_description (self->group, description);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), corrects->date);
      adw_combo_row_set_selected (self->kind_row, corrects->kind);
      gtk_editable_set_text (GTK_EDITABLE (self->person_row), corrects->person);
      gtk_editable_set_text (GTK_EDITABLE (self->purpose_row), corrects->purpose);
    }

  return GTK_WIDGET (self);
}
