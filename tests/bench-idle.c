/* bench-idle.c — what an idle window holds, against a minimal libadwaita window
 *
 * meson compile -C _build bench-idle mamori
 * xvfb-run -a -s "-screen 0 1280x800x24" _build/tests/bench-idle [ASSETS]
 *
 * Starts, one after another, a minimal libadwaita window (this program with
 * --minimal) and Mamori with an empty workspace and with one of ASSETS
 * assets (default 1,000), and reads each one's resident memory (VmRSS)
 * three seconds after it started, as a user leaving the window open would
 * see it. Each is started three times; the median is printed, with its
 * ratio to the minimal window.
 *
 * Prints figures; asserts nothing about them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "store/mamori-store.h"

#define RUNS 3
#define SETTLE_US (3 * G_USEC_PER_SEC)

static void
on_activate (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), adw_status_page_new ());
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_minimal (void)
{
  g_autoptr(AdwApplication) application = adw_application_new ("io.github.mamori.BenchMinimal", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (application), 0, NULL);
}

/* The resident memory of @pid, in MB. */
static double
rss_mb (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median idle memory of @argv, started RUNS times. */
static double
idle_mb (const char * const *argv)
{
  double runs[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      GPid pid;

      if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                          G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error))
        g_error ("%s cannot be started: %s", argv[0], error->message);
      g_usleep (SETTLE_US);
      runs[i] = rss_mb (pid);
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);
    }
  qsort (runs, RUNS, sizeof (double), compare_doubles);
  return runs[RUNS / 2];
}

static void
fill (const char *path,
      guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      MamoriAsset *asset = mamori_asset_new ();
      g_autofree char *name = g_strdup_printf ("金型設計図面 %05u", i);

      g_object_set (asset, "name", name, "category", (int) (1 + i % 8), "department", "技術部", NULL);
      mamori_asset_set_rating (asset, MAMORI_VIEWPOINT_VALUE, (int) (i % 4));
      g_ptr_array_add (batch, asset);
    }
  if (n > 0)
    g_assert_true (mamori_store_add_assets (store, batch, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *full = NULL;
  guint n = 1000;
  double minimal, with_empty, with_full;

  if (argc > 1 && g_str_equal (argv[1], "--minimal"))
    return run_minimal ();
  if (argc > 1)
    n = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  /* A fresh, memory-only settings store: no recent workspace, no state. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMA_DIR, TRUE);
  folder = g_dir_make_tmp ("bench-idle-XXXXXX", NULL);
  empty = g_build_filename (folder, "empty.mamori", NULL);
  full = g_build_filename (folder, "full.mamori", NULL);
  fill (empty, 0);
  fill (full, n);

  {
    const char *self[] = { argv[0], "--minimal", NULL };
    const char *mamori_empty[] = { MAMORI_BINARY, empty, NULL };
    const char *mamori_full[] = { MAMORI_BINARY, full, NULL };

    minimal = idle_mb (self);
    with_empty = idle_mb (mamori_empty);
    with_full = idle_mb (mamori_full);
  }

  g_print ("Idle memory 3 s after start (median of %d, VmRSS)\n", RUNS);
  g_print ("  minimal libadwaita window   %6.1f MB\n", minimal);
  g_print ("  Mamori, empty workspace     %6.1f MB  %.2fx\n", with_empty, with_empty / minimal);
  g_print ("  Mamori, %u assets          %6.1f MB  %.2fx\n", n, with_full, with_full / minimal);

  g_unlink (empty);
  g_unlink (full);
  g_rmdir (folder);
  return 0;
}
