/* mamori-incident.c — an incident, its timeline, and reported approaches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"

#include "mamori-incident.h"

G_DEFINE_ENUM_TYPE (MamoriIncidentKind, mamori_incident_kind,
  G_DEFINE_ENUM_VALUE (MAMORI_INCIDENT_INSIDER, "insider"),
  G_DEFINE_ENUM_VALUE (MAMORI_INCIDENT_PARTNER, "partner"),
  G_DEFINE_ENUM_VALUE (MAMORI_INCIDENT_INTRUSION, "intrusion"),
  G_DEFINE_ENUM_VALUE (MAMORI_INCIDENT_LOST_DEVICE, "lost-device"),
  G_DEFINE_ENUM_VALUE (MAMORI_INCIDENT_APPROACH, "approach"),
  G_DEFINE_ENUM_VALUE (MAMORI_INCIDENT_OTHER, "other"))

G_DEFINE_ENUM_TYPE (MamoriIncidentStatus, mamori_incident_status,
  G_DEFINE_ENUM_VALUE (MAMORI_INCIDENT_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (MAMORI_INCIDENT_CONTAINED, "contained"),
  G_DEFINE_ENUM_VALUE (MAMORI_INCIDENT_CLOSED, "closed"))

const char *
mamori_incident_kind_get_label (MamoriIncidentKind kind)
{
  switch (kind)
    {
    /* Translators: kinds of incident */
    case MAMORI_INCIDENT_INSIDER: return _("Suspected leak by an employee or leaver");
    case MAMORI_INCIDENT_PARTNER: return _("Leak via a partner");
    case MAMORI_INCIDENT_INTRUSION: return _("Ransomware or intrusion");
    case MAMORI_INCIDENT_LOST_DEVICE: return _("Lost device or media");
    case MAMORI_INCIDENT_APPROACH: return _("Suspicious approach");
    case MAMORI_INCIDENT_OTHER: return C_("incident kind", "Other");
    case MAMORI_N_INCIDENT_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
mamori_incident_status_get_label (MamoriIncidentStatus status)
{
  switch (status)
    {
    /* Translators: the state of an incident */
    case MAMORI_INCIDENT_OPEN: return C_("incident", "Open");
    case MAMORI_INCIDENT_CONTAINED: return C_("incident", "Contained");
    case MAMORI_INCIDENT_CLOSED: return C_("incident", "Closed");
    case MAMORI_N_INCIDENT_STATUSES:
    default:
      g_return_val_if_reached ("");
    }
}

MamoriIncident *
mamori_incident_new (void)
{
  MamoriIncident *incident = g_new0 (MamoriIncident, 1);

  incident->title = g_strdup ("");
  incident->kind = MAMORI_INCIDENT_OTHER;
  incident->status = MAMORI_INCIDENT_OPEN;
  incident->asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  incident->created = g_strdup ("");
  incident->updated = g_strdup ("");
  return incident;
}

void
mamori_incident_free (MamoriIncident *incident)
{
  if (incident == NULL)
    return;
  g_free (incident->title);
  g_array_unref (incident->asset_ids);
  g_free (incident->created);
  g_free (incident->updated);
  g_free (incident);
}

MamoriIncidentEntry *
mamori_incident_entry_new (void)
{
  MamoriIncidentEntry *entry = g_new0 (MamoriIncidentEntry, 1);

  entry->happened_at = g_strdup ("");
  entry->author = g_strdup ("");
  entry->text = g_strdup ("");
  entry->recorded_at = g_strdup ("");
  return entry;
}

void
mamori_incident_entry_free (MamoriIncidentEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->happened_at);
  g_free (entry->author);
  g_free (entry->text);
  g_free (entry->recorded_at);
  g_free (entry);
}

MamoriApproach *
mamori_approach_new (void)
{
  MamoriApproach *approach = g_new0 (MamoriApproach, 1);

  approach->occurred_on = g_strdup ("");
  approach->who = g_strdup ("");
  approach->channel = g_strdup ("");
  approach->description = g_strdup ("");
  approach->reporter = g_strdup ("");
  approach->recorded_at = g_strdup ("");
  return approach;
}

void
mamori_approach_free (MamoriApproach *approach)
{
  if (approach == NULL)
    return;
  g_free (approach->occurred_on);
  g_free (approach->who);
  g_free (approach->channel);
  g_free (approach->description);
  g_free (approach->reporter);
  g_free (approach->recorded_at);
  g_free (approach);
}

/* Whom to call first for each kind of incident: keys of the catalog's
 * consultation contacts (C2 police, C3 PSIA, C7 IPA, C8 INPIT, C1 the
 * prefecture's general desk). */
static const char * const contacts_by_kind[MAMORI_N_INCIDENT_KINDS][5] = {
  [MAMORI_INCIDENT_INSIDER] = { "C2", "C8", "C1", NULL },
  [MAMORI_INCIDENT_PARTNER] = { "C8", "C2", "C1", NULL },
  [MAMORI_INCIDENT_INTRUSION] = { "C7", "C2", "C1", NULL },
  [MAMORI_INCIDENT_LOST_DEVICE] = { "C7", "C2", "C1", NULL },
  [MAMORI_INCIDENT_APPROACH] = { "C2", "C3", "C1", NULL },
  [MAMORI_INCIDENT_OTHER] = { "C2", "C7", "C8", "C1", NULL },
};

/**
 * mamori_incident_kind_get_contacts:
 *
 * Returns: (transfer none): the catalog keys of the contacts to call for an
 *   incident of @kind, first whom to call first; %NULL-terminated
 */
const char * const *
mamori_incident_kind_get_contacts (MamoriIncidentKind kind)
{
  g_return_val_if_fail (kind < MAMORI_N_INCIDENT_KINDS, contacts_by_kind[MAMORI_INCIDENT_OTHER]);
  return contacts_by_kind[kind];
}

/**
 * mamori_incident_parse_time:
 * @text: a date as people write it (2025-04-01, 2025/4/1, ２０２５年４月１日),
 *   a space or a T, then hour:minute
 *
 * Returns: (transfer full) (nullable): that minute in local time, or %NULL
 */
GDateTime *
mamori_incident_parse_time (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *date = NULL;
  char *time;
  int year, month, day, hour, minute, end = 0;

  if (normalized == NULL)
    return NULL;
  g_strstrip (normalized);
  time = strrchr (normalized, ' ');
  if (time == NULL)
    time = strrchr (normalized, 'T');
  if (time == NULL)
    return NULL;
  *time++ = '\0';
  date = mamori_text_parse_date (normalized, TRUE);
  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      sscanf (time, "%2d:%2d%n", &hour, &minute, &end) != 2 || time[end] != '\0' ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return NULL;
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

/**
 * mamori_incident_time_is_future:
 *
 * Whether @when is later than @now, with a minute's grace for the clock.
 * Timeline entries cannot be changed once added, so a mistyped year is
 * refused first.
 */
gboolean
mamori_incident_time_is_future (GDateTime *when,
                                GDateTime *now)
{
  return g_date_time_difference (when, now) > 60 * G_TIME_SPAN_SECOND;
}

/**
 * mamori_incident_date_is_future:
 * @date: YYYY-MM-DD
 * @now: now, in the user's time zone
 *
 * Whether @date is after today: reports of approaches cannot be changed
 * once logged either.
 */
gboolean
mamori_incident_date_is_future (const char *date,
                                GDateTime  *now)
{
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return strcmp (date, today) > 0;
}
