/* bench-store.c — how long opening a big workspace and saving an edit take
 *
 * meson compile -C _build bench-store && _build/tests/bench-store [ROWS]
 *
 * Fills a workspace with ROWS rows of about 300 bytes (default 100,000, about
 * the size 100,000 assets will take), then times what a user waits for:
 * opening it (header probe, PRAGMA quick_check, pragmas) and saving one
 * edit (one transaction, synced to disk). Prints figures; asserts nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "store/mamori-store-private.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static gboolean
fill (MamoriStore  *store,
      gpointer      user_data,
      GError      **error)
{
  guint rows = GPOINTER_TO_UINT (user_data);
  sqlite3_stmt *stmt = mamori_store_prepare (store, "INSERT INTO settings (key, value) VALUES (?1, ?2)", error);
  g_autofree char *value = g_strnfill (280, 'x');

  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *key = g_strdup_printf ("bench.%08u", i);

      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      if (!mamori_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint rows = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("mamori-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.mamori", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  double open_ms[RUNS];
  double save_ms[200];
  GStatBuf st;

  store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_store_write (store, fill, GUINT_TO_POINTER (rows), &error));
  g_clear_object (&store);
  g_stat (path, &st);
  g_print ("workspace: %u rows, %.1f MB\n", rows, st.st_size / 1e6);

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      open_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_object (&store);
    }
  qsort (open_ms, RUNS, sizeof (double), compare_doubles);
  g_print ("open (probe + quick_check + pragmas): median %.1f ms, min %.1f ms, max %.1f ms (%d runs)\n",
           open_ms[RUNS / 2], open_ms[0], open_ms[RUNS - 1], RUNS);

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  for (guint i = 0; i < G_N_ELEMENTS (save_ms); i++)
    {
      g_autofree char *name = g_strdup_printf ("株式会社 %u", i);
      gint64 start = g_get_monotonic_time ();

      mamori_profile_set_name_ja (profile, name);
      g_assert_true (mamori_store_save_profile (store, profile, &error));
      save_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (save_ms, G_N_ELEMENTS (save_ms), sizeof (double), compare_doubles);
  g_print ("save one edit (transaction + fsync): median %.2f ms, 95th %.2f ms (%u saves)\n",
           save_ms[G_N_ELEMENTS (save_ms) / 2], save_ms[G_N_ELEMENTS (save_ms) * 95 / 100],
           (guint) G_N_ELEMENTS (save_ms));

  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
