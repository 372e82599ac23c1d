/* mamori-page-image.c — a PDF page drawn for the screen
 *
 * The page is drawn once, at the size it is shown, and kept as a texture:
 * scrolling and redrawing the window cost nothing. The texture holds
 * scale-factor times as many pixels as the page has points on screen, and
 * the paintable says its size in points, so the page stays sharp on
 * high-resolution screens, where a plain texture would show twice as large.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mamori-page-image.h"

/* The largest image drawn, in pixels: a zoomed page on a high-resolution
 * screen stays well under a hundred megabytes. */
#define MAX_PIXELS (5000 * 5000)

struct _MamoriPageImage
{
  GObject     parent_instance;

  GdkTexture *texture;
  int         width;
  int         height;
};

static void mamori_page_image_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MamoriPageImage, mamori_page_image, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, mamori_page_image_paintable_init))

static void
mamori_page_image_snapshot (GdkPaintable *paintable,
                            GdkSnapshot  *snapshot,
                            double        width,
                            double        height)
{
  MamoriPageImage *self = MAMORI_PAGE_IMAGE (paintable);

  gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
}

static int
mamori_page_image_get_intrinsic_width (GdkPaintable *paintable)
{
  return MAMORI_PAGE_IMAGE (paintable)->width;
}

static int
mamori_page_image_get_intrinsic_height (GdkPaintable *paintable)
{
  return MAMORI_PAGE_IMAGE (paintable)->height;
}

static GdkPaintableFlags
mamori_page_image_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
mamori_page_image_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = mamori_page_image_snapshot;
  iface->get_intrinsic_width = mamori_page_image_get_intrinsic_width;
  iface->get_intrinsic_height = mamori_page_image_get_intrinsic_height;
  iface->get_flags = mamori_page_image_get_flags;
}

static void
mamori_page_image_finalize (GObject *object)
{
  g_clear_object (&MAMORI_PAGE_IMAGE (object)->texture);

  G_OBJECT_CLASS (mamori_page_image_parent_class)->finalize (object);
}

static void
mamori_page_image_class_init (MamoriPageImageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mamori_page_image_finalize;
}

static void
mamori_page_image_init (MamoriPageImage *self)
{
}

/**
 * mamori_page_image_new:
 * @page: the page to draw
 * @zoom: its size on screen, in points per point of the page (1.0: actual size)
 * @scale_factor: the screen's pixels per point (gtk_widget_get_scale_factor())
 *
 * Returns: (transfer full) (nullable): @page on white paper, or %NULL if
 *   there is no memory for it
 */
GdkPaintable *
mamori_page_image_new (PopplerPage *page,
                       double       zoom,
                       int          scale_factor)
{
  MamoriPageImage *self;
  cairo_surface_t *surface;
  GBytes *bytes;
  cairo_t *cr;
  double page_width, page_height;
  int width, height, pixel_width, pixel_height;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);
  g_return_val_if_fail (zoom > 0, NULL);

  poppler_page_get_size (page, &page_width, &page_height);
  page_width = MAX (page_width, 1);
  page_height = MAX (page_height, 1);
  width = MAX (1, (int) ceil (page_width * zoom));
  height = MAX (1, (int) ceil (page_height * zoom));
  scale_factor = MAX (1, scale_factor);
  while (scale_factor > 1 && (double) width * height * scale_factor * scale_factor > MAX_PIXELS)
    scale_factor--;
  pixel_width = width * scale_factor;
  pixel_height = height * scale_factor;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, pixel_width / page_width, pixel_height / page_height);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The texture takes the pixels as they are: cairo's ARGB32 is
   * GDK_MEMORY_DEFAULT. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * pixel_height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  self = g_object_new (MAMORI_TYPE_PAGE_IMAGE, NULL);
  self->texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes,
                                          cairo_image_surface_get_stride (surface));
  self->width = width;
  self->height = height;
  g_bytes_unref (bytes);

  return GDK_PAINTABLE (self);
}
