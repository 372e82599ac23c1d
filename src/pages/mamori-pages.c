/* mamori-pages.c — the window's tabs, by name
 *
 * The one place that knows which #MamoriPage subclass shows which tab; the
 * window asks for its tabs by the names in its template and otherwise
 * treats them as #MamoriPage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pages/assets/mamori-assets-page.h"
#include "pages/checklists/mamori-checklists-page.h"
#include "pages/contracts/mamori-contracts-page.h"
#include "pages/lookup/mamori-lookup-page.h"
#include "pages/overview/mamori-overview-page.h"
#include "mamori-pages.h"

static const struct
{
  const char *name;
  GType     (*get_type) (void);
} pages[] = {
  { "overview", mamori_overview_page_get_type },
  { "assets", mamori_assets_page_get_type },
  { "contracts", mamori_contracts_page_get_type },
  { "lookup", mamori_lookup_page_get_type },
  { "checklists", mamori_checklists_page_get_type },
};

/**
 * mamori_pages_new_page:
 * @name: a tab's name ("overview", "assets", …)
 *
 * Returns: (transfer floating) (nullable): the tab's page showing @store,
 *   or %NULL for a name no page has
 */
GtkWidget *
mamori_pages_new_page (const char  *name,
                       MamoriStore *store)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (MAMORI_IS_STORE (store), NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      return g_object_new (pages[i].get_type (), "store", store, NULL);
  return NULL;
}

/**
 * mamori_pages_has_records:
 * @name: a tab's name
 *
 * Returns: whether records of @type are shown in the tab @name (asked of
 *   its page's class, so that the page need not be made yet)
 */
gboolean
mamori_pages_has_records (const char       *name,
                          MamoriRecordType  type)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      {
        MamoriPageClass *klass = g_type_class_ref (pages[i].get_type ());
        gboolean has = (klass->record_types & (1u << type)) != 0;

        g_type_class_unref (klass);
        return has;
      }
  return FALSE;
}
