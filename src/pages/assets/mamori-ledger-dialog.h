/* mamori-ledger-dialog.h — one new entry of a handling ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_LEDGER_DIALOG (mamori_ledger_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MamoriLedgerDialog, mamori_ledger_dialog, MAMORI, LEDGER_DIALOG, AdwWindow)

GtkWidget *mamori_ledger_dialog_new (MamoriStore             *store,
                                     gint64                   asset_id,
                                     const MamoriLedgerEntry *corrects);

G_END_DECLS
