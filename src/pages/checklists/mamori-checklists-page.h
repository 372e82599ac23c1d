/* mamori-checklists-page.h — the Checklists tab (guide sections C and D)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-page.h"

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_CHECKLISTS_PAGE (mamori_checklists_page_get_type ())

G_DECLARE_FINAL_TYPE (MamoriChecklistsPage, mamori_checklists_page, MAMORI, CHECKLISTS_PAGE, MamoriPage)

void       mamori_checklists_page_show               (MamoriChecklistsPage  *self,
                                                      const char            *checklist_id);
void       mamori_checklists_page_show_incident      (MamoriChecklistsPage  *self,
                                                      gint64                 incident_id);

G_END_DECLS
