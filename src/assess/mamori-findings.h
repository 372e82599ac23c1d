/* mamori-findings.h — what the workspace's records mean, and what to do first
 *
 * A finding is derived from the workspace, never typed in: the rules of
 * mamori-finding-rules.c read a #MamoriFacts (everything they need, read
 * from the workspace in one go) and give each finding a likelihood and an
 * impact (1–3; severity is their product), the reason in words and the
 * action recommended. Findings are recomputed whenever their facts change;
 * the user's decisions on one (an action, a dismissal) are kept under its
 * key, which names its kind and the records it is about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "catalog/mamori-catalog.h"
#include "catalog/mamori-checklists.h"
#include "store/mamori-store.h"

G_BEGIN_DECLS

/* Everything the rules read, loaded from a workspace at one moment. */
typedef struct
{
  GDateTime              *now;            /* in the user's time zone */
  char                   *today;          /* YYYY-MM-DD, from @now */
  MamoriProfile          *profile;
  MamoriClassScheme      *scheme;         /* the workspace's class names */
  GPtrArray              *assets;         /* of MamoriAsset, not deleted */
  GHashTable             *asset_by_id;    /* gint64 * → borrowed MamoriAsset */
  gint64                 *asset_ids;      /* the keys of asset_by_id */
  GPtrArray              *contracts;      /* of MamoriContract, not deleted */
  GHashTable             *contract_flags; /* gint64 * → MamoriContractFlags */
  GPtrArray              *screenings;     /* of MamoriScreening */
  GHashTable             *item_states;    /* item id → MamoriItemState */
  GPtrArray              *incidents;      /* of MamoriIncident */
  GPtrArray              *actions;        /* of MamoriAction */
  GHashTable             *dismissals;     /* finding key → MamoriDismissal */
  MamoriSnapshot         *snapshot;       /* the latest, or NULL */
  MamoriCatalog          *catalog;
  MamoriChecklistCatalog *checklists;
} MamoriFacts;

MamoriFacts *mamori_facts_load (MamoriStore            *store,
                                MamoriCatalog          *catalog,
                                MamoriChecklistCatalog *checklists,
                                GDateTime              *now,
                                GError                **error);
MamoriFacts *mamori_facts_load_default (MamoriStore          *store,
                                        GDateTime            *now,
                                        GError              **error);
void         mamori_facts_free (MamoriFacts            *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriFacts, mamori_facts_free)

typedef enum
{
  MAMORI_RECORD_PROFILE,
  MAMORI_RECORD_ASSET,
  MAMORI_RECORD_CONTRACT,
  MAMORI_RECORD_SCREENING,
  MAMORI_RECORD_CHECKLIST,
  MAMORI_RECORD_INCIDENT,
} MamoriRecordType;

const char *mamori_record_type_get_id (MamoriRecordType type);

/* A record a finding is about: an id, or for a checklist its key. */
typedef struct
{
  MamoriRecordType  type;
  gint64            id;
  const char       *key;   /* checklists only: static, from the catalog */
} MamoriRecordRef;

typedef enum
{
  MAMORI_FINDING_NEW,        /* not in the latest snapshot */
  MAMORI_FINDING_OPEN,       /* in the latest snapshot, nothing decided */
  MAMORI_FINDING_ACCEPTED,   /* an action of the plan is about it */
  MAMORI_FINDING_DISMISSED,  /* set aside with a reason, facts unchanged */
} MamoriFindingStatus;

const char *mamori_finding_status_get_id    (MamoriFindingStatus status);
const char *mamori_finding_status_get_label (MamoriFindingStatus status);

typedef struct
{
  char                *key;            /* kind:records, stable across recomputation */
  const char          *kind;           /* the rule's kind, e.g. "asset-routes" */
  const char          *guide_section;  /* A, B, C, D, or "—" for the basics */
  int                  likelihood;     /* 1–3 */
  int                  impact;         /* 1–3 */
  char                *title;
  char                *explanation;
  char                *reason;         /* why this likelihood and impact, in words */
  char                *action;         /* what to do */
  char                *facts;          /* the facts that set it, to tell when they change */
  GArray              *records;        /* of MamoriRecordRef */
  MamoriFindingStatus  status;
  gint64               action_id;      /* ACCEPTED: the action about it */
  char                *dismissal;      /* DISMISSED: why; or, after its facts changed, what changed */
  guint                order;          /* its rule's place in the table */
} MamoriFinding;

int         mamori_finding_get_severity (const MamoriFinding *finding);
void        mamori_finding_free         (MamoriFinding       *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriFinding, mamori_finding_free)

GPtrArray     *mamori_findings_compute (const MamoriFacts   *facts);
MamoriFinding *mamori_findings_lookup  (GPtrArray           *findings,
                                        const char          *key);

typedef enum
{
  MAMORI_OVERALL_GREEN,
  MAMORI_OVERALL_AMBER,
  MAMORI_OVERALL_RED,
} MamoriOverall;

const char  *mamori_overall_get_id     (MamoriOverall  rating);
const char  *mamori_overall_get_label (MamoriOverall  rating);
MamoriOverall mamori_findings_rate     (GPtrArray    *findings,
                                       char        **rule);

/* The headline figures, one or more per area, kept in snapshots. */
typedef enum
{
  MAMORI_FIGURE_ASSETS,
  MAMORI_FIGURE_ASSETS_CLASSIFIED,
  MAMORI_FIGURE_ASSETS_EXPOSED,
  MAMORI_FIGURE_CONTRACTS,
  MAMORI_FIGURE_CONTRACT_GAPS,
  MAMORI_FIGURE_SCREENINGS,
  MAMORI_FIGURE_SCREENINGS_PENDING,
  MAMORI_FIGURE_CHECKLIST_PERCENT,
  MAMORI_FIGURE_CHECKLIST_OVERDUE,
  MAMORI_FIGURE_INCIDENTS_OPEN,
  MAMORI_FIGURE_FINDINGS_OPEN,
  MAMORI_FIGURE_FINDINGS_HIGH,
  MAMORI_FIGURE_ACTIONS_OPEN,
  MAMORI_FIGURE_ACTIONS_OVERDUE,
  MAMORI_N_FIGURES
} MamoriFigure;

const char *mamori_figure_get_id    (MamoriFigure  figure);
const char *mamori_figure_get_label (MamoriFigure  figure);
void        mamori_figures_compute  (const MamoriFacts *facts,
                                     GPtrArray         *findings,
                                     int                values[MAMORI_N_FIGURES]);

/* What changed since a snapshot. */
typedef struct
{
  guint      n_new;
  guint      n_resolved;
  guint      n_still_open;
  GPtrArray *resolved;   /* of borrowed MamoriSnapshotFinding */
} MamoriFindingsChange;

void        mamori_findings_compare (GPtrArray            *findings,
                                     const MamoriSnapshot *snapshot,
                                     MamoriFindingsChange *change);
MamoriSnapshot *mamori_findings_new_snapshot (const MamoriFacts *facts,
                                              GPtrArray         *findings,
                                              const char        *label);

/* Everything the Overview, the command line and the packs show, computed
 * at once from the facts (in any thread). */
typedef struct
{
  MamoriFacts          *facts;
  GPtrArray            *findings;       /* of MamoriFinding, most severe first */
  MamoriOverall         overall;
  char                 *overall_rule;   /* the rule behind @overall, in words */
  int                   figures[MAMORI_N_FIGURES];
  MamoriFindingsChange  change;         /* since facts->snapshot */
} MamoriAssessment;

MamoriAssessment *mamori_assessment_new  (MamoriFacts      *facts);
MamoriAssessment *mamori_assessment_load (MamoriStore      *store,
                                          GError          **error);
char             *mamori_assessment_dup_change (MamoriAssessment *assessment,
                                                MamoriFigure      figure);
void              mamori_assessment_free (MamoriAssessment *assessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriAssessment, mamori_assessment_free)

/* The one table of rules (mamori-finding-rules.c). */
typedef struct _MamoriFindingSink MamoriFindingSink;

typedef struct
{
  const char *kind;
  const char *guide_section;
  const char *likelihood_rule;  /* in words, untranslated: for reviewers and README */
  const char *impact_rule;
  void      (*collect) (const MamoriFacts *facts,
                        MamoriFindingSink *sink);
} MamoriFindingRule;

extern const MamoriFindingRule mamori_finding_rules[];
extern const guint             mamori_n_finding_rules;

/* For the rules: adds a finding about one record (every string copied;
 * @key_records names the records in the key, e.g. "12"). */
MamoriFinding *mamori_finding_sink_add (MamoriFindingSink *sink,
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
                                        const char        *record_key);
void           mamori_finding_add_record (MamoriFinding   *finding,
                                          MamoriRecordType type,
                                          gint64           id,
                                          const char      *key);

G_END_DECLS
