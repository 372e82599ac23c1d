/* mamori-pack-decisions.c — the board pack as a decision paper
 *
 * What a Japanese board paper opens with: 総評 (the overall assessment in a
 * few sentences made from the facts, and the headline figures with their
 * change since the last snapshot), 決議事項 (the actions that need a board
 * decision) and 報告事項 (what changed, the plan's progress, open incidents)
 * on the pages right after the cover; then the risk map with the top risks
 * numbered, and the next 90 days of the action plan. All of it comes from
 * the findings (src/assess/), worked out in the pack's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "assess/mamori-findings.h"
#include "report/mamori-layout.h"
#include "report/mamori-pack-private.h"

#define TOP_RISKS        10
#define LISTED_CHANGES   8
#define PLAN_DAYS        90

static const guint32 overall_colors[] = { MAMORI_COLOR_GREEN, MAMORI_COLOR_ORANGE, MAMORI_COLOR_RED };

static guint32
severity_color (int severity)
{
  return severity >= 6 ? MAMORI_COLOR_RED : severity >= 3 ? MAMORI_COLOR_ORANGE : MAMORI_COLOR_GREEN;
}

static MamoriFinding *
most_severe (MamoriAssessment *assessment)
{
  for (guint i = 0; i < assessment->findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (assessment->findings, i);

      if (finding->status != MAMORI_FINDING_DISMISSED)
        return finding;
    }
  return NULL;
}

/* 総評: three to five sentences from the facts. */
static void
add_overall (Pack             *pack,
             MamoriAssessment *assessment)
{
  MamoriDoc *doc = pack->doc;
  const int *figures = assessment->figures;
  const MamoriSnapshot *snapshot = assessment->facts->snapshot;
  MamoriFinding *top = most_severe (assessment);
  guint decisions = 0;
  g_autofree char *rating = NULL;
  char *values[5] = { NULL };
  char *labels[5] = { NULL };
  static const MamoriFigure shown[5] = {
    MAMORI_FIGURE_FINDINGS_HIGH, MAMORI_FIGURE_ASSETS_EXPOSED, MAMORI_FIGURE_CONTRACT_GAPS,
    MAMORI_FIGURE_ACTIONS_OVERDUE, MAMORI_FIGURE_INCIDENTS_OPEN,
  };
  guint32 colors[5];

  for (guint i = 0; i < assessment->facts->actions->len; i++)
    {
      MamoriAction *action = g_ptr_array_index (assessment->facts->actions, i);

      decisions += action->board_decision && !mamori_action_is_closed (action);
    }

  /* Translators: the heading of the board pack's first section (総評) */
  mamori_doc_heading (doc, 1, _("Overall assessment"));
  /* Translators: the board pack's overall rating, e.g. "Overall rating: Red" */
  rating = g_strdup_printf (_("Overall rating: %s"), mamori_overall_get_label (assessment->overall));
  mamori_doc_text (doc, assessment->overall == MAMORI_OVERALL_GREEN ? MAMORI_TEXT_STRONG : MAMORI_TEXT_WARNING, rating);
  mamori_doc_text (doc, MAMORI_TEXT_MUTED, assessment->overall_rule);
  mamori_doc_spacer (doc, 4);

  /* 1: how much there is to do, and the worst of it. */
  if (top != NULL)
    {
      g_autofree char *sentence = NULL;

      /* Translators: the first sentence of the board pack's assessment: counts, then the most severe finding */
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%'d finding is open, %'d of them of severity 6 or more; the most severe: %s.",
                                               "%'d findings are open, %'d of them of severity 6 or more; the most severe: %s.",
                                               figures[MAMORI_FIGURE_FINDINGS_OPEN]),
                                  figures[MAMORI_FIGURE_FINDINGS_OPEN], figures[MAMORI_FIGURE_FINDINGS_HIGH], top->title);
      mamori_doc_text (doc, MAMORI_TEXT_BODY, sentence);
    }
  else
    mamori_doc_text (doc, MAMORI_TEXT_BODY, _("No finding is open: the records show nothing to act on."));

  /* 2: what changed. */
  if (snapshot != NULL)
    {
      g_autofree char *date = mamori_pack_format_date (snapshot->taken_at);
      g_autofree char *sentence = NULL;

      /* Translators: the board pack's assessment: a snapshot's label and date, then counts of findings */
      sentence = g_strdup_printf (_("Since “%s” (%s), %u findings are new, %u resolved and %u still open."),
                                  snapshot->label, date, assessment->change.n_new, assessment->change.n_resolved,
                                  assessment->change.n_still_open);
      mamori_doc_text (doc, MAMORI_TEXT_BODY, sentence);
    }
  else
    mamori_doc_text (doc, MAMORI_TEXT_BODY,
                     _("There is no earlier snapshot to compare with: this pack is the starting point."));

  /* 3: the assets, where most of the risk lies. */
  if (figures[MAMORI_FIGURE_ASSETS_CLASSIFIED] > 0)
    {
      g_autofree char *sentence = NULL;

      /* Translators: the board pack's assessment: classified assets with and without gaps */
      sentence = g_strdup_printf (_("Of %'d classified information assets, %'d still have leak routes without a measure."),
                                  figures[MAMORI_FIGURE_ASSETS_CLASSIFIED], figures[MAMORI_FIGURE_ASSETS_EXPOSED]);
      mamori_doc_text (doc, MAMORI_TEXT_BODY, sentence);
    }
  else
    mamori_doc_text (doc, MAMORI_TEXT_BODY, _("No information asset has been classified yet."));

  /* 4: the plan and what is asked of the board. */
  {
    g_autofree char *sentence = NULL;

    /* Translators: the board pack's assessment: open actions, overdue ones, and those needing a decision */
    sentence = g_strdup_printf (_("The action plan has %'d open actions, %'d of them overdue; %u need a decision of the board today."),
                                figures[MAMORI_FIGURE_ACTIONS_OPEN], figures[MAMORI_FIGURE_ACTIONS_OVERDUE], decisions);
    mamori_doc_text (doc, MAMORI_TEXT_BODY, sentence);
  }

  /* 5: incidents, only when there are. */
  if (figures[MAMORI_FIGURE_INCIDENTS_OPEN] > 0)
    {
      g_autofree char *sentence = NULL;

      /* Translators: the board pack's assessment */
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'d incident is still open.",
                                               "%'d incidents are still open.", figures[MAMORI_FIGURE_INCIDENTS_OPEN]),
                                  figures[MAMORI_FIGURE_INCIDENTS_OPEN]);
      mamori_doc_text (doc, MAMORI_TEXT_WARNING, sentence);
    }
  mamori_doc_spacer (doc, 6);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_autofree char *change = mamori_assessment_dup_change (assessment, shown[i]);

      values[i] = mamori_text_format_count (assessment->figures[shown[i]]);
      /* Translators: a figure's label in the board pack, then its change since the last snapshot (前回比) */
      labels[i] = change != NULL ? g_strdup_printf (_("%s (change %s)"), mamori_figure_get_label (shown[i]), change)
                                 : g_strdup (mamori_figure_get_label (shown[i]));
      colors[i] = assessment->figures[shown[i]] > 0 ? MAMORI_COLOR_RED : MAMORI_COLOR_GREEN;
    }
  colors[0] = overall_colors[assessment->overall];
  mamori_doc_figures (doc, G_N_ELEMENTS (shown), (const char * const *) values, (const char * const *) labels, colors);
  if (snapshot != NULL)
    {
      g_autofree char *date = mamori_pack_format_date (snapshot->taken_at);
      /* Translators: below the board pack's figures; a snapshot's label and date */
      g_autofree char *note = g_strdup_printf (_("Changes are counted from the snapshot “%s” (%s)."), snapshot->label, date);

      mamori_doc_text (doc, MAMORI_TEXT_MUTED, note);
    }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_free (values[i]);
      g_free (labels[i]);
    }
}

/* 決議事項 */
static void
add_decisions (Pack             *pack,
               MamoriAssessment *assessment)
{
  MamoriDoc *doc = pack->doc;
  const double widths[] = { 3, 2.8, 1.4, 1.8, 2.6 };
  const char *headers[] = { _("Issue"), _("Recommended resolution"), _("Owner"), _("Deadline"), _("Finding behind it") };
  guint n = 0;

  /* Translators: the heading of the board pack's section of decisions asked of the board (決議事項) */
  mamori_doc_heading (doc, 2, _("Decisions requested"));
  for (guint i = 0; i < assessment->facts->actions->len; i++)
    {
      MamoriAction *action = g_ptr_array_index (assessment->facts->actions, i);
      MamoriFinding *finding;
      g_autofree char *due = NULL;

      if (!action->board_decision || mamori_action_is_closed (action))
        continue;
      if (n++ == 0)
        {
          mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, headers);
          mamori_doc_table_keep_words (doc, 2);
        }
      finding = mamori_findings_lookup (assessment->findings, action->finding_key);
      due = mamori_pack_format_date (action->due_on);
      mamori_doc_table_row (doc, (const char *[]) { action->title, mamori_pack_or_dash (action->resolution),
                                                    mamori_pack_or_dash (action->owner), mamori_pack_or_dash (due),
                                                    finding != NULL ? finding->title : "—" });
    }
  if (n > 0)
    mamori_doc_table_end (doc);
  else
    mamori_doc_text (doc, MAMORI_TEXT_BODY, _("No decision is requested of the board at this meeting."));
}

static void
add_finding_bullets (MamoriDoc  *doc,
                     GPtrArray  *titles,
                     guint       total)
{
  for (guint i = 0; i < titles->len && i < LISTED_CHANGES; i++)
    mamori_doc_bullet (doc, MAMORI_TEXT_BODY, g_ptr_array_index (titles, i));
  if (total > LISTED_CHANGES)
    {
      /* Translators: after a list of findings in the board pack */
      g_autofree char *more = g_strdup_printf (_("… and %'u more."), total - LISTED_CHANGES);

      mamori_doc_text (doc, MAMORI_TEXT_MUTED, more);
    }
}

/* 報告事項 */
static void
add_for_information (Pack             *pack,
                     MamoriAssessment *assessment)
{
  MamoriDoc *doc = pack->doc;
  const MamoriSnapshot *snapshot = assessment->facts->snapshot;
  guint counts[MAMORI_N_ACTION_STATUSES] = { 0 };
  guint open_incidents = 0;

  /* Translators: the heading of the board pack's section of matters reported (報告事項) */
  /* The heading with what follows it, never alone at the foot of a page. */
  mamori_doc_keep_begin (doc);
  mamori_doc_heading (doc, 2, _("For information"));

  mamori_doc_heading (doc, 3, _("Findings since the last snapshot"));
  if (snapshot == NULL)
    {
      mamori_doc_text (doc, MAMORI_TEXT_BODY,
                       _("No snapshot was recorded before: the next pack will report what changed since this one."));
      mamori_doc_keep_end (doc);
    }
  else
    {
      g_autoptr(GPtrArray) titles = g_ptr_array_new ();
      g_autofree char *date = mamori_pack_format_date (snapshot->taken_at);
      g_autofree char *new_heading = NULL, *resolved_heading = NULL;

      for (guint i = 0; i < assessment->findings->len; i++)
        {
          MamoriFinding *finding = g_ptr_array_index (assessment->findings, i);
          gboolean before = FALSE;

          if (finding->status == MAMORI_FINDING_DISMISSED)
            continue;
          for (guint j = 0; j < snapshot->findings->len && !before; j++)
            before = g_str_equal (((MamoriSnapshotFinding *) g_ptr_array_index (snapshot->findings, j))->key, finding->key);
          if (!before && titles->len < LISTED_CHANGES)
            g_ptr_array_add (titles, finding->title);
        }
      /* Translators: in the board pack; a count of findings, a snapshot's label and date */
      new_heading = g_strdup_printf (_("New (%u) since “%s” (%s)"), assessment->change.n_new, snapshot->label, date);
      mamori_doc_text (doc, MAMORI_TEXT_STRONG, new_heading);
      if (assessment->change.n_new == 0)
        mamori_doc_text (doc, MAMORI_TEXT_BODY, _("None."));
      add_finding_bullets (doc, titles, assessment->change.n_new);
      mamori_doc_keep_end (doc);

      g_ptr_array_set_size (titles, 0);
      for (guint i = 0; i < assessment->change.resolved->len && i < LISTED_CHANGES; i++)
        g_ptr_array_add (titles, ((MamoriSnapshotFinding *) g_ptr_array_index (assessment->change.resolved, i))->title);
      /* Translators: in the board pack; a count of findings */
      resolved_heading = g_strdup_printf (_("Resolved (%u)"), assessment->change.n_resolved);
      mamori_doc_text (doc, MAMORI_TEXT_STRONG, resolved_heading);
      if (assessment->change.n_resolved == 0)
        mamori_doc_text (doc, MAMORI_TEXT_BODY, _("None."));
      add_finding_bullets (doc, titles, assessment->change.n_resolved);
    }

  mamori_doc_heading (doc, 3, _("Progress of the action plan"));
  for (guint i = 0; i < assessment->facts->actions->len; i++)
    counts[((MamoriAction *) g_ptr_array_index (assessment->facts->actions, i))->status]++;
  if (assessment->facts->actions->len == 0)
    mamori_doc_text (doc, MAMORI_TEXT_BODY, _("The action plan is empty."));
  else
    {
      /* Translators: the board pack; counts of actions by status, then how many are overdue */
      g_autofree char *progress = g_strdup_printf (_("%u done, %u in progress, %u not started, %u dropped; %'d overdue."),
                                                   counts[MAMORI_ACTION_DONE], counts[MAMORI_ACTION_IN_PROGRESS],
                                                   counts[MAMORI_ACTION_OPEN], counts[MAMORI_ACTION_WONT_DO],
                                                   assessment->figures[MAMORI_FIGURE_ACTIONS_OVERDUE]);

      mamori_doc_text (doc, MAMORI_TEXT_BODY, progress);
    }

  mamori_doc_heading (doc, 3, _("Open incidents"));
  for (guint i = 0; i < assessment->facts->incidents->len; i++)
    {
      MamoriIncident *incident = g_ptr_array_index (assessment->facts->incidents, i);
      g_autofree char *since = NULL, *line = NULL;

      if (incident->status == MAMORI_INCIDENT_CLOSED)
        continue;
      open_incidents++;
      since = mamori_pack_format_date (incident->created);
      /* Translators: one open incident in the board pack: its title, its state, since when */
      line = g_strdup_printf (_("%s — %s since %s"), incident->title, mamori_incident_status_get_label (incident->status),
                              since);
      mamori_doc_bullet (doc, MAMORI_TEXT_BODY, line);
    }
  if (open_incidents == 0)
    mamori_doc_text (doc, MAMORI_TEXT_BODY, _("No incident is open."));
}

/* リスクマップ */
static void
add_risk_map (Pack             *pack,
              MamoriAssessment *assessment)
{
  MamoriDoc *doc = pack->doc;
  const double widths[] = { 2, 1, 1, 1 };
  g_autofree char *l1 = NULL, *l2 = NULL, *l3 = NULL;
  guint counts[3][3] = { { 0 } };
  guint listed = 0;

  for (guint i = 0; i < assessment->findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (assessment->findings, i);

      if (finding->status != MAMORI_FINDING_DISMISSED)
        counts[finding->likelihood - 1][finding->impact - 1]++;
    }

  /* Translators: the heading of the board pack's risk map (リスクマップ) */
  mamori_doc_heading (doc, 1, _("Risk map"));
  mamori_doc_text (doc, MAMORI_TEXT_MUTED,
                   _("The findings not dismissed, by likelihood (columns) and impact (rows); severity is their product."));
  /* Translators: a column of the board pack's risk map */
  l1 = g_strdup_printf (_("Likelihood %d"), 1);
  l2 = g_strdup_printf (_("Likelihood %d"), 2);
  l3 = g_strdup_printf (_("Likelihood %d"), 3);
  mamori_doc_keep_begin (doc);
  mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, (const char *[]) { "", l1, l2, l3 });
  for (int impact = 3; impact >= 1; impact--)
    {
      g_autofree char *label = g_strdup_printf (_("Impact %d"), impact);
      g_autofree char *c1 = mamori_text_format_count (counts[0][impact - 1]);
      g_autofree char *c2 = mamori_text_format_count (counts[1][impact - 1]);
      g_autofree char *c3 = mamori_text_format_count (counts[2][impact - 1]);

      mamori_doc_table_row_marked (doc, severity_color (3 * impact), (const char *[]) { label, c1, c2, c3 });
    }
  mamori_doc_table_end (doc);
  mamori_doc_keep_end (doc);

  mamori_doc_heading (doc, 2, _("Top risks"));
  for (guint i = 0; i < assessment->findings->len && listed < TOP_RISKS; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (assessment->findings, i);
      g_autofree char *line = NULL;

      if (finding->status == MAMORI_FINDING_DISMISSED)
        continue;
      listed++;
      /* Translators: one of the top risks in the board pack: its number, severity, likelihood, impact, title */
      line = g_strdup_printf (_("%u. [%d: %d × %d] %s"), listed, mamori_finding_get_severity (finding),
                              finding->likelihood, finding->impact, finding->title);
      mamori_doc_text (doc, MAMORI_TEXT_BODY, line);
    }
  if (listed == 0)
    mamori_doc_text (doc, MAMORI_TEXT_BODY, _("No finding is open."));
}

/* 行動計画: the next 90 days (and anything overdue or without a date). */
static void
add_plan (Pack             *pack,
          MamoriAssessment *assessment)
{
  MamoriDoc *doc = pack->doc;
  const double widths[] = { 4, 1.6, 1.4, 1.2 };
  const char *headers[] = { _("Action"), _("Owner"), _("Due"), _("Status") };
  g_autoptr(GDateTime) limit = g_date_time_add_days (pack->now, PLAN_DAYS);
  g_autofree char *horizon = g_date_time_format (limit, "%Y-%m-%d");
  guint n = 0, later = 0;

  /* Translators: the heading of the board pack's action plan (行動計画) */
  mamori_doc_heading (doc, 1, _("Action plan"));
  for (guint i = 0; i < assessment->facts->actions->len; i++)
    {
      MamoriAction *action = g_ptr_array_index (assessment->facts->actions, i);
      gboolean overdue = mamori_action_is_overdue (action, assessment->facts->today);
      g_autofree char *due = NULL, *status = NULL;

      if (mamori_action_is_closed (action))
        continue;
      if (action->due_on[0] != '\0' && strcmp (action->due_on, horizon) > 0)
        {
          later++;
          continue;
        }
      if (n++ == 0)
        {
          mamori_doc_text (doc, MAMORI_TEXT_MUTED,
                           _("Open actions due in the next 90 days, overdue or without a date; overdue ones are marked red."));
          mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, headers);
          mamori_doc_table_keep_words (doc, 1);
        }
      due = mamori_pack_format_date (action->due_on);
      /* Translators: an overdue action's status in the board pack */
      status = overdue ? g_strdup_printf (_("%s (overdue)"), mamori_action_status_get_label (action->status))
                       : g_strdup (mamori_action_status_get_label (action->status));
      mamori_doc_table_row_marked (doc, overdue ? MAMORI_COLOR_RED : MAMORI_COLOR_LIGHT,
                                   (const char *[]) { action->title, mamori_pack_or_dash (action->owner),
                                                      mamori_pack_or_dash (due), status });
    }
  if (n > 0)
    mamori_doc_table_end (doc);
  else
    mamori_doc_text (doc, MAMORI_TEXT_BODY, _("No action is due in the next 90 days."));
  if (later > 0)
    {
      /* Translators: below the board pack's action plan */
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more action is due later.",
                                                            "%u more actions are due later.", later),
                                               later);

      mamori_doc_text (doc, MAMORI_TEXT_MUTED, note);
    }
}

/**
 * mamori_pack_add_decisions:
 *
 * 総評, 決議事項, 報告事項, リスクマップ and 行動計画, from the findings of the
 * workspace as it is now.
 */
gboolean
mamori_pack_add_decisions (Pack    *pack,
                           GError **error)
{
  g_autofree char *issue = mamori_report_dup_issue_label (pack->options);
  g_autoptr(MamoriFacts) facts = pack->catalog != NULL && pack->checklists != NULL
                                 ? mamori_facts_load (pack->store, pack->catalog, pack->checklists, pack->now, error)
                                 : mamori_facts_load_default (pack->store, pack->now, error);
  g_autoptr(MamoriAssessment) assessment = NULL;

  if (facts == NULL)
    return FALSE;
  /* Issued again for the same meeting (a corrected copy): still compared
   * with what came before the meeting's own snapshot, not with it nor with
   * one taken since. */
  if (issue != NULL && facts->snapshot != NULL)
    {
      g_autoptr(GPtrArray) snapshots = mamori_store_dup_snapshots (pack->store, 0, error);
      int issued;

      if (snapshots == NULL)
        return FALSE;
      if ((issued = mamori_report_find_issue (snapshots, issue)) >= 0)
        {
          g_clear_pointer (&facts->snapshot, mamori_snapshot_free);
          if ((guint) issued + 1 < snapshots->len)
            facts->snapshot = g_ptr_array_steal_index (snapshots, issued + 1);
        }
    }
  assessment = mamori_assessment_new (g_steal_pointer (&facts));

  add_overall (pack, assessment);
  add_decisions (pack, assessment);
  add_for_information (pack, assessment);
  add_risk_map (pack, assessment);
  add_plan (pack, assessment);
  return TRUE;
}
