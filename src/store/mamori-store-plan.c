/* mamori-store-plan.c — the action plan, its history, dismissed findings and snapshots
 *
 * Every status change of an action is kept in action_history (never
 * changed or deleted, as the schema's triggers enforce); snapshots are
 * never changed either. Each write emits #MamoriStore::changed with
 * "actions", "dismissals" or "snapshots".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "model/mamori-screening.h"
#include "mamori-store-private.h"

/* Actions ------------------------------------------------------------------- */

#define ACTION_COLUMNS \
  "id, title, owner, due_on, status, reason, note, finding_key, board_decision, resolution, created_at, updated_at"

static void
add_action (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  GPtrArray *actions = user_data;
  MamoriAction *action = g_new0 (MamoriAction, 1);

  action->id = sqlite3_column_int64 (stmt, 0);
  action->title = g_strdup (mamori_store_column_text (stmt, 1));
  action->owner = g_strdup (mamori_store_column_text (stmt, 2));
  action->due_on = g_strdup (mamori_store_column_text (stmt, 3));
  action->status = mamori_store_enum_from_nick (MAMORI_TYPE_ACTION_STATUS, mamori_store_column_text (stmt, 4),
                                                MAMORI_ACTION_OPEN);
  action->reason = g_strdup (mamori_store_column_text (stmt, 5));
  action->note = g_strdup (mamori_store_column_text (stmt, 6));
  action->finding_key = g_strdup (mamori_store_column_text (stmt, 7));
  action->board_decision = sqlite3_column_int (stmt, 8) != 0;
  action->resolution = g_strdup (mamori_store_column_text (stmt, 9));
  action->created_at = g_strdup (mamori_store_column_text (stmt, 10));
  action->updated_at = g_strdup (mamori_store_column_text (stmt, 11));
  g_ptr_array_add (actions, action);
}

/**
 * mamori_store_dup_actions:
 *
 * Returns: (transfer full) (element-type MamoriAction): every action of
 *   the plan, oldest first
 */
GPtrArray *
mamori_store_dup_actions (MamoriStore  *self,
                          GError      **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_action_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, "SELECT " ACTION_COLUMNS " FROM actions ORDER BY id", error);
  if (stmt == NULL || !mamori_store_read_rows (self, stmt, add_action, actions, error))
    return NULL;
  return g_steal_pointer (&actions);
}

static gboolean
check_action (MamoriAction  *action,
              GError       **error)
{
  if (mamori_text_is_blank (action->title))
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("An action needs a title: say what is to be done."));
      return FALSE;
    }
  if (action->status == MAMORI_ACTION_WONT_DO && mamori_text_is_blank (action->reason))
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("An action marked “won’t do” needs a reason, for whoever reads the plan later."));
      return FALSE;
    }
  if (!mamori_text_is_blank (action->due_on))
    {
      char *date = mamori_text_parse_date (action->due_on, TRUE);

      if (date == NULL)
        {
          g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                       _("“%s” is not a date. Write the due date as YYYY-MM-DD, or leave it empty."), action->due_on);
          return FALSE;
        }
      g_free (action->due_on);
      action->due_on = date;
    }
  else
    {
      g_free (action->due_on);
      action->due_on = g_strdup ("");
    }
  return TRUE;
}

static gboolean
write_change (MamoriStore         *self,
              gint64               action_id,
              int                  from,
              MamoriActionStatus   to,
              const char          *reason,
              GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO action_history (action_id, changed_at, changed_by, from_status, to_status, reason)"
                               "  VALUES (?1, " MAMORI_STORE_NOW_SQL ", ?2, ?3, ?4, ?5)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, mamori_screening_get_user_name (), -1, SQLITE_TRANSIENT);
  if (from >= 0)
    sqlite3_bind_text (stmt, 3, mamori_action_status_get_id (from), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, mamori_action_status_get_id (to), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, to == MAMORI_ACTION_WONT_DO ? reason : "", -1, SQLITE_TRANSIENT);
  return mamori_store_step_done (self, stmt, error);
}

static gboolean
write_action (MamoriStore  *self,
              gpointer      user_data,
              GError      **error)
{
  MamoriAction *action = user_data;
  sqlite3_stmt *stmt;
  int from = -1;

  if (action->id != 0)
    {
      int rc;

      stmt = mamori_store_prepare (self, "SELECT status FROM actions WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, action->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        from = mamori_store_enum_from_nick (MAMORI_TYPE_ACTION_STATUS, mamori_store_column_text (stmt, 0),
                                            MAMORI_ACTION_OPEN);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND,
                               _("This action is no longer in the workspace."));
          return FALSE;
        }
      stmt = mamori_store_prepare (self,
                                   "UPDATE actions SET title = ?2, owner = ?3, due_on = ?4, status = ?5, reason = ?6,"
                                   "    note = ?7, finding_key = ?8, board_decision = ?9, resolution = ?10,"
                                   "    updated_at = " MAMORI_STORE_NOW_SQL " WHERE id = ?1",
                                   error);
    }
  else
    stmt = mamori_store_prepare (self,
                                 "INSERT INTO actions (title, owner, due_on, status, reason, note, finding_key,"
                                 "    board_decision, resolution, created_at, updated_at)"
                                 "  VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                 MAMORI_STORE_NOW_SQL ", " MAMORI_STORE_NOW_SQL ")",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (action->id != 0)
    sqlite3_bind_int64 (stmt, 1, action->id);
  sqlite3_bind_text (stmt, 2, g_strstrip (action->title), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action->owner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action->due_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, mamori_action_status_get_id (action->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, action->reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, action->note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, action->finding_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, action->board_decision ? 1 : 0);
  sqlite3_bind_text (stmt, 10, action->resolution, -1, SQLITE_TRANSIENT);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;

  if (action->id == 0)
    action->id = sqlite3_last_insert_rowid (mamori_store_get_db (self));
  if (from != (int) action->status)
    return write_change (self, action->id, from, action->status, action->reason, error);
  return TRUE;
}

/**
 * mamori_store_save_action:
 * @action: an action; with id 0 it is added, and its id set
 *
 * Saves @action in one transaction. A new action, and every change of its
 * status, is kept in its history with who and when.
 */
gboolean
mamori_store_save_action (MamoriStore   *self,
                          MamoriAction  *action,
                          GError       **error)
{
  gint64 id;

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!check_action (action, error))
    return FALSE;
  id = action->id;
  if (!mamori_store_write (self, write_action, action, error))
    {
      action->id = id;
      return FALSE;
    }
  mamori_store_emit_changed (self, MAMORI_CHANGE_ACTIONS);
  return TRUE;
}

static void
add_change (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  GPtrArray *changes = user_data;
  MamoriActionChange *change = g_new0 (MamoriActionChange, 1);

  change->action_id = sqlite3_column_int64 (stmt, 0);
  change->changed_at = g_strdup (mamori_store_column_text (stmt, 1));
  change->changed_by = g_strdup (mamori_store_column_text (stmt, 2));
  change->from = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                   ? -1
                   : mamori_store_enum_from_nick (MAMORI_TYPE_ACTION_STATUS, mamori_store_column_text (stmt, 3),
                                                  MAMORI_ACTION_OPEN);
  change->to = mamori_store_enum_from_nick (MAMORI_TYPE_ACTION_STATUS, mamori_store_column_text (stmt, 4),
                                            MAMORI_ACTION_OPEN);
  change->reason = g_strdup (mamori_store_column_text (stmt, 5));
  g_ptr_array_add (changes, change);
}

/**
 * mamori_store_dup_action_history:
 * @action_id: one action, or 0 for all
 *
 * Returns: (transfer full) (element-type MamoriActionChange): the status
 *   changes, oldest first
 */
GPtrArray *
mamori_store_dup_action_history (MamoriStore  *self,
                                 gint64        action_id,
                                 GError      **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_action_change_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT action_id, changed_at, changed_by, from_status, to_status, reason"
                               "  FROM action_history WHERE ?1 = 0 OR action_id = ?1 ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (!mamori_store_read_rows (self, stmt, add_change, changes, error))
    return NULL;
  return g_steal_pointer (&changes);
}

/* Dismissed findings --------------------------------------------------------- */

typedef struct
{
  const char *key;
  const char *facts;
  const char *title;
  const char *reason;
} Dismissal;

static gboolean
write_dismissal (MamoriStore  *self,
                 gpointer      user_data,
                 GError      **error)
{
  Dismissal *dismissal = user_data;
  sqlite3_stmt *stmt;

  if (dismissal->reason == NULL)
    stmt = mamori_store_prepare (self, "DELETE FROM finding_dismissals WHERE finding_key = ?1", error);
  else
    stmt = mamori_store_prepare (self,
                                 "INSERT OR REPLACE INTO finding_dismissals"
                                 "    (finding_key, facts, reason, dismissed_by, dismissed_at, title)"
                                 "  VALUES (?1, ?2, ?3, ?4, " MAMORI_STORE_NOW_SQL ", ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, dismissal->key, -1, SQLITE_TRANSIENT);
  if (dismissal->reason != NULL)
    {
      sqlite3_bind_text (stmt, 2, dismissal->facts, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, dismissal->reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, mamori_screening_get_user_name (), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, dismissal->title != NULL ? dismissal->title : "", -1, SQLITE_TRANSIENT);
    }
  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_dismiss_finding:
 * @facts: the finding's facts now; the dismissal holds while they stay the same
 * @title: the finding's title now, to say later what it was
 * @reason: why it is dismissed; required
 *
 * Records who dismissed the finding @key, when and why.
 */
gboolean
mamori_store_dismiss_finding (MamoriStore  *self,
                              const char   *key,
                              const char   *facts,
                              const char   *title,
                              const char   *reason,
                              GError      **error)
{
  Dismissal dismissal = { key, facts, title, reason };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && facts != NULL, FALSE);

  if (mamori_text_is_blank (reason))
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("Say why this finding is dismissed, for whoever reads the plan later."));
      return FALSE;
    }
  if (!mamori_store_write (self, write_dismissal, &dismissal, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_DISMISSALS);
  return TRUE;
}

/* Takes a dismissal back: the finding counts again. */
gboolean
mamori_store_restore_finding (MamoriStore  *self,
                              const char   *key,
                              GError      **error)
{
  Dismissal dismissal = { key, NULL, NULL, NULL };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!mamori_store_write (self, write_dismissal, &dismissal, error))
    return FALSE;
  mamori_store_emit_changed (self, MAMORI_CHANGE_DISMISSALS);
  return TRUE;
}

static void
add_dismissal (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  GHashTable *dismissals = user_data;
  MamoriDismissal *dismissal = g_new0 (MamoriDismissal, 1);

  dismissal->finding_key = g_strdup (mamori_store_column_text (stmt, 0));
  dismissal->facts = g_strdup (mamori_store_column_text (stmt, 1));
  dismissal->reason = g_strdup (mamori_store_column_text (stmt, 2));
  dismissal->dismissed_by = g_strdup (mamori_store_column_text (stmt, 3));
  dismissal->dismissed_at = g_strdup (mamori_store_column_text (stmt, 4));
  dismissal->title = g_strdup (mamori_store_column_text (stmt, 5));
  g_hash_table_replace (dismissals, dismissal->finding_key, dismissal);
}

/**
 * mamori_store_dup_dismissals:
 *
 * Returns: (transfer full): finding key → #MamoriDismissal
 */
GHashTable *
mamori_store_dup_dismissals (MamoriStore  *self,
                             GError      **error)
{
  g_autoptr(GHashTable) dismissals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) mamori_dismissal_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT finding_key, facts, reason, dismissed_by, dismissed_at, title FROM finding_dismissals",
                               error);
  if (stmt == NULL || !mamori_store_read_rows (self, stmt, add_dismissal, dismissals, error))
    return NULL;
  return g_steal_pointer (&dismissals);
}

/* Snapshots ------------------------------------------------------------------ */

/* Figures as "id=value" lines; findings as "key\tkind\tseverity\ttitle"
 * lines. Neither keys nor ids hold tabs or newlines; titles lose theirs. */
static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
serialize_figures (MamoriSnapshot *snapshot)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (snapshot->figures, NULL);
  guint n = g_hash_table_size (snapshot->figures);

  g_qsort_with_data (keys, n, sizeof (gpointer), compare_keys, NULL);
  for (guint i = 0; i < n; i++)
    {
      int value = 0;

      mamori_snapshot_get_figure (snapshot, keys[i], &value);
      g_string_append_printf (text, "%s=%d\n", (const char *) keys[i], value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
serialize_findings (MamoriSnapshot *snapshot)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < snapshot->findings->len; i++)
    {
      MamoriSnapshotFinding *finding = g_ptr_array_index (snapshot->findings, i);
      g_autofree char *title = g_strdup (finding->title);

      g_strdelimit (title, "\t\r\n", ' ');
      g_string_append_printf (text, "%s\t%s\t%d\t%s\n", finding->key, finding->kind, finding->severity, title);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
write_snapshot (MamoriStore  *self,
                gpointer      user_data,
                GError      **error)
{
  MamoriSnapshot *snapshot = user_data;
  g_autofree char *figures = serialize_figures (snapshot);
  g_autofree char *findings = serialize_findings (snapshot);
  sqlite3_stmt *stmt;
  int rc;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO snapshots (label, taken_at, figures, findings)"
                               "  VALUES (?1, " MAMORI_STORE_NOW_SQL ", ?2, ?3) RETURNING id, taken_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, g_strstrip (snapshot->label), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, figures, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, findings, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return FALSE;
    }
  snapshot->id = sqlite3_column_int64 (stmt, 0);
  g_free (snapshot->taken_at);
  snapshot->taken_at = g_strdup (mamori_store_column_text (stmt, 1));
  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_add_snapshot:
 *
 * Records @snapshot (its label, figures and findings) with the time now,
 * and sets its id and time. Snapshots are never changed afterwards.
 */
gint64
mamori_store_add_snapshot (MamoriStore     *self,
                           MamoriSnapshot  *snapshot,
                           GError         **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);
  g_return_val_if_fail (snapshot != NULL, 0);

  if (mamori_text_is_blank (snapshot->label))
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("A snapshot needs a label, such as the meeting it is for."));
      return 0;
    }
  if (!mamori_store_write (self, write_snapshot, snapshot, error))
    return 0;
  mamori_store_emit_changed (self, MAMORI_CHANGE_SNAPSHOTS);
  return snapshot->id;
}

static void
add_snapshot (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  GPtrArray *snapshots = user_data;
  MamoriSnapshot *snapshot = mamori_snapshot_new (mamori_store_column_text (stmt, 1));
  g_auto(GStrv) figures = g_strsplit (mamori_store_column_text (stmt, 3), "\n", -1);
  g_auto(GStrv) findings = g_strsplit (mamori_store_column_text (stmt, 4), "\n", -1);

  snapshot->id = sqlite3_column_int64 (stmt, 0);
  g_free (snapshot->taken_at);
  snapshot->taken_at = g_strdup (mamori_store_column_text (stmt, 2));
  for (guint i = 0; figures[i] != NULL; i++)
    {
      char *equals = strchr (figures[i], '=');

      if (equals == NULL)
        continue;
      *equals = '\0';
      mamori_snapshot_set_figure (snapshot, figures[i], (int) g_ascii_strtoll (equals + 1, NULL, 10));
    }
  for (guint i = 0; findings[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (findings[i], "\t", 4);

      if (g_strv_length (fields) == 4)
        mamori_snapshot_add_finding (snapshot, fields[0], fields[1], (int) g_ascii_strtoll (fields[2], NULL, 10),
                                     fields[3]);
    }
  g_ptr_array_add (snapshots, snapshot);
}

/**
 * mamori_store_dup_snapshots:
 * @limit: at most this many, 0 for all
 *
 * Returns: (transfer full) (element-type MamoriSnapshot): the snapshots,
 *   newest first
 */
GPtrArray *
mamori_store_dup_snapshots (MamoriStore  *self,
                            guint         limit,
                            GError      **error)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_snapshot_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT id, label, taken_at, figures, findings FROM snapshots"
                               "  ORDER BY id DESC LIMIT ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  if (!mamori_store_read_rows (self, stmt, add_snapshot, snapshots, error))
    return NULL;
  return g_steal_pointer (&snapshots);
}
