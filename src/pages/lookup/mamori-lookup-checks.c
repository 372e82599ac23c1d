/* mamori-lookup-checks.c — the guided checks of the Lookup tab
 *
 * Each check is a short form; "Check" shows the result, why, what to do and
 * whom to ask (src/catalog/mamori-checks.c decides), and the result can be
 * kept as a screening record. Counterparty screening matches a name against
 * the End User List the user imported into the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "catalog/mamori-checks.h"
#include "catalog/mamori-end-users.h"
#include "io/mamori-file.h"
#include "widgets/mamori-message.h"
#include "pages/lookup/mamori-lookup-page-private.h"

typedef struct
{
  MamoriLookupPage *page;        /* borrowed: its content holds the form */
  MamoriStore      *store;
  char             *check;
  GtkWidget        *prefs;       /* the AdwPreferencesPage */
  GtkWidget        *subject;     /* AdwEntryRow */
  AdwComboRow      *questions[3];
  GPtrArray        *result_groups;
  MamoriScreening  *record;      /* the result shown, ready to save */
  /* counterparty screening */
  GPtrArray        *end_users;
  MamoriEndUserMatcher *matcher;
  char             *end_user_list;
  AdwActionRow     *list_row;
  GtkFileChooserNative *chooser;
  GtkWidget        *import_window; /* weak */
} Form;

static void
form_free (Form *form)
{
  if (form->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (form->chooser));
  g_clear_object (&form->chooser);
  /* The import window works for this form: it goes with it. */
  if (form->import_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (form->import_window), (gpointer *) &form->import_window);
      gtk_window_destroy (GTK_WINDOW (form->import_window));
    }
  g_clear_object (&form->store);
  g_free (form->check);
  g_ptr_array_unref (form->result_groups);
  g_clear_pointer (&form->record, mamori_screening_free);
  g_clear_pointer (&form->matcher, mamori_end_user_matcher_free);
  g_clear_pointer (&form->end_users, g_ptr_array_unref);
  g_free (form->end_user_list);
  g_free (form);
}

static AdwComboRow *
new_question (const char *question)
{
  const char * const answers[] = { _("Not sure"), _("Yes"), _("No"), NULL };
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (answers);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return ADW_COMBO_ROW (row);
}

static MamoriAnswer
get_answer (AdwComboRow *row)
{
  switch (adw_combo_row_get_selected (row))
    {
    case 1:  return MAMORI_ANSWER_YES;
    case 2:  return MAMORI_ANSWER_NO;
    default: return MAMORI_ANSWER_UNSURE;
    }
}

static void
clear_result (Form *form)
{
  for (guint i = 0; i < form->result_groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (form->prefs), g_ptr_array_index (form->result_groups, i));
  g_ptr_array_set_size (form->result_groups, 0);
  g_clear_pointer (&form->record, mamori_screening_free);
}

static void
add_result_group (Form      *form,
                  GtkWidget *group)
{
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (form->prefs), ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (form->result_groups, group);
}

static void
on_save_clicked (GtkButton *button,
                 Form      *form)
{
  if (form->record != NULL && mamori_lookup_page_save_record (form->page, form->record))
    gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static void
add_save_button (Form *form)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Save as _Record"));

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_tooltip_text (button, _("Keep this check, its answers, its result and the catalog version as a dated screening record"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_save_clicked), form);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  add_result_group (form, group);
}

/* The result in one line, large and wrapped (a group title would be cut
 * short), and why. */
static void
add_headline (Form       *form,
              const char *headline,
              const char *explanation)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *title = gtk_label_new (headline);
  GtkWidget *text = gtk_label_new (explanation);

  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), _("Result"));
  for (GtkWidget *label = title; label != NULL; label = label == title ? text : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }
  gtk_widget_add_css_class (title, "title-3");
  gtk_widget_set_margin_bottom (title, 6);
  add_result_group (form, group);
}

/* Shows a check's result: the outcome and why, what to do, whom to ask,
 * what it found in the catalog. */
static void
show_result (Form              *form,
             MamoriCheckResult *result)
{
  g_autoptr(GString) record_result = g_string_new (result->title);
  const char *subject;

  clear_result (form);
  add_headline (form, result->title, result->explanation);

  add_result_group (form, mamori_lookup_text_group_new (_("What to Do"), result->next_step));
  if (result->matches->len > 0)
    add_result_group (form, mamori_lookup_page_new_entries_group (form->page, _("Found in the Catalog"), result->matches));
  add_result_group (form, mamori_lookup_page_new_contacts_group (form->page, result->contacts));

  g_string_append_printf (record_result, "\n%s\n%s", result->explanation, result->next_step);
  subject = gtk_editable_get_text (GTK_EDITABLE (form->subject));
  form->record = mamori_screening_new (form->check, mamori_text_is_blank (subject) ? result->title : subject,
                                       result->inputs, record_result->str, result->outcome);
  add_save_button (form);
}

static void
show_problem (Form       *form,
              const char *text)
{
  clear_result (form);
  add_result_group (form, mamori_lookup_text_group_new (_("Result"), text));
  gtk_widget_grab_focus (form->subject);
}

static void
run_end_user_check (Form *form);

static void
on_check_clicked (GtkButton *button,
                  Form      *form)
{
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (form->subject));
  MamoriCatalog *catalog = mamori_lookup_page_get_catalog (form->page);
  g_autoptr(MamoriCheckResult) result = NULL;

  if (!g_str_equal (form->check, "inward-investment") && mamori_text_is_blank (subject))
    {
      show_problem (form, g_str_equal (form->check, "export-destination") ? _("Write the destination country first.")
                          : g_str_equal (form->check, "end-user") ? _("Write the counterparty’s name first.")
                          : _("Describe the technology first, in a few words."));
      return;
    }

  if (g_str_equal (form->check, "export-destination"))
    result = mamori_check_export_destination (catalog, subject, get_answer (form->questions[0]));
  else if (g_str_equal (form->check, "technology-transfer"))
    result = mamori_check_technology_transfer (catalog, subject, get_answer (form->questions[0]));
  else if (g_str_equal (form->check, "inward-investment"))
    result = mamori_check_inward_investment (get_answer (form->questions[0]), get_answer (form->questions[1]),
                                             get_answer (form->questions[2]));
  else
    {
      run_end_user_check (form);
      return;
    }
  show_result (form, result);
}

static void
on_subject_activate (AdwEntryRow *row,
                     Form        *form)
{
  on_check_clicked (NULL, form);
}

/* Counterparty screening. */

static void
load_end_users (Form *form)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  MamoriStore *store = form->store;

  g_clear_pointer (&form->matcher, mamori_end_user_matcher_free);
  g_clear_pointer (&form->end_users, g_ptr_array_unref);
  g_clear_pointer (&form->end_user_list, g_free);

  form->end_users = mamori_store_dup_end_users (store, &description, &error);
  if (form->end_users == NULL)
    {
      adw_action_row_set_subtitle (form->list_row, error->message);
      form->end_users = g_ptr_array_new ();
      form->end_user_list = g_strdup ("");
    }
  else
    {
      form->end_user_list = g_steal_pointer (&description);
      adw_action_row_set_subtitle (form->list_row, form->end_users->len > 0 ? form->end_user_list
                                   : _("None imported yet. METI publishes the list (外国ユーザーリスト) every year: save it as CSV, then import it here."));
    }
  form->matcher = mamori_end_user_matcher_new (form->end_users);
}

static void
run_end_user_check (Form *form)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (form->subject));
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  g_autofree char *inputs = NULL;
  GtkWidget *group;
  g_autofree char *title = NULL;

  if (form->end_users->len == 0)
    {
      show_problem (form, _("Import the End User List first: without it there is nothing to screen against."));
      return;
    }

  clear_result (form);
  matches = mamori_end_user_matcher_match (form->matcher, name, 20);
  if (matches->len == 0)
    {
      /* Translators: %s is a company name, %u the entries of the End User List */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” is not on the End User List (%u entry checked)",
                                            "“%s” is not on the End User List (%u entries checked)", form->end_users->len),
                               name, form->end_users->len);
      add_headline (form, title,
                    _("No listed name or alias is the same or close, once company forms (株式会社, Co., Ltd.), punctuation, width and case are set aside. This is not clearance: catch-all control still asks what the goods will be used for."));
      g_string_append_printf (result, "%s", title);
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u possible match on the End User List",
                                            "%u possible matches on the End User List", matches->len),
                               matches->len);
      add_headline (form, title,
                    _("Check each one: a listed end user is not an embargo, but exporting to it without a licence is risky. Ask before going on."));
      g_string_append (result, title);
      group = adw_preferences_group_new ();
      for (guint i = 0; i < matches->len; i++)
        {
          MamoriEndUserMatch *match = g_ptr_array_index (matches, i);
          g_autoptr(GString) subtitle = g_string_new (match->reason);
          GtkWidget *row;

          if (match->entry->country != NULL && *match->entry->country != '\0')
            g_string_append_printf (subtitle, "\n%s", match->entry->country);
          if (match->entry->concern != NULL && *match->entry->concern != '\0')
            /* Translators: the type of concern of an End User List entry */
            g_string_append_printf (subtitle, _(" · Concern: %s"), match->entry->concern);
          row = mamori_text_row_new (match->entry->name, subtitle->str);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_string_append_printf (result, "\n%s (%s): %s", match->entry->name,
                                  match->entry->country != NULL ? match->entry->country : "", match->reason);
        }
      add_result_group (form, group);
    }
  {
    char *contacts[] = { (char *) "C6", NULL };

    add_result_group (form, mamori_lookup_page_new_contacts_group (form->page, contacts));
  }

  /* Translators: the input of a counterparty screening record */
  inputs = g_strdup_printf (_("Name: %s"), name);
  form->record = mamori_screening_new ("end-user", name, inputs, result->str, matches->len > 0 ? "match" : "no-match");
  g_free (form->record->end_user_list);
  form->record->end_user_list = g_strdup (form->end_user_list);
  add_save_button (form);
}

typedef struct
{
  Form              *form;
  MamoriEndUserImport *import;
  char              *source;
  GtkWidget         *summary;
  GtkWidget         *import_button;
  GtkWidget         *window;
} ImportDialog;

static void
import_dialog_free (ImportDialog *dialog)
{
  mamori_end_user_import_free (dialog->import);
  g_free (dialog->source);
  g_free (dialog);
}

/* Shows how many entries the file gives and its problems, with the
 * columns as they are mapped now. */
static void
refresh_import (ImportDialog *dialog)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) entries = mamori_end_user_import_build (dialog->import, &problems);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u entry ready to import.", "%u entries ready to import.",
                                             entries->len), entries->len);
  for (guint i = 0; i < MIN (problems->len, 8); i++)
    g_string_append_printf (text, "\n%s", ((MamoriImportProblem *) g_ptr_array_index (problems, i))->message);
  if (problems->len > 8)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\n… and %u more problem", "\n… and %u more problems",
                                               problems->len - 8), problems->len - 8);
  if (problems->len > 0)
    g_string_append_printf (text, "\n%s", _("Correct these in the file, or change what the columns become. Nothing is imported while there are problems."));
  gtk_label_set_text (GTK_LABEL (dialog->summary), text->str);
  gtk_widget_set_sensitive (dialog->import_button, entries->len > 0 && problems->len == 0);
}

static void
on_mapping_changed (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    ImportDialog *dialog)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  if (adw_combo_row_get_selected (row) != GTK_INVALID_LIST_POSITION)
    mamori_end_user_import_set_mapping (dialog->import, column, adw_combo_row_get_selected (row));
  refresh_import (dialog);
}

static void
on_import_clicked (GtkButton    *button,
                   ImportDialog *dialog)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) entries = mamori_end_user_import_build (dialog->import, &problems);
  g_autoptr(GError) error = NULL;
  Form *form = dialog->form;

  if (problems->len > 0 || entries->len == 0)
    return;
  if (!mamori_store_replace_end_users (form->store, entries, dialog->source, &error))
    {
      mamori_message_show (GTK_WINDOW (dialog->window), _("The List Was Not Imported"), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog->window));
}

static void
show_import_dialog (Form                *form,
                    MamoriEndUserImport *import,
                    const char          *source)
{
  ImportDialog *dialog = g_new0 (ImportDialog, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *prefs = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *columns = adw_preferences_group_new ();
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  dialog->form = form;
  dialog->import = import;
  dialog->source = g_strdup (source);
  dialog->window = window;
  if (form->import_window != NULL)
    gtk_window_destroy (GTK_WINDOW (form->import_window));
  form->import_window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &form->import_window);
  dialog->import_button = gtk_button_new_with_mnemonic (_("_Import"));

  gtk_window_set_title (GTK_WINDOW (window), _("Import the End User List"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  mamori_dialog_set_parent (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (form->prefs)));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (dialog->import_button, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect (dialog->import_button, "clicked", G_CALLBACK (on_import_clicked), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), dialog->import_button);
  gtk_box_append (GTK_BOX (box), header);

  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), source);
  mamori_lookup_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The imported list replaces the one in the workspace. Screening records keep which list they used."));
  dialog->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (dialog->summary), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (dialog->summary), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (dialog->summary), 0);
  gtk_label_set_selectable (GTK_LABEL (dialog->summary), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dialog->summary);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (group));

  for (int field = 0; field < MAMORI_N_END_USER_FIELDS; field++)
    gtk_string_list_append (fields, mamori_end_user_field_get_label (field));
  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (columns), _("Columns"));
  mamori_lookup_group_set_description (ADW_PREFERENCES_GROUP (columns), _("What each column of the file becomes."));
  for (guint i = 0; i < mamori_end_user_import_get_n_columns (import); i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *header_text = mamori_end_user_import_get_header (import, i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header_text != NULL && *header_text != '\0'
                                                                ? header_text : _("(no name)"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), mamori_end_user_import_get_mapping (import, i));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_mapping_changed), dialog);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (columns), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (columns));
  gtk_widget_set_vexpand (prefs, TRUE);
  gtk_box_append (GTK_BOX (box), prefs);
  adw_window_set_content (ADW_WINDOW (window), box);

  g_object_set_data_full (G_OBJECT (window), "import-dialog", dialog, (GDestroyNotify) import_dialog_free);
  gtk_window_set_default_widget (GTK_WINDOW (window), dialog->import_button);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }
  refresh_import (dialog);
  gtk_window_present (GTK_WINDOW (window));
}

static void
end_user_file_loaded (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GtkWidget) prefs = user_data;
  Form *form = g_object_get_data (G_OBJECT (prefs), "form");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (mamori_file_load_get_path (result));
  MamoriEndUserImport *import = mamori_file_load_finish (result, &error);
  GtkRoot *root = gtk_widget_get_root (form->prefs);

  /* The form was closed meanwhile: nobody is waiting for this file. */
  if (root == NULL)
    {
      g_clear_pointer (&import, mamori_end_user_import_free);
      return;
    }
  if (import == NULL)
    {
      mamori_message_show (GTK_WINDOW (root),
                           error->domain == MAMORI_FILE_ERROR && error->code != MAMORI_FILE_ERROR_TOO_LARGE
                           ? _("The File Could Not Be Read") : _("This File Cannot Be Imported"),
                           error->message);
      return;
    }
  show_import_dialog (form, import, name);
}

/**
 * mamori_lookup_check_import_file:
 * @check: the counterparty screening page
 *
 * Reads @file as an End User List in a worker thread, then shows what
 * importing it would do (nothing is written until the user agrees), or
 * says why it cannot.
 */
void
mamori_lookup_check_import_file (GtkWidget *check,
                                 GFile     *file)
{
  Form *form = g_object_get_data (G_OBJECT (check), "form");
  g_autofree char *path = NULL;

  g_return_if_fail (form != NULL && g_str_equal (form->check, "end-user"));

  path = mamori_message_dup_chosen_path (GTK_WINDOW (gtk_widget_get_root (form->prefs)), file);
  if (path == NULL)
    return;
  mamori_file_load_async (path, MAMORI_CSV_MAX_SIZE, mamori_end_user_import_new_from_bytes,
                          (GDestroyNotify) mamori_end_user_import_free, NULL, end_user_file_loaded,
                          g_object_ref (form->prefs));
}

static void
on_list_chosen (GtkNativeDialog *chooser,
                int              response,
                Form            *form)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&form->chooser);
  if (file != NULL)
    mamori_lookup_check_import_file (form->prefs, file);
}

static void
on_import_list_clicked (GtkButton *button,
                        Form      *form)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (form->chooser != NULL)
    return;
  form->chooser = gtk_file_chooser_native_new (_("Import the End User List"),
                                               GTK_WINDOW (gtk_widget_get_root (form->prefs)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (form->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (form->chooser), TRUE);
  g_signal_connect (form->chooser, "response", G_CALLBACK (on_list_chosen), form);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (form->chooser));
}

/* Another window, or the import, changed the list: screen against it. */
static void
on_end_users_changed (GtkWidget *prefs)
{
  Form *form = g_object_get_data (G_OBJECT (prefs), "form");

  load_end_users (form);
  clear_result (form);
}

/**
 * mamori_lookup_check_new:
 * @check: export-destination, technology-transfer, inward-investment or
 *   end-user
 *
 * Returns: (transfer floating): the check's page
 */
GtkWidget *
mamori_lookup_check_new (MamoriLookupPage *page,
                         const char       *check)
{
  Form *form = g_new0 (Form, 1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button_group = adw_preferences_group_new ();
  GtkWidget *button;
  const char *title = NULL, *description = NULL, *subject = NULL, *button_label = _("_Check");
  const char *questions[3] = { NULL, NULL, NULL };

  form->page = page;
  form->store = g_object_ref (mamori_section_get_store (MAMORI_SECTION (page)));
  form->check = g_strdup (check);
  form->result_groups = g_ptr_array_new ();
  form->prefs = adw_preferences_page_new ();

  if (g_str_equal (check, "export-destination"))
    {
      title = _("Export Destination");
      description = _("Is the destination in Group A (輸出令 別表第3), and does list control or catch-all control apply? Goods and technology alike.");
      subject = _("_Destination country");
      questions[0] = _("Is the item _on the control list (別表第1 items 1–15, by your 該非判定)?");
    }
  else if (g_str_equal (check, "technology-transfer"))
    {
      title = _("Technology Transfer Abroad");
      description = _("Does a technology you plan to transfer abroad match one that needs a prior report to METI, a patent non-disclosure field or a specified critical technology?");
      subject = _("_Technology, in your own words");
      questions[0] = _("Would the transfer let someone abroad _make or develop it (a subsidiary, joint venture, licence, contract manufacturing)?");
    }
  else if (g_str_equal (check, "inward-investment"))
    {
      title = _("Inward Investment");
      description = _("When a foreign investor invests in your company, is prior notification under the Foreign Exchange Act needed? Three questions decide it.");
      subject = _("_Investor (for the record)");
      questions[0] = _("Is the investor a _foreign investor (a non-resident, a company under foreign law, or one they control)?");
      /* xgettext:no-c-format */
      questions[1] = _("Is it an _act that counts (1% or more of a listed company, any share of an unlisted one, consent to important management matters, a branch, a long loan, taking over a business)?");
      questions[2] = _("Does your company run a business in a _designated sector?");
    }
  else
    {
      title = _("Counterparty Screening");
      description = _("Screen a customer or partner against METI’s End User List (外国ユーザーリスト). The matching sets aside company forms, punctuation, width and case, and finds close spellings; each match says why.");
      subject = _("Counterparty _name");
      button_label = _("_Screen");
    }

  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  mamori_lookup_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  if (g_str_equal (check, "end-user"))
    {
      GtkWidget *list_group = adw_preferences_group_new ();
      GtkWidget *import_button = gtk_button_new_with_mnemonic (_("_Import List…"));

      mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (list_group), title);
      mamori_lookup_group_set_description (ADW_PREFERENCES_GROUP (list_group), description);
      form->list_row = ADW_ACTION_ROW (mamori_text_row_new (_("End User List"), NULL));
      gtk_widget_set_valign (import_button, GTK_ALIGN_CENTER);
      g_signal_connect (import_button, "clicked", G_CALLBACK (on_import_list_clicked), form);
      adw_action_row_add_suffix (form->list_row, import_button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (list_group), GTK_WIDGET (form->list_row));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (form->prefs), ADW_PREFERENCES_GROUP (list_group));
      mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), _("Counterparty"));
      mamori_lookup_group_set_description (ADW_PREFERENCES_GROUP (group), NULL);
      load_end_users (form);
      mamori_store_connect_changed (mamori_section_get_store (MAMORI_SECTION (page)), MAMORI_CHANGE_END_USERS,
                                    G_CALLBACK (on_end_users_changed), form->prefs);
    }

  if (form->subject == NULL)
    form->subject = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->subject), subject);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (form->subject), TRUE);
  g_signal_connect (form->subject, "entry-activated", G_CALLBACK (on_subject_activate), form);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (form->subject), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), form->subject);

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (questions[i] != NULL)
      {
        form->questions[i] = new_question (questions[i]);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->questions[i]));
      }
  if (g_str_equal (check, "inward-investment"))
    {
      MamoriStore *store = mamori_section_get_store (MAMORI_SECTION (page));
      g_autoptr(MamoriProfile) profile = mamori_store_dup_profile (store, NULL);

      /* The organization profile already says whether the company is in a
       * designated sector. */
      if (profile != NULL && mamori_profile_get_designated_sector (profile))
        adw_combo_row_set_selected (form->questions[2], 1);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (form->prefs), ADW_PREFERENCES_GROUP (group));

  button = gtk_button_new_with_mnemonic (button_label);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_name (button, "check-button");
  g_signal_connect (button, "clicked", G_CALLBACK (on_check_clicked), form);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (button_group), button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (form->prefs), ADW_PREFERENCES_GROUP (button_group));

  g_object_set_data_full (G_OBJECT (form->prefs), "form", form, (GDestroyNotify) form_free);
  return form->prefs;
}
