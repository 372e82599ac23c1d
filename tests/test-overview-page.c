/* test-overview-page.c — the Overview tab as a user works it (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mamori-application.h"
#include "mamori-window.h"
#include "pages/overview/mamori-action-dialog.h"
#include "pages/assets/mamori-assets-page.h"
#include "pages/overview/mamori-overview-page.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

#define child(widget, TYPE, name) mamori_test_template_child ((widget), MAMORI_TYPE_##TYPE, (name))

static MamoriWindow *
open_window (const char *path,
             int         width)
{
  MamoriWindow *window = mamori_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_CREATE));
  return window;
}

static MamoriOverviewPage *
get_page (MamoriWindow *window)
{
  return MAMORI_OVERVIEW_PAGE (mamori_test_window_page (window, "overview"));
}

typedef struct
{
  MamoriOverviewPage *page;
  MamoriAssessment   *before;
} Wait;

static gboolean
has_new_assessment (gconstpointer data)
{
  const Wait *wait = data;
  MamoriAssessment *now = mamori_overview_page_get_assessment (wait->page);

  return now != NULL && now != wait->before;
}

/* Waits for the findings worked out after the last change. */
static MamoriAssessment *
wait_for_assessment (MamoriOverviewPage *page,
                     MamoriAssessment   *before)
{
  Wait wait = { page, before };

  mamori_test_iterate_until (has_new_assessment, &wait);
  return mamori_overview_page_get_assessment (page);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static const char *
row_title (GtkListBox *list,
           guint       index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, index)));
}

static gboolean
no_question (gconstpointer data)
{
  return mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static gboolean
step_done (MamoriOverviewPage *page,
           const char         *icon)
{
  return g_strcmp0 (gtk_image_get_icon_name (child (page, OVERVIEW_PAGE, icon)), "object-select-symbolic") == 0;
}

/* A new workspace shows the first steps, not empty boxes; each is ticked
 * off as it is done, and the rest appears. */
static void
test_guided_start (void)
{
  g_autofree char *path = mamori_test_workspace_path ("start.mamori");
  MamoriWindow *window = open_window (path, 1200);
  MamoriOverviewPage *page = get_page (window);
  MamoriStore *store = mamori_window_get_store (window);
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(GError) error = NULL;
  MamoriAssessment *assessment;

  assessment = wait_for_assessment (page, NULL);
  g_assert_true (gtk_widget_get_visible (child (page, OVERVIEW_PAGE, "start_group")));
  g_assert_false (gtk_widget_get_visible (child (page, OVERVIEW_PAGE, "summary_box")));
  g_assert_false (gtk_widget_get_visible (child (page, OVERVIEW_PAGE, "plan_group")));
  g_assert_false (step_done (page, "start_profile_icon"));
  g_assert_false (step_done (page, "start_assets_icon"));

  mamori_profile_set_name_ja (profile, "守り精工株式会社");
  mamori_store_save_profile (store, profile, &error);
  g_assert_no_error (error);
  g_object_set (asset, "name", "金型設計図", "class-override", 3, "override-reason", "顧客指定", NULL);
  mamori_store_add_asset (store, asset, &error);
  g_assert_no_error (error);
  assessment = wait_for_assessment (page, assessment);

  g_assert_true (step_done (page, "start_profile_icon"));
  g_assert_true (step_done (page, "start_assets_icon"));
  g_assert_false (step_done (page, "start_contract_icon"));
  g_assert_true (gtk_widget_get_visible (child (page, OVERVIEW_PAGE, "summary_box")));
  /* A 極秘 asset with every route open: red, and the rule says why. */
  g_assert_cmpstr (gtk_label_get_text (child (page, OVERVIEW_PAGE, "rating_label")), ==,
                   mamori_test_expect ("Red", "赤"));
  g_assert_true (gtk_widget_has_css_class (child (page, OVERVIEW_PAGE, "rating_label"), "red"));
  g_assert_nonnull (strstr (gtk_label_get_text (child (page, OVERVIEW_PAGE, "rating_rule")), "6"));

  /* A step's button does it, in its tab: Add Contract adds one there. */
  gtk_widget_activate_action (GTK_WIDGET (page), "tab.activate", "(ss)", "contracts", "contracts.add");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (child (window, WINDOW, "view_stack")), ==, "contracts");
  {
    g_autoptr(GPtrArray) contracts = mamori_store_dup_contracts (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (contracts->len, ==, 1);
  }
  assessment = wait_for_assessment (page, assessment);
  g_assert_true (step_done (page, "start_contract_icon"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The risk map filters the list; a finding opens its record; accepting it
 * puts it in the plan; dismissing and a snapshot are kept. */
static void
test_plan (void)
{
  g_autofree char *path = mamori_test_workspace_path ("plan.mamori");
  MamoriWindow *window = open_window (path, 1200);
  MamoriOverviewPage *page = get_page (window);
  MamoriStore *store = mamori_window_get_store (window);
  GtkListBox *list = child (page, OVERVIEW_PAGE, "plan_list");
  AdwViewStack *stack = child (window, WINDOW, "view_stack");
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GHashTable) dismissals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *routes_key = NULL;
  MamoriAssessment *assessment;
  MamoriActionDialog *dialog;
  AdwMessageDialog *question;
  GtkGrid *grid = child (page, OVERVIEW_PAGE, "risk_grid");
  GtkWidget *cell;
  gint64 id;

  assessment = wait_for_assessment (page, NULL);
  g_object_set (asset, "name", "金型設計図", "class-override", 3, "override-reason", "顧客指定", NULL);
  id = mamori_store_add_asset (store, asset, &error);
  g_assert_no_error (error);
  routes_key = g_strdup_printf ("asset-routes:%" G_GINT64_FORMAT, id);
  assessment = wait_for_assessment (page, assessment);
  g_assert_cmpuint (n_rows (list), ==, assessment->findings->len);

  /* Likelihood 3 × impact 3 (column 3, the top row): the asset's two findings. */
  cell = gtk_grid_get_child_at (grid, 3, 0);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cell)), ==, "2");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cell), TRUE);
  g_assert_cmpuint (n_rows (list), ==, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cell), FALSE);
  g_assert_cmpuint (n_rows (list), ==, assessment->findings->len);

  /* A finding opens its record, in its tab. */
  gtk_widget_activate_action (GTK_WIDGET (page), "overview.open-finding", "s", routes_key);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "assets");
  gtk_widget_activate_action (GTK_WIDGET (window), "tab.show", "u", 1);

  /* Accepted as an action: the dialog offers the finding's recommended action. */
  gtk_widget_activate_action (GTK_WIDGET (page), "overview.accept", "s", routes_key);
  dialog = mamori_test_find_window (MAMORI_TYPE_ACTION_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, ACTION_DIALOG, "owner_row")), "総務部 高橋");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, ACTION_DIALOG, "due_row")), "not a date");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "action.save", NULL);
  /* Refused with the reason shown, nothing saved. */
  g_assert_true (gtk_widget_get_visible (child (dialog, ACTION_DIALOG, "error_label")));
  g_assert_nonnull (mamori_test_find_window (MAMORI_TYPE_ACTION_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, ACTION_DIALOG, "due_row")), "2027-01-31");
  gtk_switch_set_active (child (dialog, ACTION_DIALOG, "board_switch"), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "action.save", NULL);
  g_assert_null (mamori_test_find_window (MAMORI_TYPE_ACTION_DIALOG));
  actions = mamori_store_dup_actions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((MamoriAction *) g_ptr_array_index (actions, 0))->finding_key, ==, routes_key);
  g_assert_cmpstr (((MamoriAction *) g_ptr_array_index (actions, 0))->due_on, ==, "2027-01-31");
  g_assert_true (((MamoriAction *) g_ptr_array_index (actions, 0))->board_decision);
  assessment = wait_for_assessment (page, assessment);

  /* "Needs a board decision": that action alone, first in the list. */
  gtk_toggle_button_set_active (child (page, OVERVIEW_PAGE, "board_toggle"), TRUE);
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_cmpstr (row_title (list, 0), ==, ((MamoriAction *) g_ptr_array_index (actions, 0))->title);
  gtk_toggle_button_set_active (child (page, OVERVIEW_PAGE, "board_toggle"), FALSE);

  /* Dismissing asks for a reason; without one, it cannot be confirmed. */
  gtk_widget_activate_action (GTK_WIDGET (page), "overview.dismiss", "s", "profile-missing:security-officer");
  question = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_false (adw_message_dialog_get_response_enabled (question, "ok"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (question)), "来月の役員会で指名する");
  g_assert_true (adw_message_dialog_get_response_enabled (question, "ok"));
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (question, "ok");
  gtk_window_close (GTK_WINDOW (question));
  mamori_test_iterate_until (no_question, NULL);
  dismissals = mamori_store_dup_dismissals (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_hash_table_lookup (dismissals, "profile-missing:security-officer"));
  assessment = wait_for_assessment (page, assessment);

  /* A snapshot with the label offered, then the comparison with it. */
  gtk_widget_activate_action (GTK_WIDGET (page), "overview.snapshot", NULL);
  question = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_true (adw_message_dialog_get_response_enabled (question, "ok"));
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (question, "ok");
  gtk_window_close (GTK_WINDOW (question));
  mamori_test_iterate_until (no_question, NULL);
  snapshots = mamori_store_dup_snapshots (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  assessment = wait_for_assessment (page, assessment);
  g_assert_nonnull (strstr (gtk_label_get_text (child (page, OVERVIEW_PAGE, "since_label")),
                            ((MamoriSnapshot *) g_ptr_array_index (snapshots, 0))->label));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 360 px the page fits, without scrolling sideways. */
static void
test_narrow (void)
{
  g_autofree char *path = mamori_test_workspace_path ("narrow.mamori");
  MamoriWindow *window = open_window (path, 360);
  MamoriOverviewPage *page = get_page (window);
  int minimum;

  mamori_test_fill_workspace (mamori_window_get_store (window), 50);
  wait_for_assessment (page, NULL);
  mamori_test_iterate_for (500);
  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_true (gtk_widget_get_visible (child (page, OVERVIEW_PAGE, "plan_list")));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  mamori_test_ui_init (&argc, &argv);

  app = mamori_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/overview-page/guided-start", test_guided_start);
  g_test_add_func ("/overview-page/plan", test_plan);
  g_test_add_func ("/overview-page/narrow", test_narrow);

  return g_test_run ();
}
