/* test-profile.c — the organization profile as a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/mamori-profile.h"
#include "store/mamori-store.h"
#include "test-utils.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  guint count = 0;

  g_signal_connect (profile, "notify", G_CALLBACK (count_notify), &count);

  mamori_profile_set_name_ja (profile, "守り工業");
  mamori_profile_set_name_ja (profile, "守り工業");
  mamori_profile_set_employees (profile, 12);
  mamori_profile_set_employees (profile, 12);
  mamori_profile_set_exports_abroad (profile, TRUE);
  mamori_profile_set_exports_abroad (profile, 7);
  g_assert_cmpuint (count, ==, 3);

  /* NULL means empty, not a crash or a change. */
  mamori_profile_set_industry (profile, NULL);
  g_assert_cmpstr (mamori_profile_get_industry (profile), ==, "");
  g_assert_cmpuint (count, ==, 3);
}

static void
test_copy_equal (void)
{
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(MamoriProfile) copy = NULL;

  g_object_set (profile,
                "name-ja", "守り工業",
                "name-en", "Mamori Industries",
                "industry", "金属加工",
                "employees", 120,
                "foreign-investors", TRUE,
                "security-officer", "田中",
                "consultant", "鈴木",
                NULL);
  copy = mamori_profile_copy (profile);
  g_assert_true (copy != profile);
  g_assert_true (mamori_profile_equal (copy, profile));

  mamori_profile_set_consultant (copy, "高橋");
  g_assert_false (mamori_profile_equal (copy, profile));
  g_assert_cmpstr (mamori_profile_get_consultant (profile), ==, "鈴木");
}

static void
test_display_name (void)
{
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();

  g_assert_null (mamori_profile_get_display_name (profile, FALSE));

  mamori_profile_set_name_en (profile, "Mamori Industries");
  g_assert_cmpstr (mamori_profile_get_display_name (profile, FALSE), ==, "Mamori Industries");

  mamori_profile_set_name_ja (profile, "守り工業");
  g_assert_cmpstr (mamori_profile_get_display_name (profile, FALSE), ==, "守り工業");
  g_assert_cmpstr (mamori_profile_get_display_name (profile, TRUE), ==, "Mamori Industries");
}

static void
test_saved_as_typed (void)
{
  g_autofree char *path = mamori_test_workspace_path ("typed.mamori");
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(MamoriProfile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *typed[] = { "株", "株式", "株式会社", "株式会社 守", "株式会社 守り" };

  store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* Each keystroke is its own saved state; the last one wins. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      mamori_profile_set_name_ja (profile, typed[i]);
      g_assert_true (mamori_store_save_profile (store, profile, &error));
      g_assert_no_error (error);
    }
  mamori_profile_set_employees (profile, G_MAXUINT);
  g_assert_true (mamori_store_save_profile (store, profile, &error));
  g_clear_object (&store);

  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = mamori_store_dup_profile (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mamori_profile_get_name_ja (loaded), ==, "株式会社 守り");
  g_assert_cmpuint (mamori_profile_get_employees (loaded), ==, G_MAXINT32);
  g_assert_cmpint (mamori_test_query_int (path, "SELECT updated_at IS NOT NULL FROM organization"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/profile/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/profile/copy-equal", test_copy_equal);
  g_test_add_func ("/profile/display-name", test_display_name);
  g_test_add_func ("/profile/saved-as-typed", test_saved_as_typed);

  return g_test_run ();
}
