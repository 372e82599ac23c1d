/* mamori-layout-draw.c — placed items into cairo calls, and what only the
 * whole document knows: "n / N", the contents' page numbers, the outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "report/mamori-layout-private.h"

static void
set_color (cairo_t *cr,
           guint32  color)
{
  double red = ((color >> 16) & 0xff) / 255.0, green = ((color >> 8) & 0xff) / 255.0, blue = (color & 0xff) / 255.0;
  double r, g, b, a;

  /* Most items are in the colour of the one before: no new source. */
  if (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a) == CAIRO_STATUS_SUCCESS
      && r == red && g == green && b == blue && a == 1.0)
    return;
  cairo_set_source_rgb (cr, red, green, blue);
}

/* Web addresses and e-mail addresses in the text a reader can click. */
static GRegex *
link_regex (void)
{
  static gsize once;
  static GRegex *regex;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("https?://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+[A-Za-z0-9/_~#=-]"
                           "|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

/* A link over each line's part of each address in the drawn lines. */
static void
add_links (cairo_t    *cr,
           const Item *item)
{
  const char *text = pango_layout_get_text (item->layout);
  g_autoptr(GMatchInfo) match = NULL;

  if (strstr (text, "://") == NULL && strchr (text, '@') == NULL)
    return;
  if (!g_regex_match (link_regex (), text, 0, &match))
    return;
  do
    {
      g_autofree char *address = g_match_info_fetch (match, 0);
      g_autofree char *attributes = NULL;
      PangoLayoutIter *iter;
      int start, end, line = 0;

      g_match_info_fetch_pos (match, 0, &start, &end);
      iter = pango_layout_get_iter (item->layout);
      do
        {
          PangoLayoutLine *piece = pango_layout_iter_get_line_readonly (iter);
          int from = MAX (start, piece->start_index), to = MIN (end, piece->start_index + piece->length);
          int x_from, x_to;
          PangoRectangle extents;
          g_autofree char *link = NULL;

          if (item->n_lines >= 0 && (line < item->first_line || line >= item->first_line + item->n_lines))
            continue;
          if (from >= to)
            continue;
          pango_layout_iter_get_line_extents (iter, NULL, &extents);
          pango_layout_line_index_to_x (piece, from, FALSE, &x_from);
          pango_layout_line_index_to_x (piece, to, FALSE, &x_to);
          link = g_strdup_printf ("rect=[%.1f %.1f %.1f %.1f] uri='%s%s'",
                                  item->x + (double) (extents.x + MIN (x_from, x_to)) / PANGO_SCALE,
                                  item->y + (double) extents.y / PANGO_SCALE,
                                  (double) ABS (x_to - x_from) / PANGO_SCALE,
                                  (double) extents.height / PANGO_SCALE,
                                  strstr (address, "://") == NULL ? "mailto:" : "", address);
          cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
          cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
      while (line++, pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  while (g_match_info_next (match, NULL));
}

static void
draw_text (cairo_t     *cr,
           const Item  *item)
{
  PangoLayoutIter *iter;
  int line = 0;

  set_color (cr, item->color);
  if (item->n_lines < 0)
    {
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      add_links (cr, item);
      return;
    }

  iter = pango_layout_get_iter (item->layout);
  do
    {
      if (line >= item->first_line + item->n_lines)
        break;
      if (line >= item->first_line)
        {
          PangoRectangle extents;

          pango_layout_iter_get_line_extents (iter, NULL, &extents);
          cairo_move_to (cr, item->x + (double) extents.x / PANGO_SCALE,
                         item->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  add_links (cr, item);
}

static void
draw_contents_entry (Layout     *layout,
                     cairo_t    *cr,
                     const Item *item)
{
  const HeadingPlace *target = &layout->headings[item->target];
  g_autofree char *number = g_strdup_printf ("%d", target->page + 1);
  g_autoptr(PangoLayout) text = mamori_layout_new_text (layout, FONT_BODY, number, 44, PANGO_ALIGN_RIGHT);
  g_autofree char *link = NULL;
  PangoRectangle last;
  PangoLayoutIter *iter;
  double right = item->x + item->w;
  double leader_y;

  /* The page number and the dots in the entry's own face, so that text
   * extraction keeps the three on one line. */
  pango_layout_set_font_description (text, pango_layout_get_font_description (item->layout));
  set_color (cr, font_styles[FONT_BODY].color);
  cairo_move_to (cr, item->x, item->y);
  pango_cairo_show_layout (cr, item->layout);

  /* Dots from the end of the title to its page number. */
  iter = pango_layout_get_iter (item->layout);
  while (pango_layout_iter_next_line (iter))
    ;
  pango_layout_iter_get_line_extents (iter, NULL, &last);
  leader_y = item->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - 2;
  pango_layout_iter_free (iter);
  /* Dots as text, not a drawn line: text extracted from the PDF then reads
   * "Summary ....... 6", the title and its page on one line. */
  {
    double from = item->x + (double) (last.x + last.width) / PANGO_SCALE + 4;
    int number_width;
    double to;

    pango_layout_get_size (text, &number_width, NULL);
    /* Up to the number: a wider gap reads as two columns to text extraction. */
    to = right - (double) number_width / PANGO_SCALE - 3;
    g_autoptr(PangoLayout) dot = mamori_layout_new_text (layout, FONT_BODY, " .", -1, PANGO_ALIGN_LEFT);
    int dot_width;

    pango_layout_set_font_description (dot, pango_layout_get_font_description (item->layout));
    pango_layout_set_width (dot, -1);
    pango_layout_get_size (dot, &dot_width, NULL);
    if (dot_width > 0 && to - from > 2.0 * dot_width / PANGO_SCALE)
      {
        guint n = (guint) ((to - from) / ((double) dot_width / PANGO_SCALE));
        g_autoptr(GString) dots = g_string_sized_new (2 * n);

        for (guint i = 0; i < n; i++)
          g_string_append (dots, " .");
        pango_layout_set_text (dot, dots->str, -1);
        set_color (cr, MAMORI_COLOR_GREY);
        cairo_move_to (cr, to - (double) n * dot_width / PANGO_SCALE,
                       leader_y + 2 - (double) pango_layout_get_baseline (dot) / PANGO_SCALE);
        pango_cairo_show_layout (cr, dot);
      }
  }

  set_color (cr, font_styles[FONT_BODY].color);
  cairo_move_to (cr, right - 44, item->y);
  pango_cairo_show_layout (cr, text);

  link = g_strdup_printf ("rect=[%d %d %d %d] dest='c%uh%d'", (int) item->x, (int) item->y,
                          (int) item->w, (int) item->h, layout->copy, item->target);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
}

void
mamori_layout_draw_item (Layout     *layout,
                         cairo_t    *cr,
                         const Item *item)
{
  switch (item->kind)
    {
    case ITEM_TEXT:
      if (item->target >= 0)
        {
          /* cairo 1.16 drops links by page number to pages not yet drawn,
           * so the contents link to named destinations instead. */
          g_autofree char *name = g_strdup_printf ("name='c%uh%d'", layout->copy, item->target);

          cairo_tag_begin (cr, CAIRO_TAG_DEST, name);
          draw_text (cr, item);
          cairo_tag_end (cr, CAIRO_TAG_DEST);
        }
      else
        draw_text (cr, item);
      break;

    case ITEM_FILL:
      set_color (cr, item->color);
      cairo_rectangle (cr, item->x, item->y, item->w, item->h);
      cairo_fill (cr);
      break;

    case ITEM_STROKE:
      set_color (cr, item->color);
      cairo_set_line_width (cr, 0.6);
      cairo_rectangle (cr, item->x, item->y, item->w, item->h);
      cairo_stroke (cr);
      break;

    case ITEM_CONTENTS:
      draw_contents_entry (layout, cr, item);
      break;

    default:
      g_assert_not_reached ();
    }
}


void
mamori_layout_draw_margins (Layout        *layout,
                            cairo_t       *cr,
                            const Margins *margins,
                            int            page,
                            int            n_pages)
{
  g_autofree char *number = g_strdup_printf ("%d / %d", page, n_pages);
  g_autoptr(PangoLayout) number_layout = mamori_layout_new_text (layout, FONT_MARGIN, number, 80, PANGO_ALIGN_RIGHT);
  double right = layout->left + layout->width;
  double header_y = MARGIN;
  double footer_y = layout->page_height - MARGIN - mamori_layout_text_height (number_layout);
  int mark_width, mark_height;

  /* Header: organization at the left, the mark boxed at the right. */
  pango_layout_get_pixel_size (margins->mark, &mark_width, &mark_height);
  set_color (cr, font_styles[FONT_MARGIN].color);
  cairo_move_to (cr, layout->left, header_y + 2);
  pango_cairo_show_layout (cr, margins->organization);
  set_color (cr, font_styles[FONT_MARK].color);
  cairo_set_line_width (cr, 0.9);
  cairo_rectangle (cr, right - mark_width - 8, header_y - 1, mark_width + 8, mark_height + 2);
  cairo_stroke (cr);
  cairo_move_to (cr, right - mark_width - 4, header_y);
  pango_cairo_show_layout (cr, margins->mark);
  /* A numbered copy says which, beside the mark on every page, and large
   * at the top of the cover. */
  if (margins->copy != NULL)
    {
      int copy_width, copy_height;

      pango_layout_get_pixel_size (margins->copy, &copy_width, NULL);
      cairo_move_to (cr, right - mark_width - 8 - 10 - copy_width, header_y);
      pango_cairo_show_layout (cr, margins->copy);
      if (page == 1 && layout->setup->cover)
        {
          pango_layout_get_pixel_size (margins->copy_cover, &copy_width, &copy_height);
          cairo_move_to (cr, right - copy_width, layout->top);
          pango_cairo_show_layout (cr, margins->copy_cover);
        }
    }
  set_color (cr, MAMORI_COLOR_LIGHT);
  cairo_rectangle (cr, layout->left, header_y + HEADER_HEIGHT - 8, layout->width, 0.6);
  cairo_fill (cr);

  /* Footer: the mark, the document's title, page n / N. */
  cairo_rectangle (cr, layout->left, footer_y - 6, layout->width, 0.6);
  cairo_fill (cr);
  set_color (cr, font_styles[FONT_MARK].color);
  cairo_move_to (cr, layout->left, footer_y);
  pango_cairo_show_layout (cr, margins->mark_footer);
  set_color (cr, font_styles[FONT_MARGIN].color);
  cairo_move_to (cr, layout->left + layout->width * 0.25, footer_y);
  pango_cairo_show_layout (cr, margins->title);
  cairo_move_to (cr, right - 80, footer_y);
  pango_cairo_show_layout (cr, number_layout);
}


void
mamori_layout_set_metadata (cairo_surface_t       *surface,
                            const MamoriPageSetup *setup)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (setup->created != NULL ? setup->created : now,
                                              "%Y-%m-%dT%H:%M:%S%:z");

  if (setup->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, setup->title);
  if (setup->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, setup->author);
  if (setup->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, setup->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mamori " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

void
mamori_layout_add_outline (Layout          *layout,
                           cairo_surface_t *surface,
                           guint            n_headings,
                           int              root,
                           guint            first_page)
{
  int parent = root;

  for (guint i = 0; i < n_headings; i++)
    {
      const HeadingPlace *place = &layout->headings[i];
      g_autofree char *link = NULL;
      int id;

      if (place->block == NULL || place->block->style > 2)
        continue;
      link = g_strdup_printf ("page=%d pos=[%d %d]", first_page + place->page + 1, (int) layout->left,
                              (int) MAX (place->y - 6, 0));
      id = cairo_pdf_surface_add_outline (surface, place->block->style == 1 ? root : parent,
                                          place->block->text, link, 0);
      if (place->block->style == 1)
        parent = id;
    }
}
