/* fuzz-contract-scan.c — libFuzzer target for the contract scanner
 *
 * Every input is scanned as if the partner were outside Group A, and every
 * passage is checked to be an exact, valid slice of the input. Run by the
 * test suite for a short while over the seed corpus in
 * fuzz-contract-scan-corpus; to fuzz longer:
 *   _build/tests/fuzz-contract-scan -max_total_time=600 /tmp/corpus tests/fuzz-contract-scan-corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "analysis/mamori-contract-scan.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized = FALSE;
  g_autoptr(MamoriContractScan) scan = NULL;

  if (!initialized)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialized = TRUE;
    }

  scan = mamori_contract_scan ((const char *) data, size, TRUE);
  g_assert (scan != NULL);

  for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
    {
      const MamoriContractFinding *finding = mamori_contract_scan_get_finding (scan, t);

      g_assert (finding->found == (finding->passages->len > 0));
      for (guint i = 0; i < finding->passages->len; i++)
        {
          const MamoriContractPassage *passage = g_ptr_array_index (finding->passages, i);

          g_assert (passage->start < passage->end && passage->end <= size);
          g_assert (memcmp (passage->text, data + passage->start, passage->end - passage->start) == 0);
        }
    }
  (void) mamori_contract_scan_get_n_articles (scan);

  return 0;
}
