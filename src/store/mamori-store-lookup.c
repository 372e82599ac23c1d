/* mamori-store-lookup.c — screening records and the End User List
 *
 * Screening records are append-only (the schema refuses UPDATE and DELETE):
 * a record shows what was checked, against which catalog version, when and
 * by whom; a later thought is a note added to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "catalog/mamori-end-users.h"
#include "mamori-store-private.h"


static gboolean
write_screening (MamoriStore  *self,
                 gpointer      user_data,
                 GError      **error)
{
  MamoriScreening *screening = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO screenings (kind, subject, inputs, result, outcome, checked_by,"
                               "    catalog_version, end_user_list, created_at)"
                               "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " MAMORI_STORE_NOW_SQL ")"
                               "  RETURNING id, created_at",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, screening->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, screening->subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, screening->inputs, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, screening->result, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, screening->outcome, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, screening->checked_by, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, screening->catalog_version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, screening->end_user_list, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      screening->id = sqlite3_column_int64 (stmt, 0);
      g_free (screening->created_at);
      screening->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_add_screening:
 *
 * Saves @screening as a new record, dated now; it gets its id and date.
 * The subject, the result and the catalog version are required.
 *
 * Returns: the record's id, or 0 on error
 */
gint64
mamori_store_add_screening (MamoriStore      *self,
                            MamoriScreening  *screening,
                            GError          **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);
  g_return_val_if_fail (screening != NULL, 0);

  if (mamori_text_is_blank (screening->subject) || mamori_text_is_blank (screening->result) ||
      mamori_text_is_blank (screening->catalog_version))
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("A screening record needs what was checked, its result and the catalog version."));
      return 0;
    }

  if (!mamori_store_write (self, write_screening, screening, error))
    return 0;

  mamori_store_emit_changed (self, MAMORI_CHANGE_SCREENINGS);
  return screening->id;
}

typedef struct
{
  gint64      screening_id;
  const char *text;
  const char *author;
} NoteData;

static gboolean
write_note (MamoriStore  *self,
            gpointer      user_data,
            GError      **error)
{
  NoteData *note = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO screening_notes (screening_id, text, author, created_at)"
                               "  SELECT id, ?2, ?3, " MAMORI_STORE_NOW_SQL " FROM screenings WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, note->screening_id);
  sqlite3_bind_text (stmt, 2, note->text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, note->author, -1, SQLITE_STATIC);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (mamori_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("This screening record is not in the workspace."));
      return FALSE;
    }
  return TRUE;
}

/**
 * mamori_store_add_screening_note:
 *
 * Adds a dated note to a screening record; the record itself never changes.
 */
gboolean
mamori_store_add_screening_note (MamoriStore  *self,
                                 gint64        screening_id,
                                 const char   *text,
                                 const char   *author,
                                 GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  NoteData note = { screening_id, trimmed, author != NULL ? author : "" };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);

  if (mamori_text_is_blank (trimmed))
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("Write the note first."));
      return FALSE;
    }
  if (!mamori_store_write (self, write_note, &note, error))
    return FALSE;

  mamori_store_emit_changed (self, MAMORI_CHANGE_SCREENINGS);
  return TRUE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (mamori_store_column_text (stmt, column));
}

/**
 * mamori_store_dup_screenings:
 *
 * Returns: (transfer full) (element-type MamoriScreening): every record,
 *   newest first, each with its notes; %NULL on error
 */
GPtrArray *
mamori_store_dup_screenings (MamoriStore  *self,
                             GError      **error)
{
  g_autoptr(GPtrArray) screenings = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_screening_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT id, kind, subject, inputs, result, outcome, checked_by, catalog_version,"
                               "       end_user_list, created_at"
                               "  FROM screenings ORDER BY id DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MamoriScreening *screening = mamori_screening_new (NULL, NULL, NULL, NULL, NULL);

      screening->id = sqlite3_column_int64 (stmt, 0);
      g_free (screening->kind);
      screening->kind = dup_column (stmt, 1);
      g_free (screening->subject);
      screening->subject = dup_column (stmt, 2);
      g_free (screening->inputs);
      screening->inputs = dup_column (stmt, 3);
      g_free (screening->result);
      screening->result = dup_column (stmt, 4);
      g_free (screening->outcome);
      screening->outcome = dup_column (stmt, 5);
      g_free (screening->checked_by);
      screening->checked_by = dup_column (stmt, 6);
      g_free (screening->catalog_version);
      screening->catalog_version = dup_column (stmt, 7);
      g_free (screening->end_user_list);
      screening->end_user_list = dup_column (stmt, 8);
      screening->created_at = dup_column (stmt, 9);
      g_ptr_array_add (screenings, screening);
      g_hash_table_insert (by_id, &screening->id, screening);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = mamori_store_prepare (self,
                               "SELECT screening_id, text, author, created_at FROM screening_notes ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      MamoriScreening *screening = g_hash_table_lookup (by_id, &id);
      MamoriScreeningNote *note;

      if (screening == NULL)
        continue;
      note = g_new0 (MamoriScreeningNote, 1);
      note->text = dup_column (stmt, 1);
      note->author = dup_column (stmt, 2);
      note->created_at = dup_column (stmt, 3);
      g_ptr_array_add (screening->notes, note);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  return g_steal_pointer (&screenings);

failed:
  mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
  return NULL;
}

typedef struct
{
  GPtrArray  *entries;
  const char *source;
} EndUsersData;

static gboolean
write_end_users (MamoriStore  *self,
                 gpointer      user_data,
                 GError      **error)
{
  EndUsersData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self, "DELETE FROM end_users", error);
  if (stmt == NULL || !mamori_store_step_done (self, stmt, error))
    return FALSE;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO end_users (number, country, name, aliases, concern)"
                               "  VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < data->entries->len; i++)
    {
      MamoriEndUser *entry = g_ptr_array_index (data->entries, i);

      sqlite3_bind_int64 (stmt, 1, entry->number);
      sqlite3_bind_text (stmt, 2, entry->country != NULL ? entry->country : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, entry->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, entry->aliases != NULL ? entry->aliases : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, entry->concern != NULL ? entry->concern : "", -1, SQLITE_STATIC);
      if (!mamori_store_step_done (self, stmt, error))
        return FALSE;
    }

  stmt = mamori_store_prepare (self,
                               "INSERT OR REPLACE INTO settings (key, value) VALUES"
                               "  ('end-users.source', ?1), ('end-users.imported', " MAMORI_STORE_NOW_SQL ")",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->source, -1, SQLITE_STATIC);
  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_replace_end_users:
 * @entries: (element-type MamoriEndUser): the whole list
 * @source: what it was imported from (a file name), shown with every
 *   counterparty screening
 *
 * Replaces the End User List in one transaction: the old list stays if
 * anything fails.
 */
gboolean
mamori_store_replace_end_users (MamoriStore  *self,
                                GPtrArray    *entries,
                                const char   *source,
                                GError      **error)
{
  EndUsersData data = { entries, source };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL && entries->len > 0, FALSE);

  if (!mamori_store_write (self, write_end_users, &data, error))
    return FALSE;

  mamori_store_emit_changed (self, MAMORI_CHANGE_END_USERS);
  return TRUE;
}

/**
 * mamori_store_dup_end_users:
 * @out_description: (out) (optional): which list it is: its source and when
 *   it was imported; empty when there is none
 *
 * Returns: (transfer full) (element-type MamoriEndUser): the End User List,
 *   in its own order; empty if none was imported; %NULL on error
 */
GPtrArray *
mamori_store_dup_end_users (MamoriStore  *self,
                            char        **out_description,
                            GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_end_user_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, "SELECT number, country, name, aliases, concern FROM end_users ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, mamori_end_user_new ((guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT32),
                                                   (const char *) sqlite3_column_text (stmt, 1),
                                                   (const char *) sqlite3_column_text (stmt, 2),
                                                   (const char *) sqlite3_column_text (stmt, 3),
                                                   (const char *) sqlite3_column_text (stmt, 4)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return NULL;
    }

  if (out_description != NULL)
    {
      g_autofree char *source = mamori_store_dup_setting (self, "end-users.source", NULL);
      g_autofree char *imported = mamori_store_dup_setting (self, "end-users.imported", NULL);

      if (entries->len == 0 || source == NULL || imported == NULL)
        *out_description = g_strdup ("");
      else
        /* Translators: which End User List: "<file> (<n> entries, imported <date>)" */
        *out_description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u entry, imported %.10s)",
                                                         "%s (%u entries, imported %.10s)", entries->len),
                                            source, entries->len, imported);
    }

  return g_steal_pointer (&entries);
}
