/* mamori-screenings-view.c — the screening records: the dated audit trail
 *
 * Every catalog search, entry or check the user saved as a record is listed
 * here, newest first, to show later that due diligence was done. Records
 * never change (the store refuses it); what the user thinks of later is a
 * dated note added below a record. A record's details are built the first
 * time it is expanded, so a long trail opens at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <string.h>

#include "analysis/mamori-text.h"
#include "pages/lookup/mamori-screenings-view.h"
#include "widgets/mamori-message.h"

/* The kinds of record, in the order the kind filter lists them. */
static const char * const kinds[] = {
  "search", "entry", "export-destination", "technology-transfer", "inward-investment", "end-user",
};

static GtkWidget *
value_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* One record in the list. */
#define MAMORI_TYPE_SCREENING_ROW (mamori_screening_row_get_type ())
G_DECLARE_FINAL_TYPE (MamoriScreeningRow, mamori_screening_row, MAMORI, SCREENING_ROW, AdwExpanderRow)

struct _MamoriScreeningRow
{
  AdwExpanderRow   parent_instance;

  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;

  MamoriScreening *record;
  GtkWidget       *notes_box;  /* NULL until the row is first expanded */
  gboolean         matches;    /* shown by the current filter */
};

G_DEFINE_FINAL_TYPE (MamoriScreeningRow, mamori_screening_row, ADW_TYPE_EXPANDER_ROW)

static void
fill_notes (MamoriScreeningRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->notes_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->notes_box), child);

  if (self->record->notes->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No notes yet."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->notes_box), label);
      return;
    }

  for (guint i = 0; i < self->record->notes->len; i++)
    {
      MamoriScreeningNote *note = g_ptr_array_index (self->record->notes, i);
      g_autofree char *when = mamori_text_format_local_time (note->created_at, "%Y-%m-%d %H:%M");
      g_autofree char *byline = NULL;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label;

      if (mamori_text_is_blank (note->author))
        byline = g_steal_pointer (&when);
      else
        /* Translators: above a note on a screening record: when it was written, and who wrote it */
        byline = g_strdup_printf (C_("screening note", "%s · %s"), when, note->author);
      label = value_label_new (byline);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), value_label_new (note->text));
      gtk_box_append (GTK_BOX (self->notes_box), box);
    }
}

static void
add_field (GtkGrid    *grid,
           int        *line,
           const char *name,
           GtkWidget  *value)
{
  GtkWidget *key = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_label_set_wrap (GTK_LABEL (key), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (key), PANGO_WRAP_WORD_CHAR);
  /* On the first line of the value, which may be Japanese, taller. */
  gtk_widget_set_valign (key, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (value, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_grid_attach (grid, key, 0, *line, 1, 1);
  gtk_grid_attach (grid, value, 1, *line, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY, key, NULL, -1);
  (*line)++;
}

static void
build_details (MamoriScreeningRow *self)
{
  MamoriScreening *record = self->record;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *heading;
  GtkWidget *button;
  GtkWidget *row;
  g_autofree char *recorded = mamori_text_format_local_time (record->created_at, "%Y-%m-%d %H:%M:%S (UTC%:z)");
  int line = 0;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  add_field (GTK_GRID (grid), &line, _("Result"), value_label_new (record->result));
  if (!mamori_text_is_blank (record->inputs))
    {
      g_auto(GStrv) lines = g_strsplit (record->inputs, "\n", -1);
      g_autoptr(GString) inputs = g_string_new (NULL);

      /* One line each, in one label, so they are copied together. */
      for (guint i = 0; lines[i] != NULL; i++)
        if (!mamori_text_is_blank (lines[i]))
          g_string_append_printf (inputs, "%s%s", inputs->len > 0 ? "\n" : "", g_strstrip (lines[i]));
      /* Translators: the answers and values given for a check, one per line */
      add_field (GTK_GRID (grid), &line, _("Inputs"), value_label_new (inputs->str));
    }
  add_field (GTK_GRID (grid), &line, _("Checked by"),
             /* Translators: no one was named as having done the check */
             value_label_new (!mamori_text_is_blank (record->checked_by) ? record->checked_by : _("Not recorded")));
  add_field (GTK_GRID (grid), &line, _("Catalog version"), value_label_new (record->catalog_version));
  if (!mamori_text_is_blank (record->end_user_list))
    /* Translators: the METI End User List (外国ユーザーリスト) the counterparty was checked against */
    add_field (GTK_GRID (grid), &line, _("End User List"), value_label_new (record->end_user_list));
  /* Translators: when the record was made */
  add_field (GTK_GRID (grid), &line, _("Recorded"), value_label_new (recorded));
  gtk_box_append (GTK_BOX (box), grid);

  heading = gtk_label_new (_("Notes"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  self->notes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->notes_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), self->notes_box);
  fill_notes (self);

  button = gtk_button_new_with_mnemonic (_("_Add Note…"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "screenings.add-note");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", record->id);
  gtk_box_append (GTK_BOX (box), button);

  /* The details are read and copied, not activated: focus goes straight to
   * the text and the button. */
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
}

static void
on_expanded (MamoriScreeningRow *self)
{
  if (self->notes_box == NULL && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    build_details (self);
}

/* Takes @record. Records never change, but their notes do. */
static void
mamori_screening_row_set_record (MamoriScreeningRow *self,
                                 MamoriScreening    *record)
{
  g_autofree char *when = mamori_text_format_local_time (record->created_at, "%Y-%m-%d %H:%M");
  g_autofree char *first_line = g_strstrip (g_strndup (record->result, strcspn (record->result, "\n")));
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->record, mamori_screening_free);
  self->record = record;

  /* Translators: below a screening record's subject: its kind, the local
   * date and time, and the first line of its result */
  subtitle = g_strdup_printf (C_("screening record", "%s · %s · %s"),
                              mamori_screening_kind_get_label (record->kind), when, first_line);
  gtk_label_set_text (self->title_label, record->subject);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, record->subject,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  if (self->notes_box != NULL)
    fill_notes (self);
}

static void
mamori_screening_row_finalize (GObject *object)
{
  MamoriScreeningRow *self = MAMORI_SCREENING_ROW (object);

  g_clear_pointer (&self->record, mamori_screening_free);

  G_OBJECT_CLASS (mamori_screening_row_parent_class)->finalize (object);
}

static void
mamori_screening_row_class_init (MamoriScreeningRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mamori_screening_row_finalize;
}

/* The header's text sits in a prefix of its own, not in the row's title and
 * subtitle: with libadwaita 1.2 and GTK 4.8 a row whose wrapped title or
 * subtitle holds Japanese text asks for its one-line width when laid out,
 * and runs off the right edge of a narrow window. This prefix asks for the
 * same width whatever height it is given, so its labels wrap. */
static void
measure_header_text (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
allocate_header_text (GtkWidget *widget,
                      int        width,
                      int        height,
                      int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static GtkSizeRequestMode
header_text_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static GtkLabel *
header_label_new (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

static void
mamori_screening_row_init (MamoriScreeningRow *self)
{
  GtkWidget *bin = adw_bin_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->title_label = header_label_new ("title");
  self->subtitle_label = header_label_new ("subtitle");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->subtitle_label));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  adw_bin_set_child (ADW_BIN (bin), box);
  gtk_widget_set_layout_manager (bin, gtk_custom_layout_new (header_text_request_mode, measure_header_text,
                                                             allocate_header_text));
  gtk_widget_set_hexpand (bin, TRUE);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), bin);

  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded), NULL);
}

static GtkWidget *
mamori_screening_row_new (MamoriScreening *record)
{
  MamoriScreeningRow *self = g_object_new (MAMORI_TYPE_SCREENING_ROW, NULL);

  mamori_screening_row_set_record (self, record);
  return GTK_WIDGET (self);
}

/* The dialog that adds a note. On an error it stays open with the text. */
#define MAMORI_TYPE_SCREENING_NOTE_DIALOG (mamori_screening_note_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MamoriScreeningNoteDialog, mamori_screening_note_dialog, MAMORI, SCREENING_NOTE_DIALOG, AdwWindow)

struct _MamoriScreeningNoteDialog
{
  AdwWindow    parent_instance;

  GtkLabel    *intro_label;
  GtkTextView *text_view;
  GtkLabel    *error_label;

  MamoriStore *store;
  gint64       screening_id;
};

G_DEFINE_FINAL_TYPE (MamoriScreeningNoteDialog, mamori_screening_note_dialog, ADW_TYPE_WINDOW)

static void
note_add_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MamoriScreeningNoteDialog *self = MAMORI_SCREENING_NOTE_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (!mamori_store_add_screening_note (self->store, self->screening_id, text, mamori_screening_get_user_name (), &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
mamori_screening_note_dialog_finalize (GObject *object)
{
  MamoriScreeningNoteDialog *self = MAMORI_SCREENING_NOTE_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_screening_note_dialog_parent_class)->finalize (object);
}

static void
mamori_screening_note_dialog_class_init (MamoriScreeningNoteDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = mamori_screening_note_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "note.add", NULL, note_add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mamori_screening_note_dialog_init (MamoriScreeningNoteDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Note"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *note_label = gtk_label_new_with_mnemonic (_("_Note"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;

  gtk_window_set_title (GTK_WINDOW (self), _("Add Note"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 440, 340);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "note.add");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_tooltip_text (add, _("Add the note (Ctrl+Enter)"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_vexpand (box, TRUE);

  self->intro_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->intro_label, 0);
  gtk_label_set_wrap (self->intro_label, TRUE);
  gtk_label_set_wrap_mode (self->intro_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->intro_label), 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->intro_label));

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the buttons, as everywhere else. */
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_left_margin (self->text_view, 6);
  gtk_text_view_set_right_margin (self->text_view, 6);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (note_label), GTK_WIDGET (self->text_view));
  gtk_label_set_xalign (GTK_LABEL (note_label), 0);
  gtk_box_append (GTK_BOX (box), note_label);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 100);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_widget_set_vexpand (frame, TRUE);
  gtk_box_append (GTK_BOX (box), frame);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_wrap_mode (self->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (content), box);

  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), add);

  /* Return starts a new line of the note, so Ctrl+Enter adds it; caught
   * before the text view sees it. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  trigger = gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger, gtk_named_action_new ("note.add")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static GtkWidget *
mamori_screening_note_dialog_new (MamoriStore     *store,
                                  MamoriScreening *record)
{
  MamoriScreeningNoteDialog *self = g_object_new (MAMORI_TYPE_SCREENING_NOTE_DIALOG, NULL);
  g_autofree char *intro = NULL;

  self->store = g_object_ref (store);
  self->screening_id = record->id;
  /* Translators: %s is what was checked (a query, a country, a company name) */
  intro = g_strdup_printf (_("A note on “%s”. The record stays as it is; the note is kept below it "
                             "with today’s date and your name."),
                           record->subject);
  gtk_label_set_text (self->intro_label, intro);

  return GTK_WIDGET (self);
}

struct _MamoriScreeningsView
{
  MamoriSection   parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown    *kind_dropdown;
  GtkLabel       *status_label;
  GtkStack       *list_stack;
  GtkListBox     *records_list;
  AdwStatusPage  *error_page;

  MamoriStore    *store;
  GHashTable     *rows;   /* gint64 id → MamoriScreeningRow, owned by records_list */
  char           *query;  /* normalized for search */
};

G_DEFINE_FINAL_TYPE (MamoriScreeningsView, mamori_screenings_view, MAMORI_TYPE_SECTION)

static gboolean
is_filtered (MamoriScreeningsView *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  return *self->query != '\0' || (kind != 0 && kind != GTK_INVALID_LIST_POSITION);
}

static gboolean
record_matches (MamoriScreeningsView *self,
                MamoriScreening      *record)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (kind != 0 && kind <= G_N_ELEMENTS (kinds) && g_strcmp0 (record->kind, kinds[kind - 1]) != 0)
    return FALSE;
  return mamori_screening_matches (record, self->query);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  return MAMORI_SCREENING_ROW (row)->matches;
}

static void
apply_filter (MamoriScreeningsView *self)
{
  guint total = g_hash_table_size (self->rows);
  guint shown = 0;
  g_autofree char *status = NULL;
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      MamoriScreeningRow *screening_row = row;

      screening_row->matches = record_matches (self, screening_row->record);
      shown += screening_row->matches;
    }
  gtk_list_box_invalidate_filter (self->records_list);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  if (is_filtered (self))
    /* Translators: "<shown> of <total> screening records" */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u record", "%u of %u records", total),
                              shown, total);
  else
    /* Translators: how many screening records there are */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", total), total);
  gtk_label_set_text (self->status_label, status);

  /* Nothing to search or filter until there is a record. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0 || is_filtered (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), total > 0 || is_filtered (self));
}

/* Rows are kept across reloads, so what is expanded stays expanded and
 * focus stays where it was; records only come, and only their notes change. */
static void
reload (MamoriScreeningsView *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer row;

  records = mamori_store_dup_screenings (self->store, &error);
  if (records == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      gtk_label_set_text (self->status_label, "");
      return;
    }

  /* The rows take the records. */
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      MamoriScreening *record = g_ptr_array_index (records, i);
      GtkWidget *existing = g_hash_table_lookup (self->rows, &record->id);

      if (existing != NULL)
        {
          mamori_screening_row_set_record (MAMORI_SCREENING_ROW (existing), record);
          if (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (existing)) != (int) i)
            {
              g_object_ref (existing);
              gtk_list_box_remove (self->records_list, existing);
              gtk_list_box_insert (self->records_list, existing, (int) i);
              g_object_unref (existing);
            }
        }
      else
        {
          gint64 *id = g_new (gint64, 1);

          existing = mamori_screening_row_new (record);
          *id = record->id;
          g_hash_table_insert (self->rows, id, existing);
          gtk_list_box_insert (self->records_list, existing, (int) i);
        }
      g_hash_table_add (seen, &MAMORI_SCREENING_ROW (existing)->record->id);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (!g_hash_table_contains (seen, &MAMORI_SCREENING_ROW (row)->record->id))
      {
        gtk_list_box_remove (self->records_list, row);
        g_hash_table_iter_remove (&iter);
      }

  apply_filter (self);
}

static void
on_search_changed (MamoriScreeningsView *self)
{
  g_free (self->query);
  self->query = mamori_text_normalize_for_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_strstrip (self->query);
  apply_filter (self);
}

static void
on_stop_search (MamoriScreeningsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MamoriScreeningsView *self = MAMORI_SCREENINGS_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  /* At once, not after the search entry's delay. */
  on_search_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriScreeningsView *self = MAMORI_SCREENINGS_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MamoriScreeningsView *self = MAMORI_SCREENINGS_VIEW (widget);
  gint64 id = g_variant_get_int64 (param);
  MamoriScreeningRow *row = g_hash_table_lookup (self->rows, &id);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  g_return_if_fail (row != NULL);

  dialog = mamori_screening_note_dialog_new (self->store, row->record);
  if (GTK_IS_WINDOW (root))
    mamori_dialog_set_parent (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mamori_screenings_view_show_record:
 *
 * Shows the record @id, whatever the filters were: opened, with the focus.
 */
void
mamori_screenings_view_show_record (MamoriScreeningsView *self,
                                    gint64                id)
{
  GtkWidget *row;

  g_return_if_fail (MAMORI_IS_SCREENINGS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  on_search_changed (self);
  row = g_hash_table_lookup (self->rows, &id);
  if (row == NULL)
    return;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (row);
}

static void
mamori_screenings_view_constructed (GObject *object)
{
  MamoriScreeningsView *self = MAMORI_SCREENINGS_VIEW (object);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  G_OBJECT_CLASS (mamori_screenings_view_parent_class)->constructed (object);
  self->store = g_object_ref (mamori_section_get_store (MAMORI_SECTION (self)));

  gtk_string_list_append (choices, _("All kinds"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (choices, mamori_screening_kind_get_label (kinds[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->kind_dropdown, 0);

  gtk_list_box_set_filter_func (self->records_list, filter_row, self, NULL);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_SCREENINGS, G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (apply_filter), self);

  /* Typing in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->records_list));
  gtk_search_entry_set_search_delay (self->search_entry, 60);

  /* Ctrl+F works from anywhere in the window while the view is shown (a
   * hidden page is unmapped, and GTK skips it). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("screenings.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  reload (self);
}

static void
mamori_screenings_view_dispose (GObject *object)
{
  MamoriScreeningsView *self = MAMORI_SCREENINGS_VIEW (object);

  /* No reload once the rows are going. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  /* No gtk_widget_dispose_template(): the template's root is AdwBin's
   * child, and AdwBin disposes it. */

  G_OBJECT_CLASS (mamori_screenings_view_parent_class)->dispose (object);
}

static void
mamori_screenings_view_finalize (GObject *object)
{
  MamoriScreeningsView *self = MAMORI_SCREENINGS_VIEW (object);

  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_screenings_view_parent_class)->finalize (object);
}

static void
mamori_screenings_view_class_init (MamoriScreeningsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mamori_screenings_view_constructed;
  object_class->dispose = mamori_screenings_view_dispose;
  object_class->finalize = mamori_screenings_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-screenings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriScreeningsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriScreeningsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MamoriScreeningsView, status_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriScreeningsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriScreeningsView, records_list);
  gtk_widget_class_bind_template_child (widget_class, MamoriScreeningsView, error_page);

  gtk_widget_class_install_action (widget_class, "screenings.add-note", "x", add_note_action);
  gtk_widget_class_install_action (widget_class, "screenings.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "screenings.search", NULL, search_action);
}

static void
mamori_screenings_view_init (MamoriScreeningsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->query = g_strdup ("");
}

GtkWidget *
mamori_screenings_view_new (MamoriStore *store)
{
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  return g_object_new (MAMORI_TYPE_SCREENINGS_VIEW, "store", store, NULL);
}
