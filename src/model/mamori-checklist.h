/* mamori-checklist.h — where a company stands on a checklist item, and its evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  MAMORI_ITEM_NOT_STARTED,     /*< nick=not-started >*/
  MAMORI_ITEM_IN_PROGRESS,     /*< nick=in-progress >*/
  MAMORI_ITEM_DONE,            /*< nick=done >*/
  MAMORI_ITEM_NOT_APPLICABLE,  /*< nick=not-applicable >*/
  MAMORI_N_ITEM_STATUSES
} MamoriItemStatus;

#define MAMORI_TYPE_ITEM_STATUS (mamori_item_status_get_type ())
GType       mamori_item_status_get_type  (void);
const char *mamori_item_status_get_label (MamoriItemStatus status);

/* One bundled checklist item as the company has it. */
typedef struct
{
  char             *item_id;
  MamoriItemStatus  status;
  char             *owner;
  char             *due_on;   /* YYYY-MM-DD in the user's calendar, or "" */
  char             *note;
  char             *updated;  /* when last saved, UTC; "" if never */
} MamoriItemState;

MamoriItemState *mamori_item_state_new        (const char            *item_id);
MamoriItemState *mamori_item_state_copy       (const MamoriItemState *state);
void             mamori_item_state_free       (MamoriItemState       *state);
gboolean         mamori_item_state_is_overdue (const MamoriItemState *state,
                                               GDateTime             *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriItemState, mamori_item_state_free)

/* Done out of applicable: what "progress" means for a checklist. */
typedef struct
{
  guint done;
  guint applicable;
  guint overdue;
} MamoriChecklistProgress;

void mamori_checklist_progress_add (MamoriChecklistProgress *progress,
                                    const MamoriItemState   *state,
                                    GDateTime               *now);

/* A file kept as evidence: where it is and what it was when attached. */
typedef struct
{
  gint64  id;
  char   *path;
  char   *sha256;
  gint64  size;
  char   *attached_at;
} MamoriEvidence;

typedef enum
{
  MAMORI_EVIDENCE_INTACT,
  MAMORI_EVIDENCE_CHANGED,
  MAMORI_EVIDENCE_MISSING,
  MAMORI_EVIDENCE_UNREADABLE,
} MamoriEvidenceState;

void                mamori_evidence_free      (MamoriEvidence       *evidence);
char               *mamori_evidence_hash_file (const char           *path,
                                               gint64               *size,
                                               GError              **error);
MamoriEvidenceState mamori_evidence_check     (const MamoriEvidence *evidence,
                                               GError              **error);
void                mamori_evidence_hash_file_async  (const char           *path,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
char               *mamori_evidence_hash_file_finish (GAsyncResult         *result,
                                                      gint64               *size,
                                                      GError              **error);
void                mamori_evidence_check_async      (const MamoriEvidence *evidence,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
MamoriEvidenceState mamori_evidence_check_finish     (GAsyncResult         *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriEvidence, mamori_evidence_free)

G_END_DECLS
