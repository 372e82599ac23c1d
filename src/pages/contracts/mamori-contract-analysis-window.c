/* mamori-contract-analysis-window.c — what a contract's text says, clause by clause
 *
 * The user pastes the contract or opens its Word or text file; Analyze runs
 * the clause scanner, marks every passage it found in the text, and lists
 * the eleven topics, the essential ones first, each with a suggested
 * verdict. The window saves nothing itself: accepting a suggestion emits
 * ::finding-accepted for the owner to record, and every analysis emits
 * ::text-analyzed so the owner can keep the text.
 *
 * Passages are followed with text marks, so they stay in place while the
 * text is edited after the analysis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <string.h>

#include "pages/contracts/mamori-contract-analysis-window.h"
#include "analysis/mamori-contract-scan.h"
#include "io/mamori-contract-text.h"
#include "io/mamori-file.h"
#include "model/mamori-contract.h"
#include "widgets/mamori-message.h"

/* Passages listed before the rest are folded into an expander row. */
#define SHOWN_PASSAGES 4
/* Articles named in a topic's description. */
#define NAMED_ARTICLES 4

#define PASSAGE_TAG "mamori-passage"
#define CURRENT_TAG "mamori-current-passage"

typedef enum
{
  DECISION_NONE,
  DECISION_ACCEPTED,
  DECISION_REJECTED,
  DECISION_SAVED,     /* the review held this verdict before the window opened */
} Decision;

typedef struct
{
  GtkTextMark *start;
  GtkTextMark *end;
} Passage;

typedef struct
{
  AdwPreferencesGroup *group;       /* NULL: not shown */
  AdwActionRow        *verdict_row;
  GtkStack            *decision_stack;
  GtkWidget           *accept_button;
  GtkWidget           *reconsider_button;
  GPtrArray           *dimmed;      /* the rows dimmed when rejected */
  MamoriClauseStatus   suggested;
  char                *reason;
  char                *article;
  char                *passage;
  char                *note;
  Decision             decision;
  MamoriClauseStatus   saved_before;  /* the review before this window's Accept */
} TopicView;

struct _MamoriContractAnalysisWindow
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkButton            *open_button;
  AdwLeaflet           *leaflet;
  GtkTextView          *text_view;
  GtkWidget            *placeholder_label;
  GtkStack             *findings_stack;
  AdwPreferencesPage   *results_page;
  AdwPreferencesGroup  *summary_group;
  GtkWidget            *stale_group;

  GtkTextBuffer        *buffer;
  GtkTextTag           *passage_tag;
  GtkTextTag           *current_tag;
  GPtrArray            *passages;   /* Passage */
  TopicView             topics[MAMORI_N_CONTRACT_TOPICS];
  char                 *analyzed_text;
  gboolean              has_results;
  gboolean              stale;

  guint                 essential_mask;
  gboolean              outside_group_a;

  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  guint                 header_idle;
  MamoriClauseStatus    saved[MAMORI_N_CONTRACT_TOPICS];  /* the review when opened, and as decided */
};

G_DEFINE_FINAL_TYPE (MamoriContractAnalysisWindow, mamori_contract_analysis_window, ADW_TYPE_WINDOW)

enum {
  FINDING_ACCEPTED,
  FINDING_WITHDRAWN,
  TEXT_ANALYZED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
passage_free (gpointer data)
{
  Passage *passage = data;

  if (!gtk_text_mark_get_deleted (passage->start))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (passage->start), passage->start);
  if (!gtk_text_mark_get_deleted (passage->end))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (passage->end), passage->end);
  g_object_unref (passage->start);
  g_object_unref (passage->end);
  g_free (passage);
}

static char *
dup_text (MamoriContractAnalysisWindow *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

/* Blank includes the ideographic space a Japanese keyboard types. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000)
      return FALSE;
  return TRUE;
}

/* The passage on one line, for a row's subtitle. */
static char *
one_line (const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0' && line->len < 400; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        {
          space = line->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_unichar (line, c);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static const char *
article_label (const MamoriContractPassage *passage)
{
  /* Translators: where a passage comes from when it is before the first
   * article (第1条): the title and the preamble of the contract */
  return passage->article != NULL ? passage->article : _("Preamble");
}

static gboolean
is_essential (MamoriContractAnalysisWindow *self,
              MamoriContractTopic           topic)
{
  return (self->essential_mask & (1u << topic)) != 0;
}

/* The risk flags that make a clause that is there need a change. */
static MamoriContractFlags
topic_change_flags (MamoriContractTopic topic)
{
  switch ((int) topic)
    {
    case MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP:
      return MAMORI_CONTRACT_FLAG_JOINT_OWNERSHIP;
    case MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE:
      return MAMORI_CONTRACT_FLAG_ROYALTY_FREE_LICENSE | MAMORI_CONTRACT_FLAG_PERPETUAL_LICENSE;
    case MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY:
      return MAMORI_CONTRACT_FLAG_NO_RETURN_OBLIGATION;
    default:
      return 0;
    }
}

static MamoriClauseStatus
suggest_status (const MamoriContractFinding *finding)
{
  if (!finding->found)
    return MAMORI_CLAUSE_MISSING;
  if ((finding->flags & topic_change_flags (finding->topic)) != 0)
    return MAMORI_CLAUSE_CHANGE;
  return MAMORI_CLAUSE_OK;
}

/* Whether a passage is an article's caption, as （秘密保持）: it names the
 * clause but says nothing of its terms. */
static gboolean
is_caption (const char *text)
{
  return (g_str_has_prefix (text, "（") && g_str_has_suffix (text, "）")) ||
         (g_str_has_prefix (text, "(") && g_str_has_suffix (text, ")")) ||
         (g_str_has_prefix (text, "【") && g_str_has_suffix (text, "】"));
}

/* The passage to record: the first one inside an article that is not a
 * caption, so that neither the contract's title, nor its preamble, nor a
 * caption is taken for the clause; failing that, the first in an article. */
static const MamoriContractPassage *
first_passage (const MamoriContractFinding *finding)
{
  const MamoriContractPassage *fallback = NULL;

  for (guint i = 0; i < finding->passages->len; i++)
    {
      const MamoriContractPassage *passage = g_ptr_array_index (finding->passages, i);

      if (passage->article == NULL)
        continue;
      if (!is_caption (passage->text))
        return passage;
      if (fallback == NULL)
        fallback = passage;
    }
  if (fallback != NULL)
    return fallback;
  return finding->passages->len > 0 ? g_ptr_array_index (finding->passages, 0) : NULL;
}

static char *
build_note (const MamoriContractFinding   *finding,
            const MamoriContractPassage   *passage)
{
  g_autofree char *note = NULL;

  if (!finding->found)
    note = g_strdup (_("Not found in the contract text."));
  else if (passage != NULL && passage->article != NULL)
    /* Translators: the note saved with a verdict; %s is an article, such as 第9条 */
    note = g_strdup_printf (_("Found by the text analysis in %s."), passage->article);
  else
    note = g_strdup (_("Found by the text analysis."));

  for (guint bit = 0; bit < 32; bit++)
    {
      MamoriContractFlags flag = 1u << bit;
      char *longer;

      if ((finding->flags & flag) == 0)
        continue;
      /* Translators: the note saved with a verdict, then a risk the analysis
       * found, such as "Found by the text analysis in 第5条. Risk: A licence
       * is granted free of charge." */
      longer = g_strdup_printf (_("%s Risk: %s."), note, mamori_contract_flag_get_label (flag));
      g_free (note);
      note = longer;
    }

  return g_steal_pointer (&note);
}

/* "第1条、第5条、第10条…": where the topic was found. */
static char *
build_places (const MamoriContractFinding *finding)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) places = g_string_new (NULL);
  gboolean more = FALSE;

  for (guint i = 0; i < finding->passages->len; i++)
    {
      const char *name = article_label (g_ptr_array_index (finding->passages, i));
      gboolean seen = FALSE;

      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (names, j), name);
      if (seen)
        continue;
      if (names->len == NAMED_ARTICLES)
        {
          more = TRUE;
          break;
        }
      g_ptr_array_add (names, (gpointer) name);
    }

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between the articles in a list, "第1条, 第5条" */
        g_string_append (places, _(", "));
      g_string_append (places, g_ptr_array_index (names, i));
    }
  if (more)
    g_string_append (places, "…");

  return g_string_free (g_steal_pointer (&places), FALSE);
}

/* Byte offsets from the scanner to character offsets in the buffer,
 * counting on from the last one when they come in order. */
typedef struct
{
  const char *text;
  gsize       byte;
  int         chars;
} OffsetCursor;

static int
char_offset (OffsetCursor *cursor,
             gsize         byte)
{
  if (byte < cursor->byte)
    {
      cursor->byte = 0;
      cursor->chars = 0;
    }
  cursor->chars += (int) g_utf8_strlen (cursor->text + cursor->byte, byte - cursor->byte);
  cursor->byte = byte;
  return cursor->chars;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_decision (MamoriContractAnalysisWindow *self,
               MamoriContractTopic           topic,
               Decision                      decision)
{
  TopicView *view = &self->topics[topic];
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (view->decision_stack));
  g_autofree char *saved = NULL;

  view->decision = decision;
  switch (decision)
    {
    case DECISION_ACCEPTED:
      /* Translators: what was recorded for a clause topic; %s is a verdict such as "Needs change" */
      saved = g_strdup_printf (_("Saved as: %s"), mamori_clause_status_get_label (view->suggested));
      adw_action_row_set_subtitle (view->verdict_row, saved);
      break;
    case DECISION_REJECTED:
      adw_action_row_set_subtitle (view->verdict_row, _("Rejected — nothing saved"));
      break;
    case DECISION_SAVED:
      /* Translators: the contract's review already holds the verdict suggested; %s is a verdict */
      saved = g_strdup_printf (_("Already in the review: %s"), mamori_clause_status_get_label (view->suggested));
      adw_action_row_set_subtitle (view->verdict_row, saved);
      break;
    case DECISION_NONE:
    default:
      adw_action_row_set_subtitle (view->verdict_row, view->reason);
      break;
    }

  for (guint i = 0; i < view->dimmed->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (view->dimmed, i);

      if (decision == DECISION_REJECTED)
        gtk_widget_add_css_class (row, "dim-label");
      else
        gtk_widget_remove_css_class (row, "dim-label");
    }

  /* Nothing to decide on a verdict already saved: the review is changed in
   * the contract's editor. */
  gtk_widget_set_visible (GTK_WIDGET (view->decision_stack), decision != DECISION_SAVED);
  gtk_stack_set_visible_child_name (view->decision_stack, decision == DECISION_NONE ? "choose" : "decided");
  if (had_focus)
    gtk_widget_grab_focus (decision == DECISION_NONE ? view->accept_button : view->reconsider_button);
}

static GtkWidget *
new_decision_button (const char *label,
                     const char *action_name,
                     guint       topic,
                     const char *description)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", topic);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return button;
}

static void
add_verdict_row (MamoriContractAnalysisWindow *self,
                 MamoriContractTopic           topic,
                 AdwPreferencesGroup          *group)
{
  TopicView *view = &self->topics[topic];
  const char *topic_label = mamori_contract_topic_get_label (topic);
  const char *status_label = mamori_clause_status_get_label (view->suggested);
  g_autofree char *title = NULL;
  g_autofree char *accept_description = NULL;
  g_autofree char *reject_description = NULL;
  g_autofree char *reconsider_description = NULL;
  GtkWidget *choose = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *reject;
  GtkWidget *row;

  /* Translators: the verdict the analysis suggests; %s is "Present and acceptable", "Needs change" or "Missing" */
  title = g_strdup_printf (_("Suggested: %s"), status_label);
  row = new_row (title, view->reason);

  /* Translators: what the Accept button does, for screen readers; the first %s
   * is a verdict, the second a clause topic */
  accept_description = g_strdup_printf (_("Saves “%s” for %s"), status_label, topic_label);
  /* Translators: what the Reject button does, for screen readers; %s is a clause topic */
  reject_description = g_strdup_printf (_("Saves nothing for %s"), topic_label);
  /* Translators: what the Reconsider button does, for screen readers; %s is a clause topic */
  reconsider_description = g_strdup_printf (_("Decide again on %s"), topic_label);

  /* Translators: takes the suggested verdict into the contract's review */
  view->accept_button = new_decision_button (_("Accept"), "analysis.accept", topic, accept_description);
  /* Translators: leaves the suggested verdict out of the contract's review */
  reject = new_decision_button (_("Reject"), "analysis.reject", topic, reject_description);
  gtk_widget_add_css_class (reject, "flat");
  gtk_box_append (GTK_BOX (choose), view->accept_button);
  gtk_box_append (GTK_BOX (choose), reject);

  /* Translators: offers Accept and Reject again for a clause topic */
  view->reconsider_button = new_decision_button (_("Reconsider"), "analysis.reconsider", topic, reconsider_description);
  gtk_widget_add_css_class (view->reconsider_button, "flat");

  view->decision_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (view->decision_stack, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (view->decision_stack), GTK_ALIGN_CENTER);
  gtk_stack_add_named (view->decision_stack, choose, "choose");
  gtk_stack_add_named (view->decision_stack, view->reconsider_button, "decided");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (view->decision_stack));

  view->verdict_row = ADW_ACTION_ROW (row);
  adw_preferences_group_add (group, row);
}

static void
add_topic (MamoriContractAnalysisWindow *self,
           MamoriContractScan           *scan,
           OffsetCursor                 *cursor,
           MamoriContractTopic           topic)
{
  const MamoriContractFinding *finding = mamori_contract_scan_get_finding (scan, topic);
  const MamoriContractPassage *recorded = first_passage (finding);
  TopicView *view = &self->topics[topic];
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *more = NULL;

  view->group = group;
  view->dimmed = g_ptr_array_new ();
  view->decision = DECISION_NONE;
  view->suggested = suggest_status (finding);
  view->article = g_strdup (recorded != NULL && recorded->article != NULL ? recorded->article : "");
  view->passage = g_strdup (recorded != NULL ? recorded->text : "");
  view->note = build_note (finding, recorded);
  switch ((int) view->suggested)
    {
    case MAMORI_CLAUSE_CHANGE:
      view->reason = g_strdup (_("The clause is there, but a risk below needs attention."));
      break;
    case MAMORI_CLAUSE_OK:
      view->reason = g_strdup (_("The clause is there, and no risk was found in it."));
      break;
    case MAMORI_CLAUSE_MISSING:
    default:
      view->reason = g_strdup (is_essential (self, topic)
                               ? _("The clause was not found. It is essential for this kind of contract.")
                               : _("The clause was not found."));
      break;
    }

  adw_preferences_group_set_title (group, mamori_contract_topic_get_label (topic));
  if (finding->found)
    {
      g_autofree char *places = build_places (finding);
      /* Translators: where a clause was found; %s lists articles, such as "第1条, 第5条" */
      g_autofree char *description = g_strdup_printf (_("Found in %s"), places);

      adw_preferences_group_set_description (group, description);
    }
  else
    adw_preferences_group_set_description (group, _("Not found in the contract text."));

  if (is_essential (self, topic))
    {
      /* Translators: marks a clause topic that this kind of contract must have */
      GtkWidget *essential = gtk_label_new (_("Essential"));

      gtk_widget_set_valign (essential, GTK_ALIGN_END);
      gtk_widget_add_css_class (essential, "caption-heading");
      gtk_widget_add_css_class (essential, "accent");
      adw_preferences_group_set_header_suffix (group, essential);
    }

  add_verdict_row (self, topic, group);

  for (guint bit = 0; bit < 32; bit++)
    {
      MamoriContractFlags flag = 1u << bit;
      GtkWidget *row;
      GtkWidget *icon;

      if ((finding->flags & flag) == 0)
        continue;
      row = new_row (mamori_contract_flag_get_label (flag), NULL);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      /* Translators: read before a risk the analysis found in the contract */
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (view->dimmed, row);
    }

  for (guint i = 0; i < finding->passages->len; i++)
    {
      const MamoriContractPassage *found = g_ptr_array_index (finding->passages, i);
      g_autofree char *line = one_line (found->text);
      Passage *passage = g_new0 (Passage, 1);
      GtkTextIter start, end;
      GtkWidget *row;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, char_offset (cursor, found->start));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, char_offset (cursor, found->end));
      gtk_text_buffer_apply_tag (self->buffer, self->passage_tag, &start, &end);
      passage->start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE));
      passage->end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &end, FALSE));
      g_ptr_array_add (self->passages, passage);

      row = new_row (article_label (found), line);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_tooltip_text (row, _("Show in the text"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "analysis.show-passage");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", self->passages->len - 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

      if (i < SHOWN_PASSAGES || finding->passages->len == SHOWN_PASSAGES + 1)
        {
          adw_preferences_group_add (group, row);
          g_ptr_array_add (view->dimmed, row);
          continue;
        }
      if (more == NULL)
        {
          guint n = finding->passages->len - SHOWN_PASSAGES;
          /* Translators: a row that shows the rest of the passages found */
          g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more passage", "%u more passages", n), n);

          more = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (more), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
          adw_preferences_group_add (group, more);
          g_ptr_array_add (view->dimmed, more);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (more), row);
    }

  show_decision (self, topic, self->saved[topic] == view->suggested ? DECISION_SAVED : DECISION_NONE);
  adw_preferences_page_add (self->results_page, group);
}

static void
clear_results (MamoriContractAnalysisWindow *self)
{
  GtkTextIter start, end;

  for (guint topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    {
      TopicView *view = &self->topics[topic];

      if (view->group != NULL)
        adw_preferences_page_remove (self->results_page, view->group);
      g_clear_pointer (&view->dimmed, g_ptr_array_unref);
      g_clear_pointer (&view->reason, g_free);
      g_clear_pointer (&view->article, g_free);
      g_clear_pointer (&view->passage, g_free);
      g_clear_pointer (&view->note, g_free);
      memset (view, 0, sizeof *view);
    }

  g_ptr_array_set_size (self->passages, 0);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->passage_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
  self->has_results = FALSE;
}

static void
set_stale (MamoriContractAnalysisWindow *self,
           gboolean                      stale)
{
  self->stale = stale;
  gtk_widget_set_visible (self->stale_group, stale);
}

static void
show_results (MamoriContractAnalysisWindow *self,
              const char                   *text)
{
  g_autoptr(MamoriContractScan) scan = mamori_contract_scan (text, -1, self->outside_group_a);
  OffsetCursor cursor = { text, 0, 0 };
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n_found = 0;
  guint n_risks = 0;

  /* The essential topics first, each part in the guide's order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
      if (is_essential (self, topic) == (pass == 0))
        add_topic (self, scan, &cursor, topic);

  for (guint topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    {
      const MamoriContractFinding *finding = mamori_contract_scan_get_finding (scan, topic);

      n_found += finding->found ? 1 : 0;
      for (guint bit = 0; bit < 32; bit++)
        n_risks += (finding->flags & (1u << bit)) != 0 ? 1 : 0;
    }

  /* Translators: the first %u is how many clause topics were found, the second how many there are */
  g_string_append_printf (summary, _("%u of %u topics found."), n_found, (guint) MAMORI_N_CONTRACT_TOPICS);
  if (n_risks > 0)
    {
      g_string_append_c (summary, '\n');
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u risk needs attention.",
                                                    "%u risks need attention.", n_risks),
                              n_risks);
    }
  if (mamori_contract_scan_get_n_articles (scan) == 0)
    {
      g_string_append_c (summary, '\n');
      g_string_append (summary, _("No numbered articles (第1条, Article 1) were recognized, so the passages are not tied to articles."));
    }
  g_string_append_c (summary, '\n');
  g_string_append (summary, _("The suggestions come from the wording alone and are not legal advice: read each passage before you accept it."));
  adw_preferences_group_set_description (self->summary_group, summary->str);

  self->has_results = TRUE;
}

/**
 * mamori_contract_analysis_window_analyze:
 *
 * Runs the analysis on the text as it is now and emits
 * #MamoriContractAnalysisWindow::text-analyzed. The findings, and the
 * decisions taken on them, are kept when the text has not changed.
 */
void
mamori_contract_analysis_window_analyze (MamoriContractAnalysisWindow *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MAMORI_IS_CONTRACT_ANALYSIS_WINDOW (self));

  text = dup_text (self);
  if (!self->has_results || g_strcmp0 (text, self->analyzed_text) != 0)
    {
      clear_results (self);
      g_free (self->analyzed_text);
      self->analyzed_text = g_strdup (text);

      if (is_blank (text))
        gtk_stack_set_visible_child_name (self->findings_stack, "empty");
      else
        {
          show_results (self, text);
          gtk_stack_set_visible_child_name (self->findings_stack, "results");
        }
    }
  set_stale (self, FALSE);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "findings");

  g_signal_emit (self, signals[TEXT_ANALYZED], 0, text);
}

/**
 * mamori_contract_analysis_window_set_text:
 * @text: (nullable): the contract's text
 *
 * Replaces the text. Findings shown for another text are marked as out of
 * date until the next analysis.
 */
void
mamori_contract_analysis_window_set_text (MamoriContractAnalysisWindow *self,
                                          const char                   *text)
{
  GtkTextIter start;

  g_return_if_fail (MAMORI_IS_CONTRACT_ANALYSIS_WINDOW (self));

  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
}

/**
 * mamori_contract_analysis_window_dup_text:
 *
 * Returns: (transfer full): the text as it is now, analysed or not
 */
char *
mamori_contract_analysis_window_dup_text (MamoriContractAnalysisWindow *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (MAMORI_IS_CONTRACT_ANALYSIS_WINDOW (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

static void
on_buffer_changed (GtkTextBuffer                *buffer,
                   MamoriContractAnalysisWindow *self)
{
  gtk_widget_set_visible (self->placeholder_label, gtk_text_buffer_get_char_count (buffer) == 0);
  if (self->has_results && !self->stale)
    set_stale (self, TRUE);
}

/* Narrow, the header bar makes room for the title: Open becomes an icon,
 * and Back appears over the findings. */
static void
update_header (MamoriContractAnalysisWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_button,
                          folded && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "findings") == 0);

  if (folded && gtk_button_get_icon_name (self->open_button) == NULL)
    {
      gtk_button_set_icon_name (self->open_button, "document-open-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open File"),
                                      -1);
    }
  else if (!folded && gtk_button_get_icon_name (self->open_button) != NULL)
    {
      gtk_button_set_label (self->open_button, _("_Open File…"));
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static gboolean
update_header_idle (gpointer data)
{
  MamoriContractAnalysisWindow *self = data;

  self->header_idle = 0;
  update_header (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated, after the header bar:
 * changing the header bar then would leave it without an allocation. */
static void
on_folded_changed (MamoriContractAnalysisWindow *self)
{
  if (self->header_idle == 0)
    self->header_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_header_idle, self, NULL);
}

static void
analyze_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  mamori_contract_analysis_window_analyze (MAMORI_CONTRACT_ANALYSIS_WINDOW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriContractAnalysisWindow *self = MAMORI_CONTRACT_ANALYSIS_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "text");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Escape goes back to the text when the findings are pushed over it, and
 * closes the window otherwise. */
static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  MamoriContractAnalysisWindow *self = MAMORI_CONTRACT_ANALYSIS_WINDOW (widget);

  if (gtk_widget_get_visible (self->back_button))
    back_action (widget, NULL, NULL);
  else
    gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
show_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MamoriContractAnalysisWindow *self = MAMORI_CONTRACT_ANALYSIS_WINDOW (widget);
  guint index = g_variant_get_uint32 (param);
  Passage *passage;
  GtkTextIter start, end;

  if (index >= self->passages->len)
    return;
  passage = g_ptr_array_index (self->passages, index);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, passage->start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, passage->end);
  gtk_text_buffer_apply_tag (self->buffer, self->current_tag, &start, &end);
  gtk_text_buffer_select_range (self->buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->text_view, passage->start, 0.05, TRUE, 0.0, 0.2);

  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "text");
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
    }
}

static TopicView *
get_topic_view (MamoriContractAnalysisWindow *self,
                GVariant                     *param,
                guint                        *topic)
{
  *topic = g_variant_get_uint32 (param);
  if (*topic >= MAMORI_N_CONTRACT_TOPICS || self->topics[*topic].group == NULL)
    return NULL;
  return &self->topics[*topic];
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriContractAnalysisWindow *self = MAMORI_CONTRACT_ANALYSIS_WINDOW (widget);
  guint topic;
  TopicView *view = get_topic_view (self, param, &topic);

  gboolean saved = FALSE;

  if (view == NULL || view->decision != DECISION_NONE)
    return;

  /* "Saved as" only once the owner says it is: if saving failed it has
   * told the user, and the choice stays open. */
  g_signal_emit (self, signals[FINDING_ACCEPTED], 0,
                 topic, (guint) view->suggested, view->article, view->passage, view->note, &saved);
  if (saved)
    {
      show_decision (self, topic, DECISION_ACCEPTED);
      view->saved_before = self->saved[topic];
      self->saved[topic] = view->suggested;
    }
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriContractAnalysisWindow *self = MAMORI_CONTRACT_ANALYSIS_WINDOW (widget);
  guint topic;
  TopicView *view = get_topic_view (self, param, &topic);

  if (view != NULL && view->decision == DECISION_NONE)
    show_decision (self, topic, DECISION_REJECTED);
}

static void
reconsider_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MamoriContractAnalysisWindow *self = MAMORI_CONTRACT_ANALYSIS_WINDOW (widget);
  guint topic;
  TopicView *view = get_topic_view (self, param, &topic);

  gboolean withdrawn = TRUE;

  if (view == NULL)
    return;
  /* Reconsidering what was saved takes it back: the review is as it was
   * before the Accept. */
  if (view->decision == DECISION_ACCEPTED)
    g_signal_emit (self, signals[FINDING_WITHDRAWN], 0, topic, &withdrawn);
  if (withdrawn)
    {
      show_decision (self, topic, DECISION_NONE);
      /* The owner put the review back as it was before the Accept. */
      self->saved[topic] = view->saved_before;
    }
}

/* The file was read and its text taken out in a worker thread, so a large
 * or damaged file never stops the window (nor loses what was typed). */
static void
file_loaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MamoriContractAnalysisWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = mamori_file_load_finish (result, &error);
  g_autofree char *name = g_path_get_basename (mamori_file_load_get_path (result));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (text == NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Opened"), name);

      mamori_message_show (GTK_WINDOW (self), heading, error->message);
      return;
    }

  /* One step for Undo, so an opened file never loses what was pasted. */
  gtk_text_buffer_begin_user_action (self->buffer);
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (self->buffer, &start, &end);
    gtk_text_buffer_delete (self->buffer, &start, &end);
    gtk_text_buffer_insert (self->buffer, &start, text, -1);
  }
  gtk_text_buffer_end_user_action (self->buffer);

  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (self->buffer, &start);
    gtk_text_buffer_place_cursor (self->buffer, &start);
    gtk_text_view_scroll_to_iter (self->text_view, &start, 0.0, FALSE, 0.0, 0.0);
  }
  adw_window_title_set_subtitle (self->window_title, name);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "text");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
on_file_chosen (GtkNativeDialog              *chooser,
                int                           response,
                MamoriContractAnalysisWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  path = mamori_message_dup_chosen_path (GTK_WINDOW (self), file);
  if (path != NULL)
    mamori_contract_analysis_window_open_file (self, path);
}

/**
 * mamori_contract_analysis_window_open_file:
 *
 * Reads a contract (.docx or text) in a worker thread and puts its text in
 * place of what is shown, in one step that Undo takes back; a file that
 * cannot be read is explained and the text shown stays.
 */
void
mamori_contract_analysis_window_open_file (MamoriContractAnalysisWindow *self,
                                           const char                   *path)
{
  g_return_if_fail (MAMORI_IS_CONTRACT_ANALYSIS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  mamori_file_load_async (path, MAMORI_CONTRACT_TEXT_MAX_SIZE, mamori_contract_text_read_bytes, g_free,
                          self->cancellable, file_loaded, g_object_ref (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriContractAnalysisWindow *self = MAMORI_CONTRACT_ANALYSIS_WINDOW (widget);
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (documents, _("Word Documents and Text Files"));
  gtk_file_filter_add_pattern (documents, "*.[dD][oO][cC][xX]");
  gtk_file_filter_add_pattern (documents, "*.[tT][xX][tT]");
  gtk_file_filter_add_mime_type (documents, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Open the Contract"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), documents);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
mamori_contract_analysis_window_dispose (GObject *object)
{
  MamoriContractAnalysisWindow *self = MAMORI_CONTRACT_ANALYSIS_WINDOW (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->header_idle, g_source_remove);

  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      clear_results (self);
    }
  g_clear_pointer (&self->passages, g_ptr_array_unref);
  g_clear_object (&self->buffer);

  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_CONTRACT_ANALYSIS_WINDOW);

  G_OBJECT_CLASS (mamori_contract_analysis_window_parent_class)->dispose (object);
}

static void
mamori_contract_analysis_window_finalize (GObject *object)
{
  MamoriContractAnalysisWindow *self = MAMORI_CONTRACT_ANALYSIS_WINDOW (object);

  g_free (self->analyzed_text);

  G_OBJECT_CLASS (mamori_contract_analysis_window_parent_class)->finalize (object);
}

static void
mamori_contract_analysis_window_class_init (MamoriContractAnalysisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_contract_analysis_window_dispose;
  object_class->finalize = mamori_contract_analysis_window_finalize;

  /**
   * MamoriContractAnalysisWindow::finding-accepted:
   * @topic: the #MamoriContractTopic
   * @status: the #MamoriClauseStatus suggested, and accepted
   * @article: where the first passage is ("第9条"), or ""
   * @passage: the first passage, or ""
   * @note: a sentence saying where the verdict comes from
   *
   * The user accepted the suggested verdict on @topic: the owner records it.
   *
   * Returns: %TRUE once it is saved; the window then says so
   */
  signals[FINDING_ACCEPTED] = g_signal_new ("finding-accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 5,
                                            G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * MamoriContractAnalysisWindow::finding-withdrawn:
   * @topic: the #MamoriContractTopic whose accepted verdict the user reconsiders
   *
   * The owner puts the review of @topic back as it was before the Accept.
   *
   * Returns: %TRUE once it has
   */
  signals[FINDING_WITHDRAWN] = g_signal_new ("finding-withdrawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 1,
                                             G_TYPE_UINT);

  /**
   * MamoriContractAnalysisWindow::text-analyzed:
   * @text: the text, as analyzed
   *
   * An analysis ran, on @text; the owner may keep the text.
   */
  signals[TEXT_ANALYZED] = g_signal_new ("text-analyzed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-contract-analysis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, findings_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, results_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, summary_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriContractAnalysisWindow, stale_group);

  gtk_widget_class_install_action (widget_class, "analysis.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "analysis.analyze", NULL, analyze_action);
  gtk_widget_class_install_action (widget_class, "analysis.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "analysis.show-passage", "u", show_passage_action);
  gtk_widget_class_install_action (widget_class, "analysis.accept", "u", accept_action);
  gtk_widget_class_install_action (widget_class, "analysis.reject", "u", reject_action);
  gtk_widget_class_install_action (widget_class, "analysis.reconsider", "u", reconsider_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_pressed, NULL);
}

static void
mamori_contract_analysis_window_init (MamoriContractAnalysisWindow *self)
{
  GtkEventController *shortcuts;
  GdkRGBA passage_color = { 0.97, 0.83, 0.18, 0.35 };  /* yellow 2, see through */
  GdkRGBA current_color = { 0.21, 0.52, 0.89, 0.45 };  /* blue 3, see through */

  gtk_widget_init_template (GTK_WIDGET (self));

  self->passages = g_ptr_array_new_with_free_func (passage_free);
  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->text_view));
  /* See-through colours keep the text readable on light and dark backgrounds. */
  self->passage_tag = gtk_text_buffer_create_tag (self->buffer, PASSAGE_TAG, "background-rgba", &passage_color, NULL);
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, CURRENT_TAG, "background-rgba", &current_color,
                                                  "underline", PANGO_UNDERLINE_SINGLE, NULL);
  g_signal_connect (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  /* Ready to paste into. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));

  /* Captured before the text view sees them: there Ctrl+Enter would start
   * a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("analysis.analyze")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>o"),
                                                          gtk_named_action_new ("analysis.open")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child-name", G_CALLBACK (update_header), self);
}

/**
 * mamori_contract_analysis_window_new:
 * @parent: (nullable): the window it is opened from
 * @contract_title: (nullable): the contract's title
 * @text: (nullable): the text kept from an earlier analysis; it is
 *   analyzed again at once
 * @essential_mask: the topics this kind of contract must have, bit
 *   1 << #MamoriContractTopic for each
 * @counterparty_outside_group_a: whether the other party is outside the
 *   Group A countries, where a missing export control clause is a risk
 * @saved: (nullable) (array fixed-size=MAMORI_N_CONTRACT_TOPICS): the
 *   verdicts the contract's review holds; a suggestion it already holds is
 *   shown as saved, not offered again
 *
 * Returns: (transfer none): the window, not yet shown; GTK owns it until
 *   it is destroyed
 */
MamoriContractAnalysisWindow *
mamori_contract_analysis_window_new (GtkWindow  *parent,
                                     const char *contract_title,
                                     const char *text,
                                     guint       essential_mask,
                                     gboolean    counterparty_outside_group_a,
                                     const MamoriClauseStatus *saved)
{
  MamoriContractAnalysisWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (MAMORI_TYPE_CONTRACT_ANALYSIS_WINDOW, NULL);

  mamori_dialog_set_parent (GTK_WINDOW (self), parent);
  self->essential_mask = essential_mask;
  self->outside_group_a = counterparty_outside_group_a;
  if (saved != NULL)
    memcpy (self->saved, saved, sizeof self->saved);

  if (contract_title != NULL && *contract_title != '\0')
    {
      gtk_window_set_title (GTK_WINDOW (self), contract_title);
      adw_window_title_set_title (self->window_title, contract_title);
      adw_window_title_set_subtitle (self->window_title, _("Contract Text Analysis"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Contract Text Analysis"));
      adw_window_title_set_title (self->window_title, _("Contract Text Analysis"));
    }

  if (text != NULL && !is_blank (text))
    {
      mamori_contract_analysis_window_set_text (self, text);
      mamori_contract_analysis_window_analyze (self);
    }

  return self;
}
