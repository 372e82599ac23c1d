/* mamori-action.c — the action plan, dismissed findings and snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "mamori-action.h"

G_DEFINE_ENUM_TYPE (MamoriActionStatus, mamori_action_status,
  G_DEFINE_ENUM_VALUE (MAMORI_ACTION_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (MAMORI_ACTION_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (MAMORI_ACTION_DONE, "done"),
  G_DEFINE_ENUM_VALUE (MAMORI_ACTION_WONT_DO, "wont-do"))

const char *
mamori_action_status_get_label (MamoriActionStatus status)
{
  switch (status)
    {
    /* Translators: the state of an action of the plan */
    case MAMORI_ACTION_OPEN: return C_("action", "Open");
    case MAMORI_ACTION_IN_PROGRESS: return C_("action", "In Progress");
    case MAMORI_ACTION_DONE: return C_("action", "Done");
    case MAMORI_ACTION_WONT_DO: return C_("action", "Won’t Do");
    case MAMORI_N_ACTION_STATUSES:
    default:
      g_return_val_if_reached ("");
    }
}

/* The status as stored and exported: "open", "in-progress", "done", "wont-do". */
const char *
mamori_action_status_get_id (MamoriActionStatus status)
{
  GEnumClass *klass = g_type_class_ref (MAMORI_TYPE_ACTION_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  g_type_class_unref (klass);
  g_return_val_if_fail (value != NULL, "open");
  return value->value_nick;
}

MamoriAction *
mamori_action_new (void)
{
  MamoriAction *action = g_new0 (MamoriAction, 1);

  action->title = g_strdup ("");
  action->owner = g_strdup ("");
  action->due_on = g_strdup ("");
  action->reason = g_strdup ("");
  action->note = g_strdup ("");
  action->finding_key = g_strdup ("");
  action->resolution = g_strdup ("");
  action->created_at = g_strdup ("");
  action->updated_at = g_strdup ("");
  return action;
}

MamoriAction *
mamori_action_copy (const MamoriAction *action)
{
  MamoriAction *copy = g_new0 (MamoriAction, 1);

  *copy = *action;
  copy->title = g_strdup (action->title);
  copy->owner = g_strdup (action->owner);
  copy->due_on = g_strdup (action->due_on);
  copy->reason = g_strdup (action->reason);
  copy->note = g_strdup (action->note);
  copy->finding_key = g_strdup (action->finding_key);
  copy->resolution = g_strdup (action->resolution);
  copy->created_at = g_strdup (action->created_at);
  copy->updated_at = g_strdup (action->updated_at);
  return copy;
}

void
mamori_action_free (MamoriAction *action)
{
  if (action == NULL)
    return;
  g_free (action->title);
  g_free (action->owner);
  g_free (action->due_on);
  g_free (action->reason);
  g_free (action->note);
  g_free (action->finding_key);
  g_free (action->resolution);
  g_free (action->created_at);
  g_free (action->updated_at);
  g_free (action);
}

/* Done and won't do are closed: nothing more to do. */
gboolean
mamori_action_is_closed (const MamoriAction *action)
{
  return action->status == MAMORI_ACTION_DONE || action->status == MAMORI_ACTION_WONT_DO;
}

/* @today: YYYY-MM-DD in the user's calendar */
gboolean
mamori_action_is_overdue (const MamoriAction *action,
                          const char         *today)
{
  return !mamori_action_is_closed (action) && action->due_on != NULL && action->due_on[0] != '\0' &&
         strcmp (action->due_on, today) < 0;
}

void
mamori_action_change_free (MamoriActionChange *change)
{
  if (change == NULL)
    return;
  g_free (change->changed_at);
  g_free (change->changed_by);
  g_free (change->reason);
  g_free (change);
}

void
mamori_dismissal_free (MamoriDismissal *dismissal)
{
  if (dismissal == NULL)
    return;
  g_free (dismissal->finding_key);
  g_free (dismissal->facts);
  g_free (dismissal->title);
  g_free (dismissal->reason);
  g_free (dismissal->dismissed_by);
  g_free (dismissal->dismissed_at);
  g_free (dismissal);
}

static void
snapshot_finding_free (MamoriSnapshotFinding *finding)
{
  g_free (finding->key);
  g_free (finding->kind);
  g_free (finding->title);
  g_free (finding);
}

MamoriSnapshot *
mamori_snapshot_new (const char *label)
{
  MamoriSnapshot *snapshot = g_new0 (MamoriSnapshot, 1);

  snapshot->label = g_strdup (label != NULL ? label : "");
  snapshot->taken_at = g_strdup ("");
  snapshot->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  snapshot->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_finding_free);
  return snapshot;
}

void
mamori_snapshot_free (MamoriSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->label);
  g_free (snapshot->taken_at);
  g_hash_table_unref (snapshot->figures);
  g_ptr_array_unref (snapshot->findings);
  g_free (snapshot);
}

void
mamori_snapshot_set_figure (MamoriSnapshot *snapshot,
                            const char     *figure,
                            int             value)
{
  g_hash_table_replace (snapshot->figures, g_strdup (figure), GINT_TO_POINTER (value + 1));
}

gboolean
mamori_snapshot_get_figure (const MamoriSnapshot *snapshot,
                            const char           *figure,
                            int                  *value)
{
  gpointer stored = g_hash_table_lookup (snapshot->figures, figure);

  if (stored == NULL)
    return FALSE;
  *value = GPOINTER_TO_INT (stored) - 1;
  return TRUE;
}

void
mamori_snapshot_add_finding (MamoriSnapshot *snapshot,
                             const char     *key,
                             const char     *kind,
                             int             severity,
                             const char     *title)
{
  MamoriSnapshotFinding *finding = g_new0 (MamoriSnapshotFinding, 1);

  finding->key = g_strdup (key);
  finding->kind = g_strdup (kind);
  finding->severity = severity;
  finding->title = g_strdup (title);
  g_ptr_array_add (snapshot->findings, finding);
}
