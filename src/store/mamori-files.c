/* mamori-files.c — private files and folders
 *
 * Workspaces hold a company's most sensitive facts, so every file Mamori
 * writes is 0600 and every folder it makes is 0700.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "mamori-i18n.h"
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mamori-files.h"
#include "mamori-store.h"

gboolean
mamori_files_ensure_private_dir (const char  *path,
                                 GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, MAMORI_STORE_ERROR,
                   saved_errno == ENOSPC ? MAMORI_STORE_ERROR_NO_SPACE : MAMORI_STORE_ERROR_PERMISSION,
                   /* Translators: %s is a folder, the second %s the system's reason */
                   _("The folder “%s” could not be created: %s."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  /* A folder made earlier (or by an older version) may be wider open. */
  if (g_stat (path, &st) == 0 && st.st_uid == geteuid () && (st.st_mode & 0077) != 0)
    g_chmod (path, 0700);

  return TRUE;
}

gboolean
mamori_files_create_private (const char  *path,
                             GError     **error)
{
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);
      MamoriStoreError code;

      switch (saved_errno)
        {
        case ENOSPC:
          code = MAMORI_STORE_ERROR_NO_SPACE;
          break;
        case EROFS:
          code = MAMORI_STORE_ERROR_READ_ONLY;
          break;
        case ENOENT:
          code = MAMORI_STORE_ERROR_NOT_FOUND;
          break;
        default:
          code = MAMORI_STORE_ERROR_PERMISSION;
          break;
        }

      g_set_error (error, MAMORI_STORE_ERROR, code,
                   /* Translators: %s is a file, the second %s the system's reason */
                   _("“%s” could not be created: %s."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  /* Ignore the umask: the mode must be exactly 0600. */
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

/* Files copied from a USB stick or unpacked from an archive often arrive
 * readable by everyone; a workspace we own is made private again. */
void
mamori_files_tighten (const char *path)
{
  GStatBuf st;

  g_return_if_fail (path != NULL);

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
      st.st_uid == geteuid () && (st.st_mode & 0077) != 0)
    g_chmod (path, st.st_mode & 0700);
}

/* access() alone is not enough: root may write anything, yet a file whose
 * owner took away its own write bit has been marked read-only on purpose. */
gboolean
mamori_files_is_writable (const char *path)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_access (path, W_OK) != 0)
    return FALSE;

  if (g_stat (path, &st) != 0)
    return FALSE;

  return st.st_uid != geteuid () || (st.st_mode & S_IWUSR) != 0;
}

char *
mamori_files_dup_default_workspace_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "mamori", "workspace.mamori", NULL);
}
