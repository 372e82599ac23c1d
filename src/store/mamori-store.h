/* mamori-store.h — one workspace, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/mamori-profile.h"

G_BEGIN_DECLS

#define MAMORI_STORE_ERROR (mamori_store_error_quark ())

/* Every error message of this domain is a sentence for the user: what
 * happened and what to do about it. */
typedef enum
{
  MAMORI_STORE_ERROR_FAILED,
  MAMORI_STORE_ERROR_NOT_FOUND,
  MAMORI_STORE_ERROR_PERMISSION,
  MAMORI_STORE_ERROR_READ_ONLY,
  MAMORI_STORE_ERROR_NOT_WORKSPACE,
  MAMORI_STORE_ERROR_TOO_NEW,
  MAMORI_STORE_ERROR_DAMAGED,
  MAMORI_STORE_ERROR_BUSY,
  MAMORI_STORE_ERROR_NO_SPACE,
} MamoriStoreError;

typedef enum
{
  MAMORI_STORE_OPEN_DEFAULT = 0,
  /* Create a new, empty workspace if the file does not exist. */
  MAMORI_STORE_OPEN_CREATE  = 1 << 0,
} MamoriStoreOpenFlags;

#define MAMORI_TYPE_STORE (mamori_store_get_type ())

G_DECLARE_FINAL_TYPE (MamoriStore, mamori_store, MAMORI, STORE, GObject)

GQuark         mamori_store_error_quark          (void);
int            mamori_store_get_schema_version   (void);

MamoriStore   *mamori_store_open                 (const char            *path,
                                                  MamoriStoreOpenFlags   flags,
                                                  GError               **error);
MamoriStore   *mamori_store_new_memory           (GError               **error);

const char    *mamori_store_get_path             (MamoriStore           *self);
char          *mamori_store_dup_display_name     (MamoriStore           *self);

char          *mamori_store_dup_setting          (MamoriStore           *self,
                                                  const char            *key,
                                                  GError               **error);
gboolean       mamori_store_set_setting          (MamoriStore           *self,
                                                  const char            *key,
                                                  const char            *value,
                                                  GError               **error);

MamoriProfile *mamori_store_dup_profile          (MamoriStore           *self,
                                                  GError               **error);
gboolean       mamori_store_save_profile         (MamoriStore           *self,
                                                  MamoriProfile         *profile,
                                                  GError               **error);

G_END_DECLS
