/* mamori-pack.c — what the workspace says, as a document of blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A board pack reads top-down: a cover with the approval box, the contents,
 * a one-page summary (figures, charts, the top open risks) that a board
 * member understands in five minutes, then the detail section by section.
 * The single-item documents (a contract review memo, an incident report)
 * reuse the sections' pieces for one contract or one incident.
 */

#include "config.h"

#include <stdio.h>

#include "analysis/mamori-contract-rules.h"
#include "analysis/mamori-text.h"
#include "catalog/mamori-checklists.h"
#include "catalog/mamori-measures.h"
#include "mamori-i18n.h"
#include "report/mamori-pack-private.h"


static const guint32 class_colors[MAMORI_N_CLASSES] = {
  MAMORI_COLOR_CLASS_0, MAMORI_COLOR_CLASS_1, MAMORI_COLOR_CLASS_2, MAMORI_COLOR_CLASS_3,
};

static const char * const month_names[12] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

/**
 * mamori_pack_format_date:
 * @iso_date: YYYY-MM-DD, or a whole ISO 8601 time (only its date is used)
 *
 * Returns: (transfer full): the date as the thread's language writes it:
 *   2026年4月1日, 1 April 2026; @iso_date itself if it is not a date
 */
char *
mamori_pack_format_date (const char *iso_date)
{
  g_autofree char *local = NULL;
  int year, month, day;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");
  /* A moment (stored in UTC) falls on the day it was here. */
  if (strlen (iso_date) > 10)
    {
      local = mamori_text_format_local_time (iso_date, "%Y-%m-%d %H:%M");
      iso_date = local;
    }
  if (sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12)
    return g_strdup (iso_date);
  if (mamori_text_prefers_japanese ())
    return g_strdup_printf ("%d年%d月%d日", year, month, day);
  return g_strdup_printf ("%d %s %d", day, month_names[month - 1], year);
}

/* A time stored in UTC, in local time, in the language's one date style:
 * 2026年4月1日 09:30, 1 April 2026 09:30. */
char *
mamori_pack_format_time (const char *iso_time)
{
  g_autofree char *local = mamori_text_format_local_time (iso_time, "%Y-%m-%d %H:%M");
  g_autofree char *date = NULL;

  if (strlen (local) != strlen ("2026-04-01 09:30"))
    return g_steal_pointer (&local);
  local[10] = '\0';
  date = mamori_pack_format_date (local);
  return g_strdup_printf ("%s %s", date, local + 11);
}

static const char *
class_name (Pack *pack,
            int   level)
{
  if (level < 0 || level >= MAMORI_N_CLASSES)
    return C_("class", "Not evaluated");
  return mamori_class_scheme_get_name (pack->scheme, level);
}

/* Up to this many assets, the body lists them one by one; a larger register
 * is summarised in the body (so that a board pack stays some 40 pages at
 * 2,000 assets) and listed in full in the appendix. */
#define BODY_ROWS 150

static guint32
class_color (int level)
{
  return level >= 0 && level < MAMORI_N_CLASSES ? class_colors[level] : MAMORI_COLOR_GREY;
}

static guint
count_routes (guint routes)
{
  guint n = 0;

  for (int route = 0; route < MAMORI_N_ROUTES; route++)
    n += (routes & MAMORI_ROUTE_BIT (route)) != 0;
  return n;
}

/* The routes not covered, short when it is all of them. */
static char *
dup_routes_label (guint routes)
{
  if (routes == MAMORI_ALL_ROUTES)
    /* Translators: none of the four leak routes (employees, former
     * employees, partners, outsiders) is covered by a countermeasure */
    return g_strdup (_("All four routes"));
  return mamori_routes_dup_label (routes);
}

const char *
mamori_pack_or_dash (const char *text)
{
  return mamori_text_is_blank (text) ? "—" : text;
}

/* Reading the workspace */

static gboolean
load (Pack          *pack,
      gboolean       whole_register,
      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  pack->scheme = mamori_store_dup_class_scheme (pack->store);
  pack->asset_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  pack->warnings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  /* The whole register only for the sections that show it: a memo or a
   * contracts-only pack names just the assets it mentions. */
  if (!whole_register)
    pack->assets = NULL;
  else if ((pack->assets = mamori_store_dup_assets (pack->store, error)) == NULL)
    return FALSE;
  for (guint i = 0; pack->assets != NULL && i < pack->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (pack->assets, i);

      g_hash_table_insert (pack->asset_names, g_memdup2 (&(gint64) { mamori_asset_get_id (asset) }, sizeof (gint64)),
                           (gpointer) mamori_asset_get_name (asset));
    }

  if ((pack->contracts = mamori_store_dup_contracts (pack->store, error)) == NULL)
    return FALSE;
  if ((pack->item_states = mamori_store_dup_item_states (pack->store, error)) == NULL)
    return FALSE;
  if ((pack->incidents = mamori_store_dup_incidents (pack->store, error)) == NULL)
    return FALSE;

  pack->catalog = mamori_catalog_dup_default ();
  pack->checklists = mamori_checklist_catalog_dup_default (&local_error);
  if (pack->checklists == NULL)
    g_debug ("No checklists for the pack: %s", local_error->message);
  return TRUE;
}

static void
pack_clear (Pack *pack)
{
  g_clear_pointer (&pack->scheme, mamori_class_scheme_free);
  g_clear_pointer (&pack->assets, g_ptr_array_unref);
  g_clear_pointer (&pack->asset_names, g_hash_table_unref);
  g_clear_pointer (&pack->warnings, g_hash_table_unref);
  g_clear_pointer (&pack->contracts, g_ptr_array_unref);
  g_clear_pointer (&pack->item_states, g_hash_table_unref);
  g_clear_pointer (&pack->incidents, g_ptr_array_unref);
  g_clear_pointer (&pack->catalog, mamori_catalog_unref);
  g_clear_pointer (&pack->checklists, mamori_checklist_catalog_unref);
  g_clear_pointer (&pack->today, g_free);
}

/* The names of the assets in @ids, as one line. */
char *
mamori_pack_dup_asset_names (Pack   *pack,
                             GArray *ids)
{
  GString *names = g_string_new (NULL);
  g_autoptr(GPtrArray) summaries = NULL;

  /* Without the register loaded, just these assets (deleted ones left out). */
  if (pack->assets == NULL && ids != NULL && ids->len > 0)
    summaries = mamori_store_dup_asset_summaries (pack->store, ids, NULL, 0, NULL);

  for (guint i = 0; ids != NULL && i < (summaries != NULL ? summaries->len : ids->len); i++)
    {
      const char *name;

      if (summaries != NULL)
        name = ((MamoriAssetSummary *) g_ptr_array_index (summaries, i))->name;
      else
        name = g_hash_table_lookup (pack->asset_names, &g_array_index (ids, gint64, i));
      if (name == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, mamori_text_is_blank (name) ? _("(unnamed asset)") : name);
    }
  if (names->len == 0)
    g_string_append (names, "—");
  return g_string_free (names, FALSE);
}

GPtrArray *
mamori_pack_check_contract (Pack           *pack,
                            MamoriContract *contract)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings;

  /* The summary and the contract's section both ask: checked once. */
  if ((warnings = g_hash_table_lookup (pack->warnings, contract)) != NULL)
    return g_ptr_array_ref (warnings);

  warnings = mamori_store_check_contract (pack->store, contract, pack->catalog, pack->today, &error);
  if (warnings == NULL)
    {
      g_debug ("Contract %" G_GINT64_FORMAT " not checked: %s", mamori_contract_get_id (contract), error->message);
      warnings = g_ptr_array_new ();
    }
  g_hash_table_insert (pack->warnings, contract, g_ptr_array_ref (warnings));
  return warnings;
}

/* The checklist's progress over the items that apply. */
void
mamori_pack_checklist_progress (Pack                    *pack,
                                const MamoriChecklist   *checklist,
                                MamoriChecklistProgress *progress,
                                guint                   *in_progress)
{
  *progress = (MamoriChecklistProgress) { 0 };
  *in_progress = 0;
  for (guint i = 0; i < mamori_checklist_get_n_items (checklist); i++)
    {
      const MamoriChecklistItem *item = mamori_checklist_get_item (checklist, i);
      const MamoriItemState *state = g_hash_table_lookup (pack->item_states, mamori_checklist_item_get_id (item));

      mamori_checklist_progress_add (progress, state, pack->now);
      if (state != NULL && state->status == MAMORI_ITEM_IN_PROGRESS)
        (*in_progress)++;
    }
}

static char *
percent (guint part,
         guint whole)
{
  return g_strdup_printf ("%u%%", whole > 0 ? (guint) (100.0 * part / whole + 0.5) : 0);
}

/* Cover */

/* A board pack's document control, each row only when it is given: the
 * meeting it is issued for, its version, the issuing department, who
 * receives it, how many numbered copies. */
/* The meeting and its date, 「第12回 取締役会（2026年12月15日）」, or NULL. */
static char *
dup_meeting (Pack *pack)
{
  const MamoriReportOptions *options = pack->options;
  g_autofree char *date = NULL;

  if (mamori_text_is_blank (options->meeting))
    return NULL;
  if (mamori_text_is_blank (options->meeting_date))
    return g_strstrip (g_strdup (options->meeting));
  date = mamori_pack_format_date (options->meeting_date);
  /* Translators: a meeting and its date on a pack's cover: 第12回 取締役会（2026年12月15日） */
  return g_strdup_printf (_("%s (%s)"), options->meeting, date);
}

static void
add_document_control (Pack *pack)
{
  const MamoriReportOptions *options = pack->options;
  MamoriDoc *doc = pack->doc;
  g_autofree char *meeting = dup_meeting (pack);

  if (meeting != NULL)
    /* Translators: the meeting a board pack is issued for, on its cover (会議) */
    mamori_doc_table_row (doc, (const char *[]) { C_("pack", "Meeting"), meeting });
  if (!mamori_text_is_blank (options->doc_version))
    /* Translators: the version of a document, on its cover (版) */
    mamori_doc_table_row (doc, (const char *[]) { C_("pack", "Version"), options->doc_version });
  if (!mamori_text_is_blank (options->department))
    /* Translators: the department that issues a document, on its cover (発行部署) */
    mamori_doc_table_row (doc, (const char *[]) { C_("pack", "Issued by"), options->department });
  if (!mamori_text_is_blank (options->distribution))
    {
      g_auto(GStrv) names = g_regex_split_simple ("\\s*[\\n,、;；]\\s*", options->distribution, 0, 0);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_strstrip (names[i]);
          if (names[i][0] == '\0')
            continue;
          if (list->len > 0)
            g_string_append_c (list, '\n');
          g_string_append (list, names[i]);
        }
      /* Translators: who receives a document, on its cover (配付先) */
      mamori_doc_table_row (doc, (const char *[]) { C_("pack", "Distribution"), list->str });
    }
  if (options->copies > 0)
    {
      /* Translators: on the cover, how many numbered copies were made (配付部数) */
      g_autofree char *copies = g_strdup_printf (g_dngettext (NULL, "%u numbered copy", "%u numbered copies",
                                                              options->copies), options->copies);

      mamori_doc_table_row (doc, (const char *[]) { C_("pack", "Copies"), copies });
    }
}

/* Who made the document, when, how it is classified; then the approval box
 * (承認欄). The cover and the single-item documents share them. */
static void
add_facts_and_approval (Pack       *pack,
                        const char *organization,
                        const char *date,
                        const char *author)
{
  MamoriDoc *doc = pack->doc;
  const double widths[] = { 1, 3 };
  const char *roles[] = {
    /* Translators: the boxes of the approval box (承認欄) */
    C_("approval", "President"), C_("approval", "Officer in charge"), C_("approval", "Prepared by"), NULL,
  };

  mamori_doc_table_begin (doc, 2, widths, NULL);
  mamori_doc_table_row (doc, (const char *[]) { _("Organization"), organization });
  mamori_doc_table_row (doc, (const char *[]) { C_("pack", "Date"), date });
  mamori_doc_table_row (doc, (const char *[]) { _("Prepared by"), mamori_pack_or_dash (author) });
  if (pack->options->kind == MAMORI_REPORT_BOARD_PACK)
    add_document_control (pack);
  mamori_doc_table_row (doc, (const char *[]) { _("Classification"), pack->options->mark });
  if (pack->catalog != NULL)
    mamori_doc_table_row (doc, (const char *[]) { _("Reference lists"), mamori_catalog_get_version (pack->catalog) });
  mamori_doc_table_end (doc);
  /* Translators: 承認欄, the boxes where the board stamps or signs */
  mamori_doc_approval (doc, _("Approval"), roles);
}

static void
add_cover (Pack       *pack,
           const char *title,
           const char *organization,
           const char *author)
{
  MamoriDoc *doc = pack->doc;
  g_autofree char *date = mamori_pack_format_date (pack->options->date != NULL ? pack->options->date : pack->today);

  /* The mark large, first: how the document must be handled. */
  mamori_doc_text (doc, MAMORI_TEXT_TITLE, pack->options->mark);
  mamori_doc_spacer (doc, 52);
  mamori_doc_text (doc, MAMORI_TEXT_SUBTITLE, organization);
  mamori_doc_text (doc, MAMORI_TEXT_TITLE, title);
  mamori_doc_text (doc, MAMORI_TEXT_SUBTITLE, date);
  {
    g_autofree char *meeting = dup_meeting (pack);

    if (meeting != NULL)
      mamori_doc_text (doc, MAMORI_TEXT_SUBTITLE, meeting);
  }
  mamori_doc_spacer (doc, 36);
  add_facts_and_approval (pack, organization, date, author);
  if (pack->options->collect)
    {
      mamori_doc_spacer (doc, 8);
      /* Translators: 回収, on the cover of a board pack handed out at a meeting */
      mamori_doc_text (doc, MAMORI_TEXT_WARNING,
                       _("To be returned at the end of the meeting. Do not take this copy away or copy it."));
    }
  mamori_doc_text (doc, MAMORI_TEXT_MUTED,
                   _("Prepared with Mamori from the workspace’s own records, following the Aichi prefecture guide "
                     "“経済安全保障 中小企業向け入門ガイド”. Handle this document according to the classification "
                     "printed on every page."));
  mamori_doc_page_break (doc);
}

/* Summary */

typedef struct
{
  int   weight;
  char *text;
} Risk;

static void
risk_free (Risk *risk)
{
  g_free (risk->text);
  g_free (risk);
}

static void
add_risk (GPtrArray  *risks,
          int         weight,
          char       *text)
{
  Risk *risk = g_new (Risk, 1);

  risk->weight = weight;
  risk->text = text;
  g_ptr_array_add (risks, risk);
}

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  const Risk *ra = *(const Risk * const *) a;
  const Risk *rb = *(const Risk * const *) b;

  return rb->weight - ra->weight;
}

/* The open risks, most serious first. */
static GPtrArray *
collect_risks (Pack *pack)
{
  GPtrArray *risks = g_ptr_array_new_with_free_func ((GDestroyNotify) risk_free);
  guint exposed_secret = 0, unevaluated = 0, overdue = 0;

  for (guint i = 0; i < pack->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (pack->assets, i);
      int level = mamori_asset_get_class (asset);

      if (level >= 2 && mamori_asset_get_uncovered (asset) != 0)
        exposed_secret++;
      if (level == MAMORI_CLASS_NONE)
        unevaluated++;
    }
  /* Nothing registered is not nothing at risk. */
  if (pack->assets->len == 0)
    add_risk (risks, 95, g_strdup (_("No information asset is registered yet, so this pack cannot show what needs "
                                     "protecting. Start with the asset register (guide section A).")));
  if (exposed_secret > 0)
    add_risk (risks, 90,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u asset classed “%s” or higher still has leak routes with no countermeasure adopted.",
                                            "%u assets classed “%s” or higher still have leak routes with no countermeasure adopted.",
                                            exposed_secret),
                               exposed_secret, class_name (pack, 2)));

  for (guint i = 0; i < pack->incidents->len; i++)
    {
      MamoriIncident *incident = g_ptr_array_index (pack->incidents, i);
      g_autofree char *since = NULL;

      if (incident->status == MAMORI_INCIDENT_CLOSED)
        continue;
      since = mamori_pack_format_date (incident->created);
      add_risk (risks, incident->status == MAMORI_INCIDENT_OPEN ? 100 : 70,
                /* Translators: an incident title, its status (Open, Contained), the date it was opened */
                g_strdup_printf (_("Incident “%s”: %s since %s."), incident->title,
                                 mamori_incident_status_get_label (incident->status), since));
    }

  /* Contracts: one sentence per kind of problem, naming every contract it
   * applies to, rather than the same sentence once per contract. */
  {
    g_autoptr(GHashTable) by_warning = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify) g_ptr_array_unref);
    g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);   /* the warnings, first seen first */
    g_autoptr(GPtrArray) to_change = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) unreviewed = g_ptr_array_new_with_free_func (g_free);
    guint n_to_change = 0, n_unreviewed = 0;

    for (guint i = 0; i < pack->contracts->len; i++)
      {
        MamoriContract *contract = g_ptr_array_index (pack->contracts, i);
        g_autoptr(GPtrArray) warnings = mamori_pack_check_contract (pack, contract);
        guint counts[MAMORI_N_CLAUSE_STATUSES];
        guint wrong = 0;
        /* Translators: a name or word quoted in a sentence */
        g_autofree char *quoted = g_strdup_printf (_("“%s”"), mamori_contract_get_title (contract));

        for (guint j = 0; j < warnings->len; j++)
          {
            MamoriContractWarning *warning = g_ptr_array_index (warnings, j);
            GPtrArray *titles = g_hash_table_lookup (by_warning, warning->message);

            if (titles == NULL)
              {
                titles = g_ptr_array_new_with_free_func (g_free);
                g_hash_table_insert (by_warning, g_strdup (warning->message), titles);
                g_ptr_array_add (order, g_strdup (warning->message));
              }
            g_ptr_array_add (titles, g_strdup (quoted));
          }
        if (mamori_contract_get_stage (contract) == MAMORI_CONTRACT_STAGE_ENDED)
          continue;
        /* Every clause the reviewer found missing or needing change, and
         * the essential ones not reviewed yet. */
        mamori_contract_rules_count_essentials (contract, counts);
        for (guint topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
          {
            const MamoriClauseReview *review = mamori_contract_get_review (contract, topic);

            wrong += review != NULL && (review->status == MAMORI_CLAUSE_CHANGE || review->status == MAMORI_CLAUSE_MISSING);
          }
        if (wrong > 0)
          {
            g_ptr_array_add (to_change, g_strdup (quoted));
            n_to_change += wrong;
          }
        if (counts[MAMORI_CLAUSE_UNREVIEWED] > 0)
          {
            g_ptr_array_add (unreviewed, g_strdup (quoted));
            n_unreviewed += counts[MAMORI_CLAUSE_UNREVIEWED];
          }
      }

    for (guint i = 0; i < order->len; i++)
      {
        GPtrArray *titles = g_hash_table_lookup (by_warning, g_ptr_array_index (order, i));
        g_autofree char *list = mamori_text_join_list (titles);

        /* Translators: the contracts (“A”, “B” and “C”), then a warning about each of them */
        add_risk (risks, 80, g_strdup_printf (_("%s: %s"), list, (char *) g_ptr_array_index (order, i)));
      }
    if (to_change->len > 0)
      {
        g_autofree char *list = mamori_text_join_list (to_change);

        add_risk (risks, 60 + MIN (n_to_change, 9),
                  /* Translators: a number of clauses, then the contracts they are in (“A” and “B”) */
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u clause was found missing or needing change by the review, in %s.",
                                                "%u clauses were found missing or needing change by the review, in %s.",
                                                n_to_change),
                                   n_to_change, list));
      }
    if (unreviewed->len > 0)
      {
        g_autofree char *list = mamori_text_join_list (unreviewed);

        add_risk (risks, 50 + MIN (n_unreviewed, 9),
                  /* Translators: a number of essential topics, then the contracts they are in (“A” and “B”) */
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u essential topic is not reviewed yet, in %s.",
                                                "%u essential topics are not reviewed yet, in %s.", n_unreviewed),
                                   n_unreviewed, list));
      }
  }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, pack->item_states);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      overdue += mamori_item_state_is_overdue (value, pack->now);
  }
  if (overdue > 0)
    add_risk (risks, 40, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u checklist item is overdue.",
                                                       "%u checklist items are overdue.", overdue), overdue));
  if (unevaluated > 0)
    add_risk (risks, 30, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset is not classified yet.",
                                                       "%u assets are not classified yet.", unevaluated),
                                          unevaluated));

  g_ptr_array_sort (risks, compare_risks);
  return risks;
}

static void
add_class_chart (Pack *pack)
{
  guint counts[MAMORI_N_CLASSES + 1] = { 0 };
  const guint32 color[] = { MAMORI_COLOR_BLUE };
  const char *series[] = { _("Assets") };

  for (guint i = 0; i < pack->assets->len; i++)
    {
      int level = mamori_asset_get_class (g_ptr_array_index (pack->assets, i));

      counts[level >= 0 && level < MAMORI_N_CLASSES ? level : MAMORI_N_CLASSES]++;
    }

  /* Scaled to all the assets: a bar is its share of the register. */
  mamori_doc_chart_begin (pack->doc, _("Assets by class"), 1, series, color, MAX (pack->assets->len, 1));
  for (int level = MAMORI_N_CLASSES - 1; level >= 0; level--)
    {
      double value = counts[level];
      g_autofree char *text = mamori_text_format_count (counts[level]);

      mamori_doc_chart_bar_colored (pack->doc, class_name (pack, level), &value, text, class_colors[level]);
    }
  if (counts[MAMORI_N_CLASSES] > 0)
    {
      double value = counts[MAMORI_N_CLASSES];
      g_autofree char *text = mamori_text_format_count (counts[MAMORI_N_CLASSES]);

      mamori_doc_chart_bar_colored (pack->doc, class_name (pack, MAMORI_CLASS_NONE), &value, text, MAMORI_COLOR_GREY);
    }
  mamori_doc_chart_end (pack->doc);
}

void
mamori_pack_add_checklist_chart (Pack *pack)
{
  const char *series[] = {
    C_("checklist chart", "Done"), C_("checklist chart", "In progress"), C_("checklist chart", "Not started"),
  };
  const guint32 colors[] = { MAMORI_COLOR_GREEN, MAMORI_COLOR_YELLOW, MAMORI_COLOR_LIGHT };

  if (pack->checklists == NULL)
    return;
  mamori_doc_chart_begin (pack->doc, _("Checklist completion"), 3, series, colors, 100);
  for (guint i = 0; i < mamori_checklist_catalog_get_n_checklists (pack->checklists); i++)
    {
      const MamoriChecklist *checklist = mamori_checklist_catalog_get_checklist (pack->checklists, i);
      MamoriChecklistProgress progress;
      guint in_progress;
      double values[3] = { 0 };
      g_autofree char *text = NULL;

      mamori_pack_checklist_progress (pack, checklist, &progress, &in_progress);
      if (progress.applicable > 0)
        {
          values[0] = 100.0 * progress.done / progress.applicable;
          values[1] = 100.0 * in_progress / progress.applicable;
          values[2] = 100.0 - values[0] - values[1];
        }
      text = percent (progress.done, progress.applicable);
      mamori_doc_chart_bar (pack->doc, mamori_checklist_get_title (checklist), values, text);
    }
  mamori_doc_chart_end (pack->doc);
}

/* Contracts with more essential topics missing or to change first, then
 * more not reviewed. */
static int
compare_contract_risk (gconstpointer a,
                       gconstpointer b)
{
  MamoriContract *ca = *(MamoriContract * const *) a;
  MamoriContract *cb = *(MamoriContract * const *) b;
  guint counts_a[MAMORI_N_CLAUSE_STATUSES], counts_b[MAMORI_N_CLAUSE_STATUSES];

  mamori_contract_rules_count_essentials (ca, counts_a);
  mamori_contract_rules_count_essentials (cb, counts_b);
  if (counts_a[MAMORI_CLAUSE_MISSING] + counts_a[MAMORI_CLAUSE_CHANGE] !=
      counts_b[MAMORI_CLAUSE_MISSING] + counts_b[MAMORI_CLAUSE_CHANGE])
    return (int) (counts_b[MAMORI_CLAUSE_MISSING] + counts_b[MAMORI_CLAUSE_CHANGE]) -
           (int) (counts_a[MAMORI_CLAUSE_MISSING] + counts_a[MAMORI_CLAUSE_CHANGE]);
  return (int) counts_b[MAMORI_CLAUSE_UNREVIEWED] - (int) counts_a[MAMORI_CLAUSE_UNREVIEWED];
}

/* Each contract's essential topics as one bar of one unit: missing or to
 * change, not yet reviewed, settled — so a bar's length is its number of
 * essential topics and what is not known stays apart from what is wrong. */
static void
add_contract_chart (Pack *pack)
{
  const char *series[] = {
    C_("contract chart", "Missing or to change"), C_("contract chart", "Not reviewed"), C_("contract chart", "Settled"),
  };
  const guint32 colors[] = { MAMORI_COLOR_RED, MAMORI_COLOR_GREY, MAMORI_COLOR_LIGHT };
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (pack->contracts, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  guint shown = 0;

  g_ptr_array_sort (sorted, compare_contract_risk);
  for (guint i = 0; i < sorted->len && shown < 8; i++)
    {
      MamoriContract *contract = g_ptr_array_index (sorted, i);
      guint counts[MAMORI_N_CLAUSE_STATUSES];
      guint total, wrong;
      double values[3];
      g_autofree char *text = NULL;

      if (mamori_contract_get_stage (contract) == MAMORI_CONTRACT_STAGE_ENDED)
        continue;
      total = mamori_contract_rules_count_essentials (contract, counts);
      wrong = counts[MAMORI_CLAUSE_MISSING] + counts[MAMORI_CLAUSE_CHANGE];
      if (wrong + counts[MAMORI_CLAUSE_UNREVIEWED] == 0)
        continue;
      if (shown++ == 0)
        mamori_doc_chart_begin (pack->doc, _("Essential contract topics still open"), 3, series, colors, 0);
      values[0] = wrong;
      values[1] = counts[MAMORI_CLAUSE_UNREVIEWED];
      values[2] = total - wrong - counts[MAMORI_CLAUSE_UNREVIEWED];
      /* Translators: beside a contract's bar: essential topics open of all its essential ones (8件中5件) */
      text = g_strdup_printf (_("%1$u of %2$u open"), wrong + counts[MAMORI_CLAUSE_UNREVIEWED], total);
      mamori_doc_chart_bar (pack->doc, mamori_contract_get_title (contract), values, text);
    }
  if (shown > 0)
    mamori_doc_chart_end (pack->doc);
  else
    {
      mamori_doc_text (pack->doc, MAMORI_TEXT_STRONG, _("Essential contract topics still open"));
      mamori_doc_text (pack->doc, MAMORI_TEXT_MUTED,
                       pack->contracts->len == 0 ? _("No contracts are registered.")
                                                 : _("No contract in force has an essential topic open."));
    }
}

static void
add_summary (Pack *pack)
{
  MamoriDoc *doc = pack->doc;
  g_autoptr(GPtrArray) risks = collect_risks (pack);
  guint secret = 0, open_contracts = 0, open_incidents = 0, done = 0, applicable = 0;
  g_autofree char *n_assets = NULL, *n_secret = NULL, *n_contracts = NULL, *n_incidents = NULL, *checked = NULL;
  g_autofree char *secret_label = NULL;
  guint32 colors[] = { MAMORI_COLOR_BLUE, MAMORI_COLOR_BLUE, MAMORI_COLOR_GREEN, MAMORI_COLOR_GREEN,
                       MAMORI_COLOR_GREEN };

  for (guint i = 0; i < pack->assets->len; i++)
    secret += mamori_asset_get_class (g_ptr_array_index (pack->assets, i)) >= 2;
  for (guint i = 0; i < pack->contracts->len; i++)
    {
      MamoriContract *contract = g_ptr_array_index (pack->contracts, i);

      open_contracts += mamori_contract_get_stage (contract) != MAMORI_CONTRACT_STAGE_ENDED
                        && mamori_contract_rules_count_open (contract) > 0;
    }
  for (guint i = 0; i < pack->incidents->len; i++)
    open_incidents += ((MamoriIncident *) g_ptr_array_index (pack->incidents, i))->status != MAMORI_INCIDENT_CLOSED;
  for (guint i = 0; pack->checklists != NULL && i < mamori_checklist_catalog_get_n_checklists (pack->checklists); i++)
    {
      MamoriChecklistProgress progress;
      guint in_progress;

      mamori_pack_checklist_progress (pack, mamori_checklist_catalog_get_checklist (pack->checklists, i), &progress, &in_progress);
      done += progress.done;
      applicable += progress.applicable;
    }

  n_assets = mamori_text_format_count (pack->assets->len);
  n_secret = mamori_text_format_count (secret);
  n_contracts = mamori_text_format_count (open_contracts);
  checked = percent (done, applicable);
  n_incidents = mamori_text_format_count (open_incidents);
  /* Each tile's colour says how its figure stands: completion red below
   * half, orange below 80 %, green above; counts of problems orange or red
   * when there are any. */
  colors[2] = open_contracts > 0 ? MAMORI_COLOR_ORANGE : MAMORI_COLOR_GREEN;
  colors[3] = applicable == 0 || done * 2 < applicable ? MAMORI_COLOR_RED
              : done * 5 < applicable * 4 ? MAMORI_COLOR_ORANGE : MAMORI_COLOR_GREEN;
  colors[4] = open_incidents > 0 ? MAMORI_COLOR_RED : MAMORI_COLOR_GREEN;
  /* Translators: a summary figure's label: assets of class %s (秘) or higher */
  secret_label = g_strdup_printf (_("“%s” or higher"), class_name (pack, 2));

  mamori_doc_heading (doc, 1, _("Summary"));
  mamori_doc_figures (doc, 5,
                      (const char *[]) { n_assets, n_secret, n_contracts, checked, n_incidents },
                      (const char *[]) { _("Information assets"), secret_label, _("Contracts with open topics"),
                                         _("Checklist items done"), _("Open incidents") },
                      colors);

  /* The charts next to the figures, and the risks after them: a list of
   * risks goes on over a page, where a chart pushed on alone would leave
   * the page before it half empty. */
  mamori_doc_keep_begin (doc);
  add_class_chart (pack);
  mamori_doc_keep_end (doc);
  mamori_doc_keep_begin (doc);
  mamori_pack_add_checklist_chart (pack);
  mamori_doc_keep_end (doc);
  mamori_doc_keep_begin (doc);
  add_contract_chart (pack);
  mamori_doc_keep_end (doc);

  /* Every risk, grouped by kind, most serious first: none is dropped. */
  mamori_doc_heading (doc, 2, _("Top open risks"));
  if (risks->len == 0)
    mamori_doc_text (doc, MAMORI_TEXT_BODY, _("No open risk is recorded in the workspace."));
  for (guint i = 0; i < risks->len; i++)
    mamori_doc_bullet (doc, MAMORI_TEXT_BODY, ((Risk *) g_ptr_array_index (risks, i))->text);
}

/* Assets */

/* Where the assets listed one by one are: the appendix, or not this pack. */
static void
say_listed_in_appendix (Pack  *pack,
                        guint  n)
{
  mamori_doc_text (pack->doc, MAMORI_TEXT_MUTED,
                   pack->options->sections & MAMORI_PACK_APPENDIX
                   ? g_dngettext (GETTEXT_PACKAGE, "The asset is listed one by one in the appendix.",
                                  "The assets are listed one by one in the appendix.", n)
                   : g_dngettext (GETTEXT_PACKAGE, "Add the appendix to the pack to list the asset one by one.",
                                  "Add the appendix to the pack to list the assets one by one.", n));
}

/* A large register in the body: the assets of class @lowest and above by
 * kind of information, each class counted, with how many still have routes
 * not covered. */
static void
add_register_summary (Pack *pack,
                      int   lowest)
{
  MamoriDoc *doc = pack->doc;
  guint counts[MAMORI_ASSET_CATEGORY_OTHER + 1][MAMORI_N_CLASSES] = { { 0 } };
  guint exposed[MAMORI_ASSET_CATEGORY_OTHER + 1] = { 0 };
  guint n_columns = 0;
  double widths[MAMORI_N_CLASSES + 2];
  const char *headers[MAMORI_N_CLASSES + 2];
  guint shown = 0;

  for (guint i = 0; i < pack->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (pack->assets, i);
      int level = mamori_asset_get_class (asset);
      guint category = MIN ((guint) mamori_asset_get_category (asset), MAMORI_ASSET_CATEGORY_OTHER);

      if (level < lowest || level >= MAMORI_N_CLASSES)
        continue;
      counts[category][level]++;
      exposed[category] += mamori_asset_get_uncovered (asset) != 0;
      shown++;
    }

  widths[n_columns] = 2.4;
  headers[n_columns++] = C_("asset column", "Category");
  for (int level = MAMORI_N_CLASSES - 1; level >= lowest; level--)
    {
      widths[n_columns] = 1;
      headers[n_columns++] = class_name (pack, level);
    }
  widths[n_columns] = 1.6;
  headers[n_columns++] = C_("asset column", "Routes not covered");

  mamori_doc_table_begin (doc, n_columns, widths, headers);
  for (guint category = 0; category <= MAMORI_ASSET_CATEGORY_OTHER; category++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      guint total = 0;

      for (int level = lowest; level < MAMORI_N_CLASSES; level++)
        total += counts[category][level];
      if (total == 0)
        continue;
      g_ptr_array_add (cells, g_strdup (mamori_asset_category_get_label (category)));
      for (int level = MAMORI_N_CLASSES - 1; level >= lowest; level--)
        g_ptr_array_add (cells, mamori_text_format_count (counts[category][level]));
      g_ptr_array_add (cells, mamori_text_format_count (exposed[category]));
      mamori_doc_table_row (doc, (const char * const *) cells->pdata);
    }
  mamori_doc_table_end (doc);
  say_listed_in_appendix (pack, shown);
}

/* The register: in the body, the assets of class 秘 and above; in the
 * appendix, all of them. */
static void
add_assets (Pack     *pack,
            gboolean  appendix)
{
  MamoriDoc *doc = pack->doc;
  const double widths[] = { 2.8, 1.4, 1.2, 1.35, 1.35, 1.5, 1.9 };
  const char *headers[] = {
    C_("asset column", "Name"), C_("asset column", "Category"), C_("asset column", "Form"),
    C_("asset column", "Department"), C_("asset column", "Responsible"), C_("asset column", "Storage"),
    C_("asset column", "Routes not covered"),
  };
  int lowest = appendix ? G_MININT : 2;
  int current = G_MININT;
  guint shown = 0;
  g_autofree char *intro = NULL;

  for (guint i = 0; i < pack->assets->len; i++)
    shown += mamori_asset_get_class (g_ptr_array_index (pack->assets, i)) >= lowest;

  mamori_doc_heading (doc, appendix ? 2 : 1, _("Asset register"));
  if (appendix)
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u information asset, highest class first. The routes not covered are the "
                                          "leak routes for which no countermeasure has been adopted yet.",
                                          "%u information assets, highest class first. The routes not covered are the "
                                          "leak routes for which no countermeasure has been adopted yet.",
                                          pack->assets->len), pack->assets->len);
  else
    {
      /* Translators: the board pack's register; %s is a class name (秘), then counts */
      g_autofree char *first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u information asset of class %s or above, highest first.",
                                                             "%u information assets of class %s or above, highest first.",
                                                             shown),
                                                shown, class_name (pack, 2));
      guint others = pack->assets->len - shown;

      if (others == 0)
        intro = g_strdup (first);
      else if (pack->options->sections & MAMORI_PACK_APPENDIX)
        /* Translators: follows the sentence before; %u is a number of assets */
        intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s The other %u is in the appendix.",
                                              "%s The other %u are in the appendix.", others), first, others);
      else
        intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s The other %u is not in this pack.",
                                              "%s The other %u are not in this pack.", others), first, others);
    }
  mamori_doc_text (doc, MAMORI_TEXT_BODY, intro);
  if (shown == 0)
    mamori_doc_text (doc, MAMORI_TEXT_MUTED, pack->assets->len == 0 ? _("The register is empty.")
                                                                     : _("No asset is of that class."));
  if (!appendix && shown > BODY_ROWS)
    {
      add_register_summary (pack, lowest);
      return;
    }

  for (guint i = 0; i < pack->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (pack->assets, i);
      int level = mamori_asset_get_class (asset);
      g_autofree char *routes = NULL;

      if (level < lowest)
        continue;
      routes = dup_routes_label (mamori_asset_get_uncovered (asset));
      if (level != current)
        {
          g_autofree char *heading = NULL;
          guint n = 0;

          if (current != G_MININT)
            mamori_doc_table_end (doc);
          for (guint j = i; j < pack->assets->len && mamori_asset_get_class (g_ptr_array_index (pack->assets, j)) == level; j++)
            n++;
          /* Translators: a class and how many assets are in it: 極秘 (12) */
          heading = g_strdup_printf (_("%s (%u)"), class_name (pack, level), n);
          mamori_doc_heading (doc, appendix ? 3 : 2, heading);
          mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, headers);
          mamori_doc_table_keep_words (doc, 4);
          current = level;
        }
      mamori_doc_table_row_marked (doc, class_color (level), (const char *[]) {
        mamori_text_is_blank (mamori_asset_get_name (asset)) ? _("(unnamed asset)") : mamori_asset_get_name (asset),
        mamori_asset_category_get_label (mamori_asset_get_category (asset)),
        mamori_asset_form_get_label (mamori_asset_get_form (asset)),
        mamori_pack_or_dash (mamori_asset_get_department (asset)),
        mamori_pack_or_dash (mamori_asset_get_responsible (asset)),
        mamori_pack_or_dash (mamori_asset_get_storage (asset)),
        mamori_pack_or_dash (routes),
      });
    }
  if (current != G_MININT)
    mamori_doc_table_end (doc);
}

/* The classified assets with routes no adopted countermeasure covers. */
static gboolean
has_gap (MamoriAsset *asset)
{
  return mamori_asset_get_class (asset) > 0 && mamori_asset_get_uncovered (asset) != 0;
}

/* One row per asset with a gap: its routes not covered and what it misses
 * of the trade-secret requirements. */
static void
add_gaps_table (Pack *pack)
{
  MamoriDoc *doc = pack->doc;
  const double widths[] = { 3, 1.2, 2.6, 2.4 };
  const char *headers[] = {
    C_("asset column", "Name"), C_("asset column", "Class"), C_("asset column", "Routes not covered"),
    C_("asset column", "Trade secret protection"),
  };
  guint n = 0;

  for (guint i = 0; i < pack->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (pack->assets, i);
      int level = mamori_asset_get_class (asset);
      guint uncovered = mamori_asset_get_uncovered (asset);
      MamoriSecretFacts facts;
      g_autofree char *routes = NULL;
      g_autofree char *list = NULL;
      g_autoptr(GString) secret = g_string_new (NULL);

      if (!has_gap (asset))
        continue;
      mamori_asset_get_secret_facts (asset, &facts);
      for (int r = 0; r < MAMORI_N_REQUIREMENTS; r++)
        if (!mamori_trade_secret_is_met (&facts, r))
          {
            if (secret->len > 0)
              g_string_append (secret, _(", "));
            g_string_append (secret, mamori_requirement_get_label (r));
          }
      if (secret->len > 0)
        g_string_prepend (secret, _("Missing: "));
      else
        g_string_append (secret, _("All three met"));
      list = dup_routes_label (uncovered);
      /* Translators: how many of the four leak routes are not covered, then which */
      routes = uncovered == MAMORI_ALL_ROUTES ? g_strdup (list)
                                              : g_strdup_printf (_("%u of %u: %s"), count_routes (uncovered),
                                                                 MAMORI_N_ROUTES, list);
      if (n++ == 0)
        mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, headers);
      mamori_doc_table_row_marked (doc, class_color (level), (const char *[]) {
        mamori_text_is_blank (mamori_asset_get_name (asset)) ? _("(unnamed asset)") : mamori_asset_get_name (asset),
        class_name (pack, level), routes, secret->str,
      });
    }
  if (n > 0)
    mamori_doc_table_end (doc);
}

/* Many gaps, in the body: how many assets each route leaves open, by class,
 * and how many miss each trade-secret requirement. */
static void
add_gaps_summary (Pack  *pack,
                  guint  n_gaps)
{
  MamoriDoc *doc = pack->doc;
  guint routes[MAMORI_N_ROUTES][MAMORI_N_CLASSES] = { { 0 } };
  guint missing[MAMORI_N_REQUIREMENTS] = { 0 };
  double widths[MAMORI_N_CLASSES + 1];
  const char *headers[MAMORI_N_CLASSES + 1];
  guint n_columns = 0;

  for (guint i = 0; i < pack->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (pack->assets, i);
      int level = mamori_asset_get_class (asset);
      MamoriSecretFacts facts;

      if (!has_gap (asset) || level >= MAMORI_N_CLASSES)
        continue;
      for (int route = 0; route < MAMORI_N_ROUTES; route++)
        routes[route][level] += (mamori_asset_get_uncovered (asset) & MAMORI_ROUTE_BIT (route)) != 0;
      mamori_asset_get_secret_facts (asset, &facts);
      for (int r = 0; r < MAMORI_N_REQUIREMENTS; r++)
        missing[r] += !mamori_trade_secret_is_met (&facts, r);
    }

  widths[n_columns] = 2.4;
  /* Translators: a column of the board pack's summary of countermeasure gaps: the leak route */
  headers[n_columns++] = C_("gap column", "Route not covered");
  for (int level = MAMORI_N_CLASSES - 1; level > 0; level--)
    {
      widths[n_columns] = 1;
      headers[n_columns++] = class_name (pack, level);
    }
  mamori_doc_table_begin (doc, n_columns, widths, headers);
  for (int route = 0; route < MAMORI_N_ROUTES; route++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, g_strdup (mamori_route_get_label (route)));
      for (int level = MAMORI_N_CLASSES - 1; level > 0; level--)
        g_ptr_array_add (cells, mamori_text_format_count (routes[route][level]));
      mamori_doc_table_row (doc, (const char * const *) cells->pdata);
    }
  mamori_doc_table_end (doc);

  mamori_doc_spacer (doc, 6);
  mamori_doc_table_begin (doc, 2, (const double[]) { 3, 1 },
                          (const char *[]) { C_("gap column", "Trade-secret requirement not met"),
                                             C_("gap column", "Assets") });
  for (int r = 0; r < MAMORI_N_REQUIREMENTS; r++)
    {
      g_autofree char *count = mamori_text_format_count (missing[r]);

      mamori_doc_table_row (doc, (const char *[]) { mamori_requirement_get_label (r), count });
    }
  mamori_doc_table_end (doc);
  say_listed_in_appendix (pack, n_gaps);
}

static void
add_gaps (Pack     *pack,
          gboolean  appendix)
{
  MamoriDoc *doc = pack->doc;
  guint n = 0, classified = 0;

  for (guint i = 0; i < pack->assets->len; i++)
    {
      MamoriAsset *asset = g_ptr_array_index (pack->assets, i);

      classified += mamori_asset_get_class (asset) > 0;
      n += has_gap (asset);
    }
  /* In the appendix only when the body had to summarise them. */
  if (appendix && n <= BODY_ROWS)
    return;

  mamori_doc_heading (doc, appendix ? 2 : 1, _("Countermeasure gaps"));
  if (appendix)
    {
      add_gaps_table (pack);
      return;
    }
  mamori_doc_text (doc, MAMORI_TEXT_BODY,
                   _("Assets with leak routes — employees, retirees, partners, outsiders — that no adopted "
                     "countermeasure covers yet, and whether each still meets the three requirements for protection "
                     "as a trade secret (secrecy management, usefulness, not publicly known)."));
  if (n == 0)
    mamori_doc_text (doc, MAMORI_TEXT_MUTED,
                     classified == 0 ? _("No asset is classified yet, so there is nothing to check for gaps: register and "
                                         "evaluate the information assets first.")
                                     : _("Every classified asset has a countermeasure adopted on each route."));
  else if (n > BODY_ROWS)
    add_gaps_summary (pack, n);
  else
    add_gaps_table (pack);
}

/* Building */

static void
add_single_item_head (Pack       *pack,
                      const char *title,
                      const char *organization,
                      const char *author)
{
  g_autofree char *date = mamori_pack_format_date (pack->options->date != NULL ? pack->options->date : pack->today);

  mamori_doc_text (pack->doc, MAMORI_TEXT_SUBTITLE, title);
  add_facts_and_approval (pack, organization, date, author);
}

MamoriDoc *
mamori_pack_build (MamoriStore               *store,
                   const MamoriReportOptions *options,
                   const char                *title,
                   const char                *organization,
                   const char                *author,
                   GDateTime                 *now,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  g_autoptr(MamoriDoc) doc = mamori_doc_new ();
  g_autoptr(MamoriProfile) profile = NULL;
  Pack pack = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  pack.store = store;
  pack.options = options;
  pack.now = now;
  pack.today = g_date_time_format (now, "%Y-%m-%d");
  pack.doc = doc;
  if (!load (&pack, options->kind == MAMORI_REPORT_BOARD_PACK
                    && (options->sections & (MAMORI_PACK_SUMMARY | MAMORI_PACK_ASSETS | MAMORI_PACK_GAPS |
                                             MAMORI_PACK_APPENDIX)) != 0,
             error))
    goto out;
  profile = mamori_store_dup_profile (store, NULL);

  switch (options->kind)
    {
    case MAMORI_REPORT_CONTRACT_MEMO:
      {
        MamoriContract *contract = NULL;

        for (guint i = 0; i < pack.contracts->len; i++)
          if (mamori_contract_get_id (g_ptr_array_index (pack.contracts, i)) == options->item_id)
            contract = g_ptr_array_index (pack.contracts, i);
        if (contract == NULL)
          {
            g_set_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_NOT_FOUND,
                         _("The contract is no longer in the workspace, so there is no memo to write."));
            goto out;
          }
        add_single_item_head (&pack, title, organization, author);
        mamori_pack_add_contract (&pack, contract, 2, TRUE);
      }
      break;

    case MAMORI_REPORT_INCIDENT:
      {
        MamoriIncident *incident = NULL;

        for (guint i = 0; i < pack.incidents->len; i++)
          if (((MamoriIncident *) g_ptr_array_index (pack.incidents, i))->id == options->item_id)
            incident = g_ptr_array_index (pack.incidents, i);
        if (incident == NULL)
          {
            g_set_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_NOT_FOUND,
                         _("The incident is no longer in the workspace, so there is no report to write."));
            goto out;
          }
        add_single_item_head (&pack, title, organization, author);
        if (!mamori_pack_add_incident (&pack, incident, 2, error))
          goto out;
      }
      break;

    case MAMORI_REPORT_BOARD_PACK:
    default:
      {
        guint sections = options->sections;
        guint after_cover = sections & ~MAMORI_PACK_COVER;

        guint details = after_cover & ~MAMORI_PACK_DECISIONS;

        if (sections & MAMORI_PACK_COVER)
          add_cover (&pack, title, organization, author);
        /* The decision paper first, so that the first pages say where the
         * company stands and what the board is asked; then the contents of
         * the details, when there is something to find. */
        if ((sections & MAMORI_PACK_DECISIONS) && !mamori_pack_add_decisions (&pack, error))
          goto out;
        if ((details & (details - 1)) != 0)
          mamori_doc_contents (doc, _("Contents"));
        if (sections & MAMORI_PACK_SUMMARY)
          add_summary (&pack);
        if (sections & MAMORI_PACK_ASSETS)
          add_assets (&pack, FALSE);
        if (sections & MAMORI_PACK_GAPS)
          add_gaps (&pack, FALSE);
        if (sections & MAMORI_PACK_CONTRACTS)
          mamori_pack_add_contracts (&pack);
        if ((sections & MAMORI_PACK_SCREENINGS) && !mamori_pack_add_screenings (&pack, error))
          goto out;
        if (sections & MAMORI_PACK_CHECKLISTS)
          mamori_pack_add_checklists (&pack, FALSE);
        if ((sections & MAMORI_PACK_INCIDENTS) && !mamori_pack_add_incidents (&pack, error))
          goto out;
        if (sections & MAMORI_PACK_CONTACTS)
          mamori_pack_add_contacts (&pack, profile);
        if (sections & MAMORI_PACK_APPENDIX)
          {
            /* Translators: the heading of the board pack's appendix (付録) */
            mamori_doc_heading (doc, 1, _("Appendix"));
            mamori_doc_text (doc, MAMORI_TEXT_MUTED,
                             _("For reference: the whole asset register and the full checklists, item by item."));
            add_assets (&pack, TRUE);
            if (sections & MAMORI_PACK_GAPS)
              add_gaps (&pack, TRUE);
            mamori_pack_add_checklists (&pack, TRUE);
          }
      }
      break;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  ok = TRUE;

out:
  pack_clear (&pack);
  return ok ? g_steal_pointer (&doc) : NULL;
}
