/* mamori-layout.c — a document of blocks, paginated and drawn into a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps. Laying out measures every block once with Pango (each piece of
 * text becomes one PangoLayout, kept) and places it on pages as items: text
 * (a layout, or some of its lines when a paragraph is split), filled and
 * stroked rectangles, contents entries. Drawing then walks the pages and
 * draws the items with cairo, adding what only the whole document knows:
 * "n / N", the contents' page numbers, the PDF outline.
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <math.h>

#include "mamori-i18n.h"
#include "report/mamori-layout-private.h"

const FontStyle mamori_layout_font_styles[N_FONTS] = {
  [FONT_BODY]      = { 9.5, FALSE, 0x241f31 },
  [FONT_SMALL]     = { 8.0, FALSE, 0x241f31 },
  [FONT_MUTED]     = { 7.5, FALSE, 0x5e5c64 },
  [FONT_STRONG]    = { 9.5, TRUE,  0x241f31 },
  [FONT_WARNING]   = { 9.5, TRUE,  0xa51d2d },
  [FONT_TITLE]     = { 24.0, TRUE, 0x241f31 },
  [FONT_SUBTITLE]  = { 13.0, FALSE, 0x3d3846 },
  [FONT_H1]        = { 15.0, TRUE, 0x1a5fb4 },
  [FONT_H2]        = { 11.5, TRUE, 0x241f31 },
  [FONT_H3]        = { 10.0, TRUE, 0x241f31 },
  [FONT_CELL]      = { 8.0, FALSE, 0x241f31 },
  [FONT_CELL_BOLD] = { 8.0, TRUE,  0x241f31 },
  [FONT_FIGURE]    = { 20.0, TRUE, 0x241f31 },
  [FONT_MARGIN]    = { 7.5, FALSE, 0x5e5c64 },
  [FONT_MARK]      = { 9.0, TRUE,  0xa51d2d },
};

G_DEFINE_QUARK (mamori-report-error-quark, mamori_report_error)

static GMutex font_map_lock;
static PangoFontMap *font_map;

/* Fonts */

/* Families known to look right in Japanese documents, best first; any other
 * family that covers Japanese does too.  IPAexGothic comes first because it is
 * TrueType: cairo subsets it to the glyphs used (a 3-page pack is ~120 KB),
 * while the CFF subsets of Noto Sans CJK keep ~28,000 local subroutines
 * (1 MB for the same pages).  It has no bold face; cairo emboldens it. */
static const char * const preferred_families[] = {
  "IPAexGothic",
  "Noto Sans CJK JP",
  "Noto Sans JP",
  "Source Han Sans JP",
  "IPAGothic",
  "Takao Gothic",
  "VL Gothic",
  "Noto Serif CJK JP",
};

/**
 * mamori_layout_dup_font_family:
 *
 * Finds, through fontconfig, a font family that covers Japanese.
 *
 * Returns: (transfer full): its name, or %NULL with
 *   %MAMORI_REPORT_ERROR_NO_FONT if none is installed
 */
char *
mamori_layout_dup_font_family (GError **error)
{
  FcPattern *pattern;
  FcLangSet *languages;
  FcObjectSet *objects;
  FcFontSet *fonts;
  char *best = NULL;
  guint best_rank = G_N_ELEMENTS (preferred_families) + 1;

  pattern = FcPatternCreate ();
  languages = FcLangSetCreate ();
  FcLangSetAdd (languages, (const FcChar8 *) "ja");
  FcPatternAddLangSet (pattern, FC_LANG, languages);
  objects = FcObjectSetBuild (FC_FAMILY, NULL);
  fonts = FcFontList (NULL, pattern, objects);

  for (int i = 0; fonts != NULL && i < fonts->nfont; i++)
    {
      FcChar8 *family = NULL;
      guint rank = G_N_ELEMENTS (preferred_families);

      if (FcPatternGetString (fonts->fonts[i], FC_FAMILY, 0, &family) != FcResultMatch)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (preferred_families); j++)
        if (g_str_equal ((const char *) family, preferred_families[j]))
          rank = j;
      /* Monospaced families set prose badly. */
      if (strstr ((const char *) family, "Mono") != NULL)
        rank = G_N_ELEMENTS (preferred_families);
      if (rank < best_rank)
        {
          g_free (best);
          best = g_strdup ((const char *) family);
          best_rank = rank;
        }
    }

  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcLangSetDestroy (languages);
  FcPatternDestroy (pattern);

  if (best == NULL)
    g_set_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_NO_FONT,
                 _("No Japanese font is installed, so the PDF would show empty boxes instead of text. "
                   "Install the “fonts-ipaexfont-gothic” or “fonts-noto-cjk” package and try again."));
  return best;
}

/* Typesetting */

/* Texts longer than this (bytes) are prose: no no-break ranges, and as table
 * cells not measured for the width their words need. */
#define MAX_MEASURED_CELL 2000

/* Where English quotes come from (fonts-dejavu-core, which fontconfig
 * itself depends on; else fontconfig's nearest sans). */
#define LATIN_QUOTES_FAMILY "DejaVu Sans"

/* What a line never breaks inside: dates, times, numbers with their sign or
 * unit, in either language. */
static GRegex *
unbreakable_regex (void)
{
  static gsize once;
  static GRegex *regex;

  if (g_once_init_enter (&once))
    {
#define MONTHS "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#define TIME "(?: \\d{1,2}:\\d{2})?"
      regex = g_regex_new ("\\d{1,2} " MONTHS " \\d{4}" TIME
                           "|" MONTHS " \\d{1,2}, \\d{4}" TIME
                           "|\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{1,2}:\\d{2})?"
                           "|\\d{1,4}年(?:\\d{1,2}月(?:\\d{1,2}日" TIME ")?)?"
                           "|\\d{1,2}月\\d{1,2}日"
                           "|前回比 ?[±+−-]?\\d[\\d,.]*"
                           "|[±+−-]?\\d[\\d,.:]*(?:件|個|名|社|回|日間|日|時間|か月|ページ|倍|点|項目|%|％"
                           "| (?:days?|pages?|items?|assets?|findings?|%))?",
                           G_REGEX_OPTIMIZE, 0, NULL);
#undef MONTHS
#undef TIME
      g_once_init_leave (&once, 1);
    }
  return regex;
}

static gboolean
is_closing_punctuation (gunichar c)
{
  return c != 0 && g_utf8_strchr ("、。，．」』）】〕〉》〙〗”’", -1, c) != NULL;
}

static gboolean
is_opening_punctuation (gunichar c)
{
  return c != 0 && g_utf8_strchr ("「『（【〔〈《〘〖“‘", -1, c) != NULL;
}

static void
insert_range (PangoAttrList  *list,
              PangoAttribute *attribute,
              gsize           start,
              gsize           end)
{
  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (list, attribute);
}

/* The attributes of @text: the document's, plus no breaks inside dates,
 * numbers and (with @words) each space-separated word, and two adjacent
 * Japanese punctuation marks set without the em space between them (the
 * font's `halt` feature on the first closing mark, or on the second opening
 * one: 「）」、」 reads as 「）」、」 in print, not with 1.5 em of air).
 * %NULL when the document's own do. */
static PangoAttrList *
text_attributes (Layout     *layout,
                 const char *text,
                 gboolean    words)
{
  PangoAttrList *list = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gunichar previous = 0;
  const char *previous_at = NULL;
  gboolean english = g_strcmp0 (layout->setup->language, MAMORI_LANG_EN) == 0;

#define LIST() (list != NULL ? list : (list = pango_attr_list_copy (layout->attributes)))

  /* Pango 1.50 applies each no-break range over the whole text: in a long
   * text (a record's notes, prose) hundreds of them cost seconds, so long
   * texts break as they may. */
  if (strlen (text) <= MAX_MEASURED_CELL && g_regex_match (unbreakable_regex (), text, 0, &match))
    do
      {
        int start, end;

        if (g_match_info_fetch_pos (match, 0, &start, &end) && end - start > 1)
          insert_range (LIST (), pango_attr_allow_breaks_new (FALSE), start, end);
      }
    while (g_match_info_next (match, NULL));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* In English, curly quotes and apostrophes from a Latin font: a
       * Japanese font's are an em wide ("workspace’ s"), and IPAex has no
       * proportional form of them. */
      if (english && (c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D))
        insert_range (LIST (), pango_attr_family_new (LATIN_QUOTES_FAMILY), p - text, g_utf8_next_char (p) - text);

      if (previous_at != NULL && is_closing_punctuation (previous) &&
          (is_closing_punctuation (c) || is_opening_punctuation (c)))
        insert_range (LIST (), pango_attr_font_features_new ("halt"), previous_at - text, p - text);
      else if (previous_at != NULL && is_opening_punctuation (previous) && is_opening_punctuation (c))
        insert_range (LIST (), pango_attr_font_features_new ("halt"), p - text, g_utf8_next_char (p) - text);
      previous = c;
      previous_at = p;
    }

  if (words && strlen (text) <= MAX_MEASURED_CELL)
    for (const char *p = text; *p != '\0';)
      {
        const char *end = p;

        while (*end != '\0' && *end != ' ' && !g_str_has_prefix (end, "　"))
          end++;
        if (end - p > 1)
          insert_range (LIST (), pango_attr_allow_breaks_new (FALSE), p - text, end - text);
        p = *end == ' ' ? end + 1 : *end != '\0' ? end + strlen ("　") : end;
      }
#undef LIST

  return list;
}

/* Measuring */

static PangoLayout *
new_text (Layout         *layout,
          int             font,
          const char     *text,
          double          width,
          PangoAlignment  alignment,
          gboolean        words)
{
  PangoLayout *result = pango_layout_new (layout->context);
  PangoAttrList *attributes = text_attributes (layout, text, words);

  pango_layout_set_font_description (result, layout->fonts[font]);
  pango_layout_set_width (result, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (result, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (result, alignment);
  pango_layout_set_text (result, text, -1);
  pango_layout_set_attributes (result, attributes != NULL ? attributes : layout->attributes);
  if (attributes != NULL)
    pango_attr_list_unref (attributes);
  return result;
}

PangoLayout *
mamori_layout_new_text (Layout     *layout,
                        int         font,
                        const char *text,
                        double      width,
                        PangoAlignment alignment)
{
  return new_text (layout, font, text, width, alignment, FALSE);
}

/* Whether @text had to be broken where a line may not break (inside a word
 * or a date) or runs past its width: its column is too narrow for it. */
static gboolean
text_forced (PangoLayout *text)
{
  const PangoLogAttr *attrs;
  const char *chars = pango_layout_get_text (text);
  int width, n_attrs;
  gboolean first = TRUE;
  glong offset = 0;
  int counted = 0;

  pango_layout_get_size (text, &width, NULL);
  if (width > pango_layout_get_width (text))
    return TRUE;
  attrs = pango_layout_get_log_attrs_readonly (text, &n_attrs);
  for (GSList *l = pango_layout_get_lines_readonly (text); l != NULL; l = l->next, first = FALSE)
    {
      PangoLayoutLine *line = l->data;

      /* Counted on from the line before: linear in the text's length. */
      offset += g_utf8_strlen (chars + counted, line->start_index - counted);
      counted = line->start_index;
      if (!first && offset < n_attrs && !attrs[offset].is_line_break)
        return TRUE;
    }
  return FALSE;
}

/* The width @text needs so that it breaks only where lines may break. */
static double
text_min_width (PangoLayout *text)
{
  g_autoptr(PangoLayout) copy = pango_layout_copy (text);
  int width;

  pango_layout_set_width (copy, 1);
  pango_layout_set_wrap (copy, PANGO_WRAP_WORD);
  pango_layout_get_size (copy, &width, NULL);
  return (double) width / PANGO_SCALE;
}

double
mamori_layout_text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* At most @lines lines, the last one ending in "…" if there is more: for
 * what has a place of its own (headings, labels), unlike paragraphs and
 * table cells, which go on over the page. */
static PangoLayout *
cap_lines (PangoLayout *text,
           int          lines)
{
  pango_layout_set_height (text, -lines);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  return text;
}

static int
text_font (int style)
{
  switch (style)
    {
    case MAMORI_TEXT_SMALL:    return FONT_SMALL;
    case MAMORI_TEXT_MUTED:    return FONT_MUTED;
    case MAMORI_TEXT_STRONG:   return FONT_STRONG;
    case MAMORI_TEXT_WARNING:  return FONT_WARNING;
    case MAMORI_TEXT_TITLE:    return FONT_TITLE;
    case MAMORI_TEXT_SUBTITLE: return FONT_SUBTITLE;
    default:                   return FONT_BODY;
    }
}

static int
heading_font (int level)
{
  return level == 1 ? FONT_H1 : level == 2 ? FONT_H2 : FONT_H3;
}

#define BULLET_INDENT 11.0

static void
report_progress (Layout *layout,
                 double  fraction)
{
  if (layout->progress != NULL && fraction - layout->reported >= 0.01)
    {
      layout->reported = fraction;
      layout->progress (fraction, layout->progress_data);
    }
}

/* The layout step is the first 60 % of the work, drawing the rest. */
static void
unit_done (Layout *layout)
{
  layout->units_done++;
  if ((layout->units_done & 63) == 0)
    report_progress (layout, 0.6 * layout->units_done / MAX (layout->units, 1));
}

typedef struct
{
  PangoLayout *layout;
  double       height;
  double       need;     /* the width its column needs, or 0 if it fits */
} CachedCell;

static void
cached_cell_free (CachedCell *cell)
{
  g_object_unref (cell->layout);
  g_free (cell);
}

/* Lays out @row's cells in the columns' widths; @needs (if not %NULL)
 * collects the width each column would need for cells that do not fit. */
static double
measure_row (Layout *layout,
             Table  *table,
             Row    *row,
             gboolean header,
             double  *needs)
{
  double height = 0;

  row->layouts = g_new0 (PangoLayout *, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      int font = header || (table->plain && i == 0) ? FONT_CELL_BOLD : FONT_CELL;
      gboolean words = (table->words & (1u << i)) != 0;
      double width = table->widths[i] - 2 * CELL_PAD_X;
      g_autofree char *key = NULL;
      CachedCell *cached = NULL;
      gboolean owned = FALSE;

      /* Registers repeat their short cells (a category, a department, "—")
       * thousands of times: each is laid out once per width. */
      if (strlen (row->cells[i]) < 96)
        {
          key = g_strdup_printf ("%d %d %d %s", font, words, (int) (width * PANGO_SCALE), row->cells[i]);
          cached = g_hash_table_lookup (layout->cells, key);
        }
      if (cached == NULL)
        {
          cached = g_new0 (CachedCell, 1);
          cached->layout = new_text (layout, font, row->cells[i], width, PANGO_ALIGN_LEFT, words);
          cached->height = mamori_layout_text_height (cached->layout);
          /* Only short cells: a long one is prose, where a long word may break. */
          if (row->cells[i][0] != '\0' && strlen (row->cells[i]) <= MAX_MEASURED_CELL &&
              text_forced (cached->layout))
            cached->need = text_min_width (cached->layout) + 2 * CELL_PAD_X;
          if (key != NULL)
            g_hash_table_insert (layout->cells, g_steal_pointer (&key), cached);
          else
            owned = TRUE;
        }
      row->layouts[i] = g_object_ref (cached->layout);
      height = MAX (height, cached->height);
      if (needs != NULL)
        needs[i] = MAX (needs[i], cached->need);
      if (owned)
        cached_cell_free (cached);
    }
  row->height = height + 2 * CELL_PAD_Y;
  return row->height;
}

static double
measure_rows (Layout   *layout,
              Table    *table,
              double   *needs,
              gboolean  first)
{
  double height = table->header != NULL ? measure_row (layout, table, table->header, TRUE, needs) : 0;

  for (guint i = 0; i < table->rows->len; i++)
    {
      height += measure_row (layout, table, g_ptr_array_index (table->rows, i), FALSE, needs);
      if (first)
        unit_done (layout);
    }
  return height;
}

/* Columns get at least the width their words, dates and names need (their
 * widest unbreakable piece), taken from the columns with room to spare; FALSE
 * if they all fit already, or if there is no room to give. */
static gboolean
widen_columns (Table        *table,
               const double *needs)
{
  double deficit = 0, spare = 0, share;

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (needs[i] > table->widths[i])
        deficit += needs[i] - table->widths[i];
      else
        spare += table->widths[i] - MAX (needs[i], table->widths[i] * 0.6);
    }
  if (deficit <= 0.5 || spare <= 0.5)
    return FALSE;
  /* What there is room for: all of it, or each column its share; the
   * table never grows wider than it was. */
  share = MIN (deficit, spare);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (needs[i] > table->widths[i])
        table->widths[i] += (needs[i] - table->widths[i]) * share / deficit;
      else
        table->widths[i] -= share * (table->widths[i] - MAX (needs[i], table->widths[i] * 0.6)) / spare;
    }
  return TRUE;
}

static double
measure_block (Layout *layout,
               Block  *block)
{
  double width = layout->width;

  if (block->height > 0 || block->layout != NULL)
    return block->height;

  switch (block->kind)
    {
    case BLOCK_HEADING:
      block->layout = cap_lines (mamori_layout_new_text (layout, heading_font (block->style), block->text, width,
                                                         PANGO_ALIGN_LEFT), 3);
      block->height = mamori_layout_text_height (block->layout) + (block->style == 1 ? 6 : 0);
      break;

    case BLOCK_TEXT:
      block->layout = mamori_layout_new_text (layout, text_font (block->style), block->text, width,
                                  block->style == MAMORI_TEXT_TITLE || block->style == MAMORI_TEXT_SUBTITLE
                                  ? PANGO_ALIGN_LEFT : PANGO_ALIGN_LEFT);
      block->height = mamori_layout_text_height (block->layout);
      break;

    case BLOCK_BULLET:
      block->layout = mamori_layout_new_text (layout, text_font (block->style), block->text, width - BULLET_INDENT,
                                  PANGO_ALIGN_LEFT);
      block->height = mamori_layout_text_height (block->layout);
      break;

    case BLOCK_TABLE:
      {
        Table *table = block->table;
        double total = 0, x = table->chips ? CHIP_WIDTH : 0;

        for (guint i = 0; i < table->n_columns; i++)
          total += table->widths[i];
        g_autofree double *needs = g_new0 (double, table->n_columns);

        for (guint i = 0; i < table->n_columns; i++)
          table->widths[i] = (width - x) * table->widths[i] / total;
        block->height = measure_rows (layout, table, needs, TRUE);
        /* Widened, a column takes room from others, where a date that fitted
         * may no longer fit: measured again, a few times at most. */
        for (int pass = 0; pass < 3 && widen_columns (table, needs); pass++)
          {
            mamori_doc_block_clear_layouts (block);
            block->height = measure_rows (layout, table, needs, FALSE);
          }
      }
      break;

    case BLOCK_CHART:
      {
        Chart *chart = block->chart;

        block->layout = cap_lines (mamori_layout_new_text (layout, FONT_H3, block->text, width, PANGO_ALIGN_LEFT), 2);
        block->height = mamori_layout_text_height (block->layout) + 4;
        for (guint i = 0; i < chart->bars->len; i++)
          {
            Bar *bar = g_ptr_array_index (chart->bars, i);

            bar->label_layout = cap_lines (mamori_layout_new_text (layout, FONT_CELL, bar->label, width * 0.3 - 6,
                                                                   PANGO_ALIGN_LEFT), 2);
            bar->value_layout = cap_lines (mamori_layout_new_text (layout, FONT_CELL, bar->value_text, width * 0.16,
                                                                   PANGO_ALIGN_RIGHT), 1);
            bar->height = MAX (MAX (mamori_layout_text_height (bar->label_layout), mamori_layout_text_height (bar->value_layout)), 11) + 5;
            block->height += bar->height;
          }
        if (chart->n_series > 1)
          {
            double available = width * 0.7 - 6, wanted = 0;

            chart->series_layouts = g_new0 (PangoLayout *, chart->n_series);
            /* The legend is one line: the names whole if they fit on it,
             * else each gets its share. */
            for (guint i = 0; i < chart->n_series; i++)
              {
                int natural;

                chart->series_layouts[i] = cap_lines (mamori_layout_new_text (layout, FONT_MUTED, chart->series[i], -1,
                                                                              PANGO_ALIGN_LEFT), 1);
                pango_layout_get_size (chart->series_layouts[i], &natural, NULL);
                wanted += (double) natural / PANGO_SCALE + 22;
              }
            for (guint i = 0; i < chart->n_series; i++)
              {
                if (wanted > available)
                  pango_layout_set_width (chart->series_layouts[i],
                                          (int) ((available / chart->n_series - 22) * PANGO_SCALE));
                chart->legend_height = MAX (chart->legend_height, mamori_layout_text_height (chart->series_layouts[i]) + 6);
              }
            block->height += chart->legend_height;
          }
      }
      break;

    case BLOCK_FIGURES:
      {
        double tile = (width - (block->n - 1) * 8) / block->n;
        double values = 0, labels = 0;

        block->layouts = g_new0 (PangoLayout *, 2 * block->n);
        for (guint i = 0; i < block->n; i++)
          {
            block->layouts[i] = cap_lines (mamori_layout_new_text (layout, FONT_FIGURE, block->values[i], tile - 10,
                                                                   PANGO_ALIGN_CENTER), 1);
            block->layouts[block->n + i] = cap_lines (mamori_layout_new_text (layout, FONT_SMALL, block->labels[i],
                                                                              tile - 10, PANGO_ALIGN_CENTER), 4);
            values = MAX (values, mamori_layout_text_height (block->layouts[i]));
            labels = MAX (labels, mamori_layout_text_height (block->layouts[block->n + i]));
          }
        block->space = labels;
        block->height = 3 + 6 + labels + 2 + values + 5;
      }
      break;

    case BLOCK_APPROVAL:
      {
        double box = MIN (76, width / MAX (block->n, 1));
        double roles = 0;

        block->layout = cap_lines (mamori_layout_new_text (layout, FONT_CELL_BOLD, block->text, width, PANGO_ALIGN_RIGHT), 1);
        block->layouts = g_new0 (PangoLayout *, block->n);
        for (guint i = 0; i < block->n; i++)
          {
            block->layouts[i] = cap_lines (mamori_layout_new_text (layout, FONT_CELL, block->labels[i], box - 4,
                                                                   PANGO_ALIGN_CENTER), 2);
            roles = MAX (roles, mamori_layout_text_height (block->layouts[i]));
          }
        block->space = roles + 2 * CELL_PAD_Y;
        block->height = mamori_layout_text_height (block->layout) + 3 + block->space + STAMP_HEIGHT;
      }
      break;

    case BLOCK_CONTENTS:
    case BLOCK_SPACER:
    case BLOCK_PAGE_BREAK:
    case BLOCK_KEEP_BEGIN:
    case BLOCK_KEEP_END:
    default:
      break;
    }

  return block->height;
}

static double
space_after (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING: return block->style == 1 ? 8 : 4;
    case BLOCK_TEXT:    return block->style == MAMORI_TEXT_TITLE ? 10 : 5;
    case BLOCK_BULLET:  return 2.5;
    case BLOCK_TABLE:   return 10;
    case BLOCK_CHART:   return 12;
    case BLOCK_FIGURES: return 12;
    case BLOCK_APPROVAL: return 12;
    case BLOCK_SPACER:  return block->space;
    default:            return 0;
    }
}

/* Placing */

static void
new_page (Layout *layout)
{
  layout->page = g_array_new (FALSE, TRUE, sizeof (Item));
  g_ptr_array_add (layout->pages, layout->page);
  layout->y = layout->top;
}

static gboolean
at_top (Layout *layout)
{
  return layout->y <= layout->top + 0.5;
}

static gboolean
fits (Layout *layout,
      double  height)
{
  return layout->y + height <= layout->bottom + 0.01;
}

/* A new page unless @height fits here, or could fit nowhere better. */
static void
make_room (Layout *layout,
           double  height)
{
  if (!fits (layout, height) && !at_top (layout))
    new_page (layout);
}

static Item *
add_item (Layout   *layout,
          ItemKind  kind,
          double    x,
          double    y,
          double    w,
          double    h,
          guint32   color)
{
  Item item = { kind, x, y, w, h, NULL, 0, -1, color, -1 };

  g_array_append_val (layout->page, item);
  return &g_array_index (layout->page, Item, layout->page->len - 1);
}

static void
add_text (Layout      *layout,
          PangoLayout *text,
          double       x,
          double       y,
          guint32      color)
{
  add_item (layout, ITEM_TEXT, x, y, 0, 0, color)->layout = text;
}

/* Places a paragraph, splitting it between lines where the page ends. */
/* The top and bottom of each line of @text, in its own coordinates. */
static void
line_extents (PangoLayout *text,
              GArray      *tops,
              GArray      *bottoms)
{
  PangoLayoutIter *iter = pango_layout_get_iter (text);

  do
    {
      int y0, y1;
      double top, bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      bottom = (double) y1 / PANGO_SCALE;
      g_array_append_val (tops, top);
      g_array_append_val (bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
place_lines (Layout      *layout,
             PangoLayout *text,
             double       x,
             guint32      color)
{
  GArray *tops, *bottoms;
  int n, start = 0;

  if (fits (layout, mamori_layout_text_height (text)))
    {
      add_text (layout, text, x, layout->y, color);
      layout->y += mamori_layout_text_height (text);
      return;
    }

  tops = g_array_new (FALSE, FALSE, sizeof (double));
  bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  line_extents (text, tops, bottoms);

  n = tops->len;
  while (start < n)
    {
      double first = g_array_index (tops, double, start);
      int end = start;
      Item *item;

      while (end < n && fits (layout, g_array_index (bottoms, double, end) - first))
        end++;
      if (end == start)
        {
          if (!at_top (layout))
            {
              new_page (layout);
              continue;
            }
          end = start + 1;
        }
      item = add_item (layout, ITEM_TEXT, x, layout->y - first, 0, 0, color);
      item->layout = text;
      item->first_line = start;
      item->n_lines = end - start;
      layout->y += g_array_index (bottoms, double, end - 1) - first;
      start = end;
      if (start < n)
        new_page (layout);
    }

  g_array_unref (tops);
  g_array_unref (bottoms);
}

static void
place_row (Layout *layout,
           Table  *table,
           Row    *row,
           gboolean header,
           gboolean shaded)
{
  double x = layout->left;

  if (header)
    add_item (layout, ITEM_FILL, x, layout->y, layout->width, row->height, MAMORI_COLOR_LIGHT);
  else if (shaded)
    add_item (layout, ITEM_FILL, x, layout->y, layout->width, row->height, 0xf6f5f4);

  if (table->chips)
    {
      if (row->chip != 0)
        add_item (layout, ITEM_FILL, x + 2, layout->y + CELL_PAD_Y + 1.5, CHIP_WIDTH - 4, CHIP_WIDTH - 4,
                  row->chip);
      x += CHIP_WIDTH;
    }
  for (guint i = 0; i < table->n_columns; i++)
    {
      int font = header || (table->plain && i == 0) ? FONT_CELL_BOLD : FONT_CELL;

      add_text (layout, row->layouts[i], x + CELL_PAD_X, layout->y + CELL_PAD_Y, font_styles[font].color);
      x += table->widths[i];
    }
  layout->y += row->height;
  if (!table->plain)
    add_item (layout, ITEM_FILL, layout->left, layout->y - 0.4, layout->width, 0.4, 0xc0bfbc);
}

/* A row taller than a third of a page goes on over the next page rather
 * than leaving a hole: each cell is split between lines where the page
 * ends, and the header row is repeated. */
static void
place_tall_row (Layout  *layout,
                Table   *table,
                Row     *row,
                gboolean shaded)
{
  guint n = table->n_columns;
  g_autofree int *next = g_new0 (int, n);
  g_autofree int *ends = g_new0 (int, n);
  GArray **tops = g_new0 (GArray *, n);
  GArray **bottoms = g_new0 (GArray *, n);
  gboolean first = TRUE;

  for (guint i = 0; i < n; i++)
    {
      tops[i] = g_array_new (FALSE, FALSE, sizeof (double));
      bottoms[i] = g_array_new (FALSE, FALSE, sizeof (double));
      line_extents (row->layouts[i], tops[i], bottoms[i]);
    }

  for (;;)
    {
      double available = layout->bottom - layout->y - 2 * CELL_PAD_Y;
      double used = 0;
      double x = layout->left + (table->chips ? CHIP_WIDTH : 0);
      gboolean more = FALSE;

      for (guint i = 0; i < n; i++)
        {
          int count = tops[i]->len;
          double start = next[i] < count ? g_array_index (tops[i], double, next[i]) : 0;

          ends[i] = next[i];
          while (ends[i] < count && g_array_index (bottoms[i], double, ends[i]) - start <= available)
            ends[i]++;
          /* Always a line, on an empty page. */
          if (ends[i] == next[i] && next[i] < count && at_top (layout))
            ends[i]++;
          if (ends[i] > next[i])
            used = MAX (used, g_array_index (bottoms[i], double, ends[i] - 1) - start);
        }
      if (used <= 0)
        {
          new_page (layout);
          if (table->header != NULL)
            place_row (layout, table, table->header, TRUE, FALSE);
          continue;
        }

      if (shaded)
        add_item (layout, ITEM_FILL, layout->left, layout->y, layout->width, used + 2 * CELL_PAD_Y, 0xf6f5f4);
      if (first && row->chip != 0)
        add_item (layout, ITEM_FILL, layout->left + 2, layout->y + CELL_PAD_Y + 1.5, CHIP_WIDTH - 4,
                  CHIP_WIDTH - 4, row->chip);
      for (guint i = 0; i < n; i++)
        {
          int font = table->plain && i == 0 ? FONT_CELL_BOLD : FONT_CELL;

          if (ends[i] > next[i])
            {
              Item *item = add_item (layout, ITEM_TEXT, x + CELL_PAD_X,
                                     layout->y + CELL_PAD_Y - g_array_index (tops[i], double, next[i]), 0, 0,
                                     font_styles[font].color);

              item->layout = row->layouts[i];
              item->first_line = next[i];
              item->n_lines = ends[i] - next[i];
            }
          next[i] = ends[i];
          more |= next[i] < (int) tops[i]->len;
          x += table->widths[i];
        }
      layout->y += used + 2 * CELL_PAD_Y;
      if (!table->plain)
        add_item (layout, ITEM_FILL, layout->left, layout->y - 0.4, layout->width, 0.4, 0xc0bfbc);
      first = FALSE;
      if (!more)
        break;
      new_page (layout);
      if (table->header != NULL)
        place_row (layout, table, table->header, TRUE, FALSE);
    }

  for (guint i = 0; i < n; i++)
    {
      g_array_unref (tops[i]);
      g_array_unref (bottoms[i]);
    }
  g_free (tops);
  g_free (bottoms);
}

static void
place_table (Layout *layout,
             Block  *block)
{
  Table *table = block->table;
  double header = table->header != NULL ? table->header->height : 0;

  /* A short list of facts stays on one page; a register starts where its
   * header and first row fit. */
  if (table->plain && block->height <= (layout->bottom - layout->top) / 2)
    make_room (layout, block->height);
  else if (table->rows->len > 0)
    make_room (layout, header + ((Row *) g_ptr_array_index (table->rows, 0))->height);
  if (table->header != NULL)
    place_row (layout, table, table->header, TRUE, FALSE);

  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = g_ptr_array_index (table->rows, i);

      gboolean shaded = !table->plain && i % 2 == 1;

      if (!fits (layout, row->height) && row->height > (layout->bottom - layout->top) / 3)
        {
          /* Started here if a few lines fit, else on the next page. */
          if (!fits (layout, 40))
            {
              new_page (layout);
              if (table->header != NULL)
                place_row (layout, table, table->header, TRUE, FALSE);
            }
          place_tall_row (layout, table, row, shaded);
          unit_done (layout);
          continue;
        }
      if (!fits (layout, row->height))
        {
          new_page (layout);
          /* The header again, so that a page can be read on its own. */
          if (table->header != NULL)
            place_row (layout, table, table->header, TRUE, FALSE);
        }
      place_row (layout, table, row, FALSE, shaded);
      unit_done (layout);
    }
}

static void
place_chart (Layout *layout,
             Block  *block)
{
  Chart *chart = block->chart;
  double label_width = layout->width * 0.3;
  double value_width = layout->width * 0.16;
  double track_x = layout->left + label_width;
  double track_width = layout->width - label_width - value_width - 6;
  double max = chart->max;

  if (max <= 0)
    for (guint i = 0; i < chart->bars->len; i++)
      {
        Bar *bar = g_ptr_array_index (chart->bars, i);
        double sum = 0;

        for (guint j = 0; j < chart->n_series; j++)
          sum += MAX (bar->values[j], 0);
        max = MAX (max, sum);
      }

  make_room (layout, block->height);
  add_text (layout, block->layout, layout->left, layout->y, font_styles[FONT_H3].color);
  layout->y += mamori_layout_text_height (block->layout) + 4;

  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = g_ptr_array_index (chart->bars, i);
      double x = track_x;
      double bar_y;

      make_room (layout, bar->height);
      bar_y = layout->y + (bar->height - 5) / 2 - 4.5;
      add_text (layout, bar->label_layout, layout->left, layout->y, font_styles[FONT_CELL].color);
      add_item (layout, ITEM_FILL, track_x, bar_y, track_width, 9, 0xf0efed);
      for (guint j = 0; j < chart->n_series && max > 0; j++)
        {
          double w = track_width * MAX (bar->values[j], 0) / max;

          if (w > 0)
            add_item (layout, ITEM_FILL, x, bar_y, MIN (w, track_x + track_width - x), 9,
                      bar->color != 0 && chart->n_series == 1 ? bar->color : chart->colors[j]);
          x += w;
        }
      /* The figure level with its bar, even beside a label of two lines. */
      add_text (layout, bar->value_layout, layout->left + layout->width - value_width,
                bar_y + 4.5 - mamori_layout_text_height (bar->value_layout) / 2,
                font_styles[FONT_CELL].color);
      layout->y += bar->height;
    }

  if (chart->n_series > 1)
    {
      double x = track_x;

      make_room (layout, chart->legend_height);
      for (guint i = 0; i < chart->n_series; i++)
        {
          int w;

          add_item (layout, ITEM_FILL, x, layout->y + 5, 7, 7, chart->colors[i]);
          add_text (layout, chart->series_layouts[i], x + 10, layout->y + 3, font_styles[FONT_MUTED].color);
          pango_layout_get_size (chart->series_layouts[i], &w, NULL);
          x += 10 + (double) w / PANGO_SCALE + 12;
        }
      layout->y += chart->legend_height;
    }
}

static void
place_figures (Layout *layout,
               Block  *block)
{
  double tile = (layout->width - (block->n - 1) * 8) / block->n;

  make_room (layout, block->height);
  for (guint i = 0; i < block->n; i++)
    {
      double x = layout->left + i * (tile + 8);

      add_item (layout, ITEM_FILL, x, layout->y, tile, block->height, 0xf6f5f4);
      add_item (layout, ITEM_FILL, x, layout->y, tile, 3, block->colors[i]);
      /* The label above its figure: read (and extracted as text) first. */
      add_text (layout, block->layouts[block->n + i], x + 5, layout->y + 9, font_styles[FONT_SMALL].color);
      add_text (layout, block->layouts[i], x + 5, layout->y + 9 + block->space + 2,
                font_styles[FONT_FIGURE].color);
    }
  layout->y += block->height;
}

static void
place_approval (Layout *layout,
                Block  *block)
{
  double box = MIN (76, layout->width / MAX (block->n, 1));
  double x = layout->left + layout->width - box * block->n;

  make_room (layout, block->height);
  add_text (layout, block->layout, layout->left, layout->y, font_styles[FONT_CELL_BOLD].color);
  layout->y += mamori_layout_text_height (block->layout) + 3;
  for (guint i = 0; i < block->n; i++, x += box)
    {
      add_item (layout, ITEM_FILL, x, layout->y, box, block->space, MAMORI_COLOR_LIGHT);
      add_item (layout, ITEM_STROKE, x, layout->y, box, block->space + STAMP_HEIGHT, 0x5e5c64);
      add_item (layout, ITEM_STROKE, x, layout->y, box, block->space, 0x5e5c64);
      add_text (layout, block->layouts[i], x + 2, layout->y + CELL_PAD_Y, font_styles[FONT_CELL].color);
    }
  layout->y += block->space + STAMP_HEIGHT;
}

static void
place_contents (Layout    *layout,
                MamoriDoc *doc,
                guint      index)
{
  Block *block = g_ptr_array_index (doc->blocks, index);

  block->layout = cap_lines (mamori_layout_new_text (layout, FONT_H1, block->text, layout->width, PANGO_ALIGN_LEFT), 2);
  block->entries = g_ptr_array_new_with_free_func (g_object_unref);
  block->targets = g_array_new (FALSE, FALSE, sizeof (int));

  if (!at_top (layout))
    new_page (layout);
  add_text (layout, block->layout, layout->left, layout->y, font_styles[FONT_H1].color);
  layout->y += mamori_layout_text_height (block->layout) + 10;

  for (guint i = index + 1; i < doc->blocks->len; i++)
    {
      Block *heading = g_ptr_array_index (doc->blocks, i);
      double indent = heading->style == 1 ? 0 : 14;
      PangoLayout *entry;
      Item *item;
      double height;

      if (heading->kind != BLOCK_HEADING || heading->style > 2)
        continue;
      entry = cap_lines (mamori_layout_new_text (layout, heading->style == 1 ? FONT_STRONG : FONT_BODY,
                                                 heading->text, layout->width - indent - 48, PANGO_ALIGN_LEFT), 2);
      g_ptr_array_add (block->entries, entry);
      g_array_append_val (block->targets, heading->heading);
      height = mamori_layout_text_height (entry) + (heading->style == 1 ? 5 : 3);
      if (!fits (layout, height))
        new_page (layout);
      item = add_item (layout, ITEM_CONTENTS, layout->left + indent, layout->y, layout->width - indent, height, 0);
      item->layout = entry;
      item->target = heading->heading;
      layout->y += height;
    }
}

/* How much of the block at @index must follow a heading on its page: the
 * first lines of a paragraph, a table's header and first row, a chart or
 * figures whole. */
static double
first_piece (Layout    *layout,
             MamoriDoc *doc,
             guint      index)
{
  Block *block;

  for (; index < doc->blocks->len; index++)
    {
      block = g_ptr_array_index (doc->blocks, index);
      if (block->kind != BLOCK_KEEP_BEGIN && block->kind != BLOCK_SPACER)
        break;
    }
  if (index >= doc->blocks->len)
    return 0;

  switch (block->kind)
    {
    case BLOCK_TEXT:
      /* A short introduction goes with what it introduces: the heading, its
       * lines and the start of the table after them stay together. */
      if (measure_block (layout, block) <= 40 && index + 1 < doc->blocks->len)
        return MIN (block->height + space_after (block) + first_piece (layout, doc, index + 1),
                    (layout->bottom - layout->top) / 2);
      return MIN (block->height, 30);
    case BLOCK_BULLET:
      return MIN (measure_block (layout, block), 30);
    case BLOCK_TABLE:
      measure_block (layout, block);
      /* A short list of facts is placed whole (place_table): all of it. */
      if (block->table->plain && block->height <= (layout->bottom - layout->top) / 2)
        return block->height;
      return (block->table->header != NULL ? block->table->header->height : 0)
             + (block->table->rows->len > 0 ? ((Row *) g_ptr_array_index (block->table->rows, 0))->height : 0);
    case BLOCK_CHART:
    case BLOCK_FIGURES:
    case BLOCK_APPROVAL:
    case BLOCK_HEADING:
      return MIN (measure_block (layout, block), layout->bottom - layout->top - 60);
    default:
      return 30;
    }
}

static void
place_block (Layout    *layout,
             MamoriDoc *doc,
             guint      index)
{
  Block *block = g_ptr_array_index (doc->blocks, index);

  switch (block->kind)
    {
    case BLOCK_HEADING:
      measure_block (layout, block);
      if (block->style == 1 && !at_top (layout))
        new_page (layout);
      else if (!at_top (layout))
        layout->y += block->style == 2 ? 8 : 5;
      /* A heading stays with the start of what it heads. */
      make_room (layout, block->height + first_piece (layout, doc, index + 1));
      layout->headings[block->heading].block = block;
      layout->headings[block->heading].page = layout->pages->len - 1;
      layout->headings[block->heading].y = layout->y;
      add_item (layout, ITEM_TEXT, layout->left, layout->y, 0, 0,
                font_styles[heading_font (block->style)].color)->layout = block->layout;
      /* The destination of its contents entry. */
      g_array_index (layout->page, Item, layout->page->len - 1).target = block->heading;
      if (block->style == 1)
        add_item (layout, ITEM_FILL, layout->left, layout->y + block->height - 3, layout->width, 1.2,
                  MAMORI_COLOR_BLUE);
      layout->y += block->height;
      break;

    case BLOCK_TEXT:
      measure_block (layout, block);
      place_lines (layout, block->layout, layout->left, font_styles[text_font (block->style)].color);
      break;

    case BLOCK_BULLET:
      {
        double y;

        measure_block (layout, block);
        make_room (layout, MIN (block->height, 14));
        y = layout->y;
        /* The bullet itself, level with the first line's middle, on the
         * page where the item starts. */
        add_item (layout, ITEM_FILL, layout->left + 3, y + 5.5, 3, 3, 0x5e5c64);
        place_lines (layout, block->layout, layout->left + BULLET_INDENT,
                     font_styles[text_font (block->style)].color);
      }
      break;

    case BLOCK_SPACER:
      /* Space that does not fit ends the page, and is not carried over. */
      if (!fits (layout, block->space))
        {
          new_page (layout);
          unit_done (layout);
          return;
        }
      break;

    case BLOCK_PAGE_BREAK:
      if (!at_top (layout))
        new_page (layout);
      break;

    case BLOCK_CONTENTS:
      place_contents (layout, doc, index);
      break;

    case BLOCK_KEEP_BEGIN:
      {
        double total = 0;

        for (guint i = index + 1; i < doc->blocks->len; i++)
          {
            Block *kept = g_ptr_array_index (doc->blocks, i);

            if (kept->kind == BLOCK_KEEP_END)
              break;
            total += measure_block (layout, kept) + space_after (kept);
          }
        if (total <= layout->bottom - layout->top)
          make_room (layout, total);
      }
      break;

    case BLOCK_TABLE:
      measure_block (layout, block);
      place_table (layout, block);
      break;

    case BLOCK_CHART:
      measure_block (layout, block);
      place_chart (layout, block);
      break;

    case BLOCK_FIGURES:
      measure_block (layout, block);
      place_figures (layout, block);
      break;

    case BLOCK_APPROVAL:
      measure_block (layout, block);
      place_approval (layout, block);
      break;

    case BLOCK_KEEP_END:
    default:
      break;
    }

  layout->y = MIN (layout->y + space_after (block), layout->bottom);
  unit_done (layout);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo 1.16 cannot set the catalog's /PageMode: a viewer would open the
 * pack without its outline. An incremental update (PDF 1.7, 7.5.6) appends
 * the catalog again with /PageMode /UseOutlines and a cross-reference
 * section for it; everything cairo wrote stays as it was. */
/* The last place of @needle in @data (which may hold NUL bytes), or NULL. */
static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

static void
show_outline_on_opening (GByteArray *bytes)
{
  const char *data = (const char *) bytes->data;
  const char *trailer = find_last (data, bytes->len, "\ntrailer\n");
  const char *startxref = find_last (data, bytes->len, "\nstartxref\n");
  const char *trailer_end, *root, *object, *dictionary, *end;
  g_autofree char *needle = NULL;
  g_autoptr(GString) update = g_string_new (NULL);
  guint64 root_number, previous;
  gsize object_at, xref_at;

  /* Only what cairo writes (the trailer and catalog are plain text at the
   * end); anything unexpected is left alone. */
  if (trailer == NULL || startxref == NULL || startxref < trailer)
    return;
  trailer += strlen ("\ntrailer\n");
  trailer_end = find_last (trailer, startxref - trailer, ">>");
  root = find_last (trailer, startxref - trailer, "/Root ");
  if (trailer_end == NULL || root == NULL || root > trailer_end)
    return;
  root_number = g_ascii_strtoull (root + strlen ("/Root "), NULL, 10);
  previous = g_ascii_strtoull (startxref + strlen ("\nstartxref\n"), NULL, 10);
  needle = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj\n<< /Type /Catalog", root_number);
  object = find_last (data, trailer - data, needle);
  if (root_number == 0 || previous == 0 || object == NULL)
    return;
  /* The catalog lies before the trailer: searched within that text only
   * (the buffer has no terminating NUL). */
  dictionary = g_strstr_len (object, trailer - object, "<<");
  end = dictionary != NULL ? g_strstr_len (dictionary, trailer - dictionary, ">>\nendobj") : NULL;
  if (end == NULL || find_last (dictionary, end - dictionary, "/PageMode") != NULL)
    return;

  object_at = bytes->len + 1;
  g_string_append_printf (update, "\n%" G_GUINT64_FORMAT " 0 obj\n<< /PageMode /UseOutlines", root_number);
  g_string_append_len (update, dictionary + 2, end + strlen (">>\nendobj") - (dictionary + 2));
  g_string_append_c (update, '\n');
  xref_at = bytes->len + update->len;
  /* Each entry exactly 20 bytes: offset, generation, "n", space, newline. */
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \ntrailer\n",
                          root_number, object_at);
  g_string_append_len (update, trailer, trailer_end - trailer);
  g_string_append_printf (update, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          previous, xref_at);
  g_byte_array_append (bytes, (const guint8 *) update->str, update->len);
}

static gboolean
cancelled (Layout  *layout,
           GError **error)
{
  return g_cancellable_set_error_if_cancelled (layout->cancellable, error);
}

/**
 * mamori_doc_render_pdf:
 *
 * Lays @doc out on pages and draws it into a PDF.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
mamori_doc_render_pdf (MamoriDoc                *doc,
                       const MamoriPageSetup    *setup,
                       MamoriReportProgressFunc  progress,
                       gpointer                  user_data,
                       GCancellable             *cancellable,
                       GError                  **error)
{
  g_autofree char *family = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  Layout layout = { 0 };
  Margins margins = { 0 };
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok = FALSE;

  g_return_val_if_fail (doc != NULL && setup != NULL, NULL);
  g_return_val_if_fail (doc->open == NULL, NULL);
  g_return_val_if_fail (!doc->rendered, NULL);

  doc->rendered = TRUE;
  if ((family = mamori_layout_dup_font_family (error)) == NULL)
    return NULL;

  layout.setup = setup;
  layout.progress = progress;
  layout.progress_data = user_data;
  layout.cancellable = cancellable;
  layout.page_width = setup->paper == MAMORI_PAPER_LETTER ? 612 : 595.276;
  layout.page_height = setup->paper == MAMORI_PAPER_LETTER ? 792 : 841.89;
  layout.left = MARGIN + 4;
  layout.width = layout.page_width - 2 * layout.left;
  layout.top = MARGIN + HEADER_HEIGHT;
  layout.bottom = layout.page_height - MARGIN - FOOTER_HEIGHT;
  layout.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  layout.cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_cell_free);
  layout.headings = g_new0 (HeadingPlace, MAX (doc->n_headings, 1));

  bytes = g_byte_array_sized_new (256 * 1024);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, layout.page_width, layout.page_height);
  cr = cairo_create (surface);

  /* Points all the way: 1 pt of font is 1 unit of the page, and no hinting,
   * so what is measured is what is drawn. */
  /* One font map for every export, kept for the next: loading the fonts
   * again each time would double the time a pack takes. Pango's default
   * one is per thread, and a worker thread's would be lost with it. Font
   * maps are not thread-safe, so exports take turns. */
  g_mutex_lock (&font_map_lock);
  if (font_map == NULL)
    font_map = pango_cairo_font_map_new ();
  layout.context = pango_font_map_create_context (font_map);
  pango_cairo_update_context (cr, layout.context);
  pango_cairo_context_set_resolution (layout.context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (layout.context, options);
  cairo_font_options_destroy (options);
  /* A word broken to fit a narrow cell is broken, not hyphenated: the
   * hyphen would read as part of it. */
  layout.attributes = pango_attr_list_new ();
  pango_attr_list_insert (layout.attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_context_set_language (layout.context,
                              pango_language_from_string (g_strcmp0 (setup->language, MAMORI_LANG_EN) == 0
                                                          ? "en" : "ja"));
  for (int i = 0; i < N_FONTS; i++)
    {
      layout.fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (layout.fonts[i], family);
      pango_font_description_set_size (layout.fonts[i], (int) (font_styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (layout.fonts[i], font_styles[i].bold ? PANGO_WEIGHT_BOLD
                                                                              : PANGO_WEIGHT_NORMAL);
    }

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);

      layout.units += 1 + (block->kind == BLOCK_TABLE ? 2 * block->table->rows->len : 0);
    }

  new_page (&layout);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      if ((i & 15) == 0 && cancelled (&layout, error))
        goto out;
      place_block (&layout, doc, i);
    }
  /* Nothing placed after a last page break. */
  if (layout.page->len == 0 && layout.pages->len > 1)
    g_ptr_array_remove_index (layout.pages, layout.pages->len - 1);

  margins.organization = mamori_layout_new_text (&layout, FONT_MARGIN, setup->organization != NULL ? setup->organization : "",
                                     layout.width * 0.6, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (margins.organization, PANGO_ELLIPSIZE_END);
  margins.mark = mamori_layout_new_text (&layout, FONT_MARK, setup->mark != NULL ? setup->mark : "", -1, PANGO_ALIGN_LEFT);
  margins.mark_footer = mamori_layout_new_text (&layout, FONT_MARK, setup->mark != NULL ? setup->mark : "",
                                    layout.width * 0.25 - 6, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (margins.mark_footer, PANGO_ELLIPSIZE_END);
  margins.title = mamori_layout_new_text (&layout, FONT_MARGIN, setup->title != NULL ? setup->title : "",
                              layout.width * 0.75 - 70, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (margins.title, PANGO_ELLIPSIZE_END);
  /* A mark too long for the header is shortened there; it stays whole on
   * the cover. */
  if (pango_layout_get_width (margins.mark) < 0)
    {
      pango_layout_set_width (margins.mark, (int) (layout.width * 0.35 * PANGO_SCALE));
      pango_layout_set_ellipsize (margins.mark, PANGO_ELLIPSIZE_END);
    }

  /* Numbered copies follow each other in the one PDF (one print job), each
   * paged 1…N and with its own outline entry and contents links. */
  for (guint copy = setup->copies > 0 ? 1 : 0; copy <= setup->copies; copy++)
    {
      guint first_page = (copy > 0 ? copy - 1 : 0) * layout.pages->len;
      int root = CAIRO_PDF_OUTLINE_ROOT;

      layout.copy = copy;
      if (copy > 0)
        {
          /* Translators: the number of a numbered copy of a document (配付番号 3 / 10) */
          g_autofree char *label = g_strdup_printf (_("Copy %u of %u"), copy, setup->copies);
          g_autofree char *link = g_strdup_printf ("page=%u pos=[0 0]", first_page + 1);

          g_clear_object (&margins.copy);
          g_clear_object (&margins.copy_cover);
          margins.copy = mamori_layout_new_text (&layout, FONT_MARK, label, -1, PANGO_ALIGN_LEFT);
          margins.copy_cover = mamori_layout_new_text (&layout, FONT_SUBTITLE, label, -1, PANGO_ALIGN_LEFT);
          root = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, label, link,
                                                copy == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        }
      for (guint p = 0; p < layout.pages->len; p++)
        {
          GArray *items = g_ptr_array_index (layout.pages, p);

          if (cancelled (&layout, error))
            goto out;
          mamori_layout_draw_margins (&layout, cr, &margins, p + 1, layout.pages->len);
          for (guint i = 0; i < items->len; i++)
            mamori_layout_draw_item (&layout, cr, &g_array_index (items, Item, i));
          cairo_show_page (cr);
          report_progress (&layout, 0.6 + 0.4 * (first_page + p + 1) / (layout.pages->len * MAX (setup->copies, 1)));
        }
      mamori_layout_add_outline (&layout, surface, doc->n_headings, root, first_page);
    }

  mamori_layout_set_metadata (surface, setup);
  ok = TRUE;

out:
  g_clear_object (&margins.organization);
  g_clear_object (&margins.mark);
  g_clear_object (&margins.mark_footer);
  g_clear_object (&margins.title);
  g_clear_object (&margins.copy);
  g_clear_object (&margins.copy_cover);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  for (int i = 0; i < N_FONTS; i++)
    pango_font_description_free (layout.fonts[i]);
  for (guint i = 0; i < doc->blocks->len; i++)
    mamori_doc_block_clear_layouts (g_ptr_array_index (doc->blocks, i));
  pango_attr_list_unref (layout.attributes);
  /* The cached cells hold the last references to their layouts (and so to
   * fonts of the shared font map): dropped while it is held. */
  g_hash_table_unref (layout.cells);
  g_object_unref (layout.context);
  g_mutex_unlock (&font_map_lock);
  g_ptr_array_unref (layout.pages);
  g_free (layout.headings);

  if (!ok)
    return NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MAMORI_REPORT_ERROR, MAMORI_REPORT_ERROR_FAILED,
                   _("The PDF could not be drawn (%s)."), cairo_status_to_string (status));
      return NULL;
    }
  if (doc->n_headings > 0)
    show_outline_on_opening (bytes);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
