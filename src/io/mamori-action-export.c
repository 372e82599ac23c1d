/* mamori-action-export.c — the action plan as a spreadsheet or CSV file
 *
 * For people who plan in Excel: one row per action with its owner, due
 * date, status and the finding it came from. The .xlsx is written with
 * libxlsxwriter into a private folder of our own, then handed back as
 * bytes so that mamori_file_write() checks the destination and replaces it
 * in one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "mamori-i18n.h"

#include "mamori-action-export.h"

enum
{
  COLUMN_ID,
  COLUMN_TITLE,
  COLUMN_OWNER,
  COLUMN_DUE,
  COLUMN_STATUS,
  COLUMN_OVERDUE,
  COLUMN_REASON,
  COLUMN_BOARD,
  COLUMN_RESOLUTION,
  COLUMN_FINDING,
  COLUMN_SEVERITY,
  COLUMN_NOTE,
  COLUMN_UPDATED,
  N_COLUMNS
};

static const struct
{
  const char *title;
  double      width;
} columns[N_COLUMNS] = {
  /* Translators: column headings of the action plan export */
  { N_("No."), 6 },
  { N_("Action"), 40 },
  { N_("Owner"), 14 },
  { N_("Due"), 12 },
  { N_("Status"), 12 },
  { N_("Overdue"), 9 },
  { N_("Reason (won’t do)"), 24 },
  { N_("Needs a board decision"), 12 },
  { N_("Proposed resolution"), 32 },
  { N_("Finding"), 40 },
  { N_("Severity"), 9 },
  { N_("Note"), 32 },
  { N_("Last changed (UTC)"), 20 },
};

/* The cells of one action, as text (severity and number as text too, for
 * CSV; the workbook writes those two as numbers). */
static void
fill_row (MamoriAction *action,
          GPtrArray    *findings,
          const char   *today,
          char         *cells[N_COLUMNS])
{
  MamoriFinding *finding = mamori_findings_lookup (findings, action->finding_key);

  cells[COLUMN_ID] = g_strdup_printf ("%" G_GINT64_FORMAT, action->id);
  cells[COLUMN_TITLE] = g_strdup (action->title);
  cells[COLUMN_OWNER] = g_strdup (action->owner);
  cells[COLUMN_DUE] = g_strdup (action->due_on);
  cells[COLUMN_STATUS] = g_strdup (mamori_action_status_get_label (action->status));
  cells[COLUMN_OVERDUE] = g_strdup (mamori_action_is_overdue (action, today) ? _("Yes") : "");
  cells[COLUMN_REASON] = g_strdup (action->reason);
  cells[COLUMN_BOARD] = g_strdup (action->board_decision ? _("Yes") : "");
  cells[COLUMN_RESOLUTION] = g_strdup (action->resolution);
  cells[COLUMN_FINDING] = g_strdup (finding != NULL ? finding->title : "");
  cells[COLUMN_SEVERITY] = finding != NULL ? g_strdup_printf ("%d", mamori_finding_get_severity (finding)) : g_strdup ("");
  cells[COLUMN_NOTE] = g_strdup (action->note);
  cells[COLUMN_UPDATED] = g_strdup (action->updated_at);
}

static void
clear_row (char *cells[N_COLUMNS])
{
  for (int i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&cells[i], g_free);
}

/**
 * mamori_action_export_csv:
 * @findings: (nullable): the findings, to name the one each action came from
 * @today: YYYY-MM-DD, to mark overdue actions
 */
GBytes *
mamori_action_export_csv (GPtrArray          *actions,
                          GPtrArray          *findings,
                          const char         *today,
                          MamoriCsvEncoding   encoding,
                          GError            **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  const char *header[N_COLUMNS];

  g_return_val_if_fail (actions != NULL && today != NULL, NULL);

  for (int i = 0; i < N_COLUMNS; i++)
    header[i] = _(columns[i].title);
  mamori_csv_append_record (csv, header, N_COLUMNS);
  for (guint i = 0; i < actions->len; i++)
    {
      char *cells[N_COLUMNS] = { NULL };

      fill_row (g_ptr_array_index (actions, i), findings, today, cells);
      mamori_csv_append_record (csv, (const char * const *) cells, N_COLUMNS);
      clear_row (cells);
    }
  return mamori_csv_encode (csv, encoding, error);
}

static gboolean
check_xlsx (lxw_error   result,
            GError    **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s is the spreadsheet library's reason */
               _("The spreadsheet could not be made: %s."), lxw_strerror (result));
  return FALSE;
}

static gboolean
write_workbook (const char  *path,
                const char  *tmpdir,
                GPtrArray   *actions,
                GPtrArray   *findings,
                const char  *today,
                const char  *title,
                GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = (char *) tmpdir };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet;
  lxw_format *heading, *wrap, *late;
  lxw_doc_properties properties = { 0 };
  lxw_row_t row = 0;

  if (workbook == NULL)
    return check_xlsx (LXW_ERROR_CREATING_TMPFILE, error);

  /* Translators: the name of the sheet in the exported workbook (31 characters at most) */
  sheet = workbook_add_worksheet (workbook, _("Action Plan"));
  /* A translation Excel cannot take as a sheet name (over 31 characters,
   * or one of []:*?/\): a plain one. */
  if (sheet == NULL)
    sheet = workbook_add_worksheet (workbook, "Plan");
  heading = workbook_add_format (workbook);
  format_set_bold (heading);
  format_set_text_wrap (heading);
  format_set_bg_color (heading, 0xDDE5F0);
  format_set_border (heading, LXW_BORDER_THIN);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);
  late = workbook_add_format (workbook);
  format_set_text_wrap (late);
  format_set_align (late, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color (late, 0xC01C28);
  format_set_bold (late);

  properties.title = (char *) title;
  properties.author = (char *) "Mamori";
  workbook_set_properties (workbook, &properties);

  for (lxw_col_t col = 0; col < N_COLUMNS; col++)
    {
      worksheet_set_column (sheet, col, col, columns[col].width, NULL);
      worksheet_write_string (sheet, row, col, _(columns[col].title), heading);
    }
  worksheet_freeze_panes (sheet, 1, 2);
  for (guint i = 0; i < actions->len; i++)
    {
      MamoriAction *action = g_ptr_array_index (actions, i);
      char *cells[N_COLUMNS] = { NULL };

      row++;
      fill_row (action, findings, today, cells);
      for (lxw_col_t col = 0; col < N_COLUMNS; col++)
        {
          lxw_format *format = col == COLUMN_OVERDUE && cells[col][0] != '\0' ? late : wrap;

          if ((col == COLUMN_ID || col == COLUMN_SEVERITY) && cells[col][0] != '\0')
            worksheet_write_number (sheet, row, col, g_ascii_strtod (cells[col], NULL), wrap);
          else if (cells[col][0] != '\0')
            worksheet_write_string (sheet, row, col, cells[col], format);
        }
      clear_row (cells);
    }
  if (actions->len > 0)
    worksheet_autofilter (sheet, 0, 0, row, N_COLUMNS - 1);

  return check_xlsx (workbook_close (workbook), error);
}

/**
 * mamori_action_export_xlsx:
 * @findings: (nullable): the findings, to name the one each action came from
 * @today: YYYY-MM-DD, to mark overdue actions
 * @title: (nullable): the workbook's title (its document properties)
 *
 * Returns: (transfer full): the workbook, one sheet with a row per action
 */
GBytes *
mamori_action_export_xlsx (GPtrArray   *actions,
                           GPtrArray   *findings,
                           const char  *today,
                           const char  *title,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean written;

  g_return_val_if_fail (actions != NULL && today != NULL, NULL);

  /* Private (0700): the plan can name what the company protects. */
  tmpdir = g_dir_make_tmp ("mamori-xlsx-XXXXXX", error);
  if (tmpdir == NULL)
    return NULL;
  path = g_build_filename (tmpdir, "plan.xlsx", NULL);
  written = write_workbook (path, tmpdir, actions, findings, today, title != NULL ? title : "", error) &&
            g_file_get_contents (path, &data, &length, error);
  g_unlink (path);
  g_rmdir (tmpdir);
  if (!written)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), length);
}
