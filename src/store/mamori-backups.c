/* mamori-backups.c — automatic workspace backups
 *
 * Backups live in the user's data folder, not beside the workspace: that
 * folder is private (0700), always writable, and still there when the
 * workspace itself sits on a stick that was pulled out. Each workspace path
 * has its own folder, so a damaged file can be matched to its backups
 * without reading it.
 *
 * Two kinds are kept: at most one a day (the newest seven days), and one
 * before every schema upgrade (the newest three). Copies are made with
 * SQLite's online backup API, so a copy taken while the workspace is in use
 * is still a consistent snapshot, and each copy is checked before it counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "mamori-i18n.h"
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mamori-backups.h"
#include "mamori-files.h"
#include "mamori-store-private.h"

#define BACKUP_SUFFIX ".mamori"
#define BUSY_TIMEOUT_MS 5000

void
mamori_backup_free (MamoriBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_clear_pointer (&backup->taken, g_date_time_unref);
  g_free (backup);
}

/**
 * mamori_backups_dup_dir:
 *
 * Returns: (transfer full): the folder that holds the backups of
 *   @workspace_path, named after the file and a hash of its full path
 */
char *
mamori_backups_dup_dir (const char *workspace_path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *folder = NULL;
  char *dot;

  g_return_val_if_fail (workspace_path != NULL, NULL);

  canonical = g_canonicalize_filename (workspace_path, NULL);
  basename = g_path_get_basename (canonical);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  if (strlen (basename) > 48)
    basename[48] = '\0';
  g_strdelimit (basename, "/\\:*?\"<>|", '_');

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  hash[12] = '\0';
  folder = g_strdup_printf ("%s-%s", basename, hash);

  return g_build_filename (g_get_user_data_dir (), "mamori", "backups", folder, NULL);
}

static MamoriBackup *
parse_backup_name (const char *dir,
                   const char *name)
{
  static GRegex *regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  MamoriBackup *backup;
  int fields[6];

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("^(daily|upgrade)-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(?:-v(\\d+))?\\.mamori$",
                                      G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, compiled);
    }

  if (!g_regex_match (regex, name, 0, &match))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *field = g_match_info_fetch (match, i + 2);
      fields[i] = atoi (field);
    }

  tz = g_time_zone_new_local ();
  backup = g_new0 (MamoriBackup, 1);
  backup->taken = g_date_time_new (tz, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
  if (backup->taken == NULL)
    {
      mamori_backup_free (backup);
      return NULL;
    }

  {
    g_autofree char *kind = g_match_info_fetch (match, 1);
    g_autofree char *version = g_match_info_fetch (match, 8);

    backup->kind = g_str_equal (kind, "daily") ? MAMORI_BACKUP_DAILY : MAMORI_BACKUP_BEFORE_UPGRADE;
    backup->schema_version = version != NULL && *version != '\0' ? atoi (version) : 0;
  }
  backup->path = g_build_filename (dir, name, NULL);

  return backup;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const MamoriBackup *backup_a = *(const MamoriBackup * const *) a;
  const MamoriBackup *backup_b = *(const MamoriBackup * const *) b;
  int cmp = g_date_time_compare (backup_b->taken, backup_a->taken);

  return cmp != 0 ? cmp : g_strcmp0 (backup_b->path, backup_a->path);
}

/**
 * mamori_backups_list:
 *
 * Returns: (transfer full) (element-type MamoriBackup): the backups of
 *   @workspace_path, newest first; empty if there are none
 */
GPtrArray *
mamori_backups_list (const char *workspace_path)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *backups;
  const char *name;

  g_return_val_if_fail (workspace_path != NULL, NULL);

  backups = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_backup_free);
  dir_path = mamori_backups_dup_dir (workspace_path);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return backups;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      MamoriBackup *backup = parse_backup_name (dir_path, name);

      if (backup != NULL)
        g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/**
 * mamori_backups_dup_newest:
 *
 * Returns: (transfer full) (nullable): the newest backup of @workspace_path
 */
MamoriBackup *
mamori_backups_dup_newest (const char *workspace_path)
{
  g_autoptr(GPtrArray) backups = mamori_backups_list (workspace_path);

  if (backups->len == 0)
    return NULL;

  return g_ptr_array_steal_index (backups, 0);
}

static void
set_backup_error (GError     **error,
                  int          rc,
                  const char  *workspace_path)
{
  g_autofree char *name = g_filename_display_basename (workspace_path);

  g_debug ("Backup of %s failed: %s", workspace_path, sqlite3_errstr (rc));
  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NO_SPACE,
                 _("No automatic backup of “%s” could be made because the disk is full. Free some space and try again."),
                 name);
  else
    g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED,
                 _("No automatic backup of “%s” could be made. Check that your home folder is writable and has free space."),
                 name);
}

/* Copies @source into the new, empty file @dest_path. */
static int
copy_database (sqlite3    *source,
               const char *dest_path)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          for (guint attempt = 0; attempt < 100; attempt++)
            {
              rc = sqlite3_backup_step (backup, -1);
              if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
                break;
              sqlite3_sleep (50);
            }
          if (rc == SQLITE_DONE)
            rc = sqlite3_backup_finish (backup);
          else
            sqlite3_backup_finish (backup);
        }
    }

  /* The copy took the source's WAL flag; a copy must be a single file that
   * leaves no journal behind when it is read. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);

  return rc;
}

/* Opens @path read-only and checks it is a sound Mamori workspace. */
static int
open_checked (const char  *path,
              sqlite3    **out_db)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      rc = sqlite3_prepare_v2 (db,
                               "SELECT (SELECT quick_check FROM pragma_quick_check),"
                               "       (SELECT application_id FROM pragma_application_id)",
                               -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          gboolean sound = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
                           sqlite3_column_int (stmt, 1) == MAMORI_STORE_APPLICATION_ID;
          rc = sound ? SQLITE_OK : SQLITE_CORRUPT;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      sqlite3_close (db);
      db = NULL;
    }

  *out_db = db;
  return rc;
}

static int
check_file (const char *path)
{
  sqlite3 *db = NULL;
  int rc = open_checked (path, &db);

  sqlite3_close (db);
  return rc;
}

static void
unlink_with_journal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
rotate (const char       *workspace_path,
        MamoriBackupKind  kind,
        guint             keep)
{
  g_autoptr(GPtrArray) backups = mamori_backups_list (workspace_path);
  guint seen = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      MamoriBackup *backup = g_ptr_array_index (backups, i);

      if (backup->kind == kind && ++seen > keep)
        unlink_with_journal (backup->path);
    }
}

/* What an interrupted backup or restore left in the backup folder. */
static void
remove_leftovers (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strstr (name, BACKUP_SUFFIX ".part") != NULL ||
          g_str_has_suffix (name, BACKUP_SUFFIX "-wal") ||
          g_str_has_suffix (name, BACKUP_SUFFIX "-shm"))
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_unlink (path);
        }
    }
}

static gboolean
take_backup (sqlite3           *source,
             const char        *workspace_path,
             MamoriBackupKind   kind,
             int               from_version,
             GDateTime         *now,
             char             **out_path,
             GError           **error)
{
  g_autofree char *dir = mamori_backups_dup_dir (workspace_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *part = NULL;
  int rc;

  if (!mamori_files_ensure_private_dir (dir, error))
    return FALSE;
  remove_leftovers (dir);

  if (kind == MAMORI_BACKUP_DAILY)
    name = g_strdup_printf ("daily-%s" BACKUP_SUFFIX, stamp);
  else
    name = g_strdup_printf ("upgrade-%s-v%d" BACKUP_SUFFIX, stamp, from_version);
  path = g_build_filename (dir, name, NULL);
  part = g_strconcat (path, ".part", NULL);

  g_unlink (part);
  if (!mamori_files_create_private (part, error))
    return FALSE;

  rc = copy_database (source, part);
  if (rc == SQLITE_OK)
    rc = check_file (part);
  if (rc != SQLITE_OK)
    {
      g_unlink (part);
      set_backup_error (error, rc, workspace_path);
      return FALSE;
    }

  if (g_rename (part, path) != 0)
    {
      g_unlink (part);
      set_backup_error (error, SQLITE_IOERR, workspace_path);
      return FALSE;
    }

  rotate (workspace_path, kind,
          kind == MAMORI_BACKUP_DAILY ? MAMORI_BACKUPS_KEEP_DAILY : MAMORI_BACKUPS_KEEP_UPGRADE);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

gboolean
mamori_backups_take_before_upgrade (sqlite3     *db,
                                    const char  *workspace_path,
                                    int          from_version,
                                    GDateTime   *now,
                                    GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (workspace_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return take_backup (db, workspace_path, MAMORI_BACKUP_BEFORE_UPGRADE, from_version, now, NULL, error);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/**
 * mamori_backups_take_daily:
 * @now: the local time to file the backup under
 * @out_path: (out) (optional) (nullable): the new backup, or %NULL if one had
 *   already been taken that day
 *
 * Takes today's backup unless there is one. Opens its own connection, so it
 * may run in a worker thread while the workspace is in use.
 */
gboolean
mamori_backups_take_daily (const char  *workspace_path,
                           GDateTime   *now,
                           char       **out_path,
                           GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  sqlite3 *source = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (workspace_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (out_path != NULL)
    *out_path = NULL;

  backups = mamori_backups_list (workspace_path);
  for (guint i = 0; i < backups->len; i++)
    {
      MamoriBackup *backup = g_ptr_array_index (backups, i);

      if (backup->kind == MAMORI_BACKUP_DAILY && same_day (backup->taken, now))
        return TRUE;
    }

  /* A damaged workspace is never backed up: it would push out a good copy. */
  rc = open_checked (workspace_path, &source);
  if (rc != SQLITE_OK)
    {
      set_backup_error (error, rc, workspace_path);
      return FALSE;
    }

  ok = take_backup (source, workspace_path, MAMORI_BACKUP_DAILY, 0, now, out_path, error);
  sqlite3_close (source);

  return ok;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;
  g_chmod (to, 0600);
  return TRUE;
}

static void
sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
set_replace_error (GError     **error,
                   const char  *workspace_path,
                   const char  *reason)
{
  g_autofree char *name = g_filename_display_basename (workspace_path);

  g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_PERMISSION,
               /* Translators: %s is a file name, the second %s the system's reason */
               _("“%s” could not be replaced by its backup: %s."), name, reason);
}

/**
 * mamori_backups_restore:
 * @out_kept_path: (out) (optional) (nullable): where the replaced workspace
 *   was kept, or %NULL if there was none
 *
 * Puts @backup_path in place of @workspace_path. The file it replaces is not
 * deleted but kept, with its journal, as "<name>.damaged-<time>". At every
 * moment there is a workspace under its name — the old one or the restored
 * one — so a crash half-way leaves nothing lost and nothing missing.
 */
gboolean
mamori_backups_restore (const char  *workspace_path,
                        const char  *backup_path,
                        char       **out_kept_path,
                        GError     **error)
{
  g_autofree char *restoring = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *wal = g_strconcat (workspace_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (workspace_path, "-shm", NULL);
  g_autofree char *kept_wal = NULL;
  gboolean wal_moved = FALSE;
  sqlite3 *source = NULL;
  int rc;

  g_return_val_if_fail (workspace_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (out_kept_path != NULL)
    *out_kept_path = NULL;

  rc = open_checked (backup_path, &source);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_basename (backup_path);

      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED,
                   _("The backup “%s” is damaged too and cannot be restored."), name);
      return FALSE;
    }

  /* 1. The restored copy, complete and on disk, under a temporary name: a
   *    failure here (a full disk) leaves everything as it was. */
  restoring = g_strconcat (workspace_path, ".restoring", NULL);
  g_unlink (restoring);
  if (!mamori_files_create_private (restoring, error))
    {
      sqlite3_close (source);
      return FALSE;
    }
  rc = copy_database (source, restoring);
  sqlite3_close (source);
  if (rc != SQLITE_OK)
    {
      g_unlink (restoring);
      mamori_store_set_error_from_db (error, NULL, rc, workspace_path);
      return FALSE;
    }

  if (g_file_test (workspace_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autoptr(GError) copy_error = NULL;

      /* 2. The damaged file, kept under a second name: a hard link, or a
       *    copy where the drive has no links (FAT and exFAT sticks). */
      kept = g_strdup_printf ("%s.damaged-%s", workspace_path, stamp);
      if (link (workspace_path, kept) != 0 && !copy_file (workspace_path, kept, &copy_error))
        {
          g_unlink (restoring);
          set_replace_error (error, workspace_path, copy_error->message);
          return FALSE;
        }

      /* 3. Its journal goes with it, and must: a journal left beside the
       *    restored file would be applied to it. */
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          kept_wal = g_strconcat (kept, "-wal", NULL);
          if (g_rename (wal, kept_wal) != 0)
            {
              int saved_errno = errno;

              g_unlink (kept);
              g_unlink (restoring);
              set_replace_error (error, workspace_path, g_strerror (saved_errno));
              return FALSE;
            }
          wal_moved = TRUE;
        }
      g_unlink (shm);
    }

  /* 4. The restored copy takes the workspace's name in one step. */
  if (g_rename (restoring, workspace_path) != 0)
    {
      int saved_errno = errno;

      if (wal_moved)
        g_rename (kept_wal, wal);
      if (kept != NULL)
        g_unlink (kept);
      g_unlink (restoring);
      set_replace_error (error, workspace_path, g_strerror (saved_errno));
      return FALSE;
    }
  sync_folder_of (workspace_path);

  if (out_kept_path != NULL)
    *out_kept_path = g_steal_pointer (&kept);
  return TRUE;
}

/**
 * mamori_backups_restore_newest:
 * @out_restored: (out) (optional) (transfer full): the backup that was used
 * @out_kept_path: (out) (optional) (nullable): see mamori_backups_restore()
 *
 * Restores the newest backup that is sound, passing over damaged ones.
 */
gboolean
mamori_backups_restore_newest (const char    *workspace_path,
                               MamoriBackup **out_restored,
                               char         **out_kept_path,
                               GError       **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) last_error = NULL;

  g_return_val_if_fail (workspace_path != NULL, FALSE);

  backups = mamori_backups_list (workspace_path);
  for (guint i = 0; i < backups->len; i++)
    {
      MamoriBackup *backup = g_ptr_array_index (backups, i);

      g_clear_error (&last_error);
      if (mamori_backups_restore (workspace_path, backup->path, out_kept_path, &last_error))
        {
          if (out_restored != NULL)
            *out_restored = g_ptr_array_steal_index (backups, i);
          return TRUE;
        }
      if (!g_error_matches (last_error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED))
        break;
    }

  if (last_error == NULL)
    {
      g_autofree char *name = g_filename_display_basename (workspace_path);

      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND,
                   _("There is no automatic backup of “%s”."), name);
    }
  else if (g_error_matches (last_error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED))
    {
      g_autofree char *name = g_filename_display_basename (workspace_path);

      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED,
                   _("Every automatic backup of “%s” is damaged too; none could be restored."), name);
    }
  else
    g_propagate_error (error, g_steal_pointer (&last_error));

  return FALSE;
}
