/* mamori-doc.c — a document of blocks, as the pack builders make it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "report/mamori-layout-private.h"

static void
row_clear_layouts (Row *row)
{
  guint n = g_strv_length (row->cells);

  for (guint i = 0; row->layouts != NULL && i < n; i++)
    g_clear_object (&row->layouts[i]);
  g_clear_pointer (&row->layouts, g_free);
}

static void
row_free (Row *row)
{
  row_clear_layouts (row);
  g_strfreev (row->cells);
  g_free (row);
}

static void
bar_free (Bar *bar)
{
  g_free (bar->label);
  g_free (bar->values);
  g_free (bar->value_text);
  g_clear_object (&bar->label_layout);
  g_clear_object (&bar->value_layout);
  g_free (bar);
}

/* What measuring made: dropped while the shared font map is held. */
void
mamori_doc_block_clear_layouts (Block *block)
{
  g_clear_object (&block->layout);
  if (block->layouts != NULL)
    {
      guint n = block->kind == BLOCK_FIGURES ? 2 * block->n : block->n;

      for (guint i = 0; i < n; i++)
        g_clear_object (&block->layouts[i]);
      g_clear_pointer (&block->layouts, g_free);
    }
  g_clear_pointer (&block->entries, g_ptr_array_unref);
  g_clear_pointer (&block->targets, g_array_unref);
  if (block->table != NULL)
    {
      if (block->table->header != NULL)
        row_clear_layouts (block->table->header);
      for (guint i = 0; i < block->table->rows->len; i++)
        row_clear_layouts (g_ptr_array_index (block->table->rows, i));
    }
  if (block->chart != NULL)
    {
      for (guint i = 0; block->chart->series_layouts != NULL && i < block->chart->n_series; i++)
        g_clear_object (&block->chart->series_layouts[i]);
      g_clear_pointer (&block->chart->series_layouts, g_free);
      for (guint i = 0; i < block->chart->bars->len; i++)
        {
          Bar *bar = g_ptr_array_index (block->chart->bars, i);

          g_clear_object (&bar->label_layout);
          g_clear_object (&bar->value_layout);
        }
    }
}

static void
block_free (Block *block)
{
  mamori_doc_block_clear_layouts (block);
  g_free (block->text);
  g_strfreev (block->values);
  g_strfreev (block->labels);
  g_free (block->colors);
  if (block->table != NULL)
    {
      g_clear_pointer (&block->table->header, row_free);
      g_ptr_array_unref (block->table->rows);
      g_free (block->table->widths);
      g_free (block->table);
    }
  if (block->chart != NULL)
    {
      g_strfreev (block->chart->series);
      g_free (block->chart->colors);
      g_ptr_array_unref (block->chart->bars);
      g_free (block->chart);
    }
  g_free (block);
}

MamoriDoc *
mamori_doc_new (void)
{
  MamoriDoc *doc = g_new0 (MamoriDoc, 1);

  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return doc;
}

void
mamori_doc_free (MamoriDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

static Block *
add_block (MamoriDoc *doc,
           BlockKind  kind,
           int        style,
           const char *text)
{
  Block *block;

  /* Blocks go after a table or chart, not inside it. */
  if (doc->open != NULL)
    {
      g_critical ("A block was added to a document before its table or chart was ended");
      doc->open = NULL;
    }
  block = g_new0 (Block, 1);
  block->kind = kind;
  block->style = style;
  block->text = g_strdup (text != NULL ? text : "");
  block->heading = -1;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
mamori_doc_heading (MamoriDoc  *doc,
                    int         level,
                    const char *text)
{
  Block *block;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (level >= 1 && level <= 3);

  block = add_block (doc, BLOCK_HEADING, level, text);
  block->heading = doc->n_headings++;
}

void
mamori_doc_text (MamoriDoc       *doc,
                 MamoriTextStyle  style,
                 const char      *text)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (style < MAMORI_N_TEXT_STYLES);
  add_block (doc, BLOCK_TEXT, style, text);
}

void
mamori_doc_bullet (MamoriDoc       *doc,
                   MamoriTextStyle  style,
                   const char      *text)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (style < MAMORI_N_TEXT_STYLES);
  add_block (doc, BLOCK_BULLET, style, text);
}

void
mamori_doc_spacer (MamoriDoc *doc,
                   double     points)
{
  g_return_if_fail (doc != NULL);
  add_block (doc, BLOCK_SPACER, 0, NULL)->space = points;
}

void
mamori_doc_page_break (MamoriDoc *doc)
{
  g_return_if_fail (doc != NULL);
  add_block (doc, BLOCK_PAGE_BREAK, 0, NULL);
}

void
mamori_doc_contents (MamoriDoc  *doc,
                     const char *title)
{
  g_return_if_fail (doc != NULL);
  add_block (doc, BLOCK_CONTENTS, 0, title);
}

void
mamori_doc_keep_begin (MamoriDoc *doc)
{
  g_return_if_fail (doc != NULL);
  add_block (doc, BLOCK_KEEP_BEGIN, 0, NULL);
}

void
mamori_doc_keep_end (MamoriDoc *doc)
{
  g_return_if_fail (doc != NULL);
  add_block (doc, BLOCK_KEEP_END, 0, NULL);
}

static char **
strv_copy_n (const char * const *strv,
             guint               n)
{
  char **copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (strv[i] != NULL ? strv[i] : "");
  return copy;
}

void
mamori_doc_table_begin (MamoriDoc          *doc,
                        guint               n_columns,
                        const double       *widths,
                        const char * const *headers)
{
  Block *block;
  Table *table;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (n_columns > 0 && widths != NULL);

  block = add_block (doc, BLOCK_TABLE, 0, NULL);
  table = block->table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->widths = g_memdup2 (widths, n_columns * sizeof (double));
  table->plain = headers == NULL;
  if (headers != NULL)
    {
      table->header = g_new0 (Row, 1);
      table->header->cells = strv_copy_n (headers, n_columns);
    }
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  doc->open = block;
}

void
mamori_doc_table_row_marked (MamoriDoc          *doc,
                             guint32             color,
                             const char * const *cells)
{
  Row *row;

  g_return_if_fail (doc != NULL && cells != NULL);
  g_return_if_fail (doc->open != NULL && doc->open->kind == BLOCK_TABLE);

  row = g_new0 (Row, 1);
  row->cells = strv_copy_n (cells, doc->open->table->n_columns);
  row->chip = color;
  if (color != 0)
    doc->open->table->chips = TRUE;
  g_ptr_array_add (doc->open->table->rows, row);
}

void
mamori_doc_table_row (MamoriDoc          *doc,
                      const char * const *cells)
{
  mamori_doc_table_row_marked (doc, 0, cells);
}

void
mamori_doc_table_keep_words (MamoriDoc *doc,
                             guint      column)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (doc->open != NULL && doc->open->kind == BLOCK_TABLE);
  g_return_if_fail (column < doc->open->table->n_columns && column < 32);

  doc->open->table->words |= 1u << column;
}

void
mamori_doc_table_end (MamoriDoc *doc)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (doc->open != NULL && doc->open->kind == BLOCK_TABLE);
  doc->open = NULL;
}

void
mamori_doc_chart_begin (MamoriDoc          *doc,
                        const char         *title,
                        guint               n_series,
                        const char * const *series,
                        const guint32      *colors,
                        double              max)
{
  Block *block;
  Chart *chart;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (n_series > 0 && series != NULL && colors != NULL);

  block = add_block (doc, BLOCK_CHART, 0, title);
  chart = block->chart = g_new0 (Chart, 1);
  chart->n_series = n_series;
  chart->series = strv_copy_n (series, n_series);
  chart->colors = g_memdup2 (colors, n_series * sizeof (guint32));
  chart->max = max;
  chart->bars = g_ptr_array_new_with_free_func ((GDestroyNotify) bar_free);
  doc->open = block;
}

void
mamori_doc_chart_bar (MamoriDoc    *doc,
                      const char   *label,
                      const double *values,
                      const char   *value_text)
{
  mamori_doc_chart_bar_colored (doc, label, values, value_text, 0);
}

void
mamori_doc_chart_bar_colored (MamoriDoc    *doc,
                              const char   *label,
                              const double *values,
                              const char   *value_text,
                              guint32       color)
{
  Chart *chart;
  Bar *bar;

  g_return_if_fail (doc != NULL && values != NULL);
  g_return_if_fail (doc->open != NULL && doc->open->kind == BLOCK_CHART);

  chart = doc->open->chart;
  bar = g_new0 (Bar, 1);
  bar->label = g_strdup (label != NULL ? label : "");
  bar->values = g_memdup2 (values, chart->n_series * sizeof (double));
  bar->value_text = g_strdup (value_text != NULL ? value_text : "");
  bar->color = color;
  g_ptr_array_add (chart->bars, bar);
}

void
mamori_doc_chart_end (MamoriDoc *doc)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (doc->open != NULL && doc->open->kind == BLOCK_CHART);
  doc->open = NULL;
}

void
mamori_doc_figures (MamoriDoc          *doc,
                    guint               n,
                    const char * const *values,
                    const char * const *labels,
                    const guint32      *colors)
{
  Block *block;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (n > 0 && values != NULL && labels != NULL && colors != NULL);

  block = add_block (doc, BLOCK_FIGURES, 0, NULL);
  block->n = n;
  block->values = strv_copy_n (values, n);
  block->labels = strv_copy_n (labels, n);
  block->colors = g_memdup2 (colors, n * sizeof (guint32));
}

void
mamori_doc_approval (MamoriDoc          *doc,
                     const char         *title,
                     const char * const *roles)
{
  Block *block;

  g_return_if_fail (doc != NULL && roles != NULL);

  block = add_block (doc, BLOCK_APPROVAL, 0, title);
  block->n = g_strv_length ((char **) roles);
  block->labels = strv_copy_n (roles, block->n);
}

