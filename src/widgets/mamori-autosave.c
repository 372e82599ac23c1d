/* mamori-autosave.c — saving what is typed, a moment after typing stops
 *
 * Every change is saved without a Save button: a short pause after the last
 * change (one transaction and one sync to disk per pause, not per key, which
 * a slow USB stick would feel), and at once when the editor is left
 * (mamori_autosave_flush()). When saving starts to fail, ::failed is emitted
 * once, not once per keystroke; ::recovered when it works again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-autosave.h"

/* How long typing may pause before what was typed is saved. */
#define SAVE_DELAY_MS 300

struct _MamoriAutosave
{
  GObject         parent_instance;

  MamoriSaveFunc  func;
  gpointer        user_data;
  guint           timeout_id;
  gboolean        pending;
  gboolean        failing;
};

G_DEFINE_FINAL_TYPE (MamoriAutosave, mamori_autosave, G_TYPE_OBJECT)

enum {
  FAILED,
  RECOVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mamori_autosave_dispose (GObject *object)
{
  MamoriAutosave *self = MAMORI_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (mamori_autosave_parent_class)->dispose (object);
}

static void
mamori_autosave_class_init (MamoriAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mamori_autosave_dispose;

  /**
   * MamoriAutosave::failed:
   * @error: why saving failed
   *
   * Saving has started to fail; emitted once until it works again.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[RECOVERED] = g_signal_new ("recovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mamori_autosave_init (MamoriAutosave *self)
{
}

/**
 * mamori_autosave_new:
 * @func: (scope notified): saves; called on the main thread
 */
MamoriAutosave *
mamori_autosave_new (MamoriSaveFunc func,
                     gpointer       user_data)
{
  MamoriAutosave *self = g_object_new (MAMORI_TYPE_AUTOSAVE, NULL);

  self->func = func;
  self->user_data = user_data;
  return self;
}

/**
 * mamori_autosave_flush:
 *
 * Saves now whatever has not been saved.
 *
 * Returns: whether everything is saved
 */
gboolean
mamori_autosave_flush (MamoriAutosave  *self,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MAMORI_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->pending)
    return TRUE;

  /* Cleared first: saving tells the rest of the app, which may ask for a
   * flush again before this one returns. */
  self->pending = FALSE;
  if (!self->func (self->user_data, &local_error))
    {
      self->pending = TRUE;
      if (!self->failing)
        {
          self->failing = TRUE;
          g_signal_emit (self, signals[FAILED], 0, local_error);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->failing)
    {
      self->failing = FALSE;
      g_signal_emit (self, signals[RECOVERED], 0);
    }
  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  MamoriAutosave *self = user_data;

  self->timeout_id = 0;
  mamori_autosave_flush (self, NULL);

  return G_SOURCE_REMOVE;
}

/* Something changed: save it after the pause. */
void
mamori_autosave_changed (MamoriAutosave *self)
{
  g_return_if_fail (MAMORI_IS_AUTOSAVE (self));

  self->pending = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

/* The user chose to drop what could not be saved. */
void
mamori_autosave_discard (MamoriAutosave *self)
{
  g_return_if_fail (MAMORI_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->pending = FALSE;
}

gboolean
mamori_autosave_is_pending (MamoriAutosave *self)
{
  g_return_val_if_fail (MAMORI_IS_AUTOSAVE (self), FALSE);
  return self->pending;
}
