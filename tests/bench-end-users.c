/* bench-end-users.c — how long screening one name against the End User List takes
 *
 * meson compile -C _build bench-end-users && _build/tests/bench-end-users [--verbose] [ENTRIES…]
 *
 * For each list size (default 835, the list in force since 2025-10-09;
 * 1,000; and 2,000 for headroom), makes that many synthetic entries with
 * names shaped like the real ones (place, coined name, trade words,
 * corporate form; acronyms and other names as aliases), writes them as a
 * CSV in METI's layout, and times the import (parse, build, matcher). Then
 * times 4,000 names screened one by one: half are listed names as a user
 * would type them (another corporate form, lower case, a typo, words in
 * another order, an alias), half are names of other organizations made the
 * same way, which must be compared with everything and find nothing.
 *
 * With --verbose, also prints the listed names not found and the other
 * names that found something, to judge the matching by.
 *
 * Prints figures; asserts nothing about speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "catalog/mamori-end-users.h"

#define N_QUERIES 4000

static gboolean verbose;

static const char * const places[] = {
  "Beijing", "Shanghai", "Tianjin", "Shenzhen", "Harbin", "Nanjing", "Xi'an", "Chengdu", "Wuhan", "Changsha",
  "Tehran", "Isfahan", "Shiraz", "Tabriz", "Karachi", "Lahore", "Islamabad", "Moscow", "Damascus", "Pyongyang",
  "Dubai", "Minsk", "China", "Iran", "Pakistan", "Russian", "Syrian", "Korea",
};

static const char * const syllables[] = {
  "zhong", "hua", "tian", "xin", "rui", "kai", "sheng", "long", "feng", "hai", "jin", "bao", "xing", "yuan",
  "pars", "sepehr", "kavosh", "arman", "dana", "farab", "hormoz", "rostam", "neva", "volga", "almaz", "tavan",
  "mehr", "sanat", "kimia", "nour", "baran", "shams", "taj", "noor", "vega", "orion", "zenit", "granit",
};

static const char * const trades[] = {
  "Electronic Technology", "Aerospace Industries", "Precision Machinery", "Chemical Industries",
  "Research Institute of Metallurgy", "University of Science and Technology", "Trading",
  "Engineering Group", "Optical Instruments", "Nuclear Power Research Institute", "Composite Materials",
  "Industrial Group", "Import and Export", "Aviation Industry", "Defense Industries Organization",
  "Machine Tools Factory", "Energy Development", "Instruments Plant", "Laser Technology", "Special Steel",
  "Institute of Physics", "Shipbuilding", "Polytechnic University", "Rocket Propulsion Center",
};

static const char * const forms[] = {
  "Co., Ltd.", "Company", "Corporation", "LLC", "JSC", "", "", "Co.", "Limited", "(Group) Co., Ltd.", "Inc.",
};

static char *
coined_word (GRand *rand)
{
  g_autofree char *word = g_strconcat (syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))],
                                       syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))], NULL);
  word[0] = g_ascii_toupper (word[0]);
  return g_steal_pointer (&word);
}

static MamoriEndUser *
synthetic_entry (GRand *rand,
                 guint  number)
{
  g_autofree char *coined = coined_word (rand);
  const char *place = places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))];
  const char *trade = trades[g_rand_int_range (rand, 0, G_N_ELEMENTS (trades))];
  const char *form = forms[g_rand_int_range (rand, 0, G_N_ELEMENTS (forms))];
  g_autofree char *name = g_strdup_printf (g_rand_boolean (rand) ? "%s %s %s %s" : "%2$s %1$s %3$s %4$s",
                                           place, coined, trade, form);
  g_autoptr(GString) aliases = g_string_new (NULL);

  g_strchomp (name);
  if (g_rand_int_range (rand, 0, 10) < 4)
    {
      /* The initials, and the name without the place. */
      for (const char *p = name; *p != '\0'; p++)
        if (g_ascii_isupper (*p) && (p == name || p[-1] == ' '))
          g_string_append_c (aliases, *p);
      g_string_append_printf (aliases, "; %s %s Co.", coined, trade);
    }

  return mamori_end_user_new (number, place, name, aliases->str, "M");
}

/* A listed name as a user may have it in their records. */
static char *
variation (GRand               *rand,
           const MamoriEndUser *entry)
{
  g_autofree char *name = g_strdup (entry->name);
  g_auto(GStrv) aliases = NULL;
  char *p;

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      return g_ascii_strdown (name, -1);
    case 1:
      if ((p = strstr (name, " Co")) != NULL || (p = strstr (name, " Corporation")) != NULL)
        *p = '\0';
      return g_strconcat (name, " Limited", NULL);
    case 2:
      /* A typo in the middle of the name. */
      p = name + strlen (name) / 2;
      if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]))
        {
          char c = p[0];
          p[0] = p[1];
          p[1] = c;
        }
      return g_steal_pointer (&name);
    case 3:
      {
        g_auto(GStrv) words = g_strsplit (name, " ", 2);
        return words[1] != NULL ? g_strconcat (words[1], " ", words[0], NULL) : g_strdup (name);
      }
    case 4:
      aliases = mamori_end_user_dup_alias_list (entry);
      if (aliases[0] != NULL)
        return g_strdup (aliases[g_rand_int_range (rand, 0, g_strv_length (aliases))]);
      return g_steal_pointer (&name);
    default:
      return g_steal_pointer (&name);
    }
}

static GBytes *
dup_csv (GPtrArray *entries)
{
  g_autoptr(GString) csv = g_string_new ("外国ユーザーリスト,,,,\r\n,,,,\r\n");
  const char *header[] = { "No.", "国名・地域名", "企業名・組織名", "別名", "懸念区分" };
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  mamori_csv_append_record (csv, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < entries->len; i++)
    {
      const MamoriEndUser *entry = g_ptr_array_index (entries, i);
      g_autofree char *number = g_strdup_printf ("%u", entry->number);
      const char *fields[] = { number, entry->country, entry->name, entry->aliases, entry->concern };

      mamori_csv_append_record (csv, fields, G_N_ELEMENTS (fields));
    }
  bytes = mamori_csv_encode (csv, MAMORI_CSV_ENCODING_UTF8_BOM, &error);
  g_assert_no_error (error);
  return bytes;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare_doubles);
  g_print ("  %-24s median %.3f ms, 95th %.3f ms, worst %.3f ms (%u names)\n", what,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 95 / 100),
           g_array_index (times, double, times->len - 1), times->len);
}

static void
bench (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  g_autoptr(GRand) others = g_rand_new_with_seed (n + 7919);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_end_user_free);
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MamoriEndUserImport) import = NULL;
  g_autoptr(MamoriEndUserMatcher) matcher = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GArray) listed_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) other_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  guint found_listed = 0, found_others = 0;
  double parse_ms, build_ms, matcher_ms, slowest_ms = 0;
  g_autofree char *slowest = NULL;
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (entries, synthetic_entry (rand, i + 1));
  csv = dup_csv (entries);

  start = g_get_monotonic_time ();
  import = mamori_end_user_import_new (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), &error);
  g_assert_no_error (error);
  parse_ms = elapsed_ms (start);
  start = g_get_monotonic_time ();
  imported = mamori_end_user_import_build (import, &problems);
  build_ms = elapsed_ms (start);
  start = g_get_monotonic_time ();
  matcher = mamori_end_user_matcher_new (imported);
  matcher_ms = elapsed_ms (start);

  g_print ("%u entries (%u imported, %u problems; CSV %.0f KB)\n", n, imported->len, problems->len,
           g_bytes_get_size (csv) / 1024.0);
  g_print ("  import: read %.1f ms, entries %.1f ms, matcher %.1f ms\n", parse_ms, build_ms, matcher_ms);

  for (guint q = 0; q < N_QUERIES; q++)
    {
      gboolean listed = q % 2 == 0;
      g_autoptr(MamoriEndUser) other = listed ? NULL : synthetic_entry (others, 0);
      g_autofree char *name = listed ? variation (rand, g_ptr_array_index (imported, g_rand_int_range (rand, 0, n)))
                                     : g_strdup (other->name);
      g_autoptr(GPtrArray) matches = NULL;
      double ms;

      start = g_get_monotonic_time ();
      matches = mamori_end_user_matcher_match (matcher, name, 10);
      ms = elapsed_ms (start);
      g_array_append_val (listed ? listed_times : other_times, ms);
      if (ms > slowest_ms)
        {
          slowest_ms = ms;
          g_free (slowest);
          slowest = g_strdup (name);
        }
      if (listed)
        found_listed += matches->len > 0;
      else
        found_others += matches->len > 0;
      if (verbose && listed && matches->len == 0)
        g_print ("    not found: %s\n", name);
      if (verbose && !listed && matches->len > 0)
        g_print ("    other: %s → %s (%s)\n", name, ((MamoriEndUserMatch *) g_ptr_array_index (matches, 0))->matched,
                 ((MamoriEndUserMatch *) g_ptr_array_index (matches, 0))->reason);
    }

  if (verbose)
    g_print ("    slowest: %s (%.3f ms)\n", slowest, slowest_ms);
  report ("listed, as typed:", listed_times);
  report ("other organizations:", other_times);
  g_print ("  found: %u of %u listed names; %u of %u others matched something "
           "(synthetic names share coined words by chance)\n",
           found_listed, N_QUERIES / 2, found_others, N_QUERIES / 2);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 835, 1000, 2000 };
  gboolean sized = FALSE;

  setlocale (LC_ALL, "");

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--verbose"))
      verbose = TRUE;
  for (int i = 1; i < argc; i++)
    if (!g_str_equal (argv[i], "--verbose"))
      {
        bench ((guint) MAX (1, atoi (argv[i])));
        sized = TRUE;
      }
  if (!sized)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      bench (sizes[i]);

  return 0;
}
