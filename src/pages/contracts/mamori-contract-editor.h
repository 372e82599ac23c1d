/* mamori-contract-editor.h — one contract: its details, assets and clause review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-section.h"

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_CONTRACT_EDITOR (mamori_contract_editor_get_type ())

G_DECLARE_FINAL_TYPE (MamoriContractEditor, mamori_contract_editor, MAMORI, CONTRACT_EDITOR, MamoriSection)

GtkWidget      *mamori_contract_editor_new          (MamoriStore           *store);
MamoriContract *mamori_contract_editor_get_contract (MamoriContractEditor  *self);
gboolean        mamori_contract_editor_set_contract (MamoriContractEditor  *self,
                                                     MamoriContract        *contract,
                                                     GError               **error);
gboolean        mamori_contract_editor_save         (MamoriContractEditor  *self,
                                                     GError               **error);
void            mamori_contract_editor_discard      (MamoriContractEditor  *self);
void            mamori_contract_editor_focus_title  (MamoriContractEditor  *self);
/* The text analysis window, opened for the contract shown (tests use it). */
GtkWindow      *mamori_contract_editor_analyze      (MamoriContractEditor  *self);
void            mamori_contract_editor_close_analysis (MamoriContractEditor *self);

G_END_DECLS
