/* mamori-catalog.h — the reference catalog behind the Lookup tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MAMORI_CATALOG_ERROR (mamori_catalog_error_quark ())

typedef enum
{
  MAMORI_CATALOG_ERROR_INVALID,   /* not a catalog, or a required part missing */
  MAMORI_CATALOG_ERROR_FORMAT,    /* a format this version cannot read */
  MAMORI_CATALOG_ERROR_OLDER,     /* not newer than the catalog in use */
} MamoriCatalogError;

/* How far an entry was checked (reference/00_README.md). */
typedef enum
{
  MAMORI_VERIFIED_OFFICIAL,
  MAMORI_VERIFIED_SECONDARY,
  MAMORI_SEED_ONLY,
  MAMORI_UNVERIFIED,
  MAMORI_N_VERIFICATIONS
} MamoriVerification;

typedef struct _MamoriCatalogList MamoriCatalogList;

typedef struct
{
  char               *id;            /* "<list>/<entry>" */
  char               *key;           /* the entry part alone */
  MamoriCatalogList  *list;
  char               *name_ja;       /* exactly as published */
  char               *name_en;
  gboolean            name_en_official;
  char              **aliases;
  char               *summary_en, *summary_ja;
  char               *meaning_en, *meaning_ja;
  char               *action_en, *action_ja;
  char               *note_en, *note_ja;
  char              **regimes;
  char              **contacts;      /* contact keys (C1…) */
  MamoriVerification  status;
  char               *source;
  char               *source_url;
  char               *as_of;
  /* contacts only */
  char               *organization_en, *organization_ja;
  char               *phone, *email, *url;
  /* fdi only: investor, act, threshold, sector, outcome */
  char               *kind;
  /* for searching: names and aliases folded loosely (no spaces, long
   * vowels or small kana), the same with their words kept, and the
   * explanations */
  char              **search_names;
  char              **search_words;
  char               *search_text;
} MamoriCatalogEntry;

struct _MamoriCatalogList
{
  char      *id;
  int        order;
  char      *name_en, *name_ja;
  char      *description_en, *description_ja;
  char      *regime;
  char      *source;
  char      *source_url;
  char      *as_of;
  guint      expected;     /* entries the official list has, 0 if unknown */
  GPtrArray *entries;      /* of MamoriCatalogEntry, in file order */
};

typedef struct _MamoriCatalog MamoriCatalog;

typedef struct
{
  const MamoriCatalogEntry *entry;
  int                       score;   /* higher is better */
} MamoriCatalogHit;

/* The score of a hit found only in an entry's explanations, not in its
 * names: related, but not the thing itself. */
#define MAMORI_CATALOG_TEXT_SCORE 200
/* The score of an entry whose name the query mentions among other words
 * ("MLCC know-how"): the thing itself, found in a description. */
#define MAMORI_CATALOG_MENTIONED_SCORE 300

typedef enum
{
  MAMORI_CATALOG_ADDED,
  MAMORI_CATALOG_REMOVED,
  MAMORI_CATALOG_CHANGED,
} MamoriCatalogChangeKind;

typedef struct
{
  MamoriCatalogChangeKind  kind;
  char                    *id;
  char                    *name;     /* in the interface language */
} MamoriCatalogChange;

/* A catalog is a few hundred kilobytes; a file far larger is not one. */
#define MAMORI_CATALOG_MAX_SIZE (16 * 1024 * 1024)

GQuark                    mamori_catalog_error_quark       (void);

MamoriCatalog            *mamori_catalog_new_from_data     (const char          *data,
                                                            gsize                length,
                                                            GError             **error);
MamoriCatalog            *mamori_catalog_ref               (MamoriCatalog       *catalog);
void                      mamori_catalog_unref             (MamoriCatalog       *catalog);

MamoriCatalog            *mamori_catalog_dup_bundled       (void);
MamoriCatalog            *mamori_catalog_dup_default       (void);

#define MAMORI_TYPE_CATALOG_MONITOR (mamori_catalog_monitor_get_type ())
G_DECLARE_FINAL_TYPE (MamoriCatalogMonitor, mamori_catalog_monitor, MAMORI, CATALOG_MONITOR, GObject)

MamoriCatalogMonitor     *mamori_catalog_monitor_get_default (void);
char                     *mamori_catalog_dup_installed_path (void);
gboolean                  mamori_catalog_install           (MamoriCatalog       *current,
                                                            const char          *data,
                                                            gsize                length,
                                                            MamoriCatalog      **out_installed,
                                                            GError             **error);
gboolean                  mamori_catalog_uninstall         (GError             **error);
gboolean                  mamori_catalog_check_update      (MamoriCatalog       *current,
                                                            MamoriCatalog       *update,
                                                            GError             **error);

const char               *mamori_catalog_get_version       (MamoriCatalog       *catalog);
const char               *mamori_catalog_get_released      (MamoriCatalog       *catalog);
gboolean                  mamori_catalog_is_bundled        (MamoriCatalog       *catalog);
guint                     mamori_catalog_get_n_lists       (MamoriCatalog       *catalog);
const MamoriCatalogList  *mamori_catalog_get_list          (MamoriCatalog       *catalog,
                                                            guint                index);
const MamoriCatalogList  *mamori_catalog_lookup_list       (MamoriCatalog       *catalog,
                                                            const char          *id);
const MamoriCatalogEntry *mamori_catalog_lookup            (MamoriCatalog       *catalog,
                                                            const char          *id);
const MamoriCatalogEntry *mamori_catalog_lookup_contact    (MamoriCatalog       *catalog,
                                                            const char          *key);

GArray                   *mamori_catalog_search            (MamoriCatalog       *catalog,
                                                            const char          *query,
                                                            const char          *list_id);
const MamoriCatalogEntry *mamori_catalog_find_name         (MamoriCatalog       *catalog,
                                                            const char          *list_id,
                                                            const char          *name);

GPtrArray                *mamori_catalog_diff              (MamoriCatalog       *old_catalog,
                                                            MamoriCatalog       *new_catalog);
void                      mamori_catalog_change_free       (MamoriCatalogChange *change);

int                       mamori_catalog_compare_versions  (const char          *a,
                                                            const char          *b);
const char               *mamori_catalog_pick              (const char          *en,
                                                            const char          *ja);
const char               *mamori_catalog_entry_get_name    (const MamoriCatalogEntry *entry);
const char               *mamori_catalog_list_get_name     (const MamoriCatalogList  *list);
const char               *mamori_verification_get_label    (MamoriVerification   status);
const char               *mamori_verification_get_id       (MamoriVerification   status);
const char               *mamori_regime_get_label          (const char          *regime);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriCatalog, mamori_catalog_unref)

char                     *mamori_key_file_dup_optional     (GKeyFile            *file,
                                                            const char          *group,
                                                            const char          *key);

G_END_DECLS
