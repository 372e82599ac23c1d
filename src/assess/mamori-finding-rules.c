/* mamori-finding-rules.c — every rule that turns records into findings, in one table
 *
 * Each rule reads the facts and adds findings with a likelihood and an
 * impact (1–3 each); severity is their product. The table at the end lists
 * the rules in the order they break ties, with how each sets both, in
 * words; README.md repeats it for users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-contract-rules.h"
#include "analysis/mamori-text.h"
#include "catalog/mamori-measures.h"
#include "mamori-findings.h"

/* Classes: 0 公開, 1 社外秘, 2 秘, 3 極秘. */
#define CLASS_INTERNAL 1
#define CLASS_SECRET   2

#define STALE_INCIDENT_DAYS 30

#define class_name(level) mamori_class_scheme_get_name (facts->scheme, (level))

/* The highest class among @ids that are still in the register; -1 if none is. */
static int
highest_class (const MamoriFacts *facts,
               GArray            *ids,
               guint             *n_held)
{
  int highest = -1;

  if (n_held != NULL)
    *n_held = 0;
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      MamoriAsset *asset = g_hash_table_lookup (facts->asset_by_id, &g_array_index (ids, gint64, i));

      if (asset == NULL)
        continue;
      if (n_held != NULL)
        (*n_held)++;
      highest = MAX (highest, mamori_asset_get_class (asset));
    }
  return highest;
}

static char *
impact_from_class (const MamoriFacts *facts,
                   int                impact,
                   int                level)
{
  if (impact > MAX (level, 1))
    /* Translators: the reason for a finding's impact, when its kind sets a floor above the classes involved */
    return g_strdup_printf (_("impact %d: findings of this kind weigh at least that much, whatever the assets involved"), impact);
  if (level < 1)
    /* Translators: the reason for a finding's impact; %s is a class name such as 社外秘 */
    return g_strdup_printf (_("impact %d: no asset of %s or above is involved"), impact, class_name (1));
  /* Translators: the reason for a finding's impact; %s is a class name such as 極秘 */
  return g_strdup_printf (_("impact %d: the highest class involved is %s"), impact, class_name (level));
}

static char *
key_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Assets -------------------------------------------------------------------- */

static void
collect_asset_routes (const MamoriFacts *facts,
                      MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (facts->assets, i);
      int level = mamori_asset_get_class (asset);
      guint mask = mamori_asset_get_uncovered (asset);
      g_autoptr(GString) routes = g_string_new (NULL);
      g_autofree char *key = NULL, *title = NULL, *reason = NULL, *facts_text = NULL, *action = NULL;
      guint uncovered = 0;
      int likelihood;

      if (level < CLASS_INTERNAL || mask == 0)
        continue;
      for (int route = 0; route < MAMORI_N_ROUTES; route++)
        if (mask & MAMORI_ROUTE_BIT (route))
          {
            if (routes->len > 0)
              g_string_append (routes, _(", "));
            g_string_append (routes, mamori_route_get_label (route));
            uncovered++;
          }
      likelihood = MIN ((int) uncovered, 3);
      key = key_id (mamori_asset_get_id (asset));
      /* Translators: a finding's title; %s is an asset's name, %u a number of leak routes */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s”: %u leak route not covered",
                                            "“%s”: %u leak routes not covered", uncovered),
                               mamori_asset_get_name (asset), uncovered);
      /* Translators: the reason for a finding's likelihood and impact */
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Impact %d: the asset is %s. Likelihood %d: %u of its leak routes has no measure adopted (3 or more: likelihood 3).",
                                             "Impact %d: the asset is %s. Likelihood %d: %u of its leak routes have no measure adopted (3 or more: likelihood 3).",
                                             uncovered),
                                level, class_name (level), likelihood, uncovered);
      facts_text = g_strdup_printf ("class %d, routes %u", level, mask);
      /* Translators: a finding's recommended action; %s lists leak routes */
      action = g_strdup_printf (_("Open the asset and adopt measures against leaks via %s, or lower its class if it was set too high."),
                                routes->str);
      mamori_finding_sink_add (sink, key, likelihood, level, title,
                               _("The guide asks for measures against every route by which classified information can leave the company: employees, people who have left, business partners and other outsiders."),
                               reason, action, facts_text,
                               MAMORI_RECORD_ASSET, mamori_asset_get_id (asset), NULL);
    }
}

static void
collect_trade_secret (const MamoriFacts *facts,
                      MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (facts->assets, i);
      int level = mamori_asset_get_class (asset);
      MamoriStrategy strategy = mamori_asset_get_strategy (asset);
      MamoriSecretFacts secret;
      g_autoptr(GString) failing = g_string_new (NULL);
      g_autoptr(GString) missing = g_string_new (NULL);
      g_autofree char *key = NULL, *title = NULL, *reason = NULL, *action = NULL;
      g_autofree char *facts_text = NULL;
      gboolean secrecy_fails;
      guint failing_mask = 0;

      if (level < CLASS_SECRET || strategy == MAMORI_STRATEGY_PATENT || strategy == MAMORI_STRATEGY_PUBLISH)
        continue;
      mamori_asset_get_secret_facts (asset, &secret);
      if (mamori_trade_secret_is_ready (&secret))
        continue;

      for (int requirement = 0; requirement < MAMORI_N_REQUIREMENTS; requirement++)
        {
          g_autoptr(GPtrArray) what = NULL;

          if (mamori_trade_secret_is_met (&secret, requirement))
            continue;
          failing_mask |= 1u << requirement;
          if (failing->len > 0)
            g_string_append (failing, _(", "));
          g_string_append (failing, mamori_requirement_get_label (requirement));
          what = mamori_trade_secret_dup_missing (&secret, requirement);
          for (guint j = 0; j < what->len; j++)
            {
              if (missing->len > 0)
                g_string_append (missing, _("; "));
              g_string_append (missing, g_ptr_array_index (what, j));
            }
        }
      secrecy_fails = !mamori_trade_secret_is_met (&secret, MAMORI_REQUIREMENT_SECRECY);

      key = key_id (mamori_asset_get_id (asset));
      /* Translators: a finding's title; the first %s is an asset's name, the second the requirements it fails */
      title = g_strdup_printf (_("“%s” would not be protected as a trade secret (%s)"),
                               mamori_asset_get_name (asset), failing->str);
      if (secrecy_fails)
        /* Translators: the reason for a finding's likelihood and impact */
        reason = g_strdup_printf (_("Impact %d: the asset is %s. Likelihood 3: secrecy management (秘密管理性) is not met, the requirement courts most often find missing."),
                                  level, class_name (level));
      else
        /* Translators: the reason for a finding's likelihood and impact */
        reason = g_strdup_printf (_("Impact %d: the asset is %s. Likelihood 2: secrecy management is met, another requirement is not."),
                                  level, class_name (level));
      /* Translators: a finding's recommended action; %s lists what is missing */
      action = g_strdup_printf (_("Fix what is missing: %s."), missing->str);
      mamori_finding_sink_add (sink, key, secrecy_fails ? 3 : 2, level, title,
                               _("Information kept secret is protected by the Unfair Competition Prevention Act only if it meets all three requirements: secrecy management, usefulness and not being publicly known."),
                               reason, action, (facts_text = g_strdup_printf ("failing %u, class %d", failing_mask, level)),
                               MAMORI_RECORD_ASSET, mamori_asset_get_id (asset), NULL);
    }
}

/* Contracts ----------------------------------------------------------------- */

static gboolean
contract_is_live (const MamoriFacts *facts,
                  MamoriContract    *contract)
{
  return mamori_contract_get_stage (contract) != MAMORI_CONTRACT_STAGE_ENDED &&
         !mamori_contract_is_expired (contract, facts->today);
}

static gboolean
contract_can_change (MamoriContract *contract)
{
  MamoriContractStage stage = mamori_contract_get_stage (contract);

  return stage == MAMORI_CONTRACT_STAGE_DRAFT || stage == MAMORI_CONTRACT_STAGE_NEGOTIATING;
}

static char *
likelihood_from_stage (MamoriContract *contract,
                       int            *likelihood)
{
  if (contract_can_change (contract))
    {
      *likelihood = 3;
      /* Translators: the reason for a finding's likelihood */
      return g_strdup (_("likelihood 3: the contract is still a draft or under negotiation, so it can still be changed"));
    }
  *likelihood = 2;
  /* Translators: the reason for a finding's likelihood */
  return g_strdup (_("likelihood 2: the contract is signed; changing it needs the counterparty’s agreement"));
}

static void
add_contract_finding (const MamoriFacts *facts,
                      MamoriFindingSink *sink,
                      MamoriContract    *contract,
                      int                min_impact,
                      const char        *title,
                      const char        *explanation,
                      const char        *action,
                      const char        *facts_text)
{
  int level = highest_class (facts, mamori_contract_get_asset_ids (contract), NULL);
  int impact = MAX (level, min_impact);
  int likelihood;
  g_autofree char *impact_reason = impact_from_class (facts, impact, level);
  g_autofree char *likelihood_reason = likelihood_from_stage (contract, &likelihood);
  /* Translators: joins the reasons for a finding's impact and likelihood */
  g_autofree char *reason = g_strdup_printf (_("%s; %s."), impact_reason, likelihood_reason);
  g_autofree char *key = key_id (mamori_contract_get_id (contract));
  g_autofree char *all_facts = g_strdup_printf ("%s, %s, class %d", facts_text,
                                                mamori_contract_enum_to_nick (MAMORI_TYPE_CONTRACT_STAGE,
                                                                              mamori_contract_get_stage (contract)),
                                                level);
  mamori_finding_sink_add (sink, key, likelihood, impact, title, explanation, reason, action, all_facts,
                           MAMORI_RECORD_CONTRACT, mamori_contract_get_id (contract), NULL);
}

static void
collect_contract_clauses (const MamoriFacts *facts,
                          MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->contracts->len; i++)
    {
      MamoriContract *contract = g_ptr_array_index (facts->contracts, i);
      guint mask = mamori_contract_rules_get_essential_mask (mamori_contract_get_contract_type (contract),
                                                             mamori_contract_get_position (contract));
      g_autoptr(GString) topics = g_string_new (NULL);
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *title = NULL;
      guint n = 0;

      if (!contract_is_live (facts, contract))
        continue;
      for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
        {
          MamoriClauseStatus status = mamori_contract_get_review (contract, topic)->status;

          if (!(mask & (1u << topic)) || (status != MAMORI_CLAUSE_MISSING && status != MAMORI_CLAUSE_CHANGE))
            continue;
          if (topics->len > 0)
            g_string_append (topics, _(", "));
          /* Translators: a clause topic and its review status, in a finding's title */
          g_string_append_printf (topics, _("%s (%s)"), mamori_contract_topic_get_label (topic),
                                  mamori_clause_status_get_label (status));
          g_string_append_printf (ids, "%s%s=%s", ids->len > 0 ? " " : "", mamori_contract_topic_get_id (topic),
                                  mamori_contract_enum_to_nick (MAMORI_TYPE_CLAUSE_STATUS, status));
          n++;
        }
      if (n == 0)
        continue;
      /* Translators: a finding's title; the first %s is a contract's title, the second lists clause topics */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s”: an essential clause is missing or must change: %s",
                                            "“%s”: essential clauses are missing or must change: %s", n),
                               mamori_contract_get_title (contract), topics->str);
      add_contract_finding (facts, sink, contract, 1, title,
                            _("The guide asks to read, before signing, how a contract treats the technology each side brings, the results and export control. These clauses are essential for this kind of contract and our position in it."),
                            _("Propose the missing clauses or the changes to the counterparty; the Contracts tab shows model wording for each."),
                            ids->str);
    }
}

static void
collect_contract_joint_ownership (const MamoriFacts *facts,
                                  MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->contracts->len; i++)
    {
      MamoriContract *contract = g_ptr_array_index (facts->contracts, i);
      gint64 id = mamori_contract_get_id (contract);
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (facts->contract_flags, &id));
      g_autofree char *title = NULL;

      if (!(flags & MAMORI_CONTRACT_FLAG_JOINT_OWNERSHIP) || !contract_is_live (facts, contract))
        continue;
      /* Translators: a finding's title; %s is a contract's title */
      title = g_strdup_printf (_("“%s”: results are to be owned jointly"), mamori_contract_get_title (contract));
      add_contract_finding (facts, sink, contract, 2, title,
                            _("Under Japanese patent law a jointly owned right cannot be licensed or assigned without the other owner’s consent: results owned jointly can keep us from using or licensing our own improvements."),
                            _("Agree who owns which results, or at least that each party may use and license them without the other’s consent."),
                            "joint ownership");
    }
}

static void
collect_contract_export_control (const MamoriFacts *facts,
                                 MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->contracts->len; i++)
    {
      MamoriContract *contract = g_ptr_array_index (facts->contracts, i);
      MamoriClauseStatus status = mamori_contract_get_review (contract, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL)->status;
      g_autofree char *title = NULL;
      g_autofree char *facts_text = NULL;

      if (!contract_is_live (facts, contract) || status == MAMORI_CLAUSE_OK || status == MAMORI_CLAUSE_CHANGE ||
          status == MAMORI_CLAUSE_NA ||
          !mamori_contract_rules_country_outside_group_a (facts->catalog, mamori_contract_get_country (contract)))
        continue;
      /* Translators: a finding's title; the first %s is a contract's title, the second a country */
      title = g_strdup_printf (_("“%s”: a counterparty in %s, outside Group A, without an export control clause"),
                               mamori_contract_get_title (contract), mamori_contract_get_country (contract));
      facts_text = g_strdup_printf ("%s, export control %s", mamori_contract_get_country (contract),
                                    mamori_contract_enum_to_nick (MAMORI_TYPE_CLAUSE_STATUS, status));
      add_contract_finding (facts, sink, contract, 3, title,
                            _("Technology provided to a counterparty outside Group A can need a licence under the Foreign Exchange and Foreign Trade Act, and can be passed on from there."),
                            _("Add a clause that binds the counterparty to export control and forbids re-export without our consent; check whether the technology needs a licence (Lookup tab)."),
                            facts_text);
    }
}

static void
collect_contract_licence (const MamoriFacts *facts,
                          MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->contracts->len; i++)
    {
      MamoriContract *contract = g_ptr_array_index (facts->contracts, i);
      gint64 id = mamori_contract_get_id (contract);
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (facts->contract_flags, &id));
      MamoriContractPosition position = mamori_contract_get_position (contract);
      g_autoptr(GString) what = g_string_new (NULL);
      g_autofree char *title = NULL;
      g_autofree char *facts_text = NULL;

      flags &= MAMORI_CONTRACT_FLAG_PERPETUAL_LICENSE | MAMORI_CONTRACT_FLAG_ROYALTY_FREE_LICENSE;
      /* Only a licence of our own technology: we provide it, or both do. */
      if (flags == 0 || position == MAMORI_CONTRACT_POSITION_RECEIVER || !contract_is_live (facts, contract))
        continue;
      for (guint bit = 0; bit < 8; bit++)
        if (flags & (1u << bit))
          {
            if (what->len > 0)
              g_string_append (what, _(", "));
            g_string_append (what, mamori_contract_flag_get_label (1u << bit));
          }
      /* Translators: a finding's title; the first %s is a contract's title, the second what the licence is */
      title = g_strdup_printf (_("“%s”: our technology is licensed %s"), mamori_contract_get_title (contract), what->str);
      add_contract_finding (facts, sink, contract, 2, title,
                            _("A licence without end or without payment gives our technology away for good: it cannot be taken back when the relationship ends."),
                            _("Limit the licence in time and field, and tie it to payment, or confirm in writing that giving it this way is intended."),
                            (facts_text = g_strdup_printf ("flags %u", flags)));
    }
}

static void
collect_contract_ended (const MamoriFacts *facts,
                        MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->contracts->len; i++)
    {
      MamoriContract *contract = g_ptr_array_index (facts->contracts, i);
      MamoriClauseStatus confidentiality = mamori_contract_get_review (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)->status;
      MamoriClauseStatus survival = mamori_contract_get_review (contract, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL)->status;
      GArray *ids = mamori_contract_get_asset_ids (contract);
      guint held;
      int level = highest_class (facts, ids, &held);
      g_autofree char *key = NULL, *title = NULL, *reason = NULL, *impact_reason = NULL, *facts_text = NULL;

      if (contract_is_live (facts, contract) || held == 0 ||
          !(confidentiality == MAMORI_CLAUSE_OK || confidentiality == MAMORI_CLAUSE_CHANGE ||
            survival == MAMORI_CLAUSE_OK || survival == MAMORI_CLAUSE_CHANGE))
        continue;
      key = key_id (mamori_contract_get_id (contract));
      /* Translators: a finding's title; %s is a contract's title, %u a number of assets */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "“%s” has ended while %u asset disclosed under it is still held",
                                            "“%s” has ended while %u assets disclosed under it are still held",
                                            held),
                               mamori_contract_get_title (contract), held);
      impact_reason = impact_from_class (facts, MAX (level, 1), level);
      /* Translators: the reason for a finding's likelihood; %s is the reason for its impact */
      reason = g_strdup_printf (_("%s; likelihood 2: what the counterparty received is still out there after the end."), impact_reason);
      facts_text = g_strdup_printf ("ended, %u assets held, class %d", held, level);
      mamori_finding_sink_add (sink, key, 2, MAX (level, 1), title,
                               _("Confidentiality obligations that run after the end protect only what is still identified and asked back: the information disclosed must be returned or destroyed, and kept protected on our side."),
                               reason,
                               _("Ask the counterparty in writing to return or destroy what it received and to confirm it; keep the disclosed assets protected as before."),
                               facts_text,
                               MAMORI_RECORD_CONTRACT, mamori_contract_get_id (contract), NULL);
    }
}

/* Screening and checks -------------------------------------------------------- */

/* A later check of the same counterparty found no match. */
static gboolean
cleared_later (const MamoriFacts *facts,
               MamoriScreening   *match)
{
  for (guint i = 0; i < facts->screenings->len; i++)
    {
      MamoriScreening *other = g_ptr_array_index (facts->screenings, i);

      if (other->id > match->id && g_str_equal (other->kind, "end-user") &&
          g_str_equal (other->outcome, "no-match") && g_str_equal (other->subject, match->subject))
        return TRUE;
    }
  return FALSE;
}

static void
collect_screening_match (const MamoriFacts *facts,
                         MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->screenings->len; i++)
    {
      MamoriScreening *screening = g_ptr_array_index (facts->screenings, i);
      g_autofree char *key = NULL, *title = NULL;

      if (!g_str_equal (screening->kind, "end-user") || !g_str_equal (screening->outcome, "match") ||
          screening->notes->len > 0 || cleared_later (facts, screening))
        continue;
      key = key_id (screening->id);
      /* Translators: a finding's title; %s is a counterparty's name */
      title = g_strdup_printf (_("“%s” matched the End User List and has not been cleared"), screening->subject);
      mamori_finding_sink_add (sink, key, 2, 3, title,
                               _("A counterparty on METI’s End User List may be involved in weapons of mass destruction: exporting to it without a licence can be a crime under the catch-all control, even for items not on the control list."),
                               _("Impact 3: a breach of the Foreign Exchange and Foreign Trade Act; likelihood 2: a name match can be another party of the same name."),
                               _("Check whether it is the same party (address, other names); record the reason it is cleared as a note on the screening record, or ask METI before any deal."),
                               "match, no note",
                               MAMORI_RECORD_SCREENING, screening->id, NULL);
    }
}

static const struct
{
  const char *kind;
  const char *outcome;
} needs_follow_up[] = {
  { "export-destination", "licence" },
  { "export-destination", "catch-all" },
  { "technology-transfer", "prior-report" },
  { "inward-investment", "notify" },
};

static void
collect_check_follow_up (const MamoriFacts *facts,
                         MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->screenings->len; i++)
    {
      MamoriScreening *screening = g_ptr_array_index (facts->screenings, i);
      g_autofree char *key = NULL, *title = NULL;
      gboolean needs = FALSE;

      for (gsize j = 0; j < G_N_ELEMENTS (needs_follow_up); j++)
        needs |= g_str_equal (screening->kind, needs_follow_up[j].kind) &&
                 g_str_equal (screening->outcome, needs_follow_up[j].outcome);
      if (!needs || screening->notes->len > 0)
        continue;
      key = key_id (screening->id);
      /* Translators: a finding's title; the first %s is the kind of check, the second what was checked */
      title = g_strdup_printf (_("%s of “%s”: a licence, report or notification is likely needed, and no follow-up is recorded"),
                               mamori_screening_kind_get_label (screening->kind), screening->subject);
      mamori_finding_sink_add (sink, key, 2, 3, title,
                               _("The guided check found that a licence, a prior report or a prior notification is likely needed. Going ahead without one can break the Foreign Exchange and Foreign Trade Act."),
                               _("Impact 3: a breach of the Foreign Exchange and Foreign Trade Act; likelihood 2: the check says “likely”, on the answers given."),
                               _("Ask the contact the check names and record what was decided as a note on the screening record."),
                               screening->outcome,
                               MAMORI_RECORD_SCREENING, screening->id, NULL);
    }
}

/* The catalog entry a screening record of one entry cites: its id is the
 * last parenthesized word of its inputs that names an entry. */
static const MamoriCatalogEntry *
cited_entry (const MamoriFacts *facts,
             MamoriScreening   *screening)
{
  /* Kept in the interface's language: Japanese writes （ ）. */
  g_autoptr(GString) inputs = g_string_new (screening->inputs);
  const char *end;

  g_string_replace (inputs, "（", "(", 0);
  g_string_replace (inputs, "）", ")", 0);
  end = inputs->str + inputs->len;
  while (end > inputs->str)
    {
      const char *close = g_strrstr_len (inputs->str, end - inputs->str, ")");
      const char *open;

      if (close == NULL)
        return NULL;
      open = g_strrstr_len (inputs->str, close - inputs->str, "(");
      if (open == NULL)
        return NULL;
      {
        g_autofree char *id = g_strndup (open + 1, close - open - 1);
        const MamoriCatalogEntry *entry = mamori_catalog_lookup (facts->catalog, id);

        if (entry != NULL)
          return entry;
      }
      end = open;
    }
  return NULL;
}

/* "2025-03-01" or "2025-03": more than a year before @today? */
static gboolean
is_over_a_year_old (const char *as_of,
                    const char *today)
{
  g_autofree char *year_ago = NULL;

  if (as_of == NULL || strlen (as_of) < 7 || strlen (today) != 10)
    return FALSE;
  year_ago = g_strdup_printf ("%04d%s", atoi (today) - 1, today + 4);
  return strncmp (as_of, year_ago, strlen (as_of)) < 0;
}

static void
collect_reference_stale (const MamoriFacts *facts,
                         MamoriFindingSink *sink)
{
  g_autoptr(GHashTable) by_entry = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < facts->screenings->len; i++)
    {
      MamoriScreening *screening = g_ptr_array_index (facts->screenings, i);
      const MamoriCatalogEntry *entry;
      const char *as_of;
      MamoriFinding *finding;

      if (!g_str_equal (screening->kind, "entry") || (entry = cited_entry (facts, screening)) == NULL)
        continue;
      as_of = !mamori_text_is_blank (entry->as_of) ? entry->as_of : entry->list->as_of;
      if (!is_over_a_year_old (as_of, facts->today))
        continue;
      finding = g_hash_table_lookup (by_entry, entry);
      if (finding == NULL)
        {
          g_autofree char *title = NULL, *reason = NULL;

          /* Translators: a finding's title; the first %s is a reference entry's name, the second a date */
          title = g_strdup_printf (_("“%s” is cited as of %s, over a year ago: check it again"),
                                   mamori_catalog_entry_get_name (entry), as_of);
          /* Translators: the reason for a finding's likelihood and impact */
          reason = g_strdup_printf (_("Impact 1: a record rests on it; likelihood 2: official lists change every year or so (as of %s)."), as_of);
          finding = mamori_finding_sink_add (sink, entry->id, 2, 1, title,
                                             _("Records in this workspace rely on a reference entry that was last confirmed over a year ago. Official lists and criteria change: what was true then may not be now."),
                                             reason,
                                             _("Check the entry against its source (shown in the Lookup tab) or update the reference data, then check the record again."),
                                             as_of, MAMORI_RECORD_SCREENING, screening->id, NULL);
          g_hash_table_insert (by_entry, (gpointer) entry, finding);
          continue;
        }
      mamori_finding_add_record (finding, MAMORI_RECORD_SCREENING, screening->id, NULL);
    }
}

/* Checklists ----------------------------------------------------------------- */

static void
collect_checklist_overdue (const MamoriFacts *facts,
                           MamoriFindingSink *sink)
{
  for (guint c = 0; c < mamori_checklist_catalog_get_n_checklists (facts->checklists); c++)
    {
      const MamoriChecklist *checklist = mamori_checklist_catalog_get_checklist (facts->checklists, c);
      MamoriChecklistProgress progress = { 0 };
      g_autofree char *title = NULL, *reason = NULL, *facts_text = NULL;
      MamoriFinding *finding;
      int likelihood;

      for (guint i = 0; i < mamori_checklist_get_n_items (checklist); i++)
        mamori_checklist_progress_add (&progress,
                                       g_hash_table_lookup (facts->item_states,
                                                            mamori_checklist_item_get_id (mamori_checklist_get_item (checklist, i))),
                                       facts->now);
      if (progress.overdue == 0)
        continue;
      likelihood = progress.overdue >= 3 ? 3 : 2;
      /* Translators: a finding's title; %s is a checklist's title, %u a number of items */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u item overdue", "%s: %u items overdue", progress.overdue),
                               mamori_checklist_get_title (checklist), progress.overdue);
      /* Translators: the reason for a finding's likelihood and impact */
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Impact 2: a measure the company planned is not in place; likelihood %d: %u item is past its due date (3 or more: likelihood 3).",
                                             "Impact 2: a measure the company planned is not in place; likelihood %d: %u items are past their due date (3 or more: likelihood 3).",
                                             progress.overdue),
                                likelihood, progress.overdue);
      facts_text = g_strdup_printf ("%u overdue", progress.overdue);
      finding = mamori_finding_sink_add (sink, mamori_checklist_get_id (checklist), likelihood, 2, title,
                                         _("Items were given a due date that has passed without them being done."),
                                         reason,
                                         _("Finish the overdue items, or give them a new date and an owner who can keep it."),
                                         facts_text,
                                         MAMORI_RECORD_CHECKLIST, 0, mamori_checklist_get_id (checklist));
      /* The incident playbook is the guide's section D, the approaches its B. */
      finding->guide_section = mamori_checklist_get_guide_section (checklist);
    }
}

static void
collect_checklist_not_started (const MamoriFacts *facts,
                               MamoriFindingSink *sink)
{
  for (guint c = 0; c < mamori_checklist_catalog_get_n_checklists (facts->checklists); c++)
    {
      const MamoriChecklist *checklist = mamori_checklist_catalog_get_checklist (facts->checklists, c);
      gboolean basic = g_str_equal (mamori_checklist_get_id (checklist), "basic-cyber");
      gboolean started = FALSE;
      g_autofree char *title = NULL;

      /* Section D's checklists are for when something happens. */
      if (!g_str_equal (mamori_checklist_get_guide_section (checklist), "C"))
        continue;
      for (guint i = 0; i < mamori_checklist_get_n_items (checklist) && !started; i++)
        {
          const MamoriItemState *state = g_hash_table_lookup (facts->item_states,
                                                              mamori_checklist_item_get_id (mamori_checklist_get_item (checklist, i)));

          started = state != NULL && state->status != MAMORI_ITEM_NOT_STARTED;
        }
      if (started)
        continue;
      /* Translators: a finding's title; %s is a checklist's title */
      title = g_strdup_printf (_("%s: not started"), mamori_checklist_get_title (checklist));
      mamori_finding_sink_add (sink, mamori_checklist_get_id (checklist), basic ? 2 : 1, basic ? 2 : 1, title,
                               basic ? _("The basic measures are where the guide asks every company to begin: most attacks on small companies succeed through one of them.")
                               : _("No item of this checklist has been looked at yet."),
                               basic ? _("Impact 2 and likelihood 2: the basic measures are the guide’s first step for every company.")
                               : _("Impact 1 and likelihood 1: a further checklist, to take on after the basic measures."),
                               _("Open the checklist and mark each item done, in progress or not applicable."),
                               "not started",
                               MAMORI_RECORD_CHECKLIST, 0, mamori_checklist_get_id (checklist));
    }
}

/* Incidents ------------------------------------------------------------------- */

static int
incident_impact (const MamoriFacts *facts,
                 MamoriIncident    *incident,
                 char             **reason)
{
  int level = highest_class (facts, incident->asset_ids, NULL);
  int impact = MAX (level, 2);

  /* An insider knows where the most valuable information is. */
  if (incident->kind == MAMORI_INCIDENT_INSIDER)
    impact = 3;
  if (incident->kind == MAMORI_INCIDENT_INSIDER && level < 3)
    /* Translators: the reason for a finding's impact */
    *reason = g_strdup (_("impact 3: a suspected leak by an insider"));
  else if (level >= 2)
    *reason = impact_from_class (facts, impact, level);
  else
    /* Translators: the reason for a finding's impact; %s is a class name such as 秘 */
    *reason = g_strdup_printf (_("impact 2: an incident, with no asset of %s or above linked"), class_name (2));
  return impact;
}

static void
collect_incident_open (const MamoriFacts *facts,
                       MamoriFindingSink *sink)
{
  for (guint i = 0; i < facts->incidents->len; i++)
    {
      MamoriIncident *incident = g_ptr_array_index (facts->incidents, i);
      g_autofree char *key = NULL, *title = NULL, *impact_reason = NULL, *reason = NULL, *facts_text = NULL;
      int impact;

      if (incident->status == MAMORI_INCIDENT_CLOSED)
        continue;
      impact = incident_impact (facts, incident, &impact_reason);
      key = key_id (incident->id);
      /* Translators: a finding's title; the first %s is an incident's title, the second its state */
      title = g_strdup_printf (_("Incident “%s” is %s"), incident->title,
                               mamori_incident_status_get_label (incident->status));
      /* Translators: the reason for a finding's likelihood; %s is the reason for its impact */
      reason = g_strdup_printf (_("%s; likelihood 3: it is happening now."), impact_reason);
      facts_text = g_strdup_printf ("%d, impact %d", (int) incident->status, impact);
      mamori_finding_sink_add (sink, key, 3, impact, title,
                               _("An incident stays open until it is contained, its cause found, and those who must be told have been."),
                               reason,
                               _("Work through the incident’s playbook: contain it, keep the evidence, tell whom it names, and close it when done."),
                               facts_text,
                               MAMORI_RECORD_INCIDENT, incident->id, NULL);
    }
}

static void
collect_incident_stale (const MamoriFacts *facts,
                        MamoriFindingSink *sink)
{
  g_autoptr(GDateTime) now_utc = g_date_time_to_utc (facts->now);
  g_autoptr(GDateTime) limit = g_date_time_add_days (now_utc, -STALE_INCIDENT_DAYS);
  g_autofree char *limit_text = g_date_time_format (limit, "%Y-%m-%dT%H:%M:%SZ");

  for (guint i = 0; i < facts->incidents->len; i++)
    {
      MamoriIncident *incident = g_ptr_array_index (facts->incidents, i);
      g_autofree char *key = NULL, *title = NULL, *impact_reason = NULL, *reason = NULL, *facts_text = NULL;
      int impact;

      if (incident->status == MAMORI_INCIDENT_CLOSED || strcmp (incident->created, limit_text) >= 0)
        continue;
      impact = incident_impact (facts, incident, &impact_reason);
      key = key_id (incident->id);
      /* Translators: a finding's title; %s is an incident's title, %d a number of days */
      title = g_strdup_printf (_("Incident “%s” has been open for more than %d days"), incident->title, STALE_INCIDENT_DAYS);
      /* Translators: the reason for a finding's likelihood; %s is the reason for its impact */
      reason = g_strdup_printf (_("%s; likelihood 2: the longer an incident stays open, the more evidence and deadlines are lost."), impact_reason);
      mamori_finding_sink_add (sink, key, 2, impact, title,
                               _("Reports to the authorities and to those affected have deadlines counted in days, and evidence fades: an incident open for a month needs a decision."),
                               reason,
                               _("Decide what is still needed to close it, who does it and by when; ask the contacts its playbook names if you are stuck."),
                               (facts_text = g_strdup_printf ("open over 30 days, impact %d", impact)),
                               MAMORI_RECORD_INCIDENT, incident->id, NULL);
    }
}

/* The organization -------------------------------------------------------------- */

static void
collect_profile (const MamoriFacts *facts,
                 MamoriFindingSink *sink)
{

  if (mamori_profile_get_display_name (facts->profile, FALSE) == NULL)
    {
      mamori_finding_sink_add (sink, "profile", 3, 1, _("The organization is not named"),
                               _("Every pack and report names the organization it is about; without a profile they cannot, and the checks cannot use what the profile says (exports, foreign investors)."),
                               _("Impact 1: it changes no protection by itself; likelihood 3: every pack misses it."),
                               _("Fill in the organization profile (Ctrl+,)."),
                               "no name",
                               MAMORI_RECORD_PROFILE, 1, NULL);
    }
  if (mamori_text_is_blank (mamori_profile_get_security_officer (facts->profile)))
    {
      mamori_finding_sink_add (sink, "security-officer", 2, 2, _("No security officer is named"),
                               _("The guide asks every company to name who is responsible for economic security and information security, so that measures have an owner and staff know whom to tell."),
                               _("Impact 2 and likelihood 2: without an owner, measures and incidents wait."),
                               _("Name the security officer in the organization profile (Ctrl+,)."),
                               "no officer",
                               MAMORI_RECORD_PROFILE, 1, NULL);
    }
}

/* The table ------------------------------------------------------------------ */

const MamoriFindingRule mamori_finding_rules[] = {
  { "incident-open", "D",
    "3: it is happening", "the highest class of its linked assets, at least 2; 3 for an insider",
    collect_incident_open },
  { "screening-match", "B",
    "2: a name match can be another party", "3: a breach of the Foreign Exchange Act",
    collect_screening_match },
  { "check-follow-up", "B",
    "2: the check says likely", "3: a breach of the Foreign Exchange Act",
    collect_check_follow_up },
  { "contract-export-control", "B",
    "3 while draft or negotiating, 2 once signed", "the highest class disclosed, at least 3",
    collect_contract_export_control },
  { "asset-trade-secret", "A",
    "3 if secrecy management fails, else 2", "the asset's class (秘 2, 極秘 3)",
    collect_trade_secret },
  { "asset-routes", "A",
    "the number of routes not covered, at most 3", "the asset's class (社外秘 1, 秘 2, 極秘 3)",
    collect_asset_routes },
  { "contract-clauses", "B",
    "3 while draft or negotiating, 2 once signed", "the highest class disclosed, at least 1",
    collect_contract_clauses },
  { "contract-joint-ownership", "B",
    "3 while draft or negotiating, 2 once signed", "the highest class disclosed, at least 2",
    collect_contract_joint_ownership },
  { "contract-licence", "B",
    "3 while draft or negotiating, 2 once signed", "the highest class disclosed, at least 2",
    collect_contract_licence },
  { "contract-ended", "B",
    "2: the information is still out there", "the highest class still held, at least 1",
    collect_contract_ended },
  { "incident-stale", "D",
    "2: evidence and deadlines are lost", "as for an open incident",
    collect_incident_stale },
  { "checklist-overdue", "C", /* each finding takes its checklist's own section */
    "3 with 3 or more items overdue, else 2", "2",
    collect_checklist_overdue },
  { "checklist-not-started", "C",
    "2 for the basic measures, else 1", "2 for the basic measures, else 1",
    collect_checklist_not_started },
  { "profile-missing", "—",
    "profile 3, officer 2", "profile 1, officer 2",
    collect_profile },
  { "reference-stale", "B",
    "2: official lists change", "1",
    collect_reference_stale },
};

const guint mamori_n_finding_rules = G_N_ELEMENTS (mamori_finding_rules);
