/* test-utils.c — what every Mamori test shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-utils.h"

/* Every test case runs with its own empty HOME and XDG folders, so backups,
 * settings and default workspaces never leak from one case to the next. */
void
mamori_test_init (int    *argc,
                  char ***argv)
{
  const char *localedir = g_getenv ("MAMORI_TEST_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* A path for a new workspace in a fresh private folder of the test's HOME. */
char *
mamori_test_workspace_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_home_dir (), "Workspaces", NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  return g_build_filename (dir, name, NULL);
}

char *
mamori_test_dup_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

guint
mamori_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  return st.st_mode & 07777;
}

void
mamori_test_overwrite (const char *path,
                       goffset     offset,
                       gsize       length,
                       guint8      byte)
{
  g_autofree guint8 *garbage = g_malloc (length);
  int fd;

  memset (garbage, byte, length);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, length, offset), ==, (gssize) length);
  close (fd);
}

void
mamori_test_exec_sql (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("SQL failed on %s: %s", path, message);
  sqlite3_close (db);
}

int
mamori_test_query_int (const char *path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

char *
mamori_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}
