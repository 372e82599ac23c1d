/* mamori-profile-window.c — the organization profile, edited in place
 *
 * The rows are bound to a MamoriProfile, and what is typed is saved as it is
 * typed (MamoriAutosave), and at once when the window closes. There is no
 * Save button to forget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "mamori-autosave.h"
#include "mamori-message.h"
#include "mamori-profile-window.h"
#include "mamori-rows.h"

struct _MamoriProfileWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesPage   *page;
  AdwEntryRow          *name_ja_row;
  AdwEntryRow          *name_en_row;
  AdwEntryRow          *industry_row;
  GtkSpinButton        *employees_spin;
  GtkSwitch            *exports_switch;
  GtkSwitch            *investors_switch;
  GtkSwitch            *sector_switch;
  AdwEntryRow          *officer_row;
  AdwEntryRow          *consultant_row;

  MamoriStore          *store;
  MamoriProfile        *profile;
  MamoriAutosave       *autosave;
};

G_DEFINE_FINAL_TYPE (MamoriProfileWindow, mamori_profile_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
save_profile (gpointer   user_data,
              GError   **error)
{
  MamoriProfileWindow *self = user_data;

  return mamori_store_save_profile (self->store, self->profile, error);
}

static void
on_save_failed (MamoriProfileWindow *self,
                const GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    mamori_toast_new (_("Changes are not being saved"), error->message));
}

static void
on_save_recovered (MamoriProfileWindow *self)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), mamori_toast_new (_("Changes saved again"), NULL));
}

static void
on_profile_notify (MamoriProfileWindow *self)
{
  mamori_autosave_changed (self->autosave);
}

/**
 * mamori_profile_window_save:
 *
 * Saves at once whatever has not been saved yet.
 *
 * Returns: whether everything typed is saved
 */
gboolean
mamori_profile_window_save (MamoriProfileWindow  *self,
                            GError              **error)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE_WINDOW (self), FALSE);

  return mamori_autosave_flush (self->autosave, error);
}

/**
 * mamori_profile_window_discard:
 *
 * Forgets what was typed since the last save.
 */
void
mamori_profile_window_discard (MamoriProfileWindow *self)
{
  g_return_if_fail (MAMORI_IS_PROFILE_WINDOW (self));

  mamori_autosave_discard (self->autosave);
}

static void
on_unsaved_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     MamoriProfileWindow *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      mamori_autosave_discard (self->autosave);
      mamori_message_destroy_later (GTK_WINDOW (self));
    }
}

/* Closing saves; if that fails, the user decides, knowing what is at stake. */
static gboolean
mamori_profile_window_close_request (GtkWindow *window)
{
  MamoriProfileWindow *self = MAMORI_PROFILE_WINDOW (window);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (mamori_autosave_flush (self->autosave, &error))
    return GTK_WINDOW_CLASS (mamori_profile_window_parent_class)->close_request (window);

  dialog = mamori_message_new_unsaved (window, _("Changes Could Not Be Saved"), error,
                                       _("Keep this window open and try again, or close it and lose the changes made since the last save."),
                                       _("_Keep Open"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* A spin button only takes its value on Enter or when it loses focus; the
 * profile should have every digit as it is typed. */
static void
on_employees_text_changed (MamoriProfileWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->employees_spin));
  guint64 value;

  if (*text != '\0' && g_ascii_string_to_unsigned (text, 10, 0, 1000000, &value, NULL))
    mamori_profile_set_employees (self->profile, (guint) value);
}

/* The window opens with the cursor at the end of the organization's name.
 * Left to itself GTK would focus the first entry with all its text selected,
 * and the next key pressed would replace the name — saved at once. */
static void
on_map (MamoriProfileWindow *self)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->name_ja_row));

  if (GTK_IS_TEXT (text))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  gtk_editable_set_position (GTK_EDITABLE (self->name_ja_row), -1);
}

static void
bind_text (MamoriProfileWindow *self,
           const char          *property,
           AdwEntryRow         *row)
{
  g_object_bind_property (self->profile, property, row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
bind_switch (MamoriProfileWindow *self,
             const char          *property,
             GtkSwitch           *widget)
{
  g_object_bind_property (self->profile, property, widget, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
mamori_profile_window_constructed (GObject *object)
{
  MamoriProfileWindow *self = MAMORI_PROFILE_WINDOW (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (mamori_profile_window_parent_class)->constructed (object);

  g_assert (MAMORI_IS_STORE (self->store));

  self->autosave = mamori_autosave_new (save_profile, self);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "recovered", G_CALLBACK (on_save_recovered), self, G_CONNECT_SWAPPED);

  self->profile = mamori_store_dup_profile (self->store, &error);
  if (self->profile == NULL)
    {
      /* Never offer blank fields that would overwrite what could not be read. */
      self->profile = mamori_profile_new ();
      gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        mamori_toast_new (_("The organization profile could not be read"), error->message));
      return;
    }

  bind_text (self, "name-ja", self->name_ja_row);
  bind_text (self, "name-en", self->name_en_row);
  bind_text (self, "industry", self->industry_row);
  bind_text (self, "security-officer", self->officer_row);
  bind_text (self, "consultant", self->consultant_row);
  bind_switch (self, "exports-abroad", self->exports_switch);
  bind_switch (self, "foreign-investors", self->investors_switch);
  bind_switch (self, "designated-sector", self->sector_switch);
  g_object_bind_property (self->profile, "employees",
                          gtk_spin_button_get_adjustment (self->employees_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_after (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect_object (self->employees_spin, "changed",
                           G_CALLBACK (on_employees_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profile, "notify",
                           G_CALLBACK (on_profile_notify), self, G_CONNECT_SWAPPED);
}

static void
mamori_profile_window_dispose (GObject *object)
{
  MamoriProfileWindow *self = MAMORI_PROFILE_WINDOW (object);

  /* Destroyed without closing (the application quit): save what is left. */
  if (self->autosave != NULL)
    mamori_autosave_flush (self->autosave, NULL);
  g_clear_object (&self->autosave);

  gtk_widget_dispose_template (GTK_WIDGET (self), MAMORI_TYPE_PROFILE_WINDOW);

  G_OBJECT_CLASS (mamori_profile_window_parent_class)->dispose (object);
}

static void
mamori_profile_window_finalize (GObject *object)
{
  MamoriProfileWindow *self = MAMORI_PROFILE_WINDOW (object);

  g_clear_object (&self->profile);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_profile_window_parent_class)->finalize (object);
}

static void
mamori_profile_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MamoriProfileWindow *self = MAMORI_PROFILE_WINDOW (object);

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
mamori_profile_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MamoriProfileWindow *self = MAMORI_PROFILE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_profile_window_class_init (MamoriProfileWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mamori_profile_window_constructed;
  object_class->dispose = mamori_profile_window_dispose;
  object_class->finalize = mamori_profile_window_finalize;
  object_class->get_property = mamori_profile_window_get_property;
  object_class->set_property = mamori_profile_window_set_property;

  GTK_WINDOW_CLASS (klass)->close_request = mamori_profile_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         MAMORI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-profile-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, page);
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, name_ja_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, industry_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, employees_spin);
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, exports_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, investors_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, sector_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, officer_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriProfileWindow, consultant_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  mamori_message_install_action (widget_class);
}

static void
mamori_profile_window_init (MamoriProfileWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mamori_name_row_controls (GTK_WIDGET (self));
}

GtkWidget *
mamori_profile_window_new (MamoriStore *store)
{
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  return g_object_new (MAMORI_TYPE_PROFILE_WINDOW, "store", store, NULL);
}

/**
 * mamori_profile_window_get_profile:
 *
 * Returns: (transfer none): the profile being edited
 */
MamoriProfile *
mamori_profile_window_get_profile (MamoriProfileWindow *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE_WINDOW (self), NULL);

  return self->profile;
}
