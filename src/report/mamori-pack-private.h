/* mamori-pack-private.h — what the pack builder's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "catalog/mamori-checklists.h"
#include "report/mamori-pack.h"

G_BEGIN_DECLS

#define PLAYBOOK_ID "incident-playbook"

typedef struct
{
  MamoriStore               *store;
  const MamoriReportOptions *options;
  GDateTime                 *now;
  char                      *today;
  MamoriDoc                 *doc;
  MamoriClassScheme         *scheme;
  MamoriCatalog             *catalog;
  MamoriChecklistCatalog    *checklists;
  GPtrArray                 *assets;        /* MamoriAsset, highest class first */
  GHashTable                *asset_names;   /* id → name */
  GPtrArray                 *contracts;     /* MamoriContract */
  GHashTable                *item_states;   /* item id → MamoriItemState */
  GHashTable                *warnings;      /* MamoriContract → its warnings, once checked */
  GPtrArray                 *incidents;     /* MamoriIncident */
} Pack;

char       *mamori_pack_format_time         (const char              *iso_time);
const char *mamori_pack_or_dash             (const char              *text);
char       *mamori_pack_dup_asset_names     (Pack                    *pack,
                                             GArray                  *ids);
GPtrArray  *mamori_pack_check_contract      (Pack                    *pack,
                                             MamoriContract          *contract);
void        mamori_pack_checklist_progress  (Pack                    *pack,
                                             const MamoriChecklist   *checklist,
                                             MamoriChecklistProgress *progress,
                                             guint                   *in_progress);
void        mamori_pack_add_checklist_chart (Pack                    *pack);

void        mamori_pack_add_contract        (Pack                    *pack,
                                             MamoriContract          *contract,
                                             int                      level,
                                             gboolean                 reasons);
void        mamori_pack_add_contracts       (Pack                    *pack);
gboolean    mamori_pack_add_screenings      (Pack                    *pack,
                                             GError                 **error);
void        mamori_pack_add_checklists      (Pack                    *pack,
                                             gboolean                 appendix);
gboolean    mamori_pack_add_incident        (Pack                    *pack,
                                             MamoriIncident          *incident,
                                             int                      level,
                                             GError                 **error);
gboolean    mamori_pack_add_incidents       (Pack                    *pack,
                                             GError                 **error);
void        mamori_pack_add_contacts        (Pack                    *pack,
                                             MamoriProfile           *profile);
gboolean    mamori_pack_add_decisions       (Pack                    *pack,
                                             GError                 **error);

G_END_DECLS
