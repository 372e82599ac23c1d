/* bench-contract-scan.c — how long scanning a long contract takes
 *
 * meson compile -C _build bench-contract-scan && _build/tests/bench-contract-scan
 *
 * Concatenates the model contracts in tests/fixtures/contracts-ja to about
 * 80,000 characters (some 40 pages) and scans the result many times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "analysis/mamori-contract-scan.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir_path = g_build_filename (SOURCE_DIR_FOR_BENCH, "fixtures", "contracts-ja", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) contract = g_string_new (NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *name;
  glong characters = 0;
  guint rounds = 200;

  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  if (names->len == 0)
    g_error ("no contracts in %s", dir_path);

  while (characters < 80000)
    for (guint i = 0; i < names->len && characters < 80000; i++)
      {
        g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
        g_autofree char *text = NULL;

        if (!g_file_get_contents (path, &text, NULL, &error))
          g_error ("%s", error->message);
        g_string_append (contract, text);
        g_string_append_c (contract, '\n');
        characters = g_utf8_strlen (contract->str, contract->len);
      }

  for (guint round = 0; round < rounds; round++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(MamoriContractScan) scan = mamori_contract_scan (contract->str, contract->len, TRUE);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
      if (round == 0)
        g_print ("%ld characters, %" G_GSIZE_FORMAT " bytes, %u articles\n",
                 characters, contract->len, mamori_contract_scan_get_n_articles (scan));
    }

  g_array_sort (times, compare_doubles);
  g_print ("scan: %u rounds, median %.2f ms, worst %.2f ms (goal < 50 ms)\n", rounds,
           g_array_index (times, double, rounds / 2), g_array_index (times, double, rounds - 1));
  return 0;
}
