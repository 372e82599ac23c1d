/* bench-lookup.c — how long a keystroke in the Lookup search takes
 *
 * meson compile -C _build bench-lookup && _build/tests/bench-lookup
 *
 * Types queries character by character, as a user does (one character,
 * two, whole words, Japanese in both kana and widths, English), and times
 * mamori_catalog_search() for each keystroke over the bundled catalog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "catalog/mamori-catalog.h"

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
  static const char * const queries[] = {
    "積層セラコン", "ｾｷｿｳ", "ドイツ", "どいつ", "Germany", "量子ドット", "quantum dot", "MLCC", "半導体",
    "アメリカ合衆国", "工作機械", "ドローン", "暗号", "1%", "東海財務局", "ぬるぽがっ", "SEM", "レーザー",
  };
  g_autoptr(MamoriCatalog) catalog = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start;
  guint entries = 0;
  double total = 0;

  start = g_get_monotonic_time ();
  catalog = mamori_catalog_dup_bundled ();
  g_print ("catalog %s loaded and indexed in %.1f ms\n", mamori_catalog_get_version (catalog),
           (g_get_monotonic_time () - start) / 1000.0);
  for (guint i = 0; i < mamori_catalog_get_n_lists (catalog); i++)
    entries += mamori_catalog_get_list (catalog, i)->entries->len;

  for (guint round = 0; round < 20; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        const char *end = queries[i];

        /* Each prefix, character by character. */
        do
          {
            g_autofree char *typed = NULL;
            g_autoptr(GArray) hits = NULL;
            double ms;

            end = g_utf8_next_char (end);
            typed = g_strndup (queries[i], end - queries[i]);
            start = g_get_monotonic_time ();
            hits = mamori_catalog_search (catalog, typed, NULL);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (times, ms);
            total += ms;
          }
        while (*end != '\0');
      }

  g_array_sort (times, compare_doubles);
  g_print ("search, keystroke by keystroke over %u entries: median %.3f ms, 99th percentile %.3f ms, worst %.3f ms "
           "(mean %.3f ms; %u keystrokes; goal < 5 ms)\n",
           entries, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 99 / 100),
           g_array_index (times, double, times->len - 1), total / times->len, times->len);
  return 0;
}
