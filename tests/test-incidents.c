/* test-incidents.c — checklist progress, evidence, incidents and approaches, saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "store/mamori-store.h"
#include "test-utils.h"

/* Status, owner, due date and note come back after a restart. */
static void
test_item_states (void)
{
  g_autofree char *path = mamori_test_workspace_path ("checklists.mamori");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
    g_autoptr(MamoriItemState) state = mamori_item_state_new ("tics-01");

    g_assert_no_error (error);
    state->status = MAMORI_ITEM_IN_PROGRESS;
    g_free (state->owner);
    state->owner = g_strdup ("情報システム担当 鈴木");
    g_free (state->due_on);
    state->due_on = g_strdup ("2026-12-15");
    g_free (state->note);
    state->note = g_strdup ("UTM の設定を見直す");
    g_assert_true (mamori_store_save_item_state (store, state, &error));
    g_assert_no_error (error);

    /* Saved again: one row, the latest state. */
    state->status = MAMORI_ITEM_DONE;
    g_assert_true (mamori_store_save_item_state (store, state, &error));
  }
  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
    g_autoptr(GHashTable) states = mamori_store_dup_item_states (store, &error);
    MamoriItemState *state;

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (states), ==, 1);
    state = g_hash_table_lookup (states, "tics-01");
    g_assert_nonnull (state);
    g_assert_cmpint (state->status, ==, MAMORI_ITEM_DONE);
    g_assert_cmpstr (state->owner, ==, "情報システム担当 鈴木");
    g_assert_cmpstr (state->due_on, ==, "2026-12-15");
    g_assert_cmpstr (state->note, ==, "UTM の設定を見直す");
    g_assert_cmpuint (strlen (state->updated), ==, 20);
  }
  /* The schema refuses what is not a date. */
  g_assert_cmpint (mamori_test_query_int (path, "SELECT count(*) FROM checklist_items WHERE due_on = '2026-12-15'"), ==, 1);
}

/* Overdue where the user is: due on the 25th, overdue from midnight
 * between the 25th and the 26th local time, not UTC's. */
static void
test_overdue (void)
{
  g_autoptr(MamoriItemState) state = mamori_item_state_new ("basic-01");
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) late_25th = g_date_time_new (tokyo, 2026, 11, 25, 23, 59, 0);
  g_autoptr(GDateTime) early_26th = g_date_time_new (tokyo, 2026, 11, 26, 0, 10, 0);
  /* The same moment as early_26th, read in UTC: still the 25th there. */
  g_autoptr(GDateTime) same_in_utc = g_date_time_to_timezone (early_26th, utc);
  MamoriChecklistProgress progress = { 0 };

  g_free (state->due_on);
  state->due_on = g_strdup ("2026-11-25");
  state->status = MAMORI_ITEM_IN_PROGRESS;
  g_assert_false (mamori_item_state_is_overdue (state, late_25th));
  g_assert_true (mamori_item_state_is_overdue (state, early_26th));
  g_assert_false (mamori_item_state_is_overdue (state, same_in_utc));

  /* Done or not applicable: never overdue. No due date: never overdue. */
  state->status = MAMORI_ITEM_DONE;
  g_assert_false (mamori_item_state_is_overdue (state, early_26th));
  state->status = MAMORI_ITEM_NOT_APPLICABLE;
  g_assert_false (mamori_item_state_is_overdue (state, early_26th));
  state->status = MAMORI_ITEM_NOT_STARTED;
  g_free (state->due_on);
  state->due_on = g_strdup ("");
  g_assert_false (mamori_item_state_is_overdue (state, early_26th));

  /* Progress: done of applicable; an untouched item counts as applicable. */
  {
    g_autoptr(MamoriItemState) done = mamori_item_state_new ("a");
    g_autoptr(MamoriItemState) na = mamori_item_state_new ("b");
    g_autoptr(MamoriItemState) late = mamori_item_state_new ("c");

    done->status = MAMORI_ITEM_DONE;
    na->status = MAMORI_ITEM_NOT_APPLICABLE;
    g_free (late->due_on);
    late->due_on = g_strdup ("2026-01-31");
    mamori_checklist_progress_add (&progress, done, early_26th);
    mamori_checklist_progress_add (&progress, na, early_26th);
    mamori_checklist_progress_add (&progress, late, early_26th);
    mamori_checklist_progress_add (&progress, NULL, early_26th);
  }
  g_assert_cmpuint (progress.done, ==, 1);
  g_assert_cmpuint (progress.applicable, ==, 3);
  g_assert_cmpuint (progress.overdue, ==, 1);
}

/* Evidence keeps the hash the file had; re-checking says whether it is
 * still the same, changed, or gone. */
static void
test_evidence (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_new_memory (&error);
  g_autofree char *file = mamori_test_workspace_path ("backup-log.txt");
  g_autoptr(GPtrArray) all = NULL;
  MamoriEvidence *evidence;
  gint64 id;

  g_assert_true (g_file_set_contents (file, "2026-11-20 full backup OK\n", -1, &error));
  id = mamori_store_attach_evidence (store, MAMORI_EVIDENCE_FOR_ITEM, "basic-05", file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  all = mamori_store_dup_evidence (store, MAMORI_EVIDENCE_FOR_ITEM, "basic-05", &error);
  g_assert_cmpuint (all->len, ==, 1);
  evidence = g_ptr_array_index (all, 0);
  g_assert_cmpstr (evidence->path, ==, file);
  g_assert_cmpint (evidence->size, ==, 26);
  {
    g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "2026-11-20 full backup OK\n", -1);

    g_assert_cmpstr (evidence->sha256, ==, expected);
  }
  g_assert_cmpint (mamori_evidence_check (evidence, &error), ==, MAMORI_EVIDENCE_INTACT);

  /* Changed: even the same size. */
  g_assert_true (g_file_set_contents (file, "2026-11-20 full backup NG\n", -1, &error));
  g_assert_cmpint (mamori_evidence_check (evidence, &error), ==, MAMORI_EVIDENCE_CHANGED);
  g_assert_true (g_file_set_contents (file, "2026-11-20 full backup OK\n", -1, &error));
  g_assert_cmpint (mamori_evidence_check (evidence, &error), ==, MAMORI_EVIDENCE_INTACT);

  /* Gone. */
  g_assert_cmpint (g_unlink (file), ==, 0);
  g_assert_cmpint (mamori_evidence_check (evidence, &error), ==, MAMORI_EVIDENCE_MISSING);
  g_assert_no_error (error);

  /* A file that is not there cannot be attached; the message names it. */
  g_assert_cmpint (mamori_store_attach_evidence (store, MAMORI_EVIDENCE_FOR_ITEM, "basic-05", file, &error), ==, 0);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "backup-log.txt"));
  g_clear_error (&error);

  /* Detached: off the list, the record kept. */
  g_assert_true (mamori_store_detach_evidence (store, id, &error));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = mamori_store_dup_evidence (store, MAMORI_EVIDENCE_FOR_ITEM, "basic-05", &error);
  g_assert_cmpuint (all->len, ==, 0);
}

/* The hash is SHA-256 of the bytes, as sha256sum gives it. */
static void
test_evidence_hash (void)
{
  g_autofree char *file = mamori_test_workspace_path ("abc.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  gint64 size = -1;

  g_assert_true (g_file_set_contents (file, "abc", 3, &error));
  sha = mamori_evidence_hash_file (file, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpint (size, ==, 3);

  /* A pipe (which would wait for ever), a device (which never ends) and a
   * folder are refused before they are read. */
  {
    g_autofree char *fifo = mamori_test_workspace_path ("pipe");
    g_autofree char *folder = g_path_get_dirname (fifo);
    const char *not_files[] = { fifo, "/dev/zero", folder };

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (not_files); i++)
      {
        g_autofree char *none = mamori_evidence_hash_file (not_files[i], &size, &error);

        g_assert_null (none);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
        g_clear_error (&error);
      }
  }
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

/* The timeline is append-only, in the database itself: another program
 * cannot change or delete an entry either. A correction is a new entry
 * and both stay. */
static void
test_timeline_append_only (void)
{
  g_autofree char *path = mamori_test_workspace_path ("incident.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriIncident) incident = mamori_incident_new ();
  g_autoptr(MamoriIncident) other = mamori_incident_new ();
  g_autoptr(MamoriIncidentEntry) first = mamori_incident_entry_new ();
  g_autoptr(MamoriIncidentEntry) fix = mamori_incident_entry_new ();
  g_autoptr(MamoriIncidentEntry) stray = mamori_incident_entry_new ();
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3 *db;

  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_free (incident->title);
    incident->title = g_strdup ("退職予定者による設計データ持ち出しの疑い");
    incident->kind = MAMORI_INCIDENT_INSIDER;
    g_assert_cmpint (mamori_store_add_incident (store, incident, &error), >, 0);
    g_assert_cmpint (mamori_store_add_incident (store, other, &error), >, 0);

    first->incident_id = incident->id;
    g_free (first->happened_at);
    first->happened_at = g_strdup ("2026-11-20T09:30:00+09:00");
    g_free (first->author);
    first->author = g_strdup ("総務部 高橋");
    g_free (first->text);
    first->text = g_strdup ("USBメモリへの大量コピーのログを確認した");
    g_assert_cmpint (mamori_store_add_incident_entry (store, first, &error), >, 0);

    fix->incident_id = incident->id;
    fix->corrects = first->id;
    g_free (fix->text);
    fix->text = g_strdup ("訂正：確認したのは 11月19日 のログ");
    g_assert_cmpint (mamori_store_add_incident_entry (store, fix, &error), >, 0);
    g_assert_no_error (error);

    /* A correction of another incident's entry is refused. */
    stray->incident_id = other->id;
    stray->corrects = first->id;
    g_free (stray->text);
    stray->text = g_strdup ("誤った訂正");
    g_assert_cmpint (mamori_store_add_incident_entry (store, stray, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);

    /* An entry needs text. */
    g_free (stray->text);
    stray->text = g_strdup (" 　");
    stray->corrects = 0;
    g_assert_cmpint (mamori_store_add_incident_entry (store, stray, &error), ==, 0);
    g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
    g_clear_error (&error);

    /* Evidence for the incident, to tamper with below. */
    {
      g_autofree char *file = mamori_test_workspace_path ("access-log.txt");
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, incident->id);

      g_assert_true (g_file_set_contents (file, "10:02 user7 copy *.dwg\n", -1, &error));
      g_assert_cmpint (mamori_store_attach_evidence (store, MAMORI_EVIDENCE_FOR_INCIDENT, key, file, &error), >, 0);
    }

    entries = mamori_store_dup_incident_entries (store, incident->id, &error);
    g_assert_cmpuint (entries->len, ==, 2);
    g_assert_cmpint (((MamoriIncidentEntry *) g_ptr_array_index (entries, 1))->corrects, ==, first->id);
    g_assert_cmpstr (((MamoriIncidentEntry *) g_ptr_array_index (entries, 0))->happened_at, ==, "2026-11-20T09:30:00+09:00");
  }

  /* Behind Mamori's back, straight into the file. */
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE incident_entries SET text = '改ざん' WHERE id = 1", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM incident_entries WHERE id = 1", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM incident_entries", NULL, NULL, NULL), !=, SQLITE_OK);
  /* An evidence file's fingerprint cannot be made to fit a changed file,
   * nor the record removed. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE evidence SET sha256 = substr (sha256, 2) || '0'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM evidence", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE evidence SET removed_at = 'x'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE evidence SET removed_at = NULL", NULL, NULL, NULL), !=, SQLITE_OK);
  /* REPLACE deletes without DELETE triggers: refused all the same. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT OR REPLACE INTO incident_entries (id, incident_id, happened_at, text, recorded_at)"
                                     "  VALUES (1, 2, 'x', '改ざん', 'x')", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (mamori_test_query_int (path, "SELECT count(*) FROM incident_entries WHERE text LIKE 'USB%'"), ==, 1);

  /* An incident with a timeline is a record: it cannot be deleted; one
   * opened by mistake, with nothing in it, can. */
  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

    g_assert_false (mamori_store_delete_incident (store, incident->id, &error));
    g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (mamori_store_delete_incident (store, other->id, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (mamori_test_query_int (path, "SELECT count(*) FROM incidents"), ==, 1);
}

static void
test_incidents_saved (void)
{
  g_autofree char *path = mamori_test_workspace_path ("incidents.mamori");
  g_autoptr(GError) error = NULL;
  gint64 asset_id;

  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
    g_autoptr(MamoriAsset) asset = mamori_asset_new ();
    g_autoptr(MamoriIncident) incident = mamori_incident_new ();

    mamori_asset_set_name (asset, "金型設計図面");
    asset_id = mamori_store_add_asset (store, asset, &error);
    g_free (incident->title);
    incident->title = g_strdup ("ランサムウェア感染");
    incident->kind = MAMORI_INCIDENT_INTRUSION;
    g_array_append_val (incident->asset_ids, asset_id);
    g_assert_cmpint (mamori_store_add_incident (store, incident, &error), >, 0);
    incident->status = MAMORI_INCIDENT_CONTAINED;
    g_assert_true (mamori_store_save_incident (store, incident, &error));
    g_assert_true (mamori_store_set_incident_check (store, incident->id, "playbook-evidence-logs", TRUE, &error));
    g_assert_true (mamori_store_set_incident_check (store, incident->id, "playbook-evidence-devices", TRUE, &error));
    g_assert_true (mamori_store_set_incident_check (store, incident->id, "playbook-evidence-devices", FALSE, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
    g_autoptr(GPtrArray) all = mamori_store_dup_incidents (store, &error);
    g_autoptr(GHashTable) checks = NULL;
    MamoriIncident *incident;

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 1);
    incident = g_ptr_array_index (all, 0);
    g_assert_cmpstr (incident->title, ==, "ランサムウェア感染");
    g_assert_cmpint (incident->kind, ==, MAMORI_INCIDENT_INTRUSION);
    g_assert_cmpint (incident->status, ==, MAMORI_INCIDENT_CONTAINED);
    g_assert_cmpuint (incident->asset_ids->len, ==, 1);
    g_assert_cmpint (g_array_index (incident->asset_ids, gint64, 0), ==, asset_id);
    checks = mamori_store_dup_incident_checks (store, incident->id, &error);
    g_assert_true (g_hash_table_contains (checks, "playbook-evidence-logs"));
    g_assert_false (g_hash_table_contains (checks, "playbook-evidence-devices"));
  }
}

/* Reports of approaches are a dated log; one can become an incident, once,
 * with the report as its first timeline entry. */
static void
test_approaches (void)
{
  g_autofree char *path = mamori_test_workspace_path ("approaches.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_autoptr(MamoriApproach) approach = mamori_approach_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 incident_id;
  sqlite3 *db;

  g_assert_no_error (error);
  g_free (approach->occurred_on);
  approach->occurred_on = g_strdup ("2026-11-10");
  g_free (approach->who);
  approach->who = g_strdup ("展示会で名刺交換した自称コンサルタント");
  g_free (approach->channel);
  approach->channel = g_strdup ("SNS");
  g_free (approach->description);
  approach->description = g_strdup ("謝礼を示して製造条件を尋ねてきた");
  g_free (approach->reporter);
  approach->reporter = g_strdup ("製造部 田中");
  g_assert_cmpint (mamori_store_add_approach (store, approach, &error), >, 0);

  incident_id = mamori_store_approach_to_incident (store, approach->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (incident_id, >, 0);
  all = mamori_store_dup_approaches (store, &error);
  g_assert_cmpint (((MamoriApproach *) g_ptr_array_index (all, 0))->incident_id, ==, incident_id);
  entries = mamori_store_dup_incident_entries (store, incident_id, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_nonnull (strstr (((MamoriIncidentEntry *) g_ptr_array_index (entries, 0))->text, "謝礼を示して"));
  g_assert_cmpstr (((MamoriIncidentEntry *) g_ptr_array_index (entries, 0))->author, ==, "製造部 田中");

  /* Once only. */
  g_assert_cmpint (mamori_store_approach_to_incident (store, approach->id, &error), ==, 0);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The report itself cannot be rewritten or removed. */
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE approaches SET description = 'なし'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE approaches SET incident_id = NULL", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM approaches", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "REPLACE INTO approaches (id, occurred_on, description, recorded_at)"
                                     "  VALUES (1, '2026-11-10', 'なし', 'x')", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE approaches SET id = 5", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (mamori_test_query_int (path, "SELECT count(*) FROM approaches WHERE id = 1 AND incident_id IS NOT NULL"), ==, 1);
}

/* The rules the incidents view applies, below the page layer. */
static void
test_incident_rules (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 4, 1, 9, 30, 0);
  g_autoptr(GDateTime) parsed = NULL;
  static const char * const refused[] = {
    "", "2025-04-01", "09:30", "2025-04-01 25:00", "2025-04-01 09:60", "2025-13-01 09:30",
    "2025-04-01 9:30x", "昨日 09:30",
  };

  /* Dates as people write them, then the time; local time. */
  parsed = mamori_incident_parse_time ("２０２５年４月１日 ０９：３０");
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_get_year (parsed), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (parsed), ==, 4);
  g_assert_cmpint (g_date_time_get_day_of_month (parsed), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (parsed), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (parsed), ==, 30);
  g_clear_pointer (&parsed, g_date_time_unref);
  parsed = mamori_incident_parse_time ("2025/4/1T23:05");
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_get_hour (parsed), ==, 23);
  g_clear_pointer (&parsed, g_date_time_unref);
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      parsed = mamori_incident_parse_time (refused[i]);
      if (parsed != NULL)
        g_error ("“%s” was read as a time", refused[i]);
    }

  /* A minute's grace for the clock; a mistyped year is refused. */
  {
    g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 50);
    g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 2);
    g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);

    g_assert_false (mamori_incident_time_is_future (now, now));
    g_assert_false (mamori_incident_time_is_future (soon, now));
    g_assert_true (mamori_incident_time_is_future (later, now));
    g_assert_true (mamori_incident_time_is_future (next_year, now));
  }
  g_assert_false (mamori_incident_date_is_future ("2026-04-01", now));
  g_assert_false (mamori_incident_date_is_future ("2025-12-31", now));
  g_assert_true (mamori_incident_date_is_future ("2026-04-02", now));

  /* Whom to call: the police first for an insider, IPA for an intrusion,
   * the prefecture's desk always last. */
  for (int kind = 0; kind < MAMORI_N_INCIDENT_KINDS; kind++)
    {
      const char * const *keys = mamori_incident_kind_get_contacts (kind);
      guint n = g_strv_length ((char **) keys);

      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpstr (keys[n - 1], ==, "C1");
    }
  g_assert_cmpstr (mamori_incident_kind_get_contacts (MAMORI_INCIDENT_INSIDER)[0], ==, "C2");
  g_assert_cmpstr (mamori_incident_kind_get_contacts (MAMORI_INCIDENT_INTRUSION)[0], ==, "C7");
  g_assert_cmpstr (mamori_incident_kind_get_contacts (MAMORI_INCIDENT_PARTNER)[0], ==, "C8");
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/incidents/item-states", test_item_states);
  g_test_add_func ("/incidents/overdue", test_overdue);
  g_test_add_func ("/incidents/evidence", test_evidence);
  g_test_add_func ("/incidents/evidence-hash", test_evidence_hash);
  g_test_add_func ("/incidents/timeline-append-only", test_timeline_append_only);
  g_test_add_func ("/incidents/incidents-saved", test_incidents_saved);
  g_test_add_func ("/incidents/approaches", test_approaches);
  g_test_add_func ("/incidents/rules", test_incident_rules);

  return g_test_run ();
}
