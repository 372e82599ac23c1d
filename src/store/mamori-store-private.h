/* mamori-store-private.h — what the other store/ files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "mamori-store.h"

G_BEGIN_DECLS

/* "MMRI": written to PRAGMA application_id so a Mamori workspace can be told
 * apart from any other SQLite file. */
#define MAMORI_STORE_APPLICATION_ID 0x4D4D5249

/* The time now in UTC, as every record stores it. */
#define MAMORI_STORE_NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

typedef gboolean (*MamoriStoreWriteFunc) (MamoriStore  *store,
                                          gpointer      user_data,
                                          GError      **error);

extern const char * const mamori_store_migrations[];
extern const guint        mamori_store_n_migrations;

sqlite3      *mamori_store_get_db            (MamoriStore           *self);
sqlite3_stmt *mamori_store_prepare           (MamoriStore           *self,
                                              const char            *sql,
                                              GError               **error);
gboolean      mamori_store_step_done         (MamoriStore           *self,
                                              sqlite3_stmt          *stmt,
                                              GError               **error);
gboolean      mamori_store_write             (MamoriStore           *self,
                                              MamoriStoreWriteFunc   func,
                                              gpointer               user_data,
                                              GError               **error);
/* Runs a prepared statement to its end, passing each row to @row_func. */
typedef void (*MamoriStoreRowFunc) (sqlite3_stmt *stmt,
                                    gpointer      user_data);
gboolean      mamori_store_read_rows         (MamoriStore           *self,
                                              sqlite3_stmt          *stmt,
                                              MamoriStoreRowFunc     row_func,
                                              gpointer               user_data,
                                              GError               **error);
void          mamori_store_emit_changed      (MamoriStore           *self,
                                              MamoriChange           what);
void          mamori_store_set_error_from_db (GError               **error,
                                              sqlite3               *db,
                                              int                    rc,
                                              const char            *path);

const char   *mamori_store_column_text       (sqlite3_stmt          *stmt,
                                              int                    column);
const char   *mamori_store_enum_to_nick      (GType                  type,
                                              int                    value);
int           mamori_store_enum_from_nick    (GType                  type,
                                              const char            *nick,
                                              int                    fallback);

/* In mamori-store-assets.c: per-connection set-up, after migrations. */
gboolean      mamori_store_assets_prepare    (MamoriStore           *self,
                                              GError               **error);

/* In mamori-backups.c: a copy of @db taken before its schema is upgraded. */
gboolean      mamori_backups_take_before_upgrade (sqlite3           *db,
                                                  const char        *workspace_path,
                                                  int                from_version,
                                                  GDateTime         *now,
                                                  GError           **error);

G_END_DECLS
