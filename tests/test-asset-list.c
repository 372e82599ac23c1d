/* test-asset-list.c — filtering and sorting the register, at 100,000 assets
 *
 * Correctness only; bench-assets measures speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/mamori-asset-list.h"
#include "test-utils.h"

#define N_ASSETS 100000

static const char * const storages[] = {
  "設計サーバー", "ズメン庫", "金庫（本社）", "ＮＡＳ－０１", "営業部キャビネット",
};

/* Asset i: name "資産 <i>", storage storages[i % 5], category 1 + i % 8,
 * ratings making class i % 4, and every 10th left unrated. */
static MamoriAsset *
generated_asset (guint i)
{
  MamoriAsset *asset = mamori_asset_new ();
  g_autofree char *name = g_strdup_printf ("資産 %06u", i);
  int level = (int) (i % 4);

  g_object_set (asset,
                "name", name,
                "storage", storages[i % G_N_ELEMENTS (storages)],
                "category", (int) (1 + i % 8),
                "department", i % 2 == 0 ? "技術部" : "営業部",
                NULL);
  if (i % 10 != 0)
    {
      /* One rating at the class's level gives exactly that class. */
      mamori_asset_set_rating (asset, MAMORI_VIEWPOINT_VALUE, level);
      mamori_asset_set_rating (asset, MAMORI_VIEWPOINT_COMPETITION, 0);
      mamori_asset_set_rating (asset, MAMORI_VIEWPOINT_TRUST, 0);
    }

  return asset;
}

static MamoriStore *
fill_store (guint n)
{
  g_autofree char *path = mamori_test_workspace_path ("list.mamori");
  g_autoptr(GError) error = NULL;
  MamoriStore *store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  for (guint start = 0; start < n; start += 10000)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = start; i < MIN (n, start + 10000); i++)
        g_ptr_array_add (batch, generated_asset (i));
      g_assert_true (mamori_store_add_assets (store, batch, &error));
      g_assert_no_error (error);
    }

  return store;
}

static guint
expected_count (gboolean (*predicate) (guint i, gpointer data),
                gpointer data)
{
  guint count = 0;

  for (guint i = 0; i < N_ASSETS; i++)
    count += predicate (i, data);
  return count;
}

static gboolean
is_in_zumen (guint i, gpointer data)
{
  return i % 5 == 1;
}

static gboolean
is_nas (guint i, gpointer data)
{
  return i % 5 == 3;
}

static gboolean
is_class (guint i, gpointer data)
{
  return i % 10 != 0 && (int) (i % 4) == GPOINTER_TO_INT (data);
}

static gboolean
is_unrated (guint i, gpointer data)
{
  return i % 10 == 0;
}

static gboolean
is_category_and_zumen (guint i, gpointer data)
{
  return (int) (1 + i % 8) == GPOINTER_TO_INT (data) && i % 5 == 1;
}

static gboolean
is_uncovered (guint i, gpointer data)
{
  /* Classes above public call for measures; none are adopted. */
  return i % 10 != 0 && i % 4 != 0;
}

static gboolean
name_contains_12345 (guint i, gpointer data)
{
  g_autofree char *name = g_strdup_printf ("%06u", i);
  return strstr (name, "12345") != NULL;
}

static void
assert_all_match (MamoriAssetList *list,
                  const char      *needle)
{
  /* Every row shown really matches: spot-check across the list. */
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint position = 0; position < n; position += MAX (1, n / 50))
    {
      g_autoptr(MamoriAsset) asset = g_list_model_get_item (G_LIST_MODEL (list), position);
      g_assert_nonnull (strstr (mamori_asset_get_storage (asset), needle));
    }
}

static void
test_filters_at_scale (void)
{
  g_autoptr(MamoriStore) store = fill_store (N_ASSETS);
  g_autoptr(MamoriAssetList) list = mamori_asset_list_new (store);
  GListModel *model = G_LIST_MODEL (list);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ASSETS);
  g_assert_cmpuint (mamori_asset_list_get_n_total (list), ==, N_ASSETS);
  g_assert_false (mamori_asset_list_is_filtered (list));

  /* Japanese as typed: one and two characters, hiragana for katakana. */
  mamori_asset_list_set_search (list, "ず");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_count (is_in_zumen, NULL));
  mamori_asset_list_set_search (list, "ずめ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_count (is_in_zumen, NULL));
  mamori_asset_list_set_search (list, "ずめん");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_count (is_in_zumen, NULL));
  assert_all_match (list, "ズメン");
  mamori_asset_list_set_search (list, "ｽﾞﾒﾝ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_count (is_in_zumen, NULL));

  /* Full-width in the data, half-width typed. */
  mamori_asset_list_set_search (list, "nas-01");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_count (is_nas, NULL));
  assert_all_match (list, "ＮＡＳ");

  /* Deleting back to a shorter query widens again. */
  mamori_asset_list_set_search (list, "12345");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_count (name_contains_12345, NULL));
  mamori_asset_list_set_search (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ASSETS);

  /* By class, including "not evaluated". */
  for (int level = 0; level < MAMORI_N_CLASSES; level++)
    {
      mamori_asset_list_set_class_filter (list, level);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_count (is_class, GINT_TO_POINTER (level)));
    }
  mamori_asset_list_set_class_filter (list, MAMORI_CLASS_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_count (is_unrated, NULL));
  mamori_asset_list_set_class_filter (list, MAMORI_CLASS_FILTER_ANY);

  /* Category and text together. */
  mamori_asset_list_set_category_filter (list, MAMORI_ASSET_CATEGORY_PRICE);
  mamori_asset_list_set_search (list, "ズメン");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    expected_count (is_category_and_zumen, GINT_TO_POINTER (MAMORI_ASSET_CATEGORY_PRICE)));
  g_assert_true (mamori_asset_list_is_filtered (list));
  mamori_asset_list_set_category_filter (list, MAMORI_CATEGORY_FILTER_ANY);
  mamori_asset_list_set_search (list, NULL);

  /* Routes still uncovered. */
  mamori_asset_list_set_uncovered_only (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_count (is_uncovered, NULL));
  mamori_asset_list_set_uncovered_only (list, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ASSETS);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->count++;
}

static void
test_sort_and_follow (void)
{
  g_autoptr(MamoriStore) store = fill_store (2000);
  g_autoptr(MamoriAssetList) list = mamori_asset_list_new (store);
  g_autoptr(MamoriAsset) first = NULL;
  g_autoptr(MamoriAsset) last = NULL;
  g_autoptr(MamoriAsset) edited = NULL;
  g_autoptr(MamoriAsset) shown = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };
  guint position;

  /* By name, both ways. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (mamori_asset_get_name (first), ==, "資産 000000");
  mamori_asset_list_set_sort (list, MAMORI_ASSET_SORT_NAME, TRUE);
  last = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (mamori_asset_get_name (last), ==, "資産 001999");

  /* By class, highest first. */
  mamori_asset_list_set_sort (list, MAMORI_ASSET_SORT_CLASS, TRUE);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (mamori_asset_get_class (first), ==, 3);

  /* An edit updates its row where it stands. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  edited = mamori_store_dup_asset (store, mamori_asset_get_id (first), &error);
  mamori_asset_set_name (edited, "改名された資産");
  g_assert_true (mamori_store_save_asset (store, edited, &error));
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 1);
  shown = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (mamori_asset_get_name (shown), ==, "改名された資産");
  mamori_asset_list_set_search (list, "改名");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  position = mamori_asset_list_find (list, mamori_asset_get_id (edited));
  g_assert_cmpuint (position, ==, 0);

  /* Deleting several: they leave the list; undo brings them back. */
  mamori_asset_list_set_search (list, NULL);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < 3; i++)
    {
      gint64 id = mamori_asset_list_get_id (list, i);
      g_array_append_val (ids, id);
    }
  g_assert_true (mamori_store_delete_assets (store, ids, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1997);
  g_assert_cmpuint (mamori_asset_list_find (list, mamori_asset_get_id (edited)), ==, G_MAXUINT);
  g_assert_true (mamori_store_restore_assets (store, ids, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2000);
}

/* The key each sort orders by, as the store compares it (text by bytes). */
static int
compare_by (MamoriAssetSort  sort,
            MamoriAsset     *a,
            MamoriAsset     *b)
{
  switch (sort)
    {
    case MAMORI_ASSET_SORT_NAME:        return strcmp (mamori_asset_get_name (a), mamori_asset_get_name (b));
    case MAMORI_ASSET_SORT_CLASS:       return mamori_asset_get_class (a) - mamori_asset_get_class (b);
    case MAMORI_ASSET_SORT_DEPARTMENT:  return strcmp (mamori_asset_get_department (a), mamori_asset_get_department (b));
    case MAMORI_ASSET_SORT_STORAGE:     return strcmp (mamori_asset_get_storage (a), mamori_asset_get_storage (b));
    case MAMORI_ASSET_SORT_UPDATED:     return strcmp (mamori_asset_get_updated (a), mamori_asset_get_updated (b));
    default:                            g_assert_not_reached ();
    }
}

/* Sorting keeps the filter, orders every row, ties by id, and follows an
 * edit made since the rows were read. */
static void
test_sort_every_way (void)
{
  static const MamoriAssetSort sorts[] = {
    MAMORI_ASSET_SORT_NAME, MAMORI_ASSET_SORT_CLASS, MAMORI_ASSET_SORT_DEPARTMENT,
    MAMORI_ASSET_SORT_STORAGE, MAMORI_ASSET_SORT_UPDATED,
  };
  g_autoptr(MamoriStore) store = fill_store (3000);
  g_autoptr(MamoriAssetList) list = mamori_asset_list_new (store);
  g_autoptr(MamoriAsset) edited = mamori_store_dup_asset (store, 1500, NULL);
  g_autoptr(GError) error = NULL;

  /* Renamed to sort first; the list has read its rows already. */
  mamori_asset_set_name (edited, "あ 最初");
  g_assert_true (mamori_store_save_asset (store, edited, &error));

  mamori_asset_list_set_search (list, "ズメン");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 600);

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (int descending = 0; descending <= 1; descending++)
      {
        guint n;

        mamori_asset_list_set_sort (list, sorts[s], descending);
        n = g_list_model_get_n_items (G_LIST_MODEL (list));
        g_assert_cmpuint (n, ==, 600);
        for (guint i = 1; i < n; i++)
          {
            g_autoptr(MamoriAsset) a = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
            g_autoptr(MamoriAsset) b = g_list_model_get_item (G_LIST_MODEL (list), i);
            int order = compare_by (sorts[s], a, b);

            if (order == 0)
              order = mamori_asset_get_id (a) < mamori_asset_get_id (b) ? -1 : 1;
            g_assert_cmpint (descending ? -order : order, <, 0);
          }
      }

  /* The renamed asset, in the stored order it has now. */
  mamori_asset_list_set_search (list, NULL);
  mamori_asset_list_set_sort (list, MAMORI_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (mamori_asset_list_get_id (list, 0), ==, 1500);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/asset-list/filters-at-scale", test_filters_at_scale);
  g_test_add_func ("/asset-list/sort-and-follow", test_sort_and_follow);
  g_test_add_func ("/asset-list/sort-every-way", test_sort_every_way);

  return g_test_run ();
}
