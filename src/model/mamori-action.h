/* mamori-action.h — the action plan, dismissed findings and snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MAMORI_ACTION_OPEN,         /*< nick=open >*/
  MAMORI_ACTION_IN_PROGRESS,  /*< nick=in-progress >*/
  MAMORI_ACTION_DONE,         /*< nick=done >*/
  MAMORI_ACTION_WONT_DO,      /*< nick=wont-do >*/  /* needs a reason */
  MAMORI_N_ACTION_STATUSES
} MamoriActionStatus;

#define MAMORI_TYPE_ACTION_STATUS (mamori_action_status_get_type ())
GType       mamori_action_status_get_type  (void);
const char *mamori_action_status_get_label (MamoriActionStatus status);
const char *mamori_action_status_get_id    (MamoriActionStatus status);

/* One action of the plan: accepted from a finding, or added by hand. */
typedef struct
{
  gint64              id;              /* 0 until saved */
  char               *title;
  char               *owner;
  char               *due_on;          /* YYYY-MM-DD in the user's calendar, or "" */
  MamoriActionStatus  status;
  char               *reason;          /* why not done: required for won't do */
  char               *note;
  char               *finding_key;     /* the finding it came from, or "" */
  gboolean            board_decision;  /* needs a board decision */
  char               *resolution;      /* the resolution proposed to the board */
  char               *created_at;      /* UTC */
  char               *updated_at;      /* UTC */
} MamoriAction;

MamoriAction *mamori_action_new        (void);
MamoriAction *mamori_action_copy       (const MamoriAction *action);
void          mamori_action_free       (MamoriAction       *action);
gboolean      mamori_action_is_closed  (const MamoriAction *action);
gboolean      mamori_action_is_overdue (const MamoriAction *action,
                                        const char         *today);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriAction, mamori_action_free)

/* A status change, kept for ever. */
typedef struct
{
  gint64              action_id;
  char               *changed_at;  /* UTC */
  char               *changed_by;
  int                 from;        /* a MamoriActionStatus; -1 when the action was created */
  MamoriActionStatus  to;
  char               *reason;
} MamoriActionChange;

void mamori_action_change_free (MamoriActionChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriActionChange, mamori_action_change_free)

/* A finding set aside: it stays so while its facts are the same. */
typedef struct
{
  char *finding_key;
  char *facts;         /* the finding's facts when it was dismissed */
  char *title;         /* its title then, in the language of the time */
  char *reason;
  char *dismissed_by;
  char *dismissed_at;  /* UTC */
} MamoriDismissal;

void mamori_dismissal_free (MamoriDismissal *dismissal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriDismissal, mamori_dismissal_free)

/* A finding as a snapshot froze it. */
typedef struct
{
  char *key;
  char *kind;
  int   severity;
  char *title;
} MamoriSnapshotFinding;

/* The headline figures and open findings on a date; never changed. */
typedef struct
{
  gint64      id;
  char       *label;
  char       *taken_at;   /* UTC */
  GHashTable *figures;    /* figure id → GINT_TO_POINTER (value + 1) */
  GPtrArray  *findings;   /* of MamoriSnapshotFinding, most severe first */
} MamoriSnapshot;

MamoriSnapshot *mamori_snapshot_new         (const char     *label);
void            mamori_snapshot_free        (MamoriSnapshot *snapshot);
void            mamori_snapshot_set_figure  (MamoriSnapshot *snapshot,
                                             const char     *figure,
                                             int             value);
gboolean        mamori_snapshot_get_figure  (const MamoriSnapshot *snapshot,
                                             const char     *figure,
                                             int            *value);
void            mamori_snapshot_add_finding (MamoriSnapshot *snapshot,
                                             const char     *key,
                                             const char     *kind,
                                             int             severity,
                                             const char     *title);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriSnapshot, mamori_snapshot_free)

G_END_DECLS
