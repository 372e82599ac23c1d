/* mamori-store-profile.c — loading and saving the organization profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-store-private.h"

/**
 * mamori_store_dup_profile:
 *
 * Returns: (transfer full): a copy of the organization profile; changing it
 *   changes nothing until it is passed to mamori_store_save_profile()
 */
MamoriProfile *
mamori_store_dup_profile (MamoriStore  *self,
                          GError      **error)
{
  g_autoptr(MamoriProfile) profile = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT name_ja, name_en, industry, employees, exports_abroad,"
                               "       foreign_investors, designated_sector, security_officer, consultant"
                               "  FROM organization WHERE id = 1",
                               error);
  if (stmt == NULL)
    return NULL;

  profile = mamori_profile_new ();
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_object_set (profile,
                  "name-ja", mamori_store_column_text (stmt, 0),
                  "name-en", mamori_store_column_text (stmt, 1),
                  "industry", mamori_store_column_text (stmt, 2),
                  "employees", (guint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXINT32),
                  "exports-abroad", sqlite3_column_int (stmt, 4) != 0,
                  "foreign-investors", sqlite3_column_int (stmt, 5) != 0,
                  "designated-sector", sqlite3_column_int (stmt, 6) != 0,
                  "security-officer", mamori_store_column_text (stmt, 7),
                  "consultant", mamori_store_column_text (stmt, 8),
                  NULL);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return NULL;
    }

  return g_steal_pointer (&profile);
}

static gboolean
write_profile (MamoriStore  *self,
               gpointer      user_data,
               GError      **error)
{
  MamoriProfile *profile = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO organization (id, name_ja, name_en, industry, employees,"
                               "    exports_abroad, foreign_investors, designated_sector,"
                               "    security_officer, consultant, updated_at)"
                               "  VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                               "          strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
                               "  ON CONFLICT (id) DO UPDATE SET"
                               "    name_ja = excluded.name_ja, name_en = excluded.name_en,"
                               "    industry = excluded.industry, employees = excluded.employees,"
                               "    exports_abroad = excluded.exports_abroad,"
                               "    foreign_investors = excluded.foreign_investors,"
                               "    designated_sector = excluded.designated_sector,"
                               "    security_officer = excluded.security_officer,"
                               "    consultant = excluded.consultant, updated_at = excluded.updated_at",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, mamori_profile_get_name_ja (profile), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mamori_profile_get_name_en (profile), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mamori_profile_get_industry (profile), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, mamori_profile_get_employees (profile));
  sqlite3_bind_int (stmt, 5, mamori_profile_get_exports_abroad (profile));
  sqlite3_bind_int (stmt, 6, mamori_profile_get_foreign_investors (profile));
  sqlite3_bind_int (stmt, 7, mamori_profile_get_designated_sector (profile));
  sqlite3_bind_text (stmt, 8, mamori_profile_get_security_officer (profile), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, mamori_profile_get_consultant (profile), -1, SQLITE_TRANSIENT);

  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_save_profile:
 *
 * Saves every field of @profile in one transaction and emits
 * #MamoriStore::changed with the detail "profile".
 */
gboolean
mamori_store_save_profile (MamoriStore    *self,
                           MamoriProfile  *profile,
                           GError        **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (MAMORI_IS_PROFILE (profile), FALSE);

  if (!mamori_store_write (self, write_profile, profile, error))
    return FALSE;

  mamori_store_emit_changed (self, MAMORI_CHANGE_PROFILE);
  return TRUE;
}
