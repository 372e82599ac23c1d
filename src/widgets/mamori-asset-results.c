/* mamori-asset-results.c — the assets a search finds, to pick one from
 *
 * The pickers that link assets to a contract or an incident show the same
 * list: up to fifty assets whose fields contain what was typed, each with
 * its class, leaving out those already linked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "mamori-asset-results.h"

/* How many assets a picker lists at a time. */
#define ASSET_RESULTS 50

static gboolean
is_excluded (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/**
 * mamori_asset_results_fill:
 * @exclude_ids: (nullable) (element-type gint64): assets already linked
 * @all_taken: what to say when the query is blank and nothing is left
 *
 * Fills @results with the matching assets; a row's asset is
 * mamori_asset_results_get_id(). When nothing matches, one row that cannot
 * be activated says so.
 *
 * Returns: %FALSE if the register could not be searched
 */
gboolean
mamori_asset_results_fill (GtkListBox  *results,
                           MamoriStore *store,
                           const char  *query,
                           GArray      *exclude_ids,
                           const char  *all_taken,
                           GError     **error)
{
  g_autoptr(MamoriClassScheme) scheme = mamori_store_dup_class_scheme (store);
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_return_val_if_fail (GTK_IS_LIST_BOX (results), FALSE);
  g_return_val_if_fail (MAMORI_IS_STORE (store), FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (results))) != NULL)
    gtk_list_box_remove (results, child);

  found = mamori_store_dup_asset_summaries (store, NULL, query,
                                            ASSET_RESULTS + (exclude_ids != NULL ? exclude_ids->len : 0), error);
  if (found == NULL)
    return FALSE;

  for (guint i = 0; i < found->len && shown < ASSET_RESULTS; i++)
    {
      MamoriAssetSummary *summary = g_ptr_array_index (found, i);
      GtkWidget *row, *box, *name, *level;

      if (is_excluded (exclude_ids, summary->id))
        continue;
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      name = gtk_label_new (*summary->name != '\0' ? summary->name : _("Unnamed Asset"));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      level = gtk_label_new (summary->class_level >= 0 ? mamori_class_scheme_get_name (scheme, summary->class_level)
                                                       : C_("class", "Not evaluated"));
      gtk_widget_add_css_class (level, "dim-label");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), level);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "asset-id", g_memdup2 (&summary->id, sizeof (gint64)), g_free);
      gtk_list_box_append (results, row);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *label = gtk_label_new (mamori_text_is_blank (query) ? all_taken : _("No asset in the register matches."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (results, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }
  return TRUE;
}

/**
 * mamori_asset_results_get_id:
 *
 * Returns: the asset of a row filled in by mamori_asset_results_fill(), or
 *   0 for the row that says nothing matched
 */
gint64
mamori_asset_results_get_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "asset-id");

  return id != NULL ? *id : 0;
}
