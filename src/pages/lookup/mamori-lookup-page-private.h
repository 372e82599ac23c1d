/* mamori-lookup-page-private.h — what the Lookup tab's files share
 *
 * The tab is split by concern: the sidebar, search and catalog pages in
 * mamori-lookup-page.c, the guided checks in mamori-lookup-checks.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "catalog/mamori-catalog.h"
#include "widgets/mamori-rows.h"
#include "pages/lookup/mamori-lookup-page.h"

G_BEGIN_DECLS

MamoriCatalog *mamori_lookup_page_get_catalog      (MamoriLookupPage         *self);
void           mamori_lookup_page_show_entry       (MamoriLookupPage         *self,
                                                    const MamoriCatalogEntry *entry);
gboolean       mamori_lookup_page_save_record      (MamoriLookupPage         *self,
                                                    MamoriScreening          *record);
GtkWidget     *mamori_lookup_page_new_contacts_group (MamoriLookupPage       *self,
                                                    char                    **contacts);
GtkWidget     *mamori_lookup_page_new_entries_group (MamoriLookupPage        *self,
                                                    const char               *title,
                                                    GPtrArray                *entries);
void           mamori_lookup_page_review_catalog_file (MamoriLookupPage     *self,
                                                    GFile                    *file);
void           mamori_lookup_group_set_title       (AdwPreferencesGroup      *group,
                                                    const char               *title);
void           mamori_lookup_group_set_description (AdwPreferencesGroup      *group,
                                                    const char               *description);
GtkWidget     *mamori_lookup_text_group_new        (const char               *title,
                                                    const char               *text);

/* In mamori-lookup-checks.c: the page of a guided check. */
GtkWidget     *mamori_lookup_check_new             (MamoriLookupPage         *self,
                                                    const char               *check);
void           mamori_lookup_check_import_file     (GtkWidget                *check,
                                                    GFile                    *file);

G_END_DECLS
