/* test-assets.c — the asset register in the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "catalog/mamori-measures.h"
#include "model/mamori-asset-list.h"
#include "store/mamori-store-private.h"
#include "test-utils.h"

static MamoriStore *
new_workspace (const char *name)
{
  g_autofree char *path = mamori_test_workspace_path (name);
  g_autoptr(GError) error = NULL;
  MamoriStore *store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static MamoriAsset *
new_asset (const char *name,
           int         value,
           int         competition,
           int         trust)
{
  MamoriAsset *asset = mamori_asset_new ();

  g_object_set (asset,
                "name", name,
                "category", MAMORI_ASSET_CATEGORY_MANUFACTURING,
                "form", MAMORI_ASSET_FORM_ELECTRONIC,
                "storage", "設計サーバー／図面フォルダ",
                "department", "技術部",
                "responsible", "山田",
                "access", "設計課のみ",
                "rating-value", value,
                "rating-competition", competition,
                "rating-trust", trust,
                NULL);
  return asset;
}

static void
test_add_and_read (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("assets.mamori");
  g_autoptr(MamoriAsset) asset = new_asset ("製品図面 A-100", 2, 3, 1);
  g_autoptr(MamoriAsset) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (asset, "entrusted", TRUE, "notes", "顧客からの預託図面を含む", "strategy", MAMORI_STRATEGY_SECRET, NULL);
  id = mamori_store_add_asset (store, asset, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (mamori_asset_get_id (asset), ==, id);

  /* The store worked out the class and the dates, on the object too. */
  g_assert_cmpint (mamori_asset_get_class_auto (asset), ==, 3);
  g_assert_cmpint (mamori_asset_get_class (asset), ==, 3);
  g_assert_cmpstr (mamori_asset_get_created (asset), !=, "");
  g_assert_cmpuint (mamori_store_count_assets (store), ==, 1);

  loaded = mamori_store_dup_asset (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mamori_asset_get_name (loaded), ==, "製品図面 A-100");
  g_assert_cmpint (mamori_asset_get_category (loaded), ==, MAMORI_ASSET_CATEGORY_MANUFACTURING);
  g_assert_cmpint (mamori_asset_get_form (loaded), ==, MAMORI_ASSET_FORM_ELECTRONIC);
  g_assert_cmpstr (mamori_asset_get_storage (loaded), ==, "設計サーバー／図面フォルダ");
  g_assert_true (mamori_asset_get_entrusted (loaded));
  g_assert_cmpint (mamori_asset_get_strategy (loaded), ==, MAMORI_STRATEGY_SECRET);
  g_assert_cmpint (mamori_asset_get_class (loaded), ==, 3);
  g_assert_cmpstr (mamori_asset_get_notes (loaded), ==, "顧客からの預託図面を含む");

  g_assert_null (mamori_store_dup_asset (store, id + 100, &error));
  g_assert_no_error (error);
}

static void
test_save_and_override (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("override.mamori");
  g_autoptr(MamoriAsset) asset = new_asset ("価格表", 1, 1, 0);
  g_autoptr(MamoriAsset) loaded = NULL;
  g_autoptr(GError) error = NULL;

  mamori_store_add_asset (store, asset, &error);
  g_assert_cmpint (mamori_asset_get_class (asset), ==, 1);

  /* Re-rated: the class follows. */
  mamori_asset_set_rating (asset, MAMORI_VIEWPOINT_COMPETITION, MAMORI_RATING_MEDIUM);
  g_assert_true (mamori_store_save_asset (store, asset, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mamori_asset_get_class_auto (asset), ==, 2);

  /* Set by hand, with its reason kept; the worked-out class stays known. */
  g_object_set (asset, "class-override", 3, "override-reason", "取引先との契約で極秘指定", NULL);
  g_assert_true (mamori_store_save_asset (store, asset, &error));
  loaded = mamori_store_dup_asset (store, mamori_asset_get_id (asset), &error);
  g_assert_cmpint (mamori_asset_get_class (loaded), ==, 3);
  g_assert_cmpint (mamori_asset_get_class_auto (loaded), ==, 2);
  g_assert_cmpstr (mamori_asset_get_override_reason (loaded), ==, "取引先との契約で極秘指定");
}

static gboolean
route_uncovered (MamoriAsset *asset,
                 MamoriRoute  route)
{
  return (mamori_asset_get_uncovered (asset) & MAMORI_ROUTE_BIT (route)) != 0;
}

static void
test_uncovered_routes (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("routes.mamori");
  g_autoptr(MamoriAsset) asset = new_asset ("試作データ", 3, 3, 3);
  g_autoptr(MamoriAsset) public_asset = new_asset ("製品カタログ", 0, 0, 0);
  g_autoptr(MamoriAsset) unrated = mamori_asset_new ();
  g_autoptr(GHashTable) adopted = NULL;
  g_autoptr(GError) error = NULL;

  mamori_store_add_asset (store, asset, &error);
  mamori_store_add_asset (store, public_asset, &error);
  mamori_store_add_asset (store, unrated, &error);
  g_assert_no_error (error);

  /* 極秘 with nothing adopted: all four routes uncovered. Public
   * information calls for nothing; an unrated asset for nothing yet. */
  g_assert_cmpuint (mamori_asset_get_uncovered (asset), ==, MAMORI_ALL_ROUTES);
  g_assert_cmpuint (mamori_asset_get_uncovered (public_asset), ==, 0);
  g_assert_cmpuint (mamori_asset_get_uncovered (unrated), ==, 0);

  /* One measure on a route covers it. */
  g_assert_true (mamori_store_set_measure_adopted (store, asset, "employees-pledges", TRUE, &error));
  g_assert_false (route_uncovered (asset, MAMORI_ROUTE_EMPLOYEES));
  g_assert_true (route_uncovered (asset, MAMORI_ROUTE_PARTNERS));
  g_assert_true (mamori_store_set_measure_adopted (store, asset, "partners-nda", TRUE, &error));
  g_assert_true (mamori_store_set_measure_adopted (store, asset, "retirees-exit-pledge", TRUE, &error));
  g_assert_true (mamori_store_set_measure_adopted (store, asset, "outsiders-signs", TRUE, &error));
  g_assert_cmpuint (mamori_asset_get_uncovered (asset), ==, 0);

  adopted = mamori_store_dup_adopted_measures (store, mamori_asset_get_id (asset), &error);
  g_assert_cmpuint (g_hash_table_size (adopted), ==, 4);
  g_assert_true (g_hash_table_contains (adopted, "partners-nda"));

  /* Taking one back uncovers its route again. */
  g_assert_true (mamori_store_set_measure_adopted (store, asset, "partners-nda", FALSE, &error));
  g_assert_cmpuint (mamori_asset_get_uncovered (asset), ==, MAMORI_ROUTE_BIT (MAMORI_ROUTE_PARTNERS));
}

static void
test_scheme_reevaluates (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("scheme.mamori");
  g_autoptr(MamoriAsset) high = new_asset ("設計ノウハウ", 3, 0, 0);
  g_autoptr(MamoriAsset) reloaded = NULL;
  g_autoptr(MamoriClassScheme) scheme = NULL;
  g_autoptr(MamoriClassScheme) stored = NULL;
  g_autoptr(GError) error = NULL;

  mamori_store_add_asset (store, high, &error);
  g_assert_cmpint (mamori_asset_get_class (high), ==, 3);

  /* A single high rating no longer makes 極秘: every asset is re-evaluated
   * at once, and its uncovered routes follow its new class. */
  scheme = mamori_store_dup_class_scheme (store);
  scheme->peak[3] = MAMORI_PEAK_NEVER;
  mamori_class_scheme_set_name (scheme, 2, "部外秘");
  g_assert_true (mamori_store_set_class_scheme (store, scheme, &error));
  g_assert_no_error (error);

  reloaded = mamori_store_dup_asset (store, mamori_asset_get_id (high), &error);
  g_assert_cmpint (mamori_asset_get_class (reloaded), ==, 2);
  stored = mamori_store_dup_class_scheme (store);
  g_assert_true (mamori_class_scheme_equal (stored, scheme));
  g_assert_cmpstr (mamori_class_scheme_get_name (stored, 2), ==, "部外秘");

  /* An invalid scheme is refused whole. */
  scheme->peak[1] = 3;
  scheme->peak[2] = 2;
  g_assert_false (mamori_store_set_class_scheme (store, scheme, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&stored, mamori_class_scheme_free);
  stored = mamori_store_dup_class_scheme (store);
  g_assert_cmpint (stored->peak[1], ==, 1);
}

typedef struct
{
  GArray    *ids;
  GPtrArray *texts;
} Rows;

static void
collect_row (const MamoriAssetRow *row,
             gpointer              user_data)
{
  Rows *rows = user_data;

  g_array_append_val (rows->ids, row->id);
  g_ptr_array_add (rows->texts, g_strdup (row->search_text));
}

static void
test_delete_restore_duplicate (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("delete.mamori");
  g_autoptr(MamoriAsset) a = new_asset ("A 顧客リスト", 1, 1, 2);
  g_autoptr(MamoriAsset) b = new_asset ("B 価格表", 1, 2, 0);
  g_autoptr(MamoriAsset) copy = NULL;
  g_autoptr(MamoriAssetList) list = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) adopted = NULL;
  g_autoptr(GError) error = NULL;
  Rows rows = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_ptr_array_new_with_free_func (g_free) };
  gint64 id_a, id_b, id_copy;

  id_a = mamori_store_add_asset (store, a, &error);
  id_b = mamori_store_add_asset (store, b, &error);
  /* Every measure adopted: no route left uncovered. */
  for (guint i = 0; i < mamori_measure_catalog_get_n_measures (mamori_measure_catalog_get_default ()); i++)
    g_assert_true (mamori_store_set_measure_adopted (store, a,
                                                     mamori_measure_catalog_get_measure (mamori_measure_catalog_get_default (), i)->id,
                                                     TRUE, &error));
  g_clear_object (&a);
  a = mamori_store_dup_asset (store, id_a, &error);
  g_assert_cmpuint (mamori_asset_get_uncovered (a), ==, 0);

  /* The copy and its measures arrive together: a list reading the
   * register when told of the copy already sees its routes covered. */
  list = mamori_asset_list_new (store);
  id_copy = mamori_store_duplicate_asset (store, id_a, &error);
  g_assert_no_error (error);
  copy = mamori_store_dup_asset (store, id_copy, &error);
  g_assert_cmpstr (mamori_asset_get_name (copy), ==, "A 顧客リスト (copy)");
  g_assert_cmpstr (mamori_asset_get_storage (copy), ==, "設計サーバー／図面フォルダ");
  adopted = mamori_store_dup_adopted_measures (store, id_copy, &error);
  g_assert_true (g_hash_table_contains (adopted, "employees-pledges"));
  g_assert_cmpuint (mamori_asset_get_uncovered (copy), ==, mamori_asset_get_uncovered (a));
  mamori_asset_list_set_uncovered_only (list, TRUE);
  g_assert_cmpuint (mamori_asset_list_find (list, id_copy), ==, G_MAXUINT);
  g_assert_cmpuint (mamori_asset_list_find (list, id_b), !=, G_MAXUINT);

  g_array_append_val (ids, id_a);
  g_array_append_val (ids, id_b);
  g_assert_true (mamori_store_delete_assets (store, ids, &error));
  g_assert_cmpuint (mamori_store_count_assets (store), ==, 1);
  g_assert_null (mamori_store_dup_asset (store, id_a, &error));

  /* Undo. */
  g_assert_true (mamori_store_restore_assets (store, ids, &error));
  g_assert_cmpuint (mamori_store_count_assets (store), ==, 3);

  /* Sorted by name, with normalized search text per row. */
  g_assert_true (mamori_store_foreach_asset_row (store, MAMORI_ASSET_SORT_NAME, FALSE, collect_row, &rows, &error));
  g_assert_cmpuint (rows.ids->len, ==, 3);
  g_assert_cmpint (g_array_index (rows.ids, gint64, 0), ==, id_a);
  g_assert_cmpint (g_array_index (rows.ids, gint64, 1), ==, id_copy);
  g_assert_cmpint (g_array_index (rows.ids, gint64, 2), ==, id_b);
  g_assert_nonnull (strstr (g_ptr_array_index (rows.texts, 2), "b 価格表"));
  g_assert_nonnull (strstr (g_ptr_array_index (rows.texts, 2), "設計サーバー/図面フォルダ"));

  g_array_set_size (rows.ids, 0);
  g_ptr_array_set_size (rows.texts, 0);
  g_assert_true (mamori_store_foreach_asset_row (store, MAMORI_ASSET_SORT_NAME, TRUE, collect_row, &rows, &error));
  g_assert_cmpint (g_array_index (rows.ids, gint64, 0), ==, id_b);

  g_array_unref (rows.ids);
  g_ptr_array_unref (rows.texts);
}

static int
exec_status (MamoriStore *store,
             const char  *sql)
{
  return sqlite3_exec (mamori_store_get_db (store), sql, NULL, NULL, NULL) & 0xff;
}

static void
test_ledger_append_only (void)
{
  g_autoptr(MamoriStore) store = new_workspace ("ledger.mamori");
  g_autoptr(MamoriAsset) asset = new_asset ("金型図面", 3, 3, 2);
  g_autoptr(MamoriAsset) other = new_asset ("別資産", 1, 1, 1);
  g_autoptr(MamoriLedgerEntry) entry = mamori_ledger_entry_new ();
  g_autoptr(MamoriLedgerEntry) correction = mamori_ledger_entry_new ();
  g_autoptr(MamoriLedgerEntry) bad = mamori_ledger_entry_new ();
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GError) error = NULL;
  MamoriLedgerEntry *first;
  gint64 first_id;

  mamori_store_add_asset (store, asset, &error);
  mamori_store_add_asset (store, other, &error);

  entry->asset_id = mamori_asset_get_id (asset);
  g_free (entry->date);
  entry->date = g_strdup ("2026-11-20");
  entry->kind = MAMORI_LEDGER_TAKE_OUT;
  g_free (entry->person);
  entry->person = g_strdup ("佐藤");
  g_free (entry->purpose);
  entry->purpose = g_strdup ("客先打合せ");
  first_id = mamori_store_add_ledger_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_id, >, 0);

  /* The database itself refuses to change or delete an entry. */
  g_assert_cmpint (exec_status (store, "UPDATE asset_ledger SET person = '鈴木'"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_status (store, "DELETE FROM asset_ledger"), ==, SQLITE_CONSTRAINT);

  /* A correction is a new entry that refers to the old one. */
  correction->asset_id = entry->asset_id;
  g_free (correction->date);
  correction->date = g_strdup ("2026-11-21");
  correction->kind = MAMORI_LEDGER_TAKE_OUT;
  g_free (correction->person);
  correction->person = g_strdup ("佐藤");
  correction->corrects = first_id;
  g_assert_cmpint (mamori_store_add_ledger_entry (store, correction, &error), >, first_id);

  /* Not for another asset's entry. */
  correction->asset_id = mamori_asset_get_id (other);
  g_assert_cmpint (mamori_store_add_ledger_entry (store, correction, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  ledger = mamori_store_dup_ledger (store, entry->asset_id, &error);
  g_assert_cmpuint (ledger->len, ==, 2);
  first = g_ptr_array_index (ledger, 0);
  g_assert_cmpstr (first->person, ==, "佐藤");
  g_assert_cmpstr (first->date, ==, "2026-11-20");
  g_assert_cmpint (first->corrected_by, ==, ((MamoriLedgerEntry *) g_ptr_array_index (ledger, 1))->id);

  /* Bad input gets a sentence and writes nothing. */
  bad->asset_id = entry->asset_id;
  g_free (bad->date);
  bad->date = g_strdup ("2026-02-30");
  g_free (bad->person);
  bad->person = g_strdup ("佐藤");
  g_assert_cmpint (mamori_store_add_ledger_entry (store, bad, &error), ==, 0);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (bad->date);
  bad->date = g_strdup ("2026-02-28");
  g_free (bad->person);
  bad->person = g_strdup ("　");
  g_assert_cmpint (mamori_store_add_ledger_entry (store, bad, &error), ==, 0);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
  g_clear_pointer (&ledger, g_ptr_array_unref);
  ledger = mamori_store_dup_ledger (store, entry->asset_id, NULL);
  g_assert_cmpuint (ledger->len, ==, 2);
}

/* The catalogue's "uncovered" is stored; a newer catalogue brings it up to
 * date when the workspace is opened. */
static void
test_catalog_version_refresh (void)
{
  g_autofree char *path = mamori_test_workspace_path ("catalog.mamori");
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriAsset) asset = new_asset ("試作品", 3, 3, 3);
  g_autoptr(MamoriAsset) loaded = NULL;
  g_autoptr(GError) error = NULL;

  store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  mamori_store_add_asset (store, asset, &error);
  g_clear_object (&store);

  /* As if an older catalogue had left a wrong value. */
  mamori_test_exec_sql (path, "UPDATE assets SET uncovered = 0; UPDATE settings SET value = 'old' WHERE key = 'measures.catalog-version';");

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = mamori_store_dup_asset (store, mamori_asset_get_id (asset), &error);
  g_assert_cmpuint (mamori_asset_get_uncovered (loaded), ==, MAMORI_ALL_ROUTES);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/assets/add-and-read", test_add_and_read);
  g_test_add_func ("/assets/save-and-override", test_save_and_override);
  g_test_add_func ("/assets/uncovered-routes", test_uncovered_routes);
  g_test_add_func ("/assets/scheme-reevaluates", test_scheme_reevaluates);
  g_test_add_func ("/assets/delete-restore-duplicate", test_delete_restore_duplicate);
  g_test_add_func ("/assets/ledger-append-only", test_ledger_append_only);
  g_test_add_func ("/assets/catalog-version-refresh", test_catalog_version_refresh);

  return g_test_run ();
}
