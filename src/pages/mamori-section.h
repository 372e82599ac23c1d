/* mamori-section.h — a part of a tab that shows one workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "assess/mamori-findings.h"
#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_SECTION (mamori_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (MamoriSection, mamori_section, MAMORI, SECTION, AdwBin)

struct _MamoriSectionClass
{
  AdwBinClass parent_class;
};

MamoriStore *mamori_section_get_store  (MamoriSection *self);
void         mamori_section_add_toast  (MamoriSection *self,
                                        AdwToast      *toast);
void         mamori_section_show_error (MamoriSection *self,
                                        const char    *title,
                                        const GError  *error);
void         mamori_section_scroll_to_top  (GtkWidget        *page);
void         mamori_section_add_undo_toast (MamoriSection    *self,
                                            const char       *title,
                                            MamoriRecordType  type,
                                            GArray           *ids);

G_END_DECLS
