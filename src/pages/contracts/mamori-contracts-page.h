/* mamori-contracts-page.h — the Contracts tab: register and clause review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-page.h"

#include "pages/contracts/mamori-contract-editor.h"
#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_CONTRACTS_PAGE (mamori_contracts_page_get_type ())

G_DECLARE_FINAL_TYPE (MamoriContractsPage, mamori_contracts_page, MAMORI, CONTRACTS_PAGE, MamoriPage)

void                  mamori_contracts_page_select     (MamoriContractsPage  *self,
                                                        gint64                id);
MamoriContractEditor *mamori_contracts_page_get_editor (MamoriContractsPage  *self);

G_END_DECLS
