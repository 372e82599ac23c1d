/* mamori-overview-page.h — the Overview tab (概要): where the company stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-page.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_OVERVIEW_PAGE (mamori_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (MamoriOverviewPage, mamori_overview_page, MAMORI, OVERVIEW_PAGE, MamoriPage)

GtkWidget        *mamori_overview_page_new            (MamoriStore        *store);
MamoriAssessment *mamori_overview_page_get_assessment (MamoriOverviewPage *self);
void              mamori_overview_page_refresh        (MamoriOverviewPage *self);

G_END_DECLS
