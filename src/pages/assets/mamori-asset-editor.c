/* mamori-asset-editor.c — one information asset, edited in place
 *
 * The rows are bound to a MamoriAsset; what is typed is saved a moment later
 * (MamoriAutosave) and at once when another asset is chosen. The class, the
 * reason for it and the recommended measures follow the ratings as they are
 * chosen; adopting a measure is saved at once. The trade-secret readiness is
 * worked out from the five facts, and the handling ledger only grows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-trade-secret.h"
#include "catalog/mamori-measures.h"
#include "pages/assets/mamori-asset-editor.h"
#include "pages/assets/mamori-ledger-dialog.h"
#include "widgets/mamori-autosave.h"
#include "widgets/mamori-message.h"

struct _MamoriAssetEditor
{
  MamoriSection        parent_instance;

  GtkWidget           *back_button;
  GtkLabel            *title_label;
  AdwPreferencesPage  *page;
  AdwEntryRow         *name_row;
  AdwComboRow         *category_row;
  AdwComboRow         *form_row;
  AdwEntryRow         *storage_row;
  AdwEntryRow         *department_row;
  AdwEntryRow         *responsible_row;
  AdwEntryRow         *access_row;
  GtkSwitch           *entrusted_switch;
  GtkTextView         *notes_view;
  GtkLabel            *dates_label;
  AdwComboRow         *value_row;
  AdwComboRow         *competition_row;
  AdwComboRow         *trust_row;
  AdwActionRow        *class_row;
  GtkLabel            *class_label;
  AdwExpanderRow      *override_row;
  AdwComboRow         *override_class_row;
  AdwEntryRow         *override_reason_row;
  AdwComboRow         *strategy_row;
  AdwPreferencesGroup *measures_group;
  GtkSwitch           *marked_switch;
  GtkSwitch           *restricted_switch;
  GtkSwitch           *pledges_switch;
  GtkSwitch           *useful_switch;
  GtkSwitch           *not_public_switch;
  AdwPreferencesGroup *requirements_group;
  AdwPreferencesGroup *ledger_group;

  MamoriStore         *store;
  MamoriAsset         *asset;
  MamoriClassScheme   *scheme;
  MamoriAutosave      *autosave;
  GPtrArray           *bindings;       /* GBinding, dropped with the asset */
  GPtrArray           *measure_rows;   /* rows added to measures_group */
  GPtrArray           *requirement_rows;
  GPtrArray           *ledger_rows;
  GPtrArray           *ledger;         /* MamoriLedgerEntry, shown */
  GHashTable          *adopted;
  gulong               notify_id;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (MamoriAssetEditor, mamori_asset_editor, MAMORI_TYPE_SECTION)

enum {
  PROP_0,
  PROP_ASSET,
  PROP_SHOW_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Combo rows hold positions; the asset holds enum values and levels. */

static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, (int) position);
  return TRUE;
}

/* Ratings: "Not rated" first, then none … high. */
static gboolean
rating_to_position (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_uint (to, (guint) (g_value_get_int (from) + 1));
  return TRUE;
}

static gboolean
position_to_rating (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_int (to, (int) position - 1);
  return TRUE;
}

/* Classes are listed highest first. */
static gboolean
class_to_position (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  int level = g_value_get_int (from);

  if (level < 0)
    return FALSE;
  g_value_set_uint (to, (guint) (MAMORI_N_CLASSES - 1 - level));
  return TRUE;
}

static gboolean
position_to_class (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  MamoriAssetEditor *self = user_data;
  guint position = g_value_get_uint (from);

  /* Only while the override is on: otherwise the asset has none. */
  if (position == GTK_INVALID_LIST_POSITION || !adw_expander_row_get_enable_expansion (self->override_row))
    return FALSE;
  g_value_set_int (to, MAMORI_N_CLASSES - 1 - (int) position);
  return TRUE;
}

static void
bind (MamoriAssetEditor *self,
      const char        *property,
      gpointer           widget,
      const char        *widget_property)
{
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (self->asset, property, widget, widget_property,
                                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)));
}

static void
bind_full (MamoriAssetEditor     *self,
           const char            *property,
           gpointer               widget,
           const char            *widget_property,
           GBindingTransformFunc  to_widget,
           GBindingTransformFunc  to_asset)
{
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property_full (self->asset, property, widget, widget_property,
                                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                              to_widget, to_asset, self, NULL)));
}

static void
unbind_all (MamoriAssetEditor *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkStringList *
new_class_names (const MamoriClassScheme *scheme)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (int level = MAMORI_N_CLASSES - 1; level >= 0; level--)
    gtk_string_list_append (names, mamori_class_scheme_get_name (scheme, level));
  return names;
}

/* The class as it stands now: by hand, or from the ratings being chosen
 * (before the store has saved and worked it out). */
static int
current_class (MamoriAssetEditor *self)
{
  int ratings[MAMORI_N_VIEWPOINTS];

  if (mamori_asset_get_class_override (self->asset) != MAMORI_CLASS_NONE)
    return mamori_asset_get_class_override (self->asset);

  mamori_asset_get_ratings (self->asset, ratings);
  return mamori_class_scheme_evaluate (self->scheme, ratings);
}

static void
update_class (MamoriAssetEditor *self)
{
  int ratings[MAMORI_N_VIEWPOINTS];
  int level = current_class (self);
  g_autofree char *reason = NULL;

  mamori_asset_get_ratings (self->asset, ratings);
  reason = mamori_class_scheme_explain (self->scheme, ratings);

  if (mamori_asset_get_class_override (self->asset) != MAMORI_CLASS_NONE)
    {
      g_autofree char *by_hand = NULL;
      const char *why = mamori_asset_get_override_reason (self->asset);

      /* Translators: the class was set by hand; %s is the reason given */
      by_hand = *why != '\0' ? g_strdup_printf (_("Set by hand: %s"), why) : g_strdup (_("Set by hand, no reason given yet"));
      /* Translators: first the hand-set class's reason, then what the ratings alone would give */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->class_row), by_hand);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->class_row), reason);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->class_row), reason);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->class_row), NULL);
    }

  gtk_label_set_text (self->class_label, level >= 0 ? mamori_class_scheme_get_name (self->scheme, level)
                                                    : C_("class", "Not evaluated"));
  for (int i = 0; i < MAMORI_N_CLASSES; i++)
    {
      g_autofree char *css = g_strdup_printf ("mamori-class-%d", i);
      if (i == level)
        gtk_widget_add_css_class (GTK_WIDGET (self->class_label), css);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->class_label), css);
    }
}

/* A leak route's row says how many of its measures are adopted, and warns
 * when none is: the route is uncovered. */
static void
update_route_summary (AdwExpanderRow *expander)
{
  guint shown = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "shown"));
  guint adopted = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "adopted"));
  g_autofree char *summary = NULL;

  if (adopted == 0)
    /* Translators: a leak route with no measure adopted; %u measures are suggested */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not covered: none of %u measure adopted",
                                            "Not covered: none of %u measures adopted", shown), shown);
  else
    /* Translators: %u of %u measures adopted on a leak route */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u measure adopted",
                                            "%u of %u measures adopted", shown), adopted, shown);
  adw_expander_row_set_subtitle (expander, summary);
  if (adopted == 0)
    gtk_widget_add_css_class (GTK_WIDGET (expander), "mamori-uncovered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (expander), "mamori-uncovered");
}

static void
on_measure_toggled (GtkCheckButton    *button,
                    MamoriAssetEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "measure-id");
  gboolean adopted = gtk_check_button_get_active (button);
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  /* Adopting is saved at once; the asset is saved first, so the store
   * works out the routes for its current class. */
  if (!mamori_autosave_flush (self->autosave, &error) ||
      !mamori_store_set_measure_adopted (self->store, self->asset, id, adopted, &error))
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The measure could not be saved"), error);
      self->updating = TRUE;
      gtk_check_button_set_active (button, !adopted);
      self->updating = FALSE;
      return;
    }

  if (adopted)
    g_hash_table_add (self->adopted, g_strdup (id));
  else
    g_hash_table_remove (self->adopted, id);

  {
    AdwExpanderRow *route_row = g_object_get_data (G_OBJECT (button), "route-row");
    guint count = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (route_row), "adopted"));

    count = adopted ? count + 1 : count - 1;
    g_object_set_data (G_OBJECT (route_row), "adopted", GUINT_TO_POINTER (count));
    update_route_summary (route_row);
  }
}

static void rebuild_measures (MamoriAssetEditor *self);

/* One expander per leak route, with the measures the class calls for and
 * any adopted beyond them. */
static void
rebuild_measures (MamoriAssetEditor *self)
{
  MamoriMeasureCatalog *catalog = mamori_measure_catalog_get_default ();
  int level = current_class (self);
  g_autofree char *description = NULL;

  remove_rows (self->measures_group, self->measure_rows);

  if (level < 0)
    description = g_strdup (_("Rate the asset to see the measures its class calls for."));
  else if (level == 0)
    /* Translators: %s is the name of the lowest class, e.g. 公開 */
    description = g_strdup_printf (_("“%s” information calls for no measures against leaks."),
                                   mamori_class_scheme_get_name (self->scheme, 0));
  else
    /* Translators: %s is a class name; then the handbook's title, its date and URL */
    description = g_strdup_printf (_("What “%s” calls for on each leak route, from %s (as of %s, %s). Items marked “unverified” were not found in a source yet; check them against the handbook. Which items each class calls for is Mamori’s suggestion."),
                                   mamori_class_scheme_get_name (self->scheme, level),
                                   mamori_measure_catalog_get_source (catalog),
                                   mamori_measure_catalog_get_as_of (catalog),
                                   mamori_measure_catalog_get_source_url (catalog));
  adw_preferences_group_set_description (self->measures_group, description);

  for (int route = 0; route < MAMORI_N_ROUTES; route++)
    {
      AdwExpanderRow *expander = NULL;
      guint shown = 0, adopted = 0;

      for (guint i = 0; i < mamori_measure_catalog_get_n_measures (catalog); i++)
        {
          const MamoriMeasure *measure = mamori_measure_catalog_get_measure (catalog, i);
          gboolean is_adopted = g_hash_table_contains (self->adopted, measure->id);
          g_autofree char *subtitle = NULL;
          GtkWidget *row;
          GtkWidget *check;

          if (measure->route != (MamoriRoute) route || (level < measure->level && !is_adopted))
            continue;

          if (expander == NULL)
            {
              expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), mamori_route_get_label (route));
            }

          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mamori_measure_get_title (measure));
          /* Translators: a measure's subtitle when it could not be verified against a source */
          subtitle = measure->verified ? g_strdup (mamori_objective_get_label (measure->objective))
                                       : g_strdup_printf (_("%s · unverified"), mamori_objective_get_label (measure->objective));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          check = gtk_check_button_new ();
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_adopted);
          g_object_set_data_full (G_OBJECT (check), "measure-id", g_strdup (measure->id), g_free);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
          g_signal_connect_object (check, "toggled", G_CALLBACK (on_measure_toggled), self, 0);
          g_object_set_data (G_OBJECT (check), "route-row", expander);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (expander, row);

          shown++;
          adopted += is_adopted;
        }

      if (expander != NULL)
        {
          g_object_set_data (G_OBJECT (expander), "shown", GUINT_TO_POINTER (shown));
          g_object_set_data (G_OBJECT (expander), "adopted", GUINT_TO_POINTER (adopted));
          update_route_summary (expander);
          adw_preferences_group_add (self->measures_group, GTK_WIDGET (expander));
          g_ptr_array_add (self->measure_rows, expander);
        }
    }
}

static void
update_requirements (MamoriAssetEditor *self)
{
  MamoriSecretFacts facts;
  GtkWidget *summary;

  mamori_asset_get_secret_facts (self->asset, &facts);
  remove_rows (self->requirements_group, self->requirement_rows);

  summary = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (summary),
                                 mamori_trade_secret_is_ready (&facts)
                                 ? _("It can be protected as a trade secret")
                                 : _("Not yet protected as a trade secret"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (summary),
                             gtk_image_new_from_icon_name (mamori_trade_secret_is_ready (&facts)
                                                           ? "emblem-ok-symbolic" : "dialog-warning-symbolic"));
  adw_preferences_group_add (self->requirements_group, summary);
  g_ptr_array_add (self->requirement_rows, summary);

  for (int requirement = 0; requirement < MAMORI_N_REQUIREMENTS; requirement++)
    {
      g_autoptr(GPtrArray) missing = mamori_trade_secret_dup_missing (&facts, requirement);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      gboolean met = mamori_trade_secret_is_met (&facts, requirement);

      if (met)
        subtitle = g_strdup_printf (_("Met. %s"), mamori_requirement_get_description (requirement));
      else
        {
          g_autofree char *list = NULL;

          g_ptr_array_add (missing, NULL);
          list = g_strjoinv (_("; "), (char **) missing->pdata);
          /* Translators: %s lists what is missing */
          subtitle = g_strdup_printf (_("Missing: %s."), list);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mamori_requirement_get_label (requirement));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (met ? "emblem-ok-symbolic" : "window-close-symbolic"));
      adw_preferences_group_add (self->requirements_group, row);
      g_ptr_array_add (self->requirement_rows, row);
    }
}

static void
on_correct_clicked (GtkButton         *button,
                    MamoriAssetEditor *self)
{
  const MamoriLedgerEntry *entry = g_object_get_data (G_OBJECT (button), "entry");
  GtkWidget *dialog;

  dialog = mamori_ledger_dialog_new (self->store, mamori_asset_get_id (self->asset), entry);
  mamori_dialog_set_parent (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_ledger (MamoriAssetEditor *self)
{
  g_autoptr(GError) error = NULL;

  remove_rows (self->ledger_group, self->ledger_rows);
  g_clear_pointer (&self->ledger, g_ptr_array_unref);

  if (self->asset == NULL)
    return;

  self->ledger = mamori_store_dup_ledger (self->store, mamori_asset_get_id (self->asset), &error);
  if (self->ledger == NULL)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The handling ledger could not be read"), error);
      return;
    }

  /* Newest first: what happened last is what one looks for. */
  for (guint i = self->ledger->len; i-- > 0;)
    {
      MamoriLedgerEntry *entry = g_ptr_array_index (self->ledger, i);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (entry->purpose);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Translators: a ledger entry: date, what happened, who */
      title = g_strdup_printf (_("%s  %s — %s"), entry->date, mamori_ledger_kind_get_label (entry->kind), entry->person);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

      if (entry->corrects != 0)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, entry->corrects);

          /* Translators: %s is the number of the ledger entry this one corrects */
          g_string_append_printf (subtitle, _("Corrects entry %s"), number);
        }
      if (entry->corrected_by != 0)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, entry->corrected_by);

          /* Translators: %s is the number of the ledger entry that corrects this one */
          g_string_append_printf (subtitle, _("Corrected by entry %s"), number);
          gtk_widget_add_css_class (row, "dim-label");
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

      {
        g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);
        GtkWidget *label = gtk_label_new (number);

        gtk_widget_add_css_class (label, "dim-label");
        gtk_widget_add_css_class (label, "numeric");
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      }

      if (entry->corrected_by == 0)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Correct…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          g_object_set_data (G_OBJECT (button), "entry", entry);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_correct_clicked), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }

      adw_preferences_group_add (self->ledger_group, row);
      g_ptr_array_add (self->ledger_rows, row);
    }

  if (self->ledger->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No entries yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->ledger_group, row);
      g_ptr_array_add (self->ledger_rows, row);
    }
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MamoriAssetEditor *self = MAMORI_ASSET_EDITOR (widget);
  GtkWidget *dialog;

  if (self->asset == NULL)
    return;

  dialog = mamori_ledger_dialog_new (self->store, mamori_asset_get_id (self->asset), NULL);
  mamori_dialog_set_parent (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_dates (MamoriAssetEditor *self)
{
  g_autofree char *created = g_strndup (mamori_asset_get_created (self->asset), 10);
  g_autofree char *updated = g_strndup (mamori_asset_get_updated (self->asset), 10);
  /* Translators: the dates an asset was registered and last changed */
  g_autofree char *text = g_strdup_printf (_("Registered %s · changed %s"), created, updated);

  gtk_label_set_text (self->dates_label, text);
}

static void
update_title (MamoriAssetEditor *self)
{
  const char *name = mamori_asset_get_name (self->asset);

  gtk_label_set_text (self->title_label, *name != '\0' ? name : _("Unnamed Asset"));
}

static gboolean
save_asset (gpointer   user_data,
            GError   **error)
{
  MamoriAssetEditor *self = user_data;

  return self->asset == NULL || mamori_store_save_asset (self->store, self->asset, error);
}

static void
on_save_failed (MamoriAssetEditor *self,
                const GError      *error)
{
  mamori_section_show_error (MAMORI_SECTION (self), _("Changes are not being saved"), error);
}

static void
on_save_recovered (MamoriAssetEditor *self)
{
  mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("Changes saved again"), NULL));
}

/* What the store works out itself is not an edit to save again. */
static gboolean
is_derived (const char *property)
{
  return g_str_equal (property, "class-auto") || g_str_equal (property, "uncovered") ||
         g_str_equal (property, "created") || g_str_equal (property, "updated") || g_str_equal (property, "id");
}

static void
on_asset_notify (MamoriAsset       *asset,
                 GParamSpec        *pspec,
                 MamoriAssetEditor *self)
{
  const char *name = pspec->name;

  if (!is_derived (name) && !self->updating)
    mamori_autosave_changed (self->autosave);

  if (g_str_equal (name, "name"))
    update_title (self);
  else if (g_str_has_prefix (name, "rating-") || g_str_has_prefix (name, "class-") || g_str_equal (name, "override-reason"))
    {
      int before = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "shown-class"));
      int now = current_class (self);

      update_class (self);
      /* The measures follow the class, not every change of rating. */
      if (before != now)
        {
          g_object_set_data (G_OBJECT (self), "shown-class", GINT_TO_POINTER (now));
          rebuild_measures (self);
        }
    }
  else if (g_str_equal (name, "marked") || g_str_equal (name, "access-restricted") ||
           g_str_equal (name, "pledges-signed") || g_str_equal (name, "useful") || g_str_equal (name, "not-public"))
    update_requirements (self);
  else if (g_str_equal (name, "updated") || g_str_equal (name, "created"))
    update_dates (self);
}

static void
on_notes_changed (GtkTextBuffer     *buffer,
                  MamoriAssetEditor *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->asset == NULL || self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set (self->asset, "notes", text, NULL);
}

/* Turning the override on starts from the class the ratings give; turning
 * it off drops it (its reason is kept until then, should it come back). */
static void
on_override_enabled (AdwExpanderRow    *row,
                     GParamSpec        *pspec,
                     MamoriAssetEditor *self)
{
  gboolean enabled = adw_expander_row_get_enable_expansion (row);
  int ratings[MAMORI_N_VIEWPOINTS];
  int level;

  if (self->asset == NULL || self->updating)
    return;

  if (!enabled)
    {
      g_object_set (self->asset, "class-override", MAMORI_CLASS_NONE, NULL);
      return;
    }

  mamori_asset_get_ratings (self->asset, ratings);
  level = mamori_class_scheme_evaluate (self->scheme, ratings);
  g_object_set (self->asset, "class-override", MAX (level, 0), NULL);
  adw_expander_row_set_expanded (row, TRUE);
}

/**
 * mamori_asset_editor_save:
 *
 * Saves at once what has not been saved yet.
 */
gboolean
mamori_asset_editor_save (MamoriAssetEditor  *self,
                          GError            **error)
{
  g_return_val_if_fail (MAMORI_IS_ASSET_EDITOR (self), FALSE);

  return mamori_autosave_flush (self->autosave, error);
}

/**
 * mamori_asset_editor_discard:
 *
 * Forgets what was typed since the last save, and shows the asset as saved.
 */
void
mamori_asset_editor_discard (MamoriAssetEditor *self)
{
  g_autoptr(MamoriAsset) saved = NULL;

  g_return_if_fail (MAMORI_IS_ASSET_EDITOR (self));

  mamori_autosave_discard (self->autosave);
  if (self->asset == NULL)
    return;

  saved = mamori_store_dup_asset (self->store, mamori_asset_get_id (self->asset), NULL);
  mamori_asset_editor_set_asset (self, saved, NULL);
}

/**
 * mamori_asset_editor_set_asset:
 * @asset: (nullable): the asset to edit; the editor keeps its own reference
 *
 * What was typed for the previous asset is saved first. If that fails, the
 * editor keeps the previous asset, with what was typed, and says why.
 *
 * Returns: whether the editor shows @asset
 */
gboolean
mamori_asset_editor_set_asset (MamoriAssetEditor  *self,
                               MamoriAsset        *asset,
                               GError            **error)
{
  g_return_val_if_fail (MAMORI_IS_ASSET_EDITOR (self), FALSE);
  g_return_val_if_fail (asset == NULL || MAMORI_IS_ASSET (asset), FALSE);

  if (self->asset == asset)
    return TRUE;

  if (!mamori_autosave_flush (self->autosave, error))
    return FALSE;
  /* Saving told the page, which may have switched already. */
  if (self->asset == asset)
    return TRUE;

  unbind_all (self);
  if (self->asset != NULL)
    g_clear_signal_handler (&self->notify_id, self->asset);
  g_set_object (&self->asset, asset);
  g_clear_pointer (&self->adopted, g_hash_table_unref);

  if (self->asset == NULL)
    {
      reload_ledger (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSET]);
      return TRUE;
    }

  mamori_section_scroll_to_top (GTK_WIDGET (self->page));
  self->adopted = mamori_store_dup_adopted_measures (self->store, mamori_asset_get_id (asset), NULL);
  if (self->adopted == NULL)
    self->adopted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->updating = TRUE;
  g_clear_pointer (&self->scheme, mamori_class_scheme_free);
  self->scheme = mamori_store_dup_class_scheme (self->store);
  {
    g_autoptr(GtkStringList) names = new_class_names (self->scheme);
    adw_combo_row_set_model (self->override_class_row, G_LIST_MODEL (names));
  }

  bind (self, "name", self->name_row, "text");
  bind_full (self, "category", self->category_row, "selected", enum_to_position, position_to_enum);
  bind_full (self, "form", self->form_row, "selected", enum_to_position, position_to_enum);
  bind (self, "storage", self->storage_row, "text");
  bind (self, "department", self->department_row, "text");
  bind (self, "responsible", self->responsible_row, "text");
  bind (self, "access", self->access_row, "text");
  bind (self, "entrusted", self->entrusted_switch, "active");
  bind_full (self, "rating-value", self->value_row, "selected", rating_to_position, position_to_rating);
  bind_full (self, "rating-competition", self->competition_row, "selected", rating_to_position, position_to_rating);
  bind_full (self, "rating-trust", self->trust_row, "selected", rating_to_position, position_to_rating);
  bind_full (self, "class-override", self->override_class_row, "selected", class_to_position, position_to_class);
  bind (self, "override-reason", self->override_reason_row, "text");
  bind_full (self, "strategy", self->strategy_row, "selected", enum_to_position, position_to_enum);
  bind (self, "marked", self->marked_switch, "active");
  bind (self, "access-restricted", self->restricted_switch, "active");
  bind (self, "pledges-signed", self->pledges_switch, "active");
  bind (self, "useful", self->useful_switch, "active");
  bind (self, "not-public", self->not_public_switch, "active");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), mamori_asset_get_notes (asset), -1);
  adw_expander_row_set_enable_expansion (self->override_row, mamori_asset_get_class_override (asset) != MAMORI_CLASS_NONE);
  adw_expander_row_set_expanded (self->override_row, mamori_asset_get_class_override (asset) != MAMORI_CLASS_NONE);
  self->updating = FALSE;

  self->notify_id = g_signal_connect (asset, "notify", G_CALLBACK (on_asset_notify), self);

  g_object_set_data (G_OBJECT (self), "shown-class", GINT_TO_POINTER (current_class (self)));
  update_title (self);
  update_dates (self);
  update_class (self);
  rebuild_measures (self);
  update_requirements (self);
  reload_ledger (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSET]);
  return TRUE;
}

MamoriAsset *
mamori_asset_editor_get_asset (MamoriAssetEditor *self)
{
  g_return_val_if_fail (MAMORI_IS_ASSET_EDITOR (self), NULL);
  return self->asset;
}

void
mamori_asset_editor_focus_name (MamoriAssetEditor *self)
{
  g_return_if_fail (MAMORI_IS_ASSET_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* A ledger entry or a measure added from a dialog, or a change made by the
 * store: show what it holds now. */
static void
on_store_asset_changed (MamoriAssetEditor *self,
                        gint64             id)
{
  if (self->asset != NULL && mamori_asset_get_id (self->asset) == id)
    reload_ledger (self);
}

/* The classes were renamed or re-thresholded. */
static void
on_store_settings_changed (MamoriAssetEditor *self)
{
  g_autoptr(MamoriAsset) fresh = NULL;

  if (self->asset == NULL)
    return;

  /* Read again, as its class may have changed; what was typed is saved
   * first, and kept (with the class shown as it was) if that fails. */
  if (!mamori_autosave_flush (self->autosave, NULL))
    return;

  fresh = mamori_store_dup_asset (self->store, mamori_asset_get_id (self->asset), NULL);
  mamori_asset_editor_set_asset (self, NULL, NULL);
  mamori_asset_editor_set_asset (self, fresh, NULL);
}

static void
fill_choices (AdwComboRow *row,
              const char *(*label) (int),
              int          n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static const char *category_label (int i) { return mamori_asset_category_get_label (i); }
static const char *form_label (int i) { return mamori_asset_form_get_label (i); }
static const char *strategy_label (int i) { return mamori_strategy_get_label (i); }
static const char *rating_label (int i) { return mamori_rating_get_label (i - 1); }

static void
mamori_asset_editor_constructed (GObject *object)
{
  MamoriAssetEditor *self = MAMORI_ASSET_EDITOR (object);

  G_OBJECT_CLASS (mamori_asset_editor_parent_class)->constructed (object);
  self->store = g_object_ref (mamori_section_get_store (MAMORI_SECTION (self)));

  g_signal_connect_object (self->store, "asset-changed", G_CALLBACK (on_store_asset_changed), self, G_CONNECT_SWAPPED);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_SETTINGS, G_CALLBACK (on_store_settings_changed), self);
}

static void
mamori_asset_editor_dispose (GObject *object)
{
  MamoriAssetEditor *self = MAMORI_ASSET_EDITOR (object);

  if (self->autosave != NULL)
    mamori_autosave_flush (self->autosave, NULL);
  if (self->bindings != NULL)
    unbind_all (self);
  if (self->asset != NULL)
    g_clear_signal_handler (&self->notify_id, self->asset);
  g_clear_object (&self->asset);
  g_clear_object (&self->autosave);

  /* No gtk_widget_dispose_template(): the template's root is AdwBin's
   * child, and AdwBin disposes it. */

  G_OBJECT_CLASS (mamori_asset_editor_parent_class)->dispose (object);
}

static void
mamori_asset_editor_finalize (GObject *object)
{
  MamoriAssetEditor *self = MAMORI_ASSET_EDITOR (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->measure_rows, g_ptr_array_unref);
  g_clear_pointer (&self->requirement_rows, g_ptr_array_unref);
  g_clear_pointer (&self->ledger_rows, g_ptr_array_unref);
  g_clear_pointer (&self->ledger, g_ptr_array_unref);
  g_clear_pointer (&self->adopted, g_hash_table_unref);
  g_clear_pointer (&self->scheme, mamori_class_scheme_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_asset_editor_parent_class)->finalize (object);
}

static void
mamori_asset_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MamoriAssetEditor *self = MAMORI_ASSET_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ASSET:
      g_value_set_object (value, self->asset);
      break;
    case PROP_SHOW_BACK:
      g_value_set_boolean (value, gtk_widget_get_visible (self->back_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_asset_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MamoriAssetEditor *self = MAMORI_ASSET_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ASSET:
      mamori_asset_editor_set_asset (self, g_value_get_object (value), NULL);
      break;
    case PROP_SHOW_BACK:
      gtk_widget_set_visible (self->back_button, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_asset_editor_class_init (MamoriAssetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mamori_asset_editor_constructed;
  object_class->dispose = mamori_asset_editor_dispose;
  object_class->finalize = mamori_asset_editor_finalize;
  object_class->get_property = mamori_asset_editor_get_property;
  object_class->set_property = mamori_asset_editor_set_property;

  properties[PROP_ASSET] =
    g_param_spec_object ("asset", NULL, NULL, MAMORI_TYPE_ASSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BACK] =
    g_param_spec_boolean ("show-back", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-asset-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, page);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, form_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, storage_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, access_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, entrusted_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, dates_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, value_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, competition_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, trust_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, class_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, class_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, override_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, override_class_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, override_reason_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, strategy_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, measures_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, marked_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, restricted_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, pledges_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, useful_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, not_public_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, requirements_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetEditor, ledger_group);

  gtk_widget_class_install_action (widget_class, "editor.add-entry", NULL, add_entry_action);
}

static void
mamori_asset_editor_init (MamoriAssetEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->measure_rows = g_ptr_array_new ();
  self->requirement_rows = g_ptr_array_new ();
  self->ledger_rows = g_ptr_array_new ();

  fill_choices (self->category_row, category_label, MAMORI_ASSET_CATEGORY_OTHER + 1);
  fill_choices (self->form_row, form_label, MAMORI_ASSET_FORM_OBJECT + 1);
  fill_choices (self->strategy_row, strategy_label, MAMORI_STRATEGY_PUBLISH + 1);
  fill_choices (self->value_row, rating_label, MAMORI_RATING_HIGH + 2);
  fill_choices (self->competition_row, rating_label, MAMORI_RATING_HIGH + 2);
  fill_choices (self->trust_row, rating_label, MAMORI_RATING_HIGH + 2);

  self->autosave = mamori_autosave_new (save_asset, self);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "recovered", G_CALLBACK (on_save_recovered), self, G_CONNECT_SWAPPED);

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (on_notes_changed), self);
  g_signal_connect (self->override_row, "notify::enable-expansion", G_CALLBACK (on_override_enabled), self);
}

GtkWidget *
mamori_asset_editor_new (MamoriStore *store)
{
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  return g_object_new (MAMORI_TYPE_ASSET_EDITOR, "store", store, NULL);
}
