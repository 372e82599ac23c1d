/* test-utils.h — what every Mamori test shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "store/mamori-store.h"

G_BEGIN_DECLS

void      mamori_test_init            (int          *argc,
                                       char       ***argv);
char     *mamori_test_workspace_path  (const char   *name);
char     *mamori_test_dup_file_sha256 (const char   *path);
guint     mamori_test_file_mode       (const char   *path);
void      mamori_test_overwrite       (const char   *path,
                                       goffset       offset,
                                       gsize         length,
                                       guint8        byte);
void      mamori_test_exec_sql        (const char   *path,
                                       const char   *sql);
int       mamori_test_query_int       (const char   *path,
                                       const char   *sql);
char     *mamori_test_fixture_path    (const char   *name);
GByteArray *mamori_test_utf16_with_nul (const char  *text,
                                       const char   *nul_before);

void      mamori_test_fill_workspace  (MamoriStore  *store,
                                       guint         n_assets);

G_END_DECLS
