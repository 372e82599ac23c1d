/* mamori-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <glib-unix.h>
#include <signal.h>

#include "mamori-application.h"
#include "mamori-cli.h"
#include "mamori-window.h"

struct _MamoriApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GPtrArray      *files_to_open;  /* of GFile: named on the command line */
  guint           signal_ids[3];
};

G_DEFINE_FINAL_TYPE (MamoriApplication, mamori_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the assets in a CSV file (our export, an IPA ledger, or named columns) to WORKSPACE-FILE, all or none"),
    N_("CSV-FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the asset register of WORKSPACE-FILE to a CSV file that Excel opens"), N_("CSV-FILE") },
  { "encoding", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-csv: utf-8 (the default) or cp932 (Shift_JIS)"), N_("ENCODING") },
  { "lookup", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Search the reference catalog (patent fields, prior-report technologies, Group A, …) and print the matches"),
    N_("QUERY") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --lookup, --scan-contract or --findings: print JSON"), NULL },
  { "findings", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the overall rating of WORKSPACE-FILE and its findings, most severe first"), NULL },
  { "snapshot", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Record a snapshot of the figures and findings of WORKSPACE-FILE, to compare with later"), N_("LABEL") },
  { "export-actions", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the action plan of WORKSPACE-FILE to an Excel workbook (.xlsx) or a CSV file (.csv)"), N_("FILE") },
  { "scan-contract", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Find the clauses of a contract (.docx or text) by topic, with article numbers, passages and risk flags"),
    N_("FILE") },
  { "country", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --scan-contract: the counterparty's country, to flag a missing export-control clause outside Group A"),
    N_("COUNTRY") },
  { "type", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: keep the type names as they are: they are what mamori accepts */
    N_("With --scan-contract: the kind of contract (joint-development, license-in, license-out, manufacturing, sales, nda, joint-venture), to mark the essential clauses"),
    N_("TYPE") },
  { "position", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: keep the position names as they are: they are what mamori accepts */
    N_("With --type: which way the technology goes (provider, receiver or mutual); the type’s usual one by default"),
    N_("POSITION") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a briefing pack of WORKSPACE-FILE to a PDF file"), N_("PDF-FILE") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the pack’s language, ja or en (the interface’s by default)"), N_("LANGUAGE") },
  { "sections", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: keep the section names as they are: they are what mamori accepts */
    N_("With --export-pdf: the sections, separated by commas (cover, decisions, summary, assets, gaps, contracts, screenings, checklists, incidents, contacts, appendix); all by default"),
    N_("SECTIONS") },
  { "mark", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the classification mark printed on every page (the workspace’s “internal only” class by default)"),
    N_("MARK") },
  { "allow-lower-mark", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: accept a --mark lower than the highest class of the information the pack names"), NULL },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export-pdf: a4 (the default) or letter"), N_("PAPER") },
  { "author", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: who prepared the pack, for the cover and the PDF’s properties (your full name by default)"),
    N_("NAME") },
  { "meeting", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the meeting the pack is issued for, on its cover; a snapshot is recorded under its name so that the next pack can compare"),
    N_("MEETING") },
  { "meeting-date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --meeting: the meeting’s date, YYYY-MM-DD"), N_("DATE") },
  { "doc-version", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the pack’s version, on its cover (第1版, 1.0…)"), N_("VERSION") },
  { "department", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the department that issues the pack, on its cover"), N_("DEPARTMENT") },
  { "distribution", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: who receives the pack, separated by commas, on its cover"), N_("LIST") },
  /* A string, so that --copies=0 is seen (and refused) rather than read as not given. */
  { "copies", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: write N numbered copies one after another in the one PDF, each page saying “Copy n of N” (1–100)"),
    N_("N") },
  { "collect", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: say on the cover that copies are returned at the end of the meeting (回収)"), NULL },
  /* Collected here rather than by GApplication, so that the command-line
   * commands see their workspace; handle_local_options opens them. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/**
 * mamori_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
mamori_application_get_settings (MamoriApplication *self)
{
  g_return_val_if_fail (MAMORI_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);

  return self->settings;
}

static MamoriWindow *
get_or_create_window (MamoriApplication *self)
{
  /* The most recently active main window: the pack and analysis windows
   * are the application's too (for its shortcuts). */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MAMORI_IS_WINDOW (l->data))
      return MAMORI_WINDOW (l->data);

  return mamori_window_new (self);
}

static int
mamori_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  g_autofree const char **paths = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("mamori %s\n", PACKAGE_VERSION);
      return 0;
    }

  status = mamori_cli_run (options);
  if (status >= 0)
    return status;

  /* mamori FILE: open it, in this process or in the one already running. */
  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths) || paths[0] == NULL)
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  /* Another Mamori is running: it opens the file, and this one is done. */
  if (g_application_get_is_remote (application))
    {
      g_application_open (application, (GFile **) files->pdata, files->len, "");
      return 0;
    }

  /* GApplication activates next (it does not see the files, which the
   * options took); activating opens them instead of the workspace used
   * last, so that a file that is refused leaves nothing else open behind
   * its message. */
  MAMORI_APPLICATION (application)->files_to_open = g_steal_pointer (&files);
  return -1;
}

static void
mamori_application_activate (GApplication *application)
{
  MamoriApplication *self = MAMORI_APPLICATION (application);
  MamoriWindow *window;

  if (self->files_to_open != NULL)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->files_to_open);

      g_application_open (application, (GFile **) files->pdata, files->len, "");
      return;
    }

  window = get_or_create_window (self);
  gtk_window_present (GTK_WINDOW (window));

  if (mamori_window_get_store (window) == NULL)
    mamori_window_open_startup_workspace (window);
}

static void
mamori_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  MamoriApplication *self = MAMORI_APPLICATION (application);
  MamoriWindow *window = get_or_create_window (self);
  g_autofree char *path = g_file_get_path (files[0]);

  gtk_window_present (GTK_WINDOW (window));

  /* One window shows one workspace; the first file named wins. */
  if (n_files > 1)
    g_printerr (_("Only one workspace can be open at a time; opening the first.\n"));

  if (path != NULL)
    {
      mamori_window_open_workspace (window, path, MAMORI_STORE_OPEN_DEFAULT);
      return;
    }

  /* A workspace must be a local file: SQLite cannot keep its journal on a
   * network location, and Mamori never uses the network. */
  {
    g_autofree char *uri = g_file_get_uri (files[0]);
    /* Translators: %s is a web or network address */
    g_autofree char *details = g_strdup_printf (_("“%s” is not a file on this computer. Copy the workspace to this computer first, then open the copy."),
                                                uri);

    if (mamori_window_get_store (window) == NULL)
      mamori_window_open_startup_workspace (window);
    mamori_window_notify (window, _("Only workspaces on this computer can be opened"), details);
  }
}

/* GtkAboutDialog rather than AdwAboutWindow: libadwaita 1.2 ships almost no
 * Japanese translation (15 messages, none of the About window's), while GTK's
 * About dialog is fully translated, and Japanese comes first. */
static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  MamoriApplication *self = user_data;
  const char *authors[] = { _("The Mamori developers"), NULL };
  const char *based_on[] = {
    /* The guide is cited by its official title. */
    "愛知県「経済安全保障 中小企業向け入門ガイド」第2版（2026年1月改訂版） https://www.pref.aichi.jp/soshiki/san-kagi/",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "program-name", _("Mamori"),
                        "logo-icon-name", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Economic security for small and medium-sized manufacturers: know and protect your information assets, review contracts, look up dual-use, secret-patent and export-control lists, and keep cyber and incident checklists — all in one private workspace file that never leaves your computer."),
                        "copyright", _("© 2026 The Mamori developers"),
                        /* Our own words: GTK 4.8's Japanese leaves its GPL notice in English. */
                        "license-type", GTK_LICENSE_CUSTOM,
                        "license", _("Mamori is free software: you can redistribute it and modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version, published by the Free Software Foundation. It comes with absolutely no warranty. See https://www.gnu.org/licenses/gpl-3.0.html for details."),
                        "wrap-license", TRUE,
                        "authors", authors,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (about), _("Based On"), based_on);

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows = NULL;

  /* A copy: closing the main window closes its dialogs with it. */
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  /* Closing (rather than g_application_quit) lets each window save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (g_list_find (gtk_application_get_windows (application), l->data) != NULL)
      gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

/* SIGTERM (log-out, shutdown), SIGINT (Ctrl+C in a terminal) and SIGHUP
 * (the terminal closed) end Mamori as quitting does, without questions:
 * what was typed is saved, and each workspace is left as one file, not a
 * file plus a journal that a copy of the .mamori file alone would miss. */
static gboolean
on_quit_signal (gpointer user_data)
{
  GtkApplication *application = user_data;
  GList *windows = NULL;

  /* A copy: closing a window may close others (its dialogs) with it. */
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));

  /* The application ends with its last window, or once today's backup
   * (which holds it) is written, not cut in half. */
  if (windows == NULL)
    g_application_quit (G_APPLICATION (application));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      /* Gone already, with a window closed before it. */
      if (g_list_find (gtk_application_get_windows (application), l->data) == NULL)
        continue;
      if (MAMORI_IS_WINDOW (l->data))
        mamori_window_close_now (l->data);
      else
        gtk_window_destroy (l->data);
    }
  g_list_free_full (windows, g_object_unref);
  return G_SOURCE_CONTINUE;
}

static void
mamori_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const int quit_signals[] = { SIGTERM, SIGINT, SIGHUP };
  MamoriApplication *self = MAMORI_APPLICATION (application);

  G_APPLICATION_CLASS (mamori_application_parent_class)->startup (application);

  G_STATIC_ASSERT (G_N_ELEMENTS (quit_signals) == G_N_ELEMENTS (self->signal_ids));
  for (guint i = 0; i < G_N_ELEMENTS (quit_signals); i++)
    self->signal_ids[i] = g_unix_signal_add (quit_signals[i], on_quit_signal, application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
mamori_application_finalize (GObject *object)
{
  MamoriApplication *self = MAMORI_APPLICATION (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);
  g_clear_pointer (&self->files_to_open, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mamori_application_parent_class)->finalize (object);
}

static void
mamori_application_class_init (MamoriApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mamori_application_finalize;

  app_class->handle_local_options = mamori_application_handle_local_options;
  app_class->startup = mamori_application_startup;
  app_class->activate = mamori_application_activate;
  app_class->open = mamori_application_open;
}

static void
mamori_application_init (MamoriApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  /* Translators: the command line's argument, shown by mamori --help */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[WORKSPACE-FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Mamori keeps an organization’s information assets, contracts, checks and incident records in one private workspace file. Without a file, the workspace used last is opened."));
}

/**
 * mamori_application_new:
 * @flags: flags beyond %G_APPLICATION_HANDLES_OPEN, e.g.
 *   %G_APPLICATION_NON_UNIQUE for tests
 */
MamoriApplication *
mamori_application_new (GApplicationFlags flags)
{
  return g_object_new (MAMORI_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
