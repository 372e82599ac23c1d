/* mamori-action-dialog.h — adding or changing one action of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "assess/mamori-findings.h"
#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_ACTION_DIALOG (mamori_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MamoriActionDialog, mamori_action_dialog, MAMORI, ACTION_DIALOG, AdwWindow)

GtkWindow *mamori_action_dialog_new (MamoriStore         *store,
                                     const MamoriAction  *action,
                                     const MamoriFinding *finding);

G_END_DECLS
