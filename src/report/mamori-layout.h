/* mamori-layout.h — a document of blocks, paginated and drawn into a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack builders add blocks (headings, text, tables, charts) to a
 * MamoriDoc; mamori_doc_render_pdf() lays them out on pages — tables split
 * with their header row repeated, short blocks kept together, a table of
 * contents with the pages the headings landed on — and draws every page
 * with its classification mark, organization and "n / N".
 */

#pragma once

#include <gio/gio.h>

#include "report/mamori-report.h"

G_BEGIN_DECLS

typedef struct _MamoriDoc MamoriDoc;

typedef enum
{
  MAMORI_TEXT_BODY,
  MAMORI_TEXT_SMALL,
  MAMORI_TEXT_MUTED,     /* small and grey: sources, notes */
  MAMORI_TEXT_STRONG,
  MAMORI_TEXT_WARNING,   /* dark red: what needs attention */
  MAMORI_TEXT_TITLE,     /* the cover's title */
  MAMORI_TEXT_SUBTITLE,
  MAMORI_N_TEXT_STYLES
} MamoriTextStyle;

/* Colours as 0xRRGGBB. */
#define MAMORI_COLOR_RED    0xc01c28
#define MAMORI_COLOR_ORANGE 0xe66100
#define MAMORI_COLOR_YELLOW 0xe5a50a
#define MAMORI_COLOR_GREEN  0x2ec27e
#define MAMORI_COLOR_BLUE   0x3584e4
#define MAMORI_COLOR_GREY   0x9a9996
/* The classes, from public (0) to the highest (3): the window's palette
 * (data/style.css), so that a class looks the same on screen and on paper. */
#define MAMORI_COLOR_CLASS_0 0x19683f
#define MAMORI_COLOR_CLASS_1 0x1a5fb4
#define MAMORI_COLOR_CLASS_2 0xa33c00
#define MAMORI_COLOR_CLASS_3 0xa51d2d
#define MAMORI_COLOR_LIGHT  0xdeddda

typedef struct
{
  MamoriPaper  paper;
  const char  *language;       /* MAMORI_LANG_JA or MAMORI_LANG_EN */
  const char  *mark;           /* on every page */
  const char  *organization;   /* on every page */
  const char  *title;          /* metadata and footer */
  const char  *author;
  const char  *subject;
  GDateTime   *created;
  guint        copies;         /* > 0: that many copies, each page saying 配付番号 n / N */
  gboolean     cover;          /* the first page is a cover: the copy's number large on it */
} MamoriPageSetup;

MamoriDoc *mamori_doc_new              (void);
void       mamori_doc_free             (MamoriDoc           *doc);

/* Level 1 starts a new page; levels 1 and 2 are in the contents and the
 * PDF outline, level 3 is not. */
void       mamori_doc_heading          (MamoriDoc           *doc,
                                        int                  level,
                                        const char          *text);
void       mamori_doc_text             (MamoriDoc           *doc,
                                        MamoriTextStyle      style,
                                        const char          *text);
void       mamori_doc_bullet           (MamoriDoc           *doc,
                                        MamoriTextStyle      style,
                                        const char          *text);
void       mamori_doc_spacer           (MamoriDoc           *doc,
                                        double               points);
void       mamori_doc_page_break       (MamoriDoc           *doc);
/* The headings that follow, with their page numbers. */
void       mamori_doc_contents         (MamoriDoc           *doc,
                                        const char          *title);
/* What lies between these stays on one page if it fits on one. */
void       mamori_doc_keep_begin       (MamoriDoc           *doc);
void       mamori_doc_keep_end         (MamoriDoc           *doc);

/* @widths are relative; with @headers %NULL the table is a plain list of
 * label and value, without grid or header row. */
void       mamori_doc_table_begin      (MamoriDoc           *doc,
                                        guint                n_columns,
                                        const double        *widths,
                                        const char * const  *headers);
void       mamori_doc_table_row        (MamoriDoc           *doc,
                                        const char * const  *cells);
/* The same with a colour chip before the first cell (e.g. the class). */
void       mamori_doc_table_row_marked (MamoriDoc           *doc,
                                        guint32              color,
                                        const char * const  *cells);
/* Cells of @column (of the table begun last) break only at spaces: for
 * names and codes, which read wrongly when split.  Every column is widened
 * to its widest unbreakable piece (a word, a date, a number with its unit)
 * where the others have room. */
void       mamori_doc_table_keep_words (MamoriDoc           *doc,
                                        guint                column);
void       mamori_doc_table_end        (MamoriDoc           *doc);

/* Horizontal bars, stacked when there are several series. @max 0 scales
 * to the longest bar. */
void       mamori_doc_chart_begin      (MamoriDoc           *doc,
                                        const char          *title,
                                        guint                n_series,
                                        const char * const  *series,
                                        const guint32       *colors,
                                        double               max);
void       mamori_doc_chart_bar        (MamoriDoc           *doc,
                                        const char          *label,
                                        const double        *values,
                                        const char          *value_text);
/* A single-series bar in its own colour (a class's, say). */
void       mamori_doc_chart_bar_colored (MamoriDoc          *doc,
                                         const char         *label,
                                         const double       *values,
                                         const char         *value_text,
                                         guint32             color);
void       mamori_doc_chart_end        (MamoriDoc           *doc);

/* Big figures side by side: the summary's first glance. */
void       mamori_doc_figures          (MamoriDoc           *doc,
                                        guint                n,
                                        const char * const  *values,
                                        const char * const  *labels,
                                        const guint32       *colors);
/* 承認欄: one box per role, left empty for a seal or signature. */
void       mamori_doc_approval         (MamoriDoc           *doc,
                                        const char          *title,
                                        const char * const  *roles);

GBytes    *mamori_doc_render_pdf       (MamoriDoc                *doc,
                                        const MamoriPageSetup    *setup,
                                        MamoriReportProgressFunc  progress,
                                        gpointer                  user_data,
                                        GCancellable             *cancellable,
                                        GError                  **error);

char      *mamori_layout_dup_font_family (GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriDoc, mamori_doc_free)

G_END_DECLS
