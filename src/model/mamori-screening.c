/* mamori-screening.c — a dated screening record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <string.h>

#include "analysis/mamori-text.h"
#include "mamori-screening.h"

static void
note_free (gpointer data)
{
  MamoriScreeningNote *note = data;

  g_free (note->text);
  g_free (note->author);
  g_free (note->created_at);
  g_free (note);
}

/**
 * mamori_screening_new:
 *
 * Returns: (transfer full): a record not yet saved, with no notes
 */
MamoriScreening *
mamori_screening_new (const char *kind,
                      const char *subject,
                      const char *inputs,
                      const char *result,
                      const char *outcome)
{
  MamoriScreening *screening = g_new0 (MamoriScreening, 1);

  screening->kind = g_strdup (kind);
  screening->subject = g_strdup (subject);
  screening->inputs = g_strdup (inputs != NULL ? inputs : "");
  screening->result = g_strdup (result);
  screening->outcome = g_strdup (outcome != NULL ? outcome : "");
  screening->checked_by = g_strdup ("");
  screening->catalog_version = g_strdup ("");
  screening->end_user_list = g_strdup ("");
  screening->notes = g_ptr_array_new_with_free_func (note_free);
  return screening;
}

void
mamori_screening_free (MamoriScreening *screening)
{
  if (screening == NULL)
    return;
  g_free (screening->kind);
  g_free (screening->subject);
  g_free (screening->inputs);
  g_free (screening->result);
  g_free (screening->outcome);
  g_free (screening->checked_by);
  g_free (screening->catalog_version);
  g_free (screening->end_user_list);
  g_free (screening->created_at);
  g_ptr_array_unref (screening->notes);
  g_free (screening);
}

const char *
mamori_screening_kind_get_label (const char *kind)
{
  if (g_strcmp0 (kind, "search") == 0)
    return _("Catalog search");
  if (g_strcmp0 (kind, "entry") == 0)
    return _("Catalog entry");
  if (g_strcmp0 (kind, "export-destination") == 0)
    return _("Export destination");
  if (g_strcmp0 (kind, "technology-transfer") == 0)
    return _("Technology transfer abroad");
  if (g_strcmp0 (kind, "inward-investment") == 0)
    return _("Inward investment");
  if (g_strcmp0 (kind, "end-user") == 0)
    return _("Counterparty screening");
  return kind;
}

/**
 * mamori_screening_get_user_name:
 *
 * Returns: who is checking or writing a note: the account's full name, or
 *   its login name when it has none
 */
const char *
mamori_screening_get_user_name (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no full name. */
  if (mamori_text_is_blank (name) || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name;
}

/* Whether any text of the record or its notes holds @normalized_query
 * (already through mamori_text_normalize_for_search()). */
gboolean
mamori_screening_matches (MamoriScreening *screening,
                          const char      *normalized_query)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *normalized = NULL;

  if (normalized_query == NULL || *normalized_query == '\0')
    return TRUE;

  g_string_append_printf (all, "%s\n%s\n%s\n%s\n%s\n%s\n%s", mamori_screening_kind_get_label (screening->kind),
                          screening->subject, screening->inputs, screening->result, screening->checked_by,
                          screening->created_at != NULL ? screening->created_at : "", screening->catalog_version);
  for (guint i = 0; i < screening->notes->len; i++)
    {
      MamoriScreeningNote *note = g_ptr_array_index (screening->notes, i);

      g_string_append_printf (all, "\n%s\n%s", note->text, note->author);
    }
  normalized = mamori_text_normalize_for_search (all->str);
  return strstr (normalized, normalized_query) != NULL;
}
