/* mamori-findings.c — facts, statuses, ordering, rating, figures and snapshots
 *
 * The rules themselves are in one table in mamori-finding-rules.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-contract-rules.h"
#include "analysis/mamori-text.h"
#include "mamori-findings.h"

/* Facts -------------------------------------------------------------------- */

static gboolean
load_facts (MamoriStore  *store,
            gpointer      user_data,
            GError      **error)
{
  MamoriFacts *facts = user_data;
  g_autoptr(GPtrArray) snapshots = NULL;

  facts->scheme = mamori_store_dup_class_scheme (store);
  if ((facts->profile = mamori_store_dup_profile (store, error)) == NULL ||
      (facts->assets = mamori_store_dup_assets (store, error)) == NULL ||
      (facts->contracts = mamori_store_dup_contracts (store, error)) == NULL ||
      (facts->contract_flags = mamori_store_dup_contract_flags (store, error)) == NULL ||
      (facts->screenings = mamori_store_dup_screenings (store, error)) == NULL ||
      (facts->item_states = mamori_store_dup_item_states (store, error)) == NULL ||
      (facts->incidents = mamori_store_dup_incidents (store, error)) == NULL ||
      (facts->actions = mamori_store_dup_actions (store, error)) == NULL ||
      (facts->dismissals = mamori_store_dup_dismissals (store, error)) == NULL ||
      (snapshots = mamori_store_dup_snapshots (store, 1, error)) == NULL)
    return FALSE;
  if (snapshots->len > 0)
    facts->snapshot = g_ptr_array_steal_index (snapshots, 0);
  return TRUE;
}

/**
 * mamori_facts_load_default:
 *
 * mamori_facts_load() with the bundled reference catalog and checklists.
 */
MamoriFacts *
mamori_facts_load_default (MamoriStore  *store,
                           GDateTime    *now,
                           GError      **error)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_default ();
  g_autoptr(MamoriChecklistCatalog) checklists = mamori_checklist_catalog_dup_default (error);

  if (checklists == NULL)
    return NULL;
  return mamori_facts_load (store, catalog, checklists, now, error);
}

/**
 * mamori_facts_load:
 * @now: the moment to judge by (due dates, ages), in the user's time zone
 *
 * Reads everything the rules need from @store, in one read transaction so
 * the facts agree with each other.
 */
MamoriFacts *
mamori_facts_load (MamoriStore            *store,
                   MamoriCatalog          *catalog,
                   MamoriChecklistCatalog *checklists,
                   GDateTime              *now,
                   GError                **error)
{
  g_autoptr(MamoriFacts) facts = g_new0 (MamoriFacts, 1);

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);
  g_return_val_if_fail (catalog != NULL && checklists != NULL && now != NULL, NULL);

  facts->now = g_date_time_ref (now);
  facts->today = g_date_time_format (now, "%Y-%m-%d");
  facts->catalog = mamori_catalog_ref (catalog);
  facts->checklists = mamori_checklist_catalog_ref (checklists);
  if (!mamori_store_read (store, load_facts, facts, error))
    return NULL;

  facts->asset_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  facts->asset_ids = g_new (gint64, MAX (facts->assets->len, 1));
  for (guint i = 0; i < facts->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (facts->assets, i);

      facts->asset_ids[i] = mamori_asset_get_id (asset);
      g_hash_table_insert (facts->asset_by_id, &facts->asset_ids[i], asset);
    }
  return g_steal_pointer (&facts);
}

void
mamori_facts_free (MamoriFacts *facts)
{
  if (facts == NULL)
    return;
  g_clear_pointer (&facts->asset_by_id, g_hash_table_unref);
  g_free (facts->asset_ids);
  g_clear_pointer (&facts->now, g_date_time_unref);
  g_free (facts->today);
  g_clear_object (&facts->profile);
  g_clear_pointer (&facts->scheme, mamori_class_scheme_free);
  g_clear_pointer (&facts->assets, g_ptr_array_unref);
  g_clear_pointer (&facts->contracts, g_ptr_array_unref);
  g_clear_pointer (&facts->contract_flags, g_hash_table_unref);
  g_clear_pointer (&facts->screenings, g_ptr_array_unref);
  g_clear_pointer (&facts->item_states, g_hash_table_unref);
  g_clear_pointer (&facts->incidents, g_ptr_array_unref);
  g_clear_pointer (&facts->actions, g_ptr_array_unref);
  g_clear_pointer (&facts->dismissals, g_hash_table_unref);
  g_clear_pointer (&facts->snapshot, mamori_snapshot_free);
  g_clear_pointer (&facts->catalog, mamori_catalog_unref);
  g_clear_pointer (&facts->checklists, mamori_checklist_catalog_unref);
  g_free (facts);
}

/* Findings ----------------------------------------------------------------- */

const char *
mamori_record_type_get_id (MamoriRecordType type)
{
  static const char * const ids[] = { "profile", "asset", "contract", "screening", "checklist", "incident" };

  g_return_val_if_fail (type < G_N_ELEMENTS (ids), "profile");
  return ids[type];
}

const char *
mamori_finding_status_get_id (MamoriFindingStatus status)
{
  static const char * const ids[] = { "new", "open", "accepted", "dismissed" };

  g_return_val_if_fail (status < G_N_ELEMENTS (ids), "new");
  return ids[status];
}

const char *
mamori_finding_status_get_label (MamoriFindingStatus status)
{
  switch (status)
    {
    /* Translators: the state of a finding */
    case MAMORI_FINDING_NEW: return C_("finding", "New");
    case MAMORI_FINDING_OPEN: return C_("finding", "Open");
    case MAMORI_FINDING_ACCEPTED: return C_("finding", "In the Plan");
    case MAMORI_FINDING_DISMISSED: return C_("finding", "Dismissed");
    default:
      g_return_val_if_reached ("");
    }
}

int
mamori_finding_get_severity (const MamoriFinding *finding)
{
  return finding->likelihood * finding->impact;
}

void
mamori_finding_free (MamoriFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->key);
  g_free (finding->title);
  g_free (finding->explanation);
  g_free (finding->reason);
  g_free (finding->action);
  g_free (finding->facts);
  g_free (finding->dismissal);
  g_array_unref (finding->records);
  g_free (finding);
}

struct _MamoriFindingSink
{
  GPtrArray               *findings;
  const MamoriFindingRule *rule;
  guint                    order;
};

MamoriFinding *
mamori_finding_sink_add (MamoriFindingSink *sink,
                         const char        *key_records,
                         int                likelihood,
                         int                impact,
                         const char        *title,
                         const char        *explanation,
                         const char        *reason,
                         const char        *action,
                         const char        *facts,
                         MamoriRecordType   record_type,
                         gint64             record_id,
                         const char        *record_key)
{
  MamoriFinding *finding = g_new0 (MamoriFinding, 1);

  finding->key = g_strdup_printf ("%s:%s", sink->rule->kind, key_records);
  finding->kind = sink->rule->kind;
  finding->guide_section = sink->rule->guide_section;
  finding->likelihood = CLAMP (likelihood, 1, 3);
  finding->impact = CLAMP (impact, 1, 3);
  finding->title = g_strdup (title);
  finding->explanation = g_strdup (explanation);
  finding->reason = g_strdup (reason);
  finding->action = g_strdup (action);
  finding->facts = g_strdup (facts);
  finding->records = g_array_new (FALSE, FALSE, sizeof (MamoriRecordRef));
  finding->order = sink->order;
  mamori_finding_add_record (finding, record_type, record_id, record_key);
  g_ptr_array_add (sink->findings, finding);
  return finding;
}

void
mamori_finding_add_record (MamoriFinding    *finding,
                           MamoriRecordType  type,
                           gint64            id,
                           const char       *key)
{
  MamoriRecordRef ref = { type, id, key };

  g_array_append_val (finding->records, ref);
}

/* Most severe first; then higher impact, higher likelihood, the rules'
 * order, and the key, so that the order never changes by itself. */
static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const MamoriFinding *fa = *(MamoriFinding * const *) a;
  const MamoriFinding *fb = *(MamoriFinding * const *) b;
  int diff;

  if ((diff = mamori_finding_get_severity (fb) - mamori_finding_get_severity (fa)) != 0 ||
      (diff = fb->impact - fa->impact) != 0 ||
      (diff = fb->likelihood - fa->likelihood) != 0 ||
      (diff = (int) fa->order - (int) fb->order) != 0)
    return diff;
  return strcmp (fa->key, fb->key);
}

/* The keys of @snapshot's findings, for looking up many. */
static GHashTable *
dup_snapshot_keys (const MamoriSnapshot *snapshot)
{
  GHashTable *keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; snapshot != NULL && i < snapshot->findings->len; i++)
    g_hash_table_add (keys, ((MamoriSnapshotFinding *) g_ptr_array_index (snapshot->findings, i))->key);
  return keys;
}

static void
apply_decisions (const MamoriFacts *facts,
                 GHashTable        *snapshot_keys,
                 GHashTable        *actions_by_key,
                 MamoriFinding     *finding)
{
  MamoriAction *action = g_hash_table_lookup (actions_by_key, finding->key);
  MamoriDismissal *dismissal;

  finding->status = g_hash_table_contains (snapshot_keys, finding->key) ? MAMORI_FINDING_OPEN : MAMORI_FINDING_NEW;

  /* An action about it: the plan has taken it on. */
  if (action != NULL)
    {
      finding->status = MAMORI_FINDING_ACCEPTED;
      finding->action_id = action->id;
      return;
    }

  dismissal = g_hash_table_lookup (facts->dismissals, finding->key);
  if (dismissal == NULL)
    return;
  {
    g_autofree char *date = mamori_text_format_local_time (dismissal->dismissed_at, "%Y-%m-%d");

    if (g_str_equal (dismissal->facts, finding->facts))
      {
        finding->status = MAMORI_FINDING_DISMISSED;
        /* Translators: why a finding is dismissed: who, on which date, the reason typed */
        finding->dismissal = g_strdup_printf (_("Dismissed by %s on %s: %s"), dismissal->dismissed_by, date,
                                              dismissal->reason);
      }
    else
      /* Translators: a dismissed finding that came back: date, the reason typed, the finding's title then */
      finding->dismissal = g_strdup_printf (_("Dismissed on %s (%s), but its facts have changed since. It was: %s"),
                                            date, dismissal->reason, dismissal->title);
  }
}

/**
 * mamori_findings_compute:
 *
 * Runs every rule over @facts.
 *
 * Returns: (transfer full) (element-type MamoriFinding): the findings, most
 *   severe first, each with its status from the plan, the dismissals and
 *   the latest snapshot
 */
GPtrArray *
mamori_findings_compute (const MamoriFacts *facts)
{
  MamoriFindingSink sink = { g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_finding_free), NULL, 0 };

  g_return_val_if_fail (facts != NULL, NULL);

  for (guint i = 0; i < mamori_n_finding_rules; i++)
    {
      sink.rule = &mamori_finding_rules[i];
      sink.order = i;
      sink.rule->collect (facts, &sink);
    }
  {
    g_autoptr(GHashTable) snapshot_keys = dup_snapshot_keys (facts->snapshot);
    g_autoptr(GHashTable) actions_by_key = g_hash_table_new (g_str_hash, g_str_equal);

    /* An action still to do takes the finding on (the newest, if several).
     * Once it is done or dropped and the finding is still there, the
     * finding counts again as it did before. */
    for (guint i = 0; i < facts->actions->len; i++)
      {
        MamoriAction *action = g_ptr_array_index (facts->actions, i);

        if (action->finding_key[0] != '\0' && !mamori_action_is_closed (action))
          g_hash_table_insert (actions_by_key, action->finding_key, action);
      }
    for (guint i = 0; i < sink.findings->len; i++)
      apply_decisions (facts, snapshot_keys, actions_by_key, g_ptr_array_index (sink.findings, i));
  }
  g_ptr_array_sort (sink.findings, compare_findings);
  return sink.findings;
}

/**
 * mamori_findings_lookup:
 * @findings: (nullable): of #MamoriFinding
 * @key: (nullable): a finding's key; "" or %NULL finds nothing
 *
 * Returns: (transfer none) (nullable): the finding with @key
 */
MamoriFinding *
mamori_findings_lookup (GPtrArray  *findings,
                        const char *key)
{
  for (guint i = 0; findings != NULL && key != NULL && key[0] != '\0' && i < findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->key, key))
        return finding;
    }
  return NULL;
}

/* Rating ------------------------------------------------------------------- */

const char *
mamori_overall_get_id (MamoriOverall rating)
{
  static const char * const ids[] = { "green", "amber", "red" };

  g_return_val_if_fail (rating <= MAMORI_OVERALL_RED, "green");
  return ids[rating];
}

const char *
mamori_overall_get_label (MamoriOverall rating)
{
  switch (rating)
    {
    /* Translators: the overall rating of a workspace */
    case MAMORI_OVERALL_GREEN: return _("Green");
    case MAMORI_OVERALL_AMBER: return _("Amber");
    case MAMORI_OVERALL_RED: return _("Red");
    default:
      g_return_val_if_reached ("");
    }
}

/* Severity from which a finding is high (red), and medium (amber). */
#define SEVERITY_HIGH   6
#define SEVERITY_MEDIUM 3

/**
 * mamori_findings_rate:
 * @rule: (out) (optional) (transfer full): the rule that gave the rating, in words
 *
 * Red while any finding not dismissed has a severity of 6 or more; amber
 * while any has 3 or more; green otherwise.
 */
MamoriOverall
mamori_findings_rate (GPtrArray  *findings,
                      char      **rule)
{
  guint high = 0, medium = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (findings, i);
      int severity = mamori_finding_get_severity (finding);

      if (finding->status == MAMORI_FINDING_DISMISSED)
        continue;
      if (severity >= SEVERITY_HIGH)
        high++;
      else if (severity >= SEVERITY_MEDIUM)
        medium++;
    }

  if (high > 0)
    {
      if (rule != NULL)
        *rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Red: %u finding has a severity of 6 or more (likelihood × impact) and is not dismissed.",
                                              "Red: %u findings have a severity of 6 or more (likelihood × impact) and are not dismissed.",
                                              high),
                                 high);
      return MAMORI_OVERALL_RED;
    }
  if (medium > 0)
    {
      if (rule != NULL)
        *rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Amber: no finding has a severity of 6 or more, but %u has 3 or more.",
                                              "Amber: no finding has a severity of 6 or more, but %u have 3 or more.",
                                              medium),
                                 medium);
      return MAMORI_OVERALL_AMBER;
    }
  if (rule != NULL)
    *rule = g_strdup (_("Green: every finding not dismissed has a severity below 3."));
  return MAMORI_OVERALL_GREEN;
}

/* Figures ------------------------------------------------------------------ */

static const struct
{
  const char *id;
  const char *label;
} figures[MAMORI_N_FIGURES] = {
  { "assets", N_("Assets in the register") },
  { "assets-classified", N_("Assets in a class above public") },
  { "assets-exposed", N_("Classified assets with leak routes not covered") },
  { "contracts", N_("Contracts") },
  { "contract-gaps", N_("Contracts with essential clauses missing or to change") },
  { "screenings", N_("Screening records") },
  { "screenings-pending", N_("Matches and check results without a follow-up") },
  { "checklist-percent", N_("Cyber checklist items done (%)") },
  { "checklist-overdue", N_("Checklist items overdue") },
  { "incidents-open", N_("Open incidents") },
  { "findings-open", N_("Findings not dismissed") },
  { "findings-high", N_("Findings of severity 6 or more") },
  { "actions-open", N_("Actions open") },
  { "actions-overdue", N_("Actions overdue") },
};

const char *
mamori_figure_get_id (MamoriFigure figure)
{
  g_return_val_if_fail (figure < MAMORI_N_FIGURES, "");
  return figures[figure].id;
}

const char *
mamori_figure_get_label (MamoriFigure figure)
{
  g_return_val_if_fail (figure < MAMORI_N_FIGURES, "");
  return _(figures[figure].label);
}

static gboolean
contract_has_gap (MamoriContract *contract)
{
  guint mask = mamori_contract_rules_get_essential_mask (mamori_contract_get_contract_type (contract),
                                                         mamori_contract_get_position (contract));

  for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    {
      MamoriClauseStatus status = mamori_contract_get_review (contract, topic)->status;

      if ((mask & (1u << topic)) && (status == MAMORI_CLAUSE_MISSING || status == MAMORI_CLAUSE_CHANGE))
        return TRUE;
    }
  return FALSE;
}

void
mamori_figures_compute (const MamoriFacts *facts,
                        GPtrArray         *findings,
                        int                values[MAMORI_N_FIGURES])
{
  MamoriChecklistProgress cyber = { 0 }, all = { 0 };

  memset (values, 0, sizeof (int) * MAMORI_N_FIGURES);

  values[MAMORI_FIGURE_ASSETS] = (int) facts->assets->len;
  for (guint i = 0; i < facts->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (facts->assets, i);

      if (mamori_asset_get_class (asset) >= 1)
        {
          values[MAMORI_FIGURE_ASSETS_CLASSIFIED]++;
          if (mamori_asset_get_uncovered (asset) > 0)
            values[MAMORI_FIGURE_ASSETS_EXPOSED]++;
        }
    }

  values[MAMORI_FIGURE_CONTRACTS] = (int) facts->contracts->len;
  for (guint i = 0; i < facts->contracts->len; i++)
    {
      MamoriContract *contract = g_ptr_array_index (facts->contracts, i);

      /* As the rules see it: only contracts that still run (not ended or expired). */
      if (mamori_contract_get_stage (contract) != MAMORI_CONTRACT_STAGE_ENDED &&
          !mamori_contract_is_expired (contract, facts->today) && contract_has_gap (contract))
        values[MAMORI_FIGURE_CONTRACT_GAPS]++;
    }

  values[MAMORI_FIGURE_SCREENINGS] = (int) facts->screenings->len;

  for (guint c = 0; c < mamori_checklist_catalog_get_n_checklists (facts->checklists); c++)
    {
      const MamoriChecklist *checklist = mamori_checklist_catalog_get_checklist (facts->checklists, c);
      gboolean is_cyber = g_str_equal (mamori_checklist_get_guide_section (checklist), "C");

      for (guint i = 0; i < mamori_checklist_get_n_items (checklist); i++)
        {
          const char *id = mamori_checklist_item_get_id (mamori_checklist_get_item (checklist, i));
          const MamoriItemState *state = g_hash_table_lookup (facts->item_states, id);

          mamori_checklist_progress_add (&all, state, facts->now);
          if (is_cyber)
            mamori_checklist_progress_add (&cyber, state, facts->now);
        }
    }
  values[MAMORI_FIGURE_CHECKLIST_PERCENT] = cyber.applicable > 0 ? (int) (cyber.done * 100 / cyber.applicable) : 0;
  values[MAMORI_FIGURE_CHECKLIST_OVERDUE] = (int) all.overdue;

  for (guint i = 0; i < facts->incidents->len; i++)
    if (((MamoriIncident *) g_ptr_array_index (facts->incidents, i))->status != MAMORI_INCIDENT_CLOSED)
      values[MAMORI_FIGURE_INCIDENTS_OPEN]++;

  for (guint i = 0; i < findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (findings, i);

      if (finding->status == MAMORI_FINDING_DISMISSED)
        continue;
      values[MAMORI_FIGURE_FINDINGS_OPEN]++;
      if (mamori_finding_get_severity (finding) >= SEVERITY_HIGH)
        values[MAMORI_FIGURE_FINDINGS_HIGH]++;
      if (g_str_equal (finding->kind, "screening-match") || g_str_equal (finding->kind, "check-follow-up"))
        values[MAMORI_FIGURE_SCREENINGS_PENDING]++;
    }

  for (guint i = 0; i < facts->actions->len; i++)
    {
      MamoriAction *action = g_ptr_array_index (facts->actions, i);

      if (!mamori_action_is_closed (action))
        values[MAMORI_FIGURE_ACTIONS_OPEN]++;
      if (mamori_action_is_overdue (action, facts->today))
        values[MAMORI_FIGURE_ACTIONS_OVERDUE]++;
    }
}

/* Snapshots ------------------------------------------------------------------ */

/**
 * mamori_findings_compare:
 * @snapshot: (nullable): the snapshot to compare with
 *
 * Counts the findings (not dismissed) new since @snapshot, still open, and
 * resolved: in @snapshot, and no longer found or now dismissed. Free
 * @change->resolved with g_ptr_array_unref().
 */
void
mamori_findings_compare (GPtrArray            *findings,
                         const MamoriSnapshot *snapshot,
                         MamoriFindingsChange *change)
{
  g_autoptr(GHashTable) current = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) before = dup_snapshot_keys (snapshot);

  memset (change, 0, sizeof *change);
  change->resolved = g_ptr_array_new ();
  for (guint i = 0; i < findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (findings, i);

      if (finding->status == MAMORI_FINDING_DISMISSED)
        continue;
      g_hash_table_add (current, finding->key);
      if (g_hash_table_contains (before, finding->key))
        change->n_still_open++;
      else
        change->n_new++;
    }
  if (snapshot == NULL)
    return;
  for (guint i = 0; i < snapshot->findings->len; i++)
    {
      MamoriSnapshotFinding *old = g_ptr_array_index (snapshot->findings, i);

      if (!g_hash_table_contains (current, old->key))
        g_ptr_array_add (change->resolved, old);
    }
  change->n_resolved = change->resolved->len;
}

/* A snapshot of the figures and the findings not dismissed, to record. */
MamoriSnapshot *
mamori_findings_new_snapshot (const MamoriFacts *facts,
                              GPtrArray         *findings,
                              const char        *label)
{
  MamoriSnapshot *snapshot = mamori_snapshot_new (label);
  int values[MAMORI_N_FIGURES];

  mamori_figures_compute (facts, findings, values);
  for (int i = 0; i < MAMORI_N_FIGURES; i++)
    mamori_snapshot_set_figure (snapshot, mamori_figure_get_id (i), values[i]);
  for (guint i = 0; i < findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (findings, i);

      if (finding->status != MAMORI_FINDING_DISMISSED)
        mamori_snapshot_add_finding (snapshot, finding->key, finding->kind, mamori_finding_get_severity (finding),
                                     finding->title);
    }
  return snapshot;
}

/* Assessment ----------------------------------------------------------------- */

/**
 * mamori_assessment_new:
 * @facts: (transfer full): the facts to assess
 */
MamoriAssessment *
mamori_assessment_new (MamoriFacts *facts)
{
  MamoriAssessment *assessment = g_new0 (MamoriAssessment, 1);

  assessment->facts = facts;
  assessment->findings = mamori_findings_compute (facts);
  assessment->overall = mamori_findings_rate (assessment->findings, &assessment->overall_rule);
  mamori_figures_compute (facts, assessment->findings, assessment->figures);
  mamori_findings_compare (assessment->findings, facts->snapshot, &assessment->change);
  return assessment;
}

/**
 * mamori_assessment_load:
 *
 * Reads @store with the reference catalog and checklists in use, as of
 * now, and assesses it.
 */
MamoriAssessment *
mamori_assessment_load (MamoriStore  *store,
                        GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  MamoriFacts *facts = mamori_facts_load_default (store, now, error);

  return facts != NULL ? mamori_assessment_new (facts) : NULL;
}

/**
 * mamori_assessment_dup_change:
 *
 * Returns: (transfer full) (nullable): @figure's change since the snapshot
 *   ("+3", "−2", "±0", with thousands separators), or %NULL without a
 *   snapshot that has it
 */
char *
mamori_assessment_dup_change (MamoriAssessment *assessment,
                              MamoriFigure      figure)
{
  g_autofree char *count = NULL;
  int before;
  int diff;

  if (assessment->facts->snapshot == NULL ||
      !mamori_snapshot_get_figure (assessment->facts->snapshot, mamori_figure_get_id (figure), &before))
    return NULL;
  diff = assessment->figures[figure] - before;
  count = mamori_text_format_count (ABS (diff));
  return g_strconcat (diff > 0 ? "+" : diff < 0 ? "−" : "±", count, NULL);
}

void
mamori_assessment_free (MamoriAssessment *assessment)
{
  if (assessment == NULL)
    return;
  g_clear_pointer (&assessment->facts, mamori_facts_free);
  g_clear_pointer (&assessment->findings, g_ptr_array_unref);
  g_free (assessment->overall_rule);
  g_clear_pointer (&assessment->change.resolved, g_ptr_array_unref);
  g_free (assessment);
}
