/* mamori-page-image.h — a PDF page drawn for the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

G_BEGIN_DECLS

#define MAMORI_TYPE_PAGE_IMAGE (mamori_page_image_get_type ())

G_DECLARE_FINAL_TYPE (MamoriPageImage, mamori_page_image, MAMORI, PAGE_IMAGE, GObject)

GdkPaintable *mamori_page_image_new (PopplerPage *page,
                                     double       zoom,
                                     int          scale_factor);

G_END_DECLS
