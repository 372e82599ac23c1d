/* mamori-ledger.h — the handling ledger of an asset (持出し・複製・廃棄の管理簿)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MAMORI_LEDGER_TAKE_OUT,  /*< nick=take-out >*/  /* 持出し */
  MAMORI_LEDGER_COPY,      /*< nick=copy >*/      /* 複製 */
  MAMORI_LEDGER_DISPOSAL,  /*< nick=disposal >*/  /* 廃棄 */
  MAMORI_LEDGER_RETURN,    /*< nick=return >*/    /* 返却 */
} MamoriLedgerKind;

#define MAMORI_TYPE_LEDGER_KIND (mamori_ledger_kind_get_type ())
GType mamori_ledger_kind_get_type (void);

typedef struct
{
  gint64            id;
  gint64            asset_id;
  char             *date;          /* when it happened, YYYY-MM-DD */
  MamoriLedgerKind  kind;
  char             *person;
  char             *purpose;
  gint64            corrects;      /* the entry this one corrects, or 0 */
  gint64            corrected_by;  /* the newest entry correcting this one, or 0 (filled when read) */
  char             *recorded_at;   /* when it was written down, UTC */
} MamoriLedgerEntry;

MamoriLedgerEntry *mamori_ledger_entry_new        (void);
void               mamori_ledger_entry_free       (MamoriLedgerEntry *entry);
const char        *mamori_ledger_kind_get_label   (MamoriLedgerKind   kind);
const char        *mamori_ledger_kind_to_string   (MamoriLedgerKind   kind);
gboolean           mamori_ledger_kind_from_string (const char        *text,
                                                   MamoriLedgerKind  *kind);
gboolean           mamori_ledger_date_is_valid    (const char        *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriLedgerEntry, mamori_ledger_entry_free)

G_END_DECLS
