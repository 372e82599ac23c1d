/* mamori-store-assets.c — the information-asset register in the workspace
 *
 * Besides the fields a user types, each asset row keeps three values worked
 * out here on every write, so that a list of 100,000 assets can be filtered
 * and sorted without asking for more: class_auto (from the ratings and the
 * workspace's classes), uncovered (the leak routes its class calls for that
 * no adopted measure covers) and search_text (the text fields, normalized
 * for Japanese search).
 *
 * The "uncovered" rule is written once, in SQL, against a per-connection
 * temporary copy of the countermeasure catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <string.h>

#include "analysis/mamori-text.h"
#include "catalog/mamori-measures.h"
#include "mamori-store-private.h"

#define SCHEME_KEY          "classification.scheme"
#define CATALOG_VERSION_KEY "measures.catalog-version"

/* The routes an asset's class calls for, less those an adopted measure
 * covers. */
#define UNCOVERED_SQL \
  "(SELECT coalesce(sum(r.bit), 0) FROM temp.catalog_routes r" \
  "  WHERE EXISTS (SELECT 1 FROM temp.catalog_measures m" \
  "                 WHERE m.route_bit = r.bit" \
  "                   AND m.level <= coalesce(assets.class_override, assets.class_auto, -1))" \
  "    AND NOT EXISTS (SELECT 1 FROM asset_measures am" \
  "                      JOIN temp.catalog_measures m2 ON m2.id = am.measure_id" \
  "                     WHERE am.asset_id = assets.id AND m2.route_bit = r.bit))"

#define ASSET_COLUMNS \
  "id, name, category, form, storage, department, responsible, access, entrusted, notes," \
  " rating_value, rating_competition, rating_trust, class_auto, class_override, override_reason," \
  " strategy, marked, access_restricted, pledges_signed, useful, not_public, uncovered," \
  " created_at, updated_at"

static const char * const rating_columns[MAMORI_N_VIEWPOINTS] = {
  "rating_value", "rating_competition", "rating_trust",
};

static int
column_level (sqlite3_stmt *stmt,
              int           column,
              int           unset)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? unset : sqlite3_column_int (stmt, column);
}

static void
bind_level (sqlite3_stmt *stmt,
            int           index,
            int           level)
{
  if (level < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, level);
}

static char *
build_search_text (MamoriAsset *asset)
{
  const char *fields[] = {
    mamori_asset_get_name (asset),
    mamori_asset_get_storage (asset),
    mamori_asset_get_department (asset),
    mamori_asset_get_responsible (asset),
    mamori_asset_get_access (asset),
    mamori_asset_get_notes (asset),
  };
  GString *text = g_string_new (NULL);

  /* A newline between fields: a normalized query has none, so a match
   * never runs from one field into the next. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *normalized = mamori_text_normalize_for_search (fields[i]);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, normalized);
    }

  return g_string_free (text, FALSE);
}

static MamoriAsset *
asset_from_row (sqlite3_stmt *stmt)
{
  MamoriAsset *asset = mamori_asset_new ();

  g_object_set (asset,
                "id", sqlite3_column_int64 (stmt, 0),
                "name", mamori_store_column_text (stmt, 1),
                "category", mamori_store_enum_from_nick (MAMORI_TYPE_ASSET_CATEGORY, mamori_store_column_text (stmt, 2), MAMORI_ASSET_CATEGORY_NONE),
                "form", mamori_store_enum_from_nick (MAMORI_TYPE_ASSET_FORM, mamori_store_column_text (stmt, 3), MAMORI_ASSET_FORM_NONE),
                "storage", mamori_store_column_text (stmt, 4),
                "department", mamori_store_column_text (stmt, 5),
                "responsible", mamori_store_column_text (stmt, 6),
                "access", mamori_store_column_text (stmt, 7),
                "entrusted", sqlite3_column_int (stmt, 8) != 0,
                "notes", mamori_store_column_text (stmt, 9),
                "rating-value", column_level (stmt, 10, MAMORI_RATING_UNRATED),
                "rating-competition", column_level (stmt, 11, MAMORI_RATING_UNRATED),
                "rating-trust", column_level (stmt, 12, MAMORI_RATING_UNRATED),
                "class-auto", column_level (stmt, 13, MAMORI_CLASS_NONE),
                "class-override", column_level (stmt, 14, MAMORI_CLASS_NONE),
                "override-reason", mamori_store_column_text (stmt, 15),
                "strategy", mamori_store_enum_from_nick (MAMORI_TYPE_STRATEGY, mamori_store_column_text (stmt, 16), MAMORI_STRATEGY_UNDECIDED),
                "marked", sqlite3_column_int (stmt, 17) != 0,
                "access-restricted", sqlite3_column_int (stmt, 18) != 0,
                "pledges-signed", sqlite3_column_int (stmt, 19) != 0,
                "useful", sqlite3_column_int (stmt, 20) != 0,
                "not-public", sqlite3_column_int (stmt, 21) != 0,
                "uncovered", (guint) sqlite3_column_int (stmt, 22),
                "created", mamori_store_column_text (stmt, 23),
                "updated", mamori_store_column_text (stmt, 24),
                NULL);

  return asset;
}

/* Binds the fields a user can change, as ?1 … ?21, with the derived
 * class_auto (?22) and search_text (?23). */
static void
bind_asset (sqlite3_stmt            *stmt,
            MamoriAsset             *asset,
            const MamoriClassScheme *scheme)
{
  MamoriSecretFacts facts;
  int ratings[MAMORI_N_VIEWPOINTS];

  mamori_asset_get_ratings (asset, ratings);
  mamori_asset_get_secret_facts (asset, &facts);

  sqlite3_bind_text (stmt, 1, mamori_asset_get_name (asset), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mamori_store_enum_to_nick (MAMORI_TYPE_ASSET_CATEGORY, mamori_asset_get_category (asset)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, mamori_store_enum_to_nick (MAMORI_TYPE_ASSET_FORM, mamori_asset_get_form (asset)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, mamori_asset_get_storage (asset), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, mamori_asset_get_department (asset), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, mamori_asset_get_responsible (asset), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, mamori_asset_get_access (asset), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, mamori_asset_get_entrusted (asset));
  sqlite3_bind_text (stmt, 9, mamori_asset_get_notes (asset), -1, SQLITE_TRANSIENT);
  for (int i = 0; i < MAMORI_N_VIEWPOINTS; i++)
    bind_level (stmt, 10 + i, ratings[i]);
  bind_level (stmt, 13, mamori_asset_get_class_override (asset));
  sqlite3_bind_text (stmt, 14, mamori_asset_get_override_reason (asset), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, mamori_store_enum_to_nick (MAMORI_TYPE_STRATEGY, mamori_asset_get_strategy (asset)), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 16, facts.marked);
  sqlite3_bind_int (stmt, 17, facts.access_restricted);
  sqlite3_bind_int (stmt, 18, facts.pledges_signed);
  sqlite3_bind_int (stmt, 19, facts.useful);
  sqlite3_bind_int (stmt, 20, facts.not_public);
  sqlite3_bind_text (stmt, 21, mamori_asset_get_created (asset), -1, SQLITE_TRANSIENT);
  bind_level (stmt, 22, mamori_class_scheme_evaluate (scheme, ratings));
  sqlite3_bind_text (stmt, 23, build_search_text (asset), -1, g_free);
}

static gboolean
exec_sql (MamoriStore  *self,
          const char   *sql,
          GError      **error)
{
  int rc = sqlite3_exec (mamori_store_get_db (self), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

static gboolean
update_uncovered (MamoriStore  *self,
                  gint64        id,
                  GError      **error)
{
  sqlite3_stmt *stmt;

  if (id > 0)
    {
      stmt = mamori_store_prepare (self, "UPDATE assets SET uncovered = " UNCOVERED_SQL " WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      return mamori_store_step_done (self, stmt, error);
    }

  return exec_sql (self, "UPDATE assets SET uncovered = " UNCOVERED_SQL, error);
}

/* Reads back what the store worked out, into the caller's object. */
static gboolean
refresh_derived (MamoriStore  *self,
                 MamoriAsset  *asset,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = mamori_store_prepare (self,
                               "SELECT class_auto, uncovered, created_at, updated_at FROM assets WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, mamori_asset_get_id (asset));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_object_set (asset,
                  "class-auto", column_level (stmt, 0, MAMORI_CLASS_NONE),
                  "uncovered", (guint) sqlite3_column_int (stmt, 1),
                  "created", mamori_store_column_text (stmt, 2),
                  "updated", mamori_store_column_text (stmt, 3),
                  NULL);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self),
                                      rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, mamori_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

/* The catalogue as this connection's temporary tables, and the stored
 * "uncovered" brought up to date if the catalogue changed since. */
static gboolean
load_catalog (MamoriStore  *self,
              gpointer      user_data,
              GError      **error)
{
  MamoriMeasureCatalog *catalog = mamori_measure_catalog_get_default ();
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self, "INSERT INTO temp.catalog_measures (id, route_bit, level) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < mamori_measure_catalog_get_n_measures (catalog); i++)
    {
      const MamoriMeasure *measure = mamori_measure_catalog_get_measure (catalog, i);

      sqlite3_bind_text (stmt, 1, measure->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, MAMORI_ROUTE_BIT (measure->route));
      sqlite3_bind_int (stmt, 3, measure->level);
      if (!mamori_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (int route = 0; route < MAMORI_N_ROUTES; route++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO temp.catalog_routes (bit) VALUES (%u)", MAMORI_ROUTE_BIT (route));

      if (!exec_sql (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
refresh_all_uncovered (MamoriStore  *self,
                       gpointer      user_data,
                       GError      **error)
{
  const char *version = user_data;
  sqlite3_stmt *stmt;

  if (!update_uncovered (self, 0, error))
    return FALSE;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO settings (key, value) VALUES ('" CATALOG_VERSION_KEY "', ?1)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, version, -1, SQLITE_STATIC);

  return mamori_store_step_done (self, stmt, error);
}

gboolean
mamori_store_assets_prepare (MamoriStore  *self,
                             GError      **error)
{
  MamoriMeasureCatalog *catalog = mamori_measure_catalog_get_default ();
  const char *version = mamori_measure_catalog_get_version (catalog);
  g_autofree char *stored_version = NULL;

  if (!exec_sql (self,
                 "CREATE TEMP TABLE catalog_measures (id TEXT PRIMARY KEY, route_bit INTEGER NOT NULL,"
                 "                                    level INTEGER NOT NULL);"
                 "CREATE TEMP TABLE catalog_routes (bit INTEGER PRIMARY KEY);",
                 error))
    return FALSE;

  if (!mamori_store_write (self, load_catalog, NULL, error))
    return FALSE;

  stored_version = mamori_store_dup_setting (self, CATALOG_VERSION_KEY, error);
  if (g_strcmp0 (stored_version, version) != 0 &&
      !mamori_store_write (self, refresh_all_uncovered, (gpointer) version, error))
    return FALSE;

  return TRUE;
}

/**
 * mamori_store_dup_class_scheme:
 *
 * Returns: (transfer full): the workspace's classes, or the defaults
 */
MamoriClassScheme *
mamori_store_dup_class_scheme (MamoriStore *self)
{
  g_autofree char *text = NULL;
  MamoriClassScheme *scheme;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  text = mamori_store_dup_setting (self, SCHEME_KEY, NULL);
  scheme = mamori_class_scheme_deserialize (text);

  return scheme != NULL ? scheme : mamori_class_scheme_new_default ();
}

static gboolean
write_scheme (MamoriStore  *self,
              gpointer      user_data,
              GError      **error)
{
  const MamoriClassScheme *scheme = user_data;
  g_autofree char *case_sql = mamori_class_scheme_dup_sql (scheme, (const char **) rating_columns);
  g_autofree char *update = g_strdup_printf ("UPDATE assets SET class_auto = %s", case_sql);
  sqlite3_stmt *stmt;

  if (mamori_class_scheme_is_default (scheme))
    stmt = mamori_store_prepare (self, "DELETE FROM settings WHERE key = '" SCHEME_KEY "'", error);
  else
    {
      stmt = mamori_store_prepare (self,
                                   "INSERT INTO settings (key, value) VALUES ('" SCHEME_KEY "', ?1)"
                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, mamori_class_scheme_serialize (scheme), -1, g_free);
    }

  return stmt != NULL &&
         mamori_store_step_done (self, stmt, error) &&
         exec_sql (self, update, error) &&
         update_uncovered (self, 0, error);
}

/**
 * mamori_store_set_class_scheme:
 *
 * Changes the workspace's classes and re-evaluates every asset, in one
 * transaction.
 */
gboolean
mamori_store_set_class_scheme (MamoriStore              *self,
                               const MamoriClassScheme  *scheme,
                               GError                  **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (scheme != NULL, FALSE);

  if (!mamori_class_scheme_validate (scheme, error))
    return FALSE;

  if (!mamori_store_write (self, write_scheme, (gpointer) scheme, error))
    return FALSE;

  mamori_store_emit_changed (self, MAMORI_CHANGE_SETTINGS);
  mamori_store_emit_changed (self, MAMORI_CHANGE_ASSETS);
  return TRUE;
}

typedef struct
{
  GPtrArray         *assets;
  MamoriClassScheme *scheme;
} AddRequest;

static gboolean
write_new_assets (MamoriStore  *self,
                  gpointer      user_data,
                  GError      **error)
{
  AddRequest *request = user_data;
  sqlite3_stmt *stmt;
  sqlite3_stmt *last;
  gint64 first_id = 0;
  int rc;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO assets (name, category, form, storage, department, responsible,"
                               "    access, entrusted, notes, rating_value, rating_competition, rating_trust,"
                               "    class_override, override_reason, strategy, marked, access_restricted,"
                               "    pledges_signed, useful, not_public, created_at, class_auto, search_text,"
                               "    updated_at)"
                               "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                               "          ?16, ?17, ?18, ?19, ?20, coalesce(nullif(?21, ''), " MAMORI_STORE_NOW_SQL "),"
                               "          ?22, ?23, " MAMORI_STORE_NOW_SQL ")",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < request->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (request->assets, i);

      bind_asset (stmt, asset, request->scheme);
      if (!mamori_store_step_done (self, stmt, error))
        return FALSE;
      g_object_set (asset, "id", sqlite3_last_insert_rowid (mamori_store_get_db (self)), NULL);
      if (first_id == 0)
        first_id = mamori_asset_get_id (asset);
    }

  if (first_id == 0)
    return TRUE;

  last = mamori_store_prepare (self, "UPDATE assets SET uncovered = " UNCOVERED_SQL " WHERE id >= ?1", error);
  if (last == NULL)
    return FALSE;
  sqlite3_bind_int64 (last, 1, first_id);
  rc = mamori_store_step_done (self, last, error);

  return rc;
}

/**
 * mamori_store_add_assets:
 * @assets: (element-type MamoriAsset): new assets; each gets its id
 *
 * Adds all of @assets or, on error, none.
 */
gboolean
mamori_store_add_assets (MamoriStore  *self,
                         GPtrArray    *assets,
                         GError      **error)
{
  g_autoptr(MamoriClassScheme) scheme = NULL;
  AddRequest request;

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (assets != NULL, FALSE);

  scheme = mamori_store_dup_class_scheme (self);
  request.assets = assets;
  request.scheme = scheme;

  if (!mamori_store_write (self, write_new_assets, &request, error))
    {
      for (guint i = 0; i < assets->len; i++)
        g_object_set (g_ptr_array_index (assets, i), "id", (gint64) 0, NULL);
      return FALSE;
    }

  /* The objects learn what the store worked out (one read each is cheap
   * next to the write; a bulk import passes objects nobody shows). */
  if (assets->len <= 100)
    for (guint i = 0; i < assets->len; i++)
      refresh_derived (self, g_ptr_array_index (assets, i), NULL);

  mamori_store_emit_changed (self, MAMORI_CHANGE_ASSETS);
  return TRUE;
}

/**
 * mamori_store_add_asset:
 *
 * Returns: the new asset's id (also set on @asset), or 0 on error
 */
gint64
mamori_store_add_asset (MamoriStore  *self,
                        MamoriAsset  *asset,
                        GError      **error)
{
  g_autoptr(GPtrArray) assets = g_ptr_array_new ();

  g_return_val_if_fail (MAMORI_IS_ASSET (asset), 0);

  g_ptr_array_add (assets, asset);
  if (!mamori_store_add_assets (self, assets, error))
    return 0;

  return mamori_asset_get_id (asset);
}

/**
 * mamori_store_dup_asset:
 *
 * Returns: (transfer full) (nullable): the asset, or %NULL if there is no
 *   such asset (deleted ones included) or on error
 */
MamoriAsset *
mamori_store_dup_asset (MamoriStore  *self,
                        gint64        id,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  MamoriAsset *asset = NULL;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, "SELECT " ASSET_COLUMNS " FROM assets WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    asset = asset_from_row (stmt);
  else if (rc != SQLITE_DONE)
    mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
  sqlite3_reset (stmt);

  return asset;
}

/**
 * mamori_store_dup_assets:
 *
 * Returns: (transfer full) (element-type MamoriAsset): every asset in the
 *   register, highest class first, then by name; %NULL on error
 */
GPtrArray *
mamori_store_dup_assets (MamoriStore  *self,
                         GError      **error)
{
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, "SELECT " ASSET_COLUMNS " FROM assets WHERE deleted_at IS NULL"
                                     " ORDER BY coalesce(class_override, class_auto, -1) DESC, name, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (assets, asset_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&assets);
}

typedef struct
{
  MamoriAsset       *asset;
  MamoriClassScheme *scheme;
} SaveRequest;

static gboolean
write_asset (MamoriStore  *self,
             gpointer      user_data,
             GError      **error)
{
  SaveRequest *request = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "UPDATE assets SET name = ?1, category = ?2, form = ?3, storage = ?4,"
                               "    department = ?5, responsible = ?6, access = ?7, entrusted = ?8,"
                               "    notes = ?9, rating_value = ?10, rating_competition = ?11,"
                               "    rating_trust = ?12, class_override = ?13, override_reason = ?14,"
                               "    strategy = ?15, marked = ?16, access_restricted = ?17,"
                               "    pledges_signed = ?18, useful = ?19, not_public = ?20,"
                               "    created_at = coalesce(nullif(?21, ''), created_at),"
                               "    class_auto = ?22, search_text = ?23, updated_at = " MAMORI_STORE_NOW_SQL
                               "  WHERE id = ?24 AND deleted_at IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_asset (stmt, request->asset, request->scheme);
  sqlite3_bind_int64 (stmt, 24, mamori_asset_get_id (request->asset));
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (mamori_store_get_db (self)) == 0)
    {
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND,
                   _("“%s” was deleted, so the change could not be saved."),
                   mamori_asset_get_name (request->asset));
      return FALSE;
    }

  return update_uncovered (self, mamori_asset_get_id (request->asset), error);
}

/**
 * mamori_store_save_asset:
 *
 * Saves every field of @asset and updates, on @asset too, what the store
 * works out (class, uncovered routes, dates).
 */
gboolean
mamori_store_save_asset (MamoriStore  *self,
                         MamoriAsset  *asset,
                         GError      **error)
{
  g_autoptr(MamoriClassScheme) scheme = NULL;
  SaveRequest request;

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (MAMORI_IS_ASSET (asset), FALSE);
  g_return_val_if_fail (mamori_asset_get_id (asset) > 0, FALSE);

  scheme = mamori_store_dup_class_scheme (self);
  request.asset = asset;
  request.scheme = scheme;

  if (!mamori_store_write (self, write_asset, &request, error))
    return FALSE;

  refresh_derived (self, asset, NULL);
  g_signal_emit_by_name (self, "asset-changed", mamori_asset_get_id (asset));
  return TRUE;
}

static gboolean
copy_measures (MamoriStore  *self,
               gint64        from,
               gint64        to,
               GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO asset_measures (asset_id, measure_id, adopted_at)"
                               "  SELECT ?2, measure_id, " MAMORI_STORE_NOW_SQL " FROM asset_measures WHERE asset_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  return mamori_store_step_done (self, stmt, error) && update_uncovered (self, to, error);
}

typedef struct
{
  AddRequest  add;
  gint64      from;
} DuplicateRequest;

static gboolean
write_duplicate (MamoriStore  *self,
                 gpointer      user_data,
                 GError      **error)
{
  DuplicateRequest *request = user_data;
  MamoriAsset *copy = g_ptr_array_index (request->add.assets, 0);

  return write_new_assets (self, &request->add, error) &&
         copy_measures (self, request->from, mamori_asset_get_id (copy), error);
}

/**
 * mamori_store_duplicate_asset:
 *
 * Copies an asset with its adopted measures (not its handling ledger,
 * which records what happened to the original), named "<name> (copy)".
 *
 * Returns: the copy's id, or 0 on error
 */
gint64
mamori_store_duplicate_asset (MamoriStore  *self,
                              gint64        id,
                              GError      **error)
{
  g_autoptr(MamoriAsset) asset = NULL;
  g_autoptr(MamoriClassScheme) scheme = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  g_autofree char *name = NULL;
  DuplicateRequest request;

  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);

  asset = mamori_store_dup_asset (self, id, error);
  if (asset == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_NOT_FOUND,
                             _("The asset was deleted, so it could not be duplicated."));
      return 0;
    }

  /* Translators: the name of a duplicated asset */
  name = g_strdup_printf (_("%s (copy)"), mamori_asset_get_name (asset));
  g_object_set (asset, "id", (gint64) 0, "name", name, "created", "", NULL);

  /* The copy and its measures, in one transaction. */
  scheme = mamori_store_dup_class_scheme (self);
  assets = g_ptr_array_new ();
  g_ptr_array_add (assets, asset);
  request.add.assets = assets;
  request.add.scheme = scheme;
  request.from = id;
  if (!mamori_store_write (self, write_duplicate, &request, error))
    return 0;

  refresh_derived (self, asset, NULL);
  mamori_store_emit_changed (self, MAMORI_CHANGE_ASSETS);
  return mamori_asset_get_id (asset);
}

typedef struct
{
  GArray   *ids;
  gboolean  deleted;
} DeleteRequest;

static gboolean
write_deleted (MamoriStore  *self,
               gpointer      user_data,
               GError      **error)
{
  DeleteRequest *request = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               request->deleted
                               ? "UPDATE assets SET deleted_at = " MAMORI_STORE_NOW_SQL " WHERE id = ?1 AND deleted_at IS NULL"
                               : "UPDATE assets SET deleted_at = NULL WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < request->ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (request->ids, gint64, i));
      if (!mamori_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * mamori_store_delete_assets:
 * @ids: (element-type gint64): the assets
 *
 * Takes the assets out of the register. Nothing is erased: their handling
 * ledgers stay whole, and mamori_store_restore_assets() undoes it.
 */
gboolean
mamori_store_delete_assets (MamoriStore  *self,
                            GArray       *ids,
                            GError      **error)
{
  DeleteRequest request = { ids, TRUE };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (!mamori_store_write (self, write_deleted, &request, error))
    return FALSE;

  mamori_store_emit_changed (self, MAMORI_CHANGE_ASSETS);
  return TRUE;
}

gboolean
mamori_store_restore_assets (MamoriStore  *self,
                             GArray       *ids,
                             GError      **error)
{
  DeleteRequest request = { ids, FALSE };

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (!mamori_store_write (self, write_deleted, &request, error))
    return FALSE;

  mamori_store_emit_changed (self, MAMORI_CHANGE_ASSETS);
  return TRUE;
}

guint
mamori_store_count_assets (MamoriStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);

  stmt = mamori_store_prepare (self, "SELECT count(*) FROM assets WHERE deleted_at IS NULL", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

static char *
dup_enum_order_sql (GType       type,
                    const char *column)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *sql = g_string_new ("CASE ");

  g_string_append (sql, column);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (sql, " WHEN '%s' THEN %d", klass->values[i].value_nick, klass->values[i].value);
  g_string_append (sql, " END");

  return g_string_free (sql, FALSE);
}

static char *
dup_order_sql (MamoriAssetSort sort)
{
  switch (sort)
    {
    case MAMORI_ASSET_SORT_NAME:        return g_strdup ("name");
    case MAMORI_ASSET_SORT_CATEGORY:    return dup_enum_order_sql (MAMORI_TYPE_ASSET_CATEGORY, "category");
    case MAMORI_ASSET_SORT_FORM:        return dup_enum_order_sql (MAMORI_TYPE_ASSET_FORM, "form");
    case MAMORI_ASSET_SORT_CLASS:       return g_strdup ("coalesce(class_override, class_auto, -1)");
    case MAMORI_ASSET_SORT_UNCOVERED:   return g_strdup ("((uncovered & 1) + (uncovered >> 1 & 1) + (uncovered >> 2 & 1) + (uncovered >> 3 & 1))");
    case MAMORI_ASSET_SORT_DEPARTMENT:  return g_strdup ("department");
    case MAMORI_ASSET_SORT_RESPONSIBLE: return g_strdup ("responsible");
    case MAMORI_ASSET_SORT_STORAGE:     return g_strdup ("storage");
    case MAMORI_ASSET_SORT_UPDATED:     return g_strdup ("updated_at");
    case MAMORI_N_ASSET_SORTS:
    default:                            g_return_val_if_reached (g_strdup ("id"));
    }
}

static MamoriAssetCategory
category_from_nick (const char *nick)
{
  static const char * const nicks[] = {
    "none", "rd", "manufacturing", "customer", "market", "price", "supplier", "manual", "other",
  };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    if (strcmp (nick, nicks[i]) == 0)
      return (MamoriAssetCategory) i;

  return MAMORI_ASSET_CATEGORY_NONE;
}

static gboolean
step_rows (MamoriStore         *self,
           sqlite3_stmt        *stmt,
           MamoriAssetRowFunc   func,
           gpointer             user_data,
           GError             **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MamoriAssetRow row;

      row.id = sqlite3_column_int64 (stmt, 0);
      row.search_text = mamori_store_column_text (stmt, 1);
      row.class_level = column_level (stmt, 2, MAMORI_CLASS_NONE);
      row.category = category_from_nick (mamori_store_column_text (stmt, 3));
      row.uncovered = (guint) sqlite3_column_int (stmt, 4);
      func (&row, user_data);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

#define ROW_COLUMNS "id, search_text, coalesce(class_override, class_auto), category, uncovered"

/**
 * mamori_store_foreach_asset_row:
 * @func: (scope call): called for every asset in the register, in order
 *
 * One pass over the live assets, for the asset list.
 */
gboolean
mamori_store_foreach_asset_row (MamoriStore         *self,
                                MamoriAssetSort      sort,
                                gboolean             descending,
                                MamoriAssetRowFunc   func,
                                gpointer             user_data,
                                GError             **error)
{
  g_autofree char *order = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (sort < MAMORI_N_ASSET_SORTS, FALSE);

  order = dup_order_sql (sort);
  sql = g_strdup_printf ("SELECT " ROW_COLUMNS " FROM assets WHERE deleted_at IS NULL ORDER BY %s %s, id %s",
                         order, descending ? "DESC" : "ASC", descending ? "DESC" : "ASC");
  stmt = mamori_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  return step_rows (self, stmt, func, user_data, error);
}

/**
 * mamori_store_dup_asset_order:
 *
 * The live assets' ids in the order given, for sorting rows already read.
 *
 * Returns: (transfer full) (element-type gint64): the ids, or %NULL on error
 */
GArray *
mamori_store_dup_asset_order (MamoriStore      *self,
                              MamoriAssetSort   sort,
                              gboolean          descending,
                              GError          **error)
{
  g_autofree char *order = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);
  g_return_val_if_fail (sort < MAMORI_N_ASSET_SORTS, NULL);

  order = dup_order_sql (sort);
  sql = g_strdup_printf ("SELECT id FROM assets WHERE deleted_at IS NULL ORDER BY %s %s, id %s",
                         order, descending ? "DESC" : "ASC", descending ? "DESC" : "ASC");
  stmt = mamori_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * mamori_store_read_asset_row:
 * @func: (scope call): called once, if the asset is in the register
 */
gboolean
mamori_store_read_asset_row (MamoriStore         *self,
                             gint64               id,
                             MamoriAssetRowFunc   func,
                             gpointer             user_data,
                             GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);

  stmt = mamori_store_prepare (self, "SELECT " ROW_COLUMNS " FROM assets WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return step_rows (self, stmt, func, user_data, error);
}

/**
 * mamori_store_dup_adopted_measures:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the ids of the
 *   measures adopted for the asset, as a set; %NULL on error
 */
GHashTable *
mamori_store_dup_adopted_measures (MamoriStore  *self,
                                   gint64        asset_id,
                                   GError      **error)
{
  g_autoptr(GHashTable) adopted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, "SELECT measure_id FROM asset_measures WHERE asset_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, asset_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (adopted, g_strdup (mamori_store_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return NULL;
    }

  return g_steal_pointer (&adopted);
}

typedef struct
{
  gint64      asset_id;
  const char *measure_id;
  gboolean    adopted;
} AdoptRequest;

static gboolean
write_adoption (MamoriStore  *self,
                gpointer      user_data,
                GError      **error)
{
  AdoptRequest *request = user_data;
  sqlite3_stmt *stmt;

  if (request->adopted)
    stmt = mamori_store_prepare (self,
                                 "INSERT INTO asset_measures (asset_id, measure_id, adopted_at)"
                                 "  VALUES (?1, ?2, " MAMORI_STORE_NOW_SQL ") ON CONFLICT DO NOTHING",
                                 error);
  else
    stmt = mamori_store_prepare (self, "DELETE FROM asset_measures WHERE asset_id = ?1 AND measure_id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, request->asset_id);
  sqlite3_bind_text (stmt, 2, request->measure_id, -1, SQLITE_STATIC);

  return mamori_store_step_done (self, stmt, error) && update_uncovered (self, request->asset_id, error);
}

/**
 * mamori_store_set_measure_adopted:
 *
 * Records whether a measure is adopted for @asset, and updates the routes
 * @asset leaves uncovered.
 */
gboolean
mamori_store_set_measure_adopted (MamoriStore  *self,
                                  MamoriAsset  *asset,
                                  const char   *measure_id,
                                  gboolean      adopted,
                                  GError      **error)
{
  AdoptRequest request;

  g_return_val_if_fail (MAMORI_IS_STORE (self), FALSE);
  g_return_val_if_fail (MAMORI_IS_ASSET (asset), FALSE);
  g_return_val_if_fail (measure_id != NULL, FALSE);

  request.asset_id = mamori_asset_get_id (asset);
  request.measure_id = measure_id;
  request.adopted = adopted;

  if (!mamori_store_write (self, write_adoption, &request, error))
    return FALSE;

  refresh_derived (self, asset, NULL);
  g_signal_emit_by_name (self, "asset-changed", request.asset_id);
  return TRUE;
}

static gboolean
write_ledger_entry (MamoriStore  *self,
                    gpointer      user_data,
                    GError      **error)
{
  MamoriLedgerEntry *entry = user_data;
  sqlite3_stmt *stmt;

  stmt = mamori_store_prepare (self,
                               "INSERT INTO asset_ledger (asset_id, occurred_on, kind, person, purpose,"
                               "    corrects, recorded_at)"
                               "  VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, 0), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entry->asset_id);
  sqlite3_bind_text (stmt, 2, entry->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, mamori_ledger_kind_to_string (entry->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entry->person, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry->purpose, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, entry->corrects);
  if (!mamori_store_step_done (self, stmt, error))
    return FALSE;

  entry->id = sqlite3_last_insert_rowid (mamori_store_get_db (self));
  return TRUE;
}

/**
 * mamori_store_add_ledger_entry:
 *
 * Appends @entry (which gets its id) to its asset's handling ledger.
 *
 * Returns: the new entry's id, or 0 on error
 */
gint64
mamori_store_add_ledger_entry (MamoriStore        *self,
                               MamoriLedgerEntry  *entry,
                               GError            **error)
{
  g_return_val_if_fail (MAMORI_IS_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (!mamori_ledger_date_is_valid (entry->date))
    {
      g_set_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Write it as year-month-day, for example 2026-04-01."), entry->date);
      return 0;
    }
  if (mamori_text_is_blank (entry->person))
    {
      g_set_error_literal (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID,
                           _("Say who took it out, copied, disposed of or returned it."));
      return 0;
    }

  if (!mamori_store_write (self, write_ledger_entry, entry, error))
    return 0;

  g_signal_emit_by_name (self, "asset-changed", entry->asset_id);
  return entry->id;
}

/**
 * mamori_store_dup_ledger:
 *
 * Returns: (transfer full) (element-type MamoriLedgerEntry): the asset's
 *   handling ledger, oldest first, corrections included; %NULL on error
 */
GPtrArray *
mamori_store_dup_ledger (MamoriStore  *self,
                         gint64        asset_id,
                         GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_ledger_entry_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self,
                               "SELECT id, occurred_on, kind, person, purpose, coalesce(corrects, 0), recorded_at"
                               "  FROM asset_ledger WHERE asset_id = ?1 ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, asset_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MamoriLedgerEntry *entry = mamori_ledger_entry_new ();
      MamoriLedgerEntry *corrected;

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->asset_id = asset_id;
      g_free (entry->date);
      entry->date = g_strdup (mamori_store_column_text (stmt, 1));
      if (!mamori_ledger_kind_from_string (mamori_store_column_text (stmt, 2), &entry->kind))
        entry->kind = MAMORI_LEDGER_TAKE_OUT;
      g_free (entry->person);
      entry->person = g_strdup (mamori_store_column_text (stmt, 3));
      g_free (entry->purpose);
      entry->purpose = g_strdup (mamori_store_column_text (stmt, 4));
      entry->corrects = sqlite3_column_int64 (stmt, 5);
      g_free (entry->recorded_at);
      entry->recorded_at = g_strdup (mamori_store_column_text (stmt, 6));

      g_ptr_array_add (entries, entry);
      g_hash_table_insert (by_id, &entry->id, entry);

      /* Oldest first, so the last correction seen is the newest. */
      corrected = g_hash_table_lookup (by_id, &entry->corrects);
      if (corrected != NULL)
        corrected->corrected_by = entry->id;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* For work done on another connection (an import in a worker thread). */
void
mamori_store_notify_assets_changed (MamoriStore *self)
{
  g_return_if_fail (MAMORI_IS_STORE (self));

  mamori_store_emit_changed (self, MAMORI_CHANGE_ASSETS);
}

/**
 * mamori_store_get_highest_class:
 * @ids: (nullable): assets (gint64), or %NULL for the whole register
 *
 * Returns: the highest class among @ids still in the register (or all of
 *   it), %MAMORI_CLASS_NONE if none is classified
 */
int
mamori_store_get_highest_class (MamoriStore  *self,
                                GArray       *ids,
                                GError      **error)
{
  sqlite3_stmt *stmt;
  int highest = MAMORI_CLASS_NONE;
  guint n = ids != NULL ? ids->len : 1;

  g_return_val_if_fail (MAMORI_IS_STORE (self), MAMORI_CLASS_NONE);

  stmt = mamori_store_prepare (self,
                               "SELECT max(coalesce(class_override, class_auto)) FROM assets"
                               "  WHERE deleted_at IS NULL AND (?1 IS NULL OR id = ?1)",
                               error);
  if (stmt == NULL)
    return MAMORI_CLASS_NONE;
  for (guint i = 0; i < n; i++)
    {
      int rc;

      if (ids != NULL)
        sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      else
        sqlite3_bind_null (stmt, 1);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        highest = MAX (highest, sqlite3_column_int (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
          return MAMORI_CLASS_NONE;
        }
    }
  return highest;
}

/**
 * mamori_store_dup_asset_keys:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the set of the assets'
 *   mamori_asset_key_new() (name and department), or %NULL on error
 */
GHashTable *
mamori_store_dup_asset_keys (MamoriStore  *self,
                             GError      **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MAMORI_IS_STORE (self), NULL);

  stmt = mamori_store_prepare (self, "SELECT name, department FROM assets WHERE deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (keys, mamori_asset_key_new ((const char *) sqlite3_column_text (stmt, 0),
                                                  (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      mamori_store_set_error_from_db (error, mamori_store_get_db (self), rc, mamori_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&keys);
}
