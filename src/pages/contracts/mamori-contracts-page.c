/* mamori-contracts-page.c — the Contracts tab: register and clause review
 *
 * A company has tens of contracts, not thousands: the page reads them all
 * (with their reviews) whenever the workspace says contracts or assets
 * changed, and filters and sorts the list in memory. The editor beside it
 * (pushed over it when narrow) works on its own copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mamori-i18n.h"

#include "analysis/mamori-contract-rules.h"
#include "analysis/mamori-text.h"
#include "pages/contracts/mamori-contract-editor.h"
#include "pages/contracts/mamori-contracts-page.h"
#include "widgets/mamori-message.h"

struct _MamoriContractsPage
{
  MamoriPage            parent_instance;

  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *filter_button;
  GtkDropDown          *stage_dropdown;
  GtkDropDown          *type_dropdown;
  GtkCheckButton       *attention_check;
  GtkDropDown          *sort_dropdown;
  GtkStack             *list_stack;
  GtkListBox           *list_box;
  GtkLabel             *status_label;
  GtkStack             *editor_stack;
  AdwBin               *editor_bin;

  MamoriStore          *store;
  MamoriCatalog        *catalog;
  GListStore           *contracts;
  GtkFilterListModel   *filtered;
  GtkSortListModel     *sorted;
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  MamoriContractEditor *editor;
  char                 *needle;    /* the search, normalized */
  gint64                selected;  /* the contract shown in the editor, 0 for none */
  gboolean              restoring;
};

G_DEFINE_FINAL_TYPE (MamoriContractsPage, mamori_contracts_page, MAMORI_TYPE_PAGE)

typedef enum
{
  SORT_TITLE,
  SORT_COUNTERPARTY,
  SORT_EXPIRES,
  SORT_OPEN,
  SORT_UPDATED,
  N_SORTS
} Sort;

/* What the list shows of a contract beyond its fields, worked out as it is
 * read: kept on the object. */
static guint
get_open (MamoriContract *contract)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (contract), "mamori-open"));
}

static guint
get_n_warnings (MamoriContract *contract)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (contract), "mamori-warnings"));
}

static void
work_out (MamoriContractsPage *self,
          MamoriContract      *contract)
{
  g_autoptr(GPtrArray) warnings = mamori_store_check_contract (self->store, contract, self->catalog, NULL, NULL);
  g_autofree char *search = NULL;

  g_object_set_data (G_OBJECT (contract), "mamori-open", GUINT_TO_POINTER (mamori_contract_rules_count_open (contract)));
  g_object_set_data (G_OBJECT (contract), "mamori-warnings", GUINT_TO_POINTER (warnings != NULL ? warnings->len : 0));

  search = g_strjoin ("\n", mamori_contract_get_title (contract), mamori_contract_get_counterparty (contract),
                      mamori_contract_get_country (contract), mamori_contract_get_notes (contract),
                      mamori_contract_type_get_label (mamori_contract_get_contract_type (contract)), NULL);
  g_object_set_data_full (G_OBJECT (contract), "mamori-search", mamori_text_normalize_for_search (search), g_free);
}

/* The list ----------------------------------------------------------------- */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MamoriContract *contract = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *detail, *badges;
  const char *name = mamori_contract_get_title (contract);
  const char *counterparty = mamori_contract_get_counterparty (contract);
  g_autofree char *detail_text = NULL;
  g_autofree char *accessible = NULL;
  guint open = get_open (contract), n_warnings = get_n_warnings (contract);
  GString *state = g_string_new (mamori_contract_stage_get_label (mamori_contract_get_stage (contract)));
  GtkWidget *row;

  title = gtk_label_new (*name != '\0' ? name : _("Untitled Contract"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");

  /* Translators: a contract in the list: counterparty · type */
  detail_text = *counterparty != '\0'
                ? g_strdup_printf (_("%s · %s"), counterparty,
                                   mamori_contract_type_get_label (mamori_contract_get_contract_type (contract)))
                : g_strdup (mamori_contract_type_get_label (mamori_contract_get_contract_type (contract)));
  detail = gtk_label_new (detail_text);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");

  if (open > 0)
    /* Translators: essential clause topics of a contract still open */
    g_string_append_printf (state, g_dngettext (GETTEXT_PACKAGE, " · %u open", " · %u open", open), open);
  if (n_warnings > 0)
    /* Translators: cross-check warnings on a contract */
    g_string_append_printf (state, g_dngettext (GETTEXT_PACKAGE, " · %u warning", " · %u warnings", n_warnings), n_warnings);
  badges = gtk_label_new (state->str);
  gtk_label_set_xalign (GTK_LABEL (badges), 0);
  gtk_label_set_ellipsize (GTK_LABEL (badges), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (badges, "caption");
  if (n_warnings > 0)
    gtk_widget_add_css_class (badges, "warning");
  else if (open == 0)
    gtk_widget_add_css_class (badges, "success");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), badges);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  accessible = g_strdup_printf ("%s, %s, %s", gtk_label_get_text (GTK_LABEL (title)), detail_text, state->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "contract-id",
                          g_memdup2 (&(gint64) { mamori_contract_get_id (contract) }, sizeof (gint64)), g_free);
  g_string_free (state, TRUE);
  return row;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  MamoriContractsPage *self = user_data;
  MamoriContract *contract = item;
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  const char *search = g_object_get_data (G_OBJECT (contract), "mamori-search");

  if (stage > 0 && stage != GTK_INVALID_LIST_POSITION && (guint) mamori_contract_get_stage (contract) != stage - 1)
    return FALSE;
  if (type > 0 && type != GTK_INVALID_LIST_POSITION && (guint) mamori_contract_get_contract_type (contract) != type - 1)
    return FALSE;
  if (gtk_check_button_get_active (self->attention_check) && get_open (contract) == 0 && get_n_warnings (contract) == 0)
    return FALSE;
  if (self->needle != NULL && *self->needle != '\0' && (search == NULL || strstr (search, self->needle) == NULL))
    return FALSE;
  return TRUE;
}

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a, -1);
  g_autofree char *kb = g_utf8_collate_key (b, -1);

  /* Blank last. */
  if ((*a == '\0') != (*b == '\0'))
    return *a == '\0' ? 1 : -1;
  return strcmp (ka, kb);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  MamoriContractsPage *self = user_data;
  MamoriContract *x = (MamoriContract *) a, *y = (MamoriContract *) b;
  int result = 0;

  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_COUNTERPARTY:
      result = compare_text (mamori_contract_get_counterparty (x), mamori_contract_get_counterparty (y));
      break;
    case SORT_EXPIRES:
      /* Soonest first; none last. */
      result = compare_text (mamori_contract_get_expires_on (x), mamori_contract_get_expires_on (y));
      break;
    case SORT_OPEN:
      result = (int) (get_open (y) + get_n_warnings (y)) - (int) (get_open (x) + get_n_warnings (x));
      break;
    case SORT_UPDATED:
      result = -strcmp (mamori_contract_get_updated (x), mamori_contract_get_updated (y));
      break;
    case SORT_TITLE:
    default:
      break;
    }
  if (result == 0)
    result = compare_text (mamori_contract_get_title (x), mamori_contract_get_title (y));
  if (result == 0)
    result = (mamori_contract_get_id (x) > mamori_contract_get_id (y)) - (mamori_contract_get_id (x) < mamori_contract_get_id (y));
  return result;
}

static void
update_status (MamoriContractsPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->contracts));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint open = 0;
  g_autofree char *status = NULL;
  gboolean filtering = gtk_drop_down_get_selected (self->stage_dropdown) > 0 ||
                       gtk_drop_down_get_selected (self->type_dropdown) > 0 ||
                       gtk_check_button_get_active (self->attention_check);

  for (guint i = 0; i < total; i++)
    {
      g_autoptr(MamoriContract) contract = g_list_model_get_item (G_LIST_MODEL (self->contracts), i);

      open += get_open (contract) > 0 || get_n_warnings (contract) > 0;
    }

  gtk_stack_set_visible_child_name (self->list_stack, total == 0 ? "empty" : shown == 0 ? "no-results" : "list");

  if (shown < total)
    /* Translators: "<shown> of <total> contracts" */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u contract", "%u of %u contracts", total), shown, total);
  else if (open > 0)
    /* Translators: the contract count, then how many need attention */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract, %u needing attention",
                                           "%u contracts, %u needing attention", total), total, open);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract", "%u contracts", total), total);
  gtk_label_set_text (self->status_label, status);

  if (filtering)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filter and Sort (some contracts are hidden)"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filter and Sort"));
    }
}

static GtkListBoxRow *
find_row (MamoriContractsPage *self,
          gint64               id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gint64 *row_id = g_object_get_data (G_OBJECT (child), "contract-id");

      if (row_id != NULL && *row_id == id)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

/* The row of the contract in the editor is selected again after the list
 * was rebuilt, without touching the editor. */
static void
reselect (MamoriContractsPage *self)
{
  GtkListBoxRow *row = self->selected != 0 ? find_row (self, self->selected) : NULL;

  self->restoring = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->restoring = FALSE;
}

static void
reload (MamoriContractsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = mamori_store_dup_contracts (self->store, &error);

  if (all == NULL)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The contracts could not be read"), error);
      return;
    }
  /* The catalog in use (kept once for all; an update reloads). */
  g_clear_pointer (&self->catalog, mamori_catalog_unref);
  self->catalog = mamori_catalog_dup_default ();
  for (guint i = 0; i < all->len; i++)
    work_out (self, g_ptr_array_index (all, i));
  g_list_store_splice (self->contracts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->contracts)),
                       all->pdata, all->len);
  reselect (self);
  update_status (self);
}

static void
refilter (MamoriContractsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  reselect (self);
  update_status (self);
}

static void
resort (MamoriContractsPage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  reselect (self);
}

static void
on_search_changed (MamoriContractsPage *self)
{
  g_free (self->needle);
  self->needle = mamori_text_normalize_for_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  refilter (self);
}

/* The editor ----------------------------------------------------------------- */

static void
on_unsaved_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     MamoriContractsPage *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    mamori_contract_editor_discard (self->editor);
}

/* What was typed could not be saved: the editor stays on its contract and
 * the user chooses to go on editing or to discard. */
static void
keep_editing (MamoriContractsPage *self,
              const GError        *error)
{
  MamoriContract *contract = mamori_contract_editor_get_contract (self->editor);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  reselect (self);
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  if (contract == NULL)
    return;
  /* Translators: %s is the title of a contract */
  heading = g_strdup_printf (_("Changes to “%s” Could Not Be Saved"), mamori_contract_get_title (contract));
  dialog = mamori_message_new_unsaved (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, error,
                                       _("Keep editing this contract and the changes are saved with your next edit, or discard the changes made since the last save."),
                                       _("_Keep Editing"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_contract (MamoriContractsPage *self,
               gint64               id)
{
  g_autoptr(MamoriContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before;

  if (id != 0)
    {
      contract = mamori_store_dup_contract (self->store, id, &error);
      if (contract == NULL)
        {
          mamori_section_show_error (MAMORI_SECTION (self), _("The contract could not be read"), error);
          g_clear_error (&error);
          id = 0;
        }
    }
  before = self->selected;
  /* Chosen before the editor saves what was typed, as that save reloads
   * the list, which selects this row again. */
  self->selected = id;
  if (!mamori_contract_editor_set_contract (self->editor, contract, &error))
    {
      self->selected = before;
      keep_editing (self, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->editor_stack, id != 0 ? "editor" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contracts.delete", id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contracts.analyze", id != 0);
}

static void
on_row_selected (GtkListBox          *box,
                 GtkListBoxRow       *row,
                 MamoriContractsPage *self)
{
  gint64 *id;

  if (self->restoring)
    return;
  id = row != NULL ? g_object_get_data (G_OBJECT (row), "contract-id") : NULL;
  if (id == NULL)
    {
      /* A filter hid the contract in the editor: it stays shown. */
      return;
    }
  if (*id != self->selected)
    show_contract (self, *id);
}

static void
on_row_activated (GtkListBox          *box,
                  GtkListBoxRow       *row,
                  MamoriContractsPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "contract-id");

  if (id != NULL && *id != self->selected)
    show_contract (self, *id);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

/**
 * mamori_contracts_page_select:
 *
 * Shows the contract in the editor and selects its row.
 */
void
mamori_contracts_page_select (MamoriContractsPage *self,
                              gint64               id)
{
  g_return_if_fail (MAMORI_IS_CONTRACTS_PAGE (self));

  show_contract (self, id);
  reselect (self);
  if (id != 0 && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

MamoriContractEditor *
mamori_contracts_page_get_editor (MamoriContractsPage *self)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACTS_PAGE (self), NULL);
  return self->editor;
}

static gboolean
mamori_contracts_page_save (MamoriPage  *page,
                            GError     **error)
{
  return mamori_contract_editor_save (MAMORI_CONTRACTS_PAGE (page)->editor, error);
}

static void
mamori_contracts_page_discard (MamoriPage *page)
{
  mamori_contract_editor_discard (MAMORI_CONTRACTS_PAGE (page)->editor);
}

/* Alt+3: the keyboard goes to the search of the contracts. */
static void
mamori_contracts_page_focus_list (MamoriPage *page)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
mamori_contracts_page_open_record (MamoriPage       *page,
                                   MamoriRecordType  type,
                                   gint64            id,
                                   const char       *key)
{
  if (id > 0)
    mamori_contracts_page_select (MAMORI_CONTRACTS_PAGE (page), id);
}

/* Actions ---------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (widget);
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  g_autoptr(GError) error = NULL;

  if (!mamori_contract_editor_save (self->editor, &error) ||
      mamori_store_add_contract (self->store, contract, &error) == 0)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The contract could not be added"), error);
      return;
    }
  /* A new contract is seen whatever the filters were. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_check_button_set_active (self->attention_check, FALSE);
  mamori_contracts_page_select (self, mamori_contract_get_id (contract));
  mamori_contract_editor_focus_title (self->editor);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (widget);
  MamoriContract *contract = mamori_contract_editor_get_contract (self->editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 id;

  if (contract == NULL)
    return;
  id = mamori_contract_get_id (contract);
  /* Translators: %s is the title of the contract deleted */
  title = *mamori_contract_get_title (contract) != '\0'
          ? g_strdup_printf (_("“%s” deleted"), mamori_contract_get_title (contract))
          : g_strdup (_("Contract deleted"));

  if (!mamori_contract_editor_save (self->editor, &error))
    {
      keep_editing (self, error);
      return;
    }
  mamori_contract_editor_close_analysis (self->editor);
  if (!mamori_store_delete_contract (self->store, id, &error))
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The contract could not be deleted"), error);
      return;
    }
  show_contract (self, 0);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, id);
  mamori_section_add_undo_toast (MAMORI_SECTION (self), title, MAMORI_RECORD_CONTRACT, ids);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_box));
}

static void
analyze_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (widget);

  mamori_contract_editor_analyze (self->editor);
}

static gboolean
mamori_contracts_page_go_back (MamoriPage *page)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (page);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "editor") != 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "contracts.back", NULL);
  return TRUE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (widget);
  GtkListBoxRow *row = find_row (self, self->selected);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_check_button_set_active (self->attention_check, FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Listed in the shortcuts window too (data/ui/help-overlay.ui). */
static const struct
{
  const char *trigger;
  const char *action;
} page_shortcuts[] = {
  { "<Control><Shift>n", "contracts.add" },
  { "<Control>f", "contracts.search" },
  { "<Control>t", "contracts.analyze" },
};

/* GObject -------------------------------------------------------------------- */

static void
mamori_contracts_page_constructed (GObject *object)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (object);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  G_OBJECT_CLASS (mamori_contracts_page_parent_class)->constructed (object);
  self->store = g_object_ref (mamori_section_get_store (MAMORI_SECTION (self)));

  gtk_string_list_append (stages, _("Any stage"));
  for (int stage = 0; stage < MAMORI_N_CONTRACT_STAGES; stage++)
    gtk_string_list_append (stages, mamori_contract_stage_get_label (stage));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  gtk_string_list_append (types, _("Any type"));
  for (int type = 0; type < MAMORI_N_CONTRACT_TYPES; type++)
    gtk_string_list_append (types, mamori_contract_type_get_label (type));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  /* Translators: orders of the contract list */
  gtk_string_list_append (sorts, _("Title"));
  gtk_string_list_append (sorts, _("Counterparty"));
  gtk_string_list_append (sorts, _("Expiry, soonest first"));
  gtk_string_list_append (sorts, _("Needing attention first"));
  gtk_string_list_append (sorts, _("Recently changed"));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));

  self->contracts = g_list_store_new (MAMORI_TYPE_CONTRACT);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->contracts)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (g_object_ref (self->sorter)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted), create_row, self, NULL);

  self->editor = MAMORI_CONTRACT_EDITOR (mamori_contract_editor_new (self->store));
  adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));
  g_object_bind_property (self->leaflet, "folded", self->editor, "show-back", G_BINDING_SYNC_CREATE);

  mamori_store_connect_changed (self->store, MAMORI_CHANGE_CONTRACTS, G_CALLBACK (reload), self);
  /* Group A is read from the catalog in use. */
  g_signal_connect_object (mamori_catalog_monitor_get_default (), "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_ASSETS, G_CALLBACK (reload), self);
  g_signal_connect_object (self->store, "asset-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_SETTINGS, G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->stage_dropdown, "notify::selected", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->attention_check, "toggled", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (resort), self);
  g_signal_connect (self->list_box, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (on_row_activated), self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("contracts.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_box), shortcuts);

  /* The tab's shortcuts work from anywhere in the window while it is shown
   * (a hidden tab is unmapped, and GTK skips it). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (page_shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (page_shortcuts[i].trigger),
                                                            gtk_named_action_new (page_shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  reload (self);
  show_contract (self, 0);
}

static void
mamori_contracts_page_dispose (GObject *object)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (object);

  if (self->editor != NULL)
    mamori_contract_editor_save (self->editor, NULL);
  self->editor = NULL;
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  /* No gtk_widget_dispose_template(): the template's root is AdwBin's
   * child, and AdwBin disposes it. */

  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->contracts);
  g_clear_pointer (&self->catalog, mamori_catalog_unref);

  G_OBJECT_CLASS (mamori_contracts_page_parent_class)->dispose (object);
}

static void
mamori_contracts_page_finalize (GObject *object)
{
  MamoriContractsPage *self = MAMORI_CONTRACTS_PAGE (object);

  g_free (self->needle);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_contracts_page_parent_class)->finalize (object);
}

static void
mamori_contracts_page_class_init (MamoriContractsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MamoriPageClass *page_class = MAMORI_PAGE_CLASS (klass);

  object_class->constructed = mamori_contracts_page_constructed;
  object_class->dispose = mamori_contracts_page_dispose;
  object_class->finalize = mamori_contracts_page_finalize;

  page_class->save = mamori_contracts_page_save;
  page_class->discard = mamori_contracts_page_discard;
  page_class->open_record = mamori_contracts_page_open_record;
  page_class->focus_list = mamori_contracts_page_focus_list;
  page_class->go_back = mamori_contracts_page_go_back;
  page_class->record_types = 1u << MAMORI_RECORD_CONTRACT;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-contracts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, attention_check);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractsPage, editor_bin);

  gtk_widget_class_install_action (widget_class, "contracts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "contracts.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "contracts.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "contracts.analyze", NULL, analyze_action);
  gtk_widget_class_install_action (widget_class, "contracts.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "contracts.search", NULL, search_action);
}

static void
mamori_contracts_page_init (MamoriContractsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
