/* mamori-store-checklists.c — checklist progress, evidence, incidents and approaches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "mamori-store-private.h"

/* Checklist items ------------------------------------------------------------ */

static void
add_state (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  GHashTable *states = user_data;
  MamoriItemState *state = mamori_item_state_new (mamori_store_column_text (stmt, 0));

  state->status = mamori_store_enum_from_nick (MAMORI_TYPE_ITEM_STATUS, mamori_store_column_text (stmt, 1), MAMORI_ITEM_NOT_STARTED);
  g_free (state->owner);
  state->owner = g_strdup (mamori_store_column_text (stmt, 2));
  g_free (state->due_on);
  state->due_on = g_strdup (mamori_store_column_text (stmt, 3));
  g_free (state->note);
  state->note = g_strdup (mamori_store_column_text (stmt, 4));
  g_free (state->updated);
  state->updated = g_strdup (mamori_store_column_text (stmt, 5));
  g_hash_table_replace (states, state->item_id, state);
}

/**
 * mamori_store_dup_item_states:
 *
 * Returns: (transfer full) (element-type utf8 MamoriItemState): the state of
 *   every item ever touched, by item id; an item not in it was never started
 */
GHashTable *
mamori_store_dup_item_states (MamoriStore  *self,
                              GError      **error)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) mamori_item_state_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, "SELECT item_id, status, owner, due_on, note, updated_at FROM checklist_items", error);
  if (stmt == NULL || !mamori_store_read_rows (self, stmt, add_state, states, error))
    return NULL;
  return g_steal_pointer (&states);
}

static gboolean
write_state (MamoriStore  *self,
             gpointer      user_data,
             GError      **error)
{
  MamoriItemState *state = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO checklist_items (item_id, status, owner, due_on, note, updated_at)"
                               "  VALUES (?1, ?2, ?3, ?4, ?5, " MAMORI_STORE_NOW_SQL ")"
                               "  ON CONFLICT (item_id) DO UPDATE SET status = excluded.status, owner = excluded.owner,"
                               "    due_on = excluded.due_on, note = excluded.note, updated_at = excluded.updated_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, state->item_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mamori_store_enum_to_nick (MAMORI_TYPE_ITEM_STATUS, state->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, state->owner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, state->due_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, state->note, -1, SQLITE_TRANSIENT);
  return mamori_store_step_done (self, stmt, error);
}

gboolean
mamori_store_save_item_state (MamoriStore      *self,
                              MamoriItemState  *state,
                              GError          **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (state != NULL && state->item_id != NULL, FALSE);
  g_return_val_if_fail (state->status < MAMORI_N_ITEM_STATUSES, FALSE);

  if (!mamori_store_write (self, write_state, state, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_CHECKLISTS);
  return TRUE;
}

/* Evidence ------------------------------------------------------------------- */

typedef struct
{
  const char *owner_kind;
  const char *owner_key;
  const char *path;
  const char *sha256;
  gint64      size;
  gint64      id;
} EvidenceRequest;

static gboolean
write_evidence (MamoriStore  *self,
                gpointer      user_data,
                GError      **error)
{
  EvidenceRequest *request = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO evidence (owner_kind, owner_key, path, sha256, size, attached_at)"
                               "  VALUES (?1, ?2, ?3, ?4, ?5, " MAMORI_STORE_NOW_SQL ")",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, request->owner_kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, request->owner_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, request->path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, request->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, request->size);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;
  request->id = sqlite3_last_insert_rowid (mamori_store_get_db (self));
  return TRUE;
}

/**
 * mamori_store_attach_hashed_evidence:
 * @owner_kind: %MAMORI_EVIDENCE_FOR_ITEM or %MAMORI_EVIDENCE_FOR_INCIDENT
 * @sha256: the file's SHA-256 (mamori_evidence_hash_file_async()), @size its size
 *
 * Records the file at @path, with the fingerprint it has now, as evidence.
 * The file itself stays where it is.
 *
 * Returns: the evidence's id, or 0
 */
gint64
mamori_store_attach_hashed_evidence (MamoriStore  *self,
                                     const char   *owner_kind,
                                     const char   *owner_key,
                                     const char   *path,
                                     const char   *sha256,
                                     gint64        size,
                                     GError      **error)
{
  g_autofree char *absolute = NULL;
  EvidenceRequest request = { owner_kind, owner_key, NULL, sha256, size, 0 };

  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);
  g_return_val_if_fail (g_strcmp0 (owner_kind, MAMORI_EVIDENCE_FOR_ITEM) == 0 ||
                        g_strcmp0 (owner_kind, MAMORI_EVIDENCE_FOR_INCIDENT) == 0, 0);
  g_return_val_if_fail (owner_key != NULL && path != NULL && sha256 != NULL, 0);

  absolute = g_canonicalize_filename (path, NULL);
  request.path = absolute;
  if (!mamori_store_write (self, write_evidence, &request, error))
    return 0;
  mamori_store_emit_changed (self, g_str_equal (owner_kind, MAMORI_EVIDENCE_FOR_ITEM) ? MAMORI_CHANGE_CHECKLISTS : MAMORI_CHANGE_INCIDENTS);
  return request.id;
}

/* The sentence for a file that could not be read to be attached. */
void
mamori_store_set_attach_error (GError       **error,
                               const char    *path,
                               const GError  *cause)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED,
               /* Translators: %s is a file, then why it could not be read */
               _("“%s” cannot be attached as evidence: it could not be read (%s)."), name, cause->message);
}

/**
 * mamori_store_attach_evidence:
 *
 * Reads the file to fingerprint it, then attaches it: for small files and
 * tests; the pages hash in a worker thread and call
 * mamori_store_attach_hashed_evidence().
 *
 * Returns: the evidence's id, or 0 when the file cannot be read or the
 *   record not written
 */
gint64
mamori_store_attach_evidence (MamoriStore  *self,
                              const char   *owner_kind,
                              const char   *owner_key,
                              const char   *path,
                              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sha256 = NULL;
  gint64 size = 0;

  g_return_val_if_fail (path != NULL, 0);

  sha256 = mamori_evidence_hash_file (path, &size, &local_error);
  if (sha256 == NULL)
    {
      mamori_store_set_attach_error (error, path, local_error);
      return 0;
    }
  return mamori_store_attach_hashed_evidence (self, owner_kind, owner_key, path, sha256, size, error);
}

static void
add_evidence (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  GPtrArray *all = user_data;
  MamoriEvidence *evidence = g_new0 (MamoriEvidence, 1);

  evidence->id = sqlite3_column_int64 (stmt, 0);
  evidence->path = g_strdup (mamori_store_column_text (stmt, 1));
  evidence->sha256 = g_strdup (mamori_store_column_text (stmt, 2));
  evidence->size = sqlite3_column_int64 (stmt, 3);
  evidence->attached_at = g_strdup (mamori_store_column_text (stmt, 4));
  g_ptr_array_add (all, evidence);
}

/**
 * mamori_store_dup_evidence:
 *
 * Returns: (transfer full) (element-type MamoriEvidence): the evidence
 *   attached and not detached, oldest first
 */
GPtrArray *
mamori_store_dup_evidence (MamoriStore  *self,
                           const char   *owner_kind,
                           const char   *owner_key,
                           GError      **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_evidence_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT id, path, sha256, size, attached_at FROM evidence"
                               "  WHERE owner_kind = ?1 AND owner_key = ?2 AND removed_at IS NULL ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, owner_kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, owner_key, -1, SQLITE_TRANSIENT);
  if (!mamori_store_read_rows (self, stmt, add_evidence, all, error))
    return NULL;
  return g_steal_pointer (&all);
}

static gboolean
write_detached (MamoriStore  *self,
                gpointer      user_data,
                GError      **error)
{
  sqlite3_stmt *stmt = mamori_store_prepare (self,
                                             "UPDATE evidence SET removed_at = " MAMORI_STORE_NOW_SQL
                                             "  WHERE id = ?1 AND removed_at IS NULL",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *(gint64 *) user_data);
  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_detach_evidence:
 *
 * Takes the evidence off its item or incident; the record of what was
 * attached, and when, is kept.
 */
gboolean
mamori_store_detach_evidence (MamoriStore  *self,
                              gint64        id,
                              GError      **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);

  if (!mamori_store_write (self, write_detached, &id, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_CHECKLISTS);
  mamori_store_emit_changed (self, MAMORI_CHANGE_INCIDENTS);
  return TRUE;
}

/* Incidents ------------------------------------------------------------------ */

typedef struct
{
  MamoriIncident *incident;
  gboolean        insert;
} IncidentRequest;

static gboolean
write_incident (MamoriStore  *self,
                gpointer      user_data,
                GError      **error)
{
  IncidentRequest *request = user_data;
  MamoriIncident *incident = request->incident;
  sqlite3_stmt *stmt;
  gint64 id;

  if (request->insert)
    stmt = mamori_store_prepare (self,
                                 "INSERT INTO incidents (title, kind, status, created_at, updated_at)"
                                 "  VALUES (?1, ?2, ?3, " MAMORI_STORE_NOW_SQL ", " MAMORI_STORE_NOW_SQL ")",
                                 error);
  else
    stmt = mamori_store_prepare (self,
                                 "UPDATE incidents SET title = ?1, kind = ?2, status = ?3, updated_at = " MAMORI_STORE_NOW_SQL
                                 "  WHERE id = ?4",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, incident->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mamori_store_enum_to_nick (MAMORI_TYPE_INCIDENT_KIND, incident->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, mamori_store_enum_to_nick (MAMORI_TYPE_INCIDENT_STATUS, incident->status), -1, SQLITE_STATIC);
  if (!request->insert)
    sqlite3_bind_int64 (stmt, 4, incident->id);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;
  id = request->insert ? sqlite3_last_insert_rowid (mamori_store_get_db (self)) : incident->id;

  /* Links to assets in the bin are not the editor's to drop (it does not
   * see them): they come back with the asset's Undo. */
  stmt = mamori_store_prepare (self,
                               "DELETE FROM incident_assets WHERE incident_id = ?1"
                               "  AND asset_id IN (SELECT id FROM assets WHERE deleted_at IS NULL)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < incident->asset_ids->len; i++)
    {
      stmt = mamori_store_prepare (self,
                                   "INSERT OR IGNORE INTO incident_assets (incident_id, asset_id)"
                                   "  SELECT ?1, id FROM assets WHERE id = ?2",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (incident->asset_ids, gint64, i));
      if (!mamori_store_step_done (self, stmt, error))
        return FALSE;
    }
  incident->id = id;
  return TRUE;
}

gint64
mamori_store_add_incident (MamoriStore     *self,
                           MamoriIncident  *incident,
                           GError         **error)
{
  IncidentRequest request = { incident, TRUE };

  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);
  g_return_val_if_fail (incident != NULL, 0);

  if (!mamori_store_write (self, write_incident, &request, error))
    return 0;
  mamori_store_emit_changed (self, MAMORI_CHANGE_INCIDENTS);
  return incident->id;
}

gboolean
mamori_store_save_incident (MamoriStore     *self,
                            MamoriIncident  *incident,
                            GError         **error)
{
  IncidentRequest request = { incident, FALSE };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (incident != NULL && incident->id > 0, FALSE);

  if (!mamori_store_write (self, write_incident, &request, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_INCIDENTS);
  return TRUE;
}

static void
add_incident (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  GPtrArray *all = user_data;
  MamoriIncident *incident = mamori_incident_new ();

  incident->id = sqlite3_column_int64 (stmt, 0);
  g_free (incident->title);
  incident->title = g_strdup (mamori_store_column_text (stmt, 1));
  incident->kind = mamori_store_enum_from_nick (MAMORI_TYPE_INCIDENT_KIND, mamori_store_column_text (stmt, 2), MAMORI_INCIDENT_OTHER);
  incident->status = mamori_store_enum_from_nick (MAMORI_TYPE_INCIDENT_STATUS, mamori_store_column_text (stmt, 3), MAMORI_INCIDENT_OPEN);
  g_free (incident->created);
  incident->created = g_strdup (mamori_store_column_text (stmt, 4));
  g_free (incident->updated);
  incident->updated = g_strdup (mamori_store_column_text (stmt, 5));
  g_ptr_array_add (all, incident);
}

static void
add_asset_id (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val ((GArray *) user_data, id);
}

/**
 * mamori_store_dup_incidents:
 *
 * Returns: (transfer full) (element-type MamoriIncident): every incident,
 *   newest first, with its linked assets (those in the register)
 */
GPtrArray *
mamori_store_dup_incidents (MamoriStore  *self,
                            GError      **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_incident_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT id, title, kind, status, created_at, updated_at FROM incidents ORDER BY id DESC",
                               error);
  if (stmt == NULL || !mamori_store_read_rows (self, stmt, add_incident, all, error))
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      MamoriIncident *incident = g_ptr_array_index (all, i);

      stmt = mamori_store_prepare (self,
                                   "SELECT ia.asset_id FROM incident_assets ia JOIN assets a ON a.id = ia.asset_id"
                                   "  WHERE ia.incident_id = ?1 AND a.deleted_at IS NULL ORDER BY ia.asset_id",
                                   error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, incident->id);
      if (!mamori_store_read_rows (self, stmt, add_asset_id, incident->asset_ids, error))
        return NULL;
    }
  return g_steal_pointer (&all);
}

static gboolean
write_incident_deleted (MamoriStore  *self,
                        gpointer      user_data,
                        GError      **error)
{
  gint64 id = *(gint64 *) user_data;
  static const char *const kept[] = {
    "SELECT count(*) FROM incident_entries WHERE incident_id = ?1",
    "SELECT count(*) FROM evidence WHERE owner_kind = 'incident' AND owner_key = CAST (?1 AS TEXT)",
    "SELECT count(*) FROM approaches WHERE incident_id = ?1",
  };
  static const char *const erase[] = {
    "DELETE FROM incident_checks WHERE incident_id = ?1",
    "DELETE FROM incident_assets WHERE incident_id = ?1",
    "DELETE FROM incidents WHERE id = ?1",
  };
  sqlite3_stmt *stmt;

  /* What may be evidence is never thrown away with the incident. */
  for (gsize i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      gint64 count;

      stmt = mamori_store_prepare (self, kept[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      count = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
      sqlite3_reset (stmt);
      if (count != 0)
        {
          g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                               _("This incident has a timeline, evidence or a report behind it, which are kept as a record: it cannot be deleted. Close it instead."));
          return FALSE;
        }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (erase); i++)
    {
      stmt = mamori_store_prepare (self, erase[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!mamori_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * mamori_store_delete_incident:
 *
 * Deletes an incident opened by mistake: one with nothing recorded yet (no
 * timeline entry, no evidence file, not made from a report). Anything else
 * is a record and stays; MAMORI_STORE_ERROR_INVALID says so.
 */
gboolean
mamori_store_delete_incident (MamoriStore  *self,
                              gint64        id,
                              GError      **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);

  if (!mamori_store_write (self, write_incident_deleted, &id, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_INCIDENTS);
  return TRUE;
}

typedef struct
{
  gint64      incident_id;
  const char *item_id;
  gboolean    done;
} CheckRequest;

static gboolean
write_check (MamoriStore  *self,
             gpointer      user_data,
             GError      **error)
{
  CheckRequest *request = user_data;
  sqlite3_stmt *stmt = mamori_store_prepare (self,
                                             "INSERT INTO incident_checks (incident_id, item_id, done, updated_at)"
                                             "  VALUES (?1, ?2, ?3, " MAMORI_STORE_NOW_SQL ")"
                                             "  ON CONFLICT (incident_id, item_id) DO UPDATE SET"
                                             "    done = excluded.done, updated_at = excluded.updated_at",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->incident_id);
  sqlite3_bind_text (stmt, 2, request->item_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, request->done != FALSE);
  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_set_incident_check:
 * @item_id: an item of the playbook's evidence list
 *
 * Ticks (or unticks) an item of the incident's evidence checklist.
 */
gboolean
mamori_store_set_incident_check (MamoriStore  *self,
                                 gint64        incident_id,
                                 const char   *item_id,
                                 gboolean      done,
                                 GError      **error)
{
  CheckRequest request = { incident_id, item_id, done };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (!mamori_store_write (self, write_check, &request, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_INCIDENTS);
  return TRUE;
}

static void
add_check (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  if (sqlite3_column_int (stmt, 1) != 0)
    g_hash_table_add (user_data, g_strdup (mamori_store_column_text (stmt, 0)));
}

/**
 * mamori_store_dup_incident_checks:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the set of evidence
 *   checklist items ticked for the incident
 */
GHashTable *
mamori_store_dup_incident_checks (MamoriStore  *self,
                                  gint64        incident_id,
                                  GError      **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, "SELECT item_id, done FROM incident_checks WHERE incident_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  if (!mamori_store_read_rows (self, stmt, add_check, done, error))
    return NULL;
  return g_steal_pointer (&done);
}

/* Timeline ------------------------------------------------------------------- */

static gboolean
write_entry (MamoriStore  *self,
             gpointer      user_data,
             GError      **error)
{
  MamoriIncidentEntry *entry = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO incident_entries (incident_id, happened_at, author, text, corrects, recorded_at)"
                               "  VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->incident_id);
  sqlite3_bind_text (stmt, 2, entry->happened_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, entry->author, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, entry->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, entry->corrects);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;
  entry->id = sqlite3_last_insert_rowid (mamori_store_get_db (self));
  return TRUE;
}

/**
 * mamori_store_add_incident_entry:
 *
 * Appends @entry to its incident's timeline. Entries are never changed or
 * deleted (the schema refuses it); to correct one, add an entry whose
 * @corrects names it.
 *
 * Returns: the entry's id, or 0
 */
gint64
mamori_store_add_incident_entry (MamoriStore          *self,
                                 MamoriIncidentEntry  *entry,
                                 GError              **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);
  g_return_val_if_fail (entry != NULL && entry->incident_id > 0, 0);

  if (mamori_text_is_blank (entry->text))
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("A timeline entry needs some text: write what happened."));
      return 0;
    }
  if (!mamori_store_write (self, write_entry, entry, error))
    return 0;
  mamori_store_emit_changed (self, MAMORI_CHANGE_INCIDENTS);
  return entry->id;
}

static void
add_entry (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  MamoriIncidentEntry *entry = mamori_incident_entry_new ();

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->incident_id = sqlite3_column_int64 (stmt, 1);
  g_free (entry->happened_at);
  entry->happened_at = g_strdup (mamori_store_column_text (stmt, 2));
  g_free (entry->author);
  entry->author = g_strdup (mamori_store_column_text (stmt, 3));
  g_free (entry->text);
  entry->text = g_strdup (mamori_store_column_text (stmt, 4));
  entry->corrects = sqlite3_column_int64 (stmt, 5);
  g_free (entry->recorded_at);
  entry->recorded_at = g_strdup (mamori_store_column_text (stmt, 6));
  g_ptr_array_add (user_data, entry);
}

/**
 * mamori_store_dup_incident_entries:
 *
 * Returns: (transfer full) (element-type MamoriIncidentEntry): the whole
 *   timeline, corrections and what they correct alike, in the order written
 */
GPtrArray *
mamori_store_dup_incident_entries (MamoriStore  *self,
                                   gint64        incident_id,
                                   GError      **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_incident_entry_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT id, incident_id, happened_at, author, text, ifnull (corrects, 0), recorded_at"
                               "  FROM incident_entries WHERE incident_id = ?1 ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  if (!mamori_store_read_rows (self, stmt, add_entry, all, error))
    return NULL;
  return g_steal_pointer (&all);
}

/* Approaches ----------------------------------------------------------------- */

static gboolean
write_approach (MamoriStore  *self,
                gpointer      user_data,
                GError      **error)
{
  MamoriApproach *approach = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO approaches (occurred_on, who, channel, description, reporter, recorded_at)"
                               "  VALUES (?1, ?2, ?3, ?4, ?5, " MAMORI_STORE_NOW_SQL ")",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, approach->occurred_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, approach->who, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, approach->channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, approach->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, approach->reporter, -1, SQLITE_TRANSIENT);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;
  approach->id = sqlite3_last_insert_rowid (mamori_store_get_db (self));
  return TRUE;
}

/**
 * mamori_store_add_approach:
 *
 * Logs a report of a suspicious approach. Reports are never changed or
 * deleted; one may later become an incident.
 *
 * Returns: its id, or 0
 */
gint64
mamori_store_add_approach (MamoriStore     *self,
                           MamoriApproach  *approach,
                           GError         **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);
  g_return_val_if_fail (approach != NULL, 0);

  if (!mamori_store_write (self, write_approach, approach, error))
    return 0;
  mamori_store_emit_changed (self, MAMORI_CHANGE_INCIDENTS);
  return approach->id;
}

static void
add_approach (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  MamoriApproach *approach = mamori_approach_new ();

  approach->id = sqlite3_column_int64 (stmt, 0);
  g_free (approach->occurred_on);
  approach->occurred_on = g_strdup (mamori_store_column_text (stmt, 1));
  g_free (approach->who);
  approach->who = g_strdup (mamori_store_column_text (stmt, 2));
  g_free (approach->channel);
  approach->channel = g_strdup (mamori_store_column_text (stmt, 3));
  g_free (approach->description);
  approach->description = g_strdup (mamori_store_column_text (stmt, 4));
  g_free (approach->reporter);
  approach->reporter = g_strdup (mamori_store_column_text (stmt, 5));
  approach->incident_id = sqlite3_column_int64 (stmt, 6);
  g_free (approach->recorded_at);
  approach->recorded_at = g_strdup (mamori_store_column_text (stmt, 7));
  g_ptr_array_add (user_data, approach);
}

/**
 * mamori_store_dup_approaches:
 *
 * Returns: (transfer full) (element-type MamoriApproach): every report,
 *   the latest occurrence first
 */
GPtrArray *
mamori_store_dup_approaches (MamoriStore  *self,
                             GError      **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_approach_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT id, occurred_on, who, channel, description, reporter, ifnull (incident_id, 0),"
                               "       recorded_at FROM approaches ORDER BY occurred_on DESC, id DESC",
                               error);
  if (stmt == NULL || !mamori_store_read_rows (self, stmt, add_approach, all, error))
    return NULL;
  return g_steal_pointer (&all);
}

typedef struct
{
  gint64 approach_id;
  gint64 incident_id;
} ConvertRequest;

static gboolean
write_conversion (MamoriStore  *self,
                  gpointer      user_data,
                  GError      **error)
{
  ConvertRequest *request = user_data;
  g_autoptr(MamoriIncident) incident = mamori_incident_new ();
  g_autoptr(MamoriIncidentEntry) entry = mamori_incident_entry_new ();
  IncidentRequest insert = { incident, TRUE };
  sqlite3_stmt *stmt;
  int rc;

  stmt = mamori_store_prepare (self,
                               "SELECT occurred_on, who, channel, description, reporter FROM approaches"
                               "  WHERE id = ?1 AND incident_id IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->approach_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *who = mamori_store_column_text (stmt, 1);
      const char *channel = mamori_store_column_text (stmt, 2);

      g_free (incident->title);
      /* Translators: the title of an incident made from a reported approach; %s is who approached */
      incident->title = *who != '\0' ? g_strdup_printf (_("Suspicious approach by %s"), who)
                                     : g_strdup (_("Suspicious approach"));
      incident->kind = MAMORI_INCIDENT_APPROACH;
      g_free (entry->happened_at);
      entry->happened_at = g_strdup (mamori_store_column_text (stmt, 0));
      g_free (entry->author);
      entry->author = g_strdup (mamori_store_column_text (stmt, 4));
      g_free (entry->text);
      entry->text = *channel != '\0'
                    /* Translators: the first timeline entry of an incident made from a report; %s: how, then what */
                    ? g_strdup_printf (_("Reported approach (%s): %s"), channel, mamori_store_column_text (stmt, 3))
                    : g_strdup_printf (_("Reported approach: %s"), mamori_store_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("This report has already become an incident."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return FALSE;
    }

  if (!write_incident (self, &insert, error))
    return FALSE;
  entry->incident_id = incident->id;
  if (!write_entry (self, entry, error))
    return FALSE;

  stmt = mamori_store_prepare (self, "UPDATE approaches SET incident_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->approach_id);
  sqlite3_bind_int64 (stmt, 2, incident->id);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;
  request->incident_id = incident->id;
  return TRUE;
}

/**
 * mamori_store_approach_to_incident:
 *
 * Opens an incident from a reported approach, in one transaction: the
 * report becomes its first timeline entry and names the incident.
 *
 * Returns: the new incident's id, or 0
 */
gint64
mamori_store_approach_to_incident (MamoriStore  *self,
                                   gint64        approach_id,
                                   GError      **error)
{
  ConvertRequest request = { approach_id, 0 };

  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);

  if (!mamori_store_write (self, write_conversion, &request, error))
    return 0;
  mamori_store_emit_changed (self, MAMORI_CHANGE_INCIDENTS);
  return request.incident_id;
}
