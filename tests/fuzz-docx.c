/* fuzz-docx.c — libFuzzer target for reading a contract file
 *
 * Every input goes through what Open does in the contract text window and
 * what mamori --scan-contract reads: a Word document (ZIP archive, inflated
 * document part, WordprocessingML) or text in UTF-8, UTF-16 or Shift_JIS.
 * Whatever the bytes, the result is text or an error with a message, never
 * both, never neither. Run by the test suite for a fixed number of runs
 * over the seed corpus in fuzz-corpus/docx; to fuzz longer:
 *   _build/tests/fuzz-docx -max_total_time=600 /tmp/corpus tests/fuzz-corpus/docx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "io/mamori-contract-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized = FALSE;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!initialized)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialized = TRUE;
    }

  text = mamori_contract_text_read (data, size, &error);
  g_assert ((text == NULL) != (error == NULL));
  if (text != NULL)
    g_assert (g_utf8_validate (text, -1, NULL));
  else
    g_assert (error->message != NULL && *error->message != '\0');

  return 0;
}
