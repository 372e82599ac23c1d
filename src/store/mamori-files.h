/* mamori-files.h — private files and folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  mamori_files_ensure_private_dir           (const char  *path,
                                                     GError     **error);
gboolean  mamori_files_create_private               (const char  *path,
                                                     GError     **error);
void      mamori_files_tighten                      (const char  *path);
gboolean  mamori_files_is_writable                  (const char  *path);
char     *mamori_files_dup_default_workspace_path   (void);

G_END_DECLS
