/* mamori-screenings-view.h — the screening records: the dated audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-section.h"

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_SCREENINGS_VIEW (mamori_screenings_view_get_type ())

G_DECLARE_FINAL_TYPE (MamoriScreeningsView, mamori_screenings_view, MAMORI, SCREENINGS_VIEW, MamoriSection)

GtkWidget *mamori_screenings_view_new         (MamoriStore          *store);
void       mamori_screenings_view_show_record (MamoriScreeningsView *self,
                                               gint64                id);

G_END_DECLS
