/* test-backups.c — automatic backups: taken, rotated, restored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "store/mamori-backups.h"
#include "store/mamori-store.h"
#include "test-utils.h"

static MamoriStore *
create_with_name (const char *path,
                  const char *name_ja)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  MamoriStore *store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  mamori_profile_set_name_ja (profile, name_ja);
  g_assert_true (mamori_store_save_profile (store, profile, &error));
  g_assert_no_error (error);

  return store;
}

static char *
dup_name_ja (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_autoptr(MamoriProfile) profile = NULL;

  g_assert_no_error (error);
  profile = mamori_store_dup_profile (store, &error);
  g_assert_no_error (error);

  return g_strdup (mamori_profile_get_name_ja (profile));
}

static GDateTime *
local_time (int year, int month, int day, int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  return g_date_time_new (tz, year, month, day, hour, 30, 0);
}

static void
test_daily (void)
{
  g_autofree char *path = mamori_test_workspace_path ("daily.mamori");
  g_autoptr(MamoriStore) store = create_with_name (path, "毎日株式会社");
  g_autoptr(GDateTime) morning = local_time (2026, 11, 25, 9);
  g_autoptr(GDateTime) evening = local_time (2026, 11, 25, 18);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *second = NULL;
  g_autofree char *dir = mamori_backups_dup_dir (path);
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_assert_true (mamori_backups_take_daily (path, morning, &backup_path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (backup_path);
  g_assert_true (g_str_has_prefix (backup_path, dir));
  g_assert_cmpuint (mamori_test_file_mode (backup_path), ==, 0600);
  g_assert_cmpuint (mamori_test_file_mode (dir), ==, 0700);

  /* The copy is a sound workspace with the data, taken while the workspace
   * is open and its latest change is still in the journal. */
  name = dup_name_ja (backup_path);
  g_assert_cmpstr (name, ==, "毎日株式会社");

  /* At most one a day. */
  g_assert_true (mamori_backups_take_daily (path, evening, &second, &error));
  g_assert_no_error (error);
  g_assert_null (second);
  backups = mamori_backups_list (path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (((MamoriBackup *) g_ptr_array_index (backups, 0))->kind, ==, MAMORI_BACKUP_DAILY);
}

static void
test_rotation (void)
{
  g_autofree char *path = mamori_test_workspace_path ("rotate.mamori");
  g_autoptr(MamoriStore) store = create_with_name (path, "回転");
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(MamoriBackup) newest = NULL;
  g_autoptr(GError) error = NULL;

  for (int day = 1; day <= 10; day++)
    {
      g_autoptr(GDateTime) when = local_time (2026, 11, day, 12);

      g_assert_true (mamori_backups_take_daily (path, when, NULL, &error));
      g_assert_no_error (error);
    }

  backups = mamori_backups_list (path);
  g_assert_cmpuint (backups->len, ==, MAMORI_BACKUPS_KEEP_DAILY);
  /* Newest first: the 10th down to the 4th. */
  for (guint i = 0; i < backups->len; i++)
    {
      MamoriBackup *backup = g_ptr_array_index (backups, i);
      g_assert_cmpint (g_date_time_get_day_of_month (backup->taken), ==, 10 - (int) i);
    }

  newest = mamori_backups_dup_newest (path);
  g_assert_cmpint (g_date_time_get_day_of_month (newest->taken), ==, 10);
}

static void
test_separate_folders (void)
{
  g_autofree char *a = mamori_test_workspace_path ("same.mamori");
  g_autofree char *b_dir = g_build_filename (g_get_home_dir (), "Clients", NULL);
  g_autofree char *b = g_build_filename (b_dir, "same.mamori", NULL);
  g_autofree char *dir_a = mamori_backups_dup_dir (a);
  g_autofree char *dir_b = mamori_backups_dup_dir (b);

  /* Two clients' files of the same name must never share backups. */
  g_assert_cmpstr (dir_a, !=, dir_b);
  g_assert_nonnull (strstr (dir_a, "same-"));
  g_assert_null (mamori_backups_dup_newest (a));
}

static void
test_restore (void)
{
  g_autofree char *path = mamori_test_workspace_path ("restore.mamori");
  g_autoptr(MamoriStore) store = create_with_name (path, "バックアップ時の名前");
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(MamoriBackup) newest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_sha = NULL;
  g_autofree char *damaged_sha = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kept_base = NULL;
  g_autofree char *kept_wal = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (mamori_backups_take_daily (path, now, NULL, &error));
  g_assert_no_error (error);

  /* Later edits, then the file is damaged. */
  mamori_profile_set_name_ja (profile, "後の名前");
  g_assert_true (mamori_store_save_profile (store, profile, &error));
  g_clear_object (&store);
  mamori_test_overwrite (path, 0, 100, 0x00);
  g_file_set_contents (wal, "journal of the damaged file", -1, &error);
  g_assert_no_error (error);
  damaged_sha = mamori_test_dup_file_sha256 (path);
  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);

  newest = mamori_backups_dup_newest (path);
  g_assert_nonnull (newest);
  g_assert_true (mamori_backups_restore (path, newest->path, &kept, &error));
  g_assert_no_error (error);

  /* The damaged file is kept, byte for byte, beside the workspace. */
  g_assert_nonnull (kept);
  kept_base = g_path_get_basename (kept);
  g_assert_true (g_str_has_prefix (kept_base, "restore.mamori.damaged-"));
  kept_sha = mamori_test_dup_file_sha256 (kept);
  g_assert_cmpstr (kept_sha, ==, damaged_sha);
  /* Its journal went with it; none is left beside the restored file. */
  kept_wal = g_strconcat (kept, "-wal", NULL);
  g_assert_true (g_file_test (kept_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (mamori_test_file_mode (path), ==, 0600);

  name = dup_name_ja (path);
  g_assert_cmpstr (name, ==, "バックアップ時の名前");
}

static void
test_restore_damaged_backup (void)
{
  g_autofree char *path = mamori_test_workspace_path ("twice.mamori");
  g_autoptr(MamoriStore) store = create_with_name (path, "二重");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;

  g_assert_true (mamori_backups_take_daily (path, now, &backup_path, &error));
  g_clear_object (&store);
  mamori_test_overwrite (backup_path, 0, 100, 0x00);
  sha_before = mamori_test_dup_file_sha256 (path);

  g_assert_false (mamori_backups_restore (path, backup_path, NULL, &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED);

  /* Nothing was touched. */
  sha_after = mamori_test_dup_file_sha256 (path);
  g_assert_cmpstr (sha_after, ==, sha_before);
}

/* The newest backup is damaged: the next one is restored instead. */
static void
test_restore_falls_back (void)
{
  g_autofree char *path = mamori_test_workspace_path ("fallback.mamori");
  g_autoptr(MamoriStore) store = create_with_name (path, "一昨日");
  g_autoptr(GDateTime) day1 = local_time (2026, 11, 23, 10);
  g_autoptr(GDateTime) day2 = local_time (2026, 11, 24, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriBackup) restored = NULL;
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autofree char *newest = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *name = NULL;

  g_assert_true (mamori_backups_take_daily (path, day1, NULL, &error));
  mamori_profile_set_name_ja (profile, "昨日");
  g_assert_true (mamori_store_save_profile (store, profile, &error));
  g_assert_true (mamori_backups_take_daily (path, day2, &newest, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  mamori_test_overwrite (newest, 0, 100, 0x00);
  mamori_test_overwrite (path, 0, 100, 0x00);

  g_assert_true (mamori_backups_restore_newest (path, &restored, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_day_of_month (restored->taken), ==, 23);
  name = dup_name_ja (path);
  g_assert_cmpstr (name, ==, "一昨日");
}

static void
test_restore_none_sound (void)
{
  g_autofree char *path = mamori_test_workspace_path ("hopeless.mamori");
  g_autoptr(MamoriStore) store = create_with_name (path, "全滅");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;

  g_assert_false (mamori_backups_restore_newest (path, NULL, NULL, &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (mamori_backups_take_daily (path, now, &backup, &error));
  g_clear_object (&store);
  mamori_test_overwrite (backup, 0, 100, 0x00);
  sha_before = mamori_test_dup_file_sha256 (path);
  g_assert_false (mamori_backups_restore_newest (path, NULL, NULL, &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_DAMAGED);
  sha_after = mamori_test_dup_file_sha256 (path);
  g_assert_cmpstr (sha_after, ==, sha_before);
}

/* A backup is one self-contained file; nothing is left beside it, and what
 * an interrupted backup left is cleared away. */
static void
test_backup_is_one_file (void)
{
  g_autofree char *path = mamori_test_workspace_path ("single.mamori");
  g_autoptr(MamoriStore) store = create_with_name (path, "単独");
  g_autoptr(GDateTime) day1 = local_time (2026, 11, 20, 10);
  g_autoptr(GDateTime) day2 = local_time (2026, 11, 21, 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *dir = mamori_backups_dup_dir (path);
  g_autofree char *stale = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;
  gsize length;

  g_assert_true (mamori_backups_take_daily (path, day1, &backup, &error));
  g_assert_no_error (error);

  /* Rollback journal, not WAL (file format bytes 18 and 19 are 1). */
  g_file_get_contents (backup, &header, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);

  stale = g_build_filename (dir, "daily-20261101-000000.mamori.part", NULL);
  g_file_set_contents (stale, "half", -1, &error);
  g_assert_true (mamori_backups_take_daily (path, day2, NULL, &error));
  g_assert_no_error (error);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_has_suffix (name, ".mamori"));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 2);
}

/* A damaged workspace is never backed up: it would push out a good copy. */
static void
test_no_backup_of_damage (void)
{
  g_autofree char *path = mamori_test_workspace_path ("nocopy.mamori");
  g_autoptr(MamoriStore) store = create_with_name (path, "壊れ");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_clear_object (&store);
  mamori_test_overwrite (path, 0, 100, 0x00);

  g_assert_false (mamori_backups_take_daily (path, now, NULL, &error));
  g_assert_nonnull (error);
  backups = mamori_backups_list (path);
  g_assert_cmpuint (backups->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/backups/daily", test_daily);
  g_test_add_func ("/backups/rotation", test_rotation);
  g_test_add_func ("/backups/separate-folders", test_separate_folders);
  g_test_add_func ("/backups/restore", test_restore);
  g_test_add_func ("/backups/restore-damaged-backup", test_restore_damaged_backup);
  g_test_add_func ("/backups/no-backup-of-damage", test_no_backup_of_damage);
  g_test_add_func ("/backups/restore-falls-back", test_restore_falls_back);
  g_test_add_func ("/backups/restore-none-sound", test_restore_none_sound);
  g_test_add_func ("/backups/backup-is-one-file", test_backup_is_one_file);

  return g_test_run ();
}
