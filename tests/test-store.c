/* test-store.c — opening, creating, upgrading and refusing workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "store/mamori-backups.h"
#include "store/mamori-files.h"
#include "store/mamori-store-private.h"
#include "test-utils.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
dup_dir_listing (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **) names->pdata);
}

static int
store_query_int (MamoriStore *store,
                 const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (mamori_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static MamoriStore *
create_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  MamoriStore *store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (MAMORI_IS_STORE (store));
  return store;
}

/* Opening @path must fail with @code, mention the file by name, and leave
 * the file and its folder exactly as they were. */
static char *
dup_wal_sha256 (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return g_file_test (wal, G_FILE_TEST_EXISTS) ? mamori_test_dup_file_sha256 (wal) : g_strdup ("none");
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *sha_before = mamori_test_dup_file_sha256 (path);
  g_autofree char *wal_before = dup_wal_sha256 (path);
  g_autofree char *listing_before = dup_dir_listing (path);
  guint mode_before = mamori_test_file_mode (path);
  g_autofree char *sha_after = NULL;
  g_autofree char *wal_after = NULL;
  g_autofree char *listing_after = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = NULL;

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, MAMORI_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));

  sha_after = mamori_test_dup_file_sha256 (path);
  wal_after = dup_wal_sha256 (path);
  listing_after = dup_dir_listing (path);
  g_assert_cmpstr (sha_after, ==, sha_before);
  g_assert_cmpstr (wal_after, ==, wal_before);
  g_assert_cmpstr (listing_after, ==, listing_before);
  g_assert_cmpuint (mamori_test_file_mode (path), ==, mode_before);
}

static void
test_create (void)
{
  g_autofree char *path = mamori_test_workspace_path ("new.mamori");
  g_autoptr(MamoriStore) store = create_workspace (path);
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *name = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (mamori_store_get_path (store), ==, path);
  name = mamori_store_dup_display_name (store);
  g_assert_cmpstr (name, ==, "new.mamori");

  /* A new workspace is complete and empty. */
  profile = mamori_store_dup_profile (store, &error);
  g_assert_no_error (error);
  g_assert_null (mamori_profile_get_display_name (profile, FALSE));
  g_assert_cmpuint (mamori_profile_get_employees (profile), ==, 0);
  created = mamori_store_dup_setting (store, "workspace.created", &error);
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_true (g_str_has_suffix (created, "Z"));

  g_assert_cmpint (mamori_test_query_int (path, "PRAGMA user_version"), ==, mamori_store_get_schema_version ());
  g_assert_cmpint (mamori_test_query_int (path, "PRAGMA application_id"), ==, MAMORI_STORE_APPLICATION_ID);
  g_assert_cmpint (mamori_test_query_int (path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
}

static void
test_reopen (void)
{
  g_autofree char *path = mamori_test_workspace_path ("reopen.mamori");
  g_autoptr(MamoriStore) store = create_workspace (path);
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(MamoriProfile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_object_set (profile,
                "name-ja", "株式会社守り製作所",
                "name-en", "Mamori Works Co., Ltd.",
                "industry", "自動車部品製造",
                "employees", 42,
                "exports-abroad", TRUE,
                "designated-sector", TRUE,
                "security-officer", "山田 花子",
                "consultant", "佐藤 診断士",
                NULL);
  g_assert_true (mamori_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  g_assert_true (mamori_store_set_setting (store, "classification.names", "極秘;秘;社外秘;公開", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = mamori_store_dup_profile (store, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_profile_equal (loaded, profile));
  g_assert_false (mamori_profile_get_foreign_investors (loaded));
  value = mamori_store_dup_setting (store, "classification.names", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "極秘;秘;社外秘;公開");

  /* Forgetting a setting. */
  g_assert_true (mamori_store_set_setting (store, "classification.names", NULL, &error));
  g_clear_pointer (&value, g_free);
  value = mamori_store_dup_setting (store, "classification.names", &error);
  g_assert_no_error (error);
  g_assert_null (value);
}

static void
test_missing (void)
{
  g_autofree char *path = mamori_test_workspace_path ("missing.mamori");
  g_autofree char *nowhere = g_build_filename (g_get_home_dir (), "no-such-folder", "a.mamori", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = NULL;

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.mamori"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = mamori_store_open (nowhere, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static void
test_migrate_fixture (void)
{
  g_autofree char *fixture = mamori_test_fixture_path ("workspace-v1.sql");
  g_autofree char *path = mamori_test_workspace_path ("old.mamori");
  g_autofree char *sql = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  MamoriBackup *backup;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  mamori_test_exec_sql (path, sql);
  g_assert_cmpint (mamori_test_query_int (path, "PRAGMA user_version"), ==, 1);
  sha_before = mamori_test_dup_file_sha256 (path);

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* Upgraded, with nothing lost. */
  g_assert_cmpint (mamori_test_query_int (path, "PRAGMA user_version"), ==, mamori_store_get_schema_version ());
  value = mamori_store_dup_setting (store, "classification.names", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "極秘;秘;社外秘;公開");
  g_clear_pointer (&value, g_free);
  value = mamori_store_dup_setting (store, "workspace.created", &error);
  g_assert_cmpstr (value, ==, "2026-04-01T09:00:00Z");
  profile = mamori_store_dup_profile (store, &error);
  g_assert_no_error (error);
  g_assert_null (mamori_profile_get_display_name (profile, FALSE));

  /* The backup taken first is the file exactly as it was. */
  backups = mamori_backups_list (path);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpint (backup->kind, ==, MAMORI_BACKUP_BEFORE_UPGRADE);
  g_assert_cmpint (backup->schema_version, ==, 1);
  g_assert_cmpint (mamori_test_query_int (backup->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (mamori_test_query_int (backup->path, "SELECT count(*) FROM settings"), ==, 2);
  g_assert_cmpint (mamori_test_query_int (backup->path,
                                          "SELECT count(*) FROM sqlite_schema WHERE name = 'organization'"), ==, 0);
  g_assert_cmpuint (mamori_test_file_mode (backup->path), ==, 0600);
  g_assert_nonnull (sha_before);

  /* Opening again upgrades nothing, so takes no second backup. */
  g_clear_object (&store);
  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = mamori_backups_list (path);
  g_assert_cmpuint (backups->len, ==, 1);
}

/* A failed step must leave the file at its old version, whole. */
static void
test_migrate_all_or_nothing (void)
{
  g_autofree char *fixture = mamori_test_fixture_path ("workspace-v1.sql");
  g_autofree char *path = mamori_test_workspace_path ("half.mamori");
  g_autofree char *sql = NULL;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  mamori_test_exec_sql (path, sql);
  /* Something in the way of step 2: a table of that name already there. */
  mamori_test_exec_sql (path, "CREATE TABLE organization (x INTEGER);");

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_cmpint (mamori_test_query_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (mamori_test_query_int (path, "SELECT count(*) FROM settings"), ==, 2);
}

static void
test_too_new (void)
{
  g_autofree char *path = mamori_test_workspace_path ("future.mamori");
  g_autoptr(MamoriStore) store = create_workspace (path);
  g_autofree char *sql = NULL;

  g_clear_object (&store);
  sql = g_strdup_printf ("PRAGMA user_version = %d;", mamori_store_get_schema_version () + 1);
  mamori_test_exec_sql (path, sql);

  assert_refused_untouched (path, MAMORI_STORE_ERROR_TOO_NEW);
}

/* A newer version that upgraded the file and quit without a checkpoint leaves
 * the new version number in the journal only. It must still be refused, and
 * closing must not fold the journal into the file. */
static void
test_too_new_in_journal (void)
{
  g_autofree char *path = mamori_test_workspace_path ("journal.mamori");
  g_autoptr(MamoriStore) store = create_workspace (path);
  g_autofree char *sql = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sql = g_strdup_printf ("PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = %d;",
                         mamori_store_get_schema_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (mamori_test_query_int (path, "PRAGMA user_version"), ==, mamori_store_get_schema_version () + 1);

  sha_before = mamori_test_dup_file_sha256 (path);
  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_TOO_NEW);
  sha_after = mamori_test_dup_file_sha256 (path);
  g_assert_cmpstr (sha_after, ==, sha_before);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* The same with the journal index gone, as a copy or a reboot leaves
   * it: the one the refused open made goes again. */
  {
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autofree char *listing = NULL;
    g_autofree char *listing_after = NULL;

    g_unlink (shm);
    listing = dup_dir_listing (path);
    g_clear_error (&error);
    store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
    g_assert_null (store);
    g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_TOO_NEW);
    listing_after = dup_dir_listing (path);
    g_assert_cmpstr (listing_after, ==, listing);
  }
}

static void
test_not_workspace (void)
{
  g_autofree char *text = mamori_test_workspace_path ("notes.mamori");
  g_autofree char *other_app = mamori_test_workspace_path ("other.sqlite");
  g_autofree char *other_id = mamori_test_workspace_path ("other-id.sqlite");
  g_autofree char *folder = mamori_test_workspace_path ("folder.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = NULL;

  g_file_set_contents (text, "名前,分類\n図面,極秘\n", -1, &error);
  g_assert_no_error (error);
  assert_refused_untouched (text, MAMORI_STORE_ERROR_NOT_WORKSPACE);

  /* Another program's database: tables, but no Mamori application id. */
  mamori_test_exec_sql (other_app, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('ramen');");
  g_assert_no_errno (g_chmod (other_app, 0644));
  assert_refused_untouched (other_app, MAMORI_STORE_ERROR_NOT_WORKSPACE);

  mamori_test_exec_sql (other_id, "PRAGMA application_id = 42; PRAGMA user_version = 1;");
  assert_refused_untouched (other_id, MAMORI_STORE_ERROR_NOT_WORKSPACE);

  g_assert_no_errno (g_mkdir (folder, 0700));
  store = mamori_store_open (folder, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_WORKSPACE);
}

static void fill_workspace (MamoriStore *store);

/* An empty workspace file (an interrupted creation) becomes a new
 * workspace; any other empty file is not ours. */
static void
test_empty_file (void)
{
  g_autofree char *path = mamori_test_workspace_path ("empty.mamori");
  g_autofree char *notes = mamori_test_workspace_path ("notes.txt");
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_test_query_int (path, "PRAGMA user_version"), ==, mamori_store_get_schema_version ());

  g_file_set_contents (notes, "", 0, &error);
  g_assert_no_error (error);
  assert_refused_untouched (notes, MAMORI_STORE_ERROR_NOT_WORKSPACE);
}

/* An emptied workspace that has backups lost its contents: it is damaged
 * (so the backup is offered), not silently new. */
static void
test_emptied_with_backup (void)
{
  g_autofree char *path = mamori_test_workspace_path ("emptied.mamori");
  g_autoptr(MamoriStore) store = create_workspace (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_backups_take_daily (path, now, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_no_errno (truncate (path, 0));

  assert_refused_untouched (path, MAMORI_STORE_ERROR_DAMAGED);
}

/* A workspace left by a crash keeps its latest edits in the journal. */
static void
make_crashed_workspace (const char *path)
{
  g_autoptr(MamoriStore) store = create_workspace (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *db = NULL;

  fill_workspace (store);
  g_clear_object (&store);

  /* More edits, closed as a crash would close them: still in the journal. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA wal_autocheckpoint = 0;"
                                 "INSERT INTO settings VALUES ('after.crash', 'in the journal');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Its edits are all there when it is opened again. */
static void
test_crashed (void)
{
  g_autofree char *path = mamori_test_workspace_path ("crashed.mamori");
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  make_crashed_workspace (path);
  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  value = mamori_store_dup_setting (store, "after.crash", &error);
  g_assert_cmpstr (value, ==, "in the journal");
}

/* Damaged, with a journal: refusing it must not fold the journal into the
 * file or delete it. */
static void
test_damaged_with_journal (void)
{
  g_autofree char *path = mamori_test_workspace_path ("damaged-journal.mamori");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  make_crashed_workspace (path);
  /* Damage a whole stretch of pages, so that some of it is not masked by a
   * newer copy of the page in the journal. */
  mamori_test_overwrite (path, 4096 * 8, 4096 * 16, 0xA5);

  assert_refused_untouched (path, MAMORI_STORE_ERROR_DAMAGED);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Emptied, with a journal: SQLite would delete the journal of an empty
 * file, and with it the edits it holds. */
static void
test_emptied_with_journal (void)
{
  g_autofree char *path = mamori_test_workspace_path ("emptied-journal.mamori");

  make_crashed_workspace (path);
  g_assert_no_errno (truncate (path, 0));

  assert_refused_untouched (path, MAMORI_STORE_ERROR_DAMAGED);
}

/* Enough rows that the file spans many pages, so that damage lands in a
 * table rather than in free space. */
static void
fill_workspace (MamoriStore *store)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *key = g_strdup_printf ("test.row.%04u", i);
      g_autofree char *value = g_strnfill (200, 'a' + (i % 26));

      g_assert_true (mamori_store_set_setting (store, key, value, &error));
      g_assert_no_error (error);
    }
}

/* A closed workspace of many pages, ready to be damaged. */
static void
make_full_workspace (const char *path,
                     int        *page_size,
                     int        *page_count,
                     int        *middle)
{
  g_autoptr(MamoriStore) store = create_workspace (path);
  int empty_count;

  g_assert_cmpint (store_query_int (store, "PRAGMA wal_checkpoint(TRUNCATE)"), ==, 0);
  empty_count = store_query_int (store, "PRAGMA page_count");
  fill_workspace (store);
  g_assert_cmpint (store_query_int (store, "PRAGMA wal_checkpoint(TRUNCATE)"), ==, 0);
  *page_size = store_query_int (store, "PRAGMA page_size");
  *page_count = store_query_int (store, "PRAGMA page_count");
  g_assert_cmpint (*page_count, >, empty_count + 10);
  /* The middle of what was filled in, not of the schema's empty tables. */
  *middle = empty_count + (*page_count - empty_count) / 2;
}

static void
test_damaged (void)
{
  g_autofree char *path = mamori_test_workspace_path ("damaged.mamori");
  int page_size, page_count, middle;

  make_full_workspace (path, &page_size, &page_count, &middle);

  /* Garbage over a page in the middle of the settings table. */
  mamori_test_overwrite (path, (goffset) page_size * middle + 8, 64, 0xA5);
  assert_refused_untouched (path, MAMORI_STORE_ERROR_DAMAGED);
}

static void
test_truncated (void)
{
  g_autofree char *path = mamori_test_workspace_path ("truncated.mamori");
  int page_size, page_count, middle;

  make_full_workspace (path, &page_size, &page_count, &middle);
  g_assert_no_errno (truncate (path, (off_t) page_size * middle));

  assert_refused_untouched (path, MAMORI_STORE_ERROR_DAMAGED);
}

static void
test_header_overwritten (void)
{
  g_autofree char *path = mamori_test_workspace_path ("header.mamori");
  g_autoptr(MamoriStore) store = create_workspace (path);

  g_clear_object (&store);
  mamori_test_overwrite (path, 0, 100, 0x00);

  assert_refused_untouched (path, MAMORI_STORE_ERROR_NOT_WORKSPACE);
}

static void
test_read_only (void)
{
  g_autofree char *path = mamori_test_workspace_path ("locked.mamori");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(MamoriStore) store = create_workspace (path);

  g_clear_object (&store);

  g_assert_no_errno (g_chmod (path, 0400));
  assert_refused_untouched (path, MAMORI_STORE_ERROR_READ_ONLY);
  g_assert_no_errno (g_chmod (path, 0600));

  /* The journal lives beside the workspace, so its folder must be writable. */
  g_assert_no_errno (g_chmod (dir, 0500));
  assert_refused_untouched (path, MAMORI_STORE_ERROR_READ_ONLY);
  g_assert_no_errno (g_chmod (dir, 0700));

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (store);
}

static void
test_permissions (void)
{
  g_autofree char *path = mamori_test_workspace_path ("private.mamori");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *default_path = mamori_files_dup_default_workspace_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask;

  /* Even with a permissive umask. */
  old_umask = umask (0);
  store = create_workspace (path);
  g_assert_true (mamori_store_set_setting (store, "test.key", "value", &error));
  g_assert_cmpuint (mamori_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (mamori_test_file_mode (wal), ==, 0600);
  g_assert_cmpuint (mamori_test_file_mode (shm), ==, 0600);
  g_clear_object (&store);

  /* A workspace copied in readable by everyone is made private again. */
  g_assert_no_errno (g_chmod (path, 0644));
  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mamori_test_file_mode (path), ==, 0600);

  g_assert_true (mamori_files_ensure_private_dir (default_dir, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mamori_test_file_mode (default_dir), ==, 0700);
  g_assert_no_errno (g_chmod (default_dir, 0755));
  g_assert_true (mamori_files_ensure_private_dir (default_dir, &error));
  g_assert_cmpuint (mamori_test_file_mode (default_dir), ==, 0700);
  umask (old_umask);
}

static gboolean
write_then_fail (MamoriStore  *store,
                 gpointer      user_data,
                 GError      **error)
{
  sqlite3_stmt *stmt = mamori_store_prepare (store, "INSERT INTO settings (key, value) VALUES ('half', 'done')", error);

  g_assert_nonnull (stmt);
  g_assert_true (mamori_store_step_done (store, stmt, error));
  g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED, "the second half failed");
  return FALSE;
}

static void
test_write_rolls_back (void)
{
  g_autofree char *path = mamori_test_workspace_path ("rollback.mamori");
  g_autoptr(MamoriStore) store = create_workspace (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_false (mamori_store_write (store, write_then_fail, NULL, &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED);
  g_clear_error (&error);

  value = mamori_store_dup_setting (store, "half", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  /* And the store is still usable. */
  g_assert_true (mamori_store_set_setting (store, "after", "ok", &error));
  g_assert_no_error (error);
}

static void
test_busy (void)
{
  g_autofree char *path = mamori_test_workspace_path ("busy.mamori");
  g_autoptr(MamoriStore) store = create_workspace (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (mamori_store_set_setting (store, "test.key", "value", &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "busy.mamori"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_clear_error (&error);
  g_assert_true (mamori_store_set_setting (store, "test.key", "value", &error));
  g_assert_no_error (error);
}

typedef struct
{
  MamoriChange what;
  guint        count;
} Changes;

/* The detail and the argument name the same part. */
static void
on_changed (MamoriStore  *store,
            MamoriChange  what,
            Changes      *changes)
{
  g_assert_cmpint (what, ==, changes->what);
  changes->count++;
}

static void
test_changed_signal (void)
{
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(GError) error = NULL;
  Changes profile_changes = { MAMORI_CHANGE_PROFILE, 0 };
  Changes setting_changes = { MAMORI_CHANGE_SETTINGS, 0 };

  store = mamori_store_new_memory (&error);
  g_assert_no_error (error);
  g_assert_null (mamori_store_get_path (store));
  g_signal_connect (store, "changed::profile", G_CALLBACK (on_changed), &profile_changes);
  g_signal_connect (store, "changed::settings", G_CALLBACK (on_changed), &setting_changes);

  mamori_profile_set_name_ja (profile, "守り商事");
  g_assert_true (mamori_store_save_profile (store, profile, &error));
  g_assert_true (mamori_store_set_setting (store, "a", "b", &error));
  g_assert_true (mamori_store_set_setting (store, "a", "c", &error));
  g_assert_no_error (error);

  g_assert_cmpuint (profile_changes.count, ==, 1);
  g_assert_cmpuint (setting_changes.count, ==, 2);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

static gboolean
profile_name_in_copy (const char *path,
                      const char *expected)
{
  g_autofree char *copy = g_strconcat (path, "-copy.mamori", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  gboolean found;

  /* What a consultant does: copy the .mamori file, and only it. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  store = mamori_store_open (copy, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  profile = mamori_store_dup_profile (store, &error);
  g_assert_no_error (error);
  found = g_strcmp0 (mamori_profile_get_name_ja (profile), expected) == 0;
  g_clear_object (&store);
  g_unlink (copy);
  return found;
}

static void
save_profile_name (MamoriStore *store,
                   const char  *name)
{
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(GError) error = NULL;

  mamori_profile_set_name_ja (profile, name);
  g_assert_true (mamori_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
}

/* Iterates the main context until the file at @path is empty (or gone),
 * for at most five seconds. */
static goffset
wait_until_empty (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (file_size (path) > 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  return file_size (path);
}

/* A saved change reaches the .mamori file itself, not only its journal:
 * at once when asked (closing, switching, quitting), and a moment after
 * the last change when the store is told to. */
static void
test_checkpoint (void)
{
  g_autofree char *path = mamori_test_workspace_path ("one-file.mamori");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriStore) reader = NULL;
  g_autoptr(GError) error = NULL;

  store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_store_checkpoint (store, &error));

  /* Saved, but only in the journal: a copy of the file alone lacks it. */
  save_profile_name (store, "株式会社一番");
  g_assert_cmpint (file_size (wal), >, 0);
  g_assert_false (profile_name_in_copy (path, "株式会社一番"));

  g_assert_true (mamori_store_checkpoint (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_size (wal), ==, 0);
  g_assert_true (profile_name_in_copy (path, "株式会社一番"));

  /* After a pause in editing, by itself. */
  mamori_store_set_checkpoint_delay (store, 100);
  save_profile_name (store, "株式会社二番");
  g_assert_cmpint (file_size (wal), >, 0);
  g_assert_cmpint (wait_until_empty (wal), ==, 0);
  g_assert_true (profile_name_in_copy (path, "株式会社二番"));

  /* Another connection in the middle of a long read (a pack being
   * rendered) holds the journal. Asked, the checkpoint says so at once
   * instead of holding the write lock; after a pause it tries
   * again until the reader is done, and never blocks a save meanwhile. */
  reader = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (mamori_store_get_db (reader), "BEGIN; SELECT count(*) FROM settings;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  save_profile_name (store, "株式会社三番");
  g_assert_false (mamori_store_checkpoint (store, &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_BUSY);
  g_clear_error (&error);
  mamori_store_set_checkpoint_delay (store, 50);
  save_profile_name (store, "株式会社四番");
  for (int i = 0; i < 10; i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
      /* Saving goes on while the checkpoint waits for the reader. */
      save_profile_name (store, i % 2 ? "株式会社四番" : "株式会社五番");
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    }
  g_assert_cmpint (file_size (wal), >, 0);
  /* The reader ends its read but stays open: the retry folds it in. */
  g_assert_cmpint (sqlite3_exec (mamori_store_get_db (reader), "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (wait_until_empty (wal), ==, 0);
  g_assert_true (profile_name_in_copy (path, "株式会社四番"));
}

/* The body of test_disk_full, in a child process so that the small file
 * system is unmounted whatever happens here. */
static void
disk_full_in_child (const char *mount_point)
{
  g_autofree char *path = g_build_filename (mount_point, "full.mamori", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *filler = g_build_filename (mount_point, "filler", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *zeros = g_malloc0 (4096);
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FILE *fill;

  /* A workspace with a journal left over from a session that was cut off,
   * but no journal index, on a disk that is then filled up. */
  store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  save_profile_name (store, "株式会社満杯");
  g_clear_object (&store);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO settings (key, value) VALUES ('in', 'journal')", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpint (file_size (wal), >, 0);
  g_unlink (shm);
  fill = g_fopen (filler, "wb");
  g_assert_nonnull (fill);
  while (fwrite (zeros, 1, 4096, fill) == 4096 && fflush (fill) == 0)
    ;
  fclose (fill);
  sha = mamori_test_dup_file_sha256 (path);
  listing = dup_dir_listing (path);

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  /* Nothing new beside it (no journal index of a few bytes), nothing changed. */
  {
    g_autofree char *listing_after = dup_dir_listing (path);
    g_autofree char *sha_after = mamori_test_dup_file_sha256 (path);

    g_assert_cmpstr (listing_after, ==, listing);
    g_assert_cmpstr (sha_after, ==, sha);
  }

  /* A new workspace on the full disk says so too, and leaves nothing. */
  {
    g_autofree char *other = g_build_filename (mount_point, "new.mamori", NULL);
    g_autofree char *listing_after = NULL;

    store = mamori_store_open (other, MAMORI_STORE_OPEN_CREATE, &error);
    g_assert_null (store);
    g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NO_SPACE);
    g_clear_error (&error);
    listing_after = dup_dir_listing (path);
    g_assert_cmpstr (listing_after, ==, listing);
  }

  /* Space again: everything is there, the journal's change too. */
  g_unlink (filler);
  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autofree char *value = mamori_store_dup_setting (store, "in", &error);

    g_assert_cmpstr (value, ==, "journal");
  }
}

/* A full disk is named as such, and leaves nothing beside the workspace.
 * Needs a small file system of its own, which only root can mount. */
static void
test_disk_full (void)
{
  g_autofree char *mount_point = mamori_test_workspace_path ("small-disk");
  const char *mount_argv[] = { "mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", mount_point, NULL };
  const char *umount_argv[] = { "umount", mount_point, NULL };
  int status = -1;

  if (g_test_subprocess ())
    {
      disk_full_in_child (g_getenv ("MAMORI_TEST_SMALL_DISK"));
      return;
    }

  g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
  if (getuid () != 0 ||
      !g_spawn_sync (NULL, (char **) mount_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("mounting a small file system needs root");
      return;
    }
  g_setenv ("MAMORI_TEST_SMALL_DISK", mount_point, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_spawn_sync (NULL, (char **) umount_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/store/create", test_create);
  g_test_add_func ("/store/reopen", test_reopen);
  g_test_add_func ("/store/missing", test_missing);
  g_test_add_func ("/store/migrate-fixture", test_migrate_fixture);
  g_test_add_func ("/store/migrate-all-or-nothing", test_migrate_all_or_nothing);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/too-new-in-journal", test_too_new_in_journal);
  g_test_add_func ("/store/not-workspace", test_not_workspace);
  g_test_add_func ("/store/empty-file", test_empty_file);
  g_test_add_func ("/store/emptied-with-backup", test_emptied_with_backup);
  g_test_add_func ("/store/emptied-with-journal", test_emptied_with_journal);
  g_test_add_func ("/store/crashed", test_crashed);
  g_test_add_func ("/store/damaged-with-journal", test_damaged_with_journal);
  g_test_add_func ("/store/damaged", test_damaged);
  g_test_add_func ("/store/truncated", test_truncated);
  g_test_add_func ("/store/header-overwritten", test_header_overwritten);
  g_test_add_func ("/store/read-only", test_read_only);
  g_test_add_func ("/store/permissions", test_permissions);
  g_test_add_func ("/store/write-rolls-back", test_write_rolls_back);
  g_test_add_func ("/store/busy", test_busy);
  g_test_add_func ("/store/changed-signal", test_changed_signal);
  g_test_add_func ("/store/checkpoint", test_checkpoint);
  g_test_add_func ("/store/disk-full", test_disk_full);

  return g_test_run ();
}
