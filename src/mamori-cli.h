/* mamori-cli.h — what mamori does on the command line, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int mamori_cli_run (GVariantDict *options);

G_END_DECLS
