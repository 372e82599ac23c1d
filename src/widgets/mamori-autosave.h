/* mamori-autosave.h — saving what is typed, a moment after typing stops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef gboolean (*MamoriSaveFunc) (gpointer   user_data,
                                    GError   **error);

#define MAMORI_TYPE_AUTOSAVE (mamori_autosave_get_type ())

G_DECLARE_FINAL_TYPE (MamoriAutosave, mamori_autosave, MAMORI, AUTOSAVE, GObject)

MamoriAutosave *mamori_autosave_new         (MamoriSaveFunc   func,
                                             gpointer         user_data);
void            mamori_autosave_changed     (MamoriAutosave  *self);
gboolean        mamori_autosave_flush       (MamoriAutosave  *self,
                                             GError         **error);
void            mamori_autosave_discard     (MamoriAutosave  *self);
gboolean        mamori_autosave_is_pending  (MamoriAutosave  *self);

G_END_DECLS
