/* mamori-ledger.c — the handling ledger of an asset (持出し・複製・廃棄の管理簿)
 *
 * TICS item 9 asks for a register of when protected information was taken
 * out, copied or disposed of. Entries are never changed: a mistake is put
 * right by a new entry that corrects the old one, and both stay visible,
 * because the ledger may have to serve as evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <stdio.h>
#include <string.h>

#include "mamori-ledger.h"

G_DEFINE_ENUM_TYPE (MamoriLedgerKind, mamori_ledger_kind,
  G_DEFINE_ENUM_VALUE (MAMORI_LEDGER_TAKE_OUT, "take-out"),
  G_DEFINE_ENUM_VALUE (MAMORI_LEDGER_COPY, "copy"),
  G_DEFINE_ENUM_VALUE (MAMORI_LEDGER_DISPOSAL, "disposal"),
  G_DEFINE_ENUM_VALUE (MAMORI_LEDGER_RETURN, "return"))

MamoriLedgerEntry *
mamori_ledger_entry_new (void)
{
  MamoriLedgerEntry *entry = g_new0 (MamoriLedgerEntry, 1);

  entry->date = g_strdup ("");
  entry->person = g_strdup ("");
  entry->purpose = g_strdup ("");
  entry->recorded_at = g_strdup ("");
  return entry;
}

void
mamori_ledger_entry_free (MamoriLedgerEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->date);
  g_free (entry->person);
  g_free (entry->purpose);
  g_free (entry->recorded_at);
  g_free (entry);
}

const char *
mamori_ledger_kind_get_label (MamoriLedgerKind kind)
{
  switch (kind)
    {
    /* Translators: kinds of handling-ledger entries: 持出し, 複製, 廃棄, 返却 */
    case MAMORI_LEDGER_TAKE_OUT: return _("Taken out");
    case MAMORI_LEDGER_COPY:     return _("Copied");
    case MAMORI_LEDGER_DISPOSAL: return _("Disposed of");
    case MAMORI_LEDGER_RETURN:   return _("Returned");
    default:                     g_return_val_if_reached (NULL);
    }
}

const char *
mamori_ledger_kind_to_string (MamoriLedgerKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MAMORI_TYPE_LEDGER_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  /* Nicks are static strings; the class outlives the reference. */
  return value != NULL ? value->value_nick : NULL;
}

gboolean
mamori_ledger_kind_from_string (const char       *text,
                                MamoriLedgerKind *kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MAMORI_TYPE_LEDGER_KIND);
  GEnumValue *value = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

  if (value == NULL)
    return FALSE;
  *kind = value->value;
  return TRUE;
}

/* A real calendar date written YYYY-MM-DD. */
gboolean
mamori_ledger_date_is_valid (const char *date)
{
  int year, month, day;
  char end;

  if (date == NULL || strlen (date) != 10 ||
      sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}
