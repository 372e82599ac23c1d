/* test-contracts.c — the contract register and its clause review, saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "analysis/mamori-contract-rules.h"
#include "store/mamori-store.h"
#include "store/mamori-store-private.h"
#include "test-utils.h"

static gint64
add_asset (MamoriStore *store,
           const char  *name,
           int          rating)
{
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mamori_asset_set_name (asset, name);
  for (int v = 0; v < MAMORI_N_VIEWPOINTS; v++)
    mamori_asset_set_rating (asset, v, rating);
  id = mamori_store_add_asset (store, asset, &error);
  g_assert_no_error (error);
  return id;
}

static void
count_changed (MamoriStore  *store,
               MamoriChange  what,
               guint        *count)
{
  (*count)++;
}

/* Everything a reviewer enters comes back after the workspace is closed
 * and opened again. */
static void
test_persistence (void)
{
  g_autofree char *path = mamori_test_workspace_path ("contracts.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  gint64 ids[2], id;
  guint changed = 0;

  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    ids[0] = add_asset (store, "金型図面", 3);
    ids[1] = add_asset (store, "顧客名簿", 1);
    g_signal_connect (store, "changed", G_CALLBACK (count_changed), &changed);

    mamori_contract_set_title (contract, "共同開発契約（センサー）");
    mamori_contract_set_counterparty (contract, "Example Tech Co., Ltd.");
    mamori_contract_set_country (contract, "中国");
    mamori_contract_set_contract_type (contract, MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT);
    mamori_contract_set_position (contract, MAMORI_CONTRACT_POSITION_PROVIDER);
    mamori_contract_set_stage (contract, MAMORI_CONTRACT_STAGE_NEGOTIATING);
    mamori_contract_set_signed_on (contract, "2026-04-01");
    mamori_contract_set_expires_on (contract, "2029-03-31");
    mamori_contract_set_notes (contract, "先方案に対するレビュー");
    mamori_contract_set_asset_ids (contract, (gint64[]) { ids[1], ids[0], ids[1] }, 3);
    mamori_contract_set_review (contract, MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP, MAMORI_CLAUSE_CHANGE,
                                "成果は当社単独帰属とするよう修正を求める", "第9条", "成果は甲乙の共有とする。");
    mamori_contract_set_review (contract, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_MISSING, "", NULL, NULL);
    id = mamori_store_add_contract (store, contract, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    g_assert_cmpint (mamori_contract_get_id (contract), ==, id);
    g_assert_cmpuint (changed, ==, 1);
    g_assert_true (mamori_store_save_contract_text (store, id, "第1条　本契約は…", &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
    g_autoptr(MamoriContract) back = NULL;
    g_autoptr(GPtrArray) all = NULL;
    g_autofree char *text = NULL;
    const MamoriClauseReview *review;
    GArray *assets;

    g_assert_no_error (error);
    back = mamori_store_dup_contract (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (mamori_contract_get_title (back), ==, "共同開発契約（センサー）");
    g_assert_cmpstr (mamori_contract_get_counterparty (back), ==, "Example Tech Co., Ltd.");
    g_assert_cmpstr (mamori_contract_get_country (back), ==, "中国");
    g_assert_cmpint (mamori_contract_get_contract_type (back), ==, MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT);
    g_assert_cmpint (mamori_contract_get_position (back), ==, MAMORI_CONTRACT_POSITION_PROVIDER);
    g_assert_cmpint (mamori_contract_get_stage (back), ==, MAMORI_CONTRACT_STAGE_NEGOTIATING);
    g_assert_cmpstr (mamori_contract_get_signed_on (back), ==, "2026-04-01");
    g_assert_cmpstr (mamori_contract_get_expires_on (back), ==, "2029-03-31");
    g_assert_cmpstr (mamori_contract_get_notes (back), ==, "先方案に対するレビュー");

    /* Each asset once, in id order. */
    assets = mamori_contract_get_asset_ids (back);
    g_assert_cmpuint (assets->len, ==, 2);
    g_assert_cmpint (g_array_index (assets, gint64, 0), ==, MIN (ids[0], ids[1]));
    g_assert_cmpint (g_array_index (assets, gint64, 1), ==, MAX (ids[0], ids[1]));

    review = mamori_contract_get_review (back, MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP);
    g_assert_cmpint (review->status, ==, MAMORI_CLAUSE_CHANGE);
    g_assert_cmpstr (review->note, ==, "成果は当社単独帰属とするよう修正を求める");
    g_assert_cmpstr (review->article, ==, "第9条");
    g_assert_cmpstr (review->passage, ==, "成果は甲乙の共有とする。");
    g_assert_cmpint (mamori_contract_get_review (back, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL)->status, ==, MAMORI_CLAUSE_MISSING);
    g_assert_cmpint (mamori_contract_get_review (back, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)->status, ==, MAMORI_CLAUSE_UNREVIEWED);

    text = mamori_store_dup_contract_text (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, "第1条　本契約は…");

    /* A verdict taken back is gone, not kept as "unreviewed"; a note
     * without a verdict is kept. */
    mamori_contract_set_review (back, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_UNREVIEWED, NULL, NULL, NULL);
    mamori_contract_set_review (back, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW, MAMORI_CLAUSE_UNREVIEWED, "法務部に確認中", NULL, NULL);
    mamori_contract_set_stage (back, MAMORI_CONTRACT_STAGE_SIGNED);
    g_assert_true (mamori_store_save_contract (store, back, &error));
    g_assert_no_error (error);

    all = mamori_store_dup_contracts (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 1);
    g_assert_cmpint (mamori_contract_get_stage (g_ptr_array_index (all, 0)), ==, MAMORI_CONTRACT_STAGE_SIGNED);
    g_assert_cmpint (mamori_contract_get_review (g_ptr_array_index (all, 0), MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL)->status,
                     ==, MAMORI_CLAUSE_UNREVIEWED);
    g_assert_cmpstr (mamori_contract_get_review (g_ptr_array_index (all, 0), MAMORI_CONTRACT_TOPIC_GOVERNING_LAW)->note,
                     ==, "法務部に確認中");
  }
  g_assert_cmpint (mamori_test_query_int (path, "SELECT count(*) FROM contract_clauses"), ==, 2);
  g_assert_cmpuint (mamori_test_file_mode (path), ==, 0600);
}

/* Deleting keeps the review for Undo; a deleted asset drops out of the
 * contract's list until it is restored. */
static void
test_delete_and_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_new_memory (&error);
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  g_autoptr(MamoriContract) back = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) doomed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 asset, id;

  g_assert_no_error (error);
  asset = add_asset (store, "配合表", 3);
  mamori_contract_set_title (contract, "秘密保持契約");
  mamori_contract_set_contract_type (contract, MAMORI_CONTRACT_TYPE_NDA);
  mamori_contract_set_asset_ids (contract, &asset, 1);
  mamori_contract_set_review (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_OK, "第2条で定義", NULL, NULL);
  id = mamori_store_add_contract (store, contract, &error);
  g_assert_no_error (error);

  g_assert_true (mamori_store_delete_contract (store, id, &error));
  all = mamori_store_dup_contracts (store, &error);
  g_assert_cmpuint (all->len, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);
  g_assert_null (mamori_store_dup_contract (store, id, &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving a contract deleted meanwhile says so and changes nothing. */
  mamori_contract_set_title (contract, "別の題名");
  g_assert_false (mamori_store_save_contract (store, contract, &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (mamori_store_restore_contract (store, id, &error));
  back = mamori_store_dup_contract (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mamori_contract_get_title (back), ==, "秘密保持契約");
  g_assert_cmpint (mamori_contract_get_review (back, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)->status, ==, MAMORI_CLAUSE_OK);
  g_assert_cmpuint (mamori_contract_get_asset_ids (back)->len, ==, 1);
  g_clear_object (&back);

  g_array_append_val (doomed, asset);
  g_assert_true (mamori_store_delete_assets (store, doomed, &error));
  back = mamori_store_dup_contract (store, id, &error);
  g_assert_cmpuint (mamori_contract_get_asset_ids (back)->len, ==, 0);
  /* Saved while the asset is in the bin: the link waits for its Undo. */
  mamori_contract_set_notes (back, "資産削除後の編集");
  g_assert_true (mamori_store_save_contract (store, back, &error));
  g_clear_object (&back);
  g_assert_true (mamori_store_restore_assets (store, doomed, &error));
  back = mamori_store_dup_contract (store, id, &error);
  g_assert_cmpuint (mamori_contract_get_asset_ids (back)->len, ==, 1);
}

static void
test_asset_summaries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_new_memory (&error);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 drawing, list;
  MamoriAssetSummary *summary;

  drawing = add_asset (store, "金型図面", 3);
  list = add_asset (store, "顧客名簿", 0);
  add_asset (store, "金型の保守記録", 1);
  add_asset (store, "CADデータ", 2);

  /* Found as typed: width and case do not matter. */
  found = mamori_store_dup_asset_summaries (store, NULL, "ｃａｄ", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = mamori_store_dup_asset_summaries (store, NULL, "金型", 10, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = mamori_store_dup_asset_summaries (store, NULL, "", 2, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  g_array_append_val (ids, list);
  g_array_append_val (ids, drawing);
  found = mamori_store_dup_asset_summaries (store, ids, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  summary = g_ptr_array_index (found, 0);
  g_assert_cmpstr (summary->name, ==, "顧客名簿");
  summary = g_ptr_array_index (found, 1);
  g_assert_cmpstr (summary->name, ==, "金型図面");
  g_assert_cmpint (summary->class_level, ==, 3);
}

/* A workspace written by this version keeps unknown enum words from a
 * later one readable: they fall back to the defaults instead of failing. */
static void
test_unknown_words (void)
{
  g_autofree char *path = mamori_test_workspace_path ("later.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriContract) back = NULL;

  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
    g_autoptr(MamoriContract) contract = mamori_contract_new ();

    g_assert_no_error (error);
    mamori_contract_set_title (contract, "販売代理店契約");
    mamori_store_add_contract (store, contract, &error);
    g_assert_no_error (error);
  }
  mamori_test_exec_sql (path, "UPDATE contracts SET type = 'franchise', stage = 'archived';"
                              "INSERT INTO contract_clauses VALUES (1, 'data_protection', 'ok', '', '', '', '2026-01-01');");
  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    back = mamori_store_dup_contract (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (mamori_contract_get_contract_type (back), ==, MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT);
    g_assert_cmpint (mamori_contract_get_stage (back), ==, MAMORI_CONTRACT_STAGE_DRAFT);
    g_assert_true (mamori_store_save_contract (store, back, &error));
    g_assert_no_error (error);
  }
  /* The unknown topic's verdict is still there. */
  g_assert_cmpint (mamori_test_query_int (path, "SELECT count(*) FROM contract_clauses WHERE topic = 'data_protection'"), ==, 1);
}

/* The cross-checks see the register as it is now: an asset deleted is no
 * longer disclosed, a class raised counts at once. */
static void
test_check_in_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_new_memory (&error);
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_default ();
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GArray) doomed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 asset;

  asset = add_asset (store, "配合表", 3);
  mamori_contract_set_country (contract, "中国");
  mamori_contract_set_asset_ids (contract, &asset, 1);
  mamori_store_add_contract (store, contract, &error);
  g_assert_no_error (error);

  warnings = mamori_store_check_contract (store, contract, catalog, "2026-11-26", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpint (((MamoriContractWarning *) g_ptr_array_index (warnings, 0))->kind, ==,
                   MAMORI_CONTRACT_WARNING_SECRET_ASSET_UNPROTECTED);
  g_assert_nonnull (strstr (((MamoriContractWarning *) g_ptr_array_index (warnings, 0))->message, "配合表"));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  g_array_append_val (doomed, asset);
  g_assert_true (mamori_store_delete_assets (store, doomed, &error));
  warnings = mamori_store_check_contract (store, contract, catalog, "2026-11-26", &error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpint (((MamoriContractWarning *) g_ptr_array_index (warnings, 0))->kind, ==,
                   MAMORI_CONTRACT_WARNING_NO_EXPORT_CONTROL);
}

/* A workspace of schema 5 keeps its clause review through the upgrade that
 * lets a topic not reviewed yet keep a note. */
static void
test_upgrade_from_5 (void)
{
  g_autofree char *path = mamori_test_workspace_path ("v5.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriContract) back = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");

  for (guint i = 0; i < 5; i++)
    g_string_append (sql, mamori_store_migrations[i]);
  g_string_append_printf (sql, "PRAGMA application_id = %d; PRAGMA user_version = 5;", MAMORI_STORE_APPLICATION_ID);
  g_string_append (sql, "INSERT INTO contracts (title, created_at, updated_at) VALUES ('技術供与契約', 'x', 'x');"
                        "INSERT INTO contract_clauses VALUES (1, 'export_control', 'missing', '追加を依頼', '', '', 'x');"
                        "COMMIT;");
  mamori_test_exec_sql (path, sql->str);

  store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  back = mamori_store_dup_contract (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_contract_get_review (back, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL)->status, ==, MAMORI_CLAUSE_MISSING);
  g_assert_cmpstr (mamori_contract_get_review (back, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL)->note, ==, "追加を依頼");
  mamori_contract_set_review (back, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_UNREVIEWED, "追加を依頼", NULL, NULL);
  g_assert_true (mamori_store_save_contract (store, back, &error));
  g_assert_no_error (error);
}

static void
test_model (void)
{
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  g_autoptr(MamoriContract) copy = NULL;

  /* A type keeps only positions it has. */
  mamori_contract_set_contract_type (contract, MAMORI_CONTRACT_TYPE_NDA);
  mamori_contract_set_position (contract, MAMORI_CONTRACT_POSITION_RECEIVER);
  mamori_contract_set_contract_type (contract, MAMORI_CONTRACT_TYPE_LICENSE_OUT);
  g_assert_cmpint (mamori_contract_get_position (contract), ==, MAMORI_CONTRACT_POSITION_PROVIDER);
  mamori_contract_set_position (contract, MAMORI_CONTRACT_POSITION_RECEIVER);
  g_assert_cmpint (mamori_contract_get_position (contract), ==, MAMORI_CONTRACT_POSITION_PROVIDER);
  g_assert_nonnull (mamori_contract_position_get_label (MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_POSITION_MUTUAL));
  g_assert_null (mamori_contract_position_get_label (MAMORI_CONTRACT_TYPE_LICENSE_IN, MAMORI_CONTRACT_POSITION_PROVIDER));

  /* Expired: ended, or past the expiry date. */
  g_assert_false (mamori_contract_is_expired (contract, "2026-11-26"));
  mamori_contract_set_expires_on (contract, "2026-11-25");
  g_assert_true (mamori_contract_is_expired (contract, "2026-11-26"));
  g_assert_false (mamori_contract_is_expired (contract, "2026-11-25"));
  mamori_contract_set_expires_on (contract, "");
  mamori_contract_set_stage (contract, MAMORI_CONTRACT_STAGE_ENDED);
  g_assert_true (mamori_contract_is_expired (contract, "2026-11-26"));

  mamori_contract_set_review (contract, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW, MAMORI_CLAUSE_OK, "日本法", "第20条", "");
  copy = mamori_contract_copy (contract);
  g_assert_cmpstr (mamori_contract_get_review (copy, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW)->note, ==, "日本法");
  g_assert_cmpint (mamori_contract_get_stage (copy), ==, MAMORI_CONTRACT_STAGE_ENDED);
  g_assert_cmpint (mamori_contract_enum_from_nick (MAMORI_TYPE_CONTRACT_TYPE, "joint-venture"), ==,
                   MAMORI_CONTRACT_TYPE_JOINT_VENTURE);
  g_assert_cmpint (mamori_contract_enum_from_nick (MAMORI_TYPE_CONTRACT_TYPE, "franchise"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/contracts/model", test_model);
  g_test_add_func ("/contracts/persistence", test_persistence);
  g_test_add_func ("/contracts/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/contracts/asset-summaries", test_asset_summaries);
  g_test_add_func ("/contracts/unknown-words", test_unknown_words);
  g_test_add_func ("/contracts/check-in-store", test_check_in_store);
  g_test_add_func ("/contracts/upgrade-from-5", test_upgrade_from_5);

  return g_test_run ();
}
