/* mamori-store-migrations.c — the workspace schema, one step per version
 *
 * Step N brings a workspace from PRAGMA user_version N-1 to N. Steps are
 * only ever appended: a step that has shipped is never edited, because
 * workspaces out there were made by it. All pending steps run in one
 * transaction, after an automatic backup (see mamori-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-store-private.h"

const char * const mamori_store_migrations[] = {
  /* 1: workspace-wide settings (key/value), with when the workspace began. */
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO settings (key, value)"
  "  VALUES ('workspace.created', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));",

  /* 2: the organization profile, a single row. */
  "CREATE TABLE organization ("
  "  id                INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name_ja           TEXT NOT NULL DEFAULT '',"
  "  name_en           TEXT NOT NULL DEFAULT '',"
  "  industry          TEXT NOT NULL DEFAULT '',"
  "  employees         INTEGER NOT NULL DEFAULT 0 CHECK (employees >= 0),"
  "  exports_abroad    INTEGER NOT NULL DEFAULT 0 CHECK (exports_abroad IN (0, 1)),"
  "  foreign_investors INTEGER NOT NULL DEFAULT 0 CHECK (foreign_investors IN (0, 1)),"
  "  designated_sector INTEGER NOT NULL DEFAULT 0 CHECK (designated_sector IN (0, 1)),"
  "  security_officer  TEXT NOT NULL DEFAULT '',"
  "  consultant        TEXT NOT NULL DEFAULT '',"
  "  updated_at        TEXT"
  ");"
  "INSERT INTO organization (id) VALUES (1);",
};

const guint mamori_store_n_migrations = G_N_ELEMENTS (mamori_store_migrations);
