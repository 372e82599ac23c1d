/* mamori-report.c — briefing packs and single-item documents as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "analysis/mamori-text.h"
#include "assess/mamori-findings.h"
#include "mamori-i18n.h"
#include "report/mamori-layout.h"
#include "report/mamori-pack.h"
#include "report/mamori-report.h"

static const char * const section_ids[MAMORI_N_PACK_SECTIONS] = {
  "cover", "decisions", "summary", "assets", "gaps", "contracts", "screenings", "checklists", "incidents", "contacts", "appendix",
};

MamoriReportOptions *
mamori_report_options_new (MamoriReportKind  kind,
                           const char       *language)
{
  MamoriReportOptions *options = g_new0 (MamoriReportOptions, 1);

  options->kind = kind;
  options->sections = MAMORI_PACK_ALL;
  options->language = g_strdup (g_strcmp0 (language, MAMORI_LANG_EN) == 0 ? MAMORI_LANG_EN : MAMORI_LANG_JA);
  options->paper = MAMORI_PAPER_A4;
  return options;
}

MamoriReportOptions *
mamori_report_options_copy (const MamoriReportOptions *options)
{
  MamoriReportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->language = g_strdup (options->language);
  copy->mark = g_strdup (options->mark);
  copy->author = g_strdup (options->author);
  copy->date = g_strdup (options->date);
  copy->meeting = g_strdup (options->meeting);
  copy->meeting_date = g_strdup (options->meeting_date);
  copy->doc_version = g_strdup (options->doc_version);
  copy->department = g_strdup (options->department);
  copy->distribution = g_strdup (options->distribution);
  return copy;
}

void
mamori_report_options_free (MamoriReportOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->language);
  g_free (options->mark);
  g_free (options->author);
  g_free (options->date);
  g_free (options->meeting);
  g_free (options->meeting_date);
  g_free (options->doc_version);
  g_free (options->department);
  g_free (options->distribution);
  g_free (options);
}

static int
section_index (MamoriPackSection section)
{
  for (int i = 0; i < MAMORI_N_PACK_SECTIONS; i++)
    if (section == 1u << i)
      return i;
  return -1;
}

/**
 * mamori_pack_section_get_id:
 *
 * Returns: the section's name on the command line ("assets")
 */
const char *
mamori_pack_section_get_id (MamoriPackSection section)
{
  int index = section_index (section);

  g_return_val_if_fail (index >= 0, NULL);
  return section_ids[index];
}

const char *
mamori_pack_section_get_label (MamoriPackSection section)
{
  switch (section)
    {
    /* Translators: the sections of a board pack, as offered to choose from */
    case MAMORI_PACK_COVER:      return _("Cover and approval box");
    case MAMORI_PACK_DECISIONS:  return _("Assessment, decisions, risk map and action plan");
    case MAMORI_PACK_SUMMARY:    return _("Summary with charts");
    case MAMORI_PACK_ASSETS:     return _("Asset register");
    case MAMORI_PACK_GAPS:       return _("Countermeasure gaps");
    case MAMORI_PACK_CONTRACTS:  return _("Contract reviews");
    case MAMORI_PACK_SCREENINGS: return _("Screening records");
    case MAMORI_PACK_CHECKLISTS: return _("Checklist status");
    case MAMORI_PACK_INCIDENTS:  return _("Incidents");
    case MAMORI_PACK_CONTACTS:   return _("Contacts");
    case MAMORI_PACK_APPENDIX:   return _("Appendix: the whole register and the full checklists");
    default:                     g_return_val_if_reached (NULL);
    }
}

/**
 * mamori_pack_sections_parse:
 * @text: section names separated by commas ("summary,assets"), or "all"
 *
 * Returns: whether every name is a section; the error lists the names
 */
gboolean
mamori_pack_sections_parse (const char  *text,
                            guint       *out_sections,
                            GError     **error)
{
  g_auto(GStrv) names = NULL;
  guint sections = 0;

  g_return_val_if_fail (text != NULL && out_sections != NULL, FALSE);

  names = g_strsplit_set (text, ", ", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      int found = -1;

      if (names[i][0] == '\0')
        continue;
      if (g_ascii_strcasecmp (names[i], "all") == 0)
        {
          sections = MAMORI_PACK_ALL;
          continue;
        }
      for (int j = 0; j < MAMORI_N_PACK_SECTIONS; j++)
        if (g_ascii_strcasecmp (names[i], section_ids[j]) == 0)
          found = j;
      if (found < 0)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) section_ids);

          g_set_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_INVALID,
                       /* Translators: %s is a word the user gave, then the list of section names */
                       _("“%s” is not a section of a pack. The sections are: %s, or all."), names[i], known);
          return FALSE;
        }
      sections |= 1u << found;
    }
  if (sections == 0)
    {
      g_set_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_INVALID,
                   _("No section was chosen, so the pack would be empty."));
      return FALSE;
    }
  *out_sections = sections;
  return TRUE;
}

/* Runs @func's strings in @language: a pack's language is its own. */
#define WITH_LANGUAGE(language, expr) \
  G_STMT_START { \
    g_autofree char *saved__ = g_strdup (mamori_i18n_get_thread_language ()); \
    mamori_i18n_set_thread_language (language); \
    expr; \
    mamori_i18n_set_thread_language (saved__); \
  } G_STMT_END

/**
 * mamori_report_get_required_class:
 *
 * The lowest class the document's mark may be: the highest class of any
 * asset it names — the register's (whole register, gaps, summary and
 * decision paper), the assets disclosed under the contracts it reviews,
 * those linked to the incidents it reports — and 極秘 (the top class)
 * when it includes an open incident about an insider. Never below the
 * "internal only" class (1).
 */
int
mamori_report_get_required_class (MamoriStore               *store,
                                  const MamoriReportOptions *options)
{
  gboolean board = options->kind == MAMORI_REPORT_BOARD_PACK;
  int required = 1;

  g_return_val_if_fail (MAMORI_IS_STORE (store), 1);

  if (board && (options->sections & (MAMORI_PACK_DECISIONS | MAMORI_PACK_SUMMARY | MAMORI_PACK_ASSETS | MAMORI_PACK_GAPS)))
    required = MAX (required, mamori_store_get_highest_class (store, NULL, NULL));

  if (options->kind == MAMORI_REPORT_CONTRACT_MEMO || (board && (options->sections & MAMORI_PACK_CONTRACTS)))
    {
      g_autoptr(GPtrArray) contracts = mamori_store_dup_contracts (store, NULL);

      for (guint i = 0; contracts != NULL && i < contracts->len; i++)
        {
          MamoriContract *contract = g_ptr_array_index (contracts, i);

          if (board || mamori_contract_get_id (contract) == options->item_id)
            required = MAX (required, mamori_store_get_highest_class (store, mamori_contract_get_asset_ids (contract), NULL));
        }
    }

  if (options->kind == MAMORI_REPORT_INCIDENT || (board && (options->sections & (MAMORI_PACK_INCIDENTS | MAMORI_PACK_DECISIONS))))
    {
      g_autoptr(GPtrArray) incidents = mamori_store_dup_incidents (store, NULL);

      for (guint i = 0; incidents != NULL && i < incidents->len; i++)
        {
          MamoriIncident *incident = g_ptr_array_index (incidents, i);

          if (!board && incident->id != options->item_id)
            continue;
          required = MAX (required, mamori_store_get_highest_class (store, incident->asset_ids, NULL));
          if (incident->kind == MAMORI_INCIDENT_INSIDER && incident->status != MAMORI_INCIDENT_CLOSED)
            required = MAMORI_N_CLASSES - 1;
        }
    }
  return CLAMP (required, 1, MAMORI_N_CLASSES - 1);
}

/**
 * mamori_report_get_mark_class:
 *
 * Returns: the class @mark names (the workspace's name for it, in Japanese
 *   or English), or -1 for a mark that names none
 */
int
mamori_report_get_mark_class (MamoriStore *store,
                              const char  *mark)
{
  g_autoptr(MamoriClassScheme) scheme = NULL;
  g_autofree char *wanted = NULL;
  static const char * const languages[] = { MAMORI_LANG_JA, MAMORI_LANG_EN };

  g_return_val_if_fail (MAMORI_IS_STORE (store), -1);

  if (mamori_text_is_blank (mark))
    return -1;
  wanted = mamori_text_normalize_loose (mark);
  scheme = mamori_store_dup_class_scheme (store);
  for (int level = MAMORI_N_CLASSES - 1; level >= 0; level--)
    for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
      {
        g_autofree char *name = NULL;

        WITH_LANGUAGE (languages[i], name = mamori_text_normalize_loose (mamori_class_scheme_get_name (scheme, level)));
        if (g_strcmp0 (name, wanted) == 0)
          return level;
      }
  return -1;
}

/**
 * mamori_report_dup_issue_label:
 *
 * Returns: (transfer full) (nullable): the label of the snapshot that issuing
 *   a board pack for its meeting records — the meeting and its date (the
 *   pack's date when none is given, so that a monthly 「取締役会」 is not one
 *   meeting), 「第12回 取締役会 2026-12-15」 — or %NULL when no meeting is named
 */
char *
mamori_report_dup_issue_label (const MamoriReportOptions *options)
{
  g_autofree char *meeting = NULL;
  g_autofree char *today = NULL;
  const char *date;

  g_return_val_if_fail (options != NULL, NULL);

  if (options->kind != MAMORI_REPORT_BOARD_PACK || mamori_text_is_blank (options->meeting))
    return NULL;
  meeting = g_strstrip (g_strdup (options->meeting));
  date = options->meeting_date;
  if (mamori_text_is_blank (date))
    date = options->date;
  if (mamori_text_is_blank (date))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = today = g_date_time_format (now, "%Y-%m-%d");
    }
  return g_strdup_printf ("%s %s", meeting, date);
}

/**
 * mamori_report_find_issue:
 * @snapshots: (element-type MamoriSnapshot): every snapshot, newest first
 *
 * Returns: the index in @snapshots of the first (oldest) snapshot recorded
 *   for @issue, or -1
 */
int
mamori_report_find_issue (GPtrArray  *snapshots,
                          const char *issue)
{
  int found = -1;

  for (guint i = 0; issue != NULL && i < snapshots->len; i++)
    if (g_strcmp0 (((MamoriSnapshot *) g_ptr_array_index (snapshots, i))->label, issue) == 0)
      found = (int) i;
  return found;
}

/**
 * mamori_report_record_issue:
 * @label: (out) (optional) (transfer full): the snapshot's label, or %NULL
 *   when none was recorded
 *
 * After a board pack for a meeting is written: records a snapshot of the
 * figures and findings under the meeting's label, so that the next pack
 * reports what changed since this meeting. A pack issued again for the same
 * meeting (a corrected copy) records nothing more, and compares with the
 * snapshot before (see mamori_pack_add_decisions()).
 *
 * Returns: %FALSE with @error set if the snapshot could not be recorded
 */
gboolean
mamori_report_record_issue (MamoriStore                *store,
                            const MamoriReportOptions  *options,
                            char                      **label,
                            GError                    **error)
{
  g_autofree char *issue = mamori_report_dup_issue_label (options);
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(MamoriAssessment) assessment = NULL;
  g_autoptr(MamoriSnapshot) snapshot = NULL;

  g_return_val_if_fail (MAMORI_IS_STORE (store), FALSE);

  if (label != NULL)
    *label = NULL;
  if (issue == NULL)
    return TRUE;
  /* Once per meeting, whatever was recorded since. */
  if ((snapshots = mamori_store_dup_snapshots (store, 0, error)) == NULL)
    return FALSE;
  if (mamori_report_find_issue (snapshots, issue) >= 0)
    return TRUE;
  if ((assessment = mamori_assessment_load (store, error)) == NULL)
    return FALSE;
  snapshot = mamori_findings_new_snapshot (assessment->facts, assessment->findings, issue);
  if (mamori_store_add_snapshot (store, snapshot, error) <= 0)
    return FALSE;
  if (label != NULL)
    *label = g_steal_pointer (&issue);
  return TRUE;
}

/**
 * mamori_report_dup_default_author:
 *
 * Returns: (transfer full): who prepared a document unless the user says:
 *   the security officer named in the profile, else the account's full
 *   name, else "" — never the login name ("root" on a cover helps nobody)
 */
char *
mamori_report_dup_default_author (MamoriStore *store)
{
  g_autoptr(MamoriProfile) profile = NULL;
  const char *name;

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  profile = mamori_store_dup_profile (store, NULL);
  if (profile != NULL && !mamori_text_is_blank (mamori_profile_get_security_officer (profile)))
    return g_strdup (mamori_profile_get_security_officer (profile));
  name = g_get_real_name ();
  /* GLib says "Unknown" when the account has no full name. */
  if (mamori_text_is_blank (name) || g_strcmp0 (name, "Unknown") == 0)
    return g_strdup ("");
  return g_strdup (name);
}

/**
 * mamori_report_dup_default_mark:
 *
 * Returns: (transfer full): the mark a document gets unless the user
 *   chooses another: the workspace's name for the class it must carry at
 *   least (mamori_report_get_required_class()), in its language
 */
char *
mamori_report_dup_default_mark (MamoriStore               *store,
                                const MamoriReportOptions *options)
{
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return mamori_report_dup_class_mark (store, mamori_report_get_required_class (store, options), options->language);
}

/* The workspace's name for the class @level, in @language: a mark. */
char *
mamori_report_dup_class_mark (MamoriStore *store,
                              int          level,
                              const char  *language)
{
  g_autoptr(MamoriClassScheme) scheme = NULL;
  char *mark = NULL;

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  scheme = mamori_store_dup_class_scheme (store);
  WITH_LANGUAGE (language, mark = g_strdup (mamori_class_scheme_get_name (scheme, level)));
  return mark;
}

/* The contract's or incident's title, as the document names it. */
static char *
dup_item_title (MamoriStore               *store,
                const MamoriReportOptions *options)
{
  const char *title = NULL;
  char *result;

  if (options->kind == MAMORI_REPORT_CONTRACT_MEMO)
    {
      g_autoptr(MamoriContract) contract = mamori_store_dup_contract (store, options->item_id, NULL);

      if (contract != NULL && !mamori_text_is_blank (mamori_contract_get_title (contract)))
        return g_strdup (mamori_contract_get_title (contract));
      return g_strdup (_("(untitled contract)"));
    }

  if (options->kind == MAMORI_REPORT_INCIDENT)
    {
      g_autoptr(GPtrArray) incidents = mamori_store_dup_incidents (store, NULL);

      for (guint i = 0; incidents != NULL && i < incidents->len; i++)
        {
          MamoriIncident *incident = g_ptr_array_index (incidents, i);

          if (incident->id == options->item_id)
            title = incident->title;
        }
      result = g_strdup (!mamori_text_is_blank (title) ? title : _("(untitled incident)"));
      return result;
    }
  return g_strdup ("");
}

static char *
dup_title_in_language (MamoriStore               *store,
                       const MamoriReportOptions *options)
{
  g_autofree char *item = NULL;

  switch (options->kind)
    {
    case MAMORI_REPORT_CONTRACT_MEMO:
      item = dup_item_title (store, options);
      /* Translators: the title of a one-contract document; %s is the contract's title */
      return g_strdup_printf (_("Contract review memo: %s"), item);
    case MAMORI_REPORT_INCIDENT:
      item = dup_item_title (store, options);
      /* Translators: the title of a one-incident document; %s is the incident's title */
      return g_strdup_printf (_("Incident report: %s"), item);
    case MAMORI_REPORT_BOARD_PACK:
    default:
      /* Translators: the title of the board pack, on its cover and in the PDF's properties */
      return g_strdup (_("Economic Security Briefing Pack"));
    }
}

/**
 * mamori_report_dup_title:
 *
 * Returns: (transfer full): the document's title in its language
 */
char *
mamori_report_dup_title (MamoriStore               *store,
                         const MamoriReportOptions *options)
{
  char *title = NULL;

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  WITH_LANGUAGE (options->language, title = dup_title_in_language (store, options));
  return title;
}

/**
 * mamori_report_dup_file_name:
 *
 * Returns: (transfer full): a file name to suggest for saving, with the
 *   date: "Briefing pack 2026-11-26.pdf" in the document's language
 */
char *
mamori_report_dup_file_name (MamoriStore               *store,
                             const MamoriReportOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *item = NULL;

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  date = options->date != NULL ? g_strdup (options->date) : g_date_time_format (now, "%Y-%m-%d");

  WITH_LANGUAGE (options->language, {
    if (options->kind != MAMORI_REPORT_BOARD_PACK)
      item = g_strstrip (dup_item_title (store, options));
    if (options->kind == MAMORI_REPORT_CONTRACT_MEMO)
      /* Translators: a file name: the contract's title and the date */
      name = g_strdup_printf (_("Contract memo %s %s.pdf"), item, date);
    else if (options->kind == MAMORI_REPORT_INCIDENT)
      /* Translators: a file name: the incident's title and the date */
      name = g_strdup_printf (_("Incident report %s %s.pdf"), item, date);
    else
      /* Translators: a file name with the date */
      name = g_strdup_printf (_("Briefing pack %s.pdf"), date);
  });
  /* No folder separators from a title. */
  g_strdelimit (name, "/\\:", '-');
  return g_steal_pointer (&name);
}

static char *
dup_organization (MamoriStore *store,
                  const char  *language)
{
  g_autoptr(MamoriProfile) profile = mamori_store_dup_profile (store, NULL);
  const char *name = profile != NULL ? mamori_profile_get_display_name (profile, g_strcmp0 (language, MAMORI_LANG_EN) == 0)
                                     : NULL;

  g_autofree char *file = NULL;
  char *dot;

  if (!mamori_text_is_blank (name))
    return g_strdup (name);
  /* No profile yet: the workspace's name, without ".mamori". */
  file = mamori_store_dup_display_name (store);
  if ((dot = strrchr (file, '.')) != NULL && dot != file && g_ascii_strcasecmp (dot, ".mamori") == 0)
    *dot = '\0';
  return g_steal_pointer (&file);
}

typedef struct
{
  const MamoriReportOptions *options;
  const char                *title;
  const char                *organization;
  const char                *author;
  GDateTime                 *now;
  GCancellable              *cancellable;
  MamoriDoc                 *doc;
} BuildJob;

static gboolean
build_in_transaction (MamoriStore  *store,
                      gpointer      user_data,
                      GError      **error)
{
  BuildJob *build = user_data;

  build->doc = mamori_pack_build (store, build->options, build->title, build->organization, build->author,
                                  build->now, build->cancellable, error);
  return build->doc != NULL;
}

/**
 * mamori_report_render:
 *
 * Reads the workspace and draws the document @options ask for. Blocks:
 * call it in a worker thread with a connection of its own.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
mamori_report_render (MamoriStore               *store,
                      const MamoriReportOptions *options,
                      MamoriReportProgressFunc   progress,
                      gpointer                   user_data,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(MamoriDoc) doc = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *title = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *subject = NULL;
  const char *author;
  g_autofree char *default_author = NULL;
  MamoriPageSetup setup = { 0 };
  GBytes *pdf = NULL;

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!mamori_i18n_has_language (options->language))
    {
      g_set_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_NO_LANGUAGE,
                   _("Mamori’s Japanese translations are not installed, so a Japanese document cannot be written. "
                     "Reinstall Mamori, or choose English."));
      return NULL;
    }

  saved = g_strdup (mamori_i18n_get_thread_language ());
  mamori_i18n_set_thread_language (options->language);

  organization = dup_organization (store, options->language);
  title = dup_title_in_language (store, options);
  mark = !mamori_text_is_blank (options->mark) ? g_strdup (options->mark)
                                               : mamori_report_dup_default_mark (store, options);
  author = default_author = !mamori_text_is_blank (options->author) ? g_strdup (options->author)
                                                                    : mamori_report_dup_default_author (store);
  {
    MamoriReportOptions effective = *options;
    BuildJob build = { &effective, title, organization, author, now, cancellable, NULL };

    effective.mark = mark;
    /* One read transaction: the sections agree even if the workspace is
     * edited while the pack is made. */
    if (!mamori_store_read (store, build_in_transaction, &build, error))
      goto out;
    doc = g_steal_pointer (&build.doc);
  }

  /* Translators: the PDF's subject property */
  subject = g_strdup_printf (_("Economic security (経済安全保障) — %s"), organization);
  setup.paper = options->paper;
  setup.language = options->language;
  setup.mark = mark;
  setup.organization = organization;
  setup.title = title;
  setup.author = author;
  setup.subject = subject;
  setup.created = now;
  setup.copies = options->kind == MAMORI_REPORT_BOARD_PACK ? options->copies : 0;
  setup.cover = options->kind == MAMORI_REPORT_BOARD_PACK && (options->sections & MAMORI_PACK_COVER) != 0;
  pdf = mamori_doc_render_pdf (doc, &setup, progress, user_data, cancellable, error);

out:
  mamori_i18n_set_thread_language (saved);
  return pdf;
}

typedef struct
{
  MamoriReportOptions      *options;
  char                     *workspace;
  MamoriReportProgressFunc  progress;
  gpointer                  progress_data;
  GMainContext             *context;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  mamori_report_options_free (job->options);
  g_free (job->workspace);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  RenderJob *job;
  double     fraction;
  GTask     *task;
} ProgressUpdate;

static gboolean
progress_in_main (gpointer data)
{
  ProgressUpdate *update = data;

  /* Not after the result, nor once the caller has given up: it may be gone. */
  if (!g_task_get_completed (update->task) && !g_cancellable_is_cancelled (g_task_get_cancellable (update->task)))
    update->job->progress (update->fraction, update->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (ProgressUpdate *update)
{
  g_object_unref (update->task);
  g_free (update);
}

static void
progress_from_thread (double   fraction,
                      gpointer user_data)
{
  GTask *task = user_data;
  RenderJob *job = g_task_get_task_data (task);
  ProgressUpdate *update;

  if (job->progress == NULL)
    return;
  update = g_new (ProgressUpdate, 1);
  update->job = job;
  update->fraction = fraction;
  update->task = g_object_ref (task);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_in_main, update,
                              (GDestroyNotify) progress_update_free);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *pdf = NULL;

  store = mamori_store_open (job->workspace, MAMORI_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    pdf = mamori_report_render (store, job->options, progress_from_thread, task, cancellable, &error);
  if (pdf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

void
mamori_report_render_async (MamoriStore               *store,
                            const MamoriReportOptions *options,
                            MamoriReportProgressFunc   progress,
                            gpointer                   progress_data,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  g_return_if_fail (MAMORI_IS_STORE (store));
  g_return_if_fail (options != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, mamori_report_render_async);
  g_task_set_return_on_cancel (task, FALSE);
  job = g_new0 (RenderJob, 1);
  job->options = mamori_report_options_copy (options);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);

  if (mamori_store_get_path (store) != NULL)
    {
      job->workspace = g_strdup (mamori_store_get_path (store));
      g_task_run_in_thread (task, render_thread);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      GBytes *pdf = mamori_report_render (store, options, NULL, NULL, cancellable, &error);

      if (pdf == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
    }
}

GBytes *
mamori_report_render_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mamori_report_render_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
