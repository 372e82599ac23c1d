/* mamori-layout-private.h — what the layout engine's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document (mamori-doc.c) is a list of blocks; laying out
 * (mamori-layout.c) measures them with Pango and places them on pages as
 * items; drawing (mamori-layout-draw.c) turns the items into cairo calls.
 */

#pragma once

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "report/mamori-layout.h"

G_BEGIN_DECLS

typedef enum
{
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_BULLET,
  BLOCK_SPACER,
  BLOCK_PAGE_BREAK,
  BLOCK_CONTENTS,
  BLOCK_KEEP_BEGIN,
  BLOCK_KEEP_END,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_FIGURES,
  BLOCK_APPROVAL,
} BlockKind;

typedef struct
{
  char         **cells;
  guint32        chip;       /* 0: none */
  PangoLayout  **layouts;
  double         height;
} Row;

typedef struct
{
  guint          n_columns;
  double        *widths;     /* relative until measured, then points */
  gboolean       plain;      /* label and value, no grid */
  gboolean       chips;
  guint32        words;      /* columns that break only at spaces */
  Row           *header;     /* NULL when plain */
  GPtrArray     *rows;
} Table;

typedef struct
{
  char          *label;
  double        *values;
  char          *value_text;
  guint32        color;       /* 0: the series' */
  PangoLayout   *label_layout;
  PangoLayout   *value_layout;
  double         height;
} Bar;

typedef struct
{
  guint          n_series;
  char         **series;
  guint32       *colors;
  double         max;
  GPtrArray     *bars;
  PangoLayout  **series_layouts;
  double         legend_height;
} Chart;

typedef struct
{
  BlockKind      kind;
  int            style;       /* MamoriTextStyle, or the heading's level */
  char          *text;
  double         space;
  int            heading;     /* headings: their index in the document */
  guint          n;
  char         **values;      /* figures */
  char         **labels;      /* figures, approval roles */
  guint32       *colors;
  Table         *table;
  Chart         *chart;
  PangoLayout   *layout;
  PangoLayout  **layouts;     /* figures: values then labels; approval: roles */
  GPtrArray     *entries;     /* contents: one layout per heading */
  GArray        *targets;     /* contents: the heading index of each */
  double         height;      /* measured, without the space after */
} Block;

struct _MamoriDoc
{
  GPtrArray     *blocks;
  Block         *open;        /* the table or chart being filled */
  int            n_headings;
  gboolean       rendered;    /* a document is laid out once */
};

typedef enum
{
  ITEM_TEXT,
  ITEM_FILL,
  ITEM_STROKE,
  ITEM_CONTENTS,
} ItemKind;

typedef struct
{
  ItemKind       kind;
  double         x, y, w, h;
  PangoLayout   *layout;      /* borrowed from the block */
  int            first_line;
  int            n_lines;     /* -1: all */
  guint32        color;
  int            target;      /* contents: heading index */
} Item;

typedef struct
{
  Block         *block;
  int            page;
  double         y;
} HeadingPlace;

enum
{
  FONT_BODY,
  FONT_SMALL,
  FONT_MUTED,
  FONT_STRONG,
  FONT_WARNING,
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_H1,
  FONT_H2,
  FONT_H3,
  FONT_CELL,
  FONT_CELL_BOLD,
  FONT_FIGURE,
  FONT_MARGIN,
  FONT_MARK,
  N_FONTS
};

typedef struct
{
  double   size;
  gboolean bold;
  guint32  color;
} FontStyle;

extern const FontStyle mamori_layout_font_styles[N_FONTS];
#define font_styles mamori_layout_font_styles

/* Page geometry, in points. */
#define MARGIN          40.0
#define HEADER_HEIGHT   28.0
#define FOOTER_HEIGHT   24.0
#define CELL_PAD_X      3.5
#define CELL_PAD_Y      2.5
#define CHIP_WIDTH      9.0
#define STAMP_HEIGHT    58.0

typedef struct
{
  const MamoriPageSetup    *setup;
  MamoriReportProgressFunc  progress;
  gpointer                  progress_data;
  GCancellable             *cancellable;
  PangoContext             *context;
  PangoFontDescription     *fonts[N_FONTS];
  PangoAttrList            *attributes;   /* every text's */
  double                    page_width, page_height;
  double                    left, width, top, bottom;
  GPtrArray                *pages;        /* GArray of Item */
  GArray                   *page;
  double                    y;
  HeadingPlace             *headings;
  guint                     units, units_done;
  double                    reported;
  guint                     copy;         /* the copy being drawn, 1…; 0: not numbered */
  GHashTable               *cells;        /* short table cells laid out, by font, width and text */
} Layout;


typedef struct
{
  PangoLayout *organization;
  PangoLayout *mark;
  PangoLayout *mark_footer;
  PangoLayout *title;
  PangoLayout *copy;          /* 配付番号 n / N, or NULL */
  PangoLayout *copy_cover;    /* the same, larger, for the cover */
} Margins;

void         mamori_doc_block_clear_layouts (Block          *block);

PangoLayout *mamori_layout_new_text      (Layout         *layout,
                                          int             font,
                                          const char     *text,
                                          double          width,
                                          PangoAlignment  alignment);
double       mamori_layout_text_height   (PangoLayout    *text);

void         mamori_layout_draw_item     (Layout         *layout,
                                          cairo_t        *cr,
                                          const Item     *item);
void         mamori_layout_draw_margins  (Layout         *layout,
                                          cairo_t        *cr,
                                          const Margins  *margins,
                                          int             page,
                                          int             n_pages);
void         mamori_layout_set_metadata  (cairo_surface_t       *surface,
                                          const MamoriPageSetup *setup);
void         mamori_layout_add_outline   (Layout          *layout,
                                          cairo_surface_t *surface,
                                          guint            n_headings,
                                          int              root,
                                          guint            first_page);

G_END_DECLS
