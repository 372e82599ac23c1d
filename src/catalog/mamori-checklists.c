/* mamori-checklists.c — the bundled checklists of the guide's sections C and D
 *
 * The ten basic cyber measures, NIST CSF 2.0, the 20 TICS items, readiness
 * for the supply-chain security rating, the incident playbook and the signs
 * of a suspicious approach, in one GKeyFile, data/catalog/checklists.ini,
 * whose key[ja] syntax holds both languages. Its format is described at the
 * top of that file. Every item keeps how far it was confirmed (verified,
 * seed-only, unverified), so that the interface never shows a guess as if
 * it were official.
 *
 * The file is checked as a whole when it is loaded: a checklist that lost
 * an item or an item that lost its Japanese title is a bug in the data, and
 * is better caught by the test suite than shown to a user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "analysis/mamori-text.h"
#include "catalog/mamori-catalog.h"
#include "mamori-checklists.h"

#define CHECKLISTS_RESOURCE RESOURCE_BASE "/catalog/checklists.ini"
#define CHECKLIST_PREFIX    "checklist:"
#define HEADING_PREFIX      "heading:"

typedef struct
{
  char            *id;
  MamoriChecklist *checklist;
  char            *title_en;
  char            *title_ja;
} Heading;

struct _MamoriChecklist
{
  char      *id;
  gint64     order;
  char      *title_en, *title_ja;
  char      *description_en, *description_ja;
  char      *guide_section;
  char      *source;
  char      *source_url;
  char      *as_of;
  GPtrArray *items;   /* of MamoriChecklistItem, by order */
};

struct _MamoriChecklistItem
{
  char                        *id;
  MamoriChecklist             *checklist;
  Heading                     *heading;   /* nullable */
  gint64                       order;
  char                        *title_en, *title_ja;
  char                        *why_en, *why_ja;
  char                        *guide_section;
  MamoriChecklistVerification  verification;
  char                        *source_note_en, *source_note_ja;   /* nullable */
};

struct _MamoriChecklistCatalog
{
  GPtrArray  *checklists;   /* of MamoriChecklist, by order */
  GPtrArray  *headings;     /* of Heading */
  GHashTable *checklists_by_id;   /* borrowed id → MamoriChecklist */
  GHashTable *headings_by_id;     /* borrowed id → Heading */
  GHashTable *items_by_id;        /* borrowed id → MamoriChecklistItem */
  char       *version;
  char       *as_of;
};

G_DEFINE_QUARK (mamori-checklist-error-quark, mamori_checklist_error)

static const char * const verification_ids[MAMORI_N_CHECKLIST_VERIFICATIONS] = {
  "verified", "seed-only", "unverified",
};

static const char * const guide_sections[] = { "A", "B", "C", "D" };

static void
item_free (gpointer data)
{
  MamoriChecklistItem *item = data;

  g_free (item->id);
  g_free (item->title_en);
  g_free (item->title_ja);
  g_free (item->why_en);
  g_free (item->why_ja);
  g_free (item->guide_section);
  g_free (item->source_note_en);
  g_free (item->source_note_ja);
  g_free (item);
}

static void
heading_free (gpointer data)
{
  Heading *heading = data;

  g_free (heading->id);
  g_free (heading->title_en);
  g_free (heading->title_ja);
  g_free (heading);
}

static void
checklist_free (gpointer data)
{
  MamoriChecklist *checklist = data;

  g_free (checklist->id);
  g_free (checklist->title_en);
  g_free (checklist->title_ja);
  g_free (checklist->description_en);
  g_free (checklist->description_ja);
  g_free (checklist->guide_section);
  g_free (checklist->source);
  g_free (checklist->source_url);
  g_free (checklist->as_of);
  g_ptr_array_unref (checklist->items);
  g_free (checklist);
}

static void
catalog_clear (gpointer data)
{
  MamoriChecklistCatalog *catalog = data;

  /* The tables borrow their keys and values from the arrays. */
  g_clear_pointer (&catalog->checklists_by_id, g_hash_table_unref);
  g_clear_pointer (&catalog->headings_by_id, g_hash_table_unref);
  g_clear_pointer (&catalog->items_by_id, g_hash_table_unref);
  g_clear_pointer (&catalog->headings, g_ptr_array_unref);
  g_clear_pointer (&catalog->checklists, g_ptr_array_unref);
  g_free (catalog->version);
  g_free (catalog->as_of);
}

MamoriChecklistCatalog *
mamori_checklist_catalog_ref (MamoriChecklistCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return g_atomic_rc_box_acquire (catalog);
}

void
mamori_checklist_catalog_unref (MamoriChecklistCatalog *catalog)
{
  g_return_if_fail (catalog != NULL);
  g_atomic_rc_box_release_full (catalog, catalog_clear);
}

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID, message);
  return FALSE;
}

/* GKeyFile merges a group that appears twice and keeps the last of a key
 * given twice, so a repeated id would pass unnoticed: look at the text. */
static gboolean
check_unique_names (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = g_strndup (data, length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  const char *group = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gsize line_length = strlen (line);
      char *equals;

      if (line_length == 0 || line[0] == '#')
        continue;

      if (line[0] == '[' && line[line_length - 1] == ']')
        {
          char *name = g_strndup (line + 1, line_length - 2);

          if (!g_hash_table_add (groups, name))
            return set_invalid (error, "The checklist file has the id “%s” twice (line %u).",
                                name, i + 1);
          group = name;
          g_hash_table_remove_all (keys);
          continue;
        }

      equals = strchr (line, '=');
      if (group != NULL && equals != NULL)
        {
          char *key = g_strstrip (g_strndup (line, equals - line));

          if (!g_hash_table_add (keys, key))
            return set_invalid (error, "In “[%s]” of the checklist file, “%s” is given twice (line %u).",
                                group, key, i + 1);
        }
    }

  return TRUE;
}

static gboolean
get_required (GKeyFile    *file,
              const char  *group,
              const char  *key,
              char       **out,
              GError     **error)
{
  g_assert (*out == NULL);

  *out = mamori_key_file_dup_optional (file, group, key);
  if (*out == NULL)
    return set_invalid (error, "In “[%s]” of the checklist file, “%s” is missing or empty.",
                        group, key);
  return TRUE;
}

static gboolean
get_order (GKeyFile    *file,
           const char  *group,
           gint64      *out,
           GError     **error)
{
  g_autofree char *value = NULL;

  if (!get_required (file, group, "order", &value, error))
    return FALSE;
  if (!g_ascii_string_to_signed (value, 10, 1, G_MAXINT, out, NULL))
    return set_invalid (error, "In “[%s]” of the checklist file, “order” is “%s”, not a whole number from 1.",
                        group, value);
  return TRUE;
}

static gboolean
get_date (GKeyFile    *file,
          const char  *group,
          const char  *key,
          char       **out,
          GError     **error)
{
  int year, month, day;
  char end;

  if (!get_required (file, group, key, out, error))
    return FALSE;
  if (strlen (*out) != 10 ||
      sscanf (*out, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return set_invalid (error, "In “[%s]” of the checklist file, “%s” is “%s”, not a date like 2026-01-31.",
                        group, key, *out);
  return TRUE;
}

static gboolean
get_guide_section (GKeyFile    *file,
                   const char  *group,
                   char       **out,
                   GError     **error)
{
  if (!get_required (file, group, "guide-section", out, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (guide_sections); i++)
    if (g_str_equal (*out, guide_sections[i]))
      return TRUE;
  return set_invalid (error, "In “[%s]” of the checklist file, “guide-section” is “%s”; the guide has sections A to D.",
                      group, *out);
}

/* Ids are kept short and readable, so that the workspace can store them. */
static gboolean
check_id (const char  *group,
          const char  *id,
          GError     **error)
{
  if (*id == '\0' || *id == '-')
    return set_invalid (error, "“[%s]” in the checklist file has no usable id.", group);
  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
      return set_invalid (error, "The id “%s” in the checklist file may only have lower-case letters, digits and hyphens.",
                          id);
  return TRUE;
}

static MamoriChecklist *
lookup_checklist_key (MamoriChecklistCatalog  *catalog,
                      GKeyFile                *file,
                      const char              *group,
                      GError                 **error)
{
  g_autofree char *checklist_id = NULL;
  MamoriChecklist *checklist;

  if (!get_required (file, group, "checklist", &checklist_id, error))
    return NULL;
  checklist = g_hash_table_lookup (catalog->checklists_by_id, checklist_id);
  if (checklist == NULL)
    set_invalid (error, "“[%s]” in the checklist file belongs to the checklist “%s”, which does not exist.",
                 group, checklist_id);
  return checklist;
}

static gboolean
load_checklist (MamoriChecklistCatalog  *catalog,
                GKeyFile                *file,
                const char              *group,
                GError                 **error)
{
  MamoriChecklist *checklist = g_new0 (MamoriChecklist, 1);

  checklist->id = g_strdup (group + strlen (CHECKLIST_PREFIX));
  checklist->items = g_ptr_array_new_with_free_func (item_free);
  g_ptr_array_add (catalog->checklists, checklist);

  if (!check_id (group, checklist->id, error) ||
      !get_order (file, group, &checklist->order, error) ||
      !get_required (file, group, "title", &checklist->title_en, error) ||
      !get_required (file, group, "title[ja]", &checklist->title_ja, error) ||
      !get_required (file, group, "description", &checklist->description_en, error) ||
      !get_required (file, group, "description[ja]", &checklist->description_ja, error) ||
      !get_guide_section (file, group, &checklist->guide_section, error) ||
      !get_required (file, group, "source", &checklist->source, error) ||
      !get_required (file, group, "source-url", &checklist->source_url, error) ||
      !get_date (file, group, "as-of", &checklist->as_of, error))
    return FALSE;

  if (!g_str_has_prefix (checklist->source_url, "https://"))
    return set_invalid (error, "In “[%s]” of the checklist file, “source-url” is not an https:// address.", group);

  g_hash_table_insert (catalog->checklists_by_id, checklist->id, checklist);
  return TRUE;
}

static gboolean
load_heading (MamoriChecklistCatalog  *catalog,
              GKeyFile                *file,
              const char              *group,
              GError                 **error)
{
  Heading *heading = g_new0 (Heading, 1);

  heading->id = g_strdup (group + strlen (HEADING_PREFIX));
  g_ptr_array_add (catalog->headings, heading);

  if (!check_id (group, heading->id, error) ||
      (heading->checklist = lookup_checklist_key (catalog, file, group, error)) == NULL ||
      !get_required (file, group, "title", &heading->title_en, error) ||
      !get_required (file, group, "title[ja]", &heading->title_ja, error))
    return FALSE;

  g_hash_table_insert (catalog->headings_by_id, heading->id, heading);
  return TRUE;
}

static gboolean
load_item (MamoriChecklistCatalog  *catalog,
           GKeyFile                *file,
           const char              *group,
           GError                 **error)
{
  g_autofree char *heading_id = NULL;
  g_autofree char *status = NULL;
  MamoriChecklistItem *item = g_new0 (MamoriChecklistItem, 1);
  int verification = -1;

  item->id = g_strdup (group);
  if (!check_id (group, item->id, error) ||
      (item->checklist = lookup_checklist_key (catalog, file, group, error)) == NULL)
    {
      item_free (item);
      return FALSE;
    }
  g_ptr_array_add (item->checklist->items, item);

  if (!get_order (file, group, &item->order, error) ||
      !get_required (file, group, "title", &item->title_en, error) ||
      !get_required (file, group, "title[ja]", &item->title_ja, error) ||
      !get_required (file, group, "why", &item->why_en, error) ||
      !get_required (file, group, "why[ja]", &item->why_ja, error) ||
      !get_guide_section (file, group, &item->guide_section, error) ||
      !get_required (file, group, "status", &status, error))
    return FALSE;

  heading_id = mamori_key_file_dup_optional (file, group, "heading");
  if (heading_id != NULL)
    {
      item->heading = g_hash_table_lookup (catalog->headings_by_id, heading_id);
      if (item->heading == NULL || item->heading->checklist != item->checklist)
        return set_invalid (error, "In “[%s]” of the checklist file, the heading “%s” is not one of the checklist “%s”.",
                            group, heading_id, item->checklist->id);
    }

  for (int i = 0; i < MAMORI_N_CHECKLIST_VERIFICATIONS; i++)
    if (g_str_equal (status, verification_ids[i]))
      verification = i;
  if (verification < 0)
    return set_invalid (error, "In “[%s]” of the checklist file, “status” is “%s”; it must be verified, seed-only or unverified.",
                        group, status);
  item->verification = verification;

  item->source_note_en = mamori_key_file_dup_optional (file, group, "source-note");
  item->source_note_ja = mamori_key_file_dup_optional (file, group, "source-note[ja]");
  if (item->source_note_en == NULL && item->source_note_ja != NULL)
    return set_invalid (error, "In “[%s]” of the checklist file, “source-note[ja]” has no English “source-note”.", group);
  if (item->verification == MAMORI_CHECKLIST_UNVERIFIED && item->source_note_en == NULL)
    return set_invalid (error, "“[%s]” in the checklist file is unverified but has no “source-note” saying why.", group);

  g_hash_table_insert (catalog->items_by_id, item->id, item);
  return TRUE;
}

static int
compare_checklists_by_order (gconstpointer a,
                             gconstpointer b)
{
  const MamoriChecklist *first = *(MamoriChecklist * const *) a;
  const MamoriChecklist *second = *(MamoriChecklist * const *) b;

  return (first->order > second->order) - (first->order < second->order);
}

static int
compare_items_by_order (gconstpointer a,
                        gconstpointer b)
{
  const MamoriChecklistItem *first = *(MamoriChecklistItem * const *) a;
  const MamoriChecklistItem *second = *(MamoriChecklistItem * const *) b;

  return (first->order > second->order) - (first->order < second->order);
}

static gboolean
sort_and_check (MamoriChecklistCatalog  *catalog,
                GError                 **error)
{
  if (catalog->checklists->len == 0)
    return set_invalid (error, "The checklist file has no checklists.");

  g_ptr_array_sort (catalog->checklists, compare_checklists_by_order);
  for (guint i = 0; i < catalog->checklists->len; i++)
    {
      MamoriChecklist *checklist = g_ptr_array_index (catalog->checklists, i);

      if (i > 0 && ((MamoriChecklist *) g_ptr_array_index (catalog->checklists, i - 1))->order == checklist->order)
        return set_invalid (error, "Two checklists in the checklist file have the order %" G_GINT64_FORMAT ".",
                            checklist->order);
      if (checklist->items->len == 0)
        return set_invalid (error, "The checklist “%s” has no items.", checklist->id);

      g_ptr_array_sort (checklist->items, compare_items_by_order);
      for (guint j = 1; j < checklist->items->len; j++)
        {
          MamoriChecklistItem *previous = g_ptr_array_index (checklist->items, j - 1);
          MamoriChecklistItem *item = g_ptr_array_index (checklist->items, j);

          if (previous->order == item->order)
            return set_invalid (error, "The items “%s” and “%s” of the checklist “%s” have the same order.",
                                previous->id, item->id, checklist->id);
        }
    }

  return TRUE;
}

/**
 * mamori_checklist_catalog_new_from_bytes:
 * @bytes: the text of a checklist file (data/catalog/checklists.ini)
 *
 * Returns: (transfer full) (nullable): the checklists, or %NULL with
 *   %MAMORI_CHECKLIST_ERROR_INVALID if @bytes is not a valid checklist file
 */
MamoriChecklistCatalog *
mamori_checklist_catalog_new_from_bytes (GBytes  *bytes,
                                         GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(MamoriChecklistCatalog) catalog = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Empty bytes may have no data at all. */
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";
  if (!g_key_file_load_from_data (file, data, length,
                                  G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      set_invalid (error, "This is not a checklist file: %s", local_error->message);
      return NULL;
    }
  if (!check_unique_names (data, length, error))
    return NULL;

  catalog = g_atomic_rc_box_new0 (MamoriChecklistCatalog);
  catalog->checklists = g_ptr_array_new_with_free_func (checklist_free);
  catalog->headings = g_ptr_array_new_with_free_func (heading_free);
  catalog->checklists_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->headings_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (!g_key_file_has_group (file, "catalog"))
    {
      set_invalid (error, "This is not a checklist file: it has no “[catalog]” part.");
      return NULL;
    }
  if (!get_required (file, "catalog", "version", &catalog->version, error) ||
      !get_date (file, "catalog", "as-of", &catalog->as_of, error))
    return NULL;

  /* Checklists first, then their headings, then the items that refer to
   * both, whatever the order of the file. */
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], CHECKLIST_PREFIX) &&
        !load_checklist (catalog, file, groups[i], error))
      return NULL;
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], HEADING_PREFIX) &&
        !load_heading (catalog, file, groups[i], error))
      return NULL;
  for (guint i = 0; groups[i] != NULL; i++)
    if (!g_str_equal (groups[i], "catalog") &&
        !g_str_has_prefix (groups[i], CHECKLIST_PREFIX) &&
        !g_str_has_prefix (groups[i], HEADING_PREFIX) &&
        !load_item (catalog, file, groups[i], error))
      return NULL;

  if (!sort_and_check (catalog, error))
    return NULL;

  return g_steal_pointer (&catalog);
}

/**
 * mamori_checklist_catalog_dup_default:
 *
 * The checklists bundled with the program, loaded the first time they are
 * asked for.
 *
 * Returns: (transfer full) (nullable): the checklists, or %NULL if the
 *   bundled file is missing or invalid (a bug in the build)
 */
MamoriChecklistCatalog *
mamori_checklist_catalog_dup_default (GError **error)
{
  G_LOCK_DEFINE_STATIC (default_catalog);
  static MamoriChecklistCatalog *default_catalog = NULL;
  MamoriChecklistCatalog *result = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  G_LOCK (default_catalog);
  if (default_catalog == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;

      bytes = g_resources_lookup_data (CHECKLISTS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes == NULL)
        set_invalid (error, "The checklists are missing from the program: %s", local_error->message);
      else
        default_catalog = mamori_checklist_catalog_new_from_bytes (bytes, error);
    }
  if (default_catalog != NULL)
    result = mamori_checklist_catalog_ref (default_catalog);
  G_UNLOCK (default_catalog);

  return result;
}

const char *
mamori_checklist_catalog_get_version (MamoriChecklistCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return catalog->version;
}

const char *
mamori_checklist_catalog_get_as_of (MamoriChecklistCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return catalog->as_of;
}

guint
mamori_checklist_catalog_get_n_checklists (MamoriChecklistCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, 0);
  return catalog->checklists->len;
}

/**
 * mamori_checklist_catalog_get_checklist:
 *
 * Returns: (transfer none): the checklist at @index, in the file's order;
 *   valid as long as @catalog
 */
const MamoriChecklist *
mamori_checklist_catalog_get_checklist (MamoriChecklistCatalog *catalog,
                                        guint                   index)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (index < catalog->checklists->len, NULL);
  return g_ptr_array_index (catalog->checklists, index);
}

const MamoriChecklist *
mamori_checklist_catalog_lookup_checklist (MamoriChecklistCatalog *catalog,
                                           const char             *id)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return id != NULL ? g_hash_table_lookup (catalog->checklists_by_id, id) : NULL;
}

const MamoriChecklistItem *
mamori_checklist_catalog_lookup_item (MamoriChecklistCatalog *catalog,
                                      const char             *id)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return id != NULL ? g_hash_table_lookup (catalog->items_by_id, id) : NULL;
}

static const char *
pick (const char *en,
      const char *ja)
{
  return mamori_text_prefers_japanese () && ja != NULL ? ja : en;
}

const char *
mamori_checklist_get_id (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->id;
}

/* The title and description in the interface language. */
const char *
mamori_checklist_get_title (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return pick (checklist->title_en, checklist->title_ja);
}

const char *
mamori_checklist_get_title_en (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->title_en;
}

const char *
mamori_checklist_get_title_ja (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->title_ja;
}

const char *
mamori_checklist_get_description (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return pick (checklist->description_en, checklist->description_ja);
}

const char *
mamori_checklist_get_description_en (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->description_en;
}

const char *
mamori_checklist_get_description_ja (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->description_ja;
}

/* "A" to "D": the section of the Aichi guide the checklist comes from. */
const char *
mamori_checklist_get_guide_section (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->guide_section;
}

/* The source as it is cited, in Japanese: official titles are not translated. */
const char *
mamori_checklist_get_source (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->source;
}

const char *
mamori_checklist_get_source_url (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->source_url;
}

const char *
mamori_checklist_get_as_of (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  return checklist->as_of;
}

guint
mamori_checklist_get_n_items (const MamoriChecklist *checklist)
{
  g_return_val_if_fail (checklist != NULL, 0);
  return checklist->items->len;
}

const MamoriChecklistItem *
mamori_checklist_get_item (const MamoriChecklist *checklist,
                           guint                  index)
{
  g_return_val_if_fail (checklist != NULL, NULL);
  g_return_val_if_fail (index < checklist->items->len, NULL);
  return g_ptr_array_index (checklist->items, index);
}

const char *
mamori_checklist_item_get_id (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->id;
}

const MamoriChecklist *
mamori_checklist_item_get_checklist (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->checklist;
}

const char *
mamori_checklist_item_get_checklist_id (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->checklist->id;
}

/* The part of the checklist the item is in (a CSF function, a playbook
 * stage); %NULL for a checklist without parts. Consecutive items share it. */
const char *
mamori_checklist_item_get_heading_id (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->heading != NULL ? item->heading->id : NULL;
}

const char *
mamori_checklist_item_get_heading (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->heading != NULL ? pick (item->heading->title_en, item->heading->title_ja) : NULL;
}

const char *
mamori_checklist_item_get_heading_en (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->heading != NULL ? item->heading->title_en : NULL;
}

const char *
mamori_checklist_item_get_heading_ja (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->heading != NULL ? item->heading->title_ja : NULL;
}

const char *
mamori_checklist_item_get_title (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return pick (item->title_en, item->title_ja);
}

const char *
mamori_checklist_item_get_title_en (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->title_en;
}

const char *
mamori_checklist_item_get_title_ja (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->title_ja;
}

/* Why the item matters, for a manager: always Mamori's own words. */
const char *
mamori_checklist_item_get_why (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return pick (item->why_en, item->why_ja);
}

const char *
mamori_checklist_item_get_why_en (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->why_en;
}

const char *
mamori_checklist_item_get_why_ja (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->why_ja;
}

const char *
mamori_checklist_item_get_guide_section (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return item->guide_section;
}

MamoriChecklistVerification
mamori_checklist_item_get_verification (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, MAMORI_CHECKLIST_UNVERIFIED);
  return item->verification;
}

/**
 * mamori_checklist_item_get_source_note:
 *
 * Returns: (nullable): where the item was or was not confirmed, in the
 *   interface language when the file has it in that language
 */
const char *
mamori_checklist_item_get_source_note (const MamoriChecklistItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return pick (item->source_note_en, item->source_note_ja);
}

/* The verification as the file spells it: "verified", "seed-only" or
 * "unverified". */
const char *
mamori_checklist_verification_get_id (MamoriChecklistVerification verification)
{
  g_return_val_if_fail (verification < MAMORI_N_CHECKLIST_VERIFICATIONS, NULL);
  return verification_ids[verification];
}
