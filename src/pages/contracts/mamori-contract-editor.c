/* mamori-contract-editor.c — one contract: its details, assets and clause review
 *
 * The editor works on its own copy of the contract. Typing is saved a
 * moment after it pauses (MamoriAutosave), choices at once; after each save
 * the warnings and the count of open essential topics are worked out again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mamori-i18n.h"

#include "analysis/mamori-contract-rules.h"
#include "analysis/mamori-text.h"
#include "catalog/mamori-catalog.h"
#include "pages/contracts/mamori-contract-analysis-window.h"
#include "pages/contracts/mamori-contract-editor.h"
#include "pages/report/mamori-report-window.h"
#include "widgets/mamori-asset-results.h"
#include "widgets/mamori-autosave.h"
#include "widgets/mamori-message.h"
#include "widgets/mamori-rows.h"

/* The widgets of one topic in the clause review. */
typedef struct
{
  AdwExpanderRow *expander;
  GtkImage       *icon;
  AdwComboRow    *status_row;
  AdwEntryRow    *note_row;
  AdwActionRow   *reason_row;
  AdwActionRow   *found_row;
} TopicRows;

struct _MamoriContractEditor
{
  MamoriSection         parent_instance;

  GtkWidget            *back_button;
  GtkLabel             *title_label;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *warnings_group;
  AdwEntryRow          *title_row;
  AdwEntryRow          *counterparty_row;
  AdwEntryRow          *country_row;
  GtkLabel             *group_a_label;
  AdwComboRow          *type_row;
  AdwComboRow          *position_row;
  AdwComboRow          *stage_row;
  AdwEntryRow          *signed_row;
  AdwEntryRow          *expires_row;
  AdwEntryRow          *notes_row;
  AdwPreferencesGroup  *assets_group;
  GtkMenuButton        *add_asset_button;
  GtkPopover           *asset_popover;
  GtkSearchEntry       *asset_search;
  GtkListBox           *asset_results;
  AdwPreferencesGroup  *review_group;

  MamoriStore          *store;
  MamoriCatalog        *catalog;
  MamoriClassScheme    *scheme;
  MamoriContract       *contract;
  MamoriAutosave       *autosave;
  GPtrArray            *warning_rows;
  GPtrArray            *asset_rows;
  TopicRows             topics[MAMORI_N_CONTRACT_TOPICS];
  guint                 shown_mask;      /* the essential topics the rows are ordered by */
  gboolean              review_built;
  MamoriContractPosition positions[MAMORI_N_CONTRACT_POSITIONS];  /* the position row's items */
  guint                 n_positions;
  gboolean              updating;
  GtkWindow            *analysis_window;
};

G_DEFINE_FINAL_TYPE (MamoriContractEditor, mamori_contract_editor, MAMORI_TYPE_SECTION)

enum {
  PROP_0,
  PROP_SHOW_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
save_contract (gpointer   user_data,
               GError   **error)
{
  MamoriContractEditor *self = user_data;

  if (self->contract == NULL)
    return TRUE;
  return mamori_store_save_contract (self->store, self->contract, error);
}

static void update_derived (MamoriContractEditor *self);

/* A choice is saved at once; typing a moment later. */
static void
changed (MamoriContractEditor *self,
         gboolean              at_once)
{
  if (self->updating || self->contract == NULL)
    return;
  mamori_autosave_changed (self->autosave);
  if (at_once)
    mamori_autosave_flush (self->autosave, NULL);
}

/* Warnings ---------------------------------------------------------------- */

static void
update_warnings (MamoriContractEditor *self)
{
  g_autoptr(GPtrArray) warnings = NULL;

  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_preferences_group_remove (self->warnings_group, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);

  warnings = mamori_store_check_contract (self->store, self->contract, self->catalog, NULL, NULL);
  if (warnings == NULL)
    warnings = g_ptr_array_new ();

  for (guint i = 0; i < warnings->len; i++)
    {
      MamoriContractWarning *warning = g_ptr_array_index (warnings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warning->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->warnings_group, row);
      g_ptr_array_add (self->warning_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), warnings->len > 0);
}

/* Disclosed assets -------------------------------------------------------- */

static void
on_remove_asset_clicked (GtkButton            *button,
                         MamoriContractEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "asset-id");
  GArray *ids = mamori_contract_get_asset_ids (self->contract);
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) != id)
      g_array_append_val (kept, g_array_index (ids, gint64, i));
  mamori_contract_set_asset_ids (self->contract, (const gint64 *) (gpointer) kept->data, kept->len);
  changed (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_asset_button));
}

static const char *
class_name (MamoriContractEditor *self,
            int                   level)
{
  return level >= 0 ? mamori_class_scheme_get_name (self->scheme, level) : C_("class", "Not evaluated");
}

static void
update_assets (MamoriContractEditor *self)
{
  g_autoptr(GPtrArray) summaries = NULL;

  for (guint i = 0; i < self->asset_rows->len; i++)
    adw_preferences_group_remove (self->assets_group, g_ptr_array_index (self->asset_rows, i));
  g_ptr_array_set_size (self->asset_rows, 0);

  summaries = mamori_store_dup_asset_summaries (self->store, mamori_contract_get_asset_ids (self->contract),
                                                NULL, 0, NULL);
  if (summaries == NULL)
    return;

  if (summaries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No assets disclosed"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->assets_group, row);
      g_ptr_array_add (self->asset_rows, row);
      return;
    }

  for (guint i = 0; i < summaries->len; i++)
    {
      MamoriAssetSummary *summary = g_ptr_array_index (summaries, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *label = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *summary->name != '\0' ? summary->name : _("Unnamed Asset"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), class_name (self, summary->class_level));
      /* Translators: a button that takes an asset off a contract; %s is its name */
      label = g_strdup_printf (_("Remove “%s” from this contract"), summary->name);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "asset-id", g_memdup2 (&summary->id, sizeof (gint64)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_asset_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->assets_group, row);
      g_ptr_array_add (self->asset_rows, row);
    }
}

static void
fill_asset_results (MamoriContractEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_asset_results_fill (self->asset_results, self->store,
                                  gtk_editable_get_text (GTK_EDITABLE (self->asset_search)),
                                  mamori_contract_get_asset_ids (self->contract),
                                  _("Every asset in the register is already on this contract, or the register is empty."),
                                  &error))
    mamori_section_show_error (MAMORI_SECTION (self), _("The asset register could not be searched"), error);
}

static void
on_asset_popover_show (MamoriContractEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->asset_search), "");
  fill_asset_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->asset_search));
}

static void
on_asset_result_activated (GtkListBox           *box,
                           GtkListBoxRow        *row,
                           MamoriContractEditor *self)
{
  gint64 id = mamori_asset_results_get_id (row);
  GArray *ids = mamori_contract_get_asset_ids (self->contract);
  g_autoptr(GArray) more = NULL;

  if (id == 0)
    return;
  more = g_array_copy (ids);
  g_array_append_val (more, id);
  mamori_contract_set_asset_ids (self->contract, (const gint64 *) (gpointer) more->data, more->len);
  gtk_popover_popdown (self->asset_popover);
  changed (self, TRUE);
}

/* Activating the search entry takes the first match. */
static void
on_asset_search_activate (MamoriContractEditor *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->asset_results, 0);

  if (first != NULL && gtk_list_box_row_get_activatable (first))
    on_asset_result_activated (self->asset_results, first, self);
}

/* Clause review ----------------------------------------------------------- */

static const char *const status_icons[MAMORI_N_CLAUSE_STATUSES] = {
  [MAMORI_CLAUSE_UNREVIEWED] = "mamori-clause-unreviewed-symbolic",
  [MAMORI_CLAUSE_OK] = "emblem-ok-symbolic",
  [MAMORI_CLAUSE_CHANGE] = "dialog-warning-symbolic",
  [MAMORI_CLAUSE_MISSING] = "dialog-error-symbolic",
  [MAMORI_CLAUSE_NA] = "action-unavailable-symbolic",
};

static const char *const status_styles[MAMORI_N_CLAUSE_STATUSES] = {
  [MAMORI_CLAUSE_UNREVIEWED] = "dim-label",
  [MAMORI_CLAUSE_OK] = "success",
  [MAMORI_CLAUSE_CHANGE] = "warning",
  [MAMORI_CLAUSE_MISSING] = "error",
  [MAMORI_CLAUSE_NA] = "dim-label",
};

static void
update_topic (MamoriContractEditor *self,
              MamoriContractTopic   topic)
{
  TopicRows *rows = &self->topics[topic];
  const MamoriClauseReview *review = mamori_contract_get_review (self->contract, topic);
  const char *reason = NULL;
  gboolean essential = mamori_contract_rules_is_essential (mamori_contract_get_contract_type (self->contract),
                                                           mamori_contract_get_position (self->contract),
                                                           topic, &reason);
  g_autofree char *subtitle = NULL;

  if (essential)
    /* Translators: a clause topic's verdict, then that the topic is essential for this kind of contract */
    subtitle = g_strdup_printf (_("%s · Essential"), mamori_clause_status_get_label (review->status));
  else
    subtitle = g_strdup (mamori_clause_status_get_label (review->status));
  adw_expander_row_set_subtitle (rows->expander, subtitle);

  for (int s = 0; s < MAMORI_N_CLAUSE_STATUSES; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (rows->icon), status_styles[s]);
  gtk_image_set_from_icon_name (rows->icon, status_icons[review->status]);
  gtk_widget_add_css_class (GTK_WIDGET (rows->icon), status_styles[review->status]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mamori_clause_status_get_label (review->status), -1);

  if (adw_combo_row_get_selected (rows->status_row) != (guint) review->status)
    adw_combo_row_set_selected (rows->status_row, review->status);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (rows->note_row)), review->note) != 0)
    gtk_editable_set_text (GTK_EDITABLE (rows->note_row), review->note);

  adw_action_row_set_subtitle (rows->reason_row,
                               essential ? reason
                               : _("Not essential for this type of contract and position; review it if the contract covers it."));

  gtk_widget_set_visible (GTK_WIDGET (rows->found_row), *review->article != '\0' || *review->passage != '\0');
  if (*review->article != '\0')
    {
      /* Translators: where the text analysis found a clause; %s is an article such as 第9条 */
      g_autofree char *title = g_strdup_printf (_("Found in %s"), review->article);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->found_row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->found_row), _("Found in the text"));
  adw_action_row_set_subtitle (rows->found_row, review->passage);
}

static void
on_status_selected (AdwComboRow          *row,
                    GParamSpec           *pspec,
                    MamoriContractEditor *self)
{
  MamoriContractTopic topic = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "topic"));
  const MamoriClauseReview *review;
  guint status = adw_combo_row_get_selected (row);

  if (self->updating || self->contract == NULL || status >= MAMORI_N_CLAUSE_STATUSES)
    return;
  review = mamori_contract_get_review (self->contract, topic);
  if ((guint) review->status == status)
    return;
  mamori_contract_set_review (self->contract, topic, status, review->note, review->article, review->passage);
  changed (self, TRUE);
}

static void
on_note_changed (AdwEntryRow          *row,
                 MamoriContractEditor *self)
{
  MamoriContractTopic topic = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "topic"));
  const MamoriClauseReview *review;

  if (self->updating || self->contract == NULL)
    return;
  review = mamori_contract_get_review (self->contract, topic);
  mamori_contract_set_review (self->contract, topic, review->status, gtk_editable_get_text (GTK_EDITABLE (row)),
                              review->article, review->passage);
  changed (self, FALSE);
}

static void
build_topic (MamoriContractEditor *self,
             MamoriContractTopic   topic)
{
  TopicRows *rows = &self->topics[topic];
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  rows->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander), mamori_contract_topic_get_label (topic));
  rows->icon = GTK_IMAGE (gtk_image_new ());
  adw_expander_row_add_prefix (rows->expander, GTK_WIDGET (rows->icon));

  for (int s = 0; s < MAMORI_N_CLAUSE_STATUSES; s++)
    gtk_string_list_append (statuses, mamori_clause_status_get_label (s));
  rows->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_combo_row_set_model (rows->status_row, G_LIST_MODEL (statuses));
  /* No mnemonics: eleven topics would share them. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->status_row), _("Verdict"));
  g_object_set_data (G_OBJECT (rows->status_row), "topic", GUINT_TO_POINTER (topic));
  g_signal_connect (rows->status_row, "notify::selected", G_CALLBACK (on_status_selected), self);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->status_row));

  rows->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->note_row), C_("clause review", "Note"));
  g_object_set_data (G_OBJECT (rows->note_row), "topic", GUINT_TO_POINTER (topic));
  g_signal_connect (rows->note_row, "changed", G_CALLBACK (on_note_changed), self);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->note_row));

  rows->found_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->found_row), FALSE);
  adw_action_row_set_subtitle_lines (rows->found_row, 0);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->found_row));

  rows->reason_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->reason_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->reason_row), _("Why it matters"));
  adw_action_row_set_subtitle_lines (rows->reason_row, 0);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->reason_row));
}

/* Essential topics first, in the scanner's order; rebuilt only when the type
 * or position changes which topics are essential. */
static void
order_review (MamoriContractEditor *self)
{
  guint mask = mamori_contract_rules_get_essential_mask (mamori_contract_get_contract_type (self->contract),
                                                         mamori_contract_get_position (self->contract));

  if (self->review_built && mask == self->shown_mask)
    return;

  if (self->review_built)
    for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
      {
        g_object_ref (self->topics[t].expander);
        adw_preferences_group_remove (self->review_group, GTK_WIDGET (self->topics[t].expander));
      }
  for (int pass = 0; pass < 2; pass++)
    for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
      if (((mask & (1u << t)) != 0) == (pass == 0))
        {
          adw_preferences_group_add (self->review_group, GTK_WIDGET (self->topics[t].expander));
          if (self->review_built)
            g_object_unref (self->topics[t].expander);
        }
  self->review_built = TRUE;
  self->shown_mask = mask;
}

static void
update_review (MamoriContractEditor *self)
{
  guint open = mamori_contract_rules_count_open (self->contract);
  guint mask = mamori_contract_rules_get_essential_mask (mamori_contract_get_contract_type (self->contract),
                                                         mamori_contract_get_position (self->contract));
  guint essential = 0;
  g_autofree char *description = NULL;

  for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
    essential += (mask & (1u << t)) != 0;

  order_review (self);
  for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
    update_topic (self, t);

  if (open == 0)
    /* Translators: the clause review's summary when every essential topic is settled */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The %u essential topic for this type of contract is settled.",
                                                "All %u essential topics for this type of contract are settled.",
                                                essential), essential);
  else
    /* Translators: %u of %u essential clause topics are not reviewed, missing or need change */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u of %u essential topic is still open: not reviewed, missing or needing change.",
                                                "%u of %u essential topics are still open: not reviewed, missing or needing change.",
                                                essential), open, essential);
  adw_preferences_group_set_description (self->review_group, NULL);
  adw_preferences_group_set_description (self->review_group, description);
}

/* Details ----------------------------------------------------------------- */

static void
update_title (MamoriContractEditor *self)
{
  const char *title = mamori_contract_get_title (self->contract);

  gtk_label_set_text (self->title_label, *title != '\0' ? title : _("Untitled Contract"));
}

static void
update_group_a (MamoriContractEditor *self)
{
  const char *country = mamori_contract_get_country (self->contract);

  gtk_widget_set_visible (GTK_WIDGET (self->group_a_label), !mamori_text_is_blank (country));
  if (mamori_text_is_blank (country))
    gtk_label_set_text (self->group_a_label, "");
  else if (mamori_contract_rules_country_is_japan (country))
    /* Translators: shown beside the counterparty's country when it is Japan */
    gtk_label_set_text (self->group_a_label, _("In Japan"));
  else if (mamori_contract_rules_country_outside_group_a (self->catalog, country))
    /* Translators: shown beside the counterparty's country; グループA is the official term */
    gtk_label_set_text (self->group_a_label, _("Not Group A"));
  else
    gtk_label_set_text (self->group_a_label, _("Group A"));
}

static void
fill_positions (MamoriContractEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  MamoriContractType type = mamori_contract_get_contract_type (self->contract);
  guint selected = 0;

  self->n_positions = 0;
  for (int p = 0; p < MAMORI_N_CONTRACT_POSITIONS; p++)
    {
      const char *label = mamori_contract_position_get_label (type, p);

      if (label == NULL)
        continue;
      if ((MamoriContractPosition) p == mamori_contract_get_position (self->contract))
        selected = self->n_positions;
      self->positions[self->n_positions++] = p;
      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->position_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->position_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->position_row), self->n_positions > 1);
}

/* The parts of the editor that follow from what is saved. */
static void
update_derived (MamoriContractEditor *self)
{
  if (self->contract == NULL)
    return;
  g_clear_pointer (&self->catalog, mamori_catalog_unref);
  self->catalog = mamori_catalog_dup_default ();
  self->updating = TRUE;
  update_title (self);
  update_group_a (self);
  update_review (self);
  self->updating = FALSE;
  update_warnings (self);
}

static void
on_text_changed (AdwEntryRow          *row,
                 MamoriContractEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->updating || self->contract == NULL)
    return;
  if (row == self->title_row)
    {
      mamori_contract_set_title (self->contract, text);
      update_title (self);
    }
  else if (row == self->counterparty_row)
    mamori_contract_set_counterparty (self->contract, text);
  else if (row == self->country_row)
    {
      mamori_contract_set_country (self->contract, text);
      update_group_a (self);
    }
  else if (row == self->notes_row)
    mamori_contract_set_notes (self->contract, text);
  changed (self, FALSE);
}

/* A date is taken once it is a real one (or blank). While the text is not
 * one, the row says so and the contract keeps the date it had when editing
 * began, not one that a half-typed date happened to spell ("2026-02-3" on
 * the way to a mistyped "2026-02-30"). */
static void
on_date_changed (AdwEntryRow          *row,
                 MamoriContractEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const char *before = g_object_get_data (G_OBJECT (row), "date-before-edit");
  g_autofree char *date = NULL;

  if (self->updating || self->contract == NULL)
    return;
  if (!mamori_text_is_blank (text) && (date = mamori_text_parse_date (text, TRUE)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Not a date: write it as 2026-04-01"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Not a date: write it as 2026-04-01"), -1);
      date = g_strdup (before != NULL ? before : "");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("As 2026-04-01"));
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  if (row == self->signed_row)
    mamori_contract_set_signed_on (self->contract, date);
  else
    mamori_contract_set_expires_on (self->contract, date);
  changed (self, FALSE);
}

/* Editing a date begins: what to keep should the text not become one. */
static void
on_date_focus_enter (GtkEventControllerFocus *controller,
                     MamoriContractEditor    *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->contract == NULL)
    return;
  g_object_set_data_full (G_OBJECT (row), "date-before-edit",
                          g_strdup (row == GTK_WIDGET (self->signed_row)
                                    ? mamori_contract_get_signed_on (self->contract)
                                    : mamori_contract_get_expires_on (self->contract)),
                          g_free);
}

static void
on_type_selected (AdwComboRow          *row,
                  GParamSpec           *pspec,
                  MamoriContractEditor *self)
{
  guint type = adw_combo_row_get_selected (row);

  if (self->updating || self->contract == NULL || type >= MAMORI_N_CONTRACT_TYPES ||
      type == (guint) mamori_contract_get_contract_type (self->contract))
    return;
  mamori_contract_set_contract_type (self->contract, type);
  /* A position means something else in another type: start from the
   * type's usual one. */
  mamori_contract_set_position (self->contract, mamori_contract_type_get_default_position (type));
  self->updating = TRUE;
  fill_positions (self);
  self->updating = FALSE;
  changed (self, TRUE);
}

static void
on_position_selected (AdwComboRow          *row,
                      GParamSpec           *pspec,
                      MamoriContractEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->contract == NULL || selected >= self->n_positions)
    return;
  mamori_contract_set_position (self->contract, self->positions[selected]);
  changed (self, TRUE);
}

static void
on_stage_selected (AdwComboRow          *row,
                   GParamSpec           *pspec,
                   MamoriContractEditor *self)
{
  guint stage = adw_combo_row_get_selected (row);

  if (self->updating || self->contract == NULL || stage >= MAMORI_N_CONTRACT_STAGES)
    return;
  mamori_contract_set_stage (self->contract, stage);
  changed (self, TRUE);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_contract (MamoriContractEditor *self)
{
  self->updating = TRUE;
  set_entry (self->title_row, mamori_contract_get_title (self->contract));
  set_entry (self->counterparty_row, mamori_contract_get_counterparty (self->contract));
  set_entry (self->country_row, mamori_contract_get_country (self->contract));
  adw_combo_row_set_selected (self->type_row, mamori_contract_get_contract_type (self->contract));
  fill_positions (self);
  adw_combo_row_set_selected (self->stage_row, mamori_contract_get_stage (self->contract));
  set_entry (self->signed_row, mamori_contract_get_signed_on (self->contract));
  set_entry (self->expires_row, mamori_contract_get_expires_on (self->contract));
  g_object_set_data_full (G_OBJECT (self->signed_row), "date-before-edit",
                          g_strdup (mamori_contract_get_signed_on (self->contract)), g_free);
  g_object_set_data_full (G_OBJECT (self->expires_row), "date-before-edit",
                          g_strdup (mamori_contract_get_expires_on (self->contract)), g_free);
  set_entry (self->notes_row, mamori_contract_get_notes (self->contract));
  self->updating = FALSE;
  update_assets (self);
  update_derived (self);
}

/* Text analysis ----------------------------------------------------------- */

typedef struct
{
  MamoriClauseStatus  status;
  char               *note;
  char               *article;
  char               *passage;
} SavedReview;

static void
saved_review_free (SavedReview *saved)
{
  g_free (saved->note);
  g_free (saved->article);
  g_free (saved->passage);
  g_free (saved);
}

/* Sets a review on the contract the analysis window was opened for (the
 * editor may show another by now), and saves it at once. */
static gboolean
write_review (MamoriContractEditor *self,
              gint64                id,
              MamoriContractTopic   topic,
              MamoriClauseStatus    status,
              const char           *note,
              const char           *article,
              const char           *passage,
              SavedReview          *before)
{
  g_autoptr(MamoriContract) other = NULL;
  g_autoptr(GError) error = NULL;
  MamoriContract *contract;
  const MamoriClauseReview *review;

  if (self->contract != NULL && mamori_contract_get_id (self->contract) == id)
    contract = self->contract;
  else if ((contract = other = mamori_store_dup_contract (self->store, id, &error)) == NULL)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The finding could not be saved"), error);
      return FALSE;
    }

  review = mamori_contract_get_review (contract, topic);
  if (before != NULL)
    {
      before->status = review->status;
      before->note = g_strdup (review->note);
      before->article = g_strdup (review->article);
      before->passage = g_strdup (review->passage);
    }
  mamori_contract_set_review (contract, topic, status, note, article, passage);

  if (contract == self->contract)
    {
      mamori_autosave_changed (self->autosave);
      if (!mamori_autosave_flush (self->autosave, &error))
        return FALSE;  /* the autosave has told the user */
      update_derived (self);
      return TRUE;
    }
  if (!mamori_store_save_contract (self->store, other, &error))
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The finding could not be saved"), error);
      return FALSE;
    }
  return TRUE;
}

static char *
topic_key (guint topic)
{
  return g_strdup_printf ("mamori-before-%u", topic);
}

static gboolean
on_finding_accepted (MamoriContractAnalysisWindow *window,
                     guint                         topic,
                     guint                         status,
                     const char                   *article,
                     const char                   *passage,
                     const char                   *note,
                     MamoriContractEditor         *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "contract-id"));
  g_autofree char *key = topic_key (topic);
  g_autofree char *merged = NULL;
  SavedReview *before;
  g_autoptr(MamoriContract) current = NULL;
  const char *kept_note;

  if (topic >= MAMORI_N_CONTRACT_TOPICS || status >= MAMORI_N_CLAUSE_STATUSES)
    return FALSE;

  /* The reviewer's own note is kept, the analysis's sentence added. */
  current = self->contract != NULL && mamori_contract_get_id (self->contract) == id
            ? g_object_ref (self->contract) : mamori_store_dup_contract (self->store, id, NULL);
  kept_note = current != NULL ? mamori_contract_get_review (current, topic)->note : "";
  if (!mamori_text_is_blank (kept_note) && strstr (kept_note, note) == NULL)
    merged = g_strconcat (kept_note, " ", note, NULL);

  before = g_new0 (SavedReview, 1);
  if (!write_review (self, id, topic, status, merged != NULL ? merged : note, article, passage, before))
    {
      saved_review_free (before);
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (window), key, before, (GDestroyNotify) saved_review_free);
  return TRUE;
}

/* Reconsidering an Accept puts the review back as it was before it. */
static gboolean
on_finding_withdrawn (MamoriContractAnalysisWindow *window,
                      guint                         topic,
                      MamoriContractEditor         *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "contract-id"));
  g_autofree char *key = topic_key (topic);
  SavedReview *before = g_object_get_data (G_OBJECT (window), key);

  if (before == NULL || topic >= MAMORI_N_CONTRACT_TOPICS)
    return FALSE;
  if (!write_review (self, id, topic, before->status, before->note, before->article, before->passage, NULL))
    return FALSE;
  g_object_set_data (G_OBJECT (window), key, NULL);
  return TRUE;
}

static void
on_text_analyzed (MamoriContractAnalysisWindow *window,
                  const char                   *text,
                  MamoriContractEditor         *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "contract-id"));
  g_autoptr(GError) error = NULL;

  if (!mamori_store_save_contract_text (self->store, id, text, &error))
    mamori_section_show_error (MAMORI_SECTION (self), _("The contract text could not be kept"), error);
}

/* The text is kept as the window closes too, analysed or not: what was
 * pasted or edited is there next time. */
static gboolean
on_analysis_close_request (MamoriContractAnalysisWindow *window,
                           MamoriContractEditor         *self)
{
  g_autofree char *text = mamori_contract_analysis_window_dup_text (window);

  on_text_analyzed (window, text, self);
  return FALSE;
}

/**
 * mamori_contract_editor_close_analysis:
 *
 * Closes the text analysis window, if one is open (as when its contract is
 * deleted).
 */
void
mamori_contract_editor_close_analysis (MamoriContractEditor *self)
{
  GtkWindow *window;

  g_return_if_fail (MAMORI_IS_CONTRACT_EDITOR (self));

  window = self->analysis_window;
  if (window == NULL)
    return;
  on_analysis_close_request (MAMORI_CONTRACT_ANALYSIS_WINDOW (window), self);
  g_clear_weak_pointer (&self->analysis_window);
  gtk_window_destroy (window);
}

GtkWindow *
mamori_contract_editor_analyze (MamoriContractEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  MamoriContractAnalysisWindow *window;
  MamoriClauseStatus saved[MAMORI_N_CONTRACT_TOPICS];
  gint64 id;

  g_return_val_if_fail (MAMORI_IS_CONTRACT_EDITOR (self), NULL);

  if (self->contract == NULL)
    return NULL;
  if (!mamori_autosave_flush (self->autosave, &error))
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("Changes are not being saved"), error);
      return NULL;
    }
  id = mamori_contract_get_id (self->contract);
  if (self->analysis_window != NULL)
    {
      /* The same contract's window keeps what was pasted and decided. */
      if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self->analysis_window), "contract-id")) == (gsize) id)
        {
          gtk_window_present (self->analysis_window);
          return self->analysis_window;
        }
      mamori_contract_editor_close_analysis (self);
    }

  text = mamori_store_dup_contract_text (self->store, id, NULL);
  for (guint topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    saved[topic] = mamori_contract_get_review (self->contract, topic)->status;
  window = mamori_contract_analysis_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                mamori_contract_get_title (self->contract), text,
                                                mamori_contract_rules_get_essential_mask (
                                                  mamori_contract_get_contract_type (self->contract),
                                                  mamori_contract_get_position (self->contract)),
                                                mamori_contract_rules_country_outside_group_a (
                                                  self->catalog, mamori_contract_get_country (self->contract)),
                                                saved);
  g_object_set_data (G_OBJECT (window), "contract-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (window, "finding-accepted", G_CALLBACK (on_finding_accepted), self, 0);
  g_signal_connect_object (window, "finding-withdrawn", G_CALLBACK (on_finding_withdrawn), self, 0);
  g_signal_connect_object (window, "text-analyzed", G_CALLBACK (on_text_analyzed), self, 0);
  g_signal_connect_object (window, "close-request", G_CALLBACK (on_analysis_close_request), self, 0);
  g_set_weak_pointer (&self->analysis_window, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* The memo is made from the workspace file: what was typed is saved first. */
static void
memo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriContractEditor *self = MAMORI_CONTRACT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->contract == NULL)
    return;
  if (!mamori_autosave_flush (self->autosave, &error))
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("Changes are not being saved"), error);
      return;
    }
  mamori_report_window_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                MAMORI_REPORT_CONTRACT_MEMO, mamori_contract_get_id (self->contract));
}

/* Saving ------------------------------------------------------------------ */

static void
on_save_failed (MamoriContractEditor *self,
                const GError         *error)
{
  mamori_section_show_error (MAMORI_SECTION (self), _("Changes are not being saved"), error);
}

static void
on_save_recovered (MamoriContractEditor *self)
{
  mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("Changes saved again"), NULL));
}

/* Every save of the contract (ours or the analysis window's) and every
 * change of the assets (a class, a deletion) can change the warnings. */
static void
on_store_changed (MamoriContractEditor *self)
{
  if (self->contract == NULL || mamori_autosave_is_pending (self->autosave))
    return;
  update_assets (self);
  update_derived (self);
}

/**
 * mamori_contract_editor_focus_title:
 *
 * Puts the cursor in the title, as for a contract just added.
 */
void
mamori_contract_editor_focus_title (MamoriContractEditor *self)
{
  g_return_if_fail (MAMORI_IS_CONTRACT_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* The classes were renamed: the assets' class names with them. */
static void
on_settings_changed (MamoriContractEditor *self)
{
  g_clear_pointer (&self->scheme, mamori_class_scheme_free);
  self->scheme = mamori_store_dup_class_scheme (self->store);
  on_store_changed (self);
}

MamoriContract *
mamori_contract_editor_get_contract (MamoriContractEditor *self)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT_EDITOR (self), NULL);
  return self->contract;
}

/**
 * mamori_contract_editor_set_contract:
 * @contract: (nullable): the contract to edit; the editor keeps its own copy
 *
 * What was typed for the previous contract is saved first. If that fails,
 * the editor keeps the previous contract and says why.
 *
 * Returns: whether the editor shows @contract
 */
gboolean
mamori_contract_editor_set_contract (MamoriContractEditor  *self,
                                     MamoriContract        *contract,
                                     GError               **error)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT_EDITOR (self), FALSE);
  g_return_val_if_fail (contract == NULL || MAMORI_IS_CONTRACT (contract), FALSE);

  gboolean other;

  if (!mamori_autosave_flush (self->autosave, error))
    return FALSE;

  other = contract == NULL || self->contract == NULL ||
          mamori_contract_get_id (contract) != mamori_contract_get_id (self->contract);
  g_clear_object (&self->contract);
  if (contract == NULL)
    return TRUE;
  self->contract = mamori_contract_copy (contract);
  show_contract (self);
  /* Another contract opens at its start (the same one reloaded after a
   * save stays where the user is). */
  if (other)
    mamori_section_scroll_to_top (GTK_WIDGET (self->page));
  return TRUE;
}

gboolean
mamori_contract_editor_save (MamoriContractEditor  *self,
                             GError               **error)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT_EDITOR (self), FALSE);
  return mamori_autosave_flush (self->autosave, error);
}

/**
 * mamori_contract_editor_discard:
 *
 * Forgets what was typed since the last save and shows the contract as
 * saved.
 */
void
mamori_contract_editor_discard (MamoriContractEditor *self)
{
  g_autoptr(MamoriContract) saved = NULL;

  g_return_if_fail (MAMORI_IS_CONTRACT_EDITOR (self));

  mamori_autosave_discard (self->autosave);
  if (self->contract == NULL)
    return;
  saved = mamori_store_dup_contract (self->store, mamori_contract_get_id (self->contract), NULL);
  g_clear_object (&self->contract);
  if (saved != NULL)
    {
      self->contract = g_steal_pointer (&saved);
      show_contract (self);
    }
}

/* GObject ------------------------------------------------------------------- */

static const char *type_label (int i) { return mamori_contract_type_get_label (i); }
static const char *stage_label (int i) { return mamori_contract_stage_get_label (i); }

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

static void
mamori_contract_editor_constructed (GObject *object)
{
  MamoriContractEditor *self = MAMORI_CONTRACT_EDITOR (object);

  G_OBJECT_CLASS (mamori_contract_editor_parent_class)->constructed (object);
  self->store = g_object_ref (mamori_section_get_store (MAMORI_SECTION (self)));

  self->scheme = mamori_store_dup_class_scheme (self->store);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_CONTRACTS, G_CALLBACK (on_store_changed), self);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_ASSETS, G_CALLBACK (on_store_changed), self);
  /* An asset's class or name changed: the warnings may have. */
  g_signal_connect_object (self->store, "asset-changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_SETTINGS, G_CALLBACK (on_settings_changed), self);
}

static void
mamori_contract_editor_dispose (GObject *object)
{
  MamoriContractEditor *self = MAMORI_CONTRACT_EDITOR (object);

  if (self->autosave != NULL)
    mamori_autosave_flush (self->autosave, NULL);
  mamori_contract_editor_close_analysis (self);
  g_clear_object (&self->contract);
  g_clear_object (&self->autosave);
  g_clear_pointer (&self->catalog, mamori_catalog_unref);
  g_clear_pointer (&self->scheme, mamori_class_scheme_free);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
  g_clear_pointer (&self->asset_rows, g_ptr_array_unref);

  /* No gtk_widget_dispose_template(): the template's root is AdwBin's
   * child, and AdwBin disposes it. */

  G_OBJECT_CLASS (mamori_contract_editor_parent_class)->dispose (object);
}

static void
mamori_contract_editor_finalize (GObject *object)
{
  MamoriContractEditor *self = MAMORI_CONTRACT_EDITOR (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_contract_editor_parent_class)->finalize (object);
}

static void
mamori_contract_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MamoriContractEditor *self = MAMORI_CONTRACT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      g_value_set_boolean (value, gtk_widget_get_visible (self->back_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_contract_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  MamoriContractEditor *self = MAMORI_CONTRACT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      if (gtk_widget_get_visible (self->back_button) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->back_button, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_contract_editor_class_init (MamoriContractEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mamori_contract_editor_constructed;
  object_class->dispose = mamori_contract_editor_dispose;
  object_class->finalize = mamori_contract_editor_finalize;
  object_class->get_property = mamori_contract_editor_get_property;
  object_class->set_property = mamori_contract_editor_set_property;

  properties[PROP_SHOW_BACK] =
    g_param_spec_boolean ("show-back", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-contract-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, page);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, counterparty_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, group_a_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, signed_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, expires_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, assets_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, add_asset_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, asset_popover);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, asset_search);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, asset_results);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractEditor, review_group);

  gtk_widget_class_install_action (widget_class, "contract.memo", NULL, memo_action);
}

static void
mamori_contract_editor_init (MamoriContractEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mamori_date_row_add_picker (self->signed_row);
  mamori_date_row_add_picker (self->expires_row);

  self->catalog = mamori_catalog_dup_default ();
  self->warning_rows = g_ptr_array_new ();
  self->asset_rows = g_ptr_array_new ();
  self->autosave = mamori_autosave_new (save_contract, self);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "recovered", G_CALLBACK (on_save_recovered), self, G_CONNECT_SWAPPED);

  fill_choices (self->type_row, type_label, MAMORI_N_CONTRACT_TYPES);
  fill_choices (self->stage_row, stage_label, MAMORI_N_CONTRACT_STAGES);
  for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
    build_topic (self, t);

  /* Translators: the format dates are written in */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->signed_row), _("As 2026-04-01"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->expires_row), _("As 2026-04-01"));

  g_signal_connect (self->title_row, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect (self->counterparty_row, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect (self->country_row, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect (self->notes_row, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect (self->signed_row, "changed", G_CALLBACK (on_date_changed), self);
  g_signal_connect (self->expires_row, "changed", G_CALLBACK (on_date_changed), self);
  for (int i = 0; i < 2; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "enter", G_CALLBACK (on_date_focus_enter), self);
      gtk_widget_add_controller (GTK_WIDGET (i == 0 ? self->signed_row : self->expires_row), focus);
    }
  g_signal_connect (self->type_row, "notify::selected", G_CALLBACK (on_type_selected), self);
  g_signal_connect (self->position_row, "notify::selected", G_CALLBACK (on_position_selected), self);
  g_signal_connect (self->stage_row, "notify::selected", G_CALLBACK (on_stage_selected), self);
  g_signal_connect_swapped (self->asset_popover, "show", G_CALLBACK (on_asset_popover_show), self);
  g_signal_connect_swapped (self->asset_search, "search-changed", G_CALLBACK (fill_asset_results), self);
  g_signal_connect_swapped (self->asset_search, "activate", G_CALLBACK (on_asset_search_activate), self);
  g_signal_connect (self->asset_results, "row-activated", G_CALLBACK (on_asset_result_activated), self);
}

GtkWidget *
mamori_contract_editor_new (MamoriStore *store)
{
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  return g_object_new (MAMORI_TYPE_CONTRACT_EDITOR, "store", store, NULL);
}
