/* mamori-catalog.c — the reference catalog behind the Lookup tab
 *
 * Every list the guide's section B points to (patent non-disclosure fields,
 * prior-report technologies, dual-use examples, specified critical
 * technologies and products, Group A, inward-investment criteria, the
 * consultation contacts) in one GKeyFile, data/catalog/reference.ini; its
 * format is in the README. Each entry keeps its official Japanese name, how
 * far it was verified, its source and its "as of" date.
 *
 * A user can install a newer catalog file without a new release: it is
 * validated, compared with the one in use, and kept in the user data folder;
 * whichever of it and the bundled catalog is newer is used.
 *
 * The catalog is small (a few hundred entries), so searching is a scan over
 * names and texts normalized once: it handles one- and two-character
 * queries, which an n-gram index cannot, in well under a millisecond.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "analysis/mamori-text.h"
#include "store/mamori-files.h"
#include "mamori-catalog.h"

#define CATALOG_RESOURCE RESOURCE_BASE "/catalog/reference.ini"
#define CATALOG_FORMAT   1

struct _MamoriCatalog
{
  GPtrArray  *lists;      /* of MamoriCatalogList, by order */
  GHashTable *entries;    /* borrowed id → MamoriCatalogEntry */
  char       *version;
  char       *released;
  gboolean    bundled;
};

G_DEFINE_QUARK (mamori-catalog-error-quark, mamori_catalog_error)

static const char * const verification_ids[MAMORI_N_VERIFICATIONS] = {
  "verified-official", "verified-secondary", "seed-only", "unverified",
};

static void
entry_free (gpointer data)
{
  MamoriCatalogEntry *entry = data;

  g_free (entry->id);
  g_free (entry->key);
  g_free (entry->name_ja);
  g_free (entry->name_en);
  g_strfreev (entry->aliases);
  g_free (entry->summary_en);
  g_free (entry->summary_ja);
  g_free (entry->meaning_en);
  g_free (entry->meaning_ja);
  g_free (entry->action_en);
  g_free (entry->action_ja);
  g_free (entry->note_en);
  g_free (entry->note_ja);
  g_strfreev (entry->regimes);
  g_strfreev (entry->contacts);
  g_free (entry->source);
  g_free (entry->source_url);
  g_free (entry->as_of);
  g_free (entry->organization_en);
  g_free (entry->organization_ja);
  g_free (entry->phone);
  g_free (entry->email);
  g_free (entry->url);
  g_free (entry->kind);
  g_strfreev (entry->search_names);
  g_strfreev (entry->search_words);
  g_free (entry->search_text);
  g_free (entry);
}

static void
list_free (gpointer data)
{
  MamoriCatalogList *list = data;

  g_free (list->id);
  g_free (list->name_en);
  g_free (list->name_ja);
  g_free (list->description_en);
  g_free (list->description_ja);
  g_free (list->regime);
  g_free (list->source);
  g_free (list->source_url);
  g_free (list->as_of);
  g_ptr_array_unref (list->entries);
  g_free (list);
}

static void
catalog_clear (gpointer data)
{
  MamoriCatalog *catalog = data;

  g_ptr_array_unref (catalog->lists);
  g_hash_table_unref (catalog->entries);
  g_free (catalog->version);
  g_free (catalog->released);
}

MamoriCatalog *
mamori_catalog_ref (MamoriCatalog *catalog)
{
  return g_atomic_rc_box_acquire (catalog);
}

void
mamori_catalog_unref (MamoriCatalog *catalog)
{
  g_atomic_rc_box_release_full (catalog, catalog_clear);
}

/**
 * mamori_key_file_dup_optional:
 *
 * An optional string of a bundled data file, trimmed: %NULL when the key is
 * absent or blank. Shared by the catalog and the checklists loaders.
 */
char *
mamori_key_file_dup_optional (GKeyFile   *file,
                              const char *group,
                              const char *key)
{
  g_autofree char *value = g_key_file_get_string (file, group, key, NULL);

  if (value == NULL || mamori_text_is_blank (value))
    return NULL;
  return g_strstrip (g_steal_pointer (&value));
}

static gboolean
get_required (GKeyFile    *file,
              const char  *group,
              const char  *key,
              char       **out,
              GError     **error)
{
  *out = mamori_key_file_dup_optional (file, group, key);
  if (*out == NULL)
    {
      /* Translators: a catalog file is missing something; %s are the part ("[group]") and the key */
      g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                   _("The part “[%s]” has no “%s”. A catalog file needs it for every entry."), group, key);
      return FALSE;
    }
  return TRUE;
}

static char **
get_list (GKeyFile   *file,
          const char *group,
          const char *key)
{
  g_auto(GStrv) items = g_key_file_get_string_list (file, group, key, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!mamori_text_is_blank (items[i]))
      g_strv_builder_add (builder, g_strstrip (items[i]));

  return g_strv_builder_end (builder);
}

static gboolean
is_date (const char *text)
{
  g_autoptr(GDate) date = NULL;
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

static gboolean
check_date (const char  *group,
            const char  *key,
            const char  *value,
            GError     **error)
{
  if (is_date (value))
    return TRUE;
  g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
               _("In “[%s]”, “%s” is “%s”, which is not a date like 2026-04-01."), group, key, value);
  return FALSE;
}

static void
index_entry (MamoriCatalogEntry *entry)
{
  GPtrArray *names = g_ptr_array_new ();
  GPtrArray *words = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  const char *texts[] = {
    entry->summary_en, entry->summary_ja, entry->meaning_en, entry->meaning_ja,
    entry->note_en, entry->note_ja, entry->organization_en, entry->organization_ja,
  };

  g_ptr_array_add (words, mamori_text_normalize_for_search (entry->name_ja));
  g_ptr_array_add (words, mamori_text_normalize_for_search (entry->name_en));
  for (guint i = 0; entry->aliases[i] != NULL; i++)
    g_ptr_array_add (words, mamori_text_normalize_for_search (entry->aliases[i]));
  for (guint i = 0; i < words->len; i++)
    g_ptr_array_add (names, mamori_text_normalize_loose (g_ptr_array_index (words, i)));
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (words, NULL);
  entry->search_names = (char **) g_ptr_array_free (names, FALSE);
  entry->search_words = (char **) g_ptr_array_free (words, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      {
        g_autofree char *normalized = mamori_text_normalize_for_search (texts[i]);

        g_string_append (text, normalized);
        g_string_append_c (text, '\n');
      }
  entry->search_text = g_string_free (text, FALSE);
}

static MamoriCatalogEntry *
read_entry (GKeyFile           *file,
            const char         *group,
            MamoriCatalogList  *list,
            GError            **error)
{
  MamoriCatalogEntry *entry = g_new0 (MamoriCatalogEntry, 1);
  g_autofree char *status = NULL;
  gboolean contact = g_strcmp0 (list->id, "contacts") == 0;
  const char *slash = strchr (group, '/');

  entry->id = g_strdup (group);
  entry->key = g_strdup (slash + 1);
  entry->list = list;
  entry->aliases = get_list (file, group, "aliases");
  entry->regimes = get_list (file, group, "regimes");
  entry->contacts = get_list (file, group, "contacts");
  entry->name_en_official = g_key_file_get_boolean (file, group, "name-en-official", NULL);
  entry->note_en = mamori_key_file_dup_optional (file, group, "note");
  entry->note_ja = mamori_key_file_dup_optional (file, group, "note[ja]");
  entry->source = mamori_key_file_dup_optional (file, group, "source");
  entry->kind = mamori_key_file_dup_optional (file, group, "kind");
  entry->email = mamori_key_file_dup_optional (file, group, "email");
  entry->phone = mamori_key_file_dup_optional (file, group, "phone");
  entry->url = mamori_key_file_dup_optional (file, group, "url");
  entry->organization_en = mamori_key_file_dup_optional (file, group, "organization");
  entry->organization_ja = mamori_key_file_dup_optional (file, group, "organization[ja]");

  if (!get_required (file, group, "name-ja", &entry->name_ja, error) ||
      !get_required (file, group, "name-en", &entry->name_en, error) ||
      !get_required (file, group, "status", &status, error) ||
      !get_required (file, group, "source-url", &entry->source_url, error) ||
      !get_required (file, group, "as-of", &entry->as_of, error) ||
      !check_date (group, "as-of", entry->as_of, error))
    goto failed;

  if (contact)
    {
      entry->summary_en = mamori_key_file_dup_optional (file, group, "summary");
      entry->summary_ja = mamori_key_file_dup_optional (file, group, "summary[ja]");
      if (entry->organization_ja == NULL || (entry->phone == NULL && entry->url == NULL))
        {
          g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                       _("The contact “[%s]” needs an organization and a phone number or web address."), group);
          goto failed;
        }
    }
  else if (!get_required (file, group, "summary", &entry->summary_en, error) ||
           !get_required (file, group, "summary[ja]", &entry->summary_ja, error) ||
           !get_required (file, group, "meaning", &entry->meaning_en, error) ||
           !get_required (file, group, "meaning[ja]", &entry->meaning_ja, error) ||
           !get_required (file, group, "action", &entry->action_en, error) ||
           !get_required (file, group, "action[ja]", &entry->action_ja, error))
    goto failed;

  entry->status = MAMORI_N_VERIFICATIONS;
  for (int i = 0; i < MAMORI_N_VERIFICATIONS; i++)
    if (g_str_equal (status, verification_ids[i]))
      entry->status = i;
  if (entry->status == MAMORI_N_VERIFICATIONS)
    {
      g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                   _("In “[%s]”, the status “%s” is not one of verified-official, verified-secondary, seed-only or unverified."),
                   group, status);
      goto failed;
    }

  index_entry (entry);
  return entry;

failed:
  entry_free (entry);
  return NULL;
}

static MamoriCatalogList *
read_list (GKeyFile    *file,
           const char  *group,
           GError     **error)
{
  MamoriCatalogList *list = g_new0 (MamoriCatalogList, 1);

  list->id = g_strdup (group + strlen ("list:"));
  list->entries = g_ptr_array_new_with_free_func (entry_free);
  list->order = g_key_file_get_integer (file, group, "order", NULL);
  list->expected = MAX (0, g_key_file_get_integer (file, group, "expected", NULL));
  list->description_en = mamori_key_file_dup_optional (file, group, "description");
  list->description_ja = mamori_key_file_dup_optional (file, group, "description[ja]");
  list->source = mamori_key_file_dup_optional (file, group, "source");
  list->regime = mamori_key_file_dup_optional (file, group, "regime");

  if (!get_required (file, group, "name", &list->name_en, error) ||
      !get_required (file, group, "name[ja]", &list->name_ja, error) ||
      !get_required (file, group, "source-url", &list->source_url, error) ||
      !get_required (file, group, "as-of", &list->as_of, error) ||
      !check_date (group, "as-of", list->as_of, error))
    {
      list_free (list);
      return NULL;
    }
  return list;
}

static int
compare_lists (gconstpointer a,
               gconstpointer b)
{
  const MamoriCatalogList *x = *(MamoriCatalogList * const *) a;
  const MamoriCatalogList *y = *(MamoriCatalogList * const *) b;

  return x->order - y->order;
}

/* Checks that references between entries resolve. */
static gboolean
check_references (MamoriCatalog  *catalog,
                  GError        **error)
{
  for (guint i = 0; i < catalog->lists->len; i++)
    {
      MamoriCatalogList *list = g_ptr_array_index (catalog->lists, i);

      for (guint j = 0; j < list->entries->len; j++)
        {
          MamoriCatalogEntry *entry = g_ptr_array_index (list->entries, j);

          for (guint k = 0; entry->contacts[k] != NULL; k++)
            if (mamori_catalog_lookup_contact (catalog, entry->contacts[k]) == NULL)
              {
                g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                             _("“[%s]” refers to the contact “%s”, which the catalog does not have."),
                             entry->id, entry->contacts[k]);
                return FALSE;
              }
        }
    }
  return TRUE;
}

/* The lists and contacts the guided checks rely on, and regimes this
 * version can name: a catalog without them would give wrong answers. */
static gboolean
check_needed (MamoriCatalog  *catalog,
              GError        **error)
{
  static const char * const lists[] = { "group-a", "prior-report", "patent-fields", "critical-technologies", "contacts" };
  static const char * const contacts[] = { "C1", "C4", "C5", "C6", "C8" };
  static const char * const regimes[] = { "patent", "prior-report", "export", "esp", "fdi", "contacts" };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (mamori_catalog_lookup_list (catalog, lists[i]) == NULL)
      {
        g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                     _("This catalog has no list “%s”, which Mamori’s checks need."), lists[i]);
        return FALSE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    if (mamori_catalog_lookup_contact (catalog, contacts[i]) == NULL)
      {
        g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                     _("This catalog has no contact “%s”, which Mamori’s checks refer to."), contacts[i]);
        return FALSE;
      }
  for (guint i = 0; i < catalog->lists->len; i++)
    {
      MamoriCatalogList *list = g_ptr_array_index (catalog->lists, i);

      for (guint j = 0; j < list->entries->len; j++)
        {
          MamoriCatalogEntry *entry = g_ptr_array_index (list->entries, j);

          for (guint k = 0; entry->regimes[k] != NULL; k++)
            if (!g_strv_contains (regimes, entry->regimes[k]))
              {
                g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                             _("In “[%s]”, the regime “%s” is not one this version of Mamori knows."),
                             entry->id, entry->regimes[k]);
                return FALSE;
              }
        }
    }
  return TRUE;
}

/**
 * mamori_catalog_new_from_data:
 *
 * Reads and validates a catalog file: its format, its version, every list
 * and entry with the keys they need, statuses, dates and references.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error
 *   saying what is wrong and where
 */
MamoriCatalog *
mamori_catalog_new_from_data (const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(MamoriCatalog) catalog = NULL;
  int format;

  if (!g_utf8_validate_len (data, length, NULL) ||
      !g_key_file_load_from_data (file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                   _("This is not a Mamori catalog file (%s)."),
                   local_error != NULL ? local_error->message : _("it is not UTF-8 text"));
      return NULL;
    }

  if (!g_key_file_has_group (file, "catalog"))
    {
      g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                   _("This is not a Mamori catalog file: it has no “[catalog]” part."));
      return NULL;
    }
  format = g_key_file_get_integer (file, "catalog", "format", NULL);
  if (format != CATALOG_FORMAT)
    {
      g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_FORMAT,
                   _("This catalog is in format %d, which this version of Mamori cannot read. Update Mamori, or ask for a catalog in format %d."),
                   format, CATALOG_FORMAT);
      return NULL;
    }

  catalog = g_atomic_rc_box_new0 (MamoriCatalog);
  catalog->lists = g_ptr_array_new_with_free_func (list_free);
  catalog->entries = g_hash_table_new (g_str_hash, g_str_equal);
  if (!get_required (file, "catalog", "version", &catalog->version, error) ||
      !get_required (file, "catalog", "released", &catalog->released, error) ||
      !check_date ("catalog", "released", catalog->released, error))
    return NULL;
  if (mamori_catalog_compare_versions (catalog->version, "0") < 0)
    {
      g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                   _("The catalog version “%s” is not a version like 2026.11.1."), catalog->version);
      return NULL;
    }

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      const char *slash = strchr (group, '/');

      if (g_str_has_prefix (group, "list:"))
        {
          MamoriCatalogList *list = read_list (file, group, error);

          if (list == NULL)
            return NULL;
          if (mamori_catalog_lookup_list (catalog, list->id) != NULL)
            {
              list_free (list);
              g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                           _("The list “[%s]” is there twice."), group);
              return NULL;
            }
          g_ptr_array_add (catalog->lists, list);
        }
      else if (slash != NULL)
        {
          g_autofree char *list_id = g_strndup (group, slash - group);
          MamoriCatalogList *list = (MamoriCatalogList *) mamori_catalog_lookup_list (catalog, list_id);
          MamoriCatalogEntry *entry;

          if (list == NULL)
            {
              g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                           _("The entry “[%s]” belongs to no list: a “[list:%s]” part must come before it."),
                           group, list_id);
              return NULL;
            }
          if (slash[1] == '\0' || g_hash_table_contains (catalog->entries, group))
            {
              g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                           _("The entry “[%s]” has no name after the list, or is there twice."), group);
              return NULL;
            }
          entry = read_entry (file, group, list, error);
          if (entry == NULL)
            return NULL;
          g_ptr_array_add (list->entries, entry);
          g_hash_table_insert (catalog->entries, entry->id, entry);
        }
      else if (!g_str_equal (group, "catalog"))
        {
          g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                       _("The part “[%s]” is neither a list nor an entry."), group);
          return NULL;
        }
    }

  if (catalog->lists->len == 0)
    {
      g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                   _("This catalog has no lists."));
      return NULL;
    }
  for (guint i = 0; i < catalog->lists->len; i++)
    {
      MamoriCatalogList *list = g_ptr_array_index (catalog->lists, i);

      if (list->entries->len == 0)
        {
          g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_INVALID,
                       _("The list “%s” has no entries."), list->id);
          return NULL;
        }
    }
  if (!check_references (catalog, error) || !check_needed (catalog, error))
    return NULL;

  g_ptr_array_sort (catalog->lists, compare_lists);
  return g_steal_pointer (&catalog);
}

/**
 * mamori_catalog_dup_bundled:
 *
 * Returns: (transfer full): the catalog that came with this version
 */
MamoriCatalog *
mamori_catalog_dup_bundled (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MamoriCatalog *catalog;
  const char *data;
  gsize length;

  bytes = g_resources_lookup_data (CATALOG_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The reference catalog is missing from the program: %s", error->message);
  data = g_bytes_get_data (bytes, &length);
  catalog = mamori_catalog_new_from_data (data, length, &error);
  if (catalog == NULL)
    g_error ("The bundled reference catalog is invalid: %s", error->message);
  catalog->bundled = TRUE;
  return catalog;
}

/**
 * mamori_catalog_dup_installed_path:
 *
 * Returns: (transfer full): where a catalog the user installed is kept
 */
char *
mamori_catalog_dup_installed_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "mamori", "catalog", "reference.ini", NULL);
}

/* The catalog in use, read once and kept for every caller (any thread) until
 * a catalog is installed or removed. */
static GMutex default_lock;
static MamoriCatalog *default_catalog;

struct _MamoriCatalogMonitor
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (MamoriCatalogMonitor, mamori_catalog_monitor, G_TYPE_OBJECT)

enum {
  MONITOR_CHANGED,
  N_MONITOR_SIGNALS
};

static guint monitor_signals[N_MONITOR_SIGNALS];

static void
mamori_catalog_monitor_class_init (MamoriCatalogMonitorClass *klass)
{
  /**
   * MamoriCatalogMonitor::changed:
   *
   * Another catalog is in use: mamori_catalog_dup_default() returns it.
   */
  monitor_signals[MONITOR_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mamori_catalog_monitor_init (MamoriCatalogMonitor *self)
{
}

/**
 * mamori_catalog_monitor_get_default:
 *
 * Tells when the catalog in use changes (an update installed or removed).
 *
 * Returns: (transfer none): the one monitor
 */
MamoriCatalogMonitor *
mamori_catalog_monitor_get_default (void)
{
  static MamoriCatalogMonitor *monitor;

  if (g_once_init_enter (&monitor))
    g_once_init_leave (&monitor, g_object_new (MAMORI_TYPE_CATALOG_MONITOR, NULL));
  return monitor;
}

/* The catalog the files say is in use: the one the user installed if it is
 * newer than the bundled one (a later release may bundle a newer one), else
 * the bundled. An installed file that no longer reads is passed over with a
 * warning. */
static MamoriCatalog *
load_default (void)
{
  g_autoptr(MamoriCatalog) bundled = mamori_catalog_dup_bundled ();
  g_autofree char *path = mamori_catalog_dup_installed_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  MamoriCatalog *installed;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_steal_pointer (&bundled);

  installed = mamori_catalog_new_from_data (contents, length, &error);
  if (installed == NULL)
    {
      g_warning ("The installed catalog %s cannot be read, the bundled one is used: %s", path, error->message);
      return g_steal_pointer (&bundled);
    }
  if (mamori_catalog_compare_versions (installed->version, bundled->version) <= 0)
    {
      mamori_catalog_unref (installed);
      return g_steal_pointer (&bundled);
    }
  return installed;
}

/**
 * mamori_catalog_dup_default:
 *
 * The catalog in use, read once: the one the user installed if it is newer
 * than the bundled one, else the bundled. Safe from any thread.
 *
 * Returns: (transfer full): the catalog in use
 */
MamoriCatalog *
mamori_catalog_dup_default (void)
{
  MamoriCatalog *catalog;

  g_mutex_lock (&default_lock);
  if (default_catalog == NULL)
    default_catalog = load_default ();
  catalog = mamori_catalog_ref (default_catalog);
  g_mutex_unlock (&default_lock);
  return catalog;
}

/* The files changed: the catalog is read again when next asked for, and
 * whoever shows it is told (from the main thread, where the files are
 * changed). */
static void
default_changed (void)
{
  g_mutex_lock (&default_lock);
  g_clear_pointer (&default_catalog, mamori_catalog_unref);
  g_mutex_unlock (&default_lock);
  g_signal_emit (mamori_catalog_monitor_get_default (), monitor_signals[MONITOR_CHANGED], 0);
}

/**
 * mamori_catalog_check_update:
 *
 * Returns: whether @update may replace @current: only a newer version may
 */
gboolean
mamori_catalog_check_update (MamoriCatalog  *current,
                             MamoriCatalog  *update,
                             GError        **error)
{
  if (mamori_catalog_compare_versions (update->version, current->version) > 0)
    return TRUE;

  g_set_error (error, MAMORI_CATALOG_ERROR, MAMORI_CATALOG_ERROR_OLDER,
               _("This catalog is version %s, and version %s is already in use. Only a newer catalog can replace it."),
               update->version, current->version);
  return FALSE;
}

/**
 * mamori_catalog_install:
 * @current: the catalog in use
 * @out_installed: (out) (optional): the catalog now in use
 *
 * Validates the catalog file in @data, checks it is newer than @current and
 * keeps it for every later start (a private file, written whole or not at
 * all). On any error nothing changes.
 */
gboolean
mamori_catalog_install (MamoriCatalog  *current,
                        const char     *data,
                        gsize           length,
                        MamoriCatalog **out_installed,
                        GError        **error)
{
  g_autoptr(MamoriCatalog) update = mamori_catalog_new_from_data (data, length, error);
  g_autofree char *path = mamori_catalog_dup_installed_path ();
  g_autofree char *folder = g_path_get_dirname (path);

  if (update == NULL || !mamori_catalog_check_update (current, update, error))
    return FALSE;
  if (!mamori_files_ensure_private_dir (folder, error) ||
      !g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  if (out_installed != NULL)
    *out_installed = g_steal_pointer (&update);
  default_changed ();
  return TRUE;
}

/**
 * mamori_catalog_uninstall:
 *
 * Removes the catalog the user installed, so that the bundled one is used
 * again (an update installed by mistake is not a dead end).
 */
gboolean
mamori_catalog_uninstall (GError **error)
{
  g_autofree char *path = mamori_catalog_dup_installed_path ();
  int saved_errno;

  if (g_unlink (path) == 0)
    {
      default_changed ();
      return TRUE;
    }
  saved_errno = errno;
  if (saved_errno == ENOENT)
    return TRUE;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("The installed catalog %s could not be removed: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

const char *
mamori_catalog_get_version (MamoriCatalog *catalog)
{
  return catalog->version;
}

const char *
mamori_catalog_get_released (MamoriCatalog *catalog)
{
  return catalog->released;
}

gboolean
mamori_catalog_is_bundled (MamoriCatalog *catalog)
{
  return catalog->bundled;
}

guint
mamori_catalog_get_n_lists (MamoriCatalog *catalog)
{
  return catalog->lists->len;
}

const MamoriCatalogList *
mamori_catalog_get_list (MamoriCatalog *catalog,
                         guint          index)
{
  g_return_val_if_fail (index < catalog->lists->len, NULL);
  return g_ptr_array_index (catalog->lists, index);
}

const MamoriCatalogList *
mamori_catalog_lookup_list (MamoriCatalog *catalog,
                            const char    *id)
{
  for (guint i = 0; i < catalog->lists->len; i++)
    {
      MamoriCatalogList *list = g_ptr_array_index (catalog->lists, i);

      if (g_strcmp0 (list->id, id) == 0)
        return list;
    }
  return NULL;
}

const MamoriCatalogEntry *
mamori_catalog_lookup (MamoriCatalog *catalog,
                       const char    *id)
{
  return id != NULL ? g_hash_table_lookup (catalog->entries, id) : NULL;
}

const MamoriCatalogEntry *
mamori_catalog_lookup_contact (MamoriCatalog *catalog,
                               const char    *key)
{
  g_autofree char *id = g_strconcat ("contacts/", key, NULL);

  return mamori_catalog_lookup (catalog, id);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether @needle starts a word of @haystack: "ai" is in "ai chips" but
 * not in "taiwan"; a Latin word inside Japanese text counts too. */
static gboolean
has_word_start (const char *haystack,
                const char *needle)
{
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    if (p == haystack || !g_ascii_isalnum (p[-1]))
      return TRUE;
  return FALSE;
}

/* Whether @needle is a whole word of @haystack. */
static gboolean
has_whole_word (const char *haystack,
                const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    if ((p == haystack || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[length]))
      return TRUE;
  return FALSE;
}

typedef struct
{
  const char *word;     /* normalized, words kept */
  const char *loose;    /* folded loosely */
  gsize       chars;
  gboolean    ascii;
} QueryWord;

/* How well one query word fits an entry: a name (or alias) that is the
 * word, starts with it or holds it; else its explanations. 0: not at all.
 * Latin words match at word starts only ("ai" is not in "Thailand"); one
 * Japanese character, or fewer than three Latin letters, search the names
 * only. Shorter names win ties, being closer to what was typed. */
static int
score_word (const MamoriCatalogEntry *entry,
            const QueryWord          *query)
{
  int best = 0;

  for (guint i = 0; entry->search_names[i] != NULL; i++)
    {
      const char *name = entry->search_names[i];
      int score = 0;

      if (*name == '\0')
        continue;
      if (g_str_equal (name, query->loose))
        score = 1000;
      else if (g_str_has_prefix (name, query->loose))
        score = 700;
      else if (query->ascii ? has_word_start (entry->search_words[i], query->word)
                            : strstr (name, query->loose) != NULL)
        score = 500;
      if (score > 0)
        score -= MIN ((int) g_utf8_strlen (name, -1), 99);
      best = MAX (best, score);
    }

  if (best == 0 && query->chars >= (query->ascii ? 3 : 2) &&
      (query->ascii ? has_word_start (entry->search_text, query->word)
                    : strstr (entry->search_text, query->word) != NULL))
    best = MAMORI_CATALOG_TEXT_SCORE;

  return best;
}

/* Adds the entries whose name or alias appears in @text (normalized),
 * whole: Latin names as whole words, other names of two characters or
 * more anywhere. */
static void
find_mentioned (MamoriCatalog *catalog,
                const char    *text,
                const char    *list_id,
                GArray        *hits)
{
  g_autofree char *loose = mamori_text_normalize_loose (text);

  for (guint i = 0; i < catalog->lists->len; i++)
    {
      MamoriCatalogList *list = g_ptr_array_index (catalog->lists, i);

      if (list_id != NULL && g_strcmp0 (list->id, list_id) != 0)
        continue;

      for (guint j = 0; j < list->entries->len; j++)
        {
          const MamoriCatalogEntry *entry = g_ptr_array_index (list->entries, j);

          for (guint k = 0; entry->search_names[k] != NULL; k++)
            {
              const char *word = entry->search_words[k];
              gboolean found;

              if (is_ascii (word))
                found = strlen (word) >= 2 && has_whole_word (text, word);
              else
                found = g_utf8_strlen (entry->search_names[k], -1) >= 2 &&
                        strstr (loose, entry->search_names[k]) != NULL;
              if (found)
                {
                  MamoriCatalogHit hit = { entry, MAMORI_CATALOG_MENTIONED_SCORE };

                  g_array_append_val (hits, hit);
                  break;
                }
            }
        }
    }
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const MamoriCatalogHit *x = a;
  const MamoriCatalogHit *y = b;

  if (x->score != y->score)
    return y->score - x->score;
  if (x->entry->list->order != y->entry->list->order)
    return x->entry->list->order - y->entry->list->order;
  return 0;
}

/**
 * mamori_catalog_search:
 * @query: what the user typed: Japanese in any width or kana, English, one
 *   character or more; several words must all match
 * @list_id: (nullable): only this list
 *
 * Returns: (transfer full) (element-type MamoriCatalogHit): the entries
 *   found, best first; empty for a blank query
 */
GArray *
mamori_catalog_search (MamoriCatalog *catalog,
                       const char    *query,
                       const char    *list_id)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (MamoriCatalogHit));
  g_autofree char *normalized = mamori_text_normalize_for_search (query);
  g_auto(GStrv) words = g_strsplit (normalized, " ", -1);
  g_autoptr(GArray) folded = g_array_new (FALSE, FALSE, sizeof (QueryWord));
  g_autoptr(GPtrArray) loose = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word_loose = mamori_text_normalize_loose (words[i]);
      QueryWord word = { words[i], word_loose, g_utf8_strlen (word_loose, -1), is_ascii (words[i]) };

      g_ptr_array_add (loose, word_loose);
      if (word.chars > 0)
        g_array_append_val (folded, word);
    }
  if (folded->len == 0)
    return hits;

  for (guint i = 0; i < catalog->lists->len; i++)
    {
      MamoriCatalogList *list = g_ptr_array_index (catalog->lists, i);

      if (list_id != NULL && g_strcmp0 (list->id, list_id) != 0)
        continue;

      for (guint j = 0; j < list->entries->len; j++)
        {
          MamoriCatalogHit hit = { g_ptr_array_index (list->entries, j), G_MAXINT };

          for (guint k = 0; k < folded->len && hit.score > 0; k++)
            hit.score = MIN (hit.score, score_word (hit.entry, &g_array_index (folded, QueryWord, k)));
          if (hit.score > 0)
            g_array_append_val (hits, hit);
        }
    }

  /* Nothing for the words as typed: maybe they describe something named
   * in the catalog ("積層セラミックコンデンサの製造技術", "MLCC know-how"). */
  if (hits->len == 0)
    find_mentioned (catalog, normalized, list_id, hits);

  /* Stable, so equal scores keep the lists' and the entries' order. */
  g_array_sort (hits, compare_hits);
  return hits;
}

/**
 * mamori_catalog_find_name:
 *
 * Returns: (nullable): the entry of @list_id whose name or an alias is
 *   @name, however it is written (width, kana, case, spaces)
 */
const MamoriCatalogEntry *
mamori_catalog_find_name (MamoriCatalog *catalog,
                          const char    *list_id,
                          const char    *name)
{
  const MamoriCatalogList *list = mamori_catalog_lookup_list (catalog, list_id);
  g_autofree char *wanted = mamori_text_normalize_loose (name);
  const MamoriCatalogEntry *found = NULL;

  if (list == NULL || *wanted == '\0')
    return NULL;

  for (guint i = 0; i < list->entries->len; i++)
    {
      const MamoriCatalogEntry *entry = g_ptr_array_index (list->entries, i);

      for (guint j = 0; entry->search_names[j] != NULL; j++)
        if (g_str_equal (entry->search_names[j], wanted))
          {
            /* A name several entries share (グループA on every
             * country) names none of them. */
            if (found != NULL && found != entry)
              return NULL;
            found = entry;
            break;
          }
    }
  return found;
}

void
mamori_catalog_change_free (MamoriCatalogChange *change)
{
  g_free (change->id);
  g_free (change->name);
  g_free (change);
}

static gboolean
strv_equal (char **a,
            char **b)
{
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
entries_equal (const MamoriCatalogEntry *a,
               const MamoriCatalogEntry *b)
{
  const char * const fields_a[] = {
    a->name_ja, a->name_en, a->summary_en, a->summary_ja, a->meaning_en, a->meaning_ja, a->action_en,
    a->action_ja, a->note_en, a->note_ja, a->source, a->source_url, a->as_of, a->organization_en,
    a->organization_ja, a->phone, a->email, a->url, a->kind,
  };
  const char * const fields_b[] = {
    b->name_ja, b->name_en, b->summary_en, b->summary_ja, b->meaning_en, b->meaning_ja, b->action_en,
    b->action_ja, b->note_en, b->note_ja, b->source, b->source_url, b->as_of, b->organization_en,
    b->organization_ja, b->phone, b->email, b->url, b->kind,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields_a); i++)
    if (g_strcmp0 (fields_a[i], fields_b[i]) != 0)
      return FALSE;

  return a->status == b->status && a->name_en_official == b->name_en_official &&
         strv_equal (a->aliases, b->aliases) && strv_equal (a->regimes, b->regimes) &&
         strv_equal (a->contacts, b->contacts);
}

static void
add_change (GPtrArray               *changes,
            MamoriCatalogChangeKind  kind,
            const MamoriCatalogEntry *entry)
{
  MamoriCatalogChange *change = g_new0 (MamoriCatalogChange, 1);

  change->kind = kind;
  change->id = g_strdup (entry->id);
  change->name = g_strdup (mamori_catalog_entry_get_name (entry));
  g_ptr_array_add (changes, change);
}

static void
foreach_entry (MamoriCatalog *catalog,
               GFunc          func,
               gpointer       user_data)
{
  for (guint i = 0; i < catalog->lists->len; i++)
    {
      MamoriCatalogList *list = g_ptr_array_index (catalog->lists, i);

      g_ptr_array_foreach (list->entries, func, user_data);
    }
}

typedef struct
{
  MamoriCatalog *other;
  GPtrArray     *changes;
  gboolean       old_side;
} DiffData;

static void
diff_entry (gpointer data,
            gpointer user_data)
{
  const MamoriCatalogEntry *entry = data;
  DiffData *diff = user_data;
  const MamoriCatalogEntry *other = mamori_catalog_lookup (diff->other, entry->id);

  if (diff->old_side)
    {
      if (other == NULL)
        add_change (diff->changes, MAMORI_CATALOG_REMOVED, entry);
    }
  else if (other == NULL)
    add_change (diff->changes, MAMORI_CATALOG_ADDED, entry);
  else if (!entries_equal (entry, other))
    add_change (diff->changes, MAMORI_CATALOG_CHANGED, entry);
}

/**
 * mamori_catalog_diff:
 *
 * Returns: (transfer full) (element-type MamoriCatalogChange): what
 *   @new_catalog adds, removes and changes, entry by entry, in list order
 */
GPtrArray *
mamori_catalog_diff (MamoriCatalog *old_catalog,
                     MamoriCatalog *new_catalog)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_catalog_change_free);
  DiffData added = { old_catalog, changes, FALSE };
  DiffData removed = { new_catalog, changes, TRUE };

  foreach_entry (new_catalog, diff_entry, &added);
  foreach_entry (old_catalog, diff_entry, &removed);
  return changes;
}

/* The numbers of a dotted version, or NULL if @text is not one. */
static GArray *
parse_version (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ".", -1);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 number;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT32, &number, NULL))
        return NULL;
      g_array_append_val (numbers, number);
    }
  return numbers->len > 0 ? g_steal_pointer (&numbers) : NULL;
}

/**
 * mamori_catalog_compare_versions:
 *
 * Compares dotted versions number by number: 2026.11.1 > 2026.2 = 2026.2.0.
 * Returns: <0, 0 or >0; text that is not a version sorts below any version
 */
int
mamori_catalog_compare_versions (const char *a,
                                 const char *b)
{
  g_autoptr(GArray) x = parse_version (a);
  g_autoptr(GArray) y = parse_version (b);

  if (x == NULL || y == NULL)
    return (x != NULL) - (y != NULL);

  for (guint i = 0; i < MAX (x->len, y->len); i++)
    {
      guint64 m = i < x->len ? g_array_index (x, guint64, i) : 0;
      guint64 n = i < y->len ? g_array_index (y, guint64, i) : 0;

      if (m != n)
        return m < n ? -1 : 1;
    }
  return 0;
}

/**
 * mamori_catalog_pick:
 *
 * Returns: (nullable): @ja when the interface is Japanese and it exists,
 *   else @en (else @ja)
 */
const char *
mamori_catalog_pick (const char *en,
                     const char *ja)
{
  if (mamori_text_prefers_japanese ())
    return ja != NULL ? ja : en;
  return en != NULL ? en : ja;
}

const char *
mamori_catalog_entry_get_name (const MamoriCatalogEntry *entry)
{
  return mamori_catalog_pick (entry->name_en, entry->name_ja);
}

const char *
mamori_catalog_list_get_name (const MamoriCatalogList *list)
{
  return mamori_catalog_pick (list->name_en, list->name_ja);
}

const char *
mamori_verification_get_id (MamoriVerification status)
{
  g_return_val_if_fail (status < MAMORI_N_VERIFICATIONS, NULL);
  return verification_ids[status];
}

const char *
mamori_verification_get_label (MamoriVerification status)
{
  switch (status)
    {
    case MAMORI_VERIFIED_OFFICIAL:  return _("Verified in an official source");
    case MAMORI_VERIFIED_SECONDARY: return _("Verified in a source that cites the official one");
    case MAMORI_SEED_ONLY:          return _("Only in the Aichi guide, not yet checked elsewhere");
    case MAMORI_UNVERIFIED:         return _("Not verified: check the source before relying on it");
    case MAMORI_N_VERIFICATIONS:
    default:                        g_return_val_if_reached (NULL);
    }
}

/**
 * mamori_regime_get_label:
 *
 * Returns: the name of a legal regime an entry touches, or @regime itself
 *   when this version does not know it
 */
const char *
mamori_regime_get_label (const char *regime)
{
  if (g_strcmp0 (regime, "patent") == 0)
    return _("Patent non-disclosure system (特許出願の非公開制度)");
  if (g_strcmp0 (regime, "prior-report") == 0)
    return _("Prior report before transferring technology abroad (技術移転の事前報告)");
  if (g_strcmp0 (regime, "export") == 0)
    return _("Export control under the Foreign Exchange Act (安全保障貿易管理)");
  if (g_strcmp0 (regime, "esp") == 0)
    return _("Economic Security Promotion Act (経済安全保障推進法)");
  if (g_strcmp0 (regime, "fdi") == 0)
    return _("Inward investment screening (対内直接投資)");
  if (g_strcmp0 (regime, "contacts") == 0)
    return _("Where to ask (相談先)");
  return regime;
}
