/* test-cli.c — the command line, with no display at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-utils.h"

static void
run_mamori (const char  *argument,
            char       **out_stdout,
            int         *out_status)
{
  const char *binary = g_getenv ("MAMORI_BINARY");
  const char *argv[] = { binary, argument, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (binary);

  /* Scripts and CI run these where there is no display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, NULL, out_status, &error);
  g_assert_no_error (error);
}

static void
test_version (void)
{
  g_autofree char *output = NULL;
  g_autofree char *expected = g_strdup_printf ("mamori %s\n", PACKAGE_VERSION);
  int status;

  run_mamori ("--version", &output, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (output, ==, expected);
}

static void
test_help (void)
{
  g_autofree char *output = NULL;
  int status;

  run_mamori ("--help", &output, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (output, "WORKSPACE-FILE"));
  g_assert_nonnull (strstr (output, "--version"));
  g_assert_nonnull (strstr (output, "workspace used last"));
}

static void
test_unknown_option (void)
{
  g_autofree char *output = NULL;
  int status;

  run_mamori ("--no-such-option", &output, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);

  return g_test_run ();
}
