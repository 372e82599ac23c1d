/* mamori-import-window.c — a CSV file's assets, previewed before anything is written
 *
 * Shows what the file was recognized as, what each column becomes (the user
 * may change it), the first rows as they will be added, and every problem
 * with its line. Import stays disabled while there is a problem; then every
 * row is added in one transaction, in a worker thread with its own
 * connection, so that 100,000 rows do not freeze the window; the rows are
 * checked for the preview in a worker thread too, again after each change
 * of a column's mapping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "pages/assets/mamori-import-window.h"
#include "pages/mamori-section.h"
#include "widgets/mamori-message.h"
#include "widgets/mamori-rows.h"

#define PREVIEW_ROWS 20
#define SHOWN_PROBLEMS 200

struct _MamoriImportWindow
{
  AdwWindow            parent_instance;

  GtkWidget           *cancel_button;
  GtkWidget           *import_button;
  GtkSpinner          *spinner;
  AdwPreferencesPage  *page;
  AdwActionRow        *file_row;
  AdwActionRow        *format_row;
  AdwActionRow        *rows_row;
  AdwPreferencesGroup *problems_group;
  AdwPreferencesGroup *existing_group;
  GtkSwitch           *skip_switch;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *preview_group;

  MamoriStore         *store;
  MamoriAssetImport   *import;
  MamoriClassScheme   *scheme;
  GPtrArray           *problem_rows;
  GPtrArray           *preview_rows;
  GCancellable        *checking;   /* the rows being checked, in a worker thread */
  gboolean             running;
  guint                n_assets;    /* as last checked */
  guint                n_existing;
  guint                n_problems;
  GtkWidget           *owner;      /* weak: the page that says what was imported */
};

G_DEFINE_FINAL_TYPE (MamoriImportWindow, mamori_import_window, ADW_TYPE_WINDOW)

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
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

/* Rows checked in a worker thread, with the columns as they were mapped
 * when it started. */
typedef struct
{
  MamoriAssetImport *import;    /* borrowed: the task holds the window */
  MamoriCsvField    *mapping;
  MamoriClassScheme *scheme;
  GPtrArray         *assets;    /* the first PREVIEW_ROWS */
  GPtrArray         *problems;
  guint              n_assets;
  guint              n_existing;  /* of them, already in the register */
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  g_free (job->mapping);
  mamori_class_scheme_free (job->scheme);
  g_clear_pointer (&job->assets, g_ptr_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckJob *job = task_data;

  job->assets = mamori_asset_import_preview (job->import, job->mapping, job->scheme, PREVIEW_ROWS, cancellable,
                                             &job->n_assets, &job->n_existing, &job->problems);
  g_task_return_boolean (task, TRUE);
}

static void show_checked (MamoriImportWindow *self, CheckJob *job);

/* Import goes ahead when the rows have no problem and at least one of them
 * would be added. */
static void
update_import_action (MamoriImportWindow *self)
{
  gboolean skip = gtk_switch_get_active (self->skip_switch);
  guint added = self->n_assets - (skip ? self->n_existing : 0);

  mamori_asset_import_set_skip_existing (self->import, skip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run",
                                 !self->running && self->n_problems == 0 && added > 0);
}

static void
check_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MamoriImportWindow) self = user_data;

  /* Superseded by a newer check, or the window is gone. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->checking);
  gtk_spinner_stop (self->spinner);
  show_checked (self, g_task_get_task_data (G_TASK (result)));
}

/* Checks every row again (nothing is written) in a worker thread, and
 * shows the outcome; Import waits for it. */
static void
refresh (MamoriImportWindow *self)
{
  g_autoptr(GTask) task = NULL;
  CheckJob *job;
  guint n_columns = mamori_asset_import_get_n_columns (self->import);

  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  self->checking = g_cancellable_new ();

  job = g_new0 (CheckJob, 1);
  job->import = self->import;
  job->mapping = g_new0 (MamoriCsvField, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    job->mapping[i] = mamori_asset_import_get_mapping (self->import, i);
  job->scheme = mamori_class_scheme_copy (self->scheme);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
  gtk_spinner_start (self->spinner);
  task = g_task_new (NULL, self->checking, check_done, g_object_ref (self));
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, job, check_job_free);
  g_task_run_in_thread (task, check_thread);
}

/* What the rows came to: problems, the first assets, and whether Import
 * can go ahead. */
static void
show_checked (MamoriImportWindow *self,
              CheckJob           *job)
{
  GPtrArray *problems = job->problems;
  GPtrArray *assets = job->assets;
  g_autofree char *rows = NULL;

  clear_rows (self->problems_group, self->problem_rows);
  clear_rows (self->preview_group, self->preview_rows);

  for (guint i = 0; i < MIN (problems->len, SHOWN_PROBLEMS); i++)
    {
      MamoriImportProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = new_row (problem->message, NULL);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
  if (problems->len > SHOWN_PROBLEMS)
    {
      /* Translators: more problems than are listed */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                                            "… and %u more problems", problems->len - SHOWN_PROBLEMS),
                                               problems->len - SHOWN_PROBLEMS);
      GtkWidget *row = new_row (more, NULL);

      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
  if (mamori_asset_import_get_n_rows (self->import) == 0)
    {
      GtkWidget *row = new_row (_("The file has no rows below its column names, so there is nothing to import."), NULL);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-information-symbolic"));
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group),
                          problems->len > 0 || mamori_asset_import_get_n_rows (self->import) == 0);

  for (guint i = 0; i < MIN (assets->len, PREVIEW_ROWS); i++)
    {
      MamoriAsset *asset = g_ptr_array_index (assets, i);
      int ratings[MAMORI_N_VIEWPOINTS];
      int level;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      mamori_asset_get_ratings (asset, ratings);
      level = mamori_asset_get_class_override (asset) >= 0 ? mamori_asset_get_class_override (asset)
                                                           : mamori_class_scheme_evaluate (self->scheme, ratings);
      g_string_append (subtitle, level >= 0 ? mamori_class_scheme_get_name (self->scheme, level)
                                            : C_("class", "Not evaluated"));
      if (mamori_asset_get_category (asset) != MAMORI_ASSET_CATEGORY_NONE)
        g_string_append_printf (subtitle, " · %s", mamori_asset_category_get_label (mamori_asset_get_category (asset)));
      if (*mamori_asset_get_storage (asset) != '\0')
        g_string_append_printf (subtitle, " · %s", mamori_asset_get_storage (asset));

      {
        GtkWidget *row = new_row (mamori_asset_get_name (asset), subtitle->str);
        adw_preferences_group_add (self->preview_group, row);
        g_ptr_array_add (self->preview_rows, row);
      }
    }

  /* Translators: rows in the file, and how many are shown in the preview */
  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", mamori_asset_import_get_n_rows (self->import)),
                          mamori_asset_import_get_n_rows (self->import));
  adw_action_row_set_subtitle (self->rows_row, rows);
  if (job->n_assets > PREVIEW_ROWS)
    {
      g_autofree char *description = g_strdup_printf (_("The first %u of %u assets."), PREVIEW_ROWS, job->n_assets);
      adw_preferences_group_set_description (self->preview_group, description);
    }
  else
    adw_preferences_group_set_description (self->preview_group, NULL);

  /* The same ledger imported twice would add every row again: said, and
   * skipped unless the user wants them twice. */
  self->n_assets = job->n_assets;
  self->n_existing = job->n_existing;
  self->n_problems = problems->len;
  gtk_widget_set_visible (GTK_WIDGET (self->existing_group), job->n_existing > 0);
  if (job->n_existing > 0)
    {
      /* Translators: rows of the file that repeat assets of the register */
      g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%u row has the name and department of an asset already in the register. Importing it would add that asset twice.",
                                                                   "%u rows have the name and department of assets already in the register. Importing them would add those assets twice.",
                                                                   job->n_existing),
                                                      job->n_existing);

      adw_preferences_group_set_description (self->existing_group, description);
    }
  update_import_action (self);
}

static void
on_mapping_selected (AdwComboRow        *row,
                     GParamSpec         *pspec,
                     MamoriImportWindow *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  mamori_asset_import_set_mapping (self->import, column, (MamoriCsvField) selected);
  refresh (self);
}

static void
fill_columns (MamoriImportWindow *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  for (int field = 0; field < MAMORI_N_CSV_FIELDS; field++)
    gtk_string_list_append (fields, mamori_csv_field_get_label (field));

  for (guint column = 0; column < mamori_asset_import_get_n_columns (self->import); column++)
    {
      const char *header = mamori_asset_import_get_header (self->import, column);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_combo_row_new ();

      /* Translators: a column without a header; %u is its number, from 1 */
      title = *header != '\0' ? g_strdup (header) : g_strdup_printf (_("Column %u"), column + 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), mamori_asset_import_get_mapping (self->import, column));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (column));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_mapping_selected), self);
      adw_preferences_group_add (self->columns_group, row);
    }
}

typedef struct
{
  char              *workspace;
  MamoriAssetImport *import;   /* borrowed: the window waits */
  guint              count;
  guint              skipped;  /* rows already in the register, left out */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->workspace);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = mamori_store_open (job->workspace, MAMORI_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !mamori_asset_import_run (job->import, store, &job->count, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MamoriImportWindow *self = MAMORI_IMPORT_WINDOW (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  self->running = FALSE;
  /* The window went with the main window while the rows were written: the
   * import is whole or not at all either way; only the lists are told. */
  if (self->page == NULL)
    {
      if (g_task_propagate_boolean (G_TASK (result), NULL) && job->workspace != NULL)
        mamori_store_notify_assets_changed (self->store);
      return;
    }
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), TRUE);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      mamori_message_show (GTK_WINDOW (self), _("Nothing Was Imported"), error->message);
      refresh (self);
      return;
    }

  /* Written on another connection: the workspace's lists read it again. */
  if (job->workspace != NULL)
    mamori_store_notify_assets_changed (self->store);

  if (job->skipped > 0)
    /* Translators: %u assets were added from the file %s */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset imported from “%s”; the rows already in the register were skipped",
                                          "%u assets imported from “%s”; the rows already in the register were skipped",
                                          job->count),
                             job->count, adw_action_row_get_subtitle (self->file_row));
  else
    /* Translators: %u assets were added from the file %s */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset imported from “%s”", "%u assets imported from “%s”",
                                          job->count),
                             job->count, adw_action_row_get_subtitle (self->file_row));
  if (self->owner != NULL)
    mamori_section_add_toast (MAMORI_SECTION (self->owner), mamori_toast_new (title, NULL));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MamoriImportWindow *self = MAMORI_IMPORT_WINDOW (widget);
  g_autoptr(GTask) task = g_task_new (self, NULL, import_done, NULL);
  ImportJob *job = g_new0 (ImportJob, 1);

  job->import = self->import;
  job->skipped = gtk_switch_get_active (self->skip_switch) ? self->n_existing : 0;
  g_task_set_task_data (task, job, import_job_free);

  self->running = TRUE;
  gtk_widget_action_set_enabled (widget, "import.run", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  gtk_spinner_start (self->spinner);

  if (mamori_store_get_path (self->store) != NULL)
    {
      job->workspace = g_strdup (mamori_store_get_path (self->store));
      g_task_run_in_thread (task, import_thread);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      if (mamori_asset_import_run (self->import, self->store, &job->count, NULL, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
    }
}

/* An import under way cannot be left half-done: closing waits for it. */
static gboolean
mamori_import_window_close_request (GtkWindow *window)
{
  MamoriImportWindow *self = MAMORI_IMPORT_WINDOW (window);

  if (self->running)
    return TRUE;

  return GTK_WINDOW_CLASS (mamori_import_window_parent_class)->close_request (window);
}

static void
mamori_import_window_dispose (GObject *object)
{
  MamoriImportWindow *self = MAMORI_IMPORT_WINDOW (object);

  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_weak_pointer (&self->owner);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_IMPORT_WINDOW);

  G_OBJECT_CLASS (mamori_import_window_parent_class)->dispose (object);
}

static void
mamori_import_window_finalize (GObject *object)
{
  MamoriImportWindow *self = MAMORI_IMPORT_WINDOW (object);

  g_clear_pointer (&self->import, mamori_asset_import_free);
  g_clear_pointer (&self->scheme, mamori_class_scheme_free);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_import_window_parent_class)->finalize (object);
}

static void
mamori_import_window_class_init (MamoriImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_import_window_dispose;
  object_class->finalize = mamori_import_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = mamori_import_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, page);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, rows_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, existing_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriImportWindow, preview_group);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mamori_import_window_init (MamoriImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mamori_name_row_controls (GTK_WIDGET (self));

  self->problem_rows = g_ptr_array_new ();
  self->preview_rows = g_ptr_array_new ();
}

/**
 * mamori_import_window_new:
 * @import: (transfer full): the file, read and recognized
 */
GtkWidget *
mamori_import_window_new (MamoriStore       *store,
                          MamoriAssetImport *import,
                          const char        *file_name,
                          GtkWidget         *page)
{
  MamoriImportWindow *self;
  g_autofree char *format = NULL;

  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (MAMORI_TYPE_IMPORT_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->import = import;
  self->scheme = mamori_store_dup_class_scheme (store);
  g_set_weak_pointer (&self->owner, page);
  {
    g_autoptr(GHashTable) existing = mamori_store_dup_asset_keys (store, NULL);

    mamori_asset_import_set_existing (import, existing);
  }
  g_signal_connect_swapped (self->skip_switch, "notify::active", G_CALLBACK (update_import_action), self);

  adw_action_row_set_subtitle (self->file_row, file_name);
  /* Translators: the layout recognized, then the file's encoding */
  format = g_strdup_printf (_("%s, %s"),
                            mamori_csv_format_get_label (mamori_asset_import_get_format (import)),
                            mamori_csv_encoding_get_label (mamori_asset_import_get_encoding (import)));
  adw_action_row_set_subtitle (self->format_row, format);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);

  fill_columns (self);
  refresh (self);

  return GTK_WIDGET (self);
}
