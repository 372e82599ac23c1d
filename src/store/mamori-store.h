/* mamori-store.h — one workspace, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "analysis/mamori-classification.h"
#include "catalog/mamori-catalog.h"
#include "model/mamori-action.h"
#include "model/mamori-asset.h"
#include "model/mamori-checklist.h"
#include "model/mamori-incident.h"
#include "model/mamori-contract.h"
#include "model/mamori-ledger.h"
#include "model/mamori-screening.h"
#include "model/mamori-profile.h"

G_BEGIN_DECLS

/* What a write changed: the detail of #MamoriStore::changed and its
 * argument. Listeners connect with mamori_store_connect_changed(). */
typedef enum
{
  MAMORI_CHANGE_PROFILE,
  MAMORI_CHANGE_SETTINGS,
  MAMORI_CHANGE_ASSETS,
  MAMORI_CHANGE_CONTRACTS,
  MAMORI_CHANGE_CONTRACT_TEXT,
  MAMORI_CHANGE_CHECKLISTS,
  MAMORI_CHANGE_INCIDENTS,
  MAMORI_CHANGE_SCREENINGS,
  MAMORI_CHANGE_END_USERS,
  MAMORI_CHANGE_ACTIONS,
  MAMORI_CHANGE_DISMISSALS,
  MAMORI_CHANGE_SNAPSHOTS,
  MAMORI_N_CHANGES
} MamoriChange;

#define MAMORI_STORE_ERROR (mamori_store_error_quark ())

/* Every error message of this domain is a sentence for the user: what
 * happened and what to do about it. */
typedef enum
{
  MAMORI_STORE_ERROR_FAILED,
  MAMORI_STORE_ERROR_NOT_FOUND,
  MAMORI_STORE_ERROR_PERMISSION,
  MAMORI_STORE_ERROR_READ_ONLY,
  MAMORI_STORE_ERROR_NOT_WORKSPACE,
  MAMORI_STORE_ERROR_TOO_NEW,
  MAMORI_STORE_ERROR_DAMAGED,
  MAMORI_STORE_ERROR_BUSY,
  MAMORI_STORE_ERROR_NO_SPACE,
  MAMORI_STORE_ERROR_INVALID,
} MamoriStoreError;

typedef enum
{
  MAMORI_STORE_OPEN_DEFAULT = 0,
  /* Create a new, empty workspace if the file does not exist. */
  MAMORI_STORE_OPEN_CREATE  = 1 << 0,
} MamoriStoreOpenFlags;

#define MAMORI_TYPE_STORE (mamori_store_get_type ())

G_DECLARE_FINAL_TYPE (MamoriStore, mamori_store, MAMORI, STORE, GObject)

GQuark         mamori_store_error_quark          (void);
int            mamori_store_get_schema_version   (void);

MamoriStore   *mamori_store_open                 (const char            *path,
                                                  MamoriStoreOpenFlags   flags,
                                                  GError               **error);
MamoriStore   *mamori_store_new_memory           (GError               **error);

gboolean       mamori_store_checkpoint           (MamoriStore           *self,
                                                  GError               **error);
void           mamori_store_set_checkpoint_delay (MamoriStore           *self,
                                                  guint                  delay_ms);
void           mamori_store_fold_journal         (const char            *path);

const char    *mamori_store_get_path             (MamoriStore           *self);
gulong         mamori_store_connect_changed      (MamoriStore           *self,
                                                  MamoriChange           what,
                                                  GCallback              callback,
                                                  gpointer               object);
char          *mamori_store_dup_display_name     (MamoriStore           *self);

char          *mamori_store_dup_setting          (MamoriStore           *self,
                                                  const char            *key,
                                                  GError               **error);
gboolean       mamori_store_set_setting          (MamoriStore           *self,
                                                  const char            *key,
                                                  const char            *value,
                                                  GError               **error);

/* A long read in one transaction (mamori_store_read()). */
typedef gboolean (*MamoriStoreReadFunc) (MamoriStore  *store,
                                         gpointer      user_data,
                                         GError      **error);
gboolean       mamori_store_read                 (MamoriStore           *self,
                                                  MamoriStoreReadFunc    func,
                                                  gpointer               user_data,
                                                  GError               **error);
MamoriProfile *mamori_store_dup_profile          (MamoriStore           *self,
                                                  GError               **error);
gboolean       mamori_store_save_profile         (MamoriStore           *self,
                                                  MamoriProfile         *profile,
                                                  GError               **error);

/* The orders the asset list can be sorted in. */
typedef enum
{
  MAMORI_ASSET_SORT_NAME,
  MAMORI_ASSET_SORT_CATEGORY,
  MAMORI_ASSET_SORT_FORM,
  MAMORI_ASSET_SORT_CLASS,
  MAMORI_ASSET_SORT_UNCOVERED,
  MAMORI_ASSET_SORT_DEPARTMENT,
  MAMORI_ASSET_SORT_RESPONSIBLE,
  MAMORI_ASSET_SORT_STORAGE,
  MAMORI_ASSET_SORT_UPDATED,
  MAMORI_N_ASSET_SORTS
} MamoriAssetSort;

/* What the asset list keeps of every row: enough to filter without asking
 * the database, nothing more. */
typedef struct
{
  gint64               id;
  const char          *search_text;   /* normalized, fields separated by '\n' */
  int                  class_level;   /* MAMORI_CLASS_NONE if not evaluated */
  MamoriAssetCategory  category;
  guint                uncovered;
} MamoriAssetRow;

typedef void (*MamoriAssetRowFunc) (const MamoriAssetRow *row,
                                    gpointer              user_data);

gint64             mamori_store_add_asset            (MamoriStore          *self,
                                                      MamoriAsset          *asset,
                                                      GError              **error);
gboolean           mamori_store_add_assets           (MamoriStore          *self,
                                                      GPtrArray            *assets,
                                                      GError              **error);
MamoriAsset       *mamori_store_dup_asset            (MamoriStore          *self,
                                                      gint64                id,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_assets           (MamoriStore          *self,
                                                      GError              **error);
gboolean           mamori_store_save_asset           (MamoriStore          *self,
                                                      MamoriAsset          *asset,
                                                      GError              **error);
gint64             mamori_store_duplicate_asset      (MamoriStore          *self,
                                                      gint64                id,
                                                      GError              **error);
gboolean           mamori_store_delete_assets        (MamoriStore          *self,
                                                      GArray               *ids,
                                                      GError              **error);
gboolean           mamori_store_restore_assets       (MamoriStore          *self,
                                                      GArray               *ids,
                                                      GError              **error);
guint              mamori_store_count_assets         (MamoriStore          *self);
GHashTable        *mamori_store_dup_asset_keys       (MamoriStore          *self,
                                                      GError              **error);
int                mamori_store_get_highest_class    (MamoriStore          *self,
                                                      GArray               *ids,
                                                      GError              **error);
gboolean           mamori_store_foreach_asset_row    (MamoriStore          *self,
                                                      MamoriAssetSort       sort,
                                                      gboolean              descending,
                                                      MamoriAssetRowFunc    func,
                                                      gpointer              user_data,
                                                      GError              **error);
GArray            *mamori_store_dup_asset_order      (MamoriStore          *self,
                                                      MamoriAssetSort       sort,
                                                      gboolean              descending,
                                                      GError              **error);
gboolean           mamori_store_read_asset_row       (MamoriStore          *self,
                                                      gint64                id,
                                                      MamoriAssetRowFunc    func,
                                                      gpointer              user_data,
                                                      GError              **error);
GHashTable        *mamori_store_dup_adopted_measures (MamoriStore          *self,
                                                      gint64                asset_id,
                                                      GError              **error);
gboolean           mamori_store_set_measure_adopted  (MamoriStore          *self,
                                                      MamoriAsset          *asset,
                                                      const char           *measure_id,
                                                      gboolean              adopted,
                                                      GError              **error);
gint64             mamori_store_add_ledger_entry     (MamoriStore          *self,
                                                      MamoriLedgerEntry    *entry,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_ledger           (MamoriStore          *self,
                                                      gint64                asset_id,
                                                      GError              **error);
MamoriClassScheme *mamori_store_dup_class_scheme     (MamoriStore          *self);
gboolean           mamori_store_set_class_scheme     (MamoriStore          *self,
                                                      const MamoriClassScheme *scheme,
                                                      GError              **error);
void               mamori_store_notify_assets_changed (MamoriStore         *self);

gint64             mamori_store_add_screening        (MamoriStore          *self,
                                                      MamoriScreening      *screening,
                                                      GError              **error);
gboolean           mamori_store_add_screening_note   (MamoriStore          *self,
                                                      gint64                screening_id,
                                                      const char           *text,
                                                      const char           *author,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_screenings       (MamoriStore          *self,
                                                      GError              **error);
gboolean           mamori_store_replace_end_users    (MamoriStore          *self,
                                                      GPtrArray            *entries,
                                                      const char           *source,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_end_users        (MamoriStore          *self,
                                                      char                **out_description,
                                                      GError              **error);

/* Contracts (mamori-store-contracts.c). Every save writes the contract, its
 * disclosed assets and its clause review in one transaction and emits
 * #MamoriStore::changed with "contracts". */
gint64             mamori_store_add_contract         (MamoriStore          *self,
                                                      MamoriContract       *contract,
                                                      GError              **error);
gboolean           mamori_store_save_contract        (MamoriStore          *self,
                                                      MamoriContract       *contract,
                                                      GError              **error);
MamoriContract    *mamori_store_dup_contract         (MamoriStore          *self,
                                                      gint64                id,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_contracts        (MamoriStore          *self,
                                                      GError              **error);
gboolean           mamori_store_delete_contract      (MamoriStore          *self,
                                                      gint64                id,
                                                      GError              **error);
gboolean           mamori_store_restore_contract     (MamoriStore          *self,
                                                      gint64                id,
                                                      GError              **error);
char              *mamori_store_dup_contract_text    (MamoriStore          *self,
                                                      gint64                id,
                                                      GError              **error);
gboolean           mamori_store_save_contract_text   (MamoriStore          *self,
                                                      gint64                id,
                                                      const char           *text,
                                                      GError              **error);

GPtrArray         *mamori_store_check_contract       (MamoriStore          *self,
                                                      MamoriContract       *contract,
                                                      MamoriCatalog        *catalog,
                                                      const char           *today,
                                                      GError              **error);

/* What a contract shows of an asset it discloses. */
typedef struct
{
  gint64  id;
  char   *name;
  int     class_level;  /* MAMORI_CLASS_NONE if not evaluated */
} MamoriAssetSummary;

void               mamori_asset_summary_free         (MamoriAssetSummary   *summary);
/* The assets in @ids that are in the register (not deleted), in that order;
 * or, with @ids NULL, up to @limit assets whose fields contain @query
 * (all when blank), by name. */
GPtrArray         *mamori_store_dup_asset_summaries  (MamoriStore          *self,
                                                      GArray               *ids,
                                                      const char           *query,
                                                      guint                 limit,
                                                      GError              **error);

/* Checklists, evidence, incidents, approaches (mamori-store-checklists.c).
 * Each write emits #MamoriStore::changed with "checklists" or "incidents". */
GHashTable        *mamori_store_dup_item_states      (MamoriStore          *self,
                                                      GError              **error);
gboolean           mamori_store_save_item_state      (MamoriStore          *self,
                                                      MamoriItemState      *state,
                                                      GError              **error);

/* What evidence belongs to: a checklist item (key: its id) or an incident
 * (key: its id as text). */
#define MAMORI_EVIDENCE_FOR_ITEM     "checklist-item"
#define MAMORI_EVIDENCE_FOR_INCIDENT "incident"

gint64             mamori_store_attach_evidence      (MamoriStore          *self,
                                                      const char           *owner_kind,
                                                      const char           *owner_key,
                                                      const char           *path,
                                                      GError              **error);
gint64             mamori_store_attach_hashed_evidence (MamoriStore        *self,
                                                      const char           *owner_kind,
                                                      const char           *owner_key,
                                                      const char           *path,
                                                      const char           *sha256,
                                                      gint64                size,
                                                      GError              **error);
void               mamori_store_set_attach_error     (GError              **error,
                                                      const char           *path,
                                                      const GError         *cause);
GPtrArray         *mamori_store_dup_evidence         (MamoriStore          *self,
                                                      const char           *owner_kind,
                                                      const char           *owner_key,
                                                      GError              **error);
gboolean           mamori_store_detach_evidence      (MamoriStore          *self,
                                                      gint64                id,
                                                      GError              **error);

gint64             mamori_store_add_incident         (MamoriStore          *self,
                                                      MamoriIncident       *incident,
                                                      GError              **error);
gboolean           mamori_store_save_incident        (MamoriStore          *self,
                                                      MamoriIncident       *incident,
                                                      GError              **error);
gboolean           mamori_store_delete_incident      (MamoriStore          *self,
                                                      gint64                id,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_incidents        (MamoriStore          *self,
                                                      GError              **error);
gboolean           mamori_store_set_incident_check   (MamoriStore          *self,
                                                      gint64                incident_id,
                                                      const char           *item_id,
                                                      gboolean              done,
                                                      GError              **error);
GHashTable        *mamori_store_dup_incident_checks  (MamoriStore          *self,
                                                      gint64                incident_id,
                                                      GError              **error);
gint64             mamori_store_add_incident_entry   (MamoriStore          *self,
                                                      MamoriIncidentEntry  *entry,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_incident_entries (MamoriStore          *self,
                                                      gint64                incident_id,
                                                      GError              **error);
gint64             mamori_store_add_approach         (MamoriStore          *self,
                                                      MamoriApproach       *approach,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_approaches       (MamoriStore          *self,
                                                      GError              **error);
gint64             mamori_store_approach_to_incident (MamoriStore          *self,
                                                      gint64                approach_id,
                                                      GError              **error);

/* The risk flags found in each contract's kept text (mamori-store-contracts.c). */
GHashTable        *mamori_store_dup_contract_flags   (MamoriStore          *self,
                                                      GError              **error);

/* The action plan, dismissed findings and snapshots (mamori-store-plan.c). */
GPtrArray         *mamori_store_dup_actions          (MamoriStore          *self,
                                                      GError              **error);
gboolean           mamori_store_save_action          (MamoriStore          *self,
                                                      MamoriAction         *action,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_action_history   (MamoriStore          *self,
                                                      gint64                action_id,
                                                      GError              **error);
gboolean           mamori_store_dismiss_finding      (MamoriStore          *self,
                                                      const char           *key,
                                                      const char           *facts,
                                                      const char           *title,
                                                      const char           *reason,
                                                      GError              **error);
gboolean           mamori_store_restore_finding      (MamoriStore          *self,
                                                      const char           *key,
                                                      GError              **error);
GHashTable        *mamori_store_dup_dismissals       (MamoriStore          *self,
                                                      GError              **error);
gint64             mamori_store_add_snapshot         (MamoriStore          *self,
                                                      MamoriSnapshot       *snapshot,
                                                      GError              **error);
GPtrArray         *mamori_store_dup_snapshots        (MamoriStore          *self,
                                                      guint                 limit,
                                                      GError              **error);

G_END_DECLS
