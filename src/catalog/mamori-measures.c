/* mamori-measures.c — the countermeasure catalogue
 *
 * Bundled as data/catalog/countermeasures.ini (a GKeyFile, whose key[ja]
 * syntax holds both languages), with its source, "as of" date and, per
 * measure, whether it was verified against a source or still needs checking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "mamori-measures.h"

#define CATALOG_RESOURCE RESOURCE_BASE "/catalog/countermeasures.ini"

struct _MamoriMeasureCatalog
{
  GPtrArray  *measures;   /* of MamoriMeasure, in file order */
  GHashTable *by_id;      /* borrowed id → MamoriMeasure */
  char       *version;
  char       *as_of;
  char       *source;
  char       *source_url;
};

static const char * const route_names[MAMORI_N_ROUTES] = {
  "employees", "retirees", "partners", "outsiders",
};

static const char * const objective_names[MAMORI_N_OBJECTIVES] = {
  "access", "removal", "visibility", "awareness", "trust",
};

static void
measure_free (gpointer data)
{
  MamoriMeasure *measure = data;

  g_free (measure->id);
  g_free (measure->title_en);
  g_free (measure->title_ja);
  g_free (measure);
}

static int
lookup_name (const char * const *names,
             int                 n_names,
             const char         *name)
{
  for (int i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return -1;
}

void
mamori_measure_catalog_free (MamoriMeasureCatalog *catalog)
{
  if (catalog == NULL)
    return;

  g_clear_pointer (&catalog->by_id, g_hash_table_unref);
  g_clear_pointer (&catalog->measures, g_ptr_array_unref);
  g_free (catalog->version);
  g_free (catalog->as_of);
  g_free (catalog->source);
  g_free (catalog->source_url);
  g_free (catalog);
}

/**
 * mamori_measure_catalog_new_from_data:
 *
 * Returns: (transfer full) (nullable): the catalogue, or %NULL if @data is
 *   not a valid one
 */
MamoriMeasureCatalog *
mamori_measure_catalog_new_from_data (const char  *data,
                                      gsize        length,
                                      GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(MamoriMeasureCatalog) catalog = NULL;
  g_auto(GStrv) groups = NULL;

  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return NULL;

  catalog = g_new0 (MamoriMeasureCatalog, 1);
  catalog->measures = g_ptr_array_new_with_free_func (measure_free);
  catalog->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (!(catalog->version = g_key_file_get_string (file, "catalog", "version", error)) ||
      !(catalog->as_of = g_key_file_get_string (file, "catalog", "as-of", error)) ||
      !(catalog->source = g_key_file_get_string (file, "catalog", "source", error)) ||
      !(catalog->source_url = g_key_file_get_string (file, "catalog", "source-url", error)))
    return NULL;

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *route = NULL;
      g_autofree char *objective = NULL;
      g_autofree char *status = NULL;
      MamoriMeasure *measure;

      if (g_str_equal (groups[i], "catalog"))
        continue;

      measure = g_new0 (MamoriMeasure, 1);
      measure->id = g_strdup (groups[i]);
      route = g_key_file_get_string (file, groups[i], "route", NULL);
      objective = g_key_file_get_string (file, groups[i], "objective", NULL);
      status = g_key_file_get_string (file, groups[i], "status", NULL);
      measure->route = lookup_name (route_names, MAMORI_N_ROUTES, route);
      measure->objective = lookup_name (objective_names, MAMORI_N_OBJECTIVES, objective);
      measure->level = g_key_file_get_integer (file, groups[i], "level", NULL);
      measure->verified = g_strcmp0 (status, "verified") == 0;
      measure->title_en = g_key_file_get_string (file, groups[i], "title", NULL);
      measure->title_ja = g_key_file_get_locale_string (file, groups[i], "title", "ja", NULL);
      g_ptr_array_add (catalog->measures, measure);

      if ((int) measure->route < 0 || (int) measure->objective < 0 ||
          measure->level < 1 || measure->level > 3 ||
          (g_strcmp0 (status, "verified") != 0 && g_strcmp0 (status, "unverified") != 0) ||
          measure->title_en == NULL || measure->title_ja == NULL ||
          g_str_equal (measure->title_en, measure->title_ja) ||
          !g_hash_table_insert (catalog->by_id, measure->id, measure))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "countermeasure “%s” is incomplete or repeated", groups[i]);
          return NULL;
        }
    }

  return g_steal_pointer (&catalog);
}

/**
 * mamori_measure_catalog_get_default:
 *
 * Returns: (transfer none): the bundled catalogue, loaded once
 */
MamoriMeasureCatalog *
mamori_measure_catalog_get_default (void)
{
  static MamoriMeasureCatalog *catalog = NULL;

  if (g_once_init_enter (&catalog))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      MamoriMeasureCatalog *loaded;
      gsize length;
      const char *data;

      bytes = g_resources_lookup_data (CATALOG_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("The countermeasure catalogue is missing from the program: %s", error->message);
      data = g_bytes_get_data (bytes, &length);
      loaded = mamori_measure_catalog_new_from_data (data, length, &error);
      if (loaded == NULL)
        g_error ("The bundled countermeasure catalogue is invalid: %s", error->message);

      g_once_init_leave (&catalog, loaded);
    }

  return catalog;
}

guint
mamori_measure_catalog_get_n_measures (const MamoriMeasureCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, 0);
  return catalog->measures->len;
}

const MamoriMeasure *
mamori_measure_catalog_get_measure (const MamoriMeasureCatalog *catalog,
                                    guint                       index)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (index < catalog->measures->len, NULL);
  return g_ptr_array_index (catalog->measures, index);
}

const MamoriMeasure *
mamori_measure_catalog_lookup (const MamoriMeasureCatalog *catalog,
                               const char                 *id)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return id != NULL ? g_hash_table_lookup (catalog->by_id, id) : NULL;
}

const char *
mamori_measure_catalog_get_version (const MamoriMeasureCatalog *catalog)
{
  return catalog->version;
}

const char *
mamori_measure_catalog_get_as_of (const MamoriMeasureCatalog *catalog)
{
  return catalog->as_of;
}

const char *
mamori_measure_catalog_get_source (const MamoriMeasureCatalog *catalog)
{
  return catalog->source;
}

const char *
mamori_measure_catalog_get_source_url (const MamoriMeasureCatalog *catalog)
{
  return catalog->source_url;
}

const char *
mamori_measure_get_title (const MamoriMeasure *measure)
{
  g_return_val_if_fail (measure != NULL, NULL);
  return mamori_text_prefers_japanese () ? measure->title_ja : measure->title_en;
}

const char *
mamori_route_get_label (MamoriRoute route)
{
  switch (route)
    {
    /* Translators: the handbook's four leak routes: 従業員等, 退職者等, 取引先, その他の外部者 */
    case MAMORI_ROUTE_EMPLOYEES: return _("Employees");
    case MAMORI_ROUTE_RETIREES:  return _("Former employees");
    case MAMORI_ROUTE_PARTNERS:  return _("Business partners");
    case MAMORI_ROUTE_OUTSIDERS: return _("Outsiders");
    case MAMORI_N_ROUTES:
    default:                     g_return_val_if_reached (NULL);
    }
}

const char *
mamori_objective_get_label (MamoriObjective objective)
{
  switch (objective)
    {
    /* Translators: the handbook's five objectives: 接近の制御, 持出し困難化,
     * 視認性の確保, 秘密情報に対する認識向上, 信頼関係の維持・向上等 */
    case MAMORI_OBJECTIVE_ACCESS:     return _("Control access");
    case MAMORI_OBJECTIVE_REMOVAL:    return _("Make removal difficult");
    case MAMORI_OBJECTIVE_VISIBILITY: return _("Make misconduct visible");
    case MAMORI_OBJECTIVE_AWARENESS:  return _("Raise awareness that it is secret");
    case MAMORI_OBJECTIVE_TRUST:      return _("Keep relationships of trust");
    case MAMORI_N_OBJECTIVES:
    default:                          g_return_val_if_reached (NULL);
    }
}

/**
 * mamori_routes_dup_label:
 *
 * Returns: (transfer full): the routes in @routes, listed; empty for none
 */
char *
mamori_routes_dup_label (guint routes)
{
  GString *label = g_string_new (NULL);

  for (int route = 0; route < MAMORI_N_ROUTES; route++)
    {
      if ((routes & MAMORI_ROUTE_BIT (route)) == 0)
        continue;
      if (label->len > 0)
        g_string_append (label, _(", "));
      g_string_append (label, mamori_route_get_label (route));
    }

  return g_string_free (label, FALSE);
}
