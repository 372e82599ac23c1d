/* bench-findings.c — how long the findings and the Overview take
 *
 * meson compile -C _build bench-findings
 * _build/tests/bench-findings [ASSETS [CONTRACTS [KEEP-PATH]]]
 * xvfb-run -a _build/tests/bench-findings 10000 500   (adds the Overview's frame)
 *
 * Builds a workspace of ASSETS assets (default 10,000), CONTRACTS contracts
 * (default 500, with clause reviews, disclosed assets and kept texts), every
 * checklist started with some items overdue, screenings, incidents and an
 * action plan; then times reading the facts, running every rule, and, when
 * a display is there, the Overview's first frame after its tab is chosen
 * (the findings already worked out, as after opening). Prints figures;
 * asserts nothing. With KEEP-PATH the workspace is kept there, to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "mamori-i18n.h"

#include "assess/mamori-findings.h"
#include "pages/overview/mamori-overview-page.h"
#include "test-utils.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

static void
fill (MamoriStore *store,
      guint        n_assets,
      guint        n_contracts)
{
  static const char * const countries[] = { "日本", "中国", "米国", "ベトナム", "ドイツ" };
  g_autoptr(GArray) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklistCatalog) checklists = mamori_checklist_catalog_dup_default (NULL);

  mamori_test_fill_workspace (store, n_assets);
  order = mamori_store_dup_asset_order (store, MAMORI_ASSET_SORT_NAME, FALSE, &error);
  g_assert_no_error (error);

  for (guint i = 2; i < n_contracts; i++)
    {
      g_autoptr(MamoriContract) contract = mamori_contract_new ();
      g_autofree char *title = g_strdup_printf ("取引基本契約 %03u", i);
      gint64 ids[3];
      gint64 id;

      mamori_contract_set_title (contract, title);
      mamori_contract_set_counterparty (contract, "取引先株式会社");
      mamori_contract_set_country (contract, countries[i % G_N_ELEMENTS (countries)]);
      mamori_contract_set_contract_type (contract, i % MAMORI_N_CONTRACT_TYPES);
      mamori_contract_set_position (contract, mamori_contract_type_get_default_position (i % MAMORI_N_CONTRACT_TYPES));
      mamori_contract_set_stage (contract, i % MAMORI_N_CONTRACT_STAGES);
      for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
        mamori_contract_set_review (contract, topic, (i + topic) % MAMORI_N_CLAUSE_STATUSES, "", NULL, NULL);
      for (guint j = 0; j < 3 && order->len > 0; j++)
        ids[j] = g_array_index (order, gint64, (i * 7 + j * 131) % order->len);
      mamori_contract_set_asset_ids (contract, ids, order->len > 0 ? 3 : 0);
      id = mamori_store_add_contract (store, contract, &error);
      g_assert_no_error (error);
      if (i % 3 == 0)
        mamori_store_save_contract_text (store, id,
                                         "第1条　本契約の成果に係る特許権は甲乙の共有とする。\n"
                                         "第2条　甲は乙に対し、本技術の通常実施権を無償で許諾する。\n", &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *subject = g_strdup_printf ("取引先 %03u", i);
      g_autoptr(MamoriScreening) screening =
        mamori_screening_new (i % 2 ? "end-user" : "technology-transfer", subject, "", "結果",
                              i % 2 ? (i % 4 == 1 ? "match" : "no-match") : (i % 4 == 0 ? "prior-report" : "no-match"));

      g_free (screening->catalog_version);
      screening->catalog_version = g_strdup ("2026.11.1");
      mamori_store_add_screening (store, screening, &error);
      g_assert_no_error (error);
    }

  /* Every checklist started; a few items of each overdue. */
  for (guint c = 0; c < mamori_checklist_catalog_get_n_checklists (checklists); c++)
    {
      const MamoriChecklist *checklist = mamori_checklist_catalog_get_checklist (checklists, c);

      for (guint i = 3; i < mamori_checklist_get_n_items (checklist) && i < 8; i++)
        {
          g_autoptr(MamoriItemState) state =
            mamori_item_state_new (mamori_checklist_item_get_id (mamori_checklist_get_item (checklist, i)));

          state->status = MAMORI_ITEM_IN_PROGRESS;
          g_free (state->due_on);
          state->due_on = g_strdup ("2026-01-31");
          mamori_store_save_item_state (store, state, &error);
          g_assert_no_error (error);
        }
    }

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(MamoriAction) action = mamori_action_new ();

      g_free (action->title);
      action->title = g_strdup_printf ("対策 %02u", i);
      g_free (action->owner);
      action->owner = g_strdup ("総務部 高橋");
      g_free (action->due_on);
      action->due_on = g_strdup_printf ("2026-%02u-15", 1 + i % 12);
      g_free (action->finding_key);
      action->finding_key = g_strdup_printf ("asset-routes:%u", i + 1);
      action->board_decision = i % 5 == 0;
      mamori_store_save_action (store, action, &error);
      g_assert_no_error (error);
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* The Overview's first frame after its tab is chosen, the findings ready. */
static void
time_overview (MamoriStore *store)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *other = gtk_label_new ("other tab");
  GtkWidget *page = mamori_overview_page_new (store);
  double frames[RUNS];

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_stack_add_named (GTK_STACK (stack), other, "other");
  gtk_stack_add_named (GTK_STACK (stack), page, "overview");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  while (mamori_overview_page_get_assessment (MAMORI_OVERVIEW_PAGE (page)) == NULL)
    g_main_context_iteration (NULL, TRUE);

  for (int run = 0; run < RUNS; run++)
    {
      GdkFrameClock *clock;
      gboolean painted = FALSE;
      gulong handler;
      gint64 start;

      gtk_stack_set_visible_child (GTK_STACK (stack), other);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      clock = gtk_widget_get_frame_clock (window);
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
      start = g_get_monotonic_time ();
      gtk_stack_set_visible_child (GTK_STACK (stack), page);
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      frames[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_signal_handler_disconnect (clock, handler);
    }
  g_print ("Overview first frame after choosing the tab: %.1f ms (median of %d)\n", median (frames), RUNS);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  guint n_assets = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint n_contracts = argc > 2 ? (guint) atoi (argv[2]) : 500;
  const char *keep = argc > 3 ? argv[3] : NULL;
  g_autofree char *dir = g_dir_make_tmp ("mamori-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.mamori", NULL);
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_default ();
  g_autoptr(MamoriChecklistCatalog) checklists = mamori_checklist_catalog_dup_default (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  double load[RUNS], compute[RUNS];
  guint n_findings = 0;

  store = mamori_store_open (keep != NULL ? keep : path, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fill (store, n_assets, MAX (n_contracts, 2));
  /* A snapshot of it all, as after a board meeting: the comparison costs too. */
  {
    g_autoptr(MamoriAssessment) assessment = mamori_assessment_load (store, &error);
    g_autoptr(MamoriSnapshot) snapshot = NULL;

    g_assert_no_error (error);
    snapshot = mamori_findings_new_snapshot (assessment->facts, assessment->findings, "取締役会");
    mamori_store_add_snapshot (store, snapshot, &error);
    g_assert_no_error (error);
  }

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      MamoriFacts *facts = mamori_facts_load (store, catalog, checklists, now, &error);
      g_autoptr(MamoriAssessment) assessment = NULL;

      g_assert_no_error (error);
      load[run] = (g_get_monotonic_time () - start) / 1000.0;
      start = g_get_monotonic_time ();
      assessment = mamori_assessment_new (facts);
      compute[run] = (g_get_monotonic_time () - start) / 1000.0;
      n_findings = assessment->findings->len;
    }
  g_print ("Workspace: %u assets, %u contracts, every checklist started: %u findings\n", n_assets,
           MAX (n_contracts, 2), n_findings);
  g_print ("Reading the facts: %.1f ms (median of %d)\n", median (load), RUNS);
  g_print ("Findings, rating, figures (the rules): %.1f ms (median of %d)\n", median (compute), RUNS);

  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      gtk_init ();
      adw_init ();
      time_overview (store);
    }
  else
    g_print ("No display: the Overview's frame is not timed (run under xvfb-run).\n");

  g_clear_object (&store);
  if (keep == NULL)
    {
      g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
      const char *name;

      while (files != NULL && (name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *file = g_build_filename (dir, name, NULL);

          g_unlink (file);
        }
      g_rmdir (dir);
    }
  return 0;
}
