/* mamori-incidents-view.c — incident records and reported approaches
 *
 * The guide's section D: when something may have leaked, record it at once.
 * An incident has a title, kind and status (saved as they change), the
 * assets concerned with their trade-secret readiness, the playbook's
 * evidence checklist, evidence files with their fingerprints, whom to call,
 * and an append-only timeline: an entry is never changed; a correction is a
 * new entry, and both stay visible. Reported approaches are a dated log
 * beside it; a report can become an incident.
 *
 * Parts of the detail are refreshed in place, or rebuilt only when what they
 * show has changed, so the store's "changed" signal after each save never
 * takes the focus away from the control the user is on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "analysis/mamori-trade-secret.h"
#include "catalog/mamori-checklists.h"
#include "pages/checklists/mamori-incidents-view.h"
#include "pages/report/mamori-report-window.h"
#include "widgets/mamori-asset-results.h"
#include "widgets/mamori-autosave.h"
#include "widgets/mamori-message.h"
#include "widgets/mamori-rows.h"

#define PLAYBOOK_ID          "incident-playbook"
#define EVIDENCE_HEADING_ID  "incident-evidence"

struct _MamoriIncidentsView
{
  MamoriSection           parent_instance;

  guint                   folded_id;
  GtkWidget              *switcher;
  GtkWidget              *switcher_separator;
  gboolean                in_detail;
  AdwViewStack           *stack;
  AdwLeaflet             *leaflet;
  GtkStack               *list_stack;
  GtkListBox             *incident_list;
  AdwStatusPage          *error_page;
  GtkStack               *detail_stack;
  GtkWidget              *back_button;
  GtkLabel               *title_label;
  AdwPreferencesPage     *detail_page;
  AdwEntryRow            *title_entry;
  AdwComboRow            *kind_row;
  AdwComboRow            *status_row;
  AdwPreferencesGroup    *assets_group;
  GtkMenuButton          *link_asset_button;
  GtkPopover             *asset_popover;
  GtkSearchEntry         *asset_search;
  GtkListBox             *asset_results;
  AdwPreferencesGroup    *checks_group;
  AdwPreferencesGroup    *files_group;
  AdwPreferencesGroup    *contacts_group;
  GtkListBox             *timeline_list;
  AdwActionRow           *correcting_row;
  AdwEntryRow            *when_entry;
  AdwEntryRow            *author_entry;
  AdwEntryRow            *text_entry;
  GtkLabel               *entry_error_label;
  AdwEntryRow            *occurred_entry;
  AdwEntryRow            *who_entry;
  AdwEntryRow            *channel_entry;
  AdwEntryRow            *description_entry;
  AdwEntryRow            *reporter_entry;
  GtkLabel               *approach_error_label;
  GtkListBox             *approach_list;

  MamoriStore            *store;
  MamoriChecklistCatalog *checklists;
  MamoriCatalog          *catalog;
  MamoriAutosave         *autosave;
  GPtrArray              *incidents;        /* MamoriIncident, newest first */
  MamoriIncident         *current;          /* the one shown, our own copy */
  GHashTable             *list_rows;        /* gint64 id → GtkListBoxRow, owned by incident_list */
  GPtrArray              *asset_rows;
  GPtrArray              *check_buttons;    /* GtkCheckButton, with "item-id" */
  GPtrArray              *file_rows;
  GPtrArray              *contact_rows;
  GHashTable             *evidence_states;  /* gint64 id → MamoriEvidenceState + 2 (1: being checked) */
  GHashTable             *drafts;           /* gint64 incident id → timeline text typed, not added */
  GPtrArray              *entries;          /* the current timeline */
  char                   *assets_key;       /* what the asset rows show */
  char                   *timeline_key;     /* what the timeline rows show */
  char                   *approaches_key;   /* what the approach rows show */
  int                     contacts_kind;    /* the kind the contacts are for, or -1 */
  gint64                  correcting;       /* the entry being corrected, or 0 */
  GtkNativeDialog        *chooser;
  gboolean                updating;
};

G_DEFINE_FINAL_TYPE (MamoriIncidentsView, mamori_incidents_view, MAMORI_TYPE_SECTION)

enum {
  PROP_0,
  PROP_IN_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_incident (MamoriIncidentsView *self,
                           gint64               id);

static GtkWidget *
text_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A list row to read, not to activate: Tab goes to what is inside it. A
 * preferences row, as libadwaita 1.2 puts only those in a group's list. */
static GtkWidget *
plain_row_new (GtkWidget *child)
{
  GtkWidget *row = adw_preferences_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_widget_set_margin_top (child, 8);
  gtk_widget_set_margin_bottom (child, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  return row;
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
incident_title (const MamoriIncident *incident)
{
  /* Translators: an incident whose title was not given yet */
  return !mamori_text_is_blank (incident->title) ? incident->title : _("Untitled Incident");
}

static MamoriIncident *
copy_incident (const MamoriIncident *incident)
{
  MamoriIncident *copy = mamori_incident_new ();

  copy->id = incident->id;
  g_free (copy->title);
  copy->title = g_strdup (incident->title);
  copy->kind = incident->kind;
  copy->status = incident->status;
  g_array_append_vals (copy->asset_ids, incident->asset_ids->data, incident->asset_ids->len);
  g_free (copy->created);
  copy->created = g_strdup (incident->created);
  g_free (copy->updated);
  copy->updated = g_strdup (incident->updated);
  return copy;
}

static const MamoriIncident *
find_incident (MamoriIncidentsView *self,
               gint64               id)
{
  for (guint i = 0; self->incidents != NULL && i < self->incidents->len; i++)
    {
      const MamoriIncident *incident = g_ptr_array_index (self->incidents, i);

      if (incident->id == id)
        return incident;
    }
  return NULL;
}

/* Saving ----------------------------------------------------------------- */

static gboolean
save_current (gpointer   user_data,
              GError   **error)
{
  MamoriIncidentsView *self = user_data;

  if (self->current == NULL)
    return TRUE;
  return mamori_store_save_incident (self->store, self->current, error);
}

static void
flush (MamoriIncidentsView *self)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_autosave_flush (self->autosave, &error))
    mamori_section_show_error (MAMORI_SECTION (self), _("The incident could not be saved"), error);
}

/* A choice is saved at once; typing a moment later. */
static void
changed (MamoriIncidentsView *self,
         gboolean             at_once)
{
  if (self->updating || self->current == NULL)
    return;
  mamori_autosave_changed (self->autosave);
  if (at_once)
    flush (self);
}

static void
on_title_changed (MamoriIncidentsView *self)
{
  if (self->updating || self->current == NULL)
    return;
  g_free (self->current->title);
  self->current->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  gtk_label_set_text (self->title_label, incident_title (self->current));
  changed (self, FALSE);
}

static void update_contacts (MamoriIncidentsView *self);

static void
on_kind_selected (MamoriIncidentsView *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->updating || self->current == NULL || kind >= MAMORI_N_INCIDENT_KINDS || kind == self->current->kind)
    return;
  self->current->kind = kind;
  changed (self, TRUE);
  update_contacts (self);
}

static void
on_status_selected (MamoriIncidentsView *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);

  if (self->updating || self->current == NULL || status >= MAMORI_N_INCIDENT_STATUSES ||
      status == self->current->status)
    return;
  self->current->status = status;
  changed (self, TRUE);
}

/* The incident list ------------------------------------------------------ */

static void
set_list_row (GtkWidget            *row,
              const MamoriIncident *incident)
{
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (row), "subtitle");
  GtkWidget *open = g_object_get_data (G_OBJECT (row), "open");
  g_autofree char *text = NULL;

  /* Translators: below an incident's title in the list: its kind, then its status */
  text = g_strdup_printf (C_("incident row", "%s · %s"), mamori_incident_kind_get_label (incident->kind),
                          mamori_incident_status_get_label (incident->status));
  gtk_label_set_text (title, incident_title (incident));
  gtk_label_set_text (subtitle, text);
  gtk_widget_set_visible (open, incident->status == MAMORI_INCIDENT_OPEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, incident_title (incident),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static GtkWidget *
list_row_new (const MamoriIncident *incident)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = text_label_new (NULL, NULL);
  GtkWidget *subtitle = text_label_new (NULL, "caption");
  GtkWidget *open = gtk_image_new_from_icon_name ("media-record-symbolic");

  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  /* Open incidents are marked; the status is in the text as well. */
  gtk_widget_add_css_class (open, "warning");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, C_("incident", "Open"));
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), open);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "open", open);
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&incident->id, sizeof (gint64)), g_free);
  set_list_row (row, incident);
  return row;
}

static void
select_current_row (MamoriIncidentsView *self)
{
  GtkWidget *row = self->current != NULL ? g_hash_table_lookup (self->list_rows, &self->current->id) : NULL;

  self->updating = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->incident_list, GTK_LIST_BOX_ROW (row));
  else
    gtk_list_box_unselect_all (self->incident_list);
  self->updating = FALSE;
}

/* Rows are kept across reloads, so the focus stays where it was. */
static void
update_list (MamoriIncidentsView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, row;

  self->updating = TRUE;
  for (guint i = 0; i < self->incidents->len; i++)
    {
      MamoriIncident *incident = g_ptr_array_index (self->incidents, i);
      GtkWidget *existing = g_hash_table_lookup (self->list_rows, &incident->id);

      if (existing == NULL)
        {
          existing = list_row_new (incident);
          g_hash_table_insert (self->list_rows, g_object_get_data (G_OBJECT (existing), "id"), existing);
          gtk_list_box_insert (self->incident_list, existing, (int) i);
        }
      else
        {
          set_list_row (existing, incident);
          if (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (existing)) != (int) i)
            {
              g_object_ref (existing);
              gtk_list_box_remove (self->incident_list, existing);
              gtk_list_box_insert (self->incident_list, existing, (int) i);
              g_object_unref (existing);
            }
        }
      g_hash_table_add (seen, g_object_get_data (G_OBJECT (existing), "id"));
    }

  g_hash_table_iter_init (&iter, self->list_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    if (!g_hash_table_contains (seen, key))
      {
        g_hash_table_iter_steal (&iter);
        gtk_list_box_remove (self->incident_list, row);
      }
  self->updating = FALSE;

  select_current_row (self);
  gtk_stack_set_visible_child_name (self->list_stack, self->incidents->len > 0 ? "list" : "empty");
}

static void
on_row_selected (MamoriIncidentsView *self,
                 GtkListBoxRow       *row)
{
  if (self->updating || row == NULL)
    return;
  show_incident (self, *(gint64 *) g_object_get_data (G_OBJECT (row), "id"));
}

/* Into the title of an incident opened, the cursor at its end: focusing an
 * entry selects its text, and the next key typed would replace it. */
static void
focus_title (MamoriIncidentsView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), -1, -1);
}

static void
on_row_activated (MamoriIncidentsView *self,
                  GtkListBoxRow       *row)
{
  /* Enter on the selected row of a folded view goes to its details. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "detail");
      focus_title (self);
    }
}

/* Linked assets ------------------------------------------------------------ */

static char *
dup_readiness (MamoriAsset *asset)
{
  MamoriSecretFacts facts;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *list = NULL;

  mamori_asset_get_secret_facts (asset, &facts);
  if (mamori_trade_secret_is_ready (&facts))
    return g_strdup (_("A trade secret as recorded: taking or using it can be pursued under the Unfair Competition "
                       "Prevention Act, in court and with the police."));

  for (int requirement = 0; requirement < MAMORI_N_REQUIREMENTS; requirement++)
    if (!mamori_trade_secret_is_met (&facts, requirement))
      g_ptr_array_add (missing, (gpointer) mamori_requirement_get_label (requirement));
  g_ptr_array_add (missing, NULL);
  list = g_strjoinv (_("; "), (char **) missing->pdata);
  /* Translators: %s lists the trade-secret requirements not met */
  return g_strdup_printf (_("Not a trade secret as recorded (not met: %s): the Unfair Competition Prevention Act "
                            "may not help; rely on contracts, pledges and other evidence."), list);
}

static void
on_unlink_asset_clicked (GtkButton           *button,
                         MamoriIncidentsView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "asset-id");
  GArray *ids = self->current->asset_ids;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        break;
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->link_asset_button));
  changed (self, TRUE);
}

static void
update_assets (MamoriIncidentsView *self)
{
  g_autoptr(MamoriClassScheme) scheme = mamori_store_dup_class_scheme (self->store);
  GArray *ids = self->current->asset_ids;
  g_autoptr(GString) key = g_string_new (NULL);
  guint shown = 0;

  /* Rebuilt only when other assets are linked, so the focus stays. */
  g_string_append_printf (key, "%" G_GINT64_FORMAT ":", self->current->id);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (key, "%" G_GINT64_FORMAT ",", g_array_index (ids, gint64, i));
  if (g_strcmp0 (key->str, self->assets_key) == 0)
    return;
  g_free (self->assets_key);
  self->assets_key = g_string_free (g_steal_pointer (&key), FALSE);

  remove_rows (self->assets_group, self->asset_rows);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(MamoriAsset) asset = mamori_store_dup_asset (self->store, id, NULL);
      g_autofree char *readiness = NULL;
      g_autofree char *class_text = NULL;
      g_autofree char *label = NULL;
      GtkWidget *box, *text, *button;
      const char *name;
      int level;

      if (asset == NULL)
        continue;
      name = *mamori_asset_get_name (asset) != '\0' ? mamori_asset_get_name (asset) : _("Unnamed Asset");
      level = mamori_asset_get_class (asset);
      /* Translators: an asset's class (such as 極秘) */
      class_text = g_strdup_printf (_("Class: %s"), level >= 0 ? mamori_class_scheme_get_name (scheme, level)
                                                                : C_("class", "Not evaluated"));
      readiness = dup_readiness (asset);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (text), text_label_new (name, "heading"));
      gtk_box_append (GTK_BOX (text), text_label_new (class_text, "caption"));
      gtk_box_append (GTK_BOX (text), text_label_new (readiness, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (text), "dim-label");
      gtk_box_append (GTK_BOX (box), text);

      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      /* Translators: a button that takes an asset off an incident; %s is its name */
      label = g_strdup_printf (_("Unlink “%s” from this incident"), name);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "asset-id", g_memdup2 (&id, sizeof (gint64)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_unlink_asset_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), button);

      box = plain_row_new (box);
      adw_preferences_group_add (self->assets_group, box);
      g_ptr_array_add (self->asset_rows, box);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *row = plain_row_new (text_label_new (_("No assets linked. Link the information that may have "
                                                        "leaked, to see what can be pursued."), "dim-label"));

      adw_preferences_group_add (self->assets_group, row);
      g_ptr_array_add (self->asset_rows, row);
    }
}

static void
fill_asset_results (MamoriIncidentsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->current == NULL)
    {
      clear_list (self->asset_results);
      return;
    }
  if (!mamori_asset_results_fill (self->asset_results, self->store,
                                  gtk_editable_get_text (GTK_EDITABLE (self->asset_search)),
                                  self->current->asset_ids,
                                  _("Every asset in the register is already linked, or the register is empty."),
                                  &error))
    mamori_section_show_error (MAMORI_SECTION (self), _("The asset register could not be searched"), error);
}

static void
on_asset_popover_show (MamoriIncidentsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->asset_search), "");
  fill_asset_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->asset_search));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
on_asset_result_activated (MamoriIncidentsView *self,
                           GtkListBoxRow       *row)
{
  gint64 id = mamori_asset_results_get_id (row);

  if (id == 0 || self->current == NULL)
    return;
  g_array_append_val (self->current->asset_ids, id);
  /* In the order the store gives them back. */
  g_array_sort (self->current->asset_ids, compare_ids);
  gtk_popover_popdown (self->asset_popover);
  changed (self, TRUE);
}

/* Activating the search entry takes the first match. */
static void
on_asset_search_activate (MamoriIncidentsView *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->asset_results, 0);

  if (first != NULL && gtk_list_box_row_get_activatable (first))
    on_asset_result_activated (self, first);
}

/* The evidence checklist --------------------------------------------------- */

static void
on_check_toggled (GtkCheckButton      *button,
                  MamoriIncidentsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->current == NULL)
    return;
  if (!mamori_store_set_incident_check (self->store, self->current->id, g_object_get_data (G_OBJECT (button), "item-id"),
                                        gtk_check_button_get_active (button), &error))
    mamori_section_show_error (MAMORI_SECTION (self), _("The evidence checklist could not be saved"), error);
}

static void
build_checks (MamoriIncidentsView *self)
{
  g_autoptr(GError) error = NULL;
  const MamoriChecklist *playbook;

  self->checklists = mamori_checklist_catalog_dup_default (&error);
  playbook = self->checklists != NULL ? mamori_checklist_catalog_lookup_checklist (self->checklists, PLAYBOOK_ID) : NULL;
  if (playbook == NULL)
    {
      adw_preferences_group_add (self->checks_group,
                                 plain_row_new (text_label_new (error != NULL ? error->message
                                                                : _("The incident playbook is missing from the bundled checklists."),
                                                                "error")));
      return;
    }

  for (guint i = 0; i < mamori_checklist_get_n_items (playbook); i++)
    {
      const MamoriChecklistItem *item = mamori_checklist_get_item (playbook, i);
      GtkWidget *box, *check, *title, *why;

      if (g_strcmp0 (mamori_checklist_item_get_heading_id (item), EVIDENCE_HEADING_ID) != 0)
        continue;
      adw_preferences_group_set_description (self->checks_group, NULL);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      check = gtk_check_button_new ();
      title = text_label_new (mamori_checklist_item_get_title (item), NULL);
      /* The whole width, as the line under it has: a check button gives
       * its label only what it asks for. */
      gtk_widget_set_hexpand (title, TRUE);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, mamori_checklist_item_get_title (item),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mamori_checklist_item_get_why (item),
                                      -1);
      g_object_set_data (G_OBJECT (check), "item-id", (gpointer) mamori_checklist_item_get_id (item));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
      gtk_box_append (GTK_BOX (box), check);
      why = text_label_new (mamori_checklist_item_get_why (item), "caption");
      gtk_widget_add_css_class (why, "dim-label");
      gtk_widget_set_margin_start (why, 28);
      gtk_box_append (GTK_BOX (box), why);
      adw_preferences_group_add (self->checks_group, plain_row_new (box));
      g_ptr_array_add (self->check_buttons, check);
    }
}

static void
update_checks (MamoriIncidentsView *self)
{
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done = 0;
  g_autofree char *description = NULL;

  done = mamori_store_dup_incident_checks (self->store, self->current->id, &error);
  if (done == NULL)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The evidence checklist could not be read"), error);
      return;
    }

  self->updating = TRUE;
  for (guint i = 0; i < self->check_buttons->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->check_buttons, i);
      gboolean active = g_hash_table_contains (done, g_object_get_data (G_OBJECT (check), "item-id"));

      if (gtk_check_button_get_active (check) != active)
        gtk_check_button_set_active (check, active);
      n_done += active;
    }
  self->updating = FALSE;

  if (self->check_buttons->len > 0)
    {
      /* Translators: progress of an incident's evidence checklist */
      description = g_strdup_printf (_("From the incident playbook (guide section D): %u of %u kept."),
                                     n_done, self->check_buttons->len);
      adw_preferences_group_set_description (self->checks_group, description);
    }
}

/* Evidence files ------------------------------------------------------------- */

static const char *
evidence_state_label (MamoriEvidenceState state)
{
  switch (state)
    {
    /* Translators: what a re-check of an evidence file found */
    case MAMORI_EVIDENCE_INTACT: return C_("evidence", "Intact");
    case MAMORI_EVIDENCE_CHANGED: return C_("evidence", "Changed since attached");
    case MAMORI_EVIDENCE_MISSING: return C_("evidence", "Missing");
    case MAMORI_EVIDENCE_UNREADABLE: return C_("evidence", "Cannot be read");
    default: return _("Checking…");
    }
}

typedef struct
{
  MamoriIncidentsView *view;
  gint64               incident_id;
  gint64               evidence_id;
  char                *path;
} EvidenceTask;

static void
evidence_task_free (EvidenceTask *task)
{
  g_object_unref (task->view);
  g_free (task->path);
  g_free (task);
}

static void update_files (MamoriIncidentsView *self, gboolean recheck);

/* A re-check read the file in a worker thread; its result is shown if the
 * incident still is. */
static void
on_evidence_checked (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  EvidenceTask *task = user_data;
  MamoriIncidentsView *self = task->view;
  MamoriEvidenceState state = mamori_evidence_check_finish (result);

  /* The view may have gone (the window closed) while the file was read. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL &&
      self->evidence_states != NULL && self->current != NULL && self->current->id == task->incident_id)
    {
      g_hash_table_insert (self->evidence_states, g_memdup2 (&task->evidence_id, sizeof (gint64)),
                           GINT_TO_POINTER (state + 2));
      update_files (self, FALSE);
    }
  evidence_task_free (task);
}

static char *
evidence_key (MamoriIncidentsView *self)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, self->current->id);
}

static void
update_files (MamoriIncidentsView *self,
              gboolean             recheck)
{
  g_autofree char *key = evidence_key (self);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  remove_rows (self->files_group, self->file_rows);
  files = mamori_store_dup_evidence (self->store, MAMORI_EVIDENCE_FOR_INCIDENT, key, &error);
  if (files == NULL)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The evidence files could not be read"), error);
      return;
    }

  for (guint i = 0; i < files->len; i++)
    {
      MamoriEvidence *evidence = g_ptr_array_index (files, i);
      gpointer cached = g_hash_table_lookup (self->evidence_states, &evidence->id);
      MamoriEvidenceState state;
      g_autofree char *basename = g_path_get_basename (evidence->path);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *path = g_filename_display_name (evidence->path);
      g_autofree char *when = mamori_text_format_local_time (evidence->attached_at, "%Y-%m-%d %H:%M");
      g_autofree char *subtitle = NULL;
      GtkWidget *box, *text, *icon, *state_label;

      if (recheck || cached == NULL)
        {
          EvidenceTask *task = g_new0 (EvidenceTask, 1);

          /* Read in a worker thread: a large file does not stop the window. */
          task->view = g_object_ref (self);
          task->incident_id = self->current->id;
          task->evidence_id = evidence->id;
          state = (MamoriEvidenceState) -1;
          g_hash_table_insert (self->evidence_states, g_memdup2 (&evidence->id, sizeof (gint64)),
                               GINT_TO_POINTER (1));
          mamori_evidence_check_async (evidence, NULL, on_evidence_checked, task);
        }
      else
        state = (MamoriEvidenceState) (GPOINTER_TO_INT (cached) - 2);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      icon = gtk_image_new_from_icon_name ((int) state < 0 ? "emblem-synchronizing-symbolic"
                                           : state == MAMORI_EVIDENCE_INTACT ? "emblem-ok-symbolic"
                                           : state == MAMORI_EVIDENCE_CHANGED ? "dialog-warning-symbolic"
                                           : "dialog-error-symbolic");
      gtk_widget_add_css_class (icon, (int) state < 0 ? "dim-label"
                                      : state == MAMORI_EVIDENCE_INTACT ? "success"
                                      : state == MAMORI_EVIDENCE_CHANGED ? "warning" : "error");
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      evidence_state_label (state), -1);
      gtk_box_append (GTK_BOX (box), icon);
      text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (text), text_label_new (name, NULL));
      /* Translators: below an evidence file: when it was attached (local time) */
      subtitle = g_strdup_printf (_("Attached %s"), when);
      gtk_box_append (GTK_BOX (text), text_label_new (subtitle, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (text), "dim-label");
      state_label = text_label_new (evidence_state_label (state), "caption");
      gtk_widget_add_css_class (state_label, (int) state < 0 ? "dim-label"
                                             : state == MAMORI_EVIDENCE_INTACT ? "success"
                                             : state == MAMORI_EVIDENCE_CHANGED ? "warning" : "error");
      gtk_box_append (GTK_BOX (text), state_label);
      gtk_box_append (GTK_BOX (box), text);
      gtk_widget_set_tooltip_text (box, path);

      box = plain_row_new (box);
      adw_preferences_group_add (self->files_group, box);
      g_ptr_array_add (self->file_rows, box);
    }

  if (files->len == 0)
    {
      GtkWidget *row = plain_row_new (text_label_new (_("No files attached. Attach logs, e-mails, access records "
                                                        "or photos as soon as you have them."), "dim-label"));

      adw_preferences_group_add (self->files_group, row);
      g_ptr_array_add (self->file_rows, row);
    }
}

static void
on_evidence_hashed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  EvidenceTask *task = user_data;
  MamoriIncidentsView *self = task->view;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, task->incident_id);
  g_autofree char *sha256 = NULL;
  gint64 size = 0;

  sha256 = mamori_evidence_hash_file_finish (result, &size, &local_error);
  if (sha256 == NULL)
    mamori_store_set_attach_error (&error, task->path, local_error);
  else
    mamori_store_attach_hashed_evidence (self->store, MAMORI_EVIDENCE_FOR_INCIDENT, key, task->path,
                                         sha256, size, &error);
  /* The view may have gone (the window closed) while the file was read;
   * the file is attached all the same. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      if (error != NULL)
        mamori_section_show_error (MAMORI_SECTION (self), _("The file could not be attached"), error);
      else
        mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("Evidence file attached"), NULL));
      if (self->evidence_states != NULL && self->current != NULL && self->current->id == task->incident_id)
        update_files (self, FALSE);
    }
  evidence_task_free (task);
}

/* The file is read in a worker thread, for its fingerprint, before it is
 * attached: a large one does not stop the window. */
static void
attach_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);
  EvidenceTask *task;

  if (self->current == NULL)
    return;
  task = g_new0 (EvidenceTask, 1);
  task->view = g_object_ref (self);
  task->incident_id = self->current->id;
  task->path = g_strdup (g_variant_get_string (param, NULL));
  mamori_evidence_hash_file_async (task->path, NULL, on_evidence_hashed, task);
}

static void show_incident (MamoriIncidentsView *self, gint64 id);

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     MamoriIncidentsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      gint64 *for_id = g_object_get_data (G_OBJECT (chooser), "incident-id");

      /* The file is for the incident the chooser was opened for, which the
       * user may have left meanwhile. */
      if (for_id != NULL && (self->current == NULL || self->current->id != *for_id))
        show_incident (self, *for_id);
      if (path != NULL && self->current != NULL && (for_id == NULL || self->current->id == *for_id))
        gtk_widget_activate_action (GTK_WIDGET (self), "incidents.attach-file", "s", path);
    }
  g_clear_object (&self->chooser);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (self->current == NULL || self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Attach Evidence File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_object_set_data_full (G_OBJECT (chooser), "incident-id", g_memdup2 (&self->current->id, sizeof (gint64)), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
check_evidence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) files = NULL;

  if (self->current == NULL)
    return;
  key = evidence_key (self);
  files = mamori_store_dup_evidence (self->store, MAMORI_EVIDENCE_FOR_INCIDENT, key, NULL);
  if (files != NULL && files->len == 0)
    {
      mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("No evidence files to check yet"), NULL));
      return;
    }
  update_files (self, TRUE);
}

static void
on_text_entry_activated (MamoriIncidentsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "incidents.add-entry", NULL);
}

static void
on_description_activated (MamoriIncidentsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "incidents.add-approach", NULL);
}

/* Whom to call ---------------------------------------------------------------- */

static void
update_contacts (MamoriIncidentsView *self)
{
  const char * const *keys;

  if (self->current == NULL || self->contacts_kind == (int) self->current->kind)
    return;
  self->contacts_kind = self->current->kind;
  remove_rows (self->contacts_group, self->contact_rows);
  if (self->catalog == NULL)
    return;

  keys = mamori_incident_kind_get_contacts (self->current->kind);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const MamoriCatalogEntry *contact = mamori_catalog_lookup_contact (self->catalog, keys[i]);
      GtkWidget *expander;

      if (contact == NULL)
        continue;
      expander = mamori_contact_row_new (contact);
      adw_preferences_group_add (self->contacts_group, expander);
      g_ptr_array_add (self->contact_rows, expander);
    }
}

/* The timeline ----------------------------------------------------------------- */

/* An entry's number in its incident's timeline: 1 for the first written. */
static guint
entry_number (MamoriIncidentsView *self,
              gint64               id)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    if (((MamoriIncidentEntry *) g_ptr_array_index (self->entries, i))->id == id)
      return i + 1;
  return 0;
}

static const MamoriIncidentEntry *
find_entry (MamoriIncidentsView *self,
            gint64               id)
{
  guint number = entry_number (self, id);

  return number > 0 ? g_ptr_array_index (self->entries, number - 1) : NULL;
}

static char *
now_local_minute (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M");
}

static void
reset_entry_form (MamoriIncidentsView *self)
{
  g_autofree char *now = now_local_minute ();

  self->correcting = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->correcting_row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->when_entry), now);
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), "");
  if (mamori_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->author_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->author_entry), mamori_screening_get_user_name ());
  gtk_widget_set_visible (GTK_WIDGET (self->entry_error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->when_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->text_entry), "error");
}

static void
on_correct_clicked (GtkButton           *button,
                    MamoriIncidentsView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "entry-id");
  const MamoriIncidentEntry *entry = find_entry (self, id);
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;

  if (entry == NULL)
    return;
  self->correcting = id;
  /* Translators: above the form while it corrects a timeline entry; %u is its number */
  title = g_strdup_printf (_("Correcting entry #%u"), entry_number (self, id));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->correcting_row), title);
  adw_action_row_set_subtitle (self->correcting_row, entry->text);
  gtk_widget_set_visible (GTK_WIDGET (self->correcting_row), TRUE);
  when = mamori_text_format_local_time (entry->happened_at, "%Y-%m-%d %H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->when_entry), when);
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), entry->text);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
}

static GtkWidget *
entry_row_new (MamoriIncidentsView       *self,
               const MamoriIncidentEntry *entry,
               guint                      number,
               guint                      corrected_by)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *when = mamori_text_format_local_time (entry->happened_at, "%Y-%m-%d %H:%M");
  g_autofree char *recorded = mamori_text_format_local_time (entry->recorded_at, "%Y-%m-%d %H:%M:%S");
  g_autofree char *byline = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *label = NULL;
  GtkWidget *line, *text, *button;

  if (mamori_text_is_blank (entry->author))
    /* Translators: above a timeline entry: its number and when it happened */
    byline = g_strdup_printf (C_("timeline", "#%u · %s"), number, when);
  else
    /* Translators: above a timeline entry: its number, when it happened, who wrote it */
    byline = g_strdup_printf (C_("timeline", "#%u · %s · %s"), number, when, entry->author);
  line = text_label_new (byline, "caption");
  gtk_widget_add_css_class (line, "dim-label");
  /* Translators: tooltip of a timeline entry: when it was written (local time) */
  tooltip = g_strdup_printf (_("Recorded %s"), recorded);
  gtk_widget_set_tooltip_text (line, tooltip);
  gtk_box_append (GTK_BOX (box), line);

  text = text_label_new (entry->text, NULL);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), text);

  if (entry->corrects != 0)
    {
      /* Translators: a timeline entry that corrects an earlier one; %u is the earlier one's number */
      g_autofree char *corrects = g_strdup_printf (_("Corrects #%u"), entry_number (self, entry->corrects));

      gtk_box_append (GTK_BOX (box), text_label_new (corrects, "caption-heading"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "accent");
    }
  if (corrected_by != 0)
    {
      /* Translators: a timeline entry put right by a later one; %u is the later one's number */
      g_autofree char *note = g_strdup_printf (_("Corrected by #%u"), corrected_by);

      gtk_widget_add_css_class (text, "dim-label");
      gtk_box_append (GTK_BOX (box), text_label_new (note, "caption-heading"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "warning");
    }

  /* No mnemonic: every entry has one. */
  button = gtk_button_new_with_label (_("Correct…"));
  /* Translators: the accessible name of the Correct… button of a timeline entry */
  label = g_strdup_printf (_("Correct entry #%u"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (button, _("Add a correction; this entry stays as it is"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "entry-id", g_memdup2 (&entry->id, sizeof (gint64)), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_correct_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  return plain_row_new (box);
}

static void
update_timeline (MamoriIncidentsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) corrected_by = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *entries;
  g_autofree char *key = NULL;

  entries = mamori_store_dup_incident_entries (self->store, self->current->id, &error);
  if (entries == NULL)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The timeline could not be read"), error);
      return;
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;

  /* Entries never change: the same ones are already shown. */
  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%u:%" G_GINT64_FORMAT, self->current->id, entries->len,
                         entries->len > 0 ? ((MamoriIncidentEntry *) g_ptr_array_index (entries, entries->len - 1))->id : 0);
  if (g_strcmp0 (key, self->timeline_key) == 0)
    return;
  g_free (self->timeline_key);
  self->timeline_key = g_steal_pointer (&key);

  clear_list (self->timeline_list);
  for (guint i = 0; i < entries->len; i++)
    {
      MamoriIncidentEntry *entry = g_ptr_array_index (entries, i);

      /* The latest correction of an entry is the one named. */
      if (entry->corrects != 0)
        g_hash_table_insert (corrected_by, &entry->corrects, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < entries->len; i++)
    {
      MamoriIncidentEntry *entry = g_ptr_array_index (entries, i);

      gtk_list_box_append (self->timeline_list,
                           entry_row_new (self, entry, i + 1,
                                          GPOINTER_TO_UINT (g_hash_table_lookup (corrected_by, &entry->id))));
    }
  if (entries->len == 0)
    gtk_list_box_append (self->timeline_list,
                         plain_row_new (text_label_new (_("Nothing recorded yet. Add the first entry below: "
                                                          "what happened, and when."), "dim-label")));
}

static void
entry_error (MamoriIncidentsView *self,
             GtkWidget           *row,
             const char          *message)
{
  gtk_label_set_text (self->entry_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->entry_error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);
  g_autoptr(MamoriIncidentEntry) entry = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_entry));

  if (self->current == NULL)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (self->when_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->text_entry), "error");

  when = mamori_incident_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->when_entry)));
  if (when == NULL)
    {
      entry_error (self, GTK_WIDGET (self->when_entry),
                   _("Write when it happened as year-month-day hour:minute, for example 2025-04-01 09:30."));
      return;
    }
  if (mamori_incident_time_is_future (when, now))
    {
      entry_error (self, GTK_WIDGET (self->when_entry),
                   _("That time is still to come. Timeline entries cannot be changed once added: check the date and time."));
      return;
    }
  if (mamori_text_is_blank (text))
    {
      entry_error (self, GTK_WIDGET (self->text_entry), _("Write what happened."));
      return;
    }

  entry = mamori_incident_entry_new ();
  entry->incident_id = self->current->id;
  g_free (entry->happened_at);
  entry->happened_at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
  g_free (entry->author);
  entry->author = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_entry))));
  g_free (entry->text);
  entry->text = g_strdup (text);
  entry->corrects = self->correcting;
  if (mamori_store_add_incident_entry (self->store, entry, &error) == 0)
    {
      entry_error (self, NULL, error->message);
      return;
    }

  reset_entry_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
}

static void
cancel_correction_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);

  reset_entry_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
}

/* Showing an incident -------------------------------------------------------- */

static void
update_detail (MamoriIncidentsView *self)
{
  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), self->current->title) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), self->current->title);
  if (adw_combo_row_get_selected (self->kind_row) != (guint) self->current->kind)
    adw_combo_row_set_selected (self->kind_row, self->current->kind);
  if (adw_combo_row_get_selected (self->status_row) != (guint) self->current->status)
    adw_combo_row_set_selected (self->status_row, self->current->status);
  self->updating = FALSE;
  gtk_label_set_text (self->title_label, incident_title (self->current));

  update_assets (self);
  update_checks (self);
  update_files (self, FALSE);
  update_contacts (self);
  update_timeline (self);
}

static void
show_incident (MamoriIncidentsView *self,
               gint64               id)
{
  const MamoriIncident *incident;

  if (self->current == NULL || self->current->id != id)
    {
      flush (self);
      incident = find_incident (self, id);
      if (incident == NULL)
        return;
      /* What was typed for the timeline and not added waits for the
       * incident's return. */
      if (self->current != NULL)
        {
          const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->text_entry));

          if (!mamori_text_is_blank (typed))
            g_hash_table_replace (self->drafts, g_memdup2 (&self->current->id, sizeof (gint64)), g_strdup (typed));
          else
            g_hash_table_remove (self->drafts, &self->current->id);
        }
      g_clear_pointer (&self->current, mamori_incident_free);
      self->current = copy_incident (incident);
      g_clear_pointer (&self->timeline_key, g_free);
      g_clear_pointer (&self->assets_key, g_free);
      g_hash_table_remove_all (self->evidence_states);
      reset_entry_form (self);
      {
        const char *draft = g_hash_table_lookup (self->drafts, &id);

        if (draft != NULL)
          gtk_editable_set_text (GTK_EDITABLE (self->text_entry), draft);
      }
      update_detail (self);
      gtk_stack_set_visible_child_name (self->detail_stack, "detail");
      mamori_section_scroll_to_top (GTK_WIDGET (self->detail_page));
    }
  select_current_row (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

/* Reported approaches ---------------------------------------------------------- */

static void
on_make_incident_clicked (GtkButton           *button,
                          MamoriIncidentsView *self)
{
  gint64 approach_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "approach-id");
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = mamori_store_approach_to_incident (self->store, approach_id, &error);
  if (id == 0)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The report could not become an incident"), error);
      return;
    }
  mamori_incidents_view_show_incident (self, id);
  mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("Incident opened from the report"), NULL));
}

static void
on_show_incident_clicked (GtkButton           *button,
                          MamoriIncidentsView *self)
{
  mamori_incidents_view_show_incident (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "incident-id"));
}

static GtkWidget *
approach_row_new (MamoriIncidentsView  *self,
                  const MamoriApproach *approach)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *label = NULL;
  GtkWidget *text, *button;

  if (!mamori_text_is_blank (approach->who))
    /* Translators: a reported approach: its date, then who made contact */
    heading = g_strdup_printf (C_("approach", "%s · %s"), approach->occurred_on, approach->who);
  else
    heading = g_strdup (approach->occurred_on);
  gtk_box_append (GTK_BOX (box), text_label_new (heading, "heading"));

  text = text_label_new (approach->description, NULL);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), text);

  if (!mamori_text_is_blank (approach->channel))
    /* Translators: how a suspicious approach was made (e-mail, phone…) */
    g_string_append_printf (details, _("Via: %s"), approach->channel);
  if (!mamori_text_is_blank (approach->reporter))
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      /* Translators: who reported a suspicious approach */
      g_string_append_printf (details, _("Reported by: %s"), approach->reporter);
    }
  if (details->len > 0)
    {
      gtk_box_append (GTK_BOX (box), text_label_new (details->str, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
    }

  if (approach->incident_id != 0)
    {
      const MamoriIncident *incident = find_incident (self, approach->incident_id);
      g_autofree char *became = NULL;

      /* Translators: a reported approach that was made into an incident; %s is the incident's title */
      became = g_strdup_printf (_("Became incident: %s"), incident != NULL ? incident_title (incident)
                                                                            : _("Untitled Incident"));
      gtk_box_append (GTK_BOX (box), text_label_new (became, "caption-heading"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "accent");
      button = gtk_button_new_with_label (_("Show Incident"));
      /* Translators: the accessible name of the button that shows the incident a report became */
      label = g_strdup_printf (_("Show the incident “%s”"), incident != NULL ? incident_title (incident) : "");
      g_object_set_data_full (G_OBJECT (button), "incident-id", g_memdup2 (&approach->incident_id, sizeof (gint64)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_show_incident_clicked), self, 0);
    }
  else
    {
      button = gtk_button_new_with_label (_("Make Incident"));
      /* Translators: the accessible name of Make Incident; %s is the date of the report */
      label = g_strdup_printf (_("Make an incident of the report of %s"), approach->occurred_on);
      gtk_widget_set_tooltip_text (button, _("Open an incident with this report as its first timeline entry"));
      g_object_set_data_full (G_OBJECT (button), "approach-id", g_memdup2 (&approach->id, sizeof (gint64)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_make_incident_clicked), self, 0);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), button);

  return plain_row_new (box);
}

static void
update_approaches (MamoriIncidentsView *self)
{
  g_autoptr(GPtrArray) approaches = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  approaches = mamori_store_dup_approaches (self->store, &error);
  if (approaches == NULL)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The reported approaches could not be read"), error);
      return;
    }

  /* Reports never change but for the incident they became (and its title). */
  for (guint i = 0; i < approaches->len; i++)
    {
      MamoriApproach *approach = g_ptr_array_index (approaches, i);
      const MamoriIncident *incident = find_incident (self, approach->incident_id);

      g_string_append_printf (key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s\n", approach->id,
                              approach->incident_id, incident != NULL ? incident->title : "");
    }
  if (g_strcmp0 (key->str, self->approaches_key) == 0)
    return;
  g_free (self->approaches_key);
  self->approaches_key = g_string_free (g_steal_pointer (&key), FALSE);

  clear_list (self->approach_list);
  for (guint i = 0; i < approaches->len; i++)
    gtk_list_box_append (self->approach_list, approach_row_new (self, g_ptr_array_index (approaches, i)));
  if (approaches->len == 0)
    gtk_list_box_append (self->approach_list,
                         plain_row_new (text_label_new (_("No approaches reported yet."), "dim-label")));
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
approach_error (MamoriIncidentsView *self,
                GtkWidget           *row,
                const char          *message)
{
  gtk_label_set_text (self->approach_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->approach_error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
add_approach_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);
  g_autoptr(MamoriApproach) approach = mamori_approach_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = entry_text (self->occurred_entry);
  g_autofree char *date = mamori_text_parse_date (typed, TRUE);
  g_autofree char *now = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->occurred_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->description_entry), "error");
  if (date == NULL)
    {
      approach_error (self, GTK_WIDGET (self->occurred_entry),
                      _("Write the date as year-month-day, for example 2025-04-01."));
      return;
    }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    /* Reports cannot be changed once logged: a mistyped year is caught first. */
    if (mamori_incident_date_is_future (date, now))
      {
        approach_error (self, GTK_WIDGET (self->occurred_entry),
                        _("That date is still to come. Reports cannot be changed once logged: check the date."));
        return;
      }
  }
  if (mamori_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->description_entry))))
    {
      approach_error (self, GTK_WIDGET (self->description_entry),
                      _("Describe the approach: what was asked or offered, and how."));
      return;
    }

  g_free (approach->occurred_on);
  approach->occurred_on = g_steal_pointer (&date);
  g_free (approach->who);
  approach->who = entry_text (self->who_entry);
  g_free (approach->channel);
  approach->channel = entry_text (self->channel_entry);
  g_free (approach->description);
  approach->description = entry_text (self->description_entry);
  g_free (approach->reporter);
  approach->reporter = entry_text (self->reporter_entry);
  if (mamori_store_add_approach (self->store, approach, &error) == 0)
    {
      approach_error (self, NULL, error->message);
      return;
    }

  now = today ();
  gtk_editable_set_text (GTK_EDITABLE (self->occurred_entry), now);
  gtk_editable_set_text (GTK_EDITABLE (self->who_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->channel_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->approach_error_label), FALSE);
  mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("Report logged"), NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->occurred_entry));
}

/* Reloading ------------------------------------------------------------------- */

static void
reload (MamoriIncidentsView *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *incidents = mamori_store_dup_incidents (self->store, &error);

  if (incidents == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }
  g_clear_pointer (&self->incidents, g_ptr_array_unref);
  self->incidents = incidents;
  update_list (self);

  if (self->current != NULL)
    {
      const MamoriIncident *incident = find_incident (self, self->current->id);

      if (incident == NULL)
        {
          g_clear_pointer (&self->current, mamori_incident_free);
          gtk_stack_set_visible_child_name (self->detail_stack, "none");
        }
      else
        {
          /* What is being typed wins over what was saved before. */
          if (!mamori_autosave_is_pending (self->autosave))
            {
              MamoriIncident *fresh = copy_incident (incident);

              mamori_incident_free (self->current);
              self->current = fresh;
            }
          update_detail (self);
        }
    }
  update_approaches (self);
}

static void
on_assets_changed (MamoriIncidentsView *self)
{
  if (self->current != NULL)
    {
      g_clear_pointer (&self->assets_key, g_free);
      update_assets (self);
    }
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);
  g_autoptr(MamoriIncident) incident = mamori_incident_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  flush (self);
  id = mamori_store_add_incident (self->store, incident, &error);
  if (id == 0)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The incident could not be created"), error);
      return;
    }
  show_incident (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

/* Only an incident with nothing recorded can go; the store says why not. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->current == NULL)
    return;
  flush (self);
  id = self->current->id;
  if (!mamori_store_delete_incident (self->store, id, &error))
    {
      mamori_message_show (GTK_WINDOW (gtk_widget_get_root (widget)), _("The Incident Was Not Deleted"),
                           error->message);
      return;
    }
  mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("Incident deleted"), NULL));
}

/* The report is made from the workspace file: what was typed is saved first. */
static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->current == NULL)
    return;
  if (!mamori_autosave_flush (self->autosave, &error))
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The incident could not be saved"), error);
      return;
    }
  mamori_report_window_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                MAMORI_REPORT_INCIDENT, self->current->id);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (widget);
  GtkWidget *row = self->current != NULL ? g_hash_table_lookup (self->list_rows, &self->current->id) : NULL;

  flush (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* Narrow, an incident's details replace the list: only their header, with
 * its one Back button, stays above them (the switcher and the tab's own
 * header give way). */
static void
on_folded (MamoriIncidentsView *self)
{
  gboolean in_detail;

  self->folded_id = 0;
  in_detail = mamori_incidents_view_get_in_detail (self);

  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
  gtk_widget_set_visible (self->switcher, !in_detail);
  gtk_widget_set_visible (self->switcher_separator, !in_detail);
  if (in_detail != self->in_detail)
    {
      self->in_detail = in_detail;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_DETAIL]);
    }
}

static gboolean
on_folded_cb (gpointer data)
{
  on_folded (data);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is laid out: what is shown follows a moment
 * later, not in the middle of that. */
static void
on_folded_later (MamoriIncidentsView *self)
{
  if (self->folded_id == 0)
    self->folded_id = g_idle_add (on_folded_cb, self);
}

/**
 * mamori_incidents_view_get_in_detail:
 *
 * Returns: whether the view is narrow and shows an incident's details in
 *   place of the list
 */
gboolean
mamori_incidents_view_get_in_detail (MamoriIncidentsView *self)
{
  g_return_val_if_fail (MAMORI_IS_INCIDENTS_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0 &&
         g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "incidents") == 0;
}

static void
mamori_incidents_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_IN_DETAIL:
      g_value_set_boolean (value, mamori_incidents_view_get_in_detail (MAMORI_INCIDENTS_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_incidents_view_constructed (GObject *object)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (object);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *now = today ();
  GtkEventController *focus;

  G_OBJECT_CLASS (mamori_incidents_view_parent_class)->constructed (object);
  self->store = g_object_ref (mamori_section_get_store (MAMORI_SECTION (self)));

  for (int kind = 0; kind < MAMORI_N_INCIDENT_KINDS; kind++)
    gtk_string_list_append (kinds, mamori_incident_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (int status = 0; status < MAMORI_N_INCIDENT_STATUSES; status++)
    gtk_string_list_append (statuses, mamori_incident_status_get_label (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  self->autosave = mamori_autosave_new (save_current, self);
  self->catalog = mamori_catalog_dup_default ();
  build_checks (self);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->when_entry),
                               _("Local time, as year-month-day hour:minute; now unless you change it"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->occurred_entry), _("As year-month-day; today unless you change it"));
  gtk_editable_set_text (GTK_EDITABLE (self->occurred_entry), now);
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_entry), mamori_screening_get_user_name ());

  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (on_title_changed), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (flush), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), focus);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (on_status_selected), self);
  g_signal_connect_swapped (self->incident_list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect_swapped (self->incident_list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (self->asset_popover, "show", G_CALLBACK (on_asset_popover_show), self);
  g_signal_connect_swapped (self->asset_search, "search-changed", G_CALLBACK (fill_asset_results), self);
  /* Return in the last field of a form adds what it holds. */
  g_signal_connect_swapped (self->text_entry, "entry-activated", G_CALLBACK (on_text_entry_activated), self);
  g_signal_connect_swapped (self->description_entry, "entry-activated", G_CALLBACK (on_description_activated), self);
  g_signal_connect_swapped (self->asset_search, "activate", G_CALLBACK (on_asset_search_activate), self);
  g_signal_connect_swapped (self->asset_results, "row-activated", G_CALLBACK (on_asset_result_activated), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_later), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (on_folded), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (on_folded), self);
  g_signal_connect_swapped (self, "unmap", G_CALLBACK (flush), self);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_INCIDENTS, G_CALLBACK (reload), self);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_ASSETS, G_CALLBACK (on_assets_changed), self);

  on_folded (self);
  reload (self);
}

static void
mamori_incidents_view_dispose (GObject *object)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (object);

  g_clear_handle_id (&self->folded_id, g_source_remove);
  /* What was typed is saved on leaving; no reload once the rows are going. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->autosave != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!mamori_autosave_flush (self->autosave, &error))
        g_warning ("An incident could not be saved on closing: %s", error->message);
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->autosave);
  g_clear_pointer (&self->list_rows, g_hash_table_unref);

  G_OBJECT_CLASS (mamori_incidents_view_parent_class)->dispose (object);
}

static void
mamori_incidents_view_finalize (GObject *object)
{
  MamoriIncidentsView *self = MAMORI_INCIDENTS_VIEW (object);

  g_clear_pointer (&self->incidents, g_ptr_array_unref);
  g_clear_pointer (&self->current, mamori_incident_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->asset_rows, g_ptr_array_unref);
  g_clear_pointer (&self->check_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_states, g_hash_table_unref);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->assets_key, g_free);
  g_clear_pointer (&self->timeline_key, g_free);
  g_clear_pointer (&self->approaches_key, g_free);
  g_clear_pointer (&self->checklists, mamori_checklist_catalog_unref);
  g_clear_pointer (&self->catalog, mamori_catalog_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_incidents_view_parent_class)->finalize (object);
}

static void
mamori_incidents_view_class_init (MamoriIncidentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mamori_incidents_view_constructed;
  object_class->dispose = mamori_incidents_view_dispose;
  object_class->finalize = mamori_incidents_view_finalize;
  object_class->get_property = mamori_incidents_view_get_property;

  properties[PROP_IN_DETAIL] =
    g_param_spec_boolean ("in-detail", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-incidents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, switcher);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, switcher_separator);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, incident_list);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, detail_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, status_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, assets_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, link_asset_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, asset_popover);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, asset_search);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, asset_results);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, checks_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, files_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, correcting_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, when_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, author_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, text_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, entry_error_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, occurred_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, who_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, channel_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, description_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, reporter_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, approach_error_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriIncidentsView, approach_list);

  gtk_widget_class_install_action (widget_class, "incidents.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "incidents.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "incidents.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "incidents.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "incidents.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "incidents.attach-file", "s", attach_file_action);
  gtk_widget_class_install_action (widget_class, "incidents.check-evidence", NULL, check_evidence_action);
  gtk_widget_class_install_action (widget_class, "incidents.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "incidents.cancel-correction", NULL, cancel_correction_action);
  gtk_widget_class_install_action (widget_class, "incidents.add-approach", NULL, add_approach_action);
}

static void
mamori_incidents_view_init (MamoriIncidentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mamori_date_row_add_picker (self->occurred_entry);
  self->list_rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->asset_rows = g_ptr_array_new ();
  self->check_buttons = g_ptr_array_new ();
  self->file_rows = g_ptr_array_new ();
  self->contact_rows = g_ptr_array_new ();
  self->evidence_states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->contacts_kind = -1;
}

/**
 * mamori_incidents_view_new:
 * @store: the workspace
 *
 * Returns: (transfer floating): the incidents and reported approaches of @store
 */
GtkWidget *
mamori_incidents_view_new (MamoriStore *store)
{
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  return g_object_new (MAMORI_TYPE_INCIDENTS_VIEW, "store", store, NULL);
}

/**
 * mamori_incidents_view_show_incident:
 *
 * Shows the incidents part with the incident @incident_id open, as after
 * a report became it.
 */
void
mamori_incidents_view_show_incident (MamoriIncidentsView *self,
                                     gint64               incident_id)
{
  g_return_if_fail (MAMORI_IS_INCIDENTS_VIEW (self));

  adw_view_stack_set_visible_child_name (self->stack, "incidents");
  show_incident (self, incident_id);
  focus_title (self);
}

/**
 * mamori_incidents_view_save:
 *
 * Saves at once what was typed into the incident shown and not saved yet.
 */
gboolean
mamori_incidents_view_save (MamoriIncidentsView  *self,
                            GError              **error)
{
  g_return_val_if_fail (MAMORI_IS_INCIDENTS_VIEW (self), FALSE);
  return mamori_autosave_flush (self->autosave, error);
}

/**
 * mamori_incidents_view_discard:
 *
 * Forgets what was typed and could not be saved.
 */
void
mamori_incidents_view_discard (MamoriIncidentsView *self)
{
  g_return_if_fail (MAMORI_IS_INCIDENTS_VIEW (self));
  mamori_autosave_discard (self->autosave);
}
