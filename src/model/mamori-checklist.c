/* mamori-checklist.c — where a company stands on a checklist item, and its evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include "mamori-i18n.h"

#include "mamori-checklist.h"

G_DEFINE_ENUM_TYPE (MamoriItemStatus, mamori_item_status,
  G_DEFINE_ENUM_VALUE (MAMORI_ITEM_NOT_STARTED, "not-started"),
  G_DEFINE_ENUM_VALUE (MAMORI_ITEM_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (MAMORI_ITEM_DONE, "done"),
  G_DEFINE_ENUM_VALUE (MAMORI_ITEM_NOT_APPLICABLE, "not-applicable"))

const char *
mamori_item_status_get_label (MamoriItemStatus status)
{
  switch (status)
    {
    /* Translators: the state of a checklist item */
    case MAMORI_ITEM_NOT_STARTED: return C_("checklist item", "Not started");
    case MAMORI_ITEM_IN_PROGRESS: return C_("checklist item", "In progress");
    case MAMORI_ITEM_DONE: return C_("checklist item", "Done");
    case MAMORI_ITEM_NOT_APPLICABLE: return C_("checklist item", "Not applicable");
    case MAMORI_N_ITEM_STATUSES:
    default:
      g_return_val_if_reached ("");
    }
}

MamoriItemState *
mamori_item_state_new (const char *item_id)
{
  MamoriItemState *state = g_new0 (MamoriItemState, 1);

  g_return_val_if_fail (item_id != NULL, NULL);

  state->item_id = g_strdup (item_id);
  state->status = MAMORI_ITEM_NOT_STARTED;
  state->owner = g_strdup ("");
  state->due_on = g_strdup ("");
  state->note = g_strdup ("");
  state->updated = g_strdup ("");
  return state;
}

MamoriItemState *
mamori_item_state_copy (const MamoriItemState *state)
{
  MamoriItemState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_new0 (MamoriItemState, 1);
  copy->item_id = g_strdup (state->item_id);
  copy->status = state->status;
  copy->owner = g_strdup (state->owner);
  copy->due_on = g_strdup (state->due_on);
  copy->note = g_strdup (state->note);
  copy->updated = g_strdup (state->updated);
  return copy;
}

void
mamori_item_state_free (MamoriItemState *state)
{
  if (state == NULL)
    return;
  g_free (state->item_id);
  g_free (state->owner);
  g_free (state->due_on);
  g_free (state->note);
  g_free (state->updated);
  g_free (state);
}

/**
 * mamori_item_state_is_overdue:
 * @now: the moment to judge by, in the user's time zone
 *
 * An item is overdue once its due date has passed where the user is: due
 * on the 25th, it is overdue from the 26th at midnight local time, whatever
 * the date is in UTC then. Done and not-applicable items never are.
 */
gboolean
mamori_item_state_is_overdue (const MamoriItemState *state,
                              GDateTime             *now)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (state->status == MAMORI_ITEM_DONE || state->status == MAMORI_ITEM_NOT_APPLICABLE ||
      state->due_on == NULL || *state->due_on == '\0')
    return FALSE;
  today = g_date_time_format (now, "%Y-%m-%d");
  /* ISO dates compare as strings. */
  return strcmp (state->due_on, today) < 0;
}

/**
 * mamori_checklist_progress_add:
 * @state: (nullable): the item's state; %NULL for an item never touched
 *
 * Counts one item: applicable unless marked not applicable, done, overdue.
 */
void
mamori_checklist_progress_add (MamoriChecklistProgress *progress,
                               const MamoriItemState   *state,
                               GDateTime               *now)
{
  g_return_if_fail (progress != NULL);

  if (state != NULL && state->status == MAMORI_ITEM_NOT_APPLICABLE)
    return;
  progress->applicable++;
  if (state != NULL && state->status == MAMORI_ITEM_DONE)
    progress->done++;
  if (state != NULL && mamori_item_state_is_overdue (state, now))
    progress->overdue++;
}

void
mamori_evidence_free (MamoriEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->path);
  g_free (evidence->sha256);
  g_free (evidence->attached_at);
  g_free (evidence);
}

/**
 * mamori_evidence_hash_file:
 * @size: (out) (optional): the file's size in bytes
 *
 * Reads the file through once.
 *
 * Returns: (transfer full) (nullable): its SHA-256 in lower-case hex, or
 *   %NULL with a #GIOError
 */
char *
mamori_evidence_hash_file (const char  *path,
                           gint64      *size,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (64 * 1024);
  gint64 total = 0;
  gssize n;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  /* A pipe would wait for a writer and a device never end: only ordinary
   * files are evidence, and they are looked at before they are opened. */
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                                   NULL, error);

    if (info == NULL)
      return NULL;
    if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
      {
        g_autofree char *name = g_filename_display_name (path);

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     /* Translators: %s is a file */
                     _("“%s” is not an ordinary file (it is a folder, a pipe or a device). Choose a file saved on a disk."),
                     name);
        return NULL;
      }
  }
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, NULL, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      total += n;
    }
  if (n < 0)
    return NULL;
  if (size != NULL)
    *size = total;
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * mamori_evidence_check:
 *
 * Reads the file again and compares it with what it was when attached.
 *
 * Returns: intact, changed, missing (the file is gone), or unreadable (it is
 *   there but cannot be read; @error says why)
 */
MamoriEvidenceState
mamori_evidence_check (const MamoriEvidence  *evidence,
                       GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sha256 = NULL;
  gint64 size = 0;

  g_return_val_if_fail (evidence != NULL, MAMORI_EVIDENCE_UNREADABLE);

  sha256 = mamori_evidence_hash_file (evidence->path, &size, &local_error);
  if (sha256 == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return MAMORI_EVIDENCE_MISSING;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return MAMORI_EVIDENCE_UNREADABLE;
    }
  if (size != evidence->size || g_ascii_strcasecmp (sha256, evidence->sha256) != 0)
    return MAMORI_EVIDENCE_CHANGED;
  return MAMORI_EVIDENCE_INTACT;
}

static void
hash_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 size = 0;
  char *sha256 = mamori_evidence_hash_file (task_data, &size, &error);

  if (sha256 == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_object_set_data (G_OBJECT (task), "mamori-size", g_memdup2 (&size, sizeof size));
  g_task_return_pointer (task, sha256, g_free);
}

/**
 * mamori_evidence_hash_file_async:
 *
 * mamori_evidence_hash_file() in a worker thread: a file of gigabytes does
 * not stop the window.
 */
void
mamori_evidence_hash_file_async (const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (path != NULL);

  g_task_set_source_tag (task, mamori_evidence_hash_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, hash_thread);
}

char *
mamori_evidence_hash_file_finish (GAsyncResult  *result,
                                  gint64        *size,
                                  GError       **error)
{
  char *sha256;
  gint64 *found;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  sha256 = g_task_propagate_pointer (G_TASK (result), error);
  found = g_object_get_data (G_OBJECT (result), "mamori-size");
  if (sha256 != NULL && size != NULL)
    *size = found != NULL ? *found : 0;
  g_free (g_object_steal_data (G_OBJECT (result), "mamori-size"));
  return sha256;
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_task_return_int (task, mamori_evidence_check (task_data, NULL));
}

/**
 * mamori_evidence_check_async:
 *
 * mamori_evidence_check() in a worker thread, on a copy of @evidence.
 */
void
mamori_evidence_check_async (const MamoriEvidence *evidence,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  MamoriEvidence *copy = g_new0 (MamoriEvidence, 1);

  g_return_if_fail (evidence != NULL);

  copy->id = evidence->id;
  copy->path = g_strdup (evidence->path);
  copy->sha256 = g_strdup (evidence->sha256);
  copy->size = evidence->size;
  copy->attached_at = g_strdup (evidence->attached_at);
  g_task_set_source_tag (task, mamori_evidence_check_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) mamori_evidence_free);
  g_task_run_in_thread (task, check_thread);
}

MamoriEvidenceState
mamori_evidence_check_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), MAMORI_EVIDENCE_UNREADABLE);

  return (MamoriEvidenceState) g_task_propagate_int (G_TASK (result), NULL);
}
