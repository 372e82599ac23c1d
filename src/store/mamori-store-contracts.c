/* mamori-store-contracts.c — the contract register and its clause review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mamori-i18n.h"

#include "analysis/mamori-contract-rules.h"
#include "analysis/mamori-text.h"
#include "mamori-store-private.h"


typedef struct
{
  MamoriContract *contract;
  gboolean        insert;
} SaveRequest;

static gboolean
write_contract (MamoriStore  *self,
                gpointer      user_data,
                GError      **error)
{
  SaveRequest *request = user_data;
  MamoriContract *contract = request->contract;
  GArray *asset_ids = mamori_contract_get_asset_ids (contract);
  sqlite3_stmt *stmt;
  gint64 id;

  if (request->insert)
    stmt = mamori_store_prepare (self,
                                 "INSERT INTO contracts (title, counterparty, country, type, position, stage,"
                                 "    signed_on, expires_on, notes, created_at, updated_at)"
                                 "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, " MAMORI_STORE_NOW_SQL ", " MAMORI_STORE_NOW_SQL ")",
                                 error);
  else
    stmt = mamori_store_prepare (self,
                                 "UPDATE contracts SET title = ?1, counterparty = ?2, country = ?3, type = ?4,"
                                 "    position = ?5, stage = ?6, signed_on = ?7, expires_on = ?8, notes = ?9,"
                                 "    updated_at = " MAMORI_STORE_NOW_SQL
                                 "  WHERE id = ?10 AND deleted_at IS NULL",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, mamori_contract_get_title (contract), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mamori_contract_get_counterparty (contract), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mamori_contract_get_country (contract), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, mamori_contract_enum_to_nick (MAMORI_TYPE_CONTRACT_TYPE,
                                                            mamori_contract_get_contract_type (contract)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, mamori_contract_enum_to_nick (MAMORI_TYPE_CONTRACT_POSITION,
                                                            mamori_contract_get_position (contract)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, mamori_contract_enum_to_nick (MAMORI_TYPE_CONTRACT_STAGE,
                                                            mamori_contract_get_stage (contract)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, mamori_contract_get_signed_on (contract), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, mamori_contract_get_expires_on (contract), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, mamori_contract_get_notes (contract), -1, SQLITE_TRANSIENT);
  if (!request->insert)
    sqlite3_bind_int64 (stmt, 10, mamori_contract_get_id (contract));
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;

  if (request->insert)
    id = sqlite3_last_insert_rowid (mamori_store_get_db (self));
  else if (sqlite3_changes (mamori_store_get_db (self)) == 0)
    {
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED,
                   "%s", _("The contract is no longer in the register: it was deleted. Nothing was saved."));
      return FALSE;
    }
  else
    id = mamori_contract_get_id (contract);

  /* The disclosed assets and the review are written whole each time: a
   * contract has a handful of each. Links to assets in the bin are not the
   * editor's to drop (it does not see them): they come back with Undo. */
  stmt = mamori_store_prepare (self,
                               "DELETE FROM contract_assets WHERE contract_id = ?1"
                               "  AND asset_id IN (SELECT id FROM assets WHERE deleted_at IS NULL)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < asset_ids->len; i++)
    {
      stmt = mamori_store_prepare (self,
                                   "INSERT OR IGNORE INTO contract_assets (contract_id, asset_id)"
                                   "  SELECT ?1, id FROM assets WHERE id = ?2",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (asset_ids, gint64, i));
      if (!mamori_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    {
      const MamoriClauseReview *review = mamori_contract_get_review (contract, topic);

      /* A topic not reviewed is kept only for its note or passage. */
      if (review->status == MAMORI_CLAUSE_UNREVIEWED &&
          *review->note == '\0' && *review->article == '\0' && *review->passage == '\0')
        {
          stmt = mamori_store_prepare (self, "DELETE FROM contract_clauses WHERE contract_id = ?1 AND topic = ?2", error);
          if (stmt == NULL)
            return FALSE;
        }
      else
        {
          /* updated_at changes only when the verdict or its words do. */
          stmt = mamori_store_prepare (self,
                                       "INSERT INTO contract_clauses (contract_id, topic, status, note, article, passage, updated_at)"
                                       "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, " MAMORI_STORE_NOW_SQL ")"
                                       "  ON CONFLICT (contract_id, topic) DO UPDATE SET"
                                       "    status = excluded.status, note = excluded.note,"
                                       "    article = excluded.article, passage = excluded.passage,"
                                       "    updated_at = excluded.updated_at"
                                       "  WHERE (status, note, article, passage)"
                                       "     IS NOT (excluded.status, excluded.note, excluded.article, excluded.passage)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 3, mamori_contract_enum_to_nick (MAMORI_TYPE_CLAUSE_STATUS, review->status),
                             -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, review->note, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, review->article, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 6, review->passage, -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, mamori_contract_topic_get_id (topic), -1, SQLITE_STATIC);
      if (!mamori_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (request->insert)
    mamori_contract_set_id (contract, id);
  return TRUE;
}

/**
 * mamori_store_add_contract:
 *
 * Adds @contract to the register and sets its id.
 *
 * Returns: the new contract's id, or 0 on error
 */
gint64
mamori_store_add_contract (MamoriStore     *self,
                           MamoriContract  *contract,
                           GError         **error)
{
  SaveRequest request = { contract, TRUE };

  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);
  g_return_val_if_fail (MAMORI_IS_CONTRACT (contract), 0);

  if (!mamori_store_write (self, write_contract, &request, error))
    {
      mamori_contract_set_id (contract, 0);
      return 0;
    }

  mamori_store_emit_changed (self, MAMORI_CHANGE_CONTRACTS);
  return mamori_contract_get_id (contract);
}

gboolean
mamori_store_save_contract (MamoriStore     *self,
                            MamoriContract  *contract,
                            GError         **error)
{
  SaveRequest request = { contract, FALSE };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (MAMORI_IS_CONTRACT (contract), FALSE);
  g_return_val_if_fail (mamori_contract_get_id (contract) > 0, FALSE);

  if (!mamori_store_write (self, write_contract, &request, error))
    return FALSE;

  mamori_store_emit_changed (self, MAMORI_CHANGE_CONTRACTS);
  return TRUE;
}

static gboolean
read_details (MamoriStore     *self,
              MamoriContract  *contract,
              GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = mamori_store_prepare (self,
                               "SELECT ca.asset_id FROM contract_assets ca JOIN assets a ON a.id = ca.asset_id"
                               "  WHERE ca.contract_id = ?1 AND a.deleted_at IS NULL ORDER BY ca.asset_id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mamori_contract_get_id (contract));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;
  mamori_contract_set_asset_ids (contract, (const gint64 *) (gpointer) ids->data, ids->len);

  stmt = mamori_store_prepare (self,
                               "SELECT topic, status, note, article, passage FROM contract_clauses"
                               "  WHERE contract_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mamori_contract_get_id (contract));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *topic_id = mamori_store_column_text (stmt, 0);
      int status = mamori_contract_enum_from_nick (MAMORI_TYPE_CLAUSE_STATUS, mamori_store_column_text (stmt, 1));

      /* A topic this version does not know is left alone, not lost: it is
       * only rewritten when the reviewer decides on it. */
      for (guint topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
        if (strcmp (mamori_contract_topic_get_id (topic), topic_id) == 0 && status >= 0)
          mamori_contract_set_review (contract, topic, status, mamori_store_column_text (stmt, 2),
                                      mamori_store_column_text (stmt, 3), mamori_store_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;
  return TRUE;

failed:
  mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
  return FALSE;
}

#define CONTRACT_COLUMNS \
  "SELECT id, title, counterparty, country, type, position, stage, signed_on, expires_on, notes, updated_at" \
  "  FROM contracts WHERE deleted_at IS NULL"

static MamoriContract *
contract_from_row (sqlite3_stmt *stmt)
{
  MamoriContract *contract = mamori_contract_new ();
  int type = mamori_store_enum_from_nick (MAMORI_TYPE_CONTRACT_TYPE, mamori_store_column_text (stmt, 4), MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT);

  mamori_contract_set_id (contract, sqlite3_column_int64 (stmt, 0));
  mamori_contract_set_title (contract, mamori_store_column_text (stmt, 1));
  mamori_contract_set_counterparty (contract, mamori_store_column_text (stmt, 2));
  mamori_contract_set_country (contract, mamori_store_column_text (stmt, 3));
  mamori_contract_set_contract_type (contract, type);
  mamori_contract_set_position (contract, mamori_store_enum_from_nick (MAMORI_TYPE_CONTRACT_POSITION, mamori_store_column_text (stmt, 5),
                                                   mamori_contract_type_get_default_position (type)));
  mamori_contract_set_stage (contract, mamori_store_enum_from_nick (MAMORI_TYPE_CONTRACT_STAGE, mamori_store_column_text (stmt, 6),
                                                MAMORI_CONTRACT_STAGE_DRAFT));
  mamori_contract_set_signed_on (contract, mamori_store_column_text (stmt, 7));
  mamori_contract_set_expires_on (contract, mamori_store_column_text (stmt, 8));
  mamori_contract_set_notes (contract, mamori_store_column_text (stmt, 9));
  mamori_contract_set_updated (contract, mamori_store_column_text (stmt, 10));
  return contract;
}

/**
 * mamori_store_dup_contract:
 *
 * Returns: (transfer full) (nullable): the contract with its disclosed
 *   assets and clause review, or %NULL with MAMORI_STORE_ERROR_NOT_FOUND
 *   when it is not in the register
 */
MamoriContract *
mamori_store_dup_contract (MamoriStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(MamoriContract) contract = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, CONTRACT_COLUMNS " AND id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    contract = contract_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND,
                   "%s", _("The contract is no longer in the register: it was deleted."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return NULL;
    }
  if (!read_details (self, contract, error))
    return NULL;
  return g_steal_pointer (&contract);
}

/**
 * mamori_store_dup_contracts:
 *
 * Returns: (transfer full) (element-type MamoriContract): every contract in
 *   the register, oldest first, with assets and reviews
 */
GPtrArray *
mamori_store_dup_contracts (MamoriStore  *self,
                            GError      **error)
{
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, CONTRACT_COLUMNS " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contracts, contract_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return NULL;
    }
  for (guint i = 0; i < contracts->len; i++)
    if (!read_details (self, g_ptr_array_index (contracts, i), error))
      return NULL;
  return g_steal_pointer (&contracts);
}

typedef struct
{
  gint64      id;
  gboolean    deleted;
  const char *text;
} RowRequest;

static gboolean
write_deleted (MamoriStore  *self,
               gpointer      user_data,
               GError      **error)
{
  RowRequest *request = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               request->deleted
                               ? "UPDATE contracts SET deleted_at = " MAMORI_STORE_NOW_SQL " WHERE id = ?1 AND deleted_at IS NULL"
                               : "UPDATE contracts SET deleted_at = NULL WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->id);
  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_delete_contract:
 *
 * Takes the contract out of the register. Nothing is erased, and
 * mamori_store_restore_contract() brings it back with its review.
 */
gboolean
mamori_store_delete_contract (MamoriStore  *self,
                              gint64        id,
                              GError      **error)
{
  RowRequest request = { id, TRUE, NULL };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);

  if (!mamori_store_write (self, write_deleted, &request, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_CONTRACTS);
  return TRUE;
}

gboolean
mamori_store_restore_contract (MamoriStore  *self,
                               gint64        id,
                               GError      **error)
{
  RowRequest request = { id, FALSE, NULL };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);

  if (!mamori_store_write (self, write_deleted, &request, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_CONTRACTS);
  return TRUE;
}

/**
 * mamori_store_dup_contract_text:
 *
 * Returns: (transfer full): the contract text last analysed, "" if none
 */
char *
mamori_store_dup_contract_text (MamoriStore  *self,
                                gint64        id,
                                GError      **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, "SELECT text FROM contracts WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup (mamori_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return g_strdup ("");
  if (rc != SQLITE_ROW)
    mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
  return text;
}

static gboolean
write_text (MamoriStore  *self,
            gpointer      user_data,
            GError      **error)
{
  RowRequest *request = user_data;
  sqlite3_stmt *stmt;

  g_autoptr(MamoriContractScan) scan = mamori_contract_scan (request->text, -1, FALSE);

  stmt = mamori_store_prepare (self, "UPDATE contracts SET text = ?2, scan_flags = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->id);
  sqlite3_bind_text (stmt, 2, request->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, mamori_contract_scan_get_flags (scan));
  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_save_contract_text:
 *
 * Keeps the text the reviewer analysed, to show it again, with the risk
 * flags found in it (mamori_store_dup_contract_flags()). It is not part of
 * the clause review; #MamoriStore::changed is emitted with "contract-text".
 */
gboolean
mamori_store_save_contract_text (MamoriStore  *self,
                                 gint64        id,
                                 const char   *text,
                                 GError      **error)
{
  RowRequest request = { id, FALSE, text };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!mamori_store_write (self, write_text, &request, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_CONTRACT_TEXT);
  return TRUE;
}

static void
add_flags (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  GHashTable *flags = user_data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  guint found;

  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    found = (guint) sqlite3_column_int (stmt, 1);
  else
    {
      /* Kept before flags were: scanned now, not written back (a read). */
      g_autoptr(MamoriContractScan) scan = mamori_contract_scan (mamori_store_column_text (stmt, 2), -1, FALSE);

      found = mamori_contract_scan_get_flags (scan);
    }
  if (found != 0)
    g_hash_table_insert (flags, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (found));
}

/**
 * mamori_store_dup_contract_flags:
 *
 * The risk flags found in the kept text of each contract not deleted
 * (#MamoriContractFlags, scanned without knowing the counterparty's
 * country, so without %MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL's country
 * rule). Contracts whose text raised no flag are left out.
 *
 * Returns: (transfer full): contract id (gint64 *) → flags
 */
GHashTable *
mamori_store_dup_contract_flags (MamoriStore  *self,
                                 GError      **error)
{
  g_autoptr(GHashTable) flags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT id, scan_flags, CASE WHEN scan_flags IS NULL THEN text ELSE '' END"
                               "  FROM contracts WHERE deleted_at IS NULL AND (scan_flags IS NULL AND text <> '' OR scan_flags <> 0)",
                               error);
  if (stmt == NULL || !mamori_store_read_rows (self, stmt, add_flags, flags, error))
    return NULL;
  return g_steal_pointer (&flags);
}

void
mamori_asset_summary_free (MamoriAssetSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->name);
  g_free (summary);
}

GPtrArray *
mamori_store_dup_asset_summaries (MamoriStore  *self,
                                  GArray       *ids,
                                  const char   *query,
                                  guint         limit,
                                  GError      **error)
{
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_summary_free);
  g_autofree char *needle = NULL;
  sqlite3_stmt *stmt;
  guint n = ids != NULL ? ids->len : 1;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  if (ids == NULL)
    needle = mamori_text_normalize_for_search (query != NULL ? query : "");

  for (guint i = 0; i < n; i++)
    {
      int rc;

      if (ids != NULL)
        stmt = mamori_store_prepare (self,
                                     "SELECT id, name, coalesce(class_override, class_auto) FROM assets"
                                     "  WHERE id = ?1 AND deleted_at IS NULL",
                                     error);
      else
        stmt = mamori_store_prepare (self,
                                     "SELECT id, name, coalesce(class_override, class_auto) FROM assets"
                                     "  WHERE deleted_at IS NULL AND instr(search_text, ?1) > 0"
                                     "  ORDER BY name, id LIMIT ?2",
                                     error);
      if (stmt == NULL)
        return NULL;
      if (ids != NULL)
        sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      else
        {
          sqlite3_bind_text (stmt, 1, needle, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, limit);
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          MamoriAssetSummary *summary = g_new0 (MamoriAssetSummary, 1);

          summary->id = sqlite3_column_int64 (stmt, 0);
          summary->name = g_strdup (mamori_store_column_text (stmt, 1));
          summary->class_level = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                                 ? MAMORI_CLASS_NONE : sqlite3_column_int (stmt, 2);
          g_ptr_array_add (summaries, summary);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
          return NULL;
        }
    }
  return g_steal_pointer (&summaries);
}

/**
 * mamori_store_check_contract:
 * @catalog: where Group A is read from
 * @today: (nullable): "YYYY-MM-DD", %NULL for the current date
 *
 * The contract's cross-checks, with the assets it discloses as the
 * register has them now (class and name).
 *
 * Returns: (transfer full) (element-type MamoriContractWarning): the
 *   warnings; empty when there are none, %NULL on error
 */
GPtrArray *
mamori_store_check_contract (MamoriStore     *self,
                             MamoriContract  *contract,
                             MamoriCatalog   *catalog,
                             const char      *today,
                             GError         **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree int *classes = NULL;
  g_autofree const char **names = NULL;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);
  g_return_val_if_fail (MAMORI_IS_CONTRACT (contract), NULL);
  g_return_val_if_fail (catalog != NULL, NULL);

  summaries = mamori_store_dup_asset_summaries (self, mamori_contract_get_asset_ids (contract), NULL, 0, error);
  if (summaries == NULL)
    return NULL;
  classes = g_new0 (int, summaries->len + 1);
  names = g_new0 (const char *, summaries->len + 1);
  for (guint i = 0; i < summaries->len; i++)
    {
      MamoriAssetSummary *summary = g_ptr_array_index (summaries, i);

      classes[i] = summary->class_level;
      names[i] = summary->name;
    }
  return mamori_contract_rules_check (contract, classes, names, summaries->len,
                                      mamori_contract_rules_country_outside_group_a (catalog,
                                                                                     mamori_contract_get_country (contract)),
                                      today);
}
