/* mamori-pack.h — what the workspace says, as a document of blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "report/mamori-layout.h"
#include "report/mamori-report.h"

G_BEGIN_DECLS

/* Reads the workspace and builds the document @options ask for, in the
 * calling thread's language (mamori_i18n_set_thread_language()). */
MamoriDoc *mamori_pack_build       (MamoriStore               *store,
                                    const MamoriReportOptions *options,
                                    const char                *title,
                                    const char                *organization,
                                    const char                *author,
                                    GDateTime                 *now,
                                    GCancellable              *cancellable,
                                    GError                   **error);

char      *mamori_pack_format_date (const char                *iso_date);

G_END_DECLS
