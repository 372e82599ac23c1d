/* mamori-incident.h — an incident, its timeline, and reported approaches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of incident the guide's section D walks through. */
typedef enum
{
  MAMORI_INCIDENT_INSIDER,      /*< nick=insider >*/      /* 従業員・退職者による漏えいの疑い */
  MAMORI_INCIDENT_PARTNER,      /*< nick=partner >*/      /* 取引先経由の漏えい */
  MAMORI_INCIDENT_INTRUSION,    /*< nick=intrusion >*/    /* ランサムウェア・不正侵入 */
  MAMORI_INCIDENT_LOST_DEVICE,  /*< nick=lost-device >*/  /* 端末・媒体の紛失 */
  MAMORI_INCIDENT_APPROACH,     /*< nick=approach >*/     /* 不審な接触 */
  MAMORI_INCIDENT_OTHER,        /*< nick=other >*/
  MAMORI_N_INCIDENT_KINDS
} MamoriIncidentKind;

typedef enum
{
  MAMORI_INCIDENT_OPEN,       /*< nick=open >*/
  MAMORI_INCIDENT_CONTAINED,  /*< nick=contained >*/
  MAMORI_INCIDENT_CLOSED,     /*< nick=closed >*/
  MAMORI_N_INCIDENT_STATUSES
} MamoriIncidentStatus;

#define MAMORI_TYPE_INCIDENT_KIND   (mamori_incident_kind_get_type ())
#define MAMORI_TYPE_INCIDENT_STATUS (mamori_incident_status_get_type ())
GType       mamori_incident_kind_get_type     (void);
GType       mamori_incident_status_get_type   (void);
const char *mamori_incident_kind_get_label    (MamoriIncidentKind   kind);
const char *mamori_incident_status_get_label  (MamoriIncidentStatus status);

const char * const *mamori_incident_kind_get_contacts (MamoriIncidentKind  kind);
GDateTime          *mamori_incident_parse_time        (const char         *text);
gboolean            mamori_incident_time_is_future    (GDateTime          *when,
                                                       GDateTime          *now);
gboolean            mamori_incident_date_is_future    (const char         *date,
                                                       GDateTime          *now);

typedef struct
{
  gint64                id;
  char                 *title;
  MamoriIncidentKind    kind;
  MamoriIncidentStatus  status;
  GArray               *asset_ids;  /* gint64, ascending */
  char                 *created;
  char                 *updated;
} MamoriIncident;

MamoriIncident *mamori_incident_new  (void);
void            mamori_incident_free (MamoriIncident *incident);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriIncident, mamori_incident_free)

/* One timestamped line of an incident's timeline. Never changed: a
 * correction is a new entry that names the one it corrects. */
typedef struct
{
  gint64  id;
  gint64  incident_id;
  char   *happened_at;  /* ISO 8601 with its offset, as the user gave it */
  char   *author;
  char   *text;
  gint64  corrects;     /* 0: none */
  char   *recorded_at;  /* when written, UTC */
} MamoriIncidentEntry;

MamoriIncidentEntry *mamori_incident_entry_new  (void);
void                 mamori_incident_entry_free (MamoriIncidentEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriIncidentEntry, mamori_incident_entry_free)

/* A report of a suspicious approach (the guide's スパイ工作 signs). */
typedef struct
{
  gint64  id;
  char   *occurred_on;  /* YYYY-MM-DD */
  char   *who;
  char   *channel;
  char   *description;
  char   *reporter;
  gint64  incident_id;  /* 0 until it becomes an incident */
  char   *recorded_at;
} MamoriApproach;

MamoriApproach *mamori_approach_new  (void);
void            mamori_approach_free (MamoriApproach *approach);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriApproach, mamori_approach_free)

G_END_DECLS
