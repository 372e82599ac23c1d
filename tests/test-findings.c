/* test-findings.c — findings, the plan, dismissals and snapshots
 *
 * Each rule gets a situation built through the store, as a user would make
 * it, and the finding it must give (or not give).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "assess/mamori-findings.h"
#include "store/mamori-store-private.h"
#include "test-utils.h"

static MamoriStore *
new_workspace (void)
{
  g_autofree char *path = mamori_test_workspace_path ("findings.mamori");
  g_autoptr(GError) error = NULL;
  MamoriStore *store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

/* Findings as of @date (YYYY-MM-DD, noon local time). */
static GPtrArray *
compute_on (MamoriStore  *store,
            const char   *date,
            MamoriFacts **out_facts)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_bundled ();
  g_autoptr(MamoriChecklistCatalog) checklists = mamori_checklist_catalog_dup_default (NULL);
  g_autofree char *iso = g_strdup_printf ("%sT12:00:00", date);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, zone);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriFacts) facts = mamori_facts_load (store, catalog, checklists, now, &error);
  GPtrArray *findings;

  g_assert_no_error (error);
  findings = mamori_findings_compute (facts);
  if (out_facts != NULL)
    *out_facts = g_steal_pointer (&facts);
  return findings;
}

static GPtrArray *
compute (MamoriStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return compute_on (store, today, NULL);
}

static MamoriFinding *
find (GPtrArray  *findings,
      const char *key)
{
  for (guint i = 0; i < findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->key, key))
        return finding;
    }
  return NULL;
}

/* The finding @key, which must be there. */
static MamoriFinding *
get (GPtrArray  *findings,
     const char *key)
{
  MamoriFinding *finding = find (findings, key);

  if (finding == NULL)
    g_error ("no finding %s", key);
  return finding;
}

static guint
count_kind (GPtrArray  *findings,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (((MamoriFinding *) g_ptr_array_index (findings, i))->kind, kind);
  return n;
}

static void
assert_finding (MamoriFinding    *finding,
                int               likelihood,
                int               impact,
                MamoriRecordType  type,
                gint64            id)
{
  MamoriRecordRef *ref;

  g_assert_cmpint (finding->likelihood, ==, likelihood);
  g_assert_cmpint (finding->impact, ==, impact);
  g_assert_cmpint (mamori_finding_get_severity (finding), ==, likelihood * impact);
  g_assert_cmpuint (finding->records->len, >=, 1);
  ref = &g_array_index (finding->records, MamoriRecordRef, 0);
  g_assert_cmpint (ref->type, ==, type);
  g_assert_cmpint (ref->id, ==, id);
  g_assert_true (finding->title[0] != '\0' && finding->explanation[0] != '\0');
  g_assert_true (finding->reason[0] != '\0' && finding->action[0] != '\0');
}

static const char *
top_class_name (void)
{
  static char *name;

  if (name == NULL)
    {
      g_autoptr(MamoriClassScheme) scheme = mamori_class_scheme_new_default ();

      name = g_strdup (mamori_class_scheme_get_name (scheme, 3));
    }
  return name;
}

static gint64
add_asset (MamoriStore *store,
           const char  *name,
           int          level)
{
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (asset, "name", name, "form", MAMORI_ASSET_FORM_ELECTRONIC,
                "rating-value", 0, "rating-competition", 0, "rating-trust", 0, NULL);
  if (level >= 0)
    g_object_set (asset, "class-override", level, "override-reason", "テスト", NULL);
  id = mamori_store_add_asset (store, asset, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_contract (MamoriStore         *store,
              MamoriContractType   type,
              MamoriContractStage  stage,
              const char          *country,
              gint64               asset_id)
{
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mamori_contract_set_title (contract, "共同開発契約");
  mamori_contract_set_counterparty (contract, "相手方株式会社");
  mamori_contract_set_country (contract, country);
  mamori_contract_set_contract_type (contract, type);
  mamori_contract_set_position (contract, mamori_contract_type_get_default_position (type));
  mamori_contract_set_stage (contract, stage);
  if (asset_id != 0)
    mamori_contract_set_asset_ids (contract, &asset_id, 1);
  /* Every topic fine unless a test says otherwise. */
  for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    mamori_contract_set_review (contract, topic, MAMORI_CLAUSE_OK, "", NULL, NULL);
  id = mamori_store_add_contract (store, contract, &error);
  g_assert_no_error (error);
  return id;
}

static void
set_review (MamoriStore         *store,
            gint64               id,
            MamoriContractTopic  topic,
            MamoriClauseStatus   status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriContract) contract = mamori_store_dup_contract (store, id, &error);

  g_assert_no_error (error);
  mamori_contract_set_review (contract, topic, status, "", NULL, NULL);
  mamori_store_save_contract (store, contract, &error);
  g_assert_no_error (error);
}

static void
test_asset_routes (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  gint64 secret = add_asset (store, "金型設計図", 3);
  gint64 internal = add_asset (store, "社内報", 1);
  gint64 public_id = add_asset (store, "製品カタログ", 0);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *key_secret = g_strdup_printf ("asset-routes:%" G_GINT64_FORMAT, secret);
  g_autofree char *key_internal = g_strdup_printf ("asset-routes:%" G_GINT64_FORMAT, internal);
  g_autofree char *key_public = g_strdup_printf ("asset-routes:%" G_GINT64_FORMAT, public_id);
  MamoriFinding *finding;

  findings = compute (store);
  /* 極秘 with all four routes open: impact 3 from its class, likelihood 3. */
  finding = get (findings, key_secret);
  assert_finding (finding, 3, 3, MAMORI_RECORD_ASSET, secret);
  g_assert_nonnull (strstr (finding->reason, top_class_name ()));
  g_assert_cmpstr (finding->guide_section, ==, "A");
  assert_finding (get (findings, key_internal), 3, 1, MAMORI_RECORD_ASSET, internal);
  g_assert_null (find (findings, key_public));
  /* The most severe comes first. */
  g_assert_true (find (findings, key_secret) == g_ptr_array_index (findings, 0) ||
                 mamori_finding_get_severity (g_ptr_array_index (findings, 0)) >= 9);
}

static void
test_trade_secret (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  g_autoptr(GError) error = NULL;
  gint64 id = add_asset (store, "焼成レシピ", 2);
  g_autoptr(MamoriAsset) asset = mamori_store_dup_asset (store, id, &error);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *key = g_strdup_printf ("asset-trade-secret:%" G_GINT64_FORMAT, id);
  MamoriFinding *finding;

  g_object_set (asset, "strategy", MAMORI_STRATEGY_SECRET, "useful", TRUE, "not-public", TRUE, NULL);
  mamori_store_save_asset (store, asset, &error);
  g_assert_no_error (error);

  /* Not marked, not restricted: secrecy management fails, likelihood 3. */
  findings = compute (store);
  finding = get (findings, key);
  assert_finding (finding, 3, 2, MAMORI_RECORD_ASSET, id);
  /* Only secrecy management fails, and the title says so. */
  g_assert_cmpstr (finding->facts, ==, "failing 1, class 2");
  g_assert_nonnull (strstr (finding->title, mamori_requirement_get_label (MAMORI_REQUIREMENT_SECRECY)));
  g_assert_null (strstr (finding->title, mamori_requirement_get_label (MAMORI_REQUIREMENT_USEFULNESS)));

  g_object_set (asset, "marked", TRUE, "access-restricted", TRUE, "pledges-signed", TRUE, NULL);
  mamori_store_save_asset (store, asset, &error);
  g_assert_no_error (error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  g_assert_null (find (findings, key));

  /* To be patented: the trade-secret requirements do not apply. */
  g_object_set (asset, "marked", FALSE, "strategy", MAMORI_STRATEGY_PATENT, NULL);
  mamori_store_save_asset (store, asset, &error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  g_assert_null (find (findings, key));
}

static void
test_contract_clauses (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  gint64 asset = add_asset (store, "試作品図面", 3);
  gint64 id = add_contract (store, MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_STAGE_NEGOTIATING, "日本", asset);
  g_autofree char *key = g_strdup_printf ("contract-clauses:%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriContract) contract = NULL;
  MamoriFinding *finding;

  findings = compute (store);
  g_assert_null (find (findings, key));

  /* Missing while negotiating: likelihood 3; impact 3 from the 極秘 drawing. */
  set_review (store, id, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_MISSING);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  finding = get (findings, key);
  assert_finding (finding, 3, 3, MAMORI_RECORD_CONTRACT, id);
  g_assert_nonnull (strstr (finding->title, mamori_contract_topic_get_label (MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)));

  /* Signed: harder to change, likelihood 2. */
  contract = mamori_store_dup_contract (store, id, &error);
  mamori_contract_set_stage (contract, MAMORI_CONTRACT_STAGE_SIGNED);
  mamori_store_save_contract (store, contract, &error);
  g_assert_no_error (error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  assert_finding (get (findings, key), 2, 3, MAMORI_RECORD_CONTRACT, id);
}

static void
test_contract_flags (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  gint64 joint = add_contract (store, MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, MAMORI_CONTRACT_STAGE_DRAFT, "日本", 0);
  gint64 licence = add_contract (store, MAMORI_CONTRACT_TYPE_LICENSE_OUT, MAMORI_CONTRACT_STAGE_SIGNED, "日本", 0);
  gint64 china = add_contract (store, MAMORI_CONTRACT_TYPE_MANUFACTURING, MAMORI_CONTRACT_STAGE_SIGNED, "中国", 0);
  gint64 usa = add_contract (store, MAMORI_CONTRACT_TYPE_MANUFACTURING, MAMORI_CONTRACT_STAGE_SIGNED, "米国", 0);
  g_autofree char *key_joint = g_strdup_printf ("contract-joint-ownership:%" G_GINT64_FORMAT, joint);
  g_autofree char *key_licence = g_strdup_printf ("contract-licence:%" G_GINT64_FORMAT, licence);
  g_autofree char *key_china = g_strdup_printf ("contract-export-control:%" G_GINT64_FORMAT, china);
  g_autofree char *key_usa = g_strdup_printf ("contract-export-control:%" G_GINT64_FORMAT, usa);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  mamori_store_save_contract_text (store, joint, "第1条　本発明に係る特許権は甲乙の共有とする。\n", &error);
  g_assert_no_error (error);
  mamori_store_save_contract_text (store, licence,
                                   "Article 1\nThe Company grants the Partner a perpetual, irrevocable, royalty-free licence.\n",
                                   &error);
  g_assert_no_error (error);
  set_review (store, china, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_MISSING);
  set_review (store, usa, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_MISSING);

  findings = compute (store);
  /* Joint ownership in a draft: likelihood 3, impact at least 2. */
  assert_finding (get (findings, key_joint), 3, 2, MAMORI_RECORD_CONTRACT, joint);
  /* Our technology licensed for ever and for free, signed: likelihood 2. */
  assert_finding (get (findings, key_licence), 2, 2, MAMORI_RECORD_CONTRACT, licence);
  /* China is outside Group A; the United States is in it. */
  assert_finding (get (findings, key_china), 2, 3, MAMORI_RECORD_CONTRACT, china);
  g_assert_null (find (findings, key_usa));

  /* Not applicable (nothing technical goes there): no finding either. */
  set_review (store, china, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_NA);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  g_assert_null (find (findings, key_china));

  /* The clause added: the finding goes. */
  set_review (store, china, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_OK);
  mamori_store_save_contract_text (store, joint, "第1条　本発明に係る特許権は甲に帰属する。\n", &error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  g_assert_null (find (findings, key_china));
  g_assert_null (find (findings, key_joint));
}

static void
test_contract_ended (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  gint64 asset = add_asset (store, "配合表", 2);
  gint64 id = add_contract (store, MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_STAGE_ENDED, "日本", asset);
  g_autofree char *key = g_strdup_printf ("contract-ended:%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  findings = compute (store);
  assert_finding (get (findings, key), 2, 2, MAMORI_RECORD_CONTRACT, id);
  /* An ended contract is not asked for clauses any more. */
  g_assert_cmpuint (count_kind (findings, "contract-clauses"), ==, 0);

  /* The asset no longer held: nothing left to protect. */
  g_array_append_val (ids, asset);
  mamori_store_delete_assets (store, ids, &error);
  g_assert_no_error (error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  g_assert_null (find (findings, key));
}

static gint64
add_screening (MamoriStore *store,
               const char  *kind,
               const char  *subject,
               const char  *inputs,
               const char  *outcome)
{
  g_autoptr(MamoriScreening) screening = mamori_screening_new (kind, subject, inputs, "結果", outcome);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (screening->catalog_version);
  screening->catalog_version = g_strdup ("2026.1");
  id = mamori_store_add_screening (store, screening, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_screening (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  gint64 match = add_screening (store, "end-user", "Example Trading", "", "match");
  gint64 cleared = add_screening (store, "end-user", "Other Corp", "", "match");
  gint64 prior = add_screening (store, "technology-transfer", "焼結技術", "", "prior-report");
  gint64 fine = add_screening (store, "technology-transfer", "塗装", "", "no-match");
  g_autofree char *key_match = g_strdup_printf ("screening-match:%" G_GINT64_FORMAT, match);
  g_autofree char *key_cleared = g_strdup_printf ("screening-match:%" G_GINT64_FORMAT, cleared);
  g_autofree char *key_prior = g_strdup_printf ("check-follow-up:%" G_GINT64_FORMAT, prior);
  g_autofree char *key_fine = g_strdup_printf ("check-follow-up:%" G_GINT64_FORMAT, fine);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  mamori_store_add_screening_note (store, cleared, "所在地が異なる別法人と確認", "山田", &error);
  g_assert_no_error (error);
  findings = compute (store);
  assert_finding (get (findings, key_match), 2, 3, MAMORI_RECORD_SCREENING, match);
  g_assert_null (find (findings, key_cleared));
  assert_finding (get (findings, key_prior), 2, 3, MAMORI_RECORD_SCREENING, prior);
  g_assert_null (find (findings, key_fine));

  /* A follow-up recorded, and a later check of the name without a match. */
  mamori_store_add_screening_note (store, prior, "経済産業省に事前報告済み", "山田", &error);
  add_screening (store, "end-user", "Example Trading", "", "no-match");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  g_assert_null (find (findings, key_prior));
  g_assert_null (find (findings, key_match));
}

static void
test_reference_stale (void)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_bundled ();
  const MamoriCatalogList *list = mamori_catalog_get_list (catalog, 0);
  const MamoriCatalogEntry *entry = g_ptr_array_index (list->entries, 0);
  const char *as_of = entry->as_of != NULL && entry->as_of[0] != '\0' ? entry->as_of : list->as_of;
  g_autoptr(MamoriStore) store = new_workspace ();
  g_autofree char *inputs = g_strdup_printf ("List: x\nEntry: %s (%s)", entry->name_ja, entry->id);
  gint64 id = add_screening (store, "entry", entry->name_ja, inputs, "verified");
  g_autofree char *key = g_strdup_printf ("reference-stale:%s", entry->id);
  g_autofree char *within = g_strdup_printf ("%04d-12-31", atoi (as_of));
  g_autofree char *later = g_strdup_printf ("%04d-12-31", atoi (as_of) + 2);
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_nonnull (as_of);
  findings = compute_on (store, within, NULL);
  g_assert_null (find (findings, key));
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute_on (store, later, NULL);
  assert_finding (get (findings, key), 2, 1, MAMORI_RECORD_SCREENING, id);

  /* Kept from the Japanese interface, with full-width brackets: the same. */
  {
    g_autofree char *japanese = g_strdup_printf ("一覧：x\n項目：%s（%s）", entry->name_ja, entry->id);
    gint64 second = add_screening (store, "entry", entry->name_ja, japanese, "verified");
    MamoriFinding *finding;

    g_clear_pointer (&findings, g_ptr_array_unref);
    findings = compute_on (store, later, NULL);
    finding = get (findings, key);
    g_assert_cmpuint (finding->records->len, ==, 2);
    g_assert_cmpint (g_array_index (finding->records, MamoriRecordRef, 0).id +
                     g_array_index (finding->records, MamoriRecordRef, 1).id, ==, id + second);
  }
}

static void
test_checklists (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  g_autoptr(MamoriItemState) late = mamori_item_state_new ("basic-updates");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  MamoriFinding *finding;

  /* A new workspace: the basic measures not started, the others lower. */
  findings = compute_on (store, "2026-12-07", NULL);
  finding = get (findings, "checklist-not-started:basic-cyber");
  g_assert_nonnull (finding);
  g_assert_cmpint (mamori_finding_get_severity (finding), ==, 4);
  g_assert_cmpint (g_array_index (finding->records, MamoriRecordRef, 0).type, ==, MAMORI_RECORD_CHECKLIST);
  g_assert_cmpstr (g_array_index (finding->records, MamoriRecordRef, 0).key, ==, "basic-cyber");
  g_assert_nonnull (find (findings, "checklist-not-started:nist-csf"));
  /* Section D's checklists are for incidents. */
  g_assert_null (find (findings, "checklist-not-started:incident-playbook"));
  g_assert_null (find (findings, "checklist-overdue:basic-cyber"));

  late->status = MAMORI_ITEM_IN_PROGRESS;
  g_free (late->due_on);
  late->due_on = g_strdup ("2026-11-30");
  mamori_store_save_item_state (store, late, &error);
  g_assert_no_error (error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute_on (store, "2026-12-07", NULL);
  g_assert_null (find (findings, "checklist-not-started:basic-cyber"));
  finding = get (findings, "checklist-overdue:basic-cyber");
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->likelihood, ==, 2);
  g_assert_nonnull (strstr (finding->title, "1"));
  /* The day it is due, it is not overdue yet. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute_on (store, "2026-11-30", NULL);
  g_assert_null (find (findings, "checklist-overdue:basic-cyber"));
}

static void
test_incidents (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  g_autoptr(MamoriIncident) incident = mamori_incident_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 31);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *in_a_month = g_date_time_format (later, "%Y-%m-%d");
  gint64 asset = add_asset (store, "顧客名簿", 2);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_open = NULL, *key_stale = NULL;
  gint64 id;

  g_free (incident->title);
  incident->title = g_strdup ("ノートPCの紛失");
  incident->kind = MAMORI_INCIDENT_LOST_DEVICE;
  g_array_append_val (incident->asset_ids, asset);
  id = mamori_store_add_incident (store, incident, &error);
  g_assert_no_error (error);
  key_open = g_strdup_printf ("incident-open:%" G_GINT64_FORMAT, id);
  key_stale = g_strdup_printf ("incident-stale:%" G_GINT64_FORMAT, id);

  findings = compute_on (store, today, NULL);
  assert_finding (get (findings, key_open), 3, 2, MAMORI_RECORD_INCIDENT, id);
  g_assert_null (find (findings, key_stale));
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute_on (store, in_a_month, NULL);
  assert_finding (get (findings, key_stale), 2, 2, MAMORI_RECORD_INCIDENT, id);

  /* An insider case weighs 3 whatever it touched. */
  incident->id = id;
  incident->kind = MAMORI_INCIDENT_INSIDER;
  mamori_store_save_incident (store, incident, &error);
  g_assert_no_error (error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute_on (store, today, NULL);
  assert_finding (get (findings, key_open), 3, 3, MAMORI_RECORD_INCIDENT, id);

  incident->status = MAMORI_INCIDENT_CLOSED;
  mamori_store_save_incident (store, incident, &error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute_on (store, in_a_month, NULL);
  g_assert_null (find (findings, key_open));
  g_assert_null (find (findings, key_stale));
}

static void
test_profile (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  findings = compute (store);
  assert_finding (get (findings, "profile-missing:profile"), 3, 1, MAMORI_RECORD_PROFILE, 1);
  assert_finding (get (findings, "profile-missing:security-officer"), 2, 2, MAMORI_RECORD_PROFILE, 1);

  mamori_profile_set_name_ja (profile, "株式会社守り製作所");
  mamori_profile_set_security_officer (profile, "総務部長 山田");
  mamori_store_save_profile (store, profile, &error);
  g_assert_no_error (error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  g_assert_cmpuint (count_kind (findings, "profile-missing"), ==, 0);
}

/* The same workspace always gives the same order, most severe first. */
static void
test_order_and_rating (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  g_autoptr(GPtrArray) first = NULL, again = NULL;
  g_autofree char *rule = NULL;

  for (int i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("資産 %02d", i);

      add_asset (store, name, i % 4);
    }
  first = compute (store);
  again = compute (store);
  g_assert_cmpuint (first->len, ==, again->len);
  for (guint i = 0; i < first->len; i++)
    {
      MamoriFinding *a = g_ptr_array_index (first, i);

      g_assert_cmpstr (a->key, ==, ((MamoriFinding *) g_ptr_array_index (again, i))->key);
      if (i > 0)
        g_assert_cmpint (mamori_finding_get_severity (g_ptr_array_index (first, i - 1)), >=,
                         mamori_finding_get_severity (a));
    }
  g_assert_cmpint (mamori_findings_rate (first, &rule), ==, MAMORI_OVERALL_RED);
  g_assert_nonnull (strstr (rule, "6"));
}

static void
test_plan_and_dismissals (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  gint64 asset = add_asset (store, "金型設計図", 3);
  g_autofree char *key = g_strdup_printf ("asset-routes:%" G_GINT64_FORMAT, asset);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(MamoriAction) action = mamori_action_new ();
  g_autoptr(GError) error = NULL;
  MamoriFinding *finding;

  findings = compute (store);
  finding = get (findings, key);
  g_assert_cmpint (finding->status, ==, MAMORI_FINDING_NEW);

  /* Dismissed with a reason: it no longer counts, until its facts change. */
  g_assert_false (mamori_store_dismiss_finding (store, key, finding->facts, finding->title, "  ", &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  mamori_store_dismiss_finding (store, key, finding->facts, finding->title, "紙の原本のみで社外に出ない", &error);
  g_assert_no_error (error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  finding = get (findings, key);
  g_assert_cmpint (finding->status, ==, MAMORI_FINDING_DISMISSED);
  g_assert_nonnull (strstr (finding->dismissal, "紙の原本のみで社外に出ない"));

  /* Its class lowered: the facts changed, so it comes back, saying what changed. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  {
    g_autoptr(MamoriAsset) loaded = mamori_store_dup_asset (store, asset, &error);

    g_assert_no_error (error);
    g_object_set (loaded, "class-override", 2, NULL);
    mamori_store_save_asset (store, loaded, &error);
    g_assert_no_error (error);
  }
  findings = compute (store);
  finding = get (findings, key);
  g_assert_cmpint (finding->status, ==, MAMORI_FINDING_NEW);
  g_assert_nonnull (finding->dismissal);
  /* Its title then: the same asset and routes. */
  g_assert_nonnull (strstr (finding->dismissal, "金型設計図"));

  /* Accepted as an action: in the plan. */
  g_free (action->title);
  action->title = g_strdup ("持ち出し制限を設定する");
  g_free (action->finding_key);
  action->finding_key = g_strdup (key);
  g_free (action->due_on);
  action->due_on = g_strdup ("2027/1/31");
  mamori_store_save_action (store, action, &error);
  g_assert_no_error (error);
  g_assert_cmpint (action->id, >, 0);
  g_assert_cmpstr (action->due_on, ==, "2027-01-31");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  finding = get (findings, key);
  g_assert_cmpint (finding->status, ==, MAMORI_FINDING_ACCEPTED);
  g_assert_cmpint (finding->action_id, ==, action->id);

  /* Won't do needs a reason; every status change is kept. */
  action->status = MAMORI_ACTION_WONT_DO;
  g_assert_false (mamori_store_save_action (store, action, &error));
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  action->status = MAMORI_ACTION_IN_PROGRESS;
  mamori_store_save_action (store, action, &error);
  g_assert_no_error (error);
  action->status = MAMORI_ACTION_WONT_DO;
  g_free (action->reason);
  action->reason = g_strdup ("設備更新で不要になる");
  mamori_store_save_action (store, action, &error);
  g_assert_no_error (error);
  /* Saving without a change of status adds nothing. */
  g_free (action->note);
  action->note = g_strdup ("来期に見直す");
  mamori_store_save_action (store, action, &error);
  g_assert_no_error (error);

  /* Dropped while the finding is still there: it counts again. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = compute (store);
  g_assert_cmpint (get (findings, key)->status, !=, MAMORI_FINDING_ACCEPTED);
  g_assert_cmpint (get (findings, key)->action_id, ==, 0);

  history = mamori_store_dup_action_history (store, action->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (((MamoriActionChange *) g_ptr_array_index (history, 0))->from, ==, -1);
  g_assert_cmpint (((MamoriActionChange *) g_ptr_array_index (history, 1))->to, ==, MAMORI_ACTION_IN_PROGRESS);
  g_assert_cmpint (((MamoriActionChange *) g_ptr_array_index (history, 2))->from, ==, MAMORI_ACTION_IN_PROGRESS);
  g_assert_cmpstr (((MamoriActionChange *) g_ptr_array_index (history, 2))->reason, ==, "設備更新で不要になる");

  /* The history and the actions cannot be rewritten behind Mamori's back. */
  g_assert_cmpint (sqlite3_exec (mamori_store_get_db (store), "UPDATE action_history SET to_status = 'done'",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (mamori_store_get_db (store), "DELETE FROM action_history", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (mamori_store_get_db (store), "DELETE FROM actions", NULL, NULL, NULL), !=, SQLITE_OK);
}

static void
test_snapshots (void)
{
  g_autoptr(MamoriStore) store = new_workspace ();
  gint64 asset = add_asset (store, "金型設計図", 3);
  g_autofree char *key = g_strdup_printf ("asset-routes:%" G_GINT64_FORMAT, asset);
  g_autoptr(MamoriFacts) facts = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(MamoriSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  MamoriFindingsChange change;
  MamoriSnapshot *latest;
  int value = -1;

  findings = compute_on (store, "2026-12-07", &facts);
  snapshot = mamori_findings_new_snapshot (facts, findings, "  ");
  g_assert_cmpint (mamori_store_add_snapshot (store, snapshot, &error), ==, 0);
  g_assert_error (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&snapshot, mamori_snapshot_free);
  snapshot = mamori_findings_new_snapshot (facts, findings, "2026年12月 取締役会");
  g_assert_cmpint (mamori_store_add_snapshot (store, snapshot, &error), >, 0);
  g_assert_no_error (error);

  /* Read back whole. */
  stored = mamori_store_dup_snapshots (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  latest = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (latest->label, ==, "2026年12月 取締役会");
  g_assert_true (mamori_snapshot_get_figure (latest, "assets", &value));
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpuint (latest->findings->len, ==, snapshot->findings->len);

  /* Never changed or deleted. */
  g_assert_cmpint (sqlite3_exec (mamori_store_get_db (store), "UPDATE snapshots SET label = 'x'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (mamori_store_get_db (store), "DELETE FROM snapshots", NULL, NULL, NULL), !=, SQLITE_OK);

  /* Since the snapshot: the findings are still open, none new. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_clear_pointer (&facts, mamori_facts_free);
  findings = compute_on (store, "2026-12-07", &facts);
  g_assert_cmpint (get (findings, key)->status, ==, MAMORI_FINDING_OPEN);
  mamori_findings_compare (findings, facts->snapshot, &change);
  g_assert_cmpuint (change.n_new, ==, 0);
  g_assert_cmpuint (change.n_resolved, ==, 0);
  g_assert_cmpuint (change.n_still_open, ==, latest->findings->len);
  g_ptr_array_unref (change.resolved);

  /* The asset gone: its finding is resolved, a new one appears. */
  g_array_append_val (ids, asset);
  mamori_store_delete_assets (store, ids, &error);
  g_assert_no_error (error);
  add_screening (store, "end-user", "Example Trading", "", "match");
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_clear_pointer (&facts, mamori_facts_free);
  findings = compute_on (store, "2026-12-07", &facts);
  mamori_findings_compare (findings, facts->snapshot, &change);
  /* Its routes and its trade-secret requirements. */
  g_assert_cmpuint (change.n_new, ==, 1);
  g_assert_cmpuint (change.n_resolved, ==, 2);
  g_assert_true (g_str_equal (((MamoriSnapshotFinding *) g_ptr_array_index (change.resolved, 0))->key, key) ||
                 g_str_equal (((MamoriSnapshotFinding *) g_ptr_array_index (change.resolved, 1))->key, key));
  g_ptr_array_unref (change.resolved);
}

/* A workspace of the previous schema (8) is upgraded: its contract text is
 * scanned for risk flags when read, and the plan starts empty. */
static void
test_upgrade (void)
{
  g_autofree char *path = mamori_test_workspace_path ("v8.mamori");
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GHashTable) flags = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 1;

  g_string_printf (sql, "PRAGMA application_id = %d;", MAMORI_STORE_APPLICATION_ID);
  for (guint i = 0; i < 8; i++)
    g_string_append (sql, mamori_store_migrations[i]);
  g_string_append (sql,
                   "INSERT INTO contracts (id, title, counterparty, type, position, stage, text, created_at, updated_at)"
                   "  VALUES (1, '共同開発契約', '相手方', 'joint-development', 'mutual', 'draft',"
                   "          '第1条　本発明に係る特許権は甲乙の共有とする。', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                   "PRAGMA user_version = 8;");
  mamori_test_exec_sql (path, sql->str);

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_test_query_int (path, "PRAGMA user_version"), ==, mamori_store_get_schema_version ());
  flags = mamori_store_dup_contract_flags (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (flags, &id)) & MAMORI_CONTRACT_FLAG_JOINT_OWNERSHIP, !=, 0);
  actions = mamori_store_dup_actions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/findings/asset-routes", test_asset_routes);
  g_test_add_func ("/findings/trade-secret", test_trade_secret);
  g_test_add_func ("/findings/contract-clauses", test_contract_clauses);
  g_test_add_func ("/findings/contract-flags", test_contract_flags);
  g_test_add_func ("/findings/contract-ended", test_contract_ended);
  g_test_add_func ("/findings/screening", test_screening);
  g_test_add_func ("/findings/reference-stale", test_reference_stale);
  g_test_add_func ("/findings/checklists", test_checklists);
  g_test_add_func ("/findings/incidents", test_incidents);
  g_test_add_func ("/findings/profile", test_profile);
  g_test_add_func ("/findings/order-and-rating", test_order_and_rating);
  g_test_add_func ("/findings/plan-and-dismissals", test_plan_and_dismissals);
  g_test_add_func ("/findings/snapshots", test_snapshots);
  g_test_add_func ("/findings/upgrade", test_upgrade);

  return g_test_run ();
}
