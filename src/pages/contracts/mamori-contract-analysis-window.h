/* mamori-contract-analysis-window.h — what a contract's text says, clause by clause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/mamori-contract.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_CONTRACT_ANALYSIS_WINDOW (mamori_contract_analysis_window_get_type ())

G_DECLARE_FINAL_TYPE (MamoriContractAnalysisWindow, mamori_contract_analysis_window, MAMORI, CONTRACT_ANALYSIS_WINDOW, AdwWindow)

MamoriContractAnalysisWindow *mamori_contract_analysis_window_new      (GtkWindow                    *parent,
                                                                        const char                   *contract_title,
                                                                        const char                   *text,
                                                                        guint                         essential_mask,
                                                                        gboolean                      counterparty_outside_group_a,
                                                                        const MamoriClauseStatus     *saved);
void                          mamori_contract_analysis_window_set_text (MamoriContractAnalysisWindow *self,
                                                                        const char                   *text);
void                          mamori_contract_analysis_window_analyze  (MamoriContractAnalysisWindow *self);
void                          mamori_contract_analysis_window_open_file (MamoriContractAnalysisWindow *self,
                                                                         const char                   *path);
char                         *mamori_contract_analysis_window_dup_text (MamoriContractAnalysisWindow *self);

G_END_DECLS
