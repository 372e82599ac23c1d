/* test-utils.c — what every Mamori test shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/mamori-checklists.h"
#include "test-utils.h"

/* Every test case runs with its own empty HOME and XDG folders, so backups,
 * settings and default workspaces never leak from one case to the next. */
void
mamori_test_init (int    *argc,
                  char ***argv)
{
  const char *localedir = g_getenv ("MAMORI_TEST_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* A path for a new workspace in a fresh private folder of the test's HOME. */
char *
mamori_test_workspace_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_home_dir (), "Workspaces", NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  return g_build_filename (dir, name, NULL);
}

char *
mamori_test_dup_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

guint
mamori_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  return st.st_mode & 07777;
}

void
mamori_test_overwrite (const char *path,
                       goffset     offset,
                       gsize       length,
                       guint8      byte)
{
  g_autofree guint8 *garbage = g_malloc (length);
  int fd;

  memset (garbage, byte, length);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, length, offset), ==, (gssize) length);
  close (fd);
}

void
mamori_test_exec_sql (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("SQL failed on %s: %s", path, message);
  sqlite3_close (db);
}

int
mamori_test_query_int (const char *path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

char *
mamori_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

/* @text as UTF-16LE with its byte-order mark, as Excel's "Unicode text"
 * is, with a NUL character just before @nul_before (NULL: at the end). */
GByteArray *
mamori_test_utf16_with_nul (const char *text,
                            const char *nul_before)
{
  static const guint8 bom[] = { 0xFF, 0xFE };
  static const guint8 nul[] = { 0x00, 0x00 };
  g_autoptr(GError) error = NULL;
  g_autofree char *utf16 = NULL;
  GByteArray *bytes = g_byte_array_new ();
  gsize length, offset;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  offset = nul_before != NULL ? (gsize) g_utf8_pointer_to_offset (text, strstr (text, nul_before)) * 2 : length;
  g_byte_array_append (bytes, bom, sizeof bom);
  g_byte_array_append (bytes, (const guint8 *) utf16, (guint) offset);
  g_byte_array_append (bytes, nul, sizeof nul);
  g_byte_array_append (bytes, (const guint8 *) utf16 + offset, (guint) (length - offset));
  return bytes;
}

/* A workspace as a small manufacturer would have it after a few weeks:
 * @n_assets assets across the classes, two contracts under review, a
 * screening, some checklist progress, an incident with a corrected timeline
 * and a reported approach. */
void
mamori_test_fill_workspace (MamoriStore *store,
                            guint        n_assets)
{
  static const char * const departments[] = { "技術部", "製造部", "営業部", "総務部" };
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  g_autoptr(MamoriContract) nda = mamori_contract_new ();
  g_autoptr(MamoriScreening) screening = NULL;
  g_autoptr(MamoriIncident) incident = mamori_incident_new ();
  g_autoptr(MamoriIncidentEntry) first = mamori_incident_entry_new ();
  g_autoptr(MamoriIncidentEntry) fix = mamori_incident_entry_new ();
  g_autoptr(MamoriApproach) approach = mamori_approach_new ();
  g_autoptr(MamoriChecklistCatalog) checklists = NULL;
  g_autoptr(GError) error = NULL;

  mamori_profile_set_name_ja (profile, "守り精工株式会社");
  mamori_profile_set_name_en (profile, "Mamori Precision Co., Ltd.");
  mamori_profile_set_security_officer (profile, "総務部 高橋");
  g_assert_true (mamori_store_save_profile (store, profile, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_assets; i++)
    {
      MamoriAsset *asset = mamori_asset_new ();
      g_autofree char *name = g_strdup_printf ("資産 %04u 製品図面・加工条件", i + 1);

      g_object_set (asset,
                    "name", name,
                    "category", 1 + i % 8,
                    "form", 1 + i % 3,
                    "storage", "設計サーバー／図面フォルダ",
                    "department", departments[i % G_N_ELEMENTS (departments)],
                    "responsible", "山田",
                    "rating-value", (int) (i % 4),
                    "rating-competition", (int) ((i / 4) % 4),
                    "rating-trust", (int) ((i / 16) % 4),
                    NULL);
      g_ptr_array_add (assets, asset);
    }
  if (n_assets > 0)
    {
      g_assert_true (mamori_store_add_assets (store, assets, &error));
      g_assert_no_error (error);
    }

  mamori_contract_set_title (contract, "共同開発契約（センサー）");
  mamori_contract_set_counterparty (contract, "Example Tech Co., Ltd.");
  mamori_contract_set_country (contract, "中国");
  mamori_contract_set_contract_type (contract, MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT);
  mamori_contract_set_position (contract, MAMORI_CONTRACT_POSITION_PROVIDER);
  mamori_contract_set_stage (contract, MAMORI_CONTRACT_STAGE_NEGOTIATING);
  mamori_contract_set_review (contract, MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP, MAMORI_CLAUSE_CHANGE,
                              "成果の共有は避け、当社単独帰属とする", "第8条", NULL);
  mamori_contract_set_review (contract, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_MISSING, "", NULL, NULL);
  if (n_assets >= 2)
    {
      g_autoptr(GArray) order = mamori_store_dup_asset_order (store, MAMORI_ASSET_SORT_NAME, FALSE, &error);

      g_assert_no_error (error);
      mamori_contract_set_asset_ids (contract, (const gint64 *) order->data, 2);
    }
  g_assert_cmpint (mamori_store_add_contract (store, contract, &error), >, 0);
  mamori_contract_set_title (nda, "秘密保持契約（商談）");
  mamori_contract_set_counterparty (nda, "北陸商事");
  mamori_contract_set_country (nda, "日本");
  mamori_contract_set_contract_type (nda, MAMORI_CONTRACT_TYPE_NDA);
  mamori_contract_set_stage (nda, MAMORI_CONTRACT_STAGE_SIGNED);
  g_assert_cmpint (mamori_store_add_contract (store, nda, &error), >, 0);
  g_assert_no_error (error);

  screening = mamori_screening_new ("export-destination", "ドイツ", "Destination: ドイツ", "グループA（ホワイト国）です。",
                                    "group-a");
  g_free (screening->catalog_version);
  screening->catalog_version = g_strdup ("2026.11.1");
  g_assert_cmpint (mamori_store_add_screening (store, screening, &error), >, 0);

  checklists = mamori_checklist_catalog_dup_default (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < mamori_checklist_catalog_get_n_checklists (checklists); i++)
    {
      const MamoriChecklist *checklist = mamori_checklist_catalog_get_checklist (checklists, i);

      for (guint j = 0; j < mamori_checklist_get_n_items (checklist) && j < 3; j++)
        {
          g_autoptr(MamoriItemState) state =
            mamori_item_state_new (mamori_checklist_item_get_id (mamori_checklist_get_item (checklist, j)));

          state->status = j == 0 ? MAMORI_ITEM_DONE : j == 1 ? MAMORI_ITEM_IN_PROGRESS : MAMORI_ITEM_NOT_APPLICABLE;
          g_assert_true (mamori_store_save_item_state (store, state, &error));
        }
    }
  g_assert_no_error (error);

  g_free (incident->title);
  incident->title = g_strdup ("退職予定者による設計データ持ち出しの疑い");
  incident->kind = MAMORI_INCIDENT_INSIDER;
  g_assert_cmpint (mamori_store_add_incident (store, incident, &error), >, 0);
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
  g_free (fix->happened_at);
  fix->happened_at = g_strdup ("2026-11-20T09:30:00+09:00");
  g_free (fix->author);
  fix->author = g_strdup ("総務部 高橋");
  g_free (fix->text);
  fix->text = g_strdup ("訂正：確認したのは 11月19日 のログ");
  g_assert_cmpint (mamori_store_add_incident_entry (store, fix, &error), >, 0);

  g_free (approach->occurred_on);
  approach->occurred_on = g_strdup ("2026-10-02");
  g_free (approach->who);
  approach->who = g_strdup ("展示会で名刺交換した人物");
  g_free (approach->description);
  approach->description = g_strdup ("工場見学と技術者の紹介を繰り返し求められた");
  g_assert_cmpint (mamori_store_add_approach (store, approach, &error), >, 0);
  g_assert_no_error (error);
}
