/* mamori-store.c — one workspace, one SQLite file
 *
 * Opening is careful before it is fast: the file is looked at from the
 * outside (exists? writable? a SQLite file? ours? too new?) before SQLite
 * touches it, so a file we must refuse is never changed. Then the file is
 * checked (PRAGMA quick_check), backed up if it needs an upgrade, and
 * migrated in a single transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "mamori-i18n.h"
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mamori-backups.h"
#include "mamori-files.h"
#include "mamori-store-private.h"

#define BUSY_TIMEOUT_MS 5000
#define HEADER_SIZE 100

struct _MamoriStore
{
  GObject     parent_instance;

  char       *path;        /* NULL for an in-memory store */
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, finalized with the store */
  GSource    *checkpoint_source;
  guint       checkpoint_delay_ms;
  guint       in_write : 1;
  guint       accepted : 1;  /* the file was checked and is ours to change */
};

G_DEFINE_FINAL_TYPE (MamoriStore, mamori_store, G_TYPE_OBJECT)

static void     schedule_checkpoint (MamoriStore  *self);
static gboolean checkpoint          (MamoriStore  *self,
                                     GError      **error);

static void
cancel_checkpoint (MamoriStore *self)
{
  if (self->checkpoint_source != NULL)
    g_source_destroy (self->checkpoint_source);
  g_clear_pointer (&self->checkpoint_source, g_source_unref);
}

enum {
  CHANGED,
  ASSET_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (mamori-store-error-quark, mamori_store_error)

int
mamori_store_get_schema_version (void)
{
  return (int) mamori_store_n_migrations;
}

static void
mamori_store_finalize (GObject *object)
{
  MamoriStore *self = (MamoriStore *) object;

  cancel_checkpoint (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* Closing the last connection folds the journal in by itself; asked
   * for here too, in case another connection is open. */
  if (self->accepted)
    checkpoint (self, NULL);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (mamori_store_parent_class)->finalize (object);
}

static void
mamori_store_class_init (MamoriStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mamori_store_finalize;

  /**
   * MamoriStore::changed:
   * @what: the #MamoriChange; the detail names it too ("profile", …)
   *
   * Emitted after a write has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * MamoriStore::asset-changed:
   * @id: the asset
   *
   * Emitted after one asset was saved; additions, deletions and changes to
   * many assets at once emit #MamoriStore::changed with "assets" instead.
   */
  signals[ASSET_CHANGED] =
    g_signal_new ("asset-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
mamori_store_init (MamoriStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

static char *
dup_display_basename (const char *path)
{
  if (path == NULL)
    return g_strdup (_("the workspace"));
  return g_filename_display_basename (path);
}

void
mamori_store_set_error_from_db (GError     **error,
                                sqlite3     *db,
                                int          rc,
                                const char  *path)
{
  g_autofree char *name = dup_display_basename (path);

  /* The raw message helps a developer; the user gets a sentence. */
  g_debug ("SQLite error %d on %s: %s", rc, path ? path : ":memory:",
           db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  /* A full disk shows in many codes (a journal that cannot grow is an
   * I/O error); the system's reason says what it really is. */
  if (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN) && db != NULL &&
      sqlite3_system_errno (db) == ENOSPC)
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_BUSY,
                   _("“%s” is busy in another program. Close it there and try again."), name);
      break;

    case SQLITE_FULL:
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NO_SPACE,
                   _("The disk that holds “%s” is full. Free some space and try again."), name);
      break;

    case SQLITE_READONLY:
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written to. Check that the file and its folder are writable and that the drive is still connected."),
                   name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be used safely."), name);
      break;

    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_CANTOPEN:
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_PERMISSION,
                   _("“%s” could not be opened. Check that it exists and that you may read and write it and its folder."),
                   name);
      break;

    case SQLITE_IOERR:
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED,
                   _("Reading or writing “%s” failed. Check that the drive is connected and working, then try again."),
                   name);
      break;

    default:
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED,
                   _("Mamori could not finish working with “%s”. Try again; if it keeps failing, quit Mamori and start it again."),
                   name);
      break;
    }
}

static gboolean
store_exec (MamoriStore  *self,
            const char   *sql,
            GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      mamori_store_set_error_from_db (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
store_query_int (MamoriStore  *self,
                 const char   *sql,
                 int          *out_value,
                 GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      mamori_store_set_error_from_db (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

sqlite3 *
mamori_store_get_db (MamoriStore *self)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  return self->db;
}

/* Returns a cached statement, reset and with its bindings cleared. The caller
 * must sqlite3_reset() it when done reading rows so it releases its lock. */
sqlite3_stmt *
mamori_store_prepare (MamoriStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          mamori_store_set_error_from_db (error, self->db, rc, self->path);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

gboolean
mamori_store_step_done (MamoriStore   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      mamori_store_set_error_from_db (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* Folds the journal (-wal) into the workspace file and empties it, so that
 * the .mamori file alone holds every saved change. It never waits: one that
 * waits for a reader holds the write lock meanwhile, and saves would fail
 * as busy; it gives up at once instead, and is tried again later. */
static gboolean
checkpoint (MamoriStore  *self,
            GError      **error)
{
  int rc;

  if (self->path == NULL || !self->accepted)
    return TRUE;

  sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (rc != SQLITE_OK)
    {
      mamori_store_set_error_from_db (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

/**
 * mamori_store_checkpoint:
 *
 * Makes the workspace one file again: every saved change, kept until now
 * in the journal beside it (-wal), is written into the .mamori file and
 * the journal emptied. Done when a workspace is closed or switched, when
 * the application quits or is told to stop, and a moment after the last
 * change (mamori_store_set_checkpoint_delay()). Saved changes are safe
 * either way; this is so that copying only the .mamori file copies them.
 *
 * Returns: whether the file holds everything; %FALSE (busy) if another
 *   connection is reading an older state
 */
gboolean
mamori_store_checkpoint (MamoriStore  *self,
                         GError      **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_write, FALSE);

  cancel_checkpoint (self);
  return checkpoint (self, error);
}

/**
 * mamori_store_fold_journal:
 *
 * Folds the journal of the workspace at @path into it, without waiting for
 * anyone, on a connection of its own: for a worker thread that has just
 * stopped reading a workspace (today's backup) which the window may have
 * closed meanwhile. Nothing to fold, or someone still reading: nothing
 * happens; the journal is safe either way.
 */
void
mamori_store_fold_journal (const char *path)
{
  g_autofree char *wal = NULL;
  sqlite3 *db = NULL;
  GStatBuf st;

  g_return_if_fail (path != NULL);

  wal = g_strconcat (path, "-wal", NULL);
  if (g_stat (wal, &st) != 0 || st.st_size == 0)
    return;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 0);
      sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    }
  sqlite3_close (db);
}

static gboolean
checkpoint_when_idle (gpointer data)
{
  MamoriStore *self = data;

  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->checkpoint_source, g_source_unref);
  /* A reader (a pack being rendered, a backup) holds the journal: later.
   * Anything else (a full disk) leaves the changes safe in the journal,
   * and the next change or closing tries again. */
  if (!checkpoint (self, &error) && g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_BUSY))
    schedule_checkpoint (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_checkpoint (MamoriStore *self)
{
  if (self->checkpoint_delay_ms == 0 || self->path == NULL)
    return;

  /* Each change pushes it back: it runs once the user pauses. */
  cancel_checkpoint (self);
  self->checkpoint_source = g_timeout_source_new (self->checkpoint_delay_ms);
  g_source_set_callback (self->checkpoint_source, checkpoint_when_idle, self, NULL);
  g_source_set_static_name (self->checkpoint_source, "[mamori] checkpoint");
  g_source_attach (self->checkpoint_source, g_main_context_get_thread_default ());
}

/**
 * mamori_store_set_checkpoint_delay:
 * @delay_ms: how long after the last change to checkpoint, or 0 for
 *   never (the default: a store used by a worker thread or a command has
 *   no main loop, and is closed when done)
 *
 * For the window's workspace: a moment after each pause in editing, the
 * workspace is made one file again (mamori_store_checkpoint()), in the
 * thread-default main context of the caller.
 */
void
mamori_store_set_checkpoint_delay (MamoriStore *self,
                                   guint        delay_ms)
{
  g_return_if_fail (MAMORI_IS_STORE (self));

  self->checkpoint_delay_ms = delay_ms;
  if (delay_ms == 0)
    cancel_checkpoint (self);
}

/* Every write goes through here: one IMMEDIATE transaction (the write lock is
 * taken up front, so it cannot fail half-way on a busy upgrade), committed
 * only if @func succeeds, rolled back otherwise. */
gboolean
mamori_store_write (MamoriStore           *self,
                    MamoriStoreWriteFunc   func,
                    gpointer               user_data,
                    GError               **error)
{
  gboolean ok;

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!self->in_write, FALSE);

  if (!store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_write = TRUE;
  ok = func (self, user_data, error);
  self->in_write = FALSE;

  if (ok)
    ok = store_exec (self, "COMMIT", error);

  if (!ok && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  if (ok)
    schedule_checkpoint (self);

  return ok;
}

/**
 * mamori_store_read:
 *
 * Runs @func in one read transaction: every query it makes sees the
 * workspace as it was when the first one ran, whatever other connections
 * commit meanwhile — so a long read (a briefing pack) is consistent.
 * @func must not write.
 */
gboolean
mamori_store_read (MamoriStore           *self,
                   MamoriStoreReadFunc    func,
                   gpointer               user_data,
                   GError               **error)
{
  gboolean ok;

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!self->in_write, FALSE);

  /* Inside a read already (a pack reads the workspace in one): part of it. */
  if (!sqlite3_get_autocommit (self->db))
    return func (self, user_data, error);
  if (!store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  ok = func (self, user_data, error);
  /* Nothing was written: ending it cannot lose anything. */
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return ok;
}

/* The details of #MamoriStore::changed, by #MamoriChange. */
static const char * const change_names[MAMORI_N_CHANGES] = {
  [MAMORI_CHANGE_PROFILE] = "profile",
  [MAMORI_CHANGE_SETTINGS] = "settings",
  [MAMORI_CHANGE_ASSETS] = "assets",
  [MAMORI_CHANGE_CONTRACTS] = "contracts",
  [MAMORI_CHANGE_CONTRACT_TEXT] = "contract-text",
  [MAMORI_CHANGE_CHECKLISTS] = "checklists",
  [MAMORI_CHANGE_INCIDENTS] = "incidents",
  [MAMORI_CHANGE_SCREENINGS] = "screenings",
  [MAMORI_CHANGE_END_USERS] = "end-users",
  [MAMORI_CHANGE_ACTIONS] = "actions",
  [MAMORI_CHANGE_DISMISSALS] = "dismissals",
  [MAMORI_CHANGE_SNAPSHOTS] = "snapshots",
};

void
mamori_store_emit_changed (MamoriStore  *self,
                           MamoriChange  what)
{
  g_return_if_fail (MAMORI_IS_STORE (self));
  g_return_if_fail (what < MAMORI_N_CHANGES);

  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (change_names[what]), (int) what);
}

/**
 * mamori_store_connect_changed:
 * @what: the part of the workspace to follow
 * @callback: called with @object first (swapped), then the store
 * @object: the listener; the connection ends when it goes
 *
 * Follows the writes to one part of the workspace.
 *
 * Returns: the handler id
 */
gulong
mamori_store_connect_changed (MamoriStore  *self,
                              MamoriChange  what,
                              GCallback     callback,
                              gpointer      object)
{
  g_autofree char *signal = NULL;

  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);
  g_return_val_if_fail (what < MAMORI_N_CHANGES, 0);

  signal = g_strconcat ("changed::", change_names[what], NULL);
  return g_signal_connect_object (self, signal, callback, object, G_CONNECT_SWAPPED);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
set_too_new_error (GError     **error,
                   const char  *path)
{
  g_autofree char *name = dup_display_basename (path);

  g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_TOO_NEW,
               _("“%s” was saved by a newer version of Mamori. Update Mamori to open it; the file has not been changed."),
               name);
}

static void
set_not_workspace_error (GError     **error,
                         const char  *path)
{
  g_autofree char *name = dup_display_basename (path);

  g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_WORKSPACE,
               _("“%s” is not a Mamori workspace. Choose a workspace file (.mamori), or create a new workspace."),
               name);
}

/* Looks at the file from the outside, before SQLite may touch it. Sets
 * @out_exists to FALSE for a file that does not exist yet or is empty. */
static gboolean
probe_file (const char            *path,
            MamoriStoreOpenFlags   flags,
            gboolean              *out_exists,
            GError               **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  guint8 header[HEADER_SIZE];
  GStatBuf st;
  gssize n_read;
  int fd;

  *out_exists = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && (flags & MAMORI_STORE_OPEN_CREATE) != 0)
        {
          if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
            {
              g_autofree char *dir_name = g_filename_display_name (dir);

              g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND,
                           _("The folder “%s” does not exist. Choose another folder for the workspace."),
                           dir_name);
              return FALSE;
            }
          if (!mamori_files_is_writable (dir))
            {
              g_autofree char *dir_name = g_filename_display_name (dir);

              g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_READ_ONLY,
                           _("The folder “%s” is read-only. Choose a folder you can write to."),
                           dir_name);
              return FALSE;
            }
          return TRUE;
        }

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND,
                     _("“%s” does not exist. It may have been moved, renamed or deleted."), name);
      else
        g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_PERMISSION,
                     _("“%s” could not be opened: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_WORKSPACE,
                   _("“%s” is a folder. Choose a workspace file (.mamori) inside it."), name);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      set_not_workspace_error (error, path);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_PERMISSION,
                   _("“%s” could not be opened: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = read (fd, header, sizeof header);
  close (fd);

  if (n_read == 0)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autoptr(MamoriBackup) backup = mamori_backups_dup_newest (path);
      GStatBuf wal_st;

      /* An empty file whose journal or backups hold data is a workspace that
       * lost its contents: damaged, so that its backup is offered. (SQLite
       * would also delete a journal beside an empty file.) */
      if (backup != NULL || (g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0))
        {
          g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED,
                       _("“%s” is damaged and cannot be used safely."), name);
          return FALSE;
        }

      /* Otherwise it is a workspace whose creation was interrupted — if it
       * was meant to be one at all. */
      if ((flags & MAMORI_STORE_OPEN_CREATE) == 0 && !g_str_has_suffix (path, ".mamori"))
        {
          set_not_workspace_error (error, path);
          return FALSE;
        }
      if (!mamori_files_is_writable (path))
        goto read_only;
      return TRUE;
    }

  if (n_read < HEADER_SIZE || memcmp (header, "SQLite format 3", 16) != 0)
    {
      set_not_workspace_error (error, path);
      return FALSE;
    }

  /* Header fields, see https://www.sqlite.org/fileformat.html#the_database_header */
  {
    guint32 user_version = read_be32 (header + 60);
    guint32 application_id = read_be32 (header + 68);

    if (application_id == MAMORI_STORE_APPLICATION_ID &&
        user_version > (guint32) mamori_store_get_schema_version ())
      {
        set_too_new_error (error, path);
        return FALSE;
      }

    /* Our migrations set both fields together; a file with only one of them
     * belongs to another program. */
    if (application_id != MAMORI_STORE_APPLICATION_ID && (application_id != 0 || user_version != 0))
      {
        set_not_workspace_error (error, path);
        return FALSE;
      }
  }

  if (!mamori_files_is_writable (path))
    goto read_only;

  /* The journal (-wal, -shm) lives beside the workspace. */
  if (!mamori_files_is_writable (dir))
    {
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_READ_ONLY,
                   _("The folder that holds “%s” is read-only. Mamori saves every change at once and keeps a journal beside the workspace, so copy the workspace to a folder you can write to and open the copy."),
                   name);
      return FALSE;
    }

  *out_exists = TRUE;
  return TRUE;

read_only:
  g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_READ_ONLY,
               _("“%s” is read-only. Mamori saves every change at once, so it needs a workspace it can write to: make the file writable, or copy it to a folder you can write to and open the copy."),
               name);
  return FALSE;
}

static gboolean
check_integrity (MamoriStore  *self,
                 GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          ok = g_strcmp0 (result, "ok") == 0;
          if (!ok)
            {
              g_debug ("quick_check of %s: %s", self->path, result);
              rc = SQLITE_CORRUPT;
            }
        }
    }
  sqlite3_finalize (stmt);

  if (!ok)
    mamori_store_set_error_from_db (error, self->db, rc, self->path);

  return ok;
}

static gboolean
migrate (MamoriStore  *self,
         int           from_version,
         GError      **error)
{
  g_autofree char *set_version = NULL;
  int to_version = mamori_store_get_schema_version ();

  if (!store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int version = from_version + 1; version <= to_version; version++)
    {
      if (!store_exec (self, mamori_store_migrations[version - 1], error))
        goto rollback;
    }

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 MAMORI_STORE_APPLICATION_ID, to_version);
  if (!store_exec (self, set_version, error) ||
      !store_exec (self, "COMMIT", error))
    goto rollback;

  return TRUE;

rollback:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Opens the connection and brings the schema up to date. */
static gboolean
open_database (MamoriStore  *self,
               const char   *filename,
               gboolean      created,
               GError      **error)
{
  int rc;
  int version = 0;
  int application_id = 0;
  int n_objects = 0;

  rc = sqlite3_open_v2 (filename, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      mamori_store_set_error_from_db (error, self->db, rc, self->path);
      return FALSE;
    }

  /* Until the file is accepted, closing must never fold the journal into
   * it: a refused file is left exactly as it was found. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_integrity (self, error) ||
      !store_query_int (self, "PRAGMA user_version", &version, error) ||
      !store_query_int (self, "PRAGMA application_id", &application_id, error) ||
      !store_query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  /* Checked again now that SQLite has read the journal too: a newer version
   * may have migrated the file without a checkpoint since. */
  if (application_id == MAMORI_STORE_APPLICATION_ID
      ? version > mamori_store_get_schema_version ()
      : (application_id != 0 || version != 0 || n_objects > 0))
    {
      if (application_id == MAMORI_STORE_APPLICATION_ID)
        set_too_new_error (error, self->path);
      else
        set_not_workspace_error (error, self->path);
      return FALSE;
    }

  if (self->path != NULL)
    {
      /* WAL: readers never wait for the writer, and a crash loses at most
       * the transaction in flight. FULL: each commit reaches the disk, so
       * pulling the power does not lose a change the user already saw. */
      if (!store_exec (self, "PRAGMA journal_mode = WAL", error) ||
          !store_exec (self, "PRAGMA synchronous = FULL", error))
        return FALSE;
    }

  if (!store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (version < mamori_store_get_schema_version ())
    {
      if (version > 0 && self->path != NULL && !created)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();

          /* No upgrade without a way back. */
          if (!mamori_backups_take_before_upgrade (self->db, self->path, version, now, error))
            return FALSE;
        }

      if (!migrate (self, version, error))
        return FALSE;
    }

  if (!mamori_store_assets_prepare (self, error))
    return FALSE;

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  self->accepted = TRUE;
  return TRUE;
}

/* Whether another process has the workspace open: every connection holds
 * a read lock on the journal index's "dead man switch" byte, see
 * https://www.sqlite.org/walformat.html#the_wal_index_file_format (our own
 * connections are not seen, and by now ours is closed). */
static gboolean
shm_in_use (const char *shm)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 128, .l_len = 1 };
  int fd = g_open (shm, O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  gboolean in_use;

  if (fd < 0)
    return FALSE;
  in_use = fcntl (fd, F_GETLK, &lock) != 0 || lock.l_type != F_UNLCK;
  close (fd);
  return in_use;
}

/**
 * mamori_store_open:
 * @path: the workspace file
 * @flags: %MAMORI_STORE_OPEN_CREATE to create a missing file
 * @error: a #MAMORI_STORE_ERROR whose message can be shown as it is
 *
 * Returns: (transfer full): the open workspace, or %NULL
 */
MamoriStore *
mamori_store_open (const char            *path,
                   MamoriStoreOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(MamoriStore) self = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  gboolean exists = FALSE;
  gboolean created = FALSE;
  gboolean had_wal, had_shm;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!probe_file (path, flags, &exists, error))
    return NULL;

  if (!exists && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!mamori_files_create_private (path, error))
        return NULL;
      created = TRUE;
    }

  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  had_shm = g_file_test (shm, G_FILE_TEST_EXISTS);

  self = g_object_new (MAMORI_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_database (self, path, created || !exists, error))
    {
      GStatBuf st;

      /* Closes the connection. */
      g_clear_object (&self);

      /* A refused file is left as it was found. SQLite may have made an
       * empty journal or a journal index (-shm, a few bytes when the disk
       * is full) beside it; neither holds anything, and both can go. */
      if (!had_wal && (g_stat (wal, &st) != 0 || st.st_size == 0))
        g_unlink (wal);
      /* The journal index this open made (a few bytes if the disk is full)
       * goes too, unless another program opened the workspace meanwhile. */
      if (!had_shm && !shm_in_use (shm))
        g_unlink (shm);
      if (created)
        g_unlink (path);
      return NULL;
    }

  /* Only a file we accepted is ours to change. */
  mamori_files_tighten (path);
  mamori_files_tighten (wal);
  mamori_files_tighten (shm);

  return g_steal_pointer (&self);
}

/**
 * mamori_store_new_memory:
 *
 * A workspace that lives in memory only, for tests and previews.
 *
 * Returns: (transfer full): a new store
 */
MamoriStore *
mamori_store_new_memory (GError **error)
{
  g_autoptr(MamoriStore) self = g_object_new (MAMORI_TYPE_STORE, NULL);

  if (!open_database (self, ":memory:", TRUE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * mamori_store_get_path:
 *
 * Returns: (nullable): the workspace file, or %NULL for an in-memory store
 */
const char *
mamori_store_get_path (MamoriStore *self)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  return self->path;
}

char *
mamori_store_dup_display_name (MamoriStore *self)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  return dup_display_basename (self->path);
}

/**
 * mamori_store_dup_setting:
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if it was never
 *   set (and @error is not set) or on error
 */
char *
mamori_store_dup_setting (MamoriStore  *self,
                          const char   *key,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = mamori_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    mamori_store_set_error_from_db (error, self->db, rc, self->path);
  sqlite3_reset (stmt);

  return value;
}

typedef struct
{
  const char *key;
  const char *value;
} Setting;

static gboolean
write_setting (MamoriStore  *self,
               gpointer      user_data,
               GError      **error)
{
  const Setting *setting = user_data;
  sqlite3_stmt *stmt;

  if (setting->value == NULL)
    stmt = mamori_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = mamori_store_prepare (self,
                                 "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, setting->key, -1, SQLITE_STATIC);
  if (setting->value != NULL)
    sqlite3_bind_text (stmt, 2, setting->value, -1, SQLITE_STATIC);

  return mamori_store_step_done (self, stmt, error);
}

/**
 * mamori_store_set_setting:
 * @value: (nullable): the new value, or %NULL to forget the setting
 */
gboolean
mamori_store_set_setting (MamoriStore  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  Setting setting = { key, value };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!mamori_store_write (self, write_setting, &setting, error))
    return FALSE;

  mamori_store_emit_changed (self, MAMORI_CHANGE_SETTINGS);
  return TRUE;
}

/* What the store files share to read and write rows. */

const char *
mamori_store_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Enums are stored as their nicks, which do not change when values are
 * added or reordered. */
const char *
mamori_store_enum_to_nick (GType type,
                           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : "";
}

/* A nick this version does not know (a later one wrote it) reads as
 * @fallback rather than failing. */
int
mamori_store_enum_from_nick (GType       type,
                             const char *nick,
                             int         fallback)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return enum_value != NULL ? enum_value->value : fallback;
}

gboolean
mamori_store_read_rows (MamoriStore         *self,
                        sqlite3_stmt        *stmt,
                        MamoriStoreRowFunc   row_func,
                        gpointer             user_data,
                        GError             **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row_func (stmt, user_data);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}
