/* test-contract-rules.c — essential clauses by contract type, and the cross-checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "analysis/mamori-classification.h"
#include "analysis/mamori-contract-rules.h"
#include "test-utils.h"

#define BIT(topic) (1u << (topic))

static gboolean
has_position (MamoriContractType     type,
              MamoriContractPosition position)
{
  return mamori_contract_position_get_label (type, position) != NULL;
}

static const char *
reason_of (MamoriContractType     type,
           MamoriContractPosition position,
           MamoriContractTopic    topic)
{
  const char *reason = NULL;

  g_assert_true (mamori_contract_rules_is_essential (type, position, topic, &reason));
  g_assert_nonnull (reason);
  return reason;
}

/* The guide's cases are cited where they apply. */
static void
test_cases (void)
{
  const MamoriContractPosition ours[] = { MAMORI_CONTRACT_POSITION_PROVIDER, MAMORI_CONTRACT_POSITION_MUTUAL };
  const char *reason = (const char *) 1;

  for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
    {
      g_assert_nonnull (strstr (reason_of (MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, ours[i],
                                           MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP), "case 1"));
      g_assert_nonnull (strstr (reason_of (MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, ours[i],
                                           MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE), "case 1"));
      g_assert_nonnull (strstr (reason_of (MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, ours[i],
                                           MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP), "case 1"));
    }
  for (MamoriContractPosition position = 0; position < MAMORI_N_CONTRACT_POSITIONS; position++)
    g_assert_nonnull (strstr (reason_of (MAMORI_CONTRACT_TYPE_JOINT_VENTURE, position,
                                         MAMORI_CONTRACT_TOPIC_NON_SOLICITATION), "case 2"));

  /* A recipient under an NDA is granted nothing, so there is no licence to
   * check; what it already knew must stay its own. */
  g_assert_false (mamori_contract_rules_is_essential (MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_POSITION_RECEIVER,
                                                      MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE, &reason));
  g_assert_null (reason);
  g_assert_true (mamori_contract_rules_is_essential (MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_POSITION_RECEIVER,
                                                     MAMORI_CONTRACT_TOPIC_BACKGROUND_IP, NULL));
  g_assert_true (mamori_contract_rules_is_essential (MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_POSITION_PROVIDER,
                                                     MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE, NULL));
  /* A licensee worries about grant-backs, a licensor about the licence's
   * reach and where the technology goes. */
  g_assert_true (mamori_contract_rules_is_essential (MAMORI_CONTRACT_TYPE_LICENSE_IN, MAMORI_CONTRACT_POSITION_RECEIVER,
                                                     MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS, NULL));
  g_assert_false (mamori_contract_rules_is_essential (MAMORI_CONTRACT_TYPE_LICENSE_IN, MAMORI_CONTRACT_POSITION_RECEIVER,
                                                      MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, NULL));
  g_assert_true (mamori_contract_rules_is_essential (MAMORI_CONTRACT_TYPE_LICENSE_OUT, MAMORI_CONTRACT_POSITION_PROVIDER,
                                                     MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, NULL));
  g_assert_false (mamori_contract_rules_is_essential (MAMORI_CONTRACT_TYPE_SALES, MAMORI_CONTRACT_POSITION_RECEIVER,
                                                      MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP, NULL));
  g_assert_cmpuint (mamori_contract_rules_get_essential_mask (MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_POSITION_RECEIVER),
                    ==, BIT (MAMORI_CONTRACT_TOPIC_BACKGROUND_IP) | BIT (MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY) |
                        BIT (MAMORI_CONTRACT_TOPIC_GOVERNING_LAW) | BIT (MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL));
}

/* Every position a type has is covered: confidentiality, governing law and
 * survival everywhere, export control wherever technology leaves us, and a
 * reason for each essential topic. A position a type lacks reads as its
 * usual one. */
static void
test_table (void)
{
  const guint everywhere = BIT (MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY) | BIT (MAMORI_CONTRACT_TOPIC_GOVERNING_LAW) |
                           BIT (MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL);

  for (MamoriContractType type = 0; type < MAMORI_N_CONTRACT_TYPES; type++)
    {
      MamoriContractPosition usual = mamori_contract_type_get_default_position (type);
      guint n_positions = 0;

      g_assert_true (has_position (type, usual));
      for (MamoriContractPosition position = 0; position < MAMORI_N_CONTRACT_POSITIONS; position++)
        {
          guint mask = mamori_contract_rules_get_essential_mask (type, position);

          if (!has_position (type, position))
            {
              g_assert_cmphex (mask, ==, mamori_contract_rules_get_essential_mask (type, usual));
              continue;
            }
          n_positions++;
          g_assert_cmphex (mask & everywhere, ==, everywhere);
          if (position != MAMORI_CONTRACT_POSITION_RECEIVER)
            g_assert_true (mask & BIT (MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL));
          for (MamoriContractTopic topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
            {
              const char *reason = NULL;
              gboolean essential = mamori_contract_rules_is_essential (type, position, topic, &reason);

              g_assert_cmpint (essential, ==, (mask & BIT (topic)) != 0);
              if (essential)
                {
                  g_assert_nonnull (reason);
                  g_assert_cmpuint (strlen (reason), >, 40);
                  g_assert_true (g_str_has_suffix (reason, "."));
                }
              else
                g_assert_null (reason);
            }
        }
      g_assert_cmpuint (n_positions, >=, 1);
    }

  /* The positions assumed for each type. */
  g_assert_false (has_position (MAMORI_CONTRACT_TYPE_LICENSE_IN, MAMORI_CONTRACT_POSITION_PROVIDER));
  g_assert_false (has_position (MAMORI_CONTRACT_TYPE_LICENSE_OUT, MAMORI_CONTRACT_POSITION_RECEIVER));
  g_assert_true (has_position (MAMORI_CONTRACT_TYPE_MANUFACTURING, MAMORI_CONTRACT_POSITION_RECEIVER));
  g_assert_true (has_position (MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_POSITION_MUTUAL));
}

static MamoriContract *
new_contract (MamoriContractType     type,
              MamoriContractPosition position)
{
  MamoriContract *contract = mamori_contract_new ();

  mamori_contract_set_title (contract, "テスト契約");
  mamori_contract_set_contract_type (contract, type);
  mamori_contract_set_position (contract, position);
  return contract;
}

static void
set_status (MamoriContract      *contract,
            MamoriContractTopic  topic,
            MamoriClauseStatus   status)
{
  mamori_contract_set_review (contract, topic, status, NULL, NULL, NULL);
}

/* Open means not reviewed, missing, or to be changed; only essential
 * topics count. */
static void
test_count_open (void)
{
  g_autoptr(MamoriContract) contract = new_contract (MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_POSITION_RECEIVER);

  g_assert_cmpuint (mamori_contract_rules_count_open (contract), ==, 4);
  set_status (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_OK);
  g_assert_cmpuint (mamori_contract_rules_count_open (contract), ==, 3);
  set_status (contract, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW, MAMORI_CLAUSE_CHANGE);
  set_status (contract, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL, MAMORI_CLAUSE_MISSING);
  g_assert_cmpuint (mamori_contract_rules_count_open (contract), ==, 3);
  set_status (contract, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP, MAMORI_CLAUSE_NA);
  g_assert_cmpuint (mamori_contract_rules_count_open (contract), ==, 2);
  /* Not essential for a recipient. */
  set_status (contract, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE, MAMORI_CLAUSE_MISSING);
  set_status (contract, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_UNREVIEWED);
  g_assert_cmpuint (mamori_contract_rules_count_open (contract), ==, 2);
  set_status (contract, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW, MAMORI_CLAUSE_OK);
  set_status (contract, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL, MAMORI_CLAUSE_OK);
  g_assert_cmpuint (mamori_contract_rules_count_open (contract), ==, 0);

  /* The disclosing side has more to settle: export control now counts. */
  mamori_contract_set_position (contract, MAMORI_CONTRACT_POSITION_PROVIDER);
  g_assert_cmpuint (mamori_contract_rules_count_open (contract), ==, 3);

  /* Joint development where we bring most: all eleven. */
  {
    g_autoptr(MamoriContract) joint = new_contract (MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT,
                                                    MAMORI_CONTRACT_POSITION_PROVIDER);

    g_assert_cmpuint (mamori_contract_rules_count_open (joint), ==, MAMORI_N_CONTRACT_TOPICS);
  }
}

/* The warning of @kind, which must be there. */
static const MamoriContractWarning *
find_warning (GPtrArray                 *warnings,
              MamoriContractWarningKind  kind)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      const MamoriContractWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->kind == kind)
        return warning;
    }
  g_error ("no warning of kind %d among %u", kind, warnings->len);
}

/* A secret asset disclosed without confidentiality and a background clause
 * both confirmed is named; assets below secret are not. */
static void
test_secret_assets (void)
{
  g_autoptr(MamoriContract) contract = new_contract (MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT,
                                                     MAMORI_CONTRACT_POSITION_MUTUAL);
  const int classes[] = { 3, 1, MAMORI_CLASS_NONE, 2 };
  const char * const names[] = { "金型図面", "顧客名簿", "試作メモ", "配合表" };
  const MamoriContractWarning *warning;

  {
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (contract, classes, names, 3, FALSE, "2026-06-01");

    g_assert_cmpuint (warnings->len, ==, 1);
    warning = find_warning (warnings, MAMORI_CONTRACT_WARNING_SECRET_ASSET_UNPROTECTED);
    g_assert_nonnull (strstr (warning->message, "The asset “金型図面”, in one of the two highest"));
    g_assert_null (strstr (warning->message, "顧客名簿"));
    g_assert_null (strstr (warning->message, "試作メモ"));
    g_assert_nonnull (strstr (warning->message, "neither a confidentiality clause nor"));
  }

  set_status (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_OK);
  {
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (contract, classes, names, 4, FALSE, "2026-06-01");

    warning = find_warning (warnings, MAMORI_CONTRACT_WARNING_SECRET_ASSET_UNPROTECTED);
    g_assert_nonnull (strstr (warning->message, "The assets “金型図面”, “配合表”, in one of"));
    g_assert_null (strstr (warning->message, "confidentiality"));
    g_assert_nonnull (strstr (warning->message, "technology each party brings"));
  }

  set_status (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_NA);
  set_status (contract, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP, MAMORI_CLAUSE_CHANGE);
  {
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (contract, classes, names, 1, FALSE, "2026-06-01");

    warning = find_warning (warnings, MAMORI_CONTRACT_WARNING_SECRET_ASSET_UNPROTECTED);
    g_assert_nonnull (strstr (warning->message, "no confidentiality clause has been confirmed"));
  }

  /* Both confirmed: nothing to say. */
  set_status (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_CHANGE);
  {
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (contract, classes, names, 4, FALSE, "2026-06-01");

    g_assert_cmpuint (warnings->len, ==, 0);
  }

  /* Where we only receive, the assets listed are what we were given: no
   * "we disclose" alarm (a false one the board pack used to print). */
  {
    g_autoptr(MamoriContract) receiving = new_contract (MAMORI_CONTRACT_TYPE_LICENSE_IN, MAMORI_CONTRACT_POSITION_RECEIVER);
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (receiving, classes, names, 4, FALSE, "2026-06-01");

    for (guint i = 0; i < warnings->len; i++)
      g_assert_cmpint (((MamoriContractWarning *) g_ptr_array_index (warnings, i))->kind, !=,
                       MAMORI_CONTRACT_WARNING_SECRET_ASSET_UNPROTECTED);
  }

  /* Nothing secret disclosed: nothing to say either, whatever the review. */
  set_status (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_MISSING);
  {
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (contract, classes + 1, names + 1, 2, FALSE, "2026-06-01");
    g_autoptr(GPtrArray) none = mamori_contract_rules_check (contract, NULL, NULL, 0, FALSE, "2026-06-01");

    g_assert_cmpuint (warnings->len, ==, 0);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* Outside Group A, export control must be confirmed present. */
static void
test_export_control (void)
{
  g_autoptr(MamoriContract) contract = new_contract (MAMORI_CONTRACT_TYPE_LICENSE_OUT,
                                                     MAMORI_CONTRACT_POSITION_PROVIDER);
  const MamoriClauseStatus fires[] = { MAMORI_CLAUSE_UNREVIEWED, MAMORI_CLAUSE_MISSING, MAMORI_CLAUSE_NA };
  const MamoriClauseStatus quiet[] = { MAMORI_CLAUSE_OK, MAMORI_CLAUSE_CHANGE };

  for (guint i = 0; i < G_N_ELEMENTS (fires); i++)
    {
      g_autoptr(GPtrArray) outside = NULL;
      g_autoptr(GPtrArray) inside = NULL;
      const MamoriContractWarning *warning;

      set_status (contract, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, fires[i]);
      outside = mamori_contract_rules_check (contract, NULL, NULL, 0, TRUE, "2026-06-01");
      inside = mamori_contract_rules_check (contract, NULL, NULL, 0, FALSE, "2026-06-01");
      g_assert_cmpuint (outside->len, ==, 1);
      warning = find_warning (outside, MAMORI_CONTRACT_WARNING_NO_EXPORT_CONTROL);
      g_assert_nonnull (strstr (warning->message, "Group A"));
      g_assert_nonnull (strstr (warning->message, "Foreign Exchange Act"));
      g_assert_cmpuint (inside->len, ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    {
      g_autoptr(GPtrArray) outside = NULL;

      set_status (contract, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, quiet[i]);
      outside = mamori_contract_rules_check (contract, NULL, NULL, 0, TRUE, "2026-06-01");
      g_assert_cmpuint (outside->len, ==, 0);
    }
}

/* After the end, confidentiality still binds: keep the assets protected
 * and ask for them back. */
static void
test_expired (void)
{
  g_autoptr(MamoriContract) contract = new_contract (MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_POSITION_PROVIDER);
  const int classes[] = { 1, 0 };
  const char * const names[] = { "顧客名簿", "" };
  const MamoriContractWarning *warning;

  mamori_contract_set_stage (contract, MAMORI_CONTRACT_STAGE_SIGNED);
  mamori_contract_set_expires_on (contract, "2026-03-31");
  set_status (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_OK);

  /* Still running. */
  {
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (contract, classes, names, 2, FALSE, "2026-03-31");

    g_assert_cmpuint (warnings->len, ==, 0);
  }

  {
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (contract, classes, names, 2, FALSE, "2026-04-01");

    g_assert_cmpuint (warnings->len, ==, 1);
    warning = find_warning (warnings, MAMORI_CONTRACT_WARNING_EXPIRED_CONFIDENTIALITY_SURVIVES);
    g_assert_nonnull (strstr (warning->message, "still run after the end"));
    g_assert_nonnull (strstr (warning->message, "the disclosed assets “顧客名簿”, (no name) protected"));
    g_assert_nonnull (strstr (warning->message, "return or destroy"));
  }

  /* Nothing confirmed to survive: no reminder. */
  set_status (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_MISSING);
  set_status (contract, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL, MAMORI_CLAUSE_NA);
  {
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (contract, classes, names, 2, FALSE, "2027-01-01");

    g_assert_cmpuint (warnings->len, ==, 0);
  }

  /* Ended by hand, with no date, and a survival clause to be changed. */
  mamori_contract_set_expires_on (contract, "");
  mamori_contract_set_stage (contract, MAMORI_CONTRACT_STAGE_ENDED);
  set_status (contract, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL, MAMORI_CLAUSE_CHANGE);
  {
    g_autoptr(GPtrArray) warnings = mamori_contract_rules_check (contract, NULL, NULL, 0, FALSE, NULL);

    g_assert_cmpuint (warnings->len, ==, 1);
    warning = find_warning (warnings, MAMORI_CONTRACT_WARNING_EXPIRED_CONFIDENTIALITY_SURVIVES);
    g_assert_nonnull (strstr (warning->message, "the information disclosed under it"));
  }
}

/* All three at once come in their order. */
static void
test_all_warnings (void)
{
  g_autoptr(MamoriContract) contract = new_contract (MAMORI_CONTRACT_TYPE_MANUFACTURING,
                                                     MAMORI_CONTRACT_POSITION_PROVIDER);
  const int classes[] = { 3 };
  const char * const names[] = { "金型図面" };
  g_autoptr(GPtrArray) warnings = NULL;

  mamori_contract_set_expires_on (contract, "2025-12-31");
  set_status (contract, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL, MAMORI_CLAUSE_OK);
  warnings = mamori_contract_rules_check (contract, classes, names, 1, TRUE, "2026-01-01");
  g_assert_cmpuint (warnings->len, ==, 3);
  for (guint i = 0; i < warnings->len; i++)
    g_assert_cmpint (((MamoriContractWarning *) g_ptr_array_index (warnings, i))->kind, ==, i);
}

/* Only a named country that is not in Group A is outside it. */
static void
test_group_a (void)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_default ();

  g_assert_false (mamori_contract_rules_country_outside_group_a (catalog, "ドイツ"));
  g_assert_false (mamori_contract_rules_country_outside_group_a (catalog, "ﾄﾞｲﾂ"));
  g_assert_true (mamori_contract_rules_country_outside_group_a (catalog, "中国"));
  /* Japan is not abroad: not Group A, and not outside it either. */
  g_assert_false (mamori_contract_rules_country_outside_group_a (catalog, "日本"));
  g_assert_false (mamori_contract_rules_country_outside_group_a (catalog, "ＪＡＰＡＮ"));
  g_assert_true (mamori_contract_rules_country_is_japan ("Japan"));
  g_assert_false (mamori_contract_rules_country_is_japan ("日本海"));
  g_assert_false (mamori_contract_rules_country_outside_group_a (catalog, ""));
  g_assert_false (mamori_contract_rules_country_outside_group_a (catalog, " 　"));
  g_assert_false (mamori_contract_rules_country_outside_group_a (catalog, NULL));
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/contract-rules/cases", test_cases);
  g_test_add_func ("/contract-rules/table", test_table);
  g_test_add_func ("/contract-rules/count-open", test_count_open);
  g_test_add_func ("/contract-rules/secret-assets", test_secret_assets);
  g_test_add_func ("/contract-rules/export-control", test_export_control);
  g_test_add_func ("/contract-rules/expired", test_expired);
  g_test_add_func ("/contract-rules/all-warnings", test_all_warnings);
  g_test_add_func ("/contract-rules/group-a", test_group_a);

  return g_test_run ();
}
