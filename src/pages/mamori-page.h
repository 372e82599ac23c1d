/* mamori-page.h — what every tab of the window is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pages/mamori-section.h"

#include "assess/mamori-findings.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_PAGE (mamori_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (MamoriPage, mamori_page, MAMORI, PAGE, MamoriSection)

struct _MamoriPageClass
{
  MamoriSectionClass parent_class;

  /* Saves what was typed and not saved yet; TRUE when nothing is left. */
  gboolean (*save)    (MamoriPage  *self,
                       GError     **error);
  /* Drops what was typed and not saved (the user chose to). */
  void     (*discard) (MamoriPage  *self);
  /* The records the page shows: a bit (1 << type) per #MamoriRecordType. */
  guint      record_types;
  /* Shows a record of one of those types, its tab already shown. */
  void     (*open_record) (MamoriPage       *self,
                           MamoriRecordType  type,
                           gint64            id,
                           const char       *key);
  /* Puts the keyboard focus where the user picks a record (Alt+1…5). */
  void     (*focus_list)  (MamoriPage       *self);
  /* Escape: narrow, from a record back to the list; FALSE when there is
   * nothing to go back from. */
  gboolean (*go_back)     (MamoriPage       *self);
};

gboolean     mamori_page_save        (MamoriPage       *self,
                                      GError          **error);
void         mamori_page_discard     (MamoriPage       *self);
void         mamori_page_emit_toast  (MamoriPage       *self,
                                      AdwToast         *toast);
void         mamori_page_show_record (MamoriPage       *self,
                                      MamoriRecordType  type,
                                      gint64            id,
                                      const char       *key);
gboolean     mamori_page_has_records (MamoriPage       *self,
                                      MamoriRecordType  type);
void         mamori_page_open_record (MamoriPage       *self,
                                      MamoriRecordType  type,
                                      gint64            id,
                                      const char       *key);
void         mamori_page_focus_list  (MamoriPage       *self);
gboolean     mamori_page_go_back     (MamoriPage       *self);


G_END_DECLS
