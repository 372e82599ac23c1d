/* mamori-classification.c — from the guide's three viewpoints to a class
 *
 * The guide (section A ②) sorts information by three viewpoints: its
 * economic value and contribution to the business; the loss of competitive
 * strength if it leaked, or its usefulness to a competitor; and the loss of
 * trust if it leaked, including information entrusted by others. Each is
 * rated none / low / medium / high. An asset's class follows from the
 * highest rating and from their sum, by thresholds a workspace may change;
 * the same rule is also written as SQL, so that changing the thresholds
 * re-evaluates every asset in one statement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include "mamori-i18n.h"

#include "mamori-classification.h"

static const int default_peak[MAMORI_N_CLASSES] = { 0, 1, 2, 3 };
static const int default_total[MAMORI_N_CLASSES] = { 0, 1, 5, 7 };

MamoriClassScheme *
mamori_class_scheme_new_default (void)
{
  MamoriClassScheme *scheme = g_new0 (MamoriClassScheme, 1);

  memcpy (scheme->peak, default_peak, sizeof default_peak);
  memcpy (scheme->total, default_total, sizeof default_total);

  return scheme;
}

MamoriClassScheme *
mamori_class_scheme_copy (const MamoriClassScheme *scheme)
{
  MamoriClassScheme *copy;

  g_return_val_if_fail (scheme != NULL, NULL);

  copy = g_memdup2 (scheme, sizeof *scheme);
  for (int level = 0; level < MAMORI_N_CLASSES; level++)
    copy->names[level] = g_strdup (scheme->names[level]);

  return copy;
}

void
mamori_class_scheme_free (MamoriClassScheme *scheme)
{
  if (scheme == NULL)
    return;

  for (int level = 0; level < MAMORI_N_CLASSES; level++)
    g_free (scheme->names[level]);
  g_free (scheme);
}

gboolean
mamori_class_scheme_equal (const MamoriClassScheme *a,
                           const MamoriClassScheme *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (int level = 0; level < MAMORI_N_CLASSES; level++)
    {
      if (g_strcmp0 (a->names[level], b->names[level]) != 0)
        return FALSE;
      if (level > 0 && (a->peak[level] != b->peak[level] || a->total[level] != b->total[level]))
        return FALSE;
    }

  return TRUE;
}

gboolean
mamori_class_scheme_is_default (const MamoriClassScheme *scheme)
{
  g_autoptr(MamoriClassScheme) defaults = mamori_class_scheme_new_default ();

  return mamori_class_scheme_equal (scheme, defaults);
}

/**
 * mamori_class_scheme_get_name:
 * @level: 0 (lowest) to 3 (highest)
 *
 * Returns: (transfer none): the workspace's name for the class, or the
 *   default name in the interface language
 */
const char *
mamori_class_scheme_get_name (const MamoriClassScheme *scheme,
                              int                      level)
{
  g_return_val_if_fail (scheme != NULL, NULL);
  g_return_val_if_fail (level >= 0 && level < MAMORI_N_CLASSES, NULL);

  if (scheme->names[level] != NULL)
    return scheme->names[level];

  switch (level)
    {
    /* Translators: the default names of the four classes; the guide's are
     * 公開 / 社外秘 / 秘 / 極秘 */
    case 0: return C_("class", "Public");
    case 1: return C_("class", "Internal Only");
    case 2: return C_("class", "Confidential");
    case 3: return C_("class", "Strictly Confidential");
    default: g_assert_not_reached ();
    }
}

/**
 * mamori_class_scheme_set_name:
 * @name: (nullable): the new name; %NULL or blank for the default
 */
void
mamori_class_scheme_set_name (MamoriClassScheme *scheme,
                              int                level,
                              const char        *name)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (scheme != NULL);
  g_return_if_fail (level >= 0 && level < MAMORI_N_CLASSES);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_clear_pointer (&scheme->names[level], g_free);
  if (*stripped != '\0')
    scheme->names[level] = g_steal_pointer (&stripped);
}

gboolean
mamori_class_scheme_validate (const MamoriClassScheme  *scheme,
                              GError                  **error)
{
  g_return_val_if_fail (scheme != NULL, FALSE);

  for (int level = 1; level < MAMORI_N_CLASSES; level++)
    {
      if (scheme->peak[level] < 1 || scheme->peak[level] > MAMORI_PEAK_NEVER ||
          scheme->total[level] < 1 || scheme->total[level] > MAMORI_TOTAL_NEVER)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The thresholds of “%s” are out of range."),
                       mamori_class_scheme_get_name (scheme, level));
          return FALSE;
        }

      /* A higher class must never be easier to reach than a lower one by
       * the same rule (a rule a lower class does not use is no bound). */
      if (level > 1 &&
          ((scheme->peak[level - 1] != MAMORI_PEAK_NEVER && scheme->peak[level] < scheme->peak[level - 1]) ||
           (scheme->total[level - 1] != MAMORI_TOTAL_NEVER && scheme->total[level] < scheme->total[level - 1])))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” would be easier to reach than “%s”. Raise its thresholds or lower those of “%s”."),
                       mamori_class_scheme_get_name (scheme, level),
                       mamori_class_scheme_get_name (scheme, level - 1),
                       mamori_class_scheme_get_name (scheme, level - 1));
          return FALSE;
        }
    }

  for (int a = 0; a < MAMORI_N_CLASSES; a++)
    for (int b = a + 1; b < MAMORI_N_CLASSES; b++)
      if (g_strcmp0 (mamori_class_scheme_get_name (scheme, a), mamori_class_scheme_get_name (scheme, b)) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Two classes are both named “%s”. Give each class its own name."),
                       mamori_class_scheme_get_name (scheme, a));
          return FALSE;
        }

  return TRUE;
}

/* The highest rating and the sum, over the viewpoints that are rated. */
static gboolean
summarize (const int  ratings[MAMORI_N_VIEWPOINTS],
           int       *out_peak,
           int       *out_total)
{
  gboolean any = FALSE;

  *out_peak = MAMORI_RATING_UNRATED;
  *out_total = 0;
  for (int i = 0; i < MAMORI_N_VIEWPOINTS; i++)
    {
      if (ratings[i] < MAMORI_RATING_NONE)
        continue;
      any = TRUE;
      *out_peak = MAX (*out_peak, ratings[i]);
      *out_total += ratings[i];
    }

  return any;
}

/**
 * mamori_class_scheme_evaluate:
 * @ratings: one per viewpoint; %MAMORI_RATING_UNRATED where not rated
 *
 * Returns: the class level, or %MAMORI_CLASS_NONE if nothing is rated
 */
int
mamori_class_scheme_evaluate (const MamoriClassScheme *scheme,
                              const int                ratings[MAMORI_N_VIEWPOINTS])
{
  int peak, total;

  g_return_val_if_fail (scheme != NULL, MAMORI_CLASS_NONE);

  if (!summarize (ratings, &peak, &total))
    return MAMORI_CLASS_NONE;

  for (int level = MAMORI_N_CLASSES - 1; level > 0; level--)
    if (peak >= scheme->peak[level] || total >= scheme->total[level])
      return level;

  return 0;
}

const char *
mamori_viewpoint_get_label (MamoriViewpoint viewpoint)
{
  switch (viewpoint)
    {
    case MAMORI_VIEWPOINT_VALUE:
      return _("Economic value");
    case MAMORI_VIEWPOINT_COMPETITION:
      return _("Competitive loss if leaked");
    case MAMORI_VIEWPOINT_TRUST:
      return _("Loss of trust if leaked");
    case MAMORI_N_VIEWPOINTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
mamori_rating_get_label (int rating)
{
  switch (rating)
    {
    case MAMORI_RATING_NONE:   return C_("rating", "None");
    case MAMORI_RATING_LOW:    return C_("rating", "Low");
    case MAMORI_RATING_MEDIUM: return C_("rating", "Medium");
    case MAMORI_RATING_HIGH:   return C_("rating", "High");
    default:                   return C_("rating", "Not rated");
    }
}

/**
 * mamori_class_scheme_explain:
 *
 * Why the ratings give their class, for people: "Confidential: competitive
 * loss if leaked is rated medium".
 *
 * Returns: (transfer full): a sentence in the interface language
 */
char *
mamori_class_scheme_explain (const MamoriClassScheme *scheme,
                             const int                ratings[MAMORI_N_VIEWPOINTS])
{
  g_autoptr(GString) why = g_string_new (NULL);
  g_autoptr(GPtrArray) unrated = g_ptr_array_new ();
  int level, peak, total;

  g_return_val_if_fail (scheme != NULL, NULL);

  if (!summarize (ratings, &peak, &total))
    return g_strdup (_("Not evaluated yet: rate at least one of the three viewpoints."));

  level = mamori_class_scheme_evaluate (scheme, ratings);

  if (level > 0 && peak >= scheme->peak[level])
    {
      for (int i = 0; i < MAMORI_N_VIEWPOINTS; i++)
        {
          if (ratings[i] < scheme->peak[level])
            continue;
          if (why->len > 0)
            /* Translators: separates two reasons */
            g_string_append (why, _("; "));
          /* Translators: "<viewpoint> is rated <rating>", e.g. "competitive loss if leaked is rated high" */
          g_string_append_printf (why, _("%s is rated %s"),
                                  mamori_viewpoint_get_label (i), mamori_rating_get_label (ratings[i]));
        }
    }
  else if (level > 0)
    /* Translators: the sum of the three ratings (0–9) reached a class's threshold */
    g_string_append_printf (why, _("the ratings add up to %d (from %d)"), total, scheme->total[level]);
  else
    g_string_append (why, _("no viewpoint is rated above none"));

  for (int i = 0; i < MAMORI_N_VIEWPOINTS; i++)
    if (ratings[i] < MAMORI_RATING_NONE)
      g_ptr_array_add (unrated, (gpointer) mamori_viewpoint_get_label (i));

  if (unrated->len > 0)
    {
      g_string_append (why, _("; "));
      /* Translators: followed by the viewpoints not rated yet */
      g_string_append (why, _("not rated yet: "));
      for (guint i = 0; i < unrated->len; i++)
        {
          if (i > 0)
            /* Translators: separates items of a list */
            g_string_append (why, _(", "));
          g_string_append (why, g_ptr_array_index (unrated, i));
        }
    }

  /* Translators: "<class>: <reasons>", e.g. "Confidential: competitive loss if leaked is rated high" */
  return g_strdup_printf (_("%s: %s"), mamori_class_scheme_get_name (scheme, level), why->str);
}

/**
 * mamori_class_scheme_dup_sql:
 * @columns: the SQL columns holding the three ratings (NULL when unrated)
 *
 * Returns: (transfer full): an SQL expression with the same result as
 *   mamori_class_scheme_evaluate(), NULL for "not evaluated"
 */
char *
mamori_class_scheme_dup_sql (const MamoriClassScheme *scheme,
                             const char              *columns[MAMORI_N_VIEWPOINTS])
{
  g_autoptr(GString) sql = g_string_new ("CASE");
  g_autofree char *peak = NULL;
  g_autofree char *total = NULL;

  g_return_val_if_fail (scheme != NULL, NULL);

  peak = g_strdup_printf ("max(coalesce(%s, -1), coalesce(%s, -1), coalesce(%s, -1))",
                          columns[0], columns[1], columns[2]);
  total = g_strdup_printf ("(coalesce(%s, 0) + coalesce(%s, 0) + coalesce(%s, 0))",
                           columns[0], columns[1], columns[2]);

  g_string_append_printf (sql, " WHEN %s IS NULL AND %s IS NULL AND %s IS NULL THEN NULL",
                          columns[0], columns[1], columns[2]);
  for (int level = MAMORI_N_CLASSES - 1; level > 0; level--)
    g_string_append_printf (sql, " WHEN %s >= %d OR %s >= %d THEN %d",
                            peak, scheme->peak[level], total, scheme->total[level], level);
  g_string_append (sql, " ELSE 0 END");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

#define SCHEME_TYPE "(amsaiai)"

/* As a workspace setting: GVariant text, which is strict to parse. */
char *
mamori_class_scheme_serialize (const MamoriClassScheme *scheme)
{
  GVariantBuilder names;
  GVariantBuilder peaks;
  GVariantBuilder totals;
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (scheme != NULL, NULL);

  g_variant_builder_init (&names, G_VARIANT_TYPE ("ams"));
  g_variant_builder_init (&peaks, G_VARIANT_TYPE ("ai"));
  g_variant_builder_init (&totals, G_VARIANT_TYPE ("ai"));
  for (int level = 0; level < MAMORI_N_CLASSES; level++)
    {
      g_variant_builder_add (&names, "ms", scheme->names[level]);
      g_variant_builder_add (&peaks, "i", scheme->peak[level]);
      g_variant_builder_add (&totals, "i", scheme->total[level]);
    }
  value = g_variant_ref_sink (g_variant_new ("(amsaiai)", &names, &peaks, &totals));

  return g_variant_print (value, FALSE);
}

/**
 * mamori_class_scheme_deserialize:
 *
 * Returns: (transfer full) (nullable): the scheme, or %NULL if @text is not
 *   a valid one
 */
MamoriClassScheme *
mamori_class_scheme_deserialize (const char *text)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GVariant) names = NULL;
  g_autoptr(GVariant) peaks = NULL;
  g_autoptr(GVariant) totals = NULL;
  g_autoptr(MamoriClassScheme) scheme = NULL;
  gsize n_peaks, n_totals;
  const gint32 *peak_values;
  const gint32 *total_values;

  if (text == NULL)
    return NULL;

  value = g_variant_parse (G_VARIANT_TYPE (SCHEME_TYPE), text, NULL, NULL, NULL);
  if (value == NULL)
    return NULL;

  g_variant_get (value, "(@ams@ai@ai)", &names, &peaks, &totals);
  peak_values = g_variant_get_fixed_array (peaks, &n_peaks, sizeof (gint32));
  total_values = g_variant_get_fixed_array (totals, &n_totals, sizeof (gint32));
  if (g_variant_n_children (names) != MAMORI_N_CLASSES || n_peaks != MAMORI_N_CLASSES || n_totals != MAMORI_N_CLASSES)
    return NULL;

  scheme = mamori_class_scheme_new_default ();
  for (int level = 0; level < MAMORI_N_CLASSES; level++)
    {
      g_autoptr(GVariant) maybe = g_variant_get_child_value (names, level);
      g_autoptr(GVariant) name = g_variant_get_maybe (maybe);

      mamori_class_scheme_set_name (scheme, level, name != NULL ? g_variant_get_string (name, NULL) : NULL);
      if (level > 0)
        {
          scheme->peak[level] = peak_values[level];
          scheme->total[level] = total_values[level];
        }
    }

  if (!mamori_class_scheme_validate (scheme, NULL))
    return NULL;

  return g_steal_pointer (&scheme);
}
