/* mamori-classes-window.c — the workspace's classes: names and thresholds
 *
 * Built in code: one group per class, highest first. Changes are saved a
 * moment after they are made (MamoriAutosave); saving re-evaluates every
 * asset. A combination that would make a higher class easier to reach than
 * a lower one is not saved, and the window says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "pages/assets/mamori-classes-window.h"
#include "widgets/mamori-autosave.h"
#include "widgets/mamori-message.h"
#include "widgets/mamori-rows.h"

struct _MamoriClassesWindow
{
  AdwPreferencesWindow  parent_instance;

  MamoriStore          *store;
  MamoriClassScheme    *scheme;
  MamoriAutosave       *autosave;
  AdwEntryRow          *name_rows[MAMORI_N_CLASSES];
  AdwComboRow          *peak_rows[MAMORI_N_CLASSES];
  AdwComboRow          *total_rows[MAMORI_N_CLASSES];
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (MamoriClassesWindow, mamori_classes_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Peak choices: low, medium, high, never (positions 0–3 ↔ 1–4). */
#define PEAK_TO_POSITION(peak)   ((guint) ((peak) - 1))
#define POSITION_TO_PEAK(pos)    ((int) (pos) + 1)
/* Total choices: 1 … 9, never (positions 0–9 ↔ 1–10). */
#define TOTAL_TO_POSITION(total) ((guint) ((total) - 1))
#define POSITION_TO_TOTAL(pos)   ((int) (pos) + 1)

static gboolean
save_scheme (gpointer   user_data,
             GError   **error)
{
  MamoriClassesWindow *self = user_data;

  return mamori_store_set_class_scheme (self->store, self->scheme, error);
}

static void
on_save_failed (MamoriClassesWindow *self,
                const GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    mamori_toast_new (_("These classes are not saved"), error->message));
}

static void
on_save_recovered (MamoriClassesWindow *self)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), mamori_toast_new (_("Classes saved"), NULL));
}

static void
show_scheme (MamoriClassesWindow *self)
{
  self->updating = TRUE;
  for (int level = 0; level < MAMORI_N_CLASSES; level++)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_rows[level]), mamori_class_scheme_get_name (self->scheme, level));
      if (level > 0)
        {
          adw_combo_row_set_selected (self->peak_rows[level], PEAK_TO_POSITION (self->scheme->peak[level]));
          adw_combo_row_set_selected (self->total_rows[level], TOTAL_TO_POSITION (self->scheme->total[level]));
        }
    }
  self->updating = FALSE;
}

static void
on_changed (MamoriClassesWindow *self)
{
  if (self->updating)
    return;

  for (int level = 0; level < MAMORI_N_CLASSES; level++)
    {
      g_autoptr(MamoriClassScheme) defaults = mamori_class_scheme_new_default ();
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_rows[level]));

      /* Typing the default name back means "the default" (it follows the
       * interface language). */
      mamori_class_scheme_set_name (self->scheme, level,
                                    g_strcmp0 (text, mamori_class_scheme_get_name (defaults, level)) == 0 ? NULL : text);
      if (level > 0)
        {
          self->scheme->peak[level] = POSITION_TO_PEAK (adw_combo_row_get_selected (self->peak_rows[level]));
          self->scheme->total[level] = POSITION_TO_TOTAL (adw_combo_row_get_selected (self->total_rows[level]));
        }
    }

  mamori_autosave_changed (self->autosave);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MamoriClassesWindow *self = MAMORI_CLASSES_WINDOW (widget);

  g_clear_pointer (&self->scheme, mamori_class_scheme_free);
  self->scheme = mamori_class_scheme_new_default ();
  show_scheme (self);
  mamori_autosave_changed (self->autosave);
}

static void
on_unsaved_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     MamoriClassesWindow *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      mamori_autosave_discard (self->autosave);
      mamori_message_destroy_later (GTK_WINDOW (self));
    }
}

static gboolean
mamori_classes_window_close_request (GtkWindow *window)
{
  MamoriClassesWindow *self = MAMORI_CLASSES_WINDOW (window);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  /* Closing saves. Classes that cannot work together (the toast said why)
   * are dropped; if the workspace could not be written, the user decides. */
  if (mamori_autosave_flush (self->autosave, &error) ||
      g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID))
    {
      mamori_autosave_discard (self->autosave);
      return GTK_WINDOW_CLASS (mamori_classes_window_parent_class)->close_request (window);
    }

  dialog = mamori_message_new_unsaved (window, _("Changes Could Not Be Saved"), error,
                                       _("Keep this window open and try again, or close it and lose the changes made since the last save."),
                                       _("_Keep Open"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static GtkStringList *
new_choices (gboolean peaks)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (peaks)
    {
      for (int rating = MAMORI_RATING_LOW; rating <= MAMORI_RATING_HIGH; rating++)
        gtk_string_list_append (list, mamori_rating_get_label (rating));
    }
  else
    {
      for (int total = 1; total < MAMORI_TOTAL_NEVER; total++)
        {
          g_autofree char *text = g_strdup_printf ("%d", total);
          gtk_string_list_append (list, text);
        }
    }
  /* Translators: a class this rule never gives */
  gtk_string_list_append (list, C_("threshold", "Never"));
  return list;
}

static void
build (MamoriClassesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  g_autoptr(GtkStringList) peaks = new_choices (TRUE);
  g_autoptr(GtkStringList) totals = new_choices (FALSE);
  AdwPreferencesGroup *intro = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *reset;

  adw_preferences_page_set_title (page, _("Classes"));
  adw_preferences_page_set_icon_name (page, "mamori-assets-symbolic");
  adw_preferences_group_set_description (intro,
                                         _("An asset gets the highest class it reaches: by its highest rating, or by its three ratings added up (none 0, low 1, medium 2, high 3). Every asset is evaluated again when these change."));
  reset = gtk_button_new_with_mnemonic (_("_Reset to the Guide’s Classes"));
  gtk_widget_set_halign (reset, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reset), "classes.reset");
  adw_preferences_group_add (intro, reset);
  adw_preferences_page_add (page, intro);

  for (int level = MAMORI_N_CLASSES - 1; level >= 0; level--)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *title = NULL;

      /* Translators: the classes are numbered from the highest, "Class 1" */
      title = g_strdup_printf (_("Class %d"), MAMORI_N_CLASSES - level);
      adw_preferences_group_set_title (group, title);
      if (level == 0)
        adw_preferences_group_set_description (group, _("Whatever reaches no other class."));

      self->name_rows[level] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_rows[level]), C_("class", "_Name"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->name_rows[level]), TRUE);
      g_signal_connect_swapped (self->name_rows[level], "changed", G_CALLBACK (on_changed), self);
      adw_preferences_group_add (group, GTK_WIDGET (self->name_rows[level]));

      if (level > 0)
        {
          self->peak_rows[level] = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->peak_rows[level]), _("When a Rating Is at Least"));
          adw_combo_row_set_model (self->peak_rows[level], G_LIST_MODEL (peaks));
          g_signal_connect_swapped (self->peak_rows[level], "notify::selected", G_CALLBACK (on_changed), self);
          adw_preferences_group_add (group, GTK_WIDGET (self->peak_rows[level]));

          self->total_rows[level] = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->total_rows[level]), _("Or the Ratings Add Up to at Least"));
          adw_combo_row_set_model (self->total_rows[level], G_LIST_MODEL (totals));
          g_signal_connect_swapped (self->total_rows[level], "notify::selected", G_CALLBACK (on_changed), self);
          adw_preferences_group_add (group, GTK_WIDGET (self->total_rows[level]));
        }

      adw_preferences_page_add (page, group);
    }

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
mamori_classes_window_dispose (GObject *object)
{
  MamoriClassesWindow *self = MAMORI_CLASSES_WINDOW (object);

  /* Destroyed without closing (its parent went): what was typed is saved. */
  if (self->autosave != NULL)
    mamori_autosave_flush (self->autosave, NULL);
  g_clear_object (&self->autosave);

  G_OBJECT_CLASS (mamori_classes_window_parent_class)->dispose (object);
}

static void
mamori_classes_window_finalize (GObject *object)
{
  MamoriClassesWindow *self = MAMORI_CLASSES_WINDOW (object);

  g_clear_pointer (&self->scheme, mamori_class_scheme_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_classes_window_parent_class)->finalize (object);
}

static void
mamori_classes_window_class_init (MamoriClassesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_classes_window_dispose;
  object_class->finalize = mamori_classes_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = mamori_classes_window_close_request;

  gtk_widget_class_install_action (widget_class, "classes.reset", NULL, reset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  mamori_message_install_action (widget_class);
}

static void
mamori_classes_window_init (MamoriClassesWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Classes and Thresholds"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  self->autosave = mamori_autosave_new (save_scheme, self);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "recovered", G_CALLBACK (on_save_recovered), self, G_CONNECT_SWAPPED);
  build (self);
}

GtkWidget *
mamori_classes_window_new (MamoriStore *store)
{
  MamoriClassesWindow *self;

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  self = g_object_new (MAMORI_TYPE_CLASSES_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->scheme = mamori_store_dup_class_scheme (store);
  show_scheme (self);
  mamori_name_row_controls (GTK_WIDGET (self));

  return GTK_WIDGET (self);
}
