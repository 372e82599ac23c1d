/* mamori-backups.h — automatic workspace backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MAMORI_BACKUP_DAILY,
  MAMORI_BACKUP_BEFORE_UPGRADE,
} MamoriBackupKind;

typedef struct
{
  char             *path;
  GDateTime        *taken;          /* local time */
  MamoriBackupKind  kind;
  int               schema_version; /* the version it was taken from; 0 if unknown */
} MamoriBackup;

#define MAMORI_BACKUPS_KEEP_DAILY   7
#define MAMORI_BACKUPS_KEEP_UPGRADE 3

void          mamori_backup_free          (MamoriBackup  *backup);

char         *mamori_backups_dup_dir      (const char    *workspace_path);
GPtrArray    *mamori_backups_list         (const char    *workspace_path);
MamoriBackup *mamori_backups_dup_newest   (const char    *workspace_path);
gboolean      mamori_backups_take_daily   (const char    *workspace_path,
                                           GDateTime     *now,
                                           char         **out_path,
                                           GError       **error);
gboolean      mamori_backups_restore      (const char    *workspace_path,
                                           const char    *backup_path,
                                           char         **out_kept_path,
                                           GError       **error);
gboolean      mamori_backups_restore_newest (const char    *workspace_path,
                                             MamoriBackup **out_restored,
                                             char         **out_kept_path,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriBackup, mamori_backup_free)

G_END_DECLS
