/* mamori-lookup-page.h — the Lookup tab (guide section B)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-page.h"

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_LOOKUP_PAGE (mamori_lookup_page_get_type ())

G_DECLARE_FINAL_TYPE (MamoriLookupPage, mamori_lookup_page, MAMORI, LOOKUP_PAGE, MamoriPage)

void       mamori_lookup_page_show_screening (MamoriLookupPage *self,
                                              gint64            id);

G_END_DECLS
