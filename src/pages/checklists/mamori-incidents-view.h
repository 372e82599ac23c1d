/* mamori-incidents-view.h — incident records and reported approaches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-section.h"

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_INCIDENTS_VIEW (mamori_incidents_view_get_type ())

G_DECLARE_FINAL_TYPE (MamoriIncidentsView, mamori_incidents_view, MAMORI, INCIDENTS_VIEW, MamoriSection)

GtkWidget *mamori_incidents_view_new           (MamoriStore         *store);
void       mamori_incidents_view_show_incident (MamoriIncidentsView *self,
                                                gint64               incident_id);

gboolean   mamori_incidents_view_save          (MamoriIncidentsView  *self,
                                                GError              **error);
void       mamori_incidents_view_discard       (MamoriIncidentsView  *self);

gboolean   mamori_incidents_view_get_in_detail (MamoriIncidentsView *self);

G_END_DECLS
