/* mamori-report-window.c — a briefing pack or a single-item document: compose, preview, save, print
 *
 * The composer at the side sets the options. A moment after each change
 * (and after each change to the workspace) the document is made again off
 * the main thread with mamori_report_render_async(), and shown with
 * Poppler: the current page at the zoom chosen, and a list of thumbnails
 * drawn in idle batches, so a long pack never stops the window.
 *
 * What is saved and printed is the document previewed, so Save and Print
 * wait while the preview is out of date: a classification mark just typed
 * is never missing from the file.
 *
 * The pages on screen are mamori-report-window-preview.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "io/mamori-file.h"
#include "pages/report/mamori-report-print-operation.h"
#include "pages/report/mamori-report-window-private.h"
#include "widgets/mamori-message.h"
#include "widgets/mamori-rows.h"

/* Options are typed a character at a time: the document is made again once
 * the typing pauses. */
#define RENDER_DELAY_MS 300

G_DEFINE_FINAL_TYPE (MamoriReportWindow, mamori_report_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_ITEM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The renders still wanted: serial → window. Progress comes in idle
 * callbacks that may run after the render is finished, or the window gone,
 * so they look their window up here instead of holding a pointer. */
static GHashTable *render_targets;
static guint last_render_serial;

typedef struct
{
  MamoriReportWindow *self;   /* a reference */
  guint               serial;
  MamoriPaper         paper;
} RenderJob;

enum { LANGUAGE_JAPANESE, LANGUAGE_ENGLISH };

static void start_render (MamoriReportWindow *self);

/* Options ------------------------------------------------------------------ */

static const char *
get_language (MamoriReportWindow *self)
{
  return adw_combo_row_get_selected (self->language_row) == LANGUAGE_ENGLISH ? MAMORI_LANG_EN : MAMORI_LANG_JA;
}

static guint
get_sections (MamoriReportWindow *self)
{
  guint sections = 0;

  if (self->kind != MAMORI_REPORT_BOARD_PACK)
    return MAMORI_PACK_ALL;
  for (guint i = 0; i < MAMORI_N_PACK_SECTIONS; i++)
    if (gtk_switch_get_active (self->section_switches[i]))
      sections |= 1u << i;
  return sections;
}

static MamoriReportOptions *
build_options (MamoriReportWindow *self)
{
  MamoriReportOptions *options = mamori_report_options_new (self->kind, get_language (self));

  options->item_id = self->item_id;
  options->sections = get_sections (self);
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? MAMORI_PAPER_LETTER : MAMORI_PAPER_A4;
  g_free (options->mark);
  options->mark = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mark_row)));
  g_free (options->author);
  options->author = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_row)));
  if (self->kind == MAMORI_REPORT_BOARD_PACK)
    {
      options->meeting = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->meeting_row)));
      /* A date not (yet) understood is left off; the row says so. */
      options->meeting_date = mamori_text_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->meeting_date_row)),
                                                      TRUE);
      options->doc_version = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->version_row)));
      options->department = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->department_row)));
      options->distribution = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->distribution_row)));
      options->copies = (guint) gtk_spin_button_get_value_as_int (self->copies_spin);
      options->collect = gtk_switch_get_active (self->collect_switch);
    }
  return options;
}

/* Ready to save and print: a document, and the one the options describe. */
static gboolean
is_ready (MamoriReportWindow *self)
{
  return self->document != NULL && !self->outdated &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "preview") == 0;
}

void
mamori_report_window_update_actions (MamoriReportWindow *self)
{
  gboolean shown = self->document != NULL &&
                   g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "preview") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", is_ready (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", is_ready (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.zoom-in", shown && self->zoom < MAMORI_REPORT_MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.zoom-out", shown && self->zoom > MAMORI_REPORT_MIN_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.zoom-fit", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.previous-page", shown && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.next-page", shown && self->page < self->n_pages - 1);
}

static gboolean
render_timeout_cb (gpointer data)
{
  MamoriReportWindow *self = data;

  self->render_timeout = 0;
  start_render (self);
  return G_SOURCE_REMOVE;
}

static int
get_required_class (MamoriReportWindow        *self,
                    const MamoriReportOptions *options)
{
  if (!self->required_known || self->required_sections != options->sections)
    {
      self->required_class = mamori_report_get_required_class (self->store, options);
      self->required_sections = options->sections;
      self->required_known = TRUE;
    }
  return self->required_class;
}

/* A mark lower than the highest class the document names is allowed
 * (the user decides) but said plainly, above the mark. */
static void
update_mark_warning (MamoriReportWindow *self)
{
  g_autoptr(MamoriReportOptions) options = build_options (self);
  int required = get_required_class (self, options);
  g_autofree char *warning = NULL;

  if (mamori_report_get_mark_class (self->store, options->mark) < required)
    {
      g_autoptr(MamoriClassScheme) scheme = mamori_store_dup_class_scheme (self->store);

      /* Translators: a warning in the briefing-pack window; %s is a class name such as 極秘 */
      warning = g_strdup_printf (_("This document names information of class %s: a lower mark understates how it must be handled."),
                                 mamori_class_scheme_get_name (scheme, required));
    }
  adw_preferences_group_set_description (self->document_group, warning);
}

static void refresh_default_mark (MamoriReportWindow *self);

static void
options_changed (MamoriReportWindow *self)
{
  if (self->updating)
    return;
  /* The sections decide what the document names, so the mark it needs. */
  refresh_default_mark (self);
  update_mark_warning (self);
  self->outdated = TRUE;
  mamori_report_window_update_actions (self);
  g_clear_handle_id (&self->render_timeout, g_source_remove);
  self->render_timeout = g_timeout_add (RENDER_DELAY_MS, render_timeout_cb, self);
}

/* The mark follows the language and the workspace's classes until the user
 * writes their own. */
static void
refresh_default_mark (MamoriReportWindow *self)
{
  g_autoptr(MamoriReportOptions) options = build_options (self);
  g_autofree char *mark = mamori_report_dup_class_mark (self->store, get_required_class (self, options),
                                                        options->language);

  if (mark == NULL)
    mark = g_strdup ("");
  if (!self->mark_edited && g_strcmp0 (mark, gtk_editable_get_text (GTK_EDITABLE (self->mark_row))) != 0)
    {
      gboolean updating = self->updating;

      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->mark_row), mark);
      self->updating = updating;
    }
  g_free (self->default_mark);
  self->default_mark = g_steal_pointer (&mark);
}

static void
on_language_changed (MamoriReportWindow *self)
{
  /* While the window is being set up, options_changed() waits. */
  if (self->updating)
    refresh_default_mark (self);
  options_changed (self);
}

/* A meeting date the pack cannot read is marked, and left off the cover. */
static void
on_meeting_date_changed (MamoriReportWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->meeting_date_row));
  g_autofree char *date = mamori_text_parse_date (text, TRUE);

  if (!mamori_text_is_blank (text) && date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->meeting_date_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->meeting_date_row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->meeting_date_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->meeting_date_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  options_changed (self);
}

/* Saved or printed for a named meeting: the snapshot the next pack compares
 * with, said in the toast. */
static void
record_issue (MamoriReportWindow *self,
              const char         *title)
{
  g_autoptr(MamoriReportOptions) options = build_options (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (!mamori_report_record_issue (self->store, options, &label, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   mamori_toast_new (_("The snapshot for the meeting could not be recorded"),
                                                     error->message));
      return;
    }
  if (label != NULL)
    /* Translators: a toast after saving or printing a board pack for a meeting: “Saved “x.pdf”” or “Sent to the
     * printer”, then the label of the snapshot the next pack compares with */
    text = g_strdup_printf (_("%s — snapshot “%s” recorded for the next pack"), title, label);
  adw_toast_overlay_add_toast (self->toast_overlay, mamori_toast_new (text != NULL ? text : title, NULL));
}

static void
on_mark_changed (MamoriReportWindow *self)
{
  if (self->updating)
    return;
  self->mark_edited = g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->mark_row)), self->default_mark) != 0;
  options_changed (self);
}

/* The window says which document it makes, and for whom, in the
 * interface's language; a contract's or incident's title can change while
 * it is open. */
static void
update_title (MamoriReportWindow *self)
{
  gboolean japanese = mamori_text_prefers_japanese ();
  g_autoptr(MamoriReportOptions) options = mamori_report_options_new (self->kind, japanese ? MAMORI_LANG_JA
                                                                                           : MAMORI_LANG_EN);
  g_autoptr(MamoriProfile) profile = mamori_store_dup_profile (self->store, NULL);
  g_autofree char *title = NULL;
  g_autofree char *workspace = NULL;
  const char *organization = profile != NULL ? mamori_profile_get_display_name (profile, !japanese) : NULL;

  options->item_id = self->item_id;
  title = mamori_report_dup_title (self->store, options);
  if (mamori_text_is_blank (organization))
    organization = workspace = mamori_store_dup_display_name (self->store);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, organization);
}

static void
on_store_changed (MamoriReportWindow *self)
{
  update_title (self);
  self->required_known = FALSE;
  options_changed (self);
}

static void
on_asset_changed (MamoriReportWindow *self)
{
  self->required_known = FALSE;
  options_changed (self);
}

/* Rendering ---------------------------------------------------------------- */

static void
show_error (MamoriReportWindow *self,
            const GError       *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  mamori_report_window_clear_document (self);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
forget_render (MamoriReportWindow *self)
{
  if (self->render_serial != 0)
    g_hash_table_remove (render_targets, GUINT_TO_POINTER (self->render_serial));
  self->render_serial = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
}

static void
on_render_progress (double   fraction,
                    gpointer data)
{
  MamoriReportWindow *self = g_hash_table_lookup (render_targets, data);

  if (self == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
  gtk_progress_bar_set_fraction (self->loading_bar, CLAMP (fraction, 0, 1));
}

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  RenderJob *job = data;
  MamoriReportWindow *self = job->self;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = NULL;

  pdf = mamori_report_render_finish (result, &error);
  /* A render given up for a newer one, or for a closed window. */
  if (job->serial != self->render_serial)
    goto out;
  forget_render (self);
  self->outdated = self->render_timeout != 0;

  if (pdf != NULL)
    document = poppler_document_new_from_bytes (pdf, NULL, &error);
  if (document == NULL)
    show_error (self, error);
  else if (poppler_document_get_n_pages (document) < 1)
    {
      g_autoptr(GError) empty = g_error_new_literal (MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_FAILED,
                                                     _("The document has no pages."));

      show_error (self, empty);
    }
  else
    mamori_report_window_show_document (self, pdf, document, job->paper);
  mamori_report_window_update_actions (self);
  g_clear_object (&document);

out:
  g_object_unref (job->self);
  g_free (job);
}

static void
start_render (MamoriReportWindow *self)
{
  g_autoptr(MamoriReportOptions) options = NULL;
  RenderJob *job;

  g_clear_handle_id (&self->render_timeout, g_source_remove);
  forget_render (self);

  options = build_options (self);
  if (options->sections == 0)
    {
      mamori_report_window_clear_document (self);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      self->outdated = FALSE;
      mamori_report_window_update_actions (self);
      return;
    }

  job = g_new0 (RenderJob, 1);
  job->self = g_object_ref (self);
  job->paper = options->paper;
  if (++last_render_serial == 0)
    ++last_render_serial;
  job->serial = self->render_serial = last_render_serial;
  g_hash_table_insert (render_targets, GUINT_TO_POINTER (job->serial), self);
  self->cancellable = g_cancellable_new ();
  self->outdated = TRUE;

  /* The old preview stays in sight, with a progress bar over it. */
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  if (self->document != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "preview") == 0)
    gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  else
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  mamori_report_window_update_actions (self);

  mamori_report_render_async (self->store, options, on_render_progress, GUINT_TO_POINTER (job->serial),
                              self->cancellable, on_rendered, job);
}

/* Saving -------------------------------------------------------------------- */

/**
 * mamori_report_window_save_to:
 * @path: where to write the PDF previewed
 *
 * Writes the document shown, as Save does once a file is chosen. The file
 * is replaced at once or not at all, and only its owner can read it.
 *
 * Returns: whether it is written
 */
gboolean
mamori_report_window_save_to (MamoriReportWindow  *self,
                              const char          *path,
                              GError             **error)
{
  g_return_val_if_fail (MAMORI_IS_REPORT_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_ready (self))
    {
      g_set_error_literal (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_FAILED,
                           _("The preview is not ready yet. Wait until it is shown, then save again."));
      return FALSE;
    }
  if (!mamori_file_write (path, MAMORI_FILE_KIND_PDF, self->pdf, error))
    return FALSE;
  {
    g_autofree char *name = g_path_get_basename (path);
    /* Translators: a toast after saving; %s is the file name */
    g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

    record_issue (self, title);
  }
  return TRUE;
}

static void
close_chooser (MamoriReportWindow *self)
{
  if (self->chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->chooser, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

static void
on_save_response (GtkNativeDialog    *dialog,
                  int                 response,
                  MamoriReportWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  close_chooser (self);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  /* "board" is saved as "board.pdf", as people expect of a PDF. */
  if (path != NULL && strchr (strrchr (path, G_DIR_SEPARATOR) != NULL ? strrchr (path, G_DIR_SEPARATOR) : path, '.') == NULL)
    {
      char *with_extension = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_extension;
    }
  if (path == NULL)
    g_set_error_literal (&error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_FAILED,
                         _("That place cannot be written to directly. Choose a folder on this computer."));
  if (error == NULL && mamori_report_window_save_to (self, path, &error))
    return;
  adw_toast_overlay_add_toast (self->toast_overlay,
                               mamori_toast_new (_("The PDF could not be saved"), error->message));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (widget);
  g_autoptr(MamoriReportOptions) options = NULL;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (!is_ready (self))
    return;
  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  options = build_options (self);
  name = mamori_report_dup_file_name (self->store, options);
  gtk_file_filter_set_name (pdf, _("PDF Documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.[pP][dD][fF]");

  self->chooser = gtk_file_chooser_native_new (_("Save the PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Printing ------------------------------------------------------------------ */

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               MamoriReportWindow      *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   mamori_toast_new (_("The document could not be printed"),
                                                     error != NULL ? error->message : NULL));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && self->kind == MAMORI_REPORT_BOARD_PACK)
    /* Translators: a toast after a board pack was sent to the printer */
    record_issue (self, _("Sent to the printer"));
  if (operation == self->print_operation)
    {
      g_signal_handlers_disconnect_by_data (operation, self);
      g_clear_object (&self->print_operation);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (widget);
  g_autoptr(MamoriReportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkPrintOperationResult result;

  if (!is_ready (self) || self->print_operation != NULL)
    return;

  options = build_options (self);
  name = mamori_report_dup_file_name (self->store, options);
  self->print_operation = mamori_report_print_operation_new (self->document, self->document_paper, name);
  gtk_print_operation_set_current_page (self->print_operation, self->page);
  g_signal_connect (self->print_operation, "done", G_CALLBACK (on_print_done), self);

  result = gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 mamori_toast_new (_("The document could not be printed"), error->message));
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && self->print_operation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->print_operation, self);
      g_clear_object (&self->print_operation);
    }
}

/* The composer ---------------------------------------------------------------- */

/* A label with a mnemonic that is not taken yet: an underline before its
 * first free Latin letter or, for a label without one (Japanese), a letter
 * in brackets after it, as Japanese menus have them. @taken holds the
 * letters used, lower case. */
static char *
dup_with_mnemonic (const char *label,
                   const char *id,
                   GString    *taken)
{
  g_autoptr(GString) result = g_string_new (NULL);
  gboolean placed = FALSE;
  char letter = 0;

  for (const char *p = label; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (!placed && g_ascii_isalpha (*p) && strchr (taken->str, c) == NULL)
        {
          g_string_append_c (result, '_');
          g_string_append_c (taken, c);
          placed = TRUE;
        }
      if (*p == '_')
        g_string_append_c (result, '_');
      g_string_append_c (result, *p);
    }
  if (placed)
    return g_string_free (g_steal_pointer (&result), FALSE);

  for (const char *p = id; *p != '\0' && letter == 0; p++)
    if (g_ascii_isalpha (*p) && strchr (taken->str, g_ascii_tolower (*p)) == NULL)
      letter = g_ascii_tolower (*p);
  for (char c = 'a'; c <= 'z' && letter == 0; c++)
    if (strchr (taken->str, c) == NULL)
      letter = c;
  if (letter == 0)
    return g_string_free (g_steal_pointer (&result), FALSE);
  g_string_append_c (taken, letter);
  g_string_append_printf (result, "(_%c)", g_ascii_toupper (letter));
  return g_string_free (g_steal_pointer (&result), FALSE);
}

static void
add_section_rows (MamoriReportWindow *self)
{
  /* The mnemonics of the other rows and of the header bar's buttons:
   * _Language, Classification _mark, Paper si_ze, _Author, _Save, _Print;
   * M_eeting, Meeting da_te, _Version, Issuing _department, Dist_ribution,
   * _Numbered copies, _Collected after the meeting. */
  g_autoptr(GString) taken = g_string_new ("lmzasp" "etvdrnc");

  for (guint i = 0; i < MAMORI_N_PACK_SECTIONS; i++)
    {
      MamoriPackSection section = 1u << i;
      const char *label = mamori_pack_section_get_label (section);
      g_autofree char *title = dup_with_mnemonic (label, mamori_pack_section_get_id (section), taken);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->sections_group, row);
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (options_changed), self);
      self->section_switches[i] = GTK_SWITCH (toggle);
    }
  mamori_name_row_controls (GTK_WIDGET (self->sections_group));
}

static void
set_choices (AdwComboRow *row,
             const char  *first,
             ...)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *choice = first; choice != NULL; choice = va_arg (args, const char *))
    gtk_string_list_append (list, choice);
  va_end (args);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/* GObject ---------------------------------------------------------------------- */

static void
mamori_report_window_constructed (GObject *object)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (object);
  const char *ui_language = mamori_text_prefers_japanese () ? MAMORI_LANG_JA : MAMORI_LANG_EN;

  G_OBJECT_CLASS (mamori_report_window_parent_class)->constructed (object);

  g_assert (MAMORI_IS_STORE (self->store));

  update_title (self);

  self->updating = TRUE;
  if (self->kind == MAMORI_REPORT_BOARD_PACK)
    add_section_rows (self);
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sections_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->meeting_group), FALSE);
    }

  set_choices (self->language_row,
               /* Translators: a language the document can be written in */
               C_("language", "Japanese"), C_("language", "English"), NULL);
  adw_combo_row_set_selected (self->language_row, g_str_equal (ui_language, MAMORI_LANG_EN) ? LANGUAGE_ENGLISH
                                                                                             : LANGUAGE_JAPANESE);
  /* Translators: paper sizes; Letter is the American size */
  set_choices (self->paper_row, C_("paper", "A4"), C_("paper", "Letter"), NULL);
  adw_combo_row_set_selected (self->paper_row,
                              g_strcmp0 (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER) == 0 ? 1 : 0);
  refresh_default_mark (self);
  /* The profile's security officer, else the account's full name. */
  {
    g_autofree char *author = mamori_report_dup_default_author (self->store);

    gtk_editable_set_text (GTK_EDITABLE (self->author_row), author);
  }
  self->updating = FALSE;

  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (on_language_changed), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (options_changed), self);
  g_signal_connect_swapped (self->mark_row, "changed", G_CALLBACK (on_mark_changed), self);
  g_signal_connect_swapped (self->author_row, "changed", G_CALLBACK (options_changed), self);
  g_signal_connect_swapped (self->meeting_row, "changed", G_CALLBACK (options_changed), self);
  g_signal_connect_swapped (self->meeting_date_row, "changed", G_CALLBACK (on_meeting_date_changed), self);
  g_signal_connect_swapped (self->version_row, "changed", G_CALLBACK (options_changed), self);
  g_signal_connect_swapped (self->department_row, "changed", G_CALLBACK (options_changed), self);
  g_signal_connect_swapped (self->distribution_row, "changed", G_CALLBACK (options_changed), self);
  g_signal_connect_swapped (self->copies_spin, "value-changed", G_CALLBACK (options_changed), self);
  g_signal_connect_swapped (self->collect_switch, "notify::active", G_CALLBACK (options_changed), self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "asset-changed", G_CALLBACK (on_asset_changed), self, G_CONNECT_SWAPPED);

  start_render (self);
}

static void
mamori_report_window_dispose (GObject *object)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->render_timeout, g_source_remove);
  if (self->cancellable != NULL || self->render_serial != 0)
    forget_render (self);
  close_chooser (self);
  if (self->print_operation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->print_operation, self);
      g_clear_object (&self->print_operation);
    }
  mamori_report_window_preview_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_REPORT_WINDOW);

  G_OBJECT_CLASS (mamori_report_window_parent_class)->dispose (object);
}

static void
mamori_report_window_finalize (GObject *object)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (object);

  g_free (self->default_mark);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_report_window_parent_class)->finalize (object);
}

static void
mamori_report_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_report_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_ITEM_ID:
      self->item_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_report_window_class_init (MamoriReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mamori_report_window_constructed;
  object_class->dispose = mamori_report_window_dispose;
  object_class->finalize = mamori_report_window_finalize;
  object_class->get_property = mamori_report_window_get_property;
  object_class->set_property = mamori_report_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MAMORI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A MamoriReportKind; it has no GType of its own. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, MAMORI_REPORT_BOARD_PACK, MAMORI_REPORT_INCIDENT, MAMORI_REPORT_BOARD_PACK,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  render_targets = g_hash_table_new (NULL, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, flap_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, header_zoom_box);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, bar_zoom_box);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, sections_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, mark_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, document_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, meeting_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, meeting_date_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, version_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, department_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, distribution_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, copies_spin);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, collect_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, thumbnail_scroller);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, thumbnail_separator);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, thumbnail_list);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, page_picture);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriReportWindow, progress_bar);

  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);

  /* Listed in the shortcuts window too (data/ui/help-overlay.ui). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  mamori_report_window_preview_class_init (widget_class);
  mamori_message_install_action (widget_class);
}

static void
mamori_report_window_init (MamoriReportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mamori_name_row_controls (GTK_WIDGET (self));
  mamori_date_row_add_picker (self->meeting_date_row);
  mamori_report_window_preview_init (self);
  mamori_report_window_update_actions (self);
}

/**
 * mamori_report_window_new:
 * @parent: (nullable): the window it is opened from
 * @store: the workspace the document is made from
 * @kind: a briefing pack, or one contract's or incident's document
 * @item_id: the contract or incident, for those
 *
 * Returns: (transfer none): the window, not yet shown; GTK owns it until
 *   it is destroyed
 */
GtkWidget *
mamori_report_window_new (GtkWindow        *parent,
                          MamoriStore      *store,
                          MamoriReportKind  kind,
                          gint64            item_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == MAMORI_REPORT_BOARD_PACK || item_id > 0, NULL);

  GtkWidget *self = g_object_new (MAMORI_TYPE_REPORT_WINDOW,
                                  "modal", FALSE,
                                  "store", store,
                                  "kind", kind,
                                  "item-id", item_id,
                                  NULL);

  mamori_dialog_set_parent (GTK_WINDOW (self), parent);
  return self;
}

/**
 * mamori_report_window_present:
 *
 * Shows the window for this document opened from @parent, if there is one
 * already, or a new one.
 *
 * Returns: (transfer none): the window shown
 */
GtkWidget *
mamori_report_window_present (GtkWindow        *parent,
                              MamoriStore      *store,
                              MamoriReportKind  kind,
                              gint64            item_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *window = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && window == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      MamoriReportWindow *other = MAMORI_IS_REPORT_WINDOW (toplevel) ? MAMORI_REPORT_WINDOW (toplevel) : NULL;

      if (other != NULL && other->store == store && other->kind == kind && other->item_id == item_id &&
          gtk_window_get_transient_for (toplevel) == parent)
        window = GTK_WIDGET (other);
    }
  if (window == NULL)
    window = mamori_report_window_new (parent, store, kind, item_id);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
