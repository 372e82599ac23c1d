/* test-contract-analysis-window.c — a contract's text analysed as a user works it (needs a display)
 *
 * Run in English and in Japanese (see test-ui.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-application.h"
#include "analysis/mamori-contract-scan.h"
#include "model/mamori-contract.h"
#include "pages/contracts/mamori-contract-analysis-window.h"
#include "test-ui.h"
#include "test-utils.h"

static MamoriApplication *app;

#define child(widget, name) mamori_test_template_child ((widget), MAMORI_TYPE_CONTRACT_ANALYSIS_WINDOW, (name))

#define ESSENTIAL ((1u << MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY) | \
                   (1u << MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL) | \
                   (1u << MAMORI_CONTRACT_TOPIC_GOVERNING_LAW))

#define ROYALTY_FREE_TEXT "第1条　甲は乙に対し、本特許権の通常実施権を無償で許諾する。\n"

typedef struct
{
  guint  n_accepted;
  guint  n_withdrawn;
  guint  withdrawn_topic;
  gboolean refuse;  /* the owner could not save */
  guint  topic;
  guint  status;
  char  *article;
  char  *passage;
  char  *note;
  guint  n_analyzed;
  char  *analyzed;
} Recorder;

static void
recorder_clear (Recorder *recorder)
{
  g_free (recorder->article);
  g_free (recorder->passage);
  g_free (recorder->note);
  g_free (recorder->analyzed);
  memset (recorder, 0, sizeof *recorder);
}

static gboolean
on_finding_accepted (MamoriContractAnalysisWindow *window,
                     guint                         topic,
                     guint                         status,
                     const char                   *article,
                     const char                   *passage,
                     const char                   *note,
                     Recorder                     *recorder)
{
  recorder->n_accepted++;
  recorder->topic = topic;
  recorder->status = status;
  g_free (recorder->article);
  recorder->article = g_strdup (article);
  g_free (recorder->passage);
  recorder->passage = g_strdup (passage);
  g_free (recorder->note);
  recorder->note = g_strdup (note);
  return !recorder->refuse;
}

static gboolean
on_finding_withdrawn (MamoriContractAnalysisWindow *window,
                      guint                         topic,
                      Recorder                     *recorder)
{
  recorder->n_withdrawn++;
  recorder->withdrawn_topic = topic;
  return TRUE;
}

static void
on_text_analyzed (MamoriContractAnalysisWindow *window,
                  const char                   *text,
                  Recorder                     *recorder)
{
  recorder->n_analyzed++;
  g_free (recorder->analyzed);
  recorder->analyzed = g_strdup (text);
}

static char *
read_fixture (const char *folder,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static MamoriContractAnalysisWindow *
open_window (const char *text,
             guint       essential_mask,
             gboolean    outside_group_a,
             int         width,
             Recorder   *recorder)
{
  GtkWidget *parent = adw_window_new ();
  MamoriContractAnalysisWindow *window;

  gtk_window_set_application (GTK_WINDOW (parent), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (parent));

  window = mamori_contract_analysis_window_new (GTK_WINDOW (parent), "共同開発契約（X社）", text,
                                                essential_mask, outside_group_a, NULL);
  g_signal_connect (window, "finding-accepted", G_CALLBACK (on_finding_accepted), recorder);
  g_signal_connect (window, "finding-withdrawn", G_CALLBACK (on_finding_withdrawn), recorder);
  g_signal_connect (window, "text-analyzed", G_CALLBACK (on_text_analyzed), recorder);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_present (GTK_WINDOW (window));
  mamori_test_iterate_for (100);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (parent));
  g_assert_true (gtk_window_get_destroy_with_parent (GTK_WINDOW (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "共同開発契約（X社）");
  return window;
}

static const char *
visible_findings (MamoriContractAnalysisWindow *window)
{
  return gtk_stack_get_visible_child_name (child (window, "findings_stack"));
}

/* The buttons bound to @action_name, in the order they are shown; with a
 * topic, only that topic's. */
static void
collect_buttons (GtkWidget  *widget,
                 const char *action_name,
                 int         topic,
                 GPtrArray  *found)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (topic < 0 || (target != NULL && g_variant_get_uint32 (target) == (guint) topic))
        g_ptr_array_add (found, widget);
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_buttons (c, action_name, topic, found);
}

static GtkWidget *
find_button (MamoriContractAnalysisWindow *window,
             const char                   *action_name,
             MamoriContractTopic           topic)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (window), action_name, topic, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static AdwActionRow *
verdict_row (MamoriContractAnalysisWindow *window,
             MamoriContractTopic           topic)
{
  GtkWidget *row = gtk_widget_get_ancestor (find_button (window, "analysis.accept", topic), ADW_TYPE_ACTION_ROW);

  g_assert_nonnull (row);
  return ADW_ACTION_ROW (row);
}

static gboolean
is_blank_passage (const MamoriContractPassage *passage)
{
  return passage->article == NULL;
}

/* The first passage inside an article other than its caption （…）: what
 * accepting the topic records, as the clause's own words. */
static const MamoriContractPassage *
recorded_passage (const MamoriContractFinding *finding)
{
  for (guint i = 0; i < finding->passages->len; i++)
    {
      const MamoriContractPassage *passage = g_ptr_array_index (finding->passages, i);

      if (!is_blank_passage (passage) && !g_str_has_prefix (passage->text, "（"))
        return passage;
    }
  return g_ptr_array_index (finding->passages, 0);
}

static void
get_passage_iters (GtkTextBuffer               *buffer,
                   const char                  *text,
                   const MamoriContractPassage *passage,
                   GtkTextIter                 *start,
                   GtkTextIter                 *end)
{
  gtk_text_buffer_get_iter_at_offset (buffer, start, (int) g_utf8_pointer_to_offset (text, text + passage->start));
  gtk_text_buffer_get_iter_at_offset (buffer, end, (int) g_utf8_pointer_to_offset (text, text + passage->end));
}

/* The tag covers the whole passage, without a gap. */
static void
assert_tagged (GtkTextBuffer               *buffer,
               GtkTextTag                  *tag,
               const char                  *text,
               const MamoriContractPassage *passage)
{
  GtkTextIter start, end;

  get_passage_iters (buffer, text, passage, &start, &end);
  g_assert_cmpint (gtk_text_iter_get_offset (&start), <, gtk_text_iter_get_offset (&end));
  g_assert_true (gtk_text_iter_has_tag (&start, tag));
  gtk_text_iter_forward_to_tag_toggle (&start, tag);
  g_assert_cmpint (gtk_text_iter_get_offset (&start), >=, gtk_text_iter_get_offset (&end));
}

/* The window first: GTK reaches for the parent when a window is finalized. */
static void
close_window (MamoriContractAnalysisWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  mamori_test_iterate_for (50);
  g_assert_finalize_object (window);
  mamori_test_close_all_windows ();
}

/* A model NDA: the passages are marked in the text, the topics listed with
 * the essential ones first, Accept records, Reject does not. */
static void
test_analyze_accept_reject (void)
{
  g_autofree char *text = read_fixture ("contracts-ja", "jp_meti_jpo_v1.0_nda_new_material.txt");
  g_autoptr(MamoriContractScan) scan = mamori_contract_scan (text, -1, FALSE);
  const MamoriContractFinding *confidentiality = mamori_contract_scan_get_finding (scan, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY);
  const MamoriContractFinding *law = mamori_contract_scan_get_finding (scan, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW);
  const MamoriContractPassage *recorded = recorded_passage (confidentiality);
  Recorder recorder = { 0 };
  MamoriContractAnalysisWindow *window = open_window (NULL, ESSENTIAL, FALSE, 1280, &recorder);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (window, "text_view"));
  GtkTextTag *passage_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "mamori-passage");
  GtkTextTag *current_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "mamori-current-passage");
  g_autoptr(GPtrArray) accepts = g_ptr_array_new ();
  g_autoptr(GPtrArray) passage_rows = g_ptr_array_new ();
  g_autofree char *expected_note = NULL;
  g_autofree char *saved = NULL;
  GtkTextIter start, end, selection_start, selection_end;
  GtkWidget *accept;

  g_assert_true (confidentiality->found && law->found);
  g_assert_cmpuint (confidentiality->flags, ==, 0);
  g_assert_nonnull (passage_tag);
  g_assert_nonnull (current_tag);

  /* Empty at first, with the hint. */
  g_assert_cmpstr (visible_findings (window), ==, "none");
  g_assert_true (gtk_widget_get_visible (child (window, "placeholder_label")));
  g_assert_false (adw_leaflet_get_folded (child (window, "leaflet")));
  g_assert_cmpstr (gtk_button_get_label (child (window, "open_button")), ==, _("_Open File…"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == child (window, "text_view"));

  mamori_contract_analysis_window_set_text (window, text);
  g_assert_false (gtk_widget_get_visible (child (window, "placeholder_label")));
  g_assert_cmpuint (recorder.n_analyzed, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "analysis.analyze", NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpuint (recorder.n_analyzed, ==, 1);
  g_assert_cmpstr (recorder.analyzed, ==, text);
  g_assert_cmpstr (visible_findings (window), ==, "results");
  g_assert_cmpuint (recorder.n_accepted, ==, 0);

  /* Every passage found is marked in the text. */
  for (guint i = 0; i < confidentiality->passages->len; i++)
    assert_tagged (buffer, passage_tag, text, g_ptr_array_index (confidentiality->passages, i));
  for (guint i = 0; i < law->passages->len; i++)
    assert_tagged (buffer, passage_tag, text, g_ptr_array_index (law->passages, i));

  /* All eleven topics, the essential ones first. */
  collect_buttons (GTK_WIDGET (window), "analysis.accept", -1, accepts);
  g_assert_cmpuint (accepts->len, ==, MAMORI_N_CONTRACT_TOPICS);
  {
    const guint expected[] = {
      MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW,
      MAMORI_CONTRACT_TOPIC_BACKGROUND_IP, MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpuint (g_variant_get_uint32 (gtk_actionable_get_action_target_value (g_ptr_array_index (accepts, i))),
                        ==, expected[i]);
  }

  /* A passage shown: selected, and marked as the current one. */
  collect_buttons (GTK_WIDGET (window), "analysis.show-passage", -1, passage_rows);
  g_assert_cmpuint (passage_rows->len, >, 0);
  gtk_widget_activate (g_ptr_array_index (passage_rows, 0));
  mamori_test_iterate_for (50);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &selection_start, &selection_end));
  get_passage_iters (buffer, text, g_ptr_array_index (confidentiality->passages, 0), &start, &end);
  g_assert_cmpint (gtk_text_iter_get_offset (&selection_start), ==, gtk_text_iter_get_offset (&start));
  g_assert_cmpint (gtk_text_iter_get_offset (&selection_end), ==, gtk_text_iter_get_offset (&end));
  g_assert_true (gtk_text_iter_has_tag (&start, current_tag));

  /* Accept: recorded, with where it was found. */
  accept = find_button (window, "analysis.accept", MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY);
  g_assert_true (gtk_widget_get_mapped (accept));
  mamori_test_click (accept);
  mamori_test_iterate_for (50);
  g_assert_cmpuint (recorder.n_accepted, ==, 1);
  g_assert_cmpuint (recorder.topic, ==, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY);
  g_assert_cmpuint (recorder.status, ==, MAMORI_CLAUSE_OK);
  g_assert_cmpstr (recorder.article, ==, "第1条");
  g_assert_cmpstr (recorder.article, ==, recorded->article);
  g_assert_cmpstr (recorder.passage, ==, recorded->text);
  /* The clause itself, not its caption. */
  g_assert_true (g_str_has_prefix (recorder.passage, "第1条"));
  expected_note = g_strdup_printf (_("Found by the text analysis in %s."), "第1条");
  g_assert_cmpstr (recorder.note, ==, expected_note);

  /* The row says what was saved and offers to reconsider. */
  saved = g_strdup_printf (_("Saved as: %s"), mamori_clause_status_get_label (MAMORI_CLAUSE_OK));
  g_assert_cmpstr (adw_action_row_get_subtitle (verdict_row (window, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)), ==, saved);
  g_assert_false (gtk_widget_get_mapped (accept));
  g_assert_true (gtk_widget_get_mapped (find_button (window, "analysis.reconsider", MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)));
  gtk_widget_activate_action (GTK_WIDGET (window), "analysis.accept", "u", MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY);
  g_assert_cmpuint (recorder.n_accepted, ==, 1);

  /* Reconsidering what was saved asks the owner to take it back. */
  mamori_test_click (find_button (window, "analysis.reconsider", MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY));
  mamori_test_iterate_for (50);
  g_assert_true (gtk_widget_get_mapped (accept));
  g_assert_cmpstr (adw_action_row_get_subtitle (verdict_row (window, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)), !=, saved);
  g_assert_cmpuint (recorder.n_accepted, ==, 1);
  g_assert_cmpuint (recorder.n_withdrawn, ==, 1);
  g_assert_cmpuint (recorder.withdrawn_topic, ==, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY);

  /* An Accept the owner could not save is not shown as saved. */
  recorder.refuse = TRUE;
  mamori_test_click (accept);
  mamori_test_iterate_for (50);
  g_assert_cmpuint (recorder.n_accepted, ==, 2);
  g_assert_true (gtk_widget_get_mapped (accept));
  g_assert_cmpstr (adw_action_row_get_subtitle (verdict_row (window, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)), !=, saved);
  recorder.refuse = FALSE;

  /* Reject: nothing is recorded. */
  mamori_test_click (find_button (window, "analysis.reject", MAMORI_CONTRACT_TOPIC_GOVERNING_LAW));
  mamori_test_iterate_for (50);
  g_assert_cmpuint (recorder.n_accepted, ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (verdict_row (window, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW)), ==,
                   _("Rejected — nothing saved"));
  g_assert_false (gtk_widget_get_mapped (find_button (window, "analysis.accept", MAMORI_CONTRACT_TOPIC_GOVERNING_LAW)));
  g_assert_true (gtk_widget_get_mapped (find_button (window, "analysis.reconsider", MAMORI_CONTRACT_TOPIC_GOVERNING_LAW)));

  /* The same text again: the decisions stay. */
  mamori_contract_analysis_window_analyze (window);
  g_assert_cmpuint (recorder.n_analyzed, ==, 2);
  g_assert_true (gtk_widget_get_mapped (find_button (window, "analysis.reconsider", MAMORI_CONTRACT_TOPIC_GOVERNING_LAW)));

  /* An edit: the findings are out of date until analysed again, which
   * starts the decisions afresh. */
  g_assert_false (gtk_widget_get_visible (child (window, "stale_group")));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n第12条　本契約に定めのない事項は、甲乙協議のうえ定める。\n", -1);
  g_assert_true (gtk_widget_get_visible (child (window, "stale_group")));
  mamori_contract_analysis_window_analyze (window);
  mamori_test_iterate_for (50);
  g_assert_cmpuint (recorder.n_analyzed, ==, 3);
  g_assert_false (gtk_widget_get_visible (child (window, "stale_group")));
  g_assert_true (gtk_widget_get_mapped (find_button (window, "analysis.accept", MAMORI_CONTRACT_TOPIC_GOVERNING_LAW)));
  g_assert_cmpuint (recorder.n_accepted, ==, 2);
  /* Rejecting never takes anything back. */
  g_assert_cmpuint (recorder.n_withdrawn, ==, 1);

  close_window (window);
  recorder_clear (&recorder);
}

/* A free licence is there but needs a change; a missing export control
 * clause with a partner outside Group A is missing, with nothing to quote. */
static void
test_suggestions (void)
{
  Recorder recorder = { 0 };
  MamoriContractAnalysisWindow *window = open_window (ROYALTY_FREE_TEXT, 0, TRUE, 1280, &recorder);
  g_autofree char *title = NULL;
  g_autofree char *expected_note = NULL;

  /* Opened with the saved text, it is analysed at once. */
  g_assert_cmpstr (visible_findings (window), ==, "results");

  title = g_strdup_printf (_("Suggested: %s"), mamori_clause_status_get_label (MAMORI_CLAUSE_CHANGE));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (verdict_row (window, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE))),
                   ==, title);
  mamori_test_click (find_button (window, "analysis.accept", MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE));
  g_assert_cmpuint (recorder.n_accepted, ==, 1);
  g_assert_cmpuint (recorder.topic, ==, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE);
  g_assert_cmpuint (recorder.status, ==, MAMORI_CLAUSE_CHANGE);
  g_assert_cmpstr (recorder.article, ==, "第1条");
  g_assert_nonnull (strstr (recorder.passage, "無償で許諾する"));
  g_assert_nonnull (strstr (recorder.note, mamori_contract_flag_get_label (MAMORI_CONTRACT_FLAG_ROYALTY_FREE_LICENSE)));

  mamori_test_click (find_button (window, "analysis.accept", MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL));
  g_assert_cmpuint (recorder.n_accepted, ==, 2);
  g_assert_cmpuint (recorder.topic, ==, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL);
  g_assert_cmpuint (recorder.status, ==, MAMORI_CLAUSE_MISSING);
  g_assert_cmpstr (recorder.article, ==, "");
  g_assert_cmpstr (recorder.passage, ==, "");
  g_assert_true (g_str_has_prefix (recorder.note, _("Not found in the contract text.")));
  g_assert_nonnull (strstr (recorder.note, mamori_contract_flag_get_label (MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL)));

  mamori_test_click (find_button (window, "analysis.accept", MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY));
  g_assert_cmpuint (recorder.status, ==, MAMORI_CLAUSE_MISSING);
  expected_note = g_strdup (_("Not found in the contract text."));
  g_assert_cmpstr (recorder.note, ==, expected_note);

  close_window (window);
  recorder_clear (&recorder);
}

/* Nothing to analyse is said so, not listed as eleven missing clauses. */
static void
test_empty (void)
{
  Recorder recorder = { 0 };
  MamoriContractAnalysisWindow *window = open_window (NULL, ESSENTIAL, FALSE, 1280, &recorder);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (window, "text_view"));
  GtkTextTag *passage_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "mamori-passage");
  g_autoptr(GPtrArray) accepts = g_ptr_array_new ();
  GtkTextIter start;

  mamori_contract_analysis_window_analyze (window);
  g_assert_cmpstr (visible_findings (window), ==, "empty");
  g_assert_cmpuint (recorder.n_analyzed, ==, 1);
  g_assert_cmpstr (recorder.analyzed, ==, "");
  collect_buttons (GTK_WIDGET (window), "analysis.accept", -1, accepts);
  g_assert_cmpuint (accepts->len, ==, 0);

  /* Blank, with an ideographic space, is empty too. */
  mamori_contract_analysis_window_set_text (window, " \u3000\n\t");
  mamori_contract_analysis_window_analyze (window);
  g_assert_cmpstr (visible_findings (window), ==, "empty");

  /* Text, then none: the findings and the marks go. */
  mamori_contract_analysis_window_set_text (window, ROYALTY_FREE_TEXT);
  mamori_contract_analysis_window_analyze (window);
  g_assert_cmpstr (visible_findings (window), ==, "results");
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_iter_forward_chars (&start, 5);
  g_assert_true (gtk_text_iter_has_tag (&start, passage_tag));

  mamori_contract_analysis_window_set_text (window, "");
  g_assert_true (gtk_widget_get_visible (child (window, "placeholder_label")));
  mamori_contract_analysis_window_analyze (window);
  g_assert_cmpstr (visible_findings (window), ==, "empty");
  g_ptr_array_set_size (accepts, 0);
  collect_buttons (GTK_WIDGET (window), "analysis.accept", -1, accepts);
  g_assert_cmpuint (accepts->len, ==, 0);
  g_assert_cmpuint (recorder.n_analyzed, ==, 4);
  g_assert_cmpuint (recorder.n_accepted, ==, 0);

  close_window (window);
  recorder_clear (&recorder);
}

static gboolean
open_is_icon (gconstpointer data)
{
  GtkButton *open = mamori_test_template_child ((gpointer) data, MAMORI_TYPE_CONTRACT_ANALYSIS_WINDOW, "open_button");

  return g_strcmp0 (gtk_button_get_icon_name (open), "document-open-symbolic") == 0;
}

/* At phone width the findings are pushed over the text, and back. */
static void
test_narrow (void)
{
  g_autofree char *text = read_fixture ("contracts", "export_control_ja.txt");
  Recorder recorder = { 0 };
  MamoriContractAnalysisWindow *window = open_window (NULL, ESSENTIAL, TRUE, 400, &recorder);
  AdwLeaflet *leaflet = child (window, "leaflet");
  g_autoptr(GPtrArray) passage_rows = g_ptr_array_new ();

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 420);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "text");
  g_assert_false (gtk_widget_get_visible (child (window, "back_button")));
  /* Open File makes room for the title, once the leaflet has folded. */
  mamori_test_iterate_until (open_is_icon, window);

  mamori_contract_analysis_window_set_text (window, text);
  gtk_widget_activate_action (GTK_WIDGET (window), "analysis.analyze", NULL);
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "findings");
  g_assert_true (gtk_widget_get_visible (child (window, "back_button")));

  /* Showing a passage goes to the text. */
  collect_buttons (GTK_WIDGET (window), "analysis.show-passage", -1, passage_rows);
  g_assert_cmpuint (passage_rows->len, >, 0);
  gtk_widget_activate (g_ptr_array_index (passage_rows, 0));
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "text");
  g_assert_false (gtk_widget_get_visible (child (window, "back_button")));

  mamori_contract_analysis_window_analyze (window);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "findings");
  mamori_test_click (child (window, "back_button"));
  mamori_test_iterate_for (50);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "text");

  close_window (window);
  recorder_clear (&recorder);
}

static gboolean
message_shown (gconstpointer data)
{
  return mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
text_replaced (gconstpointer data)
{
  g_autofree char *text = mamori_contract_analysis_window_dup_text ((MamoriContractAnalysisWindow *) data);

  return g_str_has_prefix (text, "共同開発契約書");
}

/* Open File: a Word document whose text is empty (it crashed the window
 * and lost what was typed) is explained, and the text typed stays; a real
 * one replaces it. The file is read off the main thread. */
static void
test_open_file (void)
{
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "fixtures", "contract-files", "empty-document.docx", NULL);
  g_autofree char *docx = g_test_build_filename (G_TEST_DIST, "fixtures", "contract-files", "joint-development.docx", NULL);
  Recorder recorder = { 0 };
  MamoriContractAnalysisWindow *window = open_window ("第1条（秘密保持）手で入力した条文", ESSENTIAL, FALSE, 1280, &recorder);
  AdwMessageDialog *dialog;
  g_autofree char *kept = NULL;

  mamori_contract_analysis_window_open_file (window, empty);
  mamori_test_iterate_until (message_shown, NULL);
  dialog = mamori_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "empty-document.docx"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), mamori_test_expect ("no text", "文字がありません")));
  kept = mamori_contract_analysis_window_dup_text (window);
  g_assert_cmpstr (kept, ==, "第1条（秘密保持）手で入力した条文");
  gtk_window_destroy (GTK_WINDOW (dialog));

  mamori_contract_analysis_window_open_file (window, docx);
  mamori_test_iterate_until (text_replaced, window);

  close_window (window);
  recorder_clear (&recorder);
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

  g_test_add_func ("/contract-analysis-window/analyze-accept-reject", test_analyze_accept_reject);
  g_test_add_func ("/contract-analysis-window/suggestions", test_suggestions);
  g_test_add_func ("/contract-analysis-window/empty", test_empty);
  g_test_add_func ("/contract-analysis-window/narrow", test_narrow);
  g_test_add_func ("/contract-analysis-window/open-file", test_open_file);

  return g_test_run ();
}
