/* mamori-rows.h — rows that show reference text and contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "catalog/mamori-catalog.h"

G_BEGIN_DECLS

GtkWidget *mamori_text_row_new    (const char               *title,
                                   const char               *subtitle);
GtkWidget *mamori_fact_row_new    (const char               *name,
                                   const char               *value);
GtkWidget *mamori_copy_row_new    (const char               *title,
                                   const char               *value);
GtkWidget *mamori_contact_row_new (const MamoriCatalogEntry *contact);
GtkWidget *mamori_date_row_add_picker (AdwEntryRow          *row);
char      *mamori_strip_mnemonic      (const char           *text);
void       mamori_name_row_controls   (GtkWidget            *root);
void       mamori_combo_row_wrap_choices (AdwComboRow       *row);

G_END_DECLS
