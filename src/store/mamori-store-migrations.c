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

  /* 3: the information-asset register (guide section A). Assets are never
   * deleted, only marked deleted_at, so that Undo works and their handling
   * ledger, which may become evidence, stays whole. class_auto, uncovered
   * and search_text are worked out by the store on every write. */
  "CREATE TABLE assets ("
  "  id                 INTEGER PRIMARY KEY,"
  "  name               TEXT NOT NULL DEFAULT '',"
  "  category           TEXT NOT NULL DEFAULT 'none',"
  "  form               TEXT NOT NULL DEFAULT 'none',"
  "  storage            TEXT NOT NULL DEFAULT '',"
  "  department         TEXT NOT NULL DEFAULT '',"
  "  responsible        TEXT NOT NULL DEFAULT '',"
  "  access             TEXT NOT NULL DEFAULT '',"
  "  entrusted          INTEGER NOT NULL DEFAULT 0 CHECK (entrusted IN (0, 1)),"
  "  notes              TEXT NOT NULL DEFAULT '',"
  "  rating_value       INTEGER CHECK (rating_value BETWEEN 0 AND 3),"
  "  rating_competition INTEGER CHECK (rating_competition BETWEEN 0 AND 3),"
  "  rating_trust       INTEGER CHECK (rating_trust BETWEEN 0 AND 3),"
  "  class_auto         INTEGER CHECK (class_auto BETWEEN 0 AND 3),"
  "  class_override     INTEGER CHECK (class_override BETWEEN 0 AND 3),"
  "  override_reason    TEXT NOT NULL DEFAULT '',"
  "  strategy           TEXT NOT NULL DEFAULT 'undecided',"
  "  marked             INTEGER NOT NULL DEFAULT 0 CHECK (marked IN (0, 1)),"
  "  access_restricted  INTEGER NOT NULL DEFAULT 0 CHECK (access_restricted IN (0, 1)),"
  "  pledges_signed     INTEGER NOT NULL DEFAULT 0 CHECK (pledges_signed IN (0, 1)),"
  "  useful             INTEGER NOT NULL DEFAULT 0 CHECK (useful IN (0, 1)),"
  "  not_public         INTEGER NOT NULL DEFAULT 0 CHECK (not_public IN (0, 1)),"
  "  uncovered          INTEGER NOT NULL DEFAULT 0,"
  "  search_text        TEXT NOT NULL DEFAULT '',"
  "  created_at         TEXT NOT NULL,"
  "  updated_at         TEXT NOT NULL,"
  "  deleted_at         TEXT"
  ");"
  "CREATE INDEX assets_by_name ON assets (deleted_at, name);"
  "CREATE INDEX assets_by_updated ON assets (deleted_at, updated_at);"
  "CREATE TABLE asset_measures ("
  "  asset_id   INTEGER NOT NULL REFERENCES assets (id),"
  "  measure_id TEXT NOT NULL,"
  "  adopted_at TEXT NOT NULL,"
  "  PRIMARY KEY (asset_id, measure_id)"
  ") WITHOUT ROWID;"
  /* The handling ledger (TICS item 9): append-only, enforced here too. */
  "CREATE TABLE asset_ledger ("
  "  id          INTEGER PRIMARY KEY,"
  "  asset_id    INTEGER NOT NULL REFERENCES assets (id),"
  "  occurred_on TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
  "  kind        TEXT NOT NULL CHECK (kind IN ('take-out', 'copy', 'disposal', 'return')),"
  "  person      TEXT NOT NULL CHECK (length(trim(person)) > 0),"
  "  purpose     TEXT NOT NULL DEFAULT '',"
  "  corrects    INTEGER REFERENCES asset_ledger (id),"
  "  recorded_at TEXT NOT NULL"
  ");"
  "CREATE INDEX asset_ledger_by_asset ON asset_ledger (asset_id, id);"
  "CREATE TRIGGER asset_ledger_append_only_update BEFORE UPDATE ON asset_ledger"
  "  BEGIN SELECT RAISE (ABORT, 'handling ledger entries are never changed; add a correction'); END;"
  "CREATE TRIGGER asset_ledger_append_only_delete BEFORE DELETE ON asset_ledger"
  "  BEGIN SELECT RAISE (ABORT, 'handling ledger entries are never deleted'); END;"
  "CREATE TRIGGER asset_ledger_correction_same_asset BEFORE INSERT ON asset_ledger"
  "  WHEN NEW.corrects IS NOT NULL"
  "   AND (SELECT asset_id FROM asset_ledger WHERE id = NEW.corrects) IS NOT NEW.asset_id"
  "  BEGIN SELECT RAISE (ABORT, 'a correction must refer to an entry of the same asset'); END;",

  /* 4: lookups (guide section B). Screening records are the audit trail
   * that due diligence was done: never changed or deleted; a note is added
   * instead. The End User List is the one the user imported last. */
  "CREATE TABLE screenings ("
  "  id              INTEGER PRIMARY KEY,"
  "  kind            TEXT NOT NULL CHECK (kind IN ('search', 'entry', 'export-destination',"
  "                                                'technology-transfer', 'inward-investment', 'end-user')),"
  "  subject         TEXT NOT NULL CHECK (length(trim(subject)) > 0),"
  "  inputs          TEXT NOT NULL DEFAULT '',"
  "  result          TEXT NOT NULL CHECK (length(trim(result)) > 0),"
  "  outcome         TEXT NOT NULL DEFAULT '',"
  "  checked_by      TEXT NOT NULL DEFAULT '',"
  "  catalog_version TEXT NOT NULL,"
  "  end_user_list   TEXT NOT NULL DEFAULT '',"
  "  created_at      TEXT NOT NULL"
  ");"
  "CREATE TRIGGER screenings_append_only_update BEFORE UPDATE ON screenings"
  "  BEGIN SELECT RAISE (ABORT, 'screening records are never changed; add a note'); END;"
  "CREATE TRIGGER screenings_append_only_delete BEFORE DELETE ON screenings"
  "  BEGIN SELECT RAISE (ABORT, 'screening records are never deleted'); END;"
  "CREATE TABLE screening_notes ("
  "  id           INTEGER PRIMARY KEY,"
  "  screening_id INTEGER NOT NULL REFERENCES screenings (id),"
  "  text         TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  author       TEXT NOT NULL DEFAULT '',"
  "  created_at   TEXT NOT NULL"
  ");"
  "CREATE INDEX screening_notes_by_screening ON screening_notes (screening_id, id);"
  "CREATE TRIGGER screening_notes_append_only_update BEFORE UPDATE ON screening_notes"
  "  BEGIN SELECT RAISE (ABORT, 'notes are never changed'); END;"
  "CREATE TRIGGER screening_notes_append_only_delete BEFORE DELETE ON screening_notes"
  "  BEGIN SELECT RAISE (ABORT, 'notes are never deleted'); END;"
  "CREATE TABLE end_users ("
  "  id      INTEGER PRIMARY KEY,"
  "  number  INTEGER NOT NULL DEFAULT 0,"
  "  country TEXT NOT NULL DEFAULT '',"
  "  name    TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  aliases TEXT NOT NULL DEFAULT '',"
  "  concern TEXT NOT NULL DEFAULT ''"
  ");",

  /* 5: the contract register and its clause review (guide section B).
   * Contracts are only marked deleted_at, so that Undo brings back their
   * review as it was. The text analysed is kept for the reviewer to come
   * back to; only the reviewer's decisions are in contract_clauses. */
  "CREATE TABLE contracts ("
  "  id           INTEGER PRIMARY KEY,"
  "  title        TEXT NOT NULL DEFAULT '',"
  "  counterparty TEXT NOT NULL DEFAULT '',"
  "  country      TEXT NOT NULL DEFAULT '',"
  "  type         TEXT NOT NULL DEFAULT 'joint-development',"
  "  position     TEXT NOT NULL DEFAULT 'mutual',"
  "  stage        TEXT NOT NULL DEFAULT 'draft',"
  "  signed_on    TEXT NOT NULL DEFAULT '',"
  "  expires_on   TEXT NOT NULL DEFAULT '',"
  "  notes        TEXT NOT NULL DEFAULT '',"
  "  text         TEXT NOT NULL DEFAULT '',"
  "  created_at   TEXT NOT NULL,"
  "  updated_at   TEXT NOT NULL,"
  "  deleted_at   TEXT"
  ");"
  "CREATE TABLE contract_assets ("
  "  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  asset_id    INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (contract_id, asset_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX contract_assets_by_asset ON contract_assets (asset_id);"
  "CREATE TABLE contract_clauses ("
  "  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  topic       TEXT NOT NULL,"
  "  status      TEXT NOT NULL CHECK (status IN ('ok', 'change', 'missing', 'not-applicable')),"
  "  note        TEXT NOT NULL DEFAULT '',"
  "  article     TEXT NOT NULL DEFAULT '',"
  "  passage     TEXT NOT NULL DEFAULT '',"
  "  updated_at  TEXT NOT NULL,"
  "  PRIMARY KEY (contract_id, topic)"
  ") WITHOUT ROWID;",

  /* 6: a topic not reviewed yet may still carry the reviewer's note. */
  "CREATE TABLE contract_clauses_6 ("
  "  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,"
  "  topic       TEXT NOT NULL,"
  "  status      TEXT NOT NULL CHECK (status IN ('unreviewed', 'ok', 'change', 'missing', 'not-applicable')),"
  "  note        TEXT NOT NULL DEFAULT '',"
  "  article     TEXT NOT NULL DEFAULT '',"
  "  passage     TEXT NOT NULL DEFAULT '',"
  "  updated_at  TEXT NOT NULL,"
  "  PRIMARY KEY (contract_id, topic)"
  ") WITHOUT ROWID;"
  "INSERT INTO contract_clauses_6 SELECT contract_id, topic, status, note, article, passage, updated_at"
  "  FROM contract_clauses;"
  "DROP TABLE contract_clauses;"
  "ALTER TABLE contract_clauses_6 RENAME TO contract_clauses;",
};

const guint mamori_store_n_migrations = G_N_ELEMENTS (mamori_store_migrations);
