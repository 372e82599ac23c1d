/* test-contracts-page.c — the contract register as a user works it (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mamori-application.h"
#include "mamori-window.h"
#include "pages/contracts/mamori-contract-analysis-window.h"
#include "pages/contracts/mamori-contract-editor.h"
#include "pages/contracts/mamori-contracts-page.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

static gboolean
is_folded (gconstpointer leaflet)
{
  return adw_leaflet_get_folded (ADW_LEAFLET ((gpointer) leaflet));
}

#define child(widget, TYPE, name) mamori_test_template_child ((widget), MAMORI_TYPE_##TYPE, (name))

static MamoriWindow *
open_window (const char *path,
             int         width)
{
  MamoriWindow *window = mamori_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_CREATE));
  gtk_widget_activate_action (GTK_WIDGET (window), "tab.show", "u", 3);
  mamori_test_iterate_for (100);
  return window;
}

static MamoriContractsPage *
get_page (MamoriWindow *window)
{
  return MAMORI_CONTRACTS_PAGE (mamori_test_window_page (window, "contracts"));
}

static const char *
visible_list (MamoriContractsPage *page)
{
  return gtk_stack_get_visible_child_name (child (page, CONTRACTS_PAGE, "list_stack"));
}

static const char *
visible_editor (MamoriContractsPage *page)
{
  return gtk_stack_get_visible_child_name (child (page, CONTRACTS_PAGE, "editor_stack"));
}

static const char *
status_text (MamoriContractsPage *page)
{
  return gtk_label_get_text (child (page, CONTRACTS_PAGE, "status_label"));
}

static guint
n_rows (MamoriContractsPage *page)
{
  GtkListBox *box = child (page, CONTRACTS_PAGE, "list_box");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (box, n) != NULL)
    n++;
  return n;
}

static gboolean
has_expected_rows (gconstpointer data)
{
  MamoriContractsPage *page = (MamoriContractsPage *) data;

  return n_rows (page) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page), "expected-rows"));
}

/* The search waits for typing to pause: wait for the list it gives. */
static void
wait_for_rows (MamoriContractsPage *page,
               guint                n)
{
  g_object_set_data (G_OBJECT (page), "expected-rows", GUINT_TO_POINTER (n));
  mamori_test_iterate_until (has_expected_rows, page);
}

static gboolean
has_one_result (gconstpointer data)
{
  GtkListBox *results = (GtkListBox *) data;

  return gtk_list_box_get_row_at_index (results, 0) != NULL &&
         gtk_list_box_get_row_at_index (results, 1) == NULL &&
         g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (results, 0)), "asset-id") != NULL;
}

/* Whether a shown widget under @widget has @text as its label or title. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget) && gtk_widget_get_visible (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c);
  return n;
}

static guint
n_warnings (MamoriContractEditor *editor)
{
  GtkWidget *group = child (editor, CONTRACT_EDITOR, "warnings_group");

  return gtk_widget_get_visible (group) ? count_rows (group) : 0;
}

static void
set_status (MamoriContractEditor *editor,
            MamoriContractTopic   topic,
            MamoriClauseStatus    status)
{
  /* The verdict rows are made in code; each carries its topic. */
  GtkWidget *group = child (editor, CONTRACT_EDITOR, "review_group");
  GSList *pending = g_slist_prepend (NULL, group);

  while (pending != NULL)
    {
      GtkWidget *w = pending->data;

      pending = g_slist_delete_link (pending, pending);
      if (ADW_IS_COMBO_ROW (w) && g_object_get_data (G_OBJECT (w), "topic") == GUINT_TO_POINTER (topic))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (w), status);
          g_slist_free (pending);
          mamori_test_iterate_for (20);
          return;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        pending = g_slist_prepend (pending, c);
    }
  g_assert_not_reached ();
}

static void
set_note (MamoriContractEditor *editor,
          MamoriContractTopic   topic,
          const char           *note)
{
  GtkWidget *group = child (editor, CONTRACT_EDITOR, "review_group");
  GSList *pending = g_slist_prepend (NULL, group);
  g_autoptr(GError) error = NULL;

  while (pending != NULL)
    {
      GtkWidget *w = pending->data;

      pending = g_slist_delete_link (pending, pending);
      if (ADW_IS_ENTRY_ROW (w) && g_object_get_data (G_OBJECT (w), "topic") == GUINT_TO_POINTER (topic))
        {
          gtk_editable_set_text (GTK_EDITABLE (w), note);
          g_slist_free (pending);
          g_assert_true (mamori_contract_editor_save (editor, &error));
          return;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        pending = g_slist_prepend (pending, c);
    }
  g_assert_not_reached ();
}

static gint64
add_asset (MamoriStore *store,
           const char  *name,
           int          rating)
{
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mamori_asset_set_name (asset, name);
  for (int v = 0; v < MAMORI_N_VIEWPOINTS; v++)
    mamori_asset_set_rating (asset, v, rating);
  id = mamori_store_add_asset (store, asset, &error);
  g_assert_no_error (error);
  return id;
}

/* The first widget of @type under @widget. */
static GtkWidget *
find_typed (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_typed (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Add a contract, fill it in, disclose a top-secret asset to a partner
 * outside Group A: the warnings say what is missing and go as the review
 * settles it. Everything is there after a restart. */
static void
test_register (void)
{
  g_autofree char *path = mamori_test_workspace_path ("contracts.mamori");
  MamoriWindow *window = open_window (path, 1200);
  MamoriContractsPage *page = get_page (window);
  MamoriContractEditor *editor = mamori_contracts_page_get_editor (page);
  MamoriStore *store = mamori_window_get_store (window);
  GtkListBox *results;
  MamoriContract *contract;
  g_autoptr(MamoriContract) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 asset, id;

  asset = add_asset (store, "金型設計図面", MAMORI_RATING_NONE);
  mamori_test_iterate_for (50);

  g_assert_cmpstr (visible_list (page), ==, "empty");
  g_assert_cmpstr (visible_editor (page), ==, "none");
  g_assert_false (gtk_widget_is_sensitive (child (editor, CONTRACT_EDITOR, "back_button")) &&
                  gtk_widget_get_visible (child (editor, CONTRACT_EDITOR, "back_button")));

  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.add", NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (visible_list (page), ==, "list");
  g_assert_cmpstr (visible_editor (page), ==, "editor");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), child (editor, CONTRACT_EDITOR, "title_row")));
  contract = mamori_contract_editor_get_contract (editor);
  id = mamori_contract_get_id (contract);
  g_assert_cmpint (id, >, 0);

  gtk_editable_set_text (child (editor, CONTRACT_EDITOR, "title_row"), "センサー共同開発契約");
  gtk_editable_set_text (child (editor, CONTRACT_EDITOR, "counterparty_row"), "華東精密有限公司");
  gtk_editable_set_text (child (editor, CONTRACT_EDITOR, "country_row"), "中国");
  g_assert_cmpstr (gtk_label_get_text (child (editor, CONTRACT_EDITOR, "group_a_label")), ==,
                   mamori_test_expect ("Not Group A", "グループA以外"));
  adw_combo_row_set_selected (child (editor, CONTRACT_EDITOR, "type_row"), MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT);
  adw_combo_row_set_selected (child (editor, CONTRACT_EDITOR, "stage_row"), MAMORI_CONTRACT_STAGE_NEGOTIATING);
  /* The calendar beside a date opens on the date typed, however it was
   * written, and a day picked there is written as YYYY-MM-DD. (Its popover
   * is not popped up: Xvfb gives it no monitor; "show" is what it does.) */
  gtk_editable_set_text (child (editor, CONTRACT_EDITOR, "signed_row"), "２０２６年３月３日");
  {
    GtkWidget *picker = find_typed (child (editor, CONTRACT_EDITOR, "signed_row"), GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker));
    GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
    g_autoptr(GDateTime) shown = NULL;
    g_autoptr(GDateTime) picked = g_date_time_new_local (2026, 4, 1, 0, 0, 0);

    g_signal_emit_by_name (popover, "show");
    shown = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 3);
    g_assert_cmpstr (gtk_editable_get_text (child (editor, CONTRACT_EDITOR, "signed_row")), ==, "２０２６年３月３日");
    gtk_calendar_select_day (calendar, picked);
    g_assert_cmpstr (gtk_editable_get_text (child (editor, CONTRACT_EDITOR, "signed_row")), ==, "2026-04-01");
    g_assert_cmpstr (mamori_contract_get_signed_on (contract), ==, "2026-04-01");
  }
  /* Not a date: marked, and the date from before the edit stays, not
   * what the text spelled on the way ("2029-02-3" is 3 February). */
  gtk_editable_set_text (child (editor, CONTRACT_EDITOR, "expires_row"), "2029-02-3");
  g_assert_cmpstr (mamori_contract_get_expires_on (contract), ==, "2029-02-03");
  gtk_editable_set_text (child (editor, CONTRACT_EDITOR, "expires_row"), "2029-02-30");
  g_assert_true (gtk_widget_has_css_class (child (editor, CONTRACT_EDITOR, "expires_row"), "error"));
  g_assert_cmpstr (mamori_contract_get_expires_on (contract), ==, "");
  gtk_editable_set_text (child (editor, CONTRACT_EDITOR, "expires_row"), "2029/3/31");
  g_assert_false (gtk_widget_has_css_class (child (editor, CONTRACT_EDITOR, "expires_row"), "error"));
  g_assert_cmpstr (gtk_label_get_text (child (editor, CONTRACT_EDITOR, "title_label")), ==, "センサー共同開発契約");

  /* The country outside Group A and no export-control clause yet. */
  g_assert_true (mamori_contract_editor_save (editor, &error));
  mamori_test_iterate_for (50);
  g_assert_cmpuint (n_warnings (editor), ==, 1);

  /* Disclose the asset, found by typing part of its name. (The popover is
   * not popped up: Xvfb gives it no monitor to place it on.) */
  gtk_editable_set_text (child (editor, CONTRACT_EDITOR, "asset_search"), "金型");
  results = child (editor, CONTRACT_EDITOR, "asset_results");
  mamori_test_iterate_until (has_one_result, results);
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
  mamori_test_iterate_for (50);
  g_assert_cmpuint (mamori_contract_get_asset_ids (contract)->len, ==, 1);
  g_assert_true (shows_text (child (editor, CONTRACT_EDITOR, "assets_group"), "金型設計図面"));
  /* Not secret yet: only the export-control warning. */
  g_assert_cmpuint (n_warnings (editor), ==, 1);

  /* Rated high in the Assets tab: the contract warns at once. */
  {
    g_autoptr(MamoriAsset) rated = mamori_store_dup_asset (store, asset, &error);

    g_assert_no_error (error);
    for (int v = 0; v < MAMORI_N_VIEWPOINTS; v++)
      mamori_asset_set_rating (rated, v, MAMORI_RATING_HIGH);
    g_assert_true (mamori_store_save_asset (store, rated, &error));
    mamori_test_iterate_for (50);
  }
  g_assert_cmpuint (n_warnings (editor), ==, 2);

  /* The list counts what is open. */
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_true (shows_text (child (page, CONTRACTS_PAGE, "list_box"), mamori_test_expect ("2 warnings", "警告 2")));
  g_assert_cmpstr (status_text (page), ==, mamori_test_expect ("1 contract, 1 needing attention", "1件の契約（要対応1件）"));

  /* Settling the review clears the warnings. */
  set_status (editor, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CLAUSE_OK);
  set_status (editor, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP, MAMORI_CLAUSE_CHANGE);
  g_assert_cmpuint (n_warnings (editor), ==, 1);
  set_status (editor, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CLAUSE_OK);
  g_assert_cmpuint (n_warnings (editor), ==, 0);
  g_assert_false (gtk_widget_get_visible (child (editor, CONTRACT_EDITOR, "warnings_group")));
  set_status (editor, MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP, MAMORI_CLAUSE_MISSING);

  mamori_test_close_all_windows ();

  /* After a restart: the contract as it was left. */
  window = open_window (path, 1200);
  page = get_page (window);
  g_assert_cmpuint (n_rows (page), ==, 1);
  saved = mamori_store_dup_contract (mamori_window_get_store (window), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mamori_contract_get_title (saved), ==, "センサー共同開発契約");
  g_assert_cmpstr (mamori_contract_get_counterparty (saved), ==, "華東精密有限公司");
  g_assert_cmpstr (mamori_contract_get_country (saved), ==, "中国");
  g_assert_cmpint (mamori_contract_get_stage (saved), ==, MAMORI_CONTRACT_STAGE_NEGOTIATING);
  g_assert_cmpstr (mamori_contract_get_signed_on (saved), ==, "2026-04-01");
  g_assert_cmpstr (mamori_contract_get_expires_on (saved), ==, "2029-03-31");
  g_assert_cmpint (g_array_index (mamori_contract_get_asset_ids (saved), gint64, 0), ==, asset);
  g_assert_cmpint (mamori_contract_get_review (saved, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)->status, ==, MAMORI_CLAUSE_OK);
  g_assert_cmpint (mamori_contract_get_review (saved, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP)->status, ==, MAMORI_CLAUSE_CHANGE);
  g_assert_cmpint (mamori_contract_get_review (saved, MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP)->status, ==, MAMORI_CLAUSE_MISSING);

  mamori_contracts_page_select (page, id);
  mamori_test_iterate_for (50);
  editor = mamori_contracts_page_get_editor (page);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, CONTRACT_EDITOR, "expires_row")), ==, "2029-03-31");
  g_assert_cmpuint (n_warnings (editor), ==, 0);

  mamori_test_close_all_windows ();
}

static gint64
add_contract (MamoriStore         *store,
              const char          *title,
              const char          *counterparty,
              MamoriContractType   type,
              MamoriContractStage  stage)
{
  g_autoptr(MamoriContract) contract = mamori_contract_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mamori_contract_set_title (contract, title);
  mamori_contract_set_counterparty (contract, counterparty);
  mamori_contract_set_contract_type (contract, type);
  mamori_contract_set_stage (contract, stage);
  id = mamori_store_add_contract (store, contract, &error);
  g_assert_no_error (error);
  return id;
}

static void
on_add_toast (MamoriContractsPage  *page,
              AdwToast             *toast,
              AdwToast            **out)
{
  g_set_object (out, toast);
}

/* Search, filters, and delete with Undo. */
static void
test_filter_and_delete (void)
{
  g_autofree char *path = mamori_test_workspace_path ("filters.mamori");
  MamoriWindow *window = open_window (path, 1200);
  MamoriContractsPage *page = get_page (window);
  MamoriStore *store = mamori_window_get_store (window);
  g_autoptr(AdwToast) toast = NULL;
  gint64 nda;

  nda = add_contract (store, "秘密保持契約", "Example Corp.", MAMORI_CONTRACT_TYPE_NDA, MAMORI_CONTRACT_STAGE_SIGNED);
  add_contract (store, "製造委託基本契約", "みなと工業", MAMORI_CONTRACT_TYPE_MANUFACTURING, MAMORI_CONTRACT_STAGE_DRAFT);
  add_contract (store, "ライセンス契約", "Example Licensing", MAMORI_CONTRACT_TYPE_LICENSE_OUT, MAMORI_CONTRACT_STAGE_DRAFT);
  mamori_test_iterate_for (50);
  g_assert_cmpuint (n_rows (page), ==, 3);

  /* The search reads as typed: width and case do not matter. */
  gtk_editable_set_text (child (page, CONTRACTS_PAGE, "search_entry"), "ｅｘａｍｐｌｅ");
  wait_for_rows (page, 2);
  g_assert_cmpstr (status_text (page), ==, mamori_test_expect ("2 of 3 contracts", "3件中2件の契約"));

  gtk_drop_down_set_selected (child (page, CONTRACTS_PAGE, "stage_dropdown"), MAMORI_CONTRACT_STAGE_SIGNED + 1);
  g_assert_cmpuint (n_rows (page), ==, 1);
  gtk_drop_down_set_selected (child (page, CONTRACTS_PAGE, "type_dropdown"), MAMORI_CONTRACT_TYPE_SALES + 1);
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_cmpstr (visible_list (page), ==, "no-results");
  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.clear-filters", NULL);
  wait_for_rows (page, 3);

  /* Delete says what went, and Undo brings it back with its review. */
  g_signal_connect (page, "add-toast", G_CALLBACK (on_add_toast), &toast);
  mamori_contracts_page_select (page, nda);
  mamori_test_iterate_for (50);
  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.delete", NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_cmpstr (visible_editor (page), ==, "none");
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, mamori_test_expect ("“秘密保持契約” deleted", "「秘密保持契約」を削除しました"));
  g_signal_emit_by_name (toast, "button-clicked");
  mamori_test_iterate_for (50);
  g_assert_cmpuint (n_rows (page), ==, 3);

  mamori_test_close_all_windows ();
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action,
                    guint       target)
{
  if (GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (value != NULL && g_variant_get_uint32 (value) == target)
        return widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action_button (c, action, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Paste a contract, analyse it, accept a finding: the reviewer's decision
 * is in the clause review after a restart, and so is the text. */
static void
test_paste_accept_reopen (void)
{
  g_autofree char *path = mamori_test_workspace_path ("analysis.mamori");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "contracts", "non_solicitation_ja.txt", NULL);
  g_autofree char *text = NULL;
  MamoriWindow *window = open_window (path, 1200);
  MamoriContractsPage *page = get_page (window);
  MamoriContractEditor *editor = mamori_contracts_page_get_editor (page);
  g_autoptr(MamoriContract) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const MamoriClauseReview *review;
  GtkWindow *analysis;
  GtkWidget *accept;
  gint64 id;

  g_assert_true (g_file_get_contents (fixture, &text, NULL, &error));
  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.add", NULL);
  mamori_test_iterate_for (50);
  gtk_editable_set_text (child (editor, CONTRACT_EDITOR, "title_row"), "合弁契約");
  adw_combo_row_set_selected (child (editor, CONTRACT_EDITOR, "type_row"), MAMORI_CONTRACT_TYPE_JOINT_VENTURE);
  id = mamori_contract_get_id (mamori_contract_editor_get_contract (editor));

  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.analyze", NULL);
  mamori_test_iterate_for (100);
  analysis = mamori_test_find_window (MAMORI_TYPE_CONTRACT_ANALYSIS_WINDOW);
  g_assert_nonnull (analysis);
  mamori_contract_analysis_window_set_text (MAMORI_CONTRACT_ANALYSIS_WINDOW (analysis), text);
  mamori_contract_analysis_window_analyze (MAMORI_CONTRACT_ANALYSIS_WINDOW (analysis));
  mamori_test_iterate_for (100);

  /* Ctrl+T again: the same window, with what was pasted. */
  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.analyze", NULL);
  mamori_test_iterate_for (50);
  g_assert_true (mamori_test_find_window (MAMORI_TYPE_CONTRACT_ANALYSIS_WINDOW) == analysis);

  /* The reviewer had a note: Accept keeps it and adds where the clause is. */
  set_note (editor, MAMORI_CONTRACT_TOPIC_NON_SOLICITATION, "期間を確認");
  accept = find_action_button (GTK_WIDGET (analysis), "analysis.accept", MAMORI_CONTRACT_TOPIC_NON_SOLICITATION);
  g_assert_nonnull (accept);
  g_signal_emit_by_name (accept, "clicked");
  mamori_test_iterate_for (50);

  /* Accepted: in the review at once, with where it was found. */
  review = mamori_contract_get_review (mamori_contract_editor_get_contract (editor), MAMORI_CONTRACT_TOPIC_NON_SOLICITATION);
  g_assert_cmpint (review->status, ==, MAMORI_CLAUSE_OK);
  g_assert_cmpstr (review->article, ==, "第８条");
  g_assert_true (g_str_has_prefix (review->note, "期間を確認 "));
  g_assert_true (shows_text (child (editor, CONTRACT_EDITOR, "review_group"), "第８条"));

  /* Reconsidered: the review is as it was before the Accept. */
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (analysis), "analysis.reconsider", MAMORI_CONTRACT_TOPIC_NON_SOLICITATION),
                         "clicked");
  mamori_test_iterate_for (50);
  review = mamori_contract_get_review (mamori_contract_editor_get_contract (editor), MAMORI_CONTRACT_TOPIC_NON_SOLICITATION);
  g_assert_cmpint (review->status, ==, MAMORI_CLAUSE_UNREVIEWED);
  g_assert_cmpstr (review->note, ==, "期間を確認");
  g_assert_cmpstr (review->article, ==, "");

  /* And accepted again, for good. */
  g_signal_emit_by_name (accept, "clicked");
  mamori_test_iterate_for (50);
  /* Not accepted: nothing. */
  g_assert_cmpint (mamori_contract_get_review (mamori_contract_editor_get_contract (editor),
                                               MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)->status, ==, MAMORI_CLAUSE_UNREVIEWED);

  /* Edited after the analysis: kept as the window closes. */
  {
    g_autofree char *edited = g_strconcat (text, "第10条　本契約に関する紛争は名古屋地方裁判所を専属的合意管轄とする。\n", NULL);

    mamori_contract_analysis_window_set_text (MAMORI_CONTRACT_ANALYSIS_WINDOW (analysis), edited);
    /* Closed with Ctrl+W, as every window of the application is. */
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>w");

      g_assert_true (gtk_window_get_application (analysis) == GTK_APPLICATION (app));
      g_assert_true (g_strv_contains ((const char * const *) actions, "window.close"));
    }
    gtk_widget_activate_action (GTK_WIDGET (analysis), "window.close", NULL);
    mamori_test_iterate_for (50);
    g_free (text);
    text = g_steal_pointer (&edited);
  }
  g_assert_null (mamori_test_find_window (MAMORI_TYPE_CONTRACT_ANALYSIS_WINDOW));
  mamori_test_close_all_windows ();

  window = open_window (path, 1200);
  saved = mamori_store_dup_contract (mamori_window_get_store (window), id, &error);
  g_assert_no_error (error);
  review = mamori_contract_get_review (saved, MAMORI_CONTRACT_TOPIC_NON_SOLICITATION);
  g_assert_cmpint (review->status, ==, MAMORI_CLAUSE_OK);
  g_assert_cmpstr (review->article, ==, "第８条");
  g_assert_nonnull (strstr (review->passage, "勧誘してはならない"));
  g_assert_true (g_str_has_prefix (review->note, "期間を確認 "));
  g_assert_cmpint (mamori_contract_get_review (saved, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)->status, ==, MAMORI_CLAUSE_UNREVIEWED);
  kept = mamori_store_dup_contract_text (mamori_window_get_store (window), id, &error);
  g_assert_cmpstr (kept, ==, text);

  /* The review shows it. */
  page = get_page (window);
  mamori_contracts_page_select (page, id);
  mamori_test_iterate_for (50);
  g_assert_true (shows_text (child (mamori_contracts_page_get_editor (page), CONTRACT_EDITOR, "review_group"), "第８条"));

  /* Analysed again: the verdict already in the review is shown as saved,
   * not offered for Accept again; the others still are. */
  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.analyze", NULL);
  mamori_test_iterate_for (100);
  analysis = mamori_test_find_window (MAMORI_TYPE_CONTRACT_ANALYSIS_WINDOW);
  g_assert_nonnull (analysis);
  accept = find_action_button (GTK_WIDGET (analysis), "analysis.accept", MAMORI_CONTRACT_TOPIC_NON_SOLICITATION);
  g_assert_false (gtk_widget_is_visible (accept));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (accept, ADW_TYPE_ACTION_ROW))),
                            mamori_clause_status_get_label (MAMORI_CLAUSE_OK)));
  g_assert_true (gtk_widget_is_visible (find_action_button (GTK_WIDGET (analysis), "analysis.accept",
                                                            MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)));

  mamori_test_close_all_windows ();
}

static void
test_narrow (void)
{
  g_autofree char *path = mamori_test_workspace_path ("narrow.mamori");
  MamoriWindow *window = open_window (path, 1200);
  MamoriContractsPage *page = get_page (window);
  AdwLeaflet *leaflet = child (page, CONTRACTS_PAGE, "leaflet");
  MamoriContractEditor *editor = mamori_contracts_page_get_editor (page);
  gint64 id;

  id = add_contract (mamori_window_get_store (window), "販売代理店契約", "Example GmbH",
                     MAMORI_CONTRACT_TYPE_SALES, MAMORI_CONTRACT_STAGE_SIGNED);
  mamori_test_resize (GTK_WINDOW (window), 400, 700);
  mamori_test_iterate_until (is_folded, leaflet);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  mamori_contracts_page_select (page, id);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "editor");
  g_assert_true (gtk_widget_get_visible (child (editor, CONTRACT_EDITOR, "back_button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "contracts.back", NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  mamori_test_close_all_windows ();
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

  g_test_add_func ("/contracts-page/register", test_register);
  g_test_add_func ("/contracts-page/filter-and-delete", test_filter_and_delete);
  g_test_add_func ("/contracts-page/paste-accept-reopen", test_paste_accept_reopen);
  g_test_add_func ("/contracts-page/narrow", test_narrow);

  return g_test_run ();
}
