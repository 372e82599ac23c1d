/* mamori-contract-text.h — the text of a contract, from .txt or .docx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MAMORI_CONTRACT_TEXT_ERROR (mamori_contract_text_error_quark ())

typedef enum
{
  MAMORI_CONTRACT_TEXT_ERROR_NOT_TEXT,   /* neither a Word document nor text we can read */
  MAMORI_CONTRACT_TEXT_ERROR_DAMAGED,    /* a Word document that cannot be read */
  MAMORI_CONTRACT_TEXT_ERROR_EMPTY,
} MamoriContractTextError;

#define MAMORI_CONTRACT_TEXT_MAX_SIZE (64 * 1024 * 1024)

GQuark  mamori_contract_text_error_quark (void);
char   *mamori_contract_text_read        (const guint8  *data,
                                          gsize          length,
                                          GError       **error);
gpointer mamori_contract_text_read_bytes (GBytes        *contents,
                                          GError       **error);

G_END_DECLS
