/* test-durability.c — nothing reported as saved is ever lost
 *
 * A child process opens a workspace and saves edits in a loop, printing each
 * one after its commit returned. The parent kills it with SIGKILL at a random
 * moment — while opening, in the middle of a transaction, anywhere — then
 * opens the workspace itself: it must open cleanly (no damage) and hold every
 * edit the child reported. Many rounds, on the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/mamori-store.h"
#include "test-utils.h"

#define ROUNDS 40

static char *self_path;

static int
child_main (const char *path,
            int         first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_autoptr(MamoriProfile) profile = NULL;

  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  profile = mamori_store_dup_profile (store, &error);
  if (profile == NULL)
    return 1;

  for (int n = first; ; n++)
    {
      g_autofree char *key = g_strdup_printf ("durability.%d", n);
      g_autofree char *value = g_strdup_printf ("edit %d", n);

      if (!mamori_store_set_setting (store, key, value, &error))
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
      printf ("s %d\n", n);
      fflush (stdout);

      if (n % 3 == 0)
        {
          mamori_profile_set_name_ja (profile, value);
          if (!mamori_store_save_profile (store, profile, &error))
            return 1;
          printf ("p %d\n", n);
          fflush (stdout);
        }
    }

  return 0;
}

typedef struct
{
  GArray *settings;   /* of int: edits reported as committed */
  int     last_profile;
  int     highest;
} Reported;

static void
parse_reports (const char *output,
               Reported   *reported)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n_lines = g_strv_length (lines);

  /* The last piece has no newline yet if the child died mid-write: it was
   * never fully reported, so it does not count. */
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      char kind;
      int n;

      if (sscanf (lines[i], "%c %d", &kind, &n) != 2)
        g_error ("unexpected child output: %s", lines[i]);

      if (kind == 's')
        g_array_append_val (reported->settings, n);
      else if (kind == 'p')
        reported->last_profile = MAX (reported->last_profile, n);
      reported->highest = MAX (reported->highest, n);
    }
}

static char *
run_child_and_kill (const char *path,
                    int         first,
                    guint       lifetime_ms)
{
  g_autofree char *first_text = g_strdup_printf ("%d", first);
  const char *argv[] = { self_path, "--child", path, first_text, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  gint64 deadline;
  GPid pid;
  int out_fd;
  int status;
  char buffer[4096];
  gssize n_read;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  fcntl (out_fd, F_SETFL, O_NONBLOCK);

  deadline = g_get_monotonic_time () + lifetime_ms * 1000;
  while (g_get_monotonic_time () < deadline)
    {
      n_read = read (out_fd, buffer, sizeof buffer);
      if (n_read > 0)
        g_string_append_len (output, buffer, n_read);
      else
        g_usleep (500);
    }

  g_assert_no_errno (kill (pid, SIGKILL));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);

  /* What the child wrote before it died is still in the pipe. */
  fcntl (out_fd, F_SETFL, 0);
  while ((n_read = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, n_read);
  close (out_fd);

  return g_string_free (g_steal_pointer (&output), FALSE);
}

static void
test_sigkill (void)
{
  g_autofree char *path = mamori_test_workspace_path ("durable.mamori");
  Reported reported = { g_array_new (FALSE, FALSE, sizeof (int)), 0, 0 };
  guint total_checked = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      /* Early rounds die young, often before or during the first commit. */
      guint lifetime_ms = round < 5 ? g_test_rand_int_range (1, 40) : g_test_rand_int_range (20, 250);
      g_autofree char *output = NULL;
      g_autoptr(MamoriStore) store = NULL;
      g_autoptr(MamoriProfile) profile = NULL;
      g_autoptr(GError) error = NULL;

      g_array_set_size (reported.settings, 0);
      output = run_child_and_kill (path, reported.highest + 1, lifetime_ms);
      parse_reports (output, &reported);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Killed before it could even create the file: nothing promised. */
          g_assert_cmpuint (reported.settings->len, ==, 0);
          continue;
        }

      store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < reported.settings->len; i++)
        {
          int n = g_array_index (reported.settings, int, i);
          g_autofree char *key = g_strdup_printf ("durability.%d", n);
          g_autofree char *expected = g_strdup_printf ("edit %d", n);
          g_autofree char *value = mamori_store_dup_setting (store, key, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (value, ==, expected);
          total_checked++;
        }

      if (reported.last_profile > 0)
        {
          int saved;

          profile = mamori_store_dup_profile (store, &error);
          g_assert_no_error (error);
          g_assert_cmpint (sscanf (mamori_profile_get_name_ja (profile), "edit %d", &saved), ==, 1);
          g_assert_cmpint (saved, >=, reported.last_profile);
        }
    }

  /* The test proves something only if the children got work done. */
  g_test_message ("%u committed edits checked over %d rounds", total_checked, ROUNDS);
  g_assert_cmpuint (total_checked, >=, 100);

  g_array_unref (reported.settings);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], atoi (argv[3]));

  self_path = g_canonicalize_filename (argv[0], NULL);
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/durability/sigkill", test_sigkill);

  return g_test_run ();
}
