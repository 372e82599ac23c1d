/* mamori-file.h — reading the user's files and writing exports safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MAMORI_FILE_ERROR (mamori_file_error_quark ())

/* Every message of this domain is a sentence for the user. */
typedef enum
{
  MAMORI_FILE_ERROR_NOT_FOUND,
  MAMORI_FILE_ERROR_NOT_REGULAR,  /* a folder, a pipe, a device */
  MAMORI_FILE_ERROR_TOO_LARGE,
  MAMORI_FILE_ERROR_PERMISSION,
  MAMORI_FILE_ERROR_OTHER_KIND,   /* an export would replace a file of another kind */
  MAMORI_FILE_ERROR_NO_SPACE,
  MAMORI_FILE_ERROR_FAILED,
} MamoriFileError;

/* What an export writes. A file already at the destination is replaced
 * only when it is of the same kind (or empty). */
typedef enum
{
  MAMORI_FILE_KIND_CSV,
  MAMORI_FILE_KIND_PDF,
  MAMORI_FILE_KIND_XLSX,
} MamoriFileKind;

GQuark    mamori_file_error_quark        (void);

GBytes   *mamori_file_read               (const char           *path,
                                          gsize                 max_size,
                                          GError              **error);

/* Reads a file and turns it into something (parses it) in a worker thread.
 * Returns the result of @parse, or NULL with its error. */
typedef gpointer (*MamoriFileParseFunc)  (GBytes               *contents,
                                          GError              **error);
void      mamori_file_load_async         (const char           *path,
                                          gsize                 max_size,
                                          MamoriFileParseFunc   parse,
                                          GDestroyNotify        free_result,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gpointer  mamori_file_load_finish        (GAsyncResult         *result,
                                          GError              **error);
const char *mamori_file_load_get_path    (GAsyncResult         *result);

gboolean  mamori_file_check_destination  (const char           *path,
                                          MamoriFileKind        kind,
                                          GError              **error);
gboolean  mamori_file_write              (const char           *path,
                                          MamoriFileKind        kind,
                                          GBytes               *contents,
                                          GError              **error);

G_END_DECLS
