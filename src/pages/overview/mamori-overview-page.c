/* mamori-overview-page.c — the Overview tab (概要): where the company stands
 *
 * The overall rating with its rule, one row per area with its change since
 * the last snapshot, the risk map, and the action plan with the open
 * findings in one list. A new workspace shows the four steps to begin.
 *
 * The findings are worked out after the window's first frame and again
 * shortly after each change: the facts are read here, the rules run in a
 * worker thread, and what is shown is replaced only when they are done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "io/mamori-action-export.h"
#include "io/mamori-file.h"
#include "model/mamori-screening.h"
#include "widgets/mamori-message.h"
#include "pages/overview/mamori-action-dialog.h"
#include "pages/overview/mamori-overview-page.h"

/* After a change, wait for typing to pause before working it out again. */
#define REFRESH_DELAY_MS 400
/* Rows of the plan list built at most: more is narrowed by the filters. */
#define MAX_ROWS 100

typedef enum
{
  SORT_SEVERITY,
  SORT_DUE,
} SortOrder;

/* One row of the plan list: an action (with the finding it came from, if
 * that is still found), or a finding not in the plan. */
typedef struct
{
  MamoriAction  *action;   /* borrowed from the assessment's facts */
  MamoriFinding *finding;  /* borrowed from the assessment */
} PlanItem;

struct _MamoriOverviewPage
{
  MamoriPage           parent_instance;

  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *start_group;
  GtkImage            *start_profile_icon;
  GtkImage            *start_assets_icon;
  GtkImage            *start_contract_icon;
  GtkImage            *start_checklist_icon;
  GtkWidget           *summary_box;
  GtkLabel            *rating_label;
  GtkLabel            *rating_title;
  GtkLabel            *rating_rule;
  GtkLabel            *since_label;
  AdwPreferencesGroup *areas_group;
  GtkWidget           *risk_group;
  GtkGrid             *risk_grid;
  GtkWidget           *plan_group;
  GtkDropDown         *sort_dropdown;
  GtkToggleButton     *mine_toggle;
  GtkToggleButton     *overdue_toggle;
  GtkToggleButton     *board_toggle;
  GtkToggleButton     *dismissed_toggle;
  GtkListBox          *plan_list;
  GtkLabel            *plan_status;

  GtkWidget           *area_rows[5];
  GtkWidget           *area_values[5];
  GtkToggleButton     *cells[3][3];      /* [likelihood - 1][impact - 1] */
  int                  cell_likelihood;  /* the chosen cell, 0 for none */
  int                  cell_impact;

  MamoriCatalog          *catalog;
  MamoriChecklistCatalog *checklists;
  MamoriAssessment       *assessment;
  GPtrArray              *shown;          /* of PlanItem, in the order of the rows */
  GCancellable           *cancellable;
  guint                   refresh_id;
  gboolean                syncing_cells;
  GtkFileChooserNative   *chooser;
};

G_DEFINE_FINAL_TYPE (MamoriOverviewPage, mamori_overview_page, MAMORI_TYPE_PAGE)

/* Areas --------------------------------------------------------------------- */

typedef struct
{
  const char       *title;
  MamoriFigure      headline;
  MamoriFigure      details[3];   /* MAMORI_N_FIGURES ends the list */
  MamoriRecordType  tab;
} Area;

static const Area areas[] = {
  { N_("Assets"), MAMORI_FIGURE_ASSETS_EXPOSED,
    { MAMORI_FIGURE_ASSETS, MAMORI_FIGURE_ASSETS_CLASSIFIED, MAMORI_N_FIGURES }, MAMORI_RECORD_ASSET },
  { N_("Contracts"), MAMORI_FIGURE_CONTRACT_GAPS,
    { MAMORI_FIGURE_CONTRACTS, MAMORI_N_FIGURES }, MAMORI_RECORD_CONTRACT },
  { N_("Lookups and Screening"), MAMORI_FIGURE_SCREENINGS_PENDING,
    { MAMORI_FIGURE_SCREENINGS, MAMORI_N_FIGURES }, MAMORI_RECORD_SCREENING },
  { N_("Checklists"), MAMORI_FIGURE_CHECKLIST_PERCENT,
    { MAMORI_FIGURE_CHECKLIST_OVERDUE, MAMORI_N_FIGURES }, MAMORI_RECORD_CHECKLIST },
  { N_("Incidents"), MAMORI_FIGURE_INCIDENTS_OPEN,
    { MAMORI_N_FIGURES }, MAMORI_RECORD_INCIDENT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (areas) == 5);

static void
update_areas (MamoriOverviewPage *self)
{
  MamoriAssessment *assessment = self->assessment;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      const Area *area = &areas[i];
      g_autoptr(GString) subtitle = g_string_new (mamori_figure_get_label (area->headline));
      g_autofree char *change = mamori_assessment_dup_change (assessment, area->headline);
      g_autofree char *value = NULL;
      g_autofree char *accessible = NULL;

      for (guint j = 0; area->details[j] != MAMORI_N_FIGURES; j++)
        {
          g_string_append_c (subtitle, '\n');
          /* Translators: a figure below an area of the Overview: what it is, then the figure (with thousands separators) */
          g_string_append_printf (subtitle, _("%s: %'d"), mamori_figure_get_label (area->details[j]),
                                  assessment->figures[area->details[j]]);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->area_rows[i]), subtitle->str);

      if (change != NULL)
        /* Translators: a headline figure and its change since the last snapshot, e.g. "1,200 (+3)" */
        value = g_strdup_printf (_("%'d (%s)"), assessment->figures[area->headline], change);
      else
        value = mamori_text_format_count (assessment->figures[area->headline]);
      gtk_label_set_text (GTK_LABEL (self->area_values[i]), value);
      /* Translators: read out for an area of the Overview: its title, what the figure is, the figure */
      accessible = g_strdup_printf (_("%s: %s %s"), _(area->title), mamori_figure_get_label (area->headline), value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->area_rows[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
}

static void
on_area_activated (AdwActionRow       *row,
                   MamoriOverviewPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (GTK_WIDGET (row) == self->area_rows[i])
      mamori_page_show_record (MAMORI_PAGE (self), areas[i].tab, 0, NULL);
}

static void
build_areas (MamoriOverviewPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (NULL);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(areas[i].title));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_add_css_class (value, "title-3");
      gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_area_activated), self);
      adw_preferences_group_add (self->areas_group, row);
      self->area_rows[i] = row;
      self->area_values[i] = value;
    }
}

/* The risk map ---------------------------------------------------------------- */

static const char *
severity_class (int severity)
{
  return severity >= 6 ? "high" : severity >= 3 ? "medium" : "low";
}

static void rebuild_plan (MamoriOverviewPage *self);

static void
on_cell_toggled (GtkToggleButton    *button,
                 MamoriOverviewPage *self)
{
  if (self->syncing_cells)
    return;
  self->syncing_cells = TRUE;
  self->cell_likelihood = self->cell_impact = 0;
  for (int l = 0; l < 3; l++)
    for (int i = 0; i < 3; i++)
      {
        if (self->cells[l][i] == button && gtk_toggle_button_get_active (button))
          {
            self->cell_likelihood = l + 1;
            self->cell_impact = i + 1;
          }
        else
          gtk_toggle_button_set_active (self->cells[l][i], FALSE);
      }
  self->syncing_cells = FALSE;
  rebuild_plan (self);
}

static void
build_risk_map (MamoriOverviewPage *self)
{
  GtkWidget *axis;

  /* Impact upwards, likelihood to the right, as risk maps are drawn. */
  for (int i = 0; i < 3; i++)
    {
      /* Translators: a row of the risk map: impact 1 to 3 */
      g_autofree char *text = g_strdup_printf (_("Impact %d"), 3 - i);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->risk_grid, label, 0, i, 1, 1);
    }
  for (int l = 0; l < 3; l++)
    {
      /* Translators: a column of the risk map: likelihood 1 to 3 */
      g_autofree char *text = g_strdup_printf (_("Likelihood %d"), l + 1);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
      gtk_grid_attach (self->risk_grid, label, l + 1, 3, 1, 1);
      for (int i = 0; i < 3; i++)
        {
          GtkWidget *cell = gtk_toggle_button_new ();

          gtk_widget_add_css_class (cell, "mamori-risk-cell");
          gtk_widget_add_css_class (cell, severity_class ((l + 1) * (i + 1)));
          g_signal_connect (cell, "toggled", G_CALLBACK (on_cell_toggled), self);
          gtk_grid_attach (self->risk_grid, cell, l + 1, 2 - i, 1, 1);
          self->cells[l][i] = GTK_TOGGLE_BUTTON (cell);
        }
    }
  axis = gtk_label_new (NULL);
  gtk_grid_attach (self->risk_grid, axis, 0, 3, 1, 1);
}

static void
update_risk_map (MamoriOverviewPage *self)
{
  guint counts[3][3] = { { 0 } };
  GPtrArray *findings = self->assessment->findings;

  for (guint i = 0; i < findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (findings, i);

      if (finding->status != MAMORI_FINDING_DISMISSED)
        counts[finding->likelihood - 1][finding->impact - 1]++;
    }
  for (int l = 0; l < 3; l++)
    for (int i = 0; i < 3; i++)
      {
        g_autofree char *count = mamori_text_format_count (counts[l][i]);
        /* Translators: read out for a cell of the risk map */
        g_autofree char *accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "Likelihood %d, impact %d: %u finding",
                                                                    "Likelihood %d, impact %d: %u findings",
                                                                    counts[l][i]),
                                                       l + 1, i + 1, counts[l][i]);

        gtk_button_set_label (GTK_BUTTON (self->cells[l][i]), count);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->cells[l][i]), accessible);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->cells[l][i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        accessible, -1);
      }
}

/* The plan list --------------------------------------------------------------- */

static MamoriAction *
find_action (MamoriAssessment *assessment,
             gint64            id)
{
  for (guint i = 0; i < assessment->facts->actions->len; i++)
    {
      MamoriAction *action = g_ptr_array_index (assessment->facts->actions, i);

      if (action->id == id)
        return action;
    }
  return NULL;
}

static int
item_severity (const PlanItem *item)
{
  return item->finding != NULL ? mamori_finding_get_severity (item->finding) : 0;
}

static const char *
item_due (const PlanItem *item)
{
  return item->action != NULL && item->action->due_on[0] != '\0' ? item->action->due_on : NULL;
}

static int
compare_by_due (gconstpointer a,
                gconstpointer b)
{
  const PlanItem *ia = a, *ib = b;
  const char *da = item_due (ia), *db = item_due (ib);

  /* Dated first, soonest first; then by severity. */
  if (da != NULL && db != NULL && strcmp (da, db) != 0)
    return strcmp (da, db);
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  return item_severity (ib) - item_severity (ia);
}

static int
compare_by_severity (gconstpointer a,
                     gconstpointer b)
{
  const PlanItem *ia = a, *ib = b;
  int diff = item_severity (ib) - item_severity (ia);

  if (diff != 0)
    return diff;
  /* Actions before findings of the same severity, then by due date. */
  if ((ia->action == NULL) != (ib->action == NULL))
    return ia->action == NULL ? 1 : -1;
  return compare_by_due (a, b);
}

static gboolean
is_mine (const MamoriAction *action)
{
  const char *names[] = { g_get_real_name (), g_get_user_name (), mamori_screening_get_user_name () };
  g_autofree char *owner = g_utf8_casefold (action->owner, -1);

  g_strstrip (owner);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = names[i] != NULL ? g_utf8_casefold (names[i], -1) : NULL;

      if (name != NULL && name[0] != '\0' && g_str_equal (owner, name))
        return TRUE;
    }
  return FALSE;
}

static gboolean
item_is_shown (MamoriOverviewPage *self,
               const PlanItem     *item)
{
  gboolean all = gtk_toggle_button_get_active (self->dismissed_toggle);
  const char *today = self->assessment->facts->today;

  if (item->action != NULL && mamori_action_is_closed (item->action) && !all)
    return FALSE;
  if (item->action == NULL && item->finding->status == MAMORI_FINDING_DISMISSED && !all)
    return FALSE;
  if (gtk_toggle_button_get_active (self->mine_toggle) && (item->action == NULL || !is_mine (item->action)))
    return FALSE;
  if (gtk_toggle_button_get_active (self->overdue_toggle) &&
      (item->action == NULL || !mamori_action_is_overdue (item->action, today)))
    return FALSE;
  if (gtk_toggle_button_get_active (self->board_toggle) && (item->action == NULL || !item->action->board_decision))
    return FALSE;
  if (self->cell_likelihood > 0 &&
      (item->finding == NULL || item->finding->likelihood != self->cell_likelihood ||
       item->finding->impact != self->cell_impact))
    return FALSE;
  return TRUE;
}

static GtkWidget *
severity_badge_new (int severity)
{
  g_autofree char *text = g_strdup_printf ("%d", severity);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "mamori-severity");
  gtk_widget_add_css_class (label, severity_class (severity));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  /* Translators: read out for a finding's severity badge */
  text = (g_free (text), g_strdup_printf (_("Severity %d"), severity));
  gtk_widget_set_tooltip_text (label, text);
  return label;
}

static GtkWidget *
suffix_button_new (const char *label,
                   const char *action_name,
                   GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
finding_row_new (MamoriFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* Translators: below a finding in the Overview: likelihood, impact, state */
  g_string_printf (subtitle, _("Likelihood %d × impact %d · %s"), finding->likelihood, finding->impact,
                   mamori_finding_status_get_label (finding->status));
  g_string_append_printf (subtitle, "\n%s", finding->action);
  if (finding->dismissal != NULL)
    g_string_append_printf (subtitle, "\n%s", finding->dismissal);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 5);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), severity_badge_new (mamori_finding_get_severity (finding)));
  if (finding->status == MAMORI_FINDING_DISMISSED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               suffix_button_new (_("_Restore"), "overview.restore", g_variant_new_string (finding->key)));
  else
    {
      /* One above the other: narrow windows keep room for the title. */
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (buttons, 6);
      gtk_widget_set_margin_bottom (buttons, 6);
      gtk_box_append (GTK_BOX (buttons),
                      suffix_button_new (_("Add to _Plan…"), "overview.accept", g_variant_new_string (finding->key)));
      gtk_box_append (GTK_BOX (buttons),
                      suffix_button_new (_("_Dismiss…"), "overview.dismiss", g_variant_new_string (finding->key)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static GtkWidget *
action_row_new (MamoriAction  *action,
                MamoriFinding *finding,
                const char    *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (mamori_action_status_get_label (action->status));
  GtkWidget *icon;

  if (action->owner[0] != '\0')
    g_string_append_printf (subtitle, " · %s", action->owner);
  if (action->due_on[0] != '\0')
    /* Translators: an action's due date in the Overview */
    g_string_append_printf (subtitle, _(" · due %s"), action->due_on);
  if (mamori_action_is_overdue (action, today))
    /* Translators: an action past its due date */
    g_string_append_printf (subtitle, " · %s", _("OVERDUE"));
  if (action->board_decision)
    g_string_append_printf (subtitle, " · %s", _("Needs a board decision"));
  if (finding != NULL)
    /* Translators: the finding an action of the plan came from */
    g_string_append_printf (subtitle, _("\nFor: %s"), finding->title);
  if (action->status == MAMORI_ACTION_WONT_DO)
    g_string_append_printf (subtitle, "\n%s", action->reason);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  if (finding != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), severity_badge_new (mamori_finding_get_severity (finding)));
  icon = gtk_image_new_from_icon_name (mamori_action_is_closed (action) ? "object-select-symbolic"
                                                                          : "mamori-item-in-progress-symbolic");
  gtk_widget_set_tooltip_text (icon, mamori_action_status_get_label (action->status));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (mamori_action_is_overdue (action, today))
    gtk_widget_add_css_class (row, "mamori-overdue-row");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             suffix_button_new (_("_Edit…"), "overview.edit-action", g_variant_new_int64 (action->id)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
rebuild_plan (MamoriOverviewPage *self)
{
  MamoriAssessment *assessment = self->assessment;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (PlanItem));
  g_autoptr(GHashTable) in_plan = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;
  guint shown = 0, matching = 0;

  if (assessment == NULL)
    return;

  for (guint i = 0; i < assessment->facts->actions->len; i++)
    {
      MamoriAction *action = g_ptr_array_index (assessment->facts->actions, i);
      PlanItem item = { action, mamori_findings_lookup (assessment->findings, action->finding_key) };

      g_array_append_val (items, item);
      /* A finding whose action is closed but which is still there is shown again. */
      if (!mamori_action_is_closed (action))
        g_hash_table_add (in_plan, action->finding_key);
    }
  for (guint i = 0; i < assessment->findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (assessment->findings, i);
      PlanItem item = { NULL, finding };

      if (!g_hash_table_contains (in_plan, finding->key))
        g_array_append_val (items, item);
    }
  g_array_sort (items, gtk_drop_down_get_selected (self->sort_dropdown) == SORT_DUE ? compare_by_due
                                                                                      : compare_by_severity);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list))) != NULL)
    gtk_list_box_remove (self->plan_list, child);
  g_ptr_array_set_size (self->shown, 0);

  for (guint i = 0; i < items->len; i++)
    {
      PlanItem *item = &g_array_index (items, PlanItem, i);
      PlanItem *copy;

      if (!item_is_shown (self, item))
        continue;
      matching++;
      if (shown >= MAX_ROWS)
        continue;
      copy = g_memdup2 (item, sizeof *item);
      g_ptr_array_add (self->shown, copy);
      gtk_list_box_append (self->plan_list,
                           item->action != NULL ? action_row_new (item->action, item->finding, assessment->facts->today)
                                                : finding_row_new (item->finding));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->plan_list), shown > 0);
  if (matching == 0)
    gtk_label_set_text (self->plan_status, items->len == 0 ? _("Nothing to do: no findings and no actions.")
                                                           : _("Nothing matches these filters."));
  else if (matching > shown)
    {
      /* Translators: below the plan list, when it is long */
      g_autofree char *text = g_strdup_printf (_("Showing the first %u of %u. Choose a cell of the risk map or a filter to see the others."),
                                               shown, matching);

      gtk_label_set_text (self->plan_status, text);
    }
  else
    gtk_label_set_text (self->plan_status, "");
  gtk_widget_set_visible (GTK_WIDGET (self->plan_status), matching == 0 || matching > shown);
}

static void
on_plan_row_activated (GtkListBox         *list,
                       GtkListBoxRow      *row,
                       MamoriOverviewPage *self)
{
  int index = gtk_list_box_row_get_index (row);
  PlanItem *item;

  if (index < 0 || (guint) index >= self->shown->len)
    return;
  item = g_ptr_array_index (self->shown, index);
  if (item->action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "overview.edit-action", "x", item->action->id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "overview.open-finding", "s", item->finding->key);
}

/* Putting it together ------------------------------------------------------------ */

static void
set_step (GtkImage *icon,
          gboolean  done)
{
  gtk_image_set_from_icon_name (icon, done ? "object-select-symbolic" : "radio-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  done ? _("Done") : _("To do"), -1);
}

static void
update_start (MamoriOverviewPage *self)
{
  MamoriFacts *facts = self->assessment->facts;
  gboolean profile = mamori_profile_get_display_name (facts->profile, FALSE) != NULL;
  gboolean assets = facts->assets->len > 0;
  gboolean contract = facts->contracts->len > 0;
  gboolean checklist = mamori_findings_lookup (self->assessment->findings, "checklist-not-started:basic-cyber") == NULL;
  gboolean begun = profile || assets || contract || checklist;

  set_step (self->start_profile_icon, profile);
  set_step (self->start_assets_icon, assets);
  set_step (self->start_contract_icon, contract);
  set_step (self->start_checklist_icon, checklist);
  gtk_widget_set_visible (GTK_WIDGET (self->start_group), !(profile && assets && contract && checklist));
  /* A workspace with nothing in it yet: the steps alone, not empty boxes. */
  gtk_widget_set_visible (self->summary_box, begun);
  gtk_widget_set_visible (GTK_WIDGET (self->areas_group), begun);
  gtk_widget_set_visible (self->risk_group, begun);
  gtk_widget_set_visible (self->plan_group, begun);
}

static void
update_summary (MamoriOverviewPage *self)
{
  MamoriAssessment *assessment = self->assessment;
  const MamoriSnapshot *snapshot = assessment->facts->snapshot;
  static const char * const classes[] = { "green", "amber", "red" };
  g_autofree char *title = NULL;
  g_autofree char *since = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->rating_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->rating_label), classes[assessment->overall]);
  gtk_label_set_text (self->rating_label, mamori_overall_get_label (assessment->overall));

  /* Translators: the Overview's heading; %u is a number of findings */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u finding to act on", "%'u findings to act on",
                                        assessment->figures[MAMORI_FIGURE_FINDINGS_OPEN]),
                           assessment->figures[MAMORI_FIGURE_FINDINGS_OPEN]);
  gtk_label_set_text (self->rating_title, title);
  gtk_label_set_text (self->rating_rule, assessment->overall_rule);

  if (snapshot != NULL)
    {
      g_autofree char *date = mamori_text_format_local_time (snapshot->taken_at, "%Y-%m-%d");

      /* Translators: a snapshot's label and date, then three counts of findings */
      since = g_strdup_printf (_("Since the snapshot “%s” of %s: %u new, %u resolved, %u still open."), snapshot->label,
                               date, assessment->change.n_new, assessment->change.n_resolved,
                               assessment->change.n_still_open);
    }
  else
    since = g_strdup (_("No snapshot yet. Record one before a board meeting, to see next time what changed."));
  gtk_label_set_text (self->since_label, since);
}

static void
show_assessment (MamoriOverviewPage *self,
                 MamoriAssessment   *assessment)
{
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_new_with_free_func (g_free);
  g_clear_pointer (&self->assessment, mamori_assessment_free);
  self->assessment = assessment;

  update_start (self);
  update_summary (self);
  update_areas (self);
  update_risk_map (self);
  rebuild_plan (self);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

typedef struct
{
  char                   *workspace;
  MamoriCatalog          *catalog;
  MamoriChecklistCatalog *checklists;
  GDateTime              *now;
} AssessJob;

static void
assess_job_free (AssessJob *job)
{
  g_free (job->workspace);
  g_clear_pointer (&job->catalog, mamori_catalog_unref);
  g_clear_pointer (&job->checklists, mamori_checklist_catalog_unref);
  g_date_time_unref (job->now);
  g_free (job);
}

/* The reference catalog, read once per page: in the worker the first time,
 * then kept by the page. */
static void
load_catalog (AssessJob *job)
{
  if (job->catalog == NULL)
    job->catalog = mamori_catalog_dup_default ();
}

/* With a connection of its own, as the packs are rendered: the window's
 * stays free for saving. */
static void
assess_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AssessJob *job = task_data;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  MamoriFacts *facts = NULL;

  load_catalog (job);
  store = mamori_store_open (job->workspace, MAMORI_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    facts = mamori_facts_load (store, job->catalog, job->checklists, job->now, &error);
  if (facts == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, mamori_assessment_new (facts), (GDestroyNotify) mamori_assessment_free);
}

static void
show_problem (MamoriOverviewPage *self,
              const GError       *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_assessed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MamoriOverviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  AssessJob *job = g_task_get_task_data (G_TASK (result));
  MamoriAssessment *assessment = g_task_propagate_pointer (G_TASK (result), &error);

  /* References are dropped here, on the main thread, never in the worker. */
  if (self->catalog == NULL)
    self->catalog = g_steal_pointer (&job->catalog);
  g_clear_pointer (&job->catalog, mamori_catalog_unref);
  g_clear_pointer (&job->checklists, mamori_checklist_catalog_unref);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    g_clear_pointer (&assessment, mamori_assessment_free);
  else if (assessment != NULL)
    show_assessment (self, assessment);
  else
    show_problem (self, error);
  g_object_unref (self);
}

/**
 * mamori_overview_page_refresh:
 *
 * Works the findings out again from the workspace as it is now, in a
 * worker thread; what is shown changes when they are ready.
 */
void
mamori_overview_page_refresh (MamoriOverviewPage *self)
{
  MamoriStore *store = mamori_section_get_store (MAMORI_SECTION (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  AssessJob *job;

  g_return_if_fail (MAMORI_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* Shared with the Checklists tab: taken here, on the main thread. */
  if (self->checklists == NULL && (self->checklists = mamori_checklist_catalog_dup_default (&error)) == NULL)
    {
      show_problem (self, error);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  job = g_new0 (AssessJob, 1);
  job->catalog = self->catalog != NULL ? mamori_catalog_ref (self->catalog) : NULL;
  job->checklists = self->checklists != NULL ? mamori_checklist_catalog_ref (self->checklists) : NULL;
  job->now = g_date_time_new_now_local ();
  /* No source object: the page is kept alive by the reference passed. */
  task = g_task_new (NULL, self->cancellable, on_assessed, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) assess_job_free);

  if (mamori_store_get_path (store) != NULL)
    {
      job->workspace = g_strdup (mamori_store_get_path (store));
      g_task_run_in_thread (task, assess_in_thread);
    }
  else
    {
      /* A workspace in memory has no other connection: here, at once. */
      MamoriFacts *facts;

      load_catalog (job);
      facts = mamori_facts_load (store, job->catalog, job->checklists, job->now, &error);

      if (facts == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, mamori_assessment_new (facts), (GDestroyNotify) mamori_assessment_free);
    }
}

static gboolean
refresh_cb (gpointer user_data)
{
  MamoriOverviewPage *self = user_data;

  self->refresh_id = 0;
  mamori_overview_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (MamoriOverviewPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

/**
 * mamori_overview_page_get_assessment:
 *
 * Returns: (transfer none) (nullable): what is shown, or %NULL before the
 *   first assessment is ready
 */
MamoriAssessment *
mamori_overview_page_get_assessment (MamoriOverviewPage *self)
{
  g_return_val_if_fail (MAMORI_IS_OVERVIEW_PAGE (self), NULL);
  return self->assessment;
}

/* Actions ------------------------------------------------------------------------ */

static void
present_dialog (MamoriOverviewPage *self,
                GtkWindow          *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    mamori_dialog_set_parent (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

static void
open_finding_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (widget);
  MamoriFinding *finding = self->assessment != NULL ? mamori_findings_lookup (self->assessment->findings, g_variant_get_string (param, NULL))
                                                    : NULL;
  MamoriRecordRef *ref;

  if (finding == NULL || finding->records->len == 0)
    return;
  ref = &g_array_index (finding->records, MamoriRecordRef, 0);
  mamori_page_show_record (MAMORI_PAGE (self), ref->type, ref->id, ref->key);
}

static void
open_checklist_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  mamori_page_show_record (MAMORI_PAGE (widget), MAMORI_RECORD_CHECKLIST, 0, g_variant_get_string (param, NULL));
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (widget);
  MamoriFinding *finding = self->assessment != NULL ? mamori_findings_lookup (self->assessment->findings, g_variant_get_string (param, NULL))
                                                    : NULL;

  if (finding != NULL)
    present_dialog (self, mamori_action_dialog_new (mamori_section_get_store (MAMORI_SECTION (self)), NULL, finding));
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (widget);

  present_dialog (self, mamori_action_dialog_new (mamori_section_get_store (MAMORI_SECTION (self)), NULL, NULL));
}

static void
edit_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (widget);
  MamoriAction *action = self->assessment != NULL ? find_action (self->assessment, g_variant_get_int64 (param)) : NULL;

  if (action != NULL)
    present_dialog (self, mamori_action_dialog_new (mamori_section_get_store (MAMORI_SECTION (self)), action,
                                                    mamori_findings_lookup (self->assessment->findings, action->finding_key)));
}

/* A question with a line of text to answer: the dismissal's reason, the
 * snapshot's label. The answer is required. */
typedef void (*AnswerFunc) (MamoriOverviewPage *self,
                            const char         *answer,
                            const char         *key,
                            const char         *facts,
                            const char         *title);

typedef struct
{
  MamoriOverviewPage *self;
  GtkEditable        *entry;
  AnswerFunc          func;
  char               *key;
  char               *facts;
  char               *title;
} Question;

static void
question_free (gpointer data,
               GClosure *closure)
{
  Question *question = data;

  g_object_unref (question->self);
  g_free (question->key);
  g_free (question->facts);
  g_free (question->title);
  g_free (question);
}

static void
on_question_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Question         *question)
{
  if (g_str_equal (response, "ok"))
    question->func (question->self, gtk_editable_get_text (question->entry), question->key, question->facts,
                    question->title);
}

static void
on_answer_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "ok", !mamori_text_is_blank (gtk_editable_get_text (entry)));
}

static void
ask (MamoriOverviewPage *self,
     const char         *heading,
     const char         *body,
     const char         *answer_label,
     const char         *initial,
     const char         *ok_label,
     AnswerFunc          func,
     const char         *key,
     const char         *facts,
     const char         *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  GtkWidget *entry = gtk_entry_new ();
  Question *question = g_new0 (Question, 1);

  question->self = g_object_ref (self);
  question->entry = GTK_EDITABLE (entry);
  question->func = func;
  question->key = g_strdup (key);
  question->facts = g_strdup (facts);
  question->title = g_strdup (title);

  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, answer_label, -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), answer_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  on_answer_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (entry, "changed", G_CALLBACK (on_answer_changed), dialog);
  /* Enter answers, as the default response's button does (and closes). */
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_question_response), question, question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
dismiss (MamoriOverviewPage *self,
         const char         *reason,
         const char         *key,
         const char         *facts,
         const char         *title)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_store_dismiss_finding (mamori_section_get_store (MAMORI_SECTION (self)), key, facts, title, reason, &error))
    mamori_section_show_error (MAMORI_SECTION (self), _("The finding could not be dismissed"), error);
  else
    mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("Finding dismissed"), NULL));
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (widget);
  MamoriFinding *finding = self->assessment != NULL ? mamori_findings_lookup (self->assessment->findings, g_variant_get_string (param, NULL))
                                                    : NULL;

  if (finding == NULL)
    return;
  ask (self, _("Dismiss This Finding?"),
       _("It will no longer count in the rating and the packs, until the facts behind it change. Say why, for whoever reads the plan later."),
       _("Reason"), NULL, _("_Dismiss"), dismiss, finding->key, finding->facts, finding->title);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!mamori_store_restore_finding (mamori_section_get_store (MAMORI_SECTION (self)), g_variant_get_string (param, NULL),
                                     &error))
    mamori_section_show_error (MAMORI_SECTION (self), _("The finding could not be restored"), error);
}

static void
record_snapshot (MamoriOverviewPage *self,
                 const char         *label,
                 const char         *key,
                 const char         *facts,
                 const char         *title)
{
  MamoriStore *store = mamori_section_get_store (MAMORI_SECTION (self));
  g_autoptr(MamoriAssessment) assessment = NULL;
  g_autoptr(MamoriSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  /* The workspace as it is now, not as last shown (with the reference data
   * the page has read already, if it has). */
  if (self->catalog != NULL && self->checklists != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      MamoriFacts *facts = mamori_facts_load (store, self->catalog, self->checklists, now, &error);

      assessment = facts != NULL ? mamori_assessment_new (facts) : NULL;
    }
  else
    assessment = mamori_assessment_load (store, &error);
  if (assessment != NULL)
    {
      snapshot = mamori_findings_new_snapshot (assessment->facts, assessment->findings, label);
      mamori_store_add_snapshot (store, snapshot, &error);
    }
  if (error != NULL)
    mamori_section_show_error (MAMORI_SECTION (self), _("The snapshot could not be recorded"), error);
  else
    mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("Snapshot recorded"), NULL));
}

static void
snapshot_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the label a new snapshot is offered, a strftime format: "2026年12月 取締役会" */
  g_autofree char *label = g_date_time_format (now, _("Board meeting, %B %Y"));

  ask (self, _("Record a Snapshot?"),
       _("Today’s figures and open findings are kept as they are, so that the Overview and the next board pack can show what changed since. Snapshots are never changed."),
       _("Label"), label, _("_Record"), record_snapshot, NULL, NULL, NULL);
}

static void
on_export_response (GtkNativeDialog    *chooser,
                    int                 response,
                    MamoriOverviewPage *self)
{
  MamoriStore *store = mamori_section_get_store (MAMORI_SECTION (self));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MamoriFileKind kind = MAMORI_FILE_KIND_XLSX;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? mamori_message_dup_chosen_path (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), file)
                      : NULL;
  if (path == NULL)
    goto out;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    kind = MAMORI_FILE_KIND_CSV;
  else if (!g_str_has_suffix (lower, ".xlsx"))
    {
      char *named = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = named;
    }

  actions = mamori_store_dup_actions (store, &error);
  if (actions != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      GPtrArray *findings = self->assessment != NULL ? self->assessment->findings : NULL;

      if (kind == MAMORI_FILE_KIND_CSV)
        bytes = mamori_action_export_csv (actions, findings, today, MAMORI_CSV_ENCODING_UTF8_BOM, &error);
      else
        {
          g_autofree char *title = mamori_store_dup_display_name (store);

          bytes = mamori_action_export_xlsx (actions, findings, today, title, &error);
        }
    }
  if (bytes == NULL || !mamori_file_write (path, kind, bytes, &error))
    mamori_section_show_error (MAMORI_SECTION (self), _("The action plan could not be saved"), error);
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Action plan saved as “%s”"), name);

      mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (title, NULL));
    }

out:
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the Action Plan"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (xlsx, _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), xlsx);
  gtk_file_filter_set_name (csv, _("CSV file (.csv)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  /* Translators: the file name offered for the exported action plan */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("action-plan.xlsx"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The page ------------------------------------------------------------------------ */

static gboolean
start_cb (gpointer user_data)
{
  MamoriOverviewPage *self = user_data;

  self->refresh_id = 0;
  mamori_overview_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
mamori_overview_page_constructed (GObject *object)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (mamori_overview_page_parent_class)->constructed (object);

  g_signal_connect_object (mamori_section_get_store (MAMORI_SECTION (self)), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mamori_section_get_store (MAMORI_SECTION (self)), "asset-changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  /* Everything is done in a worker thread (reading the reference data too),
   * so starting it costs the window's first frame nothing; an idle callback
   * could wait behind a busy frame clock for ever. */
  self->refresh_id = g_timeout_add (0, start_cb, self);
}

static void
mamori_overview_page_dispose (GObject *object)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (mamori_overview_page_parent_class)->dispose (object);
}

static void
mamori_overview_page_finalize (GObject *object)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->assessment, mamori_assessment_free);
  g_clear_pointer (&self->catalog, mamori_catalog_unref);
  g_clear_pointer (&self->checklists, mamori_checklist_catalog_unref);
  G_OBJECT_CLASS (mamori_overview_page_parent_class)->finalize (object);
}

static void
mamori_overview_page_class_init (MamoriOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mamori_overview_page_constructed;
  object_class->dispose = mamori_overview_page_dispose;
  object_class->finalize = mamori_overview_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, start_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, start_profile_icon);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, start_assets_icon);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, start_contract_icon);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, start_checklist_icon);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, rating_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, rating_title);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, rating_rule);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, since_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, areas_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, risk_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, risk_grid);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, board_toggle);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, dismissed_toggle);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, plan_status);

  gtk_widget_class_install_action (widget_class, "overview.open-finding", "s", open_finding_action);
  gtk_widget_class_install_action (widget_class, "overview.open-checklist", "s", open_checklist_action);
  gtk_widget_class_install_action (widget_class, "overview.accept", "s", accept_action);
  gtk_widget_class_install_action (widget_class, "overview.dismiss", "s", dismiss_action);
  gtk_widget_class_install_action (widget_class, "overview.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "overview.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "overview.edit-action", "x", edit_action_action);
  gtk_widget_class_install_action (widget_class, "overview.snapshot", NULL, snapshot_action);
  gtk_widget_class_install_action (widget_class, "overview.export", NULL, export_action);
}

static void
mamori_overview_page_init (MamoriOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_ptr_array_new_with_free_func (g_free);
  build_areas (self);
  build_risk_map (self);
  gtk_spinner_start (self->spinner);
  g_signal_connect (self->plan_list, "row-activated", G_CALLBACK (on_plan_row_activated), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (rebuild_plan), self);
  g_signal_connect_swapped (self->mine_toggle, "toggled", G_CALLBACK (rebuild_plan), self);
  g_signal_connect_swapped (self->overdue_toggle, "toggled", G_CALLBACK (rebuild_plan), self);
  g_signal_connect_swapped (self->board_toggle, "toggled", G_CALLBACK (rebuild_plan), self);
  g_signal_connect_swapped (self->dismissed_toggle, "toggled", G_CALLBACK (rebuild_plan), self);
}

GtkWidget *
mamori_overview_page_new (MamoriStore *store)
{
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  return g_object_new (MAMORI_TYPE_OVERVIEW_PAGE, "store", store, NULL);
}
