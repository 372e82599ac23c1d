/* mamori-asset-list.c — the asset register as a list model
 *
 * Stays fluid at 100,000 assets: the list keeps, per asset, only what it
 * filters on (id, class, category, uncovered routes and the normalized
 * search text, all in flat arrays), in the order the database sorted them.
 * Filtering is a scan of those arrays; a query that only grows scans only
 * the rows still shown. MamoriAsset objects exist only for rows a view asks
 * for, a few hundred at most, loaded by id and kept in a small LRU cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "analysis/mamori-text.h"
#include "mamori-asset-list.h"

#define CACHE_SIZE 512

typedef struct
{
  gint64  id;
  gsize   text_offset;   /* into texts */
  gint8   class_level;
  guint8  category;
  guint8  uncovered;
} Row;

struct _MamoriAssetList
{
  GObject          parent_instance;

  MamoriStore     *store;
  GArray          *rows;      /* of Row, in sort order */
  GString         *texts;     /* every row's search text, NUL-terminated */
  GArray          *visible;   /* of guint, indexes into rows */
  GHashTable      *positions; /* id → index into rows */

  char            *query;     /* normalized */
  int              class_filter;
  int              category_filter;
  gboolean         uncovered_only;
  MamoriAssetSort  sort;
  gboolean         descending;

  GHashTable      *cache;     /* id → MamoriAsset */
  GQueue          *lru;       /* of ids, most recent first */

  gboolean         replacing; /* emitting the first half of a refilter */
};

static void mamori_asset_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MamoriAssetList, mamori_asset_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mamori_asset_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
mamori_asset_list_get_item_type (GListModel *model)
{
  return MAMORI_TYPE_ASSET;
}

static guint
mamori_asset_list_get_n_items (GListModel *model)
{
  return MAMORI_ASSET_LIST (model)->visible->len;
}

static void
cache_forget (MamoriAssetList *self,
              gint64           id)
{
  if (g_hash_table_remove (self->cache, &id))
    {
      GList *link = g_queue_find (self->lru, GSIZE_TO_POINTER ((gsize) id));

      if (link != NULL)
        g_queue_delete_link (self->lru, link);
    }
}

static void
cache_clear (MamoriAssetList *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear (self->lru);
}

static gpointer
mamori_asset_list_get_item (GListModel *model,
                            guint       position)
{
  MamoriAssetList *self = MAMORI_ASSET_LIST (model);
  g_autoptr(GError) error = NULL;
  MamoriAsset *asset;
  gint64 id;

  if (position >= self->visible->len)
    return NULL;

  id = g_array_index (self->rows, Row, g_array_index (self->visible, guint, position)).id;
  asset = g_hash_table_lookup (self->cache, &id);
  if (asset != NULL)
    return g_object_ref (asset);

  asset = mamori_store_dup_asset (self->store, id, &error);
  if (asset == NULL)
    {
      /* Deleted meanwhile by another connection; the next reload drops it.
       * An empty asset keeps the view's row count honest until then. */
      g_debug ("Asset %" G_GINT64_FORMAT " could not be read: %s", id, error ? error->message : "gone");
      asset = mamori_asset_new ();
      g_object_set (asset, "id", id, NULL);
    }

  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (asset));
  g_queue_push_head (self->lru, GSIZE_TO_POINTER ((gsize) id));
  while (g_queue_get_length (self->lru) > CACHE_SIZE)
    {
      gint64 old = (gint64) GPOINTER_TO_SIZE (g_queue_pop_tail (self->lru));
      g_hash_table_remove (self->cache, &old);
    }

  return asset;
}

static void
mamori_asset_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mamori_asset_list_get_item_type;
  iface->get_n_items = mamori_asset_list_get_n_items;
  iface->get_item = mamori_asset_list_get_item;
}

static gboolean
row_matches (MamoriAssetList *self,
             const Row       *row)
{
  if (self->class_filter != MAMORI_CLASS_FILTER_ANY && row->class_level != self->class_filter)
    return FALSE;
  if (self->category_filter != MAMORI_CATEGORY_FILTER_ANY && row->category != self->category_filter)
    return FALSE;
  if (self->uncovered_only && row->uncovered == 0)
    return FALSE;
  if (self->query[0] != '\0' && strstr (self->texts->str + row->text_offset, self->query) == NULL)
    return FALSE;

  return TRUE;
}

/* Shows @visible instead of the rows shown now, and tells the list views.
 *
 * Only what changed is reported: rows kept at the start and at the end
 * are left alone, so their widgets stay (a GTK 4.8 list view keeps about
 * 200 row widgets, and making them is most of the cost of a change). With
 * @same_rows FALSE the rows were read again and may have changed, and all
 * of them are reported.
 *
 * The rest is reported as two changes, out then in. Given one change that
 * removes a row it tracks (the one at the top, the focused one), a GTK 4.8
 * list view looks for it among every row added in the same change,
 * fetching each: 100,000 reads from the workspace for one keystroke. */
static void
replace_visible (MamoriAssetList *self,
                 GArray          *visible,
                 gboolean         same_rows)
{
  GArray *old = self->visible;
  guint old_n = old->len, new_n = visible->len;
  guint prefix = 0, suffix = 0, removed, added;

  if (same_rows)
    {
      while (prefix < old_n && prefix < new_n &&
             g_array_index (old, guint, prefix) == g_array_index (visible, guint, prefix))
        prefix++;
      while (suffix < old_n - prefix && suffix < new_n - prefix &&
             g_array_index (old, guint, old_n - 1 - suffix) == g_array_index (visible, guint, new_n - 1 - suffix))
        suffix++;
    }
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;

  if (removed > 0 && added > 0)
    {
      /* In between, only the rows kept. */
      GArray *kept = g_array_sized_new (FALSE, FALSE, sizeof (guint), prefix + suffix);

      g_array_append_vals (kept, visible->data, prefix);
      g_array_append_vals (kept, &g_array_index (visible, guint, new_n - suffix), suffix);
      self->visible = kept;
      self->replacing = TRUE;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      self->replacing = FALSE;
      g_array_unref (kept);
      removed = 0;
    }

  self->visible = visible;
  g_array_unref (old);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Filters again; with @narrowing, only among the rows shown now, and
 * with @same_rows, knowing the rows have not been read again since. */
static void
refilter (MamoriAssetList *self,
          gboolean         narrowing,
          gboolean         same_rows)
{
  guint old_n = self->visible->len;
  GArray *visible = g_array_sized_new (FALSE, FALSE, sizeof (guint), narrowing ? old_n : self->rows->len);

  if (narrowing)
    {
      for (guint i = 0; i < old_n; i++)
        {
          guint index = g_array_index (self->visible, guint, i);

          if (row_matches (self, &g_array_index (self->rows, Row, index)))
            g_array_append_val (visible, index);
        }
    }
  else
    {
      for (guint index = 0; index < self->rows->len; index++)
        if (row_matches (self, &g_array_index (self->rows, Row, index)))
          g_array_append_val (visible, index);
    }

  replace_visible (self, visible, same_rows);
}

static void
append_row (const MamoriAssetRow *store_row,
            gpointer              user_data)
{
  MamoriAssetList *self = user_data;
  Row row;

  row.id = store_row->id;
  row.text_offset = self->texts->len;
  row.class_level = (gint8) store_row->class_level;
  row.category = (guint8) store_row->category;
  row.uncovered = (guint8) store_row->uncovered;
  g_string_append_len (self->texts, store_row->search_text, strlen (store_row->search_text) + 1);

  g_hash_table_insert (self->positions, g_memdup2 (&row.id, sizeof row.id), GUINT_TO_POINTER (self->rows->len));
  g_array_append_val (self->rows, row);
}

/**
 * mamori_asset_list_reload:
 *
 * Reads every row again from the store, in the current order, and filters.
 */
gboolean
mamori_asset_list_reload (MamoriAssetList  *self,
                          GError          **error)
{
  g_return_val_if_fail (MAMORI_IS_ASSET_LIST (self), FALSE);

  g_array_set_size (self->rows, 0);
  g_string_truncate (self->texts, 0);
  g_hash_table_remove_all (self->positions);
  cache_clear (self);

  if (!mamori_store_foreach_asset_row (self->store, self->sort, self->descending, append_row, self, error))
    {
      refilter (self, FALSE, FALSE);
      return FALSE;
    }

  refilter (self, FALSE, FALSE);
  return TRUE;
}

/* Puts the rows already read in the current order: the store sorts only
 * the ids, much less than reading every row again. Returns FALSE if the
 * rows no longer match the register, which then has to be read again. */
static gboolean
reorder (MamoriAssetList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = mamori_store_dup_asset_order (self->store, self->sort, self->descending, &error);
  GArray *rows;

  if (ids == NULL)
    {
      g_debug ("Could not sort the asset list: %s", error->message);
      return FALSE;
    }
  if (ids->len != self->rows->len)
    return FALSE;

  rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      gpointer index;

      if (!g_hash_table_lookup_extended (self->positions, &g_array_index (ids, gint64, i), NULL, &index))
        {
          g_array_unref (rows);
          return FALSE;
        }
      g_array_append_val (rows, g_array_index (self->rows, Row, GPOINTER_TO_UINT (index)));
    }

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_insert (self->positions, g_memdup2 (&g_array_index (rows, Row, i).id, sizeof (gint64)), GUINT_TO_POINTER (i));
  g_array_unref (self->rows);
  self->rows = rows;

  refilter (self, FALSE, FALSE);
  return TRUE;
}

static void
reload_quietly (MamoriAssetList *self)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_asset_list_reload (self, &error))
    g_debug ("Could not read the asset list: %s", error->message);
}

static void
update_row (const MamoriAssetRow *store_row,
            gpointer              user_data)
{
  MamoriAssetList *self = user_data;
  gpointer index;
  Row *row;

  if (!g_hash_table_lookup_extended (self->positions, &store_row->id, NULL, &index))
    return;

  row = &g_array_index (self->rows, Row, GPOINTER_TO_UINT (index));
  row->class_level = (gint8) store_row->class_level;
  row->category = (guint8) store_row->category;
  row->uncovered = (guint8) store_row->uncovered;
  /* The old text stays in the buffer until the next reload; edits are few. */
  row->text_offset = self->texts->len;
  g_string_append_len (self->texts, store_row->search_text, strlen (store_row->search_text) + 1);
}

/* One asset changed: its row is updated where it stands. It is not moved
 * or hidden even if it no longer sorts or filters there, so that a row
 * being edited stays put; the next sort or filter places it. */
static void
on_asset_changed (MamoriAssetList *self,
                  gint64           id)
{
  g_autoptr(GError) error = NULL;
  guint position;

  cache_forget (self, id);
  if (!mamori_store_read_asset_row (self->store, id, update_row, self, &error))
    {
      g_debug ("Could not read asset %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }

  position = mamori_asset_list_find (self, id);
  if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/**
 * mamori_asset_list_is_replacing:
 *
 * Whether the rows are being replaced by a filter or sort: true while the
 * list reports them all removed, before it reports the new ones added.
 * A listener can wait for the second report.
 */
gboolean
mamori_asset_list_is_replacing (MamoriAssetList *self)
{
  g_return_val_if_fail (MAMORI_IS_ASSET_LIST (self), FALSE);
  return self->replacing;
}

/**
 * mamori_asset_list_set_search:
 * @text: (nullable): what the user typed
 */
void
mamori_asset_list_set_search (MamoriAssetList *self,
                              const char      *text)
{
  g_autofree char *query = NULL;
  gboolean narrowing;

  g_return_if_fail (MAMORI_IS_ASSET_LIST (self));

  query = mamori_text_normalize_for_search (text);
  if (g_str_equal (query, self->query))
    return;

  /* Typing on: every row that matches the longer query matched the
   * shorter one, so only those need looking at. */
  narrowing = strstr (query, self->query) != NULL;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  refilter (self, narrowing, TRUE);
}

/**
 * mamori_asset_list_set_class_filter:
 * @class_level: %MAMORI_CLASS_FILTER_ANY, %MAMORI_CLASS_NONE for assets not
 *   evaluated yet, or a class level
 */
void
mamori_asset_list_set_class_filter (MamoriAssetList *self,
                                    int              class_level)
{
  g_return_if_fail (MAMORI_IS_ASSET_LIST (self));

  if (self->class_filter == class_level)
    return;
  self->class_filter = class_level;
  refilter (self, FALSE, TRUE);
}

void
mamori_asset_list_set_category_filter (MamoriAssetList *self,
                                       int              category)
{
  g_return_if_fail (MAMORI_IS_ASSET_LIST (self));

  if (self->category_filter == category)
    return;
  self->category_filter = category;
  refilter (self, FALSE, TRUE);
}

void
mamori_asset_list_set_uncovered_only (MamoriAssetList *self,
                                      gboolean         uncovered_only)
{
  g_return_if_fail (MAMORI_IS_ASSET_LIST (self));

  uncovered_only = !!uncovered_only;
  if (self->uncovered_only == uncovered_only)
    return;
  self->uncovered_only = uncovered_only;
  refilter (self, uncovered_only, TRUE);
}

gboolean
mamori_asset_list_is_filtered (MamoriAssetList *self)
{
  g_return_val_if_fail (MAMORI_IS_ASSET_LIST (self), FALSE);

  return self->query[0] != '\0' ||
         self->class_filter != MAMORI_CLASS_FILTER_ANY ||
         self->category_filter != MAMORI_CATEGORY_FILTER_ANY ||
         self->uncovered_only;
}

void
mamori_asset_list_set_sort (MamoriAssetList *self,
                            MamoriAssetSort  sort,
                            gboolean         descending)
{
  g_return_if_fail (MAMORI_IS_ASSET_LIST (self));
  g_return_if_fail (sort < MAMORI_N_ASSET_SORTS);

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  if (!reorder (self))
    reload_quietly (self);
}

/* How many assets the register holds, shown or not. */
guint
mamori_asset_list_get_n_total (MamoriAssetList *self)
{
  g_return_val_if_fail (MAMORI_IS_ASSET_LIST (self), 0);
  return self->rows->len;
}

gint64
mamori_asset_list_get_id (MamoriAssetList *self,
                          guint            position)
{
  g_return_val_if_fail (MAMORI_IS_ASSET_LIST (self), 0);
  g_return_val_if_fail (position < self->visible->len, 0);

  return g_array_index (self->rows, Row, g_array_index (self->visible, guint, position)).id;
}

/**
 * mamori_asset_list_find:
 *
 * Returns: the position of the asset among the rows shown, or %G_MAXUINT
 */
guint
mamori_asset_list_find (MamoriAssetList *self,
                        gint64           id)
{
  gpointer index;

  g_return_val_if_fail (MAMORI_IS_ASSET_LIST (self), G_MAXUINT);

  if (!g_hash_table_lookup_extended (self->positions, &id, NULL, &index))
    return G_MAXUINT;

  /* Rows are shown in their stored order, so a binary search finds it. */
  {
    guint wanted = GPOINTER_TO_UINT (index);
    guint low = 0, high = self->visible->len;

    while (low < high)
      {
        guint middle = low + (high - low) / 2;
        guint value = g_array_index (self->visible, guint, middle);

        if (value == wanted)
          return middle;
        if (value < wanted)
          low = middle + 1;
        else
          high = middle;
      }
  }

  return G_MAXUINT;
}

/**
 * mamori_asset_list_dup_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the rows shown,
 *   in order
 */
GArray *
mamori_asset_list_dup_ids (MamoriAssetList *self)
{
  GArray *ids;

  g_return_val_if_fail (MAMORI_IS_ASSET_LIST (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->visible->len);
  for (guint i = 0; i < self->visible->len; i++)
    {
      gint64 id = g_array_index (self->rows, Row, g_array_index (self->visible, guint, i)).id;
      g_array_append_val (ids, id);
    }

  return ids;
}

static void
on_store_changed (MamoriAssetList *self)
{
  reload_quietly (self);
}

static void
mamori_asset_list_constructed (GObject *object)
{
  MamoriAssetList *self = MAMORI_ASSET_LIST (object);

  G_OBJECT_CLASS (mamori_asset_list_parent_class)->constructed (object);

  mamori_store_connect_changed (self->store, MAMORI_CHANGE_ASSETS, G_CALLBACK (on_store_changed), self);
  g_signal_connect_object (self->store, "asset-changed", G_CALLBACK (on_asset_changed), self, G_CONNECT_SWAPPED);
  reload_quietly (self);
}

static void
mamori_asset_list_finalize (GObject *object)
{
  MamoriAssetList *self = MAMORI_ASSET_LIST (object);

  g_clear_object (&self->store);
  g_array_unref (self->rows);
  g_string_free (self->texts, TRUE);
  g_array_unref (self->visible);
  g_hash_table_unref (self->positions);
  g_hash_table_unref (self->cache);
  g_queue_free (self->lru);
  g_free (self->query);

  G_OBJECT_CLASS (mamori_asset_list_parent_class)->finalize (object);
}

static void
mamori_asset_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MamoriAssetList *self = MAMORI_ASSET_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->visible->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_asset_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MamoriAssetList *self = MAMORI_ASSET_LIST (object);

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
mamori_asset_list_class_init (MamoriAssetListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mamori_asset_list_constructed;
  object_class->finalize = mamori_asset_list_finalize;
  object_class->get_property = mamori_asset_list_get_property;
  object_class->set_property = mamori_asset_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MAMORI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mamori_asset_list_init (MamoriAssetList *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->texts = g_string_new (NULL);
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->query = g_strdup ("");
  self->class_filter = MAMORI_CLASS_FILTER_ANY;
  self->category_filter = MAMORI_CATEGORY_FILTER_ANY;
  self->sort = MAMORI_ASSET_SORT_NAME;
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->lru = g_queue_new ();
}

MamoriAssetList *
mamori_asset_list_new (MamoriStore *store)
{
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  return g_object_new (MAMORI_TYPE_ASSET_LIST, "store", store, NULL);
}
