/* test-recent.c — the recent-workspaces list and its menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-recent-workspaces.h"
#include "test-utils.h"

static char *
dup_item_label (GMenuModel *menu,
                int         index)
{
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (menu, index, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

static char *
dup_item_target (GMenuModel *menu,
                 int         index)
{
  g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, index, G_MENU_ATTRIBUTE_TARGET,
                                                                       G_VARIANT_TYPE_STRING);
  return g_variant_dup_string (target, NULL);
}

static void
test_add_remove (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) paths = NULL;

  mamori_recent_workspaces_add (settings, "/clients/a.mamori");
  mamori_recent_workspaces_add (settings, "/clients/b.mamori");
  mamori_recent_workspaces_add (settings, "/clients/../clients/a.mamori");

  /* Newest first, no duplicates, paths made canonical, kept as URIs. */
  paths = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (paths), ==, 2);
  g_assert_cmpstr (paths[0], ==, "file:///clients/a.mamori");
  g_assert_cmpstr (paths[1], ==, "file:///clients/b.mamori");
  g_clear_pointer (&paths, g_strfreev);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *path = g_strdup_printf ("/clients/client-%02u.mamori", i);
      mamori_recent_workspaces_add (settings, path);
    }
  paths = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (paths), ==, MAMORI_RECENT_WORKSPACES_MAX);
  g_assert_cmpstr (paths[0], ==, "file:///clients/client-19.mamori");
  g_clear_pointer (&paths, g_strfreev);

  mamori_recent_workspaces_remove (settings, "/clients/client-19.mamori");
  paths = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (paths), ==, MAMORI_RECENT_WORKSPACES_MAX - 1);
  g_assert_cmpstr (paths[0], ==, "file:///clients/client-18.mamori");
}

static void
test_menu (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *home_file = g_build_filename (g_get_home_dir (), "Clients", "client_a.mamori", NULL);
  g_autofree char *home_uri = g_filename_to_uri (home_file, NULL, NULL);
  g_autofree char *label = NULL;
  g_autofree char *target = NULL;

  g_settings_reset (settings, "recent-workspaces");
  mamori_recent_workspaces_add (settings, "/srv/shared/b.mamori");
  mamori_recent_workspaces_add (settings, home_file);
  mamori_recent_workspaces_add (settings, "/open/now.mamori");

  /* The open workspace is not offered again. */
  mamori_recent_workspaces_fill_menu (settings, menu, "/open/now.mamori");
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (menu)), ==, 2);

  /* A file's own underscore is not a mnemonic; home is shown as ~. */
  label = dup_item_label (G_MENU_MODEL (menu), 0);
  g_assert_cmpstr (label, ==, "client__a.mamori — ~/Clients");
  target = dup_item_target (G_MENU_MODEL (menu), 0);
  g_assert_cmpstr (target, ==, home_uri);
  g_clear_pointer (&label, g_free);
  label = dup_item_label (G_MENU_MODEL (menu), 1);
  g_assert_cmpstr (label, ==, "b.mamori — /srv/shared");
}

/* A file name unpacked from a Windows archive: Shift_JIS bytes, not UTF-8. */
static void
test_not_utf8 (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *path = "/clients/\x8c\xda\x8b\x71.mamori";  /* 顧客 in Shift_JIS */
  g_auto(GStrv) uris = NULL;
  g_autofree char *back = NULL;
  g_autofree char *label = NULL;

  g_settings_reset (settings, "recent-workspaces");
  mamori_recent_workspaces_add (settings, path);
  uris = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (uris), ==, 1);
  back = mamori_recent_workspaces_dup_path (uris[0]);
  g_assert_cmpstr (back, ==, path);

  mamori_recent_workspaces_fill_menu (settings, menu, NULL);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (menu)), ==, 1);
  label = dup_item_label (G_MENU_MODEL (menu), 0);
  g_assert_true (g_utf8_validate (label, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/recent/add-remove", test_add_remove);
  g_test_add_func ("/recent/menu", test_menu);
  g_test_add_func ("/recent/not-utf8", test_not_utf8);

  return g_test_run ();
}
