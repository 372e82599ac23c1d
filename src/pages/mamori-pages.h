/* mamori-pages.h — the window's tabs, by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-page.h"

G_BEGIN_DECLS

GtkWidget *mamori_pages_new_page     (const char       *name,
                                      MamoriStore      *store);
gboolean   mamori_pages_has_records (const char       *name,
                                      MamoriRecordType  type);

G_END_DECLS
