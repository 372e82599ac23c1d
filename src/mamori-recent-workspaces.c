/* mamori-recent-workspaces.c — the workspaces opened lately
 *
 * Kept in GSettings ("recent-workspaces", newest first) rather than in the
 * desktop's shared recent-files list: a consultant's client files are
 * nobody else's business, and the list stays ours to trim. Entries are file
 * URIs, not paths: a file name unpacked from a Windows archive may not be
 * UTF-8, and a GSettings string must be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <string.h>

#include "mamori-recent-workspaces.h"

/* Takes @path out of the list and, if @add, puts it back first. */
/**
 * mamori_recent_workspaces_dup_uri:
 *
 * Returns: (transfer full): how @path is remembered: the URI of its
 *   canonical form
 */
char *
mamori_recent_workspaces_dup_uri (const char *path)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  canonical = g_canonicalize_filename (path, NULL);
  return g_filename_to_uri (canonical, NULL, NULL);
}

/**
 * mamori_recent_workspaces_dup_path:
 *
 * Returns: (transfer full) (nullable): the path of a remembered @uri
 */
char *
mamori_recent_workspaces_dup_path (const char *uri)
{
  g_return_val_if_fail (uri != NULL, NULL);

  return g_filename_from_uri (uri, NULL, NULL);
}

static void
update_list (GSettings  *settings,
             const char *path,
             gboolean    add)
{
  g_autofree char *canonical = mamori_recent_workspaces_dup_uri (path);
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  guint n = 0;

  if (add)
    {
      g_strv_builder_add (builder, canonical);
      n++;
    }
  for (guint i = 0; old[i] != NULL && n < MAMORI_RECENT_WORKSPACES_MAX; i++)
    {
      if (g_strcmp0 (old[i], canonical) != 0)
        {
          g_strv_builder_add (builder, old[i]);
          n++;
        }
    }

  paths = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-workspaces", (const char * const *) paths);
}

void
mamori_recent_workspaces_add (GSettings  *settings,
                              const char *path)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  update_list (settings, path, TRUE);
}

void
mamori_recent_workspaces_remove (GSettings  *settings,
                                 const char *path)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  update_list (settings, path, FALSE);
}

/* Menu labels take mnemonics; a file name's own underscores must stay. */
static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static char *
dup_folder_label (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();

  if (g_str_has_prefix (dir, home) && (dir[strlen (home)] == '/' || dir[strlen (home)] == '\0'))
    {
      g_autofree char *relative = g_strconcat ("~", dir + strlen (home), NULL);
      return g_filename_display_name (relative);
    }

  return g_filename_display_name (dir);
}

/* Fills @menu with one item per recent workspace except @current_path. Each
 * item activates "workspace.open-recent" with the workspace's URI. */
void
mamori_recent_workspaces_fill_menu (GSettings  *settings,
                                    GMenu      *menu,
                                    const char *current_path)
{
  g_auto(GStrv) uris = NULL;
  g_autofree char *current = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_MENU (menu));

  g_menu_remove_all (menu);
  uris = g_settings_get_strv (settings, "recent-workspaces");
  if (current_path != NULL)
    current = mamori_recent_workspaces_dup_uri (current_path);

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autofree char *path = mamori_recent_workspaces_dup_path (uris[i]);
      g_autofree char *name = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *label = NULL;
      g_autofree char *escaped = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (path == NULL || g_strcmp0 (uris[i], current) == 0)
        continue;

      name = g_filename_display_basename (path);
      folder = dup_folder_label (path);
      /* Translators: a recent workspace in the menu: file name, then folder */
      label = g_strdup_printf (_("%s — %s"), name, folder);
      escaped = escape_mnemonic (label);

      item = g_menu_item_new (escaped, NULL);
      g_menu_item_set_action_and_target_value (item, "workspace.open-recent", g_variant_new_string (uris[i]));
      g_menu_append_item (menu, item);
    }
}
