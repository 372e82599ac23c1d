/* mamori-cli.c — what mamori does on the command line, without a display
 *
 * For consultants' batch work and scripts: each command opens the workspace
 * itself, prints what it did or every problem (with line numbers), and
 * exits 0 on success, 1 on failure (the workspace unchanged), 2 when it was
 * called wrongly. GTK is never started.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <poppler.h>
#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "analysis/mamori-contract-rules.h"
#include "analysis/mamori-contract-scan.h"
#include "assess/mamori-findings.h"
#include "catalog/mamori-catalog.h"
#include "io/mamori-contract-text.h"
#include "io/mamori-action-export.h"
#include "io/mamori-asset-csv.h"
#include "io/mamori-file.h"
#include "report/mamori-report.h"
#include "mamori-cli.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

static const char *
get_workspace (GVariantDict *options,
               const char   *command,
               const char   *example)
{
  g_autoptr(GVariant) remaining = g_variant_dict_lookup_value (options, G_OPTION_REMAINING, G_VARIANT_TYPE_BYTESTRING_ARRAY);
  const char **files = remaining != NULL ? g_variant_get_bytestring_array (remaining, NULL) : NULL;
  const char *workspace = NULL;

  if (files != NULL && files[0] != NULL && files[1] == NULL)
    workspace = g_intern_string (files[0]);
  else if (example == NULL)
    /* Translators: %s is a command-line option that takes no value, such as --findings */
    g_printerr (_("%s needs exactly one workspace file, for example: mamori %s client.mamori\n"), command, command);
  else
    /* Translators: %s is a command-line option such as --import-csv */
    g_printerr (_("%s needs exactly one workspace file, for example: mamori %s=%s client.mamori\n"),
                command, command, example);
  g_free (files);

  return workspace;
}

static void
print_store_error (const char   *workspace,
                   const GError *error)
{
  g_autofree char *name = g_filename_display_name (workspace);

  /* Translators: "<file>: <what went wrong>" on the command line */
  g_printerr (_("%s: %s\n"), name, error->message);
}

static int
import_csv (const char *csv_path,
            const char *workspace)
{
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *csv_name = g_filename_display_name (csv_path);
  guint count;

  /* A folder, a pipe or a device is refused before anything is read. */
  contents = mamori_file_read (csv_path, MAMORI_CSV_MAX_SIZE, &error);
  if (contents == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  import = mamori_asset_import_new (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), &error);
  if (import == NULL)
    {
      g_printerr (_("%s: %s\n"), csv_name, error->message);
      return EXIT_FAILED;
    }

  /* The file is checked before the workspace is even opened. */
  store = mamori_store_open (workspace, MAMORI_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      print_store_error (workspace, error);
      return EXIT_FAILED;
    }

  if (!mamori_asset_import_run (import, store, &count, &problems, &error))
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          MamoriImportProblem *problem = g_ptr_array_index (problems, i);
          /* Each message names its line already. */
          g_printerr (_("%s: %s\n"), csv_name, problem->message);
        }
      /* What was wrong with the rows is the file's; anything else is the
       * workspace's. */
      if (g_error_matches (error, MAMORI_STORE_ERROR, MAMORI_STORE_ERROR_INVALID))
        g_printerr (_("%s: %s\n"), csv_name, error->message);
      else
        print_store_error (workspace, error);
      return EXIT_FAILED;
    }

  {
    g_autofree char *name = g_filename_display_name (workspace);
    /* Translators: %u is a number of assets, %s a workspace file */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u asset into %s.\n", "Imported %u assets into %s.\n", count),
             count, name);
  }
  return EXIT_OK;
}

static int
export_csv (const char *csv_path,
            const char *workspace,
            const char *encoding_name)
{
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_name = g_filename_display_name (csv_path);
  MamoriCsvEncoding encoding;

  if (encoding_name == NULL || g_ascii_strcasecmp (encoding_name, "utf-8") == 0)
    encoding = MAMORI_CSV_ENCODING_UTF8_BOM;
  else if (g_ascii_strcasecmp (encoding_name, "cp932") == 0 || g_ascii_strcasecmp (encoding_name, "shift_jis") == 0)
    encoding = MAMORI_CSV_ENCODING_CP932;
  else
    {
      g_printerr (_("Unknown encoding “%s”: use utf-8 or cp932.\n"), encoding_name);
      return EXIT_USAGE;
    }

  /* Checked first: only a CSV file is ever replaced, never the workspace
   * or anything else given by mistake. */
  if (!mamori_file_check_destination (csv_path, MAMORI_FILE_KIND_CSV, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  store = mamori_store_open (workspace, MAMORI_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      print_store_error (workspace, error);
      return EXIT_FAILED;
    }

  bytes = mamori_asset_export (store, NULL, encoding, &error);
  if (bytes == NULL)
    {
      print_store_error (workspace, error);
      return EXIT_FAILED;
    }

  /* The register is confidential: the file is private, like the workspace. */
  if (!mamori_file_write (csv_path, MAMORI_FILE_KIND_CSV, bytes, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  {
    g_autofree char *name = g_filename_display_name (workspace);
    guint count = mamori_store_count_assets (store);
    /* Translators: %u is a number of assets, the first %s a workspace, the second a CSV file */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u asset from %s to %s.\n", "Exported %u assets from %s to %s.\n", count),
             count, name, csv_name);
  }
  return EXIT_OK;
}

/* JSON is written in ASCII, everything else escaped as \\uXXXX, so it
 * reaches a script intact whatever the locale's character set. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c >= 0x20 && c < 0x7F)
        g_string_append_c (out, (char) c);
      else if (c < 0x10000)
        g_string_append_printf (out, "\\u%04x", c);
      else
        /* Beyond the Basic Multilingual Plane: a surrogate pair. */
        g_string_append_printf (out, "\\u%04x\\u%04x", 0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF));
    }
  g_string_append_c (out, '"');
}

static void
append_json_member (GString    *out,
                    const char *name,
                    const char *value,
                    gboolean    last)
{
  append_json_string (out, name);
  g_string_append (out, ": ");
  append_json_string (out, value);
  if (!last)
    g_string_append (out, ", ");
}

/* mamori --lookup QUERY [--json]: the catalog's matches, best first. */
static int
lookup (const char *query,
        gboolean    json)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_default ();
  g_autoptr(GArray) hits = mamori_catalog_search (catalog, query, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  if (json)
    {
      g_string_append (out, "{\"catalog_version\": ");
      append_json_string (out, mamori_catalog_get_version (catalog));
      g_string_append (out, ", \"results\": [");
      for (guint i = 0; i < hits->len; i++)
        {
          const MamoriCatalogEntry *entry = g_array_index (hits, MamoriCatalogHit, i).entry;

          g_string_append (out, i > 0 ? ",\n  {" : "\n  {");
          append_json_member (out, "list", entry->list->id, FALSE);
          append_json_member (out, "id", entry->id, FALSE);
          append_json_member (out, "name_ja", entry->name_ja, FALSE);
          append_json_member (out, "name_en", entry->name_en, FALSE);
          append_json_member (out, "status", mamori_verification_get_id (entry->status), FALSE);
          append_json_member (out, "source", entry->source_url, FALSE);
          append_json_member (out, "as_of", entry->as_of, TRUE);
          g_string_append_c (out, '}');
        }
      g_string_append (out, hits->len > 0 ? "\n]}\n" : "]}\n");
      g_print ("%s", out->str);
      return EXIT_OK;
    }

  if (hits->len == 0)
    {
      /* Translators: --lookup found nothing; %s is the query, then the catalog version */
      g_print (_("Nothing in the catalog (version %s) matches “%s”.\n"), mamori_catalog_get_version (catalog), query);
      return EXIT_OK;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const MamoriCatalogEntry *entry = g_array_index (hits, MamoriCatalogHit, i).entry;

      /* Translators: one --lookup result: list, Japanese name, English name */
      g_string_append_printf (out, _("%s: %s (%s)\n"), mamori_catalog_list_get_name (entry->list),
                              entry->name_ja, entry->name_en);
      /* Translators: second line of a --lookup result: how far it was verified, the source and the date */
      g_string_append_printf (out, _("  %s. Source: %s, as of %s\n"), mamori_verification_get_label (entry->status),
                              entry->source_url, entry->as_of);
    }
  /* Translators: the last line of --lookup */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u match in catalog version %s.\n",
                                            "%u matches in catalog version %s.\n", hits->len),
                          hits->len, mamori_catalog_get_version (catalog));
  g_print ("%s", out->str);
  return EXIT_OK;
}

/* The topics in @mask by their labels: "Confidentiality, Export control". */
static char *
join_topic_labels (guint mask)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    if (mask & (1u << topic))
      {
        if (out->len > 0)
          /* Translators: between the items of a list (、 in Japanese) */
          g_string_append (out, _(", "));
        g_string_append (out, mamori_contract_topic_get_label (topic));
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* mamori --scan-contract FILE [--country C] [--type T [--position P]]
 * [--json]: each topic found or not, with its articles and passages, and
 * the risk flags; with a type, which topics are essential and which of
 * those are not there. @type is -1 without --type. */
static int
scan_contract (const char             *path,
               const char             *country,
               int                     type,
               MamoriContractPosition  position,
               gboolean                json)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GBytes) data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriContractScan) scan = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean outside_group_a = FALSE;
  guint essential = 0;
  guint missing = 0;
  guint n_missing = 0;

  if ((data = mamori_file_read (path, MAMORI_CONTRACT_TEXT_MAX_SIZE, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  if ((text = mamori_contract_text_read (g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error)) == NULL)
    {
      g_printerr (_("%s: %s\n"), name, error->message);
      return EXIT_FAILED;
    }
  if (country != NULL)
    {
      g_autoptr(MamoriCatalog) catalog = mamori_catalog_dup_default ();

      outside_group_a = mamori_contract_rules_country_outside_group_a (catalog, country);
    }
  scan = mamori_contract_scan (text, -1, outside_group_a);
  if (type >= 0)
    {
      essential = mamori_contract_rules_get_essential_mask (type, position);
      for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
        if ((essential & (1u << topic)) && !mamori_contract_scan_get_finding (scan, topic)->found)
          {
            missing |= 1u << topic;
            n_missing++;
          }
    }

  if (json)
    {
      gboolean first_flag = TRUE;

      g_string_append (out, "{\"topics\": {");
      for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
        {
          const MamoriContractFinding *finding = mamori_contract_scan_get_finding (scan, topic);

          g_string_append (out, topic > 0 ? ",\n  " : "\n  ");
          append_json_string (out, mamori_contract_topic_get_id (topic));
          g_string_append_printf (out, ": {\"found\": %s, \"passages\": [", finding->found ? "true" : "false");
          for (guint i = 0; i < finding->passages->len; i++)
            {
              const MamoriContractPassage *passage = g_ptr_array_index (finding->passages, i);

              g_string_append (out, i > 0 ? ", {" : "{");
              append_json_member (out, "article", passage->article != NULL ? passage->article : "", FALSE);
              append_json_member (out, "text", passage->text, TRUE);
              g_string_append_c (out, '}');
            }
          g_string_append (out, "], \"flags\": [");
          first_flag = TRUE;
          for (guint bit = 0; bit < 32; bit++)
            if (finding->flags & (1u << bit))
              {
                if (!first_flag)
                  g_string_append (out, ", ");
                append_json_string (out, mamori_contract_flag_get_id (1u << bit));
                first_flag = FALSE;
              }
          g_string_append (out, "]");
          if (type >= 0)
            g_string_append_printf (out, ", \"essential\": %s", (essential & (1u << topic)) ? "true" : "false");
          g_string_append_c (out, '}');
        }
      g_string_append (out, "\n}, \"flags\": [");
      first_flag = TRUE;
      for (guint bit = 0; bit < 32; bit++)
        if (mamori_contract_scan_get_flags (scan) & (1u << bit))
          {
            if (!first_flag)
              g_string_append (out, ", ");
            append_json_string (out, mamori_contract_flag_get_id (1u << bit));
            first_flag = FALSE;
          }
      g_string_append_c (out, ']');
      if (type >= 0)
        {
          gboolean first_topic = TRUE;

          g_string_append (out, ", ");
          append_json_member (out, "type", mamori_contract_enum_to_nick (MAMORI_TYPE_CONTRACT_TYPE, type), FALSE);
          append_json_member (out, "position", mamori_contract_enum_to_nick (MAMORI_TYPE_CONTRACT_POSITION, position), FALSE);
          g_string_append (out, "\"missing_essential\": [");
          for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
            if (missing & (1u << topic))
              {
                if (!first_topic)
                  g_string_append (out, ", ");
                append_json_string (out, mamori_contract_topic_get_id (topic));
                first_topic = FALSE;
              }
          g_string_append_c (out, ']');
        }
      g_string_append (out, "}\n");
      g_print ("%s", out->str);
      return EXIT_OK;
    }

  /* Translators: the first line of --scan-contract: the file and how many articles it has */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: %u article\n", "%s: %u articles\n",
                                            mamori_contract_scan_get_n_articles (scan)),
                          name, mamori_contract_scan_get_n_articles (scan));
  if (type >= 0)
    /* Translators: --scan-contract --type: the contract type and our position in it */
    g_string_append_printf (out, _("Essential topics for: %s (%s)\n"), mamori_contract_type_get_label (type),
                            mamori_contract_position_get_label (type, position));
  for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    {
      const MamoriContractFinding *finding = mamori_contract_scan_get_finding (scan, topic);
      gboolean is_essential = (essential & (1u << topic)) != 0;

      if (!finding->found)
        {
          if (is_essential)
            /* Translators: an essential topic --scan-contract --type did not find */
            g_string_append_printf (out, _("[ ] %s (essential): not found\n"), mamori_contract_topic_get_label (topic));
          else
            /* Translators: a topic --scan-contract did not find */
            g_string_append_printf (out, _("[ ] %s: not found\n"), mamori_contract_topic_get_label (topic));
          continue;
        }
      if (is_essential)
        /* Translators: an essential topic --scan-contract --type found */
        g_string_append_printf (out, _("[x] %s (essential)\n"), mamori_contract_topic_get_label (topic));
      else
        /* Translators: a topic --scan-contract found */
        g_string_append_printf (out, _("[x] %s\n"), mamori_contract_topic_get_label (topic));
      for (guint i = 0; i < MIN (finding->passages->len, 5); i++)
        {
          const MamoriContractPassage *passage = g_ptr_array_index (finding->passages, i);
          g_autofree char *flat = g_strdelimit (g_strdup (passage->text), "\r\n\t", ' ');
          g_autofree char *shown = g_utf8_strlen (flat, -1) > 120
                                   ? g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (flat, 119) - flat), flat)
                                   : g_strdup (flat);

          g_string_append_printf (out, "    %s  %s\n", passage->article != NULL ? passage->article : "—", shown);
        }
      if (finding->passages->len > 5)
        /* Translators: more passages than --scan-contract lists (--json has them all) */
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "    … and %u more passage\n",
                                                  "    … and %u more passages\n", finding->passages->len - 5),
                                finding->passages->len - 5);
    }
  for (guint bit = 0; bit < 32; bit++)
    if (mamori_contract_scan_get_flags (scan) & (1u << bit))
      /* Translators: a risk flag of --scan-contract */
      g_string_append_printf (out, _("Risk: %s\n"), mamori_contract_flag_get_label (1u << bit));
  if (type >= 0 && missing != 0)
    {
      g_autofree char *labels = join_topic_labels (missing);

      /* Translators: the last line of --scan-contract --type; %s lists clause topics */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Essential topic not found: %s\n",
                                                "Essential topics not found: %s\n", n_missing),
                              labels);
    }
  else if (type >= 0)
    /* Translators: the last line of --scan-contract --type */
    g_string_append (out, _("All essential topics found.\n"));
  g_print ("%s", out->str);
  return EXIT_OK;
}

/* --type and --position as enum values; a wrong one is explained with the
 * names that would do. Without --type, @type is -1. */
static gboolean
parse_contract_kind (const char             *type_nick,
                     const char             *position_nick,
                     int                    *type,
                     MamoriContractPosition *position)
{
  g_autoptr(GString) valid = g_string_new (NULL);
  int value;

  *type = -1;
  if (type_nick == NULL)
    {
      if (position_nick == NULL)
        return TRUE;
      g_printerr (_("--position goes with --type.\n"));
      return FALSE;
    }

  value = mamori_contract_enum_from_nick (MAMORI_TYPE_CONTRACT_TYPE, type_nick);
  if (value < 0)
    {
      for (int i = 0; i < MAMORI_N_CONTRACT_TYPES; i++)
        g_string_append_printf (valid, "%s%s", i > 0 ? ", " : "", mamori_contract_enum_to_nick (MAMORI_TYPE_CONTRACT_TYPE, i));
      /* Translators: the first %s is what was given, the second the names mamori accepts (keep them) */
      g_printerr (_("Unknown contract type “%s”: use one of %s.\n"), type_nick, valid->str);
      return FALSE;
    }
  *type = value;

  if (position_nick == NULL)
    {
      *position = mamori_contract_type_get_default_position (*type);
      return TRUE;
    }
  value = mamori_contract_enum_from_nick (MAMORI_TYPE_CONTRACT_POSITION, position_nick);
  if (value < 0 || mamori_contract_position_get_label (*type, value) == NULL)
    {
      for (int i = 0; i < MAMORI_N_CONTRACT_POSITIONS; i++)
        if (mamori_contract_position_get_label (*type, i) != NULL)
          g_string_append_printf (valid, "%s%s", valid->len > 0 ? ", " : "",
                                  mamori_contract_enum_to_nick (MAMORI_TYPE_CONTRACT_POSITION, i));
      /* Translators: the first %s is what was given, the second a contract type and the third the
       * names mamori accepts (keep the names) */
      g_printerr (_("Unknown position “%s” for --type=%s: use one of %s.\n"), position_nick, type_nick, valid->str);
      return FALSE;
    }
  *position = value;
  return TRUE;
}

static int
export_pdf (const char   *pdf_path,
            const char   *workspace,
            GVariantDict *options)
{
  g_autoptr(MamoriReportOptions) report = NULL;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_name = g_filename_display_name (pdf_path);
  const char *language = NULL;
  const char *sections = NULL;
  const char *mark = NULL;
  const char *paper = NULL;
  const char *author = NULL;
  const char *meeting_date = NULL;
  const char *copies = NULL;

  g_variant_dict_lookup (options, "author", "&s", &author);
  g_variant_dict_lookup (options, "meeting-date", "&s", &meeting_date);
  g_variant_dict_lookup (options, "copies", "&s", &copies);
  g_variant_dict_lookup (options, "lang", "&s", &language);
  g_variant_dict_lookup (options, "sections", "&s", &sections);
  g_variant_dict_lookup (options, "mark", "&s", &mark);
  g_variant_dict_lookup (options, "paper", "&s", &paper);

  if (language == NULL)
    language = mamori_text_prefers_japanese () ? MAMORI_LANG_JA : MAMORI_LANG_EN;
  else if (g_ascii_strcasecmp (language, "ja") == 0)
    language = MAMORI_LANG_JA;
  else if (g_ascii_strcasecmp (language, "en") == 0)
    language = MAMORI_LANG_EN;
  else
    {
      g_printerr (_("Unknown language “%s”: use ja or en.\n"), language);
      return EXIT_USAGE;
    }

  report = mamori_report_options_new (MAMORI_REPORT_BOARD_PACK, language);
  if (sections != NULL && !mamori_pack_sections_parse (sections, &report->sections, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  if (paper == NULL || g_ascii_strcasecmp (paper, "a4") == 0)
    report->paper = MAMORI_PAPER_A4;
  else if (g_ascii_strcasecmp (paper, "letter") == 0)
    report->paper = MAMORI_PAPER_LETTER;
  else
    {
      g_printerr (_("Unknown paper size “%s”: use a4 or letter.\n"), paper);
      return EXIT_USAGE;
    }
  if (mark != NULL && mamori_text_is_blank (mark))
    {
      g_printerr (_("--mark needs the text to print on every page, for example: --mark=社外秘\n"));
      return EXIT_USAGE;
    }
  report->mark = g_strdup (mark);
  report->author = !mamori_text_is_blank (author) ? g_strdup (author) : NULL;
  g_variant_dict_lookup (options, "meeting", "s", &report->meeting);
  g_variant_dict_lookup (options, "doc-version", "s", &report->doc_version);
  g_variant_dict_lookup (options, "department", "s", &report->department);
  g_variant_dict_lookup (options, "distribution", "s", &report->distribution);
  report->collect = g_variant_dict_contains (options, "collect");
  if (meeting_date != NULL)
    {
      report->meeting_date = mamori_text_parse_date (meeting_date, TRUE);
      if (mamori_text_is_blank (report->meeting) || report->meeting_date == NULL)
        {
          g_printerr (_("--meeting-date needs --meeting and a date as YYYY-MM-DD, for example: --meeting=取締役会 --meeting-date=2026-12-15\n"));
          return EXIT_USAGE;
        }
    }
  if (copies != NULL)
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (copies, 10, 1, 100, &n, NULL))
        {
          g_printerr (_("--copies needs a number of copies from 1 to 100.\n"));
          return EXIT_USAGE;
        }
      report->copies = (guint) n;
    }

  if (*pdf_path == '\0')
    {
      g_printerr (_("--export-pdf needs the PDF file to write, for example: --export-pdf=pack.pdf\n"));
      return EXIT_USAGE;
    }
  /* Checked first, so that a typo costs no rendering. */
  if (!mamori_file_check_destination (pdf_path, MAMORI_FILE_KIND_PDF, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  store = mamori_store_open (workspace, MAMORI_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      print_store_error (workspace, error);
      return EXIT_FAILED;
    }

  /* Never marked lower than what it names, unless asked to in so many words. */
  if (report->mark != NULL && !g_variant_dict_contains (options, "allow-lower-mark"))
    {
      int required = mamori_report_get_required_class (store, report);

      if (mamori_report_get_mark_class (store, report->mark) < required)
        {
          g_autoptr(MamoriClassScheme) scheme = mamori_store_dup_class_scheme (store);

          /* Translators: on the command line; the mark given, then the class the pack needs (twice) */
          g_printerr (_("“%s” is lower than %s, the highest class of the information this pack names. Mark it %s, or add --allow-lower-mark if it may really be marked lower.\n"),
                      report->mark, mamori_class_scheme_get_name (scheme, required),
                      mamori_class_scheme_get_name (scheme, required));
          return EXIT_FAILED;
        }
    }

  pdf = mamori_report_render (store, report, NULL, NULL, NULL, &error);
  if (pdf == NULL)
    {
      g_printerr (_("%s: %s\n"), pdf_name, error->message);
      return EXIT_FAILED;
    }
  if (!mamori_file_write (pdf_path, MAMORI_FILE_KIND_PDF, pdf, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  document = poppler_document_new_from_bytes (pdf, NULL, NULL);
  {
    guint n_pages = document != NULL ? (guint) poppler_document_get_n_pages (document) : 0;

    /* Translators: %u is a number of pages, %s a PDF file */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u page to %s.\n", "Wrote %u pages to %s.\n", n_pages),
             n_pages, pdf_name);
  }
  g_clear_object (&document);

  /* Issued for a meeting: the next pack compares with this one. */
  {
    g_autofree char *label = NULL;

    if (!mamori_report_record_issue (store, report, &label, &error))
      {
        /* Translators: on the command line; the pack was written, the snapshot was not */
        g_printerr (_("The pack was written, but its snapshot could not be recorded: %s\n"), error->message);
        return EXIT_FAILED;
      }
    if (label != NULL)
      /* Translators: on the command line, after a board pack for a meeting */
      g_print (_("Recorded the snapshot “%s”: the next pack will report what changed since this meeting.\n"), label);
  }
  return EXIT_OK;
}

/* mamori --findings [--json] WORKSPACE: the rating, then every finding,
 * most severe first. */
static void
append_json_finding (GString       *out,
                     MamoriFinding *finding)
{
  g_string_append (out, "    {");
  append_json_member (out, "key", finding->key, FALSE);
  append_json_member (out, "kind", finding->kind, FALSE);
  g_string_append_printf (out, "\"likelihood\": %d, \"impact\": %d, \"severity\": %d, ", finding->likelihood,
                          finding->impact, mamori_finding_get_severity (finding));
  append_json_member (out, "title", finding->title, FALSE);
  append_json_member (out, "explanation", finding->explanation, FALSE);
  append_json_member (out, "reason", finding->reason, FALSE);
  append_json_member (out, "action", finding->action, FALSE);
  append_json_member (out, "guide_section", finding->guide_section, FALSE);
  g_string_append (out, "\"records\": [");
  for (guint i = 0; i < finding->records->len; i++)
    {
      MamoriRecordRef *ref = &g_array_index (finding->records, MamoriRecordRef, i);

      g_string_append (out, i > 0 ? ", {" : "{");
      append_json_member (out, "type", mamori_record_type_get_id (ref->type), FALSE);
      if (ref->key != NULL)
        {
          append_json_string (out, "id");
          g_string_append (out, ": ");
          append_json_string (out, ref->key);
        }
      else
        g_string_append_printf (out, "\"id\": %" G_GINT64_FORMAT, ref->id);
      g_string_append (out, "}");
    }
  g_string_append (out, "], ");
  append_json_member (out, "status", mamori_finding_status_get_id (finding->status), TRUE);
  g_string_append (out, "}");
}

static void
print_findings_json (MamoriAssessment *assessment)
{
  g_autoptr(GString) out = g_string_new ("{\n  ");
  const MamoriSnapshot *snapshot = assessment->facts->snapshot;

  append_json_member (out, "rating", mamori_overall_get_id (assessment->overall), FALSE);
  g_string_append (out, "\n  ");
  append_json_member (out, "rating_rule", assessment->overall_rule, FALSE);
  g_string_append (out, "\n  \"findings\": [");
  for (guint i = 0; i < assessment->findings->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      append_json_finding (out, g_ptr_array_index (assessment->findings, i));
    }
  g_string_append (out, assessment->findings->len > 0 ? "\n  ],\n  \"since_snapshot\": " : "],\n  \"since_snapshot\": ");
  if (snapshot != NULL)
    {
      g_string_append (out, "{");
      append_json_member (out, "label", snapshot->label, FALSE);
      append_json_member (out, "date", snapshot->taken_at, FALSE);
      g_string_append_printf (out, "\"new\": %u, \"resolved\": %u, \"still_open\": %u}", assessment->change.n_new,
                              assessment->change.n_resolved, assessment->change.n_still_open);
    }
  else
    g_string_append (out, "null");
  g_string_append (out, "\n}\n");
  g_print ("%s", out->str);
}

static void
print_findings_text (MamoriAssessment *assessment)
{
  const MamoriSnapshot *snapshot = assessment->facts->snapshot;

  /* Translators: the overall rating on the command line: rating, then its rule */
  g_print (_("Overall: %s. %s\n"), mamori_overall_get_label (assessment->overall), assessment->overall_rule);
  if (snapshot != NULL)
    /* Translators: on the command line; %s is a snapshot's label, then three counts */
    g_print (_("Since “%s”: %u new, %u resolved, %u still open.\n"), snapshot->label, assessment->change.n_new,
             assessment->change.n_resolved, assessment->change.n_still_open);
  if (assessment->findings->len == 0)
    g_print (_("No findings.\n"));
  for (guint i = 0; i < assessment->findings->len; i++)
    {
      MamoriFinding *finding = g_ptr_array_index (assessment->findings, i);

      /* Translators: one finding on the command line: severity, title, state */
      g_print (_("\n[%d] %s (%s)\n"), mamori_finding_get_severity (finding), finding->title,
               mamori_finding_status_get_label (finding->status));
      g_print ("    %s\n", finding->reason);
      /* Translators: the recommended action of a finding on the command line */
      g_print (_("    What to do: %s\n"), finding->action);
      if (finding->dismissal != NULL)
        g_print ("    %s\n", finding->dismissal);
    }
}

static MamoriStore *
open_existing (const char *workspace)
{
  g_autoptr(GError) error = NULL;
  MamoriStore *store = mamori_store_open (workspace, MAMORI_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    print_store_error (workspace, error);
  return store;
}

static int
findings (const char *workspace,
          gboolean    json)
{
  g_autoptr(MamoriStore) store = open_existing (workspace);
  g_autoptr(MamoriAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return EXIT_FAILED;
  assessment = mamori_assessment_load (store, &error);
  if (assessment == NULL)
    {
      print_store_error (workspace, error);
      return EXIT_FAILED;
    }
  if (json)
    print_findings_json (assessment);
  else
    print_findings_text (assessment);
  return EXIT_OK;
}

/* mamori --snapshot=LABEL WORKSPACE */
static int
snapshot (const char *label,
          const char *workspace)
{
  g_autoptr(MamoriStore) store = open_existing (workspace);
  g_autoptr(MamoriAssessment) assessment = NULL;
  g_autoptr(MamoriSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_name (workspace);

  if (store == NULL)
    return EXIT_FAILED;
  assessment = mamori_assessment_load (store, &error);
  if (assessment != NULL)
    {
      snapshot = mamori_findings_new_snapshot (assessment->facts, assessment->findings, label);
      mamori_store_add_snapshot (store, snapshot, &error);
    }
  if (error != NULL)
    {
      print_store_error (workspace, error);
      return EXIT_FAILED;
    }
  /* Translators: on the command line; a snapshot's label, a number of findings, a workspace file */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Recorded the snapshot “%s” with %u open finding in %s.\n",
                        "Recorded the snapshot “%s” with %u open findings in %s.\n", snapshot->findings->len),
           snapshot->label, snapshot->findings->len, name);
  return EXIT_OK;
}

/* mamori --export-actions=FILE.xlsx|FILE.csv WORKSPACE */
static int
export_actions (const char *path,
                const char *workspace)
{
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_filename_display_name (path);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  MamoriFileKind kind;

  if (g_str_has_suffix (lower, ".xlsx"))
    kind = MAMORI_FILE_KIND_XLSX;
  else if (g_str_has_suffix (lower, ".csv"))
    kind = MAMORI_FILE_KIND_CSV;
  else
    {
      g_printerr (_("--export-actions writes an Excel workbook or a CSV file: name it .xlsx or .csv, for example: --export-actions=plan.xlsx\n"));
      return EXIT_USAGE;
    }
  /* Checked first: only a file of the same kind is ever replaced. */
  if (!mamori_file_check_destination (path, kind, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  if ((store = open_existing (workspace)) == NULL)
    return EXIT_FAILED;
  assessment = mamori_assessment_load (store, &error);
  if (assessment == NULL)
    {
      print_store_error (workspace, error);
      return EXIT_FAILED;
    }
  if (kind == MAMORI_FILE_KIND_XLSX)
    {
      g_autofree char *title = mamori_store_dup_display_name (store);

      bytes = mamori_action_export_xlsx (assessment->facts->actions, assessment->findings, assessment->facts->today,
                                         title, &error);
    }
  else
    bytes = mamori_action_export_csv (assessment->facts->actions, assessment->findings, assessment->facts->today,
                                      MAMORI_CSV_ENCODING_UTF8_BOM, &error);
  if (bytes == NULL || !mamori_file_write (path, kind, bytes, &error))
    {
      g_printerr (_("%s: %s\n"), file_name, error->message);
      return EXIT_FAILED;
    }
  {
    guint count = assessment->facts->actions->len;
    g_autofree char *name = g_filename_display_name (workspace);

    /* Translators: %u is a number of actions, the first %s a workspace, the second a file */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u action from %s to %s.\n", "Exported %u actions from %s to %s.\n",
                          count),
             count, name, file_name);
  }
  return EXIT_OK;
}

/**
 * mamori_cli_run:
 *
 * Returns: the exit status, or -1 if @options ask for no command-line work
 *   (the window opens)
 */
int
mamori_cli_run (GVariantDict *options)
{
  const char *query = NULL;
  const char *contract_path = NULL;
  const char *country = NULL;
  const char *type_nick = NULL;
  const char *position_nick = NULL;

  const char *import_path = NULL;
  const char *export_path = NULL;
  const char *pdf_path = NULL;
  const char *encoding = NULL;
  const char *label = NULL;
  const char *actions_path = NULL;
  const char *workspace;
  int plan_commands;
  int type = -1;
  MamoriContractPosition position = MAMORI_CONTRACT_POSITION_PROVIDER;

  g_variant_dict_lookup (options, "import-csv", "^&ay", &import_path);
  g_variant_dict_lookup (options, "export-csv", "^&ay", &export_path);
  g_variant_dict_lookup (options, "export-pdf", "^&ay", &pdf_path);
  g_variant_dict_lookup (options, "encoding", "&s", &encoding);
  g_variant_dict_lookup (options, "lookup", "&s", &query);
  g_variant_dict_lookup (options, "scan-contract", "^&ay", &contract_path);
  g_variant_dict_lookup (options, "country", "&s", &country);
  g_variant_dict_lookup (options, "type", "&s", &type_nick);
  g_variant_dict_lookup (options, "position", "&s", &position_nick);
  g_variant_dict_lookup (options, "snapshot", "&s", &label);
  g_variant_dict_lookup (options, "export-actions", "^&ay", &actions_path);
  plan_commands = (g_variant_dict_contains (options, "findings") ? 1 : 0) + (label != NULL ? 1 : 0) +
                  (actions_path != NULL ? 1 : 0);

  /* A pack is written alone, and its options mean nothing without it. */
  if (pdf_path != NULL && (contract_path != NULL || query != NULL || import_path != NULL || export_path != NULL
                           || encoding != NULL || g_variant_dict_contains (options, "json")))
    {
      g_printerr (_("--export-pdf writes a pack alone: give it no other command.\n"));
      return EXIT_USAGE;
    }
  if (pdf_path == NULL
      && (g_variant_dict_contains (options, "lang") || g_variant_dict_contains (options, "sections")
          || g_variant_dict_contains (options, "mark") || g_variant_dict_contains (options, "paper")
          || g_variant_dict_contains (options, "author") || g_variant_dict_contains (options, "allow-lower-mark")
          || g_variant_dict_contains (options, "meeting") || g_variant_dict_contains (options, "meeting-date")
          || g_variant_dict_contains (options, "doc-version") || g_variant_dict_contains (options, "department")
          || g_variant_dict_contains (options, "distribution") || g_variant_dict_contains (options, "copies")
          || g_variant_dict_contains (options, "collect")))
    {
      g_printerr (_("--lang, --sections, --mark, --allow-lower-mark, --paper, --author, --meeting, --meeting-date, --doc-version, --department, --distribution, --copies and --collect go with --export-pdf.\n"));
      return EXIT_USAGE;
    }

  if (contract_path != NULL)
    {
      if (query != NULL || import_path != NULL || export_path != NULL || encoding != NULL || plan_commands > 0 ||
          g_variant_dict_contains (options, G_OPTION_REMAINING))
        {
          g_printerr (_("--scan-contract reads the contract alone: give it no workspace file and no other command.\n"));
          return EXIT_USAGE;
        }
      if (!parse_contract_kind (type_nick, position_nick, &type, &position))
        return EXIT_USAGE;
      return scan_contract (contract_path, country, type, position, g_variant_dict_contains (options, "json"));
    }
  if (country != NULL)
    {
      g_printerr (_("--country goes with --scan-contract.\n"));
      return EXIT_USAGE;
    }
  if (type_nick != NULL || position_nick != NULL)
    {
      g_printerr (_("--type and --position go with --scan-contract.\n"));
      return EXIT_USAGE;
    }

  if (query != NULL)
    {
      if (mamori_text_is_blank (query))
        {
          g_printerr (_("--lookup needs something to search for, for example: mamori --lookup=MLCC\n"));
          return EXIT_USAGE;
        }
      if (import_path != NULL || export_path != NULL || encoding != NULL || plan_commands > 0 ||
          g_variant_dict_contains (options, G_OPTION_REMAINING))
        {
          g_printerr (_("--lookup searches the catalog alone: give it no workspace file and no other command.\n"));
          return EXIT_USAGE;
        }
      return lookup (query, g_variant_dict_contains (options, "json"));
    }
  if (plan_commands > 1 || (plan_commands == 1 && (pdf_path != NULL || import_path != NULL || export_path != NULL ||
                                                    encoding != NULL)))
    {
      g_printerr (_("--findings, --snapshot and --export-actions each work alone: give one of them, and no other command.\n"));
      return EXIT_USAGE;
    }
  if (g_variant_dict_contains (options, "findings"))
    {
      if ((workspace = get_workspace (options, "--findings", NULL)) == NULL)
        return EXIT_USAGE;
      return findings (workspace, g_variant_dict_contains (options, "json"));
    }
  if (g_variant_dict_contains (options, "json"))
    {
      g_printerr (_("--json goes with --lookup, --scan-contract or --findings.\n"));
      return EXIT_USAGE;
    }
  if (label != NULL)
    {
      if (mamori_text_is_blank (label))
        {
          g_printerr (_("--snapshot needs a label, for example: --snapshot=\"2026年12月 取締役会\"\n"));
          return EXIT_USAGE;
        }
      if ((workspace = get_workspace (options, "--snapshot", "\"2026年12月 取締役会\"")) == NULL)
        return EXIT_USAGE;
      return snapshot (label, workspace);
    }
  if (actions_path != NULL)
    {
      if ((workspace = get_workspace (options, "--export-actions", "plan.xlsx")) == NULL)
        return EXIT_USAGE;
      return export_actions (actions_path, workspace);
    }

  if (pdf_path != NULL)
    {
      if ((workspace = get_workspace (options, "--export-pdf", "pack.pdf")) == NULL)
        return EXIT_USAGE;
      return export_pdf (pdf_path, workspace, options);
    }
  if (import_path != NULL && export_path != NULL)
    {
      g_printerr (_("Use --import-csv or --export-csv, not both at once.\n"));
      return EXIT_USAGE;
    }

  if (import_path != NULL)
    {
      if ((workspace = get_workspace (options, "--import-csv", "assets.csv")) == NULL)
        return EXIT_USAGE;
      return import_csv (import_path, workspace);
    }

  if (export_path != NULL)
    {
      if ((workspace = get_workspace (options, "--export-csv", "assets.csv")) == NULL)
        return EXIT_USAGE;
      return export_csv (export_path, workspace, encoding);
    }

  if (encoding != NULL)
    {
      g_printerr (_("--encoding goes with --export-csv.\n"));
      return EXIT_USAGE;
    }

  return -1;
}
