/* mamori-assets-page.c — the Assets tab: the information-asset register
 *
 * The list (a GtkColumnView over MamoriAssetList, which pages rows in from
 * the workspace) sits beside the editor when the window is wide; when it is
 * narrow the editor is pushed over the list (AdwLeaflet). Search, filters
 * and sorting run against the list model, never against row widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "catalog/mamori-measures.h"
#include "io/mamori-asset-csv.h"
#include "io/mamori-file.h"
#include "pages/assets/mamori-asset-editor.h"
#include "pages/assets/mamori-assets-page.h"
#include "pages/assets/mamori-classes-window.h"
#include "pages/assets/mamori-import-window.h"
#include "widgets/mamori-message.h"

/* A column's sorter. GTK 4.8 cannot say which column the user sorted by,
 * so the page asks the view's sorter to compare two dummies: the first
 * column sorter consulted is the sort column, the sign its direction. The
 * list model then sorts in the database; these never sort anything. */
#define MAMORI_TYPE_COLUMN_SORTER (mamori_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (MamoriColumnSorter, mamori_column_sorter, MAMORI, COLUMN_SORTER, GtkSorter)

struct _MamoriColumnSorter
{
  GtkSorter        parent_instance;
  MamoriAssetSort  sort;
};

G_DEFINE_FINAL_TYPE (MamoriColumnSorter, mamori_column_sorter, GTK_TYPE_SORTER)

static MamoriColumnSorter *consulted;

static GtkOrdering
mamori_column_sorter_compare (GtkSorter *sorter,
                              gpointer   a,
                              gpointer   b)
{
  if (consulted == NULL)
    consulted = MAMORI_COLUMN_SORTER (sorter);
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
mamori_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
mamori_column_sorter_class_init (MamoriColumnSorterClass *klass)
{
  GTK_SORTER_CLASS (klass)->compare = mamori_column_sorter_compare;
  GTK_SORTER_CLASS (klass)->get_order = mamori_column_sorter_get_order;
}

static void
mamori_column_sorter_init (MamoriColumnSorter *self)
{
}

static GtkSorter *
mamori_column_sorter_new (MamoriAssetSort sort)
{
  MamoriColumnSorter *self = g_object_new (MAMORI_TYPE_COLUMN_SORTER, NULL);

  self->sort = sort;
  return GTK_SORTER (self);
}

struct _MamoriAssetsPage
{
  MamoriPage           parent_instance;

  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *class_dropdown;
  GtkDropDown         *category_dropdown;
  GtkCheckButton      *uncovered_check;
  GtkMenuButton       *filter_button;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkLabel            *status_label;
  GtkWidget           *editor_separator;
  AdwBin              *editor_pane;
  GtkStack            *editor_stack;
  AdwBin              *editor_bin;
  AdwStatusPage       *many_page;

  MamoriStore         *store;
  MamoriAssetList     *list;
  GtkMultiSelection   *selection;
  MamoriAssetEditor   *editor;
  MamoriClassScheme   *scheme;
  GtkFileChooserNative *chooser;
  GCancellable        *import_cancellable;
  GHashTable          *selected_ids;  /* gint64 set: the selection by asset */
  gboolean             restoring;
  GtkSliceListModel   *slice;         /* until all rows are shown; owned by selection */
  GtkWidget           *unsaved_dialog;
  gboolean             first_frame_drawn;
  gboolean             reveal_editor;  /* the editor was just shown for a choice */
  guint                reveal_id;
};

G_DEFINE_FINAL_TYPE (MamoriAssetsPage, mamori_assets_page, MAMORI_TYPE_PAGE)

/* A screenful in a tall window. */
#define FIRST_FRAME_ROWS 40

typedef enum
{
  COLUMN_NAME,
  COLUMN_CLASS,
  COLUMN_CATEGORY,
  COLUMN_FORM,
  COLUMN_UNCOVERED,
  COLUMN_DEPARTMENT,
  COLUMN_RESPONSIBLE,
  COLUMN_STORAGE,
  COLUMN_UPDATED,
  N_COLUMNS
} Column;

static gboolean
on_query_routes_tooltip (GtkWidget   *label,
                         int          x,
                         int          y,
                         gboolean     keyboard,
                         GtkTooltip  *tooltip,
                         GtkListItem *item)
{
  MamoriAsset *asset = gtk_list_item_get_item (item);
  g_autofree char *names = NULL;

  if (asset == NULL || mamori_asset_get_uncovered (asset) == 0)
    return FALSE;

  names = mamori_routes_dup_label (mamori_asset_get_uncovered (asset));
  gtk_tooltip_set_text (tooltip, names);
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* The class, the routes and the date are short and read whole; free text
   * is cut, keeping a few characters so a narrow column still says
   * something. */
  if (column != COLUMN_CLASS && column != COLUMN_UNCOVERED && column != COLUMN_UPDATED)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }
  /* The routes are named in a tooltip, worked out when asked for: setting
   * one as each row is bound asks the display where the pointer is, a round
   * trip to the X server for every cell. */
  if (column == COLUMN_UNCOVERED)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_routes_tooltip), item);
    }
  gtk_list_item_set_child (item, label);
}

static const char * const class_styles[MAMORI_N_CLASSES] = {
  "mamori-class-0", "mamori-class-1", "mamori-class-2", "mamori-class-3",
};

/* A cell takes the colour of a class (data/style.css), or none with -1.
 * Changed only when it changes: every change restyles the cell. */
static void
set_class_style (GtkWidget *widget,
                 int        level)
{
  int current = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "class-style")) - 1;

  if (current == level)
    return;
  if (current >= 0)
    gtk_widget_remove_css_class (widget, class_styles[current]);
  if (level >= 0)
    gtk_widget_add_css_class (widget, class_styles[level]);
  g_object_set_data (G_OBJECT (widget), "class-style", GINT_TO_POINTER (level + 1));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MamoriAssetsPage         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  MamoriAsset *asset = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *owned = NULL;
  const char *text = "";

  int css_level = -1;

  switch (column)
    {
    case COLUMN_NAME:
      text = mamori_asset_get_name (asset);
      if (*text == '\0')
        text = _("Unnamed Asset");
      break;
    case COLUMN_CLASS:
      {
        int level = mamori_asset_get_class (asset);

        if (level >= 0)
          {
            text = mamori_class_scheme_get_name (self->scheme, level);
            css_level = level;
          }
        else
          text = C_("class", "Not evaluated");
      }
      break;
    case COLUMN_CATEGORY:
      text = mamori_asset_get_category (asset) != MAMORI_ASSET_CATEGORY_NONE
             ? mamori_asset_category_get_label (mamori_asset_get_category (asset)) : "";
      break;
    case COLUMN_FORM:
      text = mamori_asset_get_form (asset) != MAMORI_ASSET_FORM_NONE
             ? mamori_asset_form_get_label (mamori_asset_get_form (asset)) : "";
      break;
    case COLUMN_UNCOVERED:
      {
        guint routes = mamori_asset_get_uncovered (asset);
        guint n = 0;

        for (int route = 0; route < MAMORI_N_ROUTES; route++)
          n += (routes & MAMORI_ROUTE_BIT (route)) != 0;
        /* Translators: how many leak routes of an asset no measure covers */
        text = owned = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u route", "%u routes", n), n) : g_strdup ("");

        if (n > 0)
          css_level = 2;
      }
      break;
    case COLUMN_DEPARTMENT:
      text = mamori_asset_get_department (asset);
      break;
    case COLUMN_RESPONSIBLE:
      text = mamori_asset_get_responsible (asset);
      break;
    case COLUMN_STORAGE:
      text = mamori_asset_get_storage (asset);
      break;
    case COLUMN_UPDATED:
      text = owned = g_strndup (mamori_asset_get_updated (asset), 10);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text);
  set_class_style (GTK_WIDGET (label), css_level);
}

static void
add_column (MamoriAssetsPage *self,
            Column            column,
            const char       *title,
            MamoriAssetSort   sort,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  g_autoptr(GtkSorter) sorter = mamori_column_sorter_new (sort);

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (expand)
    gtk_column_view_column_set_fixed_width (view_column, 220);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_append_column (self->column_view, view_column);

  if (column == COLUMN_NAME)
    gtk_column_view_sort_by_column (self->column_view, view_column, GTK_SORT_ASCENDING);
  g_object_unref (view_column);
}

static void
on_view_sorter_changed (GtkSorter        *sorter,
                        GtkSorterChange   change,
                        MamoriAssetsPage *self)
{
  static GObject *dummy_a, *dummy_b;
  GtkOrdering ordering;

  if (dummy_a == NULL)
    {
      dummy_a = g_object_new (G_TYPE_OBJECT, NULL);
      dummy_b = g_object_new (G_TYPE_OBJECT, NULL);
    }

  consulted = NULL;
  ordering = gtk_sorter_compare (sorter, dummy_a, dummy_b);
  if (consulted != NULL)
    mamori_asset_list_set_sort (self->list, consulted->sort, ordering == GTK_ORDERING_LARGER);
  else
    mamori_asset_list_set_sort (self->list, MAMORI_ASSET_SORT_NAME, FALSE);
}

static void
update_status (MamoriAssetsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint total = mamori_asset_list_get_n_total (self->list);
  g_autofree char *status = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  if (mamori_asset_list_is_filtered (self->list))
    /* Translators: "<shown> of <total> assets" */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u asset", "%u of %u assets", total), shown, total);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset", "%u assets", total), total);
  gtk_label_set_text (self->status_label, status);

  /* The filters hide in a popover, so its button shows when one is on. */
  if (gtk_drop_down_get_selected (self->class_dropdown) > 0 ||
      gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
      gtk_check_button_get_active (self->uncovered_check))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filter (some assets are hidden)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Some assets are hidden"), -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filter"));
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->filter_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.export", total > 0);
}

/* The positions selected now, as asset ids. */
static GArray *
dup_selected_ids (MamoriAssetsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = gtk_bitset_get_size (selected);

  for (guint i = 0; i < n; i++)
    {
      guint position = gtk_bitset_get_nth (selected, i);

      if (position < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
        {
          gint64 id = mamori_asset_list_get_id (self->list, position);
          g_array_append_val (ids, id);
        }
    }

  return ids;
}

static void update_editor (MamoriAssetsPage *self);
static void remember_selection (MamoriAssetsPage *self);

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     MamoriAssetsPage *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      mamori_asset_editor_discard (self->editor);
      update_editor (self);
    }
}

/* What was typed in the editor could not be saved, so it stays on its asset
 * (selected again in the list) and the user is asked what to do: go on
 * editing, the changes kept and saved with the next edit, or discard them. */
static void
keep_editing (MamoriAssetsPage *self,
              const GError     *error)
{
  MamoriAsset *asset = mamori_asset_editor_get_asset (self->editor);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  guint position;

  g_return_if_fail (asset != NULL);

  position = mamori_asset_list_find (self->list, mamori_asset_get_id (asset));
  if (position != G_MAXUINT)
    {
      self->restoring = TRUE;
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      self->restoring = FALSE;
      remember_selection (self);
    }
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");

  if (self->unsaved_dialog != NULL)
    return;

  /* Translators: %s is the name of an asset */
  heading = g_strdup_printf (_("Changes to “%s” Could Not Be Saved"), mamori_asset_get_name (asset));
  dialog = mamori_message_new_unsaved (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, error,
                                       _("Keep editing this asset and the changes are saved with your next edit, or discard the changes made since the last save."),
                                       _("_Keep Editing"));
  self->unsaved_dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->unsaved_dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The editor takes room beside the register only while it shows something:
 * with nothing chosen, the register has the whole width for its columns. */
static void
sync_editor_pane (MamoriAssetsPage *self)
{
  gboolean shown = !g_str_equal (gtk_stack_get_visible_child_name (self->editor_stack), "none");

  /* Shown for an asset chosen: if the two no longer fit side by side, the
   * leaflet folds, and the editor is what the user asked to see. */
  self->reveal_editor = shown && !gtk_widget_get_visible (GTK_WIDGET (self->editor_pane));
  gtk_widget_set_visible (GTK_WIDGET (self->editor_pane), shown);
  gtk_widget_set_visible (self->editor_separator, shown);
}

static gboolean
reveal_editor_cb (gpointer data)
{
  MamoriAssetsPage *self = data;

  self->reveal_id = 0;
  if (adw_leaflet_get_folded (self->leaflet) && gtk_widget_get_visible (GTK_WIDGET (self->editor_pane)))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is laid out: the editor is shown a moment
 * later, not in the middle of that. */
static void
on_folded (MamoriAssetsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet) && self->reveal_editor && self->reveal_id == 0)
    self->reveal_id = g_idle_add (reveal_editor_cb, self);
  self->reveal_editor = FALSE;
}

static void
update_editor (MamoriAssetsPage *self)
{
  g_autoptr(GArray) ids = dup_selected_ids (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.delete", ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.duplicate", ids->len == 1);

  if (ids->len == 1)
    {
      gint64 id = g_array_index (ids, gint64, 0);
      MamoriAsset *current = mamori_asset_editor_get_asset (self->editor);
      g_autoptr(MamoriAsset) asset = NULL;
      g_autoptr(GError) error = NULL;

      /* The editor works on its own copy, not the list's cached one. */
      if (current == NULL || mamori_asset_get_id (current) != id)
        {
          asset = mamori_store_dup_asset (self->store, id, &error);
          if (asset == NULL && error != NULL)
            mamori_section_show_error (MAMORI_SECTION (self), _("The asset could not be read"), error);
          g_clear_error (&error);
          if (!mamori_asset_editor_set_asset (self->editor, asset, &error))
            {
              keep_editing (self, error);
              return;
            }
        }
      gtk_stack_set_visible_child_name (self->editor_stack,
                                        mamori_asset_editor_get_asset (self->editor) != NULL ? "editor" : "none");
      return;
    }

  {
    g_autoptr(GError) error = NULL;

    if (!mamori_asset_editor_set_asset (self->editor, NULL, &error))
      {
        keep_editing (self, error);
        return;
      }
  }
  if (ids->len == 0)
    gtk_stack_set_visible_child_name (self->editor_stack, "none");
  else
    {
      /* Translators: %u assets are selected in the list */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Asset Selected", "%u Assets Selected",
                                                             ids->len), ids->len);
      adw_status_page_set_title (self->many_page, title);
      gtk_stack_set_visible_child_name (self->editor_stack, "many");
    }
}

static void
remember_selection (MamoriAssetsPage *self)
{
  g_autoptr(GArray) ids = dup_selected_ids (self);

  g_hash_table_remove_all (self->selected_ids);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->selected_ids, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
}

static void
on_selection_changed (MamoriAssetsPage *self)
{
  if (self->restoring)
    return;

  remember_selection (self);
  update_editor (self);
}

static void scroll_to (MamoriAssetsPage *self, guint position);

static void
show_all_rows (MamoriAssetsPage *self)
{
  if (self->slice != NULL)
    {
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      self->slice = NULL;
    }
}

/* Called as each frame starts: at the second, the first has been drawn. */
static gboolean
show_all_rows_later (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  MamoriAssetsPage *self = user_data;

  if (self->slice == NULL)
    return G_SOURCE_REMOVE;
  if (!self->first_frame_drawn)
    {
      self->first_frame_drawn = TRUE;
      return G_SOURCE_CONTINUE;
    }
  show_all_rows (self);
  return G_SOURCE_REMOVE;
}

/* The selection is kept by asset, not by row: rows come and go as the
 * list is filtered and sorted, and a saved asset is a new row object the
 * selection model takes for a stranger. Whatever the user selected is
 * selected again wherever it shows up, until they select something else. */
static void
restore_selection (MamoriAssetsPage *self,
                   guint             position,
                   guint             added)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  GHashTableIter iter;
  gpointer key;
  guint first = G_MAXUINT;

  show_all_rows (self);
  self->restoring = TRUE;
  g_hash_table_iter_init (&iter, self->selected_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint at = mamori_asset_list_find (self->list, *(gint64 *) key);

      if (at >= position && at < position + added && !gtk_selection_model_is_selected (selection, at))
        {
          gtk_selection_model_select_item (selection, at, FALSE);
          first = MIN (first, at);
        }
    }
  self->restoring = FALSE;

  /* After a search or a sort the list starts at the top; keep what the
   * user is working on in sight instead. */
  if (first != G_MAXUINT && added > 1)
    scroll_to (self, first);
}

static void
on_items_changed (GListModel       *list,
                  guint             position,
                  guint             removed,
                  guint             added,
                  MamoriAssetsPage *self)
{
  /* A filter or sort: wait for the new rows. */
  if (mamori_asset_list_is_replacing (self->list))
    return;

  if (added > 0 && g_hash_table_size (self->selected_ids) > 0)
    restore_selection (self, position, added);

  update_status (self);
  update_editor (self);
}

/* Scrolls the list to @position. GTK 4.8 has no public call for it; the
 * list view inside the column view has the action. */
static void
scroll_to (MamoriAssetsPage *self,
           guint             position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/**
 * mamori_assets_page_select:
 *
 * Selects an asset, showing it (the filters are cleared if they hide it).
 *
 * Returns: whether the asset is in the register
 */
gboolean
mamori_assets_page_select (MamoriAssetsPage *self,
                           gint64            id)
{
  guint position;

  g_return_val_if_fail (MAMORI_IS_ASSETS_PAGE (self), FALSE);

  show_all_rows (self);
  position = mamori_asset_list_find (self->list, id);
  if (position == G_MAXUINT)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "assets.clear-filters", NULL);
      position = mamori_asset_list_find (self->list, id);
    }
  if (position == G_MAXUINT)
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  scroll_to (self, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  return TRUE;
}

/* Saves at once what was typed in the editor. */
static gboolean
mamori_assets_page_save (MamoriPage  *page,
                         GError     **error)
{
  return mamori_asset_editor_save (MAMORI_ASSETS_PAGE (page)->editor, error);
}

/* Forgets what was typed in the editor since the last save. */
static void
mamori_assets_page_discard (MamoriPage *page)
{
  mamori_asset_editor_discard (MAMORI_ASSETS_PAGE (page)->editor);
}

/* Alt+2: the keyboard goes to the register (typing there searches it). */
static void
mamori_assets_page_focus_list (MamoriPage *page)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
mamori_assets_page_open_record (MamoriPage       *page,
                                MamoriRecordType  type,
                                gint64            id,
                                const char       *key)
{
  if (id > 0)
    mamori_assets_page_select (MAMORI_ASSETS_PAGE (page), id);
}

MamoriAssetList *
mamori_assets_page_get_list (MamoriAssetsPage *self)
{
  g_return_val_if_fail (MAMORI_IS_ASSETS_PAGE (self), NULL);
  return self->list;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (widget);
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(GError) error = NULL;

  if (!mamori_asset_editor_save (self->editor, &error) ||
      mamori_store_add_asset (self->store, asset, &error) == 0)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The asset could not be added"), error);
      return;
    }

  mamori_assets_page_select (self, mamori_asset_get_id (asset));
  mamori_asset_editor_focus_name (self->editor);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = dup_selected_ids (self);
  g_autoptr(GError) error = NULL;
  gint64 copy;

  if (ids->len != 1)
    return;

  if (!mamori_asset_editor_save (self->editor, &error) ||
      (copy = mamori_store_duplicate_asset (self->store, g_array_index (ids, gint64, 0), &error)) == 0)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The asset could not be duplicated"), error);
      return;
    }

  mamori_assets_page_select (self, copy);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = dup_selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (ids->len == 0)
    return;

  if (ids->len == 1)
    {
      MamoriAsset *asset = mamori_asset_editor_get_asset (self->editor);
      const char *name = asset != NULL ? mamori_asset_get_name (asset) : "";

      /* Translators: %s is the name of the asset deleted */
      title = *name != '\0' ? g_strdup_printf (_("“%s” deleted"), name) : g_strdup (_("Asset deleted"));
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset deleted", "%u assets deleted", ids->len), ids->len);

  if (!mamori_asset_editor_save (self->editor, &error))
    {
      keep_editing (self, error);
      return;
    }
  mamori_asset_editor_set_asset (self->editor, NULL, NULL);
  if (!mamori_store_delete_assets (self->store, ids, &error))
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The assets could not be deleted"), error);
      return;
    }

  mamori_section_add_undo_toast (MAMORI_SECTION (self), title, MAMORI_RECORD_ASSET, ids);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (widget);

  mamori_asset_editor_save (self->editor, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
mamori_assets_page_go_back (MamoriPage *page)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (page);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "editor") != 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "assets.back", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return TRUE;
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  mamori_asset_list_set_search (self->list, NULL);
  gtk_drop_down_set_selected (self->class_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_check_button_set_active (self->uncovered_check, FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   MamoriAssetsPage *self)
{
  mamori_asset_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_status (self);
}

/* Class filter: any, not evaluated, then the classes highest first. */
static void
on_class_filter (GtkDropDown      *dropdown,
                 GParamSpec       *pspec,
                 MamoriAssetsPage *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  int filter;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    filter = MAMORI_CLASS_FILTER_ANY;
  else if (position == 1)
    filter = MAMORI_CLASS_NONE;
  else
    filter = MAMORI_N_CLASSES - 1 - (int) (position - 2);

  mamori_asset_list_set_class_filter (self->list, filter);
  update_status (self);
}

static void
on_category_filter (GtkDropDown      *dropdown,
                    GParamSpec       *pspec,
                    MamoriAssetsPage *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  /* "Any" first, then the categories in order, "not set" included. */
  mamori_asset_list_set_category_filter (self->list, position == 0 || position == GTK_INVALID_LIST_POSITION
                                                     ? MAMORI_CATEGORY_FILTER_ANY : (int) position - 1);
  update_status (self);
}

static void
on_uncovered_toggled (GtkCheckButton   *check,
                      MamoriAssetsPage *self)
{
  mamori_asset_list_set_uncovered_only (self->list, gtk_check_button_get_active (check));
  update_status (self);
}

static void
fill_class_filter (MamoriAssetsPage *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->class_dropdown);

  gtk_string_list_append (choices, _("Any class"));
  gtk_string_list_append (choices, C_("class", "Not evaluated"));
  for (int level = MAMORI_N_CLASSES - 1; level >= 0; level--)
    gtk_string_list_append (choices, mamori_class_scheme_get_name (self->scheme, level));
  gtk_drop_down_set_model (self->class_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->class_dropdown, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
on_settings_changed (MamoriAssetsPage *self)
{
  g_clear_pointer (&self->scheme, mamori_class_scheme_free);
  self->scheme = mamori_store_dup_class_scheme (self->store);
  fill_class_filter (self);
}

static void
on_activate (GtkColumnView    *view,
             guint             position,
             MamoriAssetsPage *self)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
import_file_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MamoriAssetsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAssetImport) import = mamori_file_load_finish (result, &error);
  g_autofree char *name = g_path_get_basename (mamori_file_load_get_path (result));
  GtkWidget *window;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->import_cancellable);
  if (import == NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Imported"), name);
      mamori_message_show (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, error->message);
      return;
    }

  mamori_asset_editor_save (self->editor, NULL);
  window = mamori_import_window_new (self->store, g_steal_pointer (&import), name, GTK_WIDGET (self));
  mamori_dialog_set_parent (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * mamori_assets_page_import_file:
 *
 * Reads and checks a CSV file in a worker thread, then shows the import
 * window with its preview (nothing is written before the user agrees), or
 * says why the file cannot be imported.
 */
void
mamori_assets_page_import_file (MamoriAssetsPage *self,
                                const char       *path)
{
  g_return_if_fail (MAMORI_IS_ASSETS_PAGE (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  mamori_file_load_async (path, MAMORI_CSV_MAX_SIZE, mamori_asset_import_new_from_bytes,
                          (GDestroyNotify) mamori_asset_import_free, self->import_cancellable,
                          import_file_loaded, g_object_ref (self));
}

static void
on_import_chosen (GtkNativeDialog  *dialog,
                  int               response,
                  MamoriAssetsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  path = mamori_message_dup_chosen_path (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), file);
  if (path != NULL)
    mamori_assets_page_import_file (self, path);
}

static void
set_chooser (MamoriAssetsPage     *self,
             GtkFileChooserNative *chooser)
{
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    }
  g_clear_object (&self->chooser);
  self->chooser = chooser;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (csv, _("CSV and Tab-Separated Files"));
  gtk_file_filter_add_pattern (csv, "*.[cC][sS][vV]");
  gtk_file_filter_add_pattern (csv, "*.[tT][sS][vV]");
  gtk_file_filter_add_pattern (csv, "*.[tT][xX][tT]");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Import Assets from CSV"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  char              *workspace;  /* NULL: use the page's store on the main thread */
  char              *path;
  GArray            *ids;        /* NULL: all */
  MamoriCsvEncoding  encoding;
  guint              count;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->workspace);
  g_free (job->path);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job);
}

static gboolean
write_export (MamoriStore  *store,
              ExportJob    *job,
              GError      **error)
{
  g_autoptr(GBytes) bytes = mamori_asset_export (store, job->ids, job->encoding, error);

  if (bytes == NULL)
    return FALSE;

  job->count = job->ids != NULL ? job->ids->len : mamori_store_count_assets (store);
  /* The register is confidential: the file is private, like the workspace;
   * and only a CSV file is ever replaced. */
  return mamori_file_write (job->path, MAMORI_FILE_KIND_CSV, bytes, error);
}

/* Its own connection, so that a large export leaves the window free. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = mamori_store_open (job->workspace, MAMORI_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !write_export (store, job, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The assets could not be exported"), error);
      return;
    }

  /* Translators: %u assets were written to the file %s */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset exported to “%s”", "%u assets exported to “%s”",
                                        job->count), job->count, name);
  mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (title, NULL));
}

static void
on_export_chosen (GtkNativeDialog  *dialog,
                  int               response,
                  MamoriAssetsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  const char *rows;
  const char *encoding;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  rows = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "rows");
  encoding = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "encoding");

  job = g_new0 (ExportJob, 1);
  job->path = file != NULL ? g_file_get_path (file) : NULL;
  job->encoding = g_strcmp0 (encoding, "cp932") == 0 ? MAMORI_CSV_ENCODING_CP932 : MAMORI_CSV_ENCODING_UTF8_BOM;
  if (g_strcmp0 (rows, "shown") == 0)
    job->ids = mamori_asset_list_dup_ids (self->list);
  g_clear_object (&self->chooser);

  if (job->path == NULL)
    {
      export_job_free (job);
      return;
    }

  mamori_asset_editor_save (self->editor, NULL);
  task = g_task_new (self, NULL, export_done, NULL);
  g_task_set_task_data (task, job, export_job_free);

  if (mamori_store_get_path (self->store) != NULL)
    {
      job->workspace = g_strdup (mamori_store_get_path (self->store));
      g_task_run_in_thread (task, export_thread);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      if (write_export (self->store, job, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (widget);
  GtkFileChooserNative *chooser;
  const char *encodings[] = { "utf-8", "cp932", NULL };
  const char *encoding_labels[] = { _("UTF-8 (Excel opens it correctly)"), _("Shift_JIS (CP932)"), NULL };
  g_autofree char *shown = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Assets to CSV"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested name of an exported asset register; keep .csv */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("assets.csv"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "encoding", _("Encoding"), encodings, encoding_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "encoding", "utf-8");

  if (mamori_asset_list_is_filtered (self->list))
    {
      const char *rows[] = { "all", "shown", NULL };
      const char *row_labels[3];

      shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Only the %u asset shown", "Only the %u assets shown",
                                            g_list_model_get_n_items (G_LIST_MODEL (self->list))),
                               g_list_model_get_n_items (G_LIST_MODEL (self->list)));
      row_labels[0] = _("All assets");
      row_labels[1] = shown;
      row_labels[2] = NULL;
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "rows", _("Assets"), rows, row_labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "rows", "shown");
    }

  set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
classes_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (widget);
  GtkWidget *window;

  mamori_asset_editor_save (self->editor, NULL);
  window = mamori_classes_window_new (self->store);
  mamori_dialog_set_parent (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (window));
}

/* Listed in the shortcuts window too (data/ui/help-overlay.ui). */
static const struct
{
  const char *trigger;
  const char *action;
} page_shortcuts[] = {
  { "<Control><Shift>n", "assets.add" },
  { "<Control>d", "assets.duplicate" },
  { "<Control>f", "assets.search" },
};

static void
mamori_assets_page_constructed (GObject *object)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (object);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  G_OBJECT_CLASS (mamori_assets_page_parent_class)->constructed (object);
  self->store = g_object_ref (mamori_section_get_store (MAMORI_SECTION (self)));

  self->scheme = mamori_store_dup_class_scheme (self->store);
  self->list = mamori_asset_list_new (self->store);
  /* The first frame draws a screenful of rows, not the 200 a GTK 4.8 list
   * view makes ready around what is shown; the rest follow a frame later. */
  self->slice = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->list)), 0, FIRST_FRAME_ROWS);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->slice));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), show_all_rows_later, self, NULL);

  add_column (self, COLUMN_NAME, _("Name"), MAMORI_ASSET_SORT_NAME, TRUE);
  add_column (self, COLUMN_CLASS, _("Class"), MAMORI_ASSET_SORT_CLASS, FALSE);
  add_column (self, COLUMN_CATEGORY, _("Category"), MAMORI_ASSET_SORT_CATEGORY, FALSE);
  add_column (self, COLUMN_FORM, _("Form"), MAMORI_ASSET_SORT_FORM, FALSE);
  add_column (self, COLUMN_UNCOVERED, _("Uncovered"), MAMORI_ASSET_SORT_UNCOVERED, FALSE);
  add_column (self, COLUMN_DEPARTMENT, _("Department"), MAMORI_ASSET_SORT_DEPARTMENT, FALSE);
  add_column (self, COLUMN_RESPONSIBLE, _("Responsible"), MAMORI_ASSET_SORT_RESPONSIBLE, FALSE);
  add_column (self, COLUMN_STORAGE, _("Storage Place"), MAMORI_ASSET_SORT_STORAGE, FALSE);
  add_column (self, COLUMN_UPDATED, _("Changed"), MAMORI_ASSET_SORT_UPDATED, FALSE);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_view_sorter_changed), self, 0);

  self->editor = MAMORI_ASSET_EDITOR (mamori_asset_editor_new (self->store));
  adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));
  g_object_bind_property (self->leaflet, "folded", self->editor, "show-back", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", self->column_view, "single-click-activate", G_BINDING_SYNC_CREATE);

  fill_class_filter (self);
  gtk_string_list_append (categories, _("Any category"));
  for (int category = MAMORI_ASSET_CATEGORY_NONE; category <= MAMORI_ASSET_CATEGORY_OTHER; category++)
    gtk_string_list_append (categories, mamori_asset_category_get_label (category));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));

  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_SETTINGS, G_CALLBACK (on_settings_changed), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->class_dropdown, "notify::selected", G_CALLBACK (on_class_filter), self);
  g_signal_connect (self->category_dropdown, "notify::selected", G_CALLBACK (on_category_filter), self);
  g_signal_connect (self->uncovered_check, "toggled", G_CALLBACK (on_uncovered_toggled), self);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_activate), self);

  /* Typing a key in the list starts a search; Delete deletes the rows. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  gtk_search_entry_set_search_delay (self->search_entry, 60);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("assets.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  /* The register's own shortcuts work from anywhere in the window while
   * the tab is shown (a hidden tab is unmapped, and GTK skips it). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (page_shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (page_shortcuts[i].trigger),
                                                            gtk_named_action_new (page_shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_object (self->editor_stack, "notify::visible-child-name",
                           G_CALLBACK (sync_editor_pane), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded), self, G_CONNECT_SWAPPED);
  update_status (self);
  update_editor (self);
  sync_editor_pane (self);
}

static void
mamori_assets_page_dispose (GObject *object)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (object);

  set_chooser (self, NULL);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  if (self->editor != NULL)
    mamori_asset_editor_save (self->editor, NULL);

  /* No gtk_widget_dispose_template(): the template's root is AdwBin's
   * child, and AdwBin disposes it. */
  self->editor = NULL;

  G_OBJECT_CLASS (mamori_assets_page_parent_class)->dispose (object);
}

static void
mamori_assets_page_finalize (GObject *object)
{
  MamoriAssetsPage *self = MAMORI_ASSETS_PAGE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_pointer (&self->scheme, mamori_class_scheme_free);
  g_clear_pointer (&self->selected_ids, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_assets_page_parent_class)->finalize (object);
}

/* Beside the list the editor pane asks for room to show the editor's
 * choices unclipped, whatever it shows, so the list does not change width
 * as assets are selected; it still fits a narrow window (360 px). */
#define NATURAL_WIDTH 460

static void
measure_editor_pane (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*natural, MAX (*minimum, NATURAL_WIDTH));
}

static void
allocate_editor_pane (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
mamori_assets_page_class_init (MamoriAssetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MamoriPageClass *page_class = MAMORI_PAGE_CLASS (klass);

  object_class->constructed = mamori_assets_page_constructed;
  object_class->dispose = mamori_assets_page_dispose;
  object_class->finalize = mamori_assets_page_finalize;

  page_class->save = mamori_assets_page_save;
  page_class->discard = mamori_assets_page_discard;
  page_class->open_record = mamori_assets_page_open_record;
  page_class->focus_list = mamori_assets_page_focus_list;
  page_class->go_back = mamori_assets_page_go_back;
  page_class->record_types = 1u << MAMORI_RECORD_ASSET;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-assets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, uncovered_check);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, MamoriAssetsPage, many_page);

  gtk_widget_class_install_action (widget_class, "assets.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "assets.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "assets.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "assets.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assets.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "assets.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "assets.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "assets.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "assets.classes", NULL, classes_action);

}

static void
mamori_assets_page_init (MamoriAssetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self->editor_pane),
                                 gtk_custom_layout_new (NULL, measure_editor_pane, allocate_editor_pane));
  self->selected_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

GtkWidget *
mamori_assets_page_new (MamoriStore *store)
{
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  return g_object_new (MAMORI_TYPE_ASSETS_PAGE, "store", store, NULL);
}
