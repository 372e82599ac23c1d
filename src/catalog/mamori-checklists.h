/* mamori-checklists.h — the bundled checklists of the guide's sections C and D
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MAMORI_CHECKLIST_ERROR (mamori_checklist_error_quark ())

typedef enum
{
  MAMORI_CHECKLIST_ERROR_INVALID,   /* not a checklist file, or it breaks a rule */
} MamoriChecklistError;

/* How far an item was confirmed: the "status" key of checklists.ini, with
 * the labels of reference/00_README.md. Not to be confused with a company's
 * progress on the item, which the workspace keeps. */
typedef enum
{
  MAMORI_CHECKLIST_VERIFIED,     /* read in an official or reputable secondary source */
  MAMORI_CHECKLIST_SEED_ONLY,    /* in the Aichi guide only */
  MAMORI_CHECKLIST_UNVERIFIED,   /* not found, or our working translation */
  MAMORI_N_CHECKLIST_VERIFICATIONS
} MamoriChecklistVerification;

typedef struct _MamoriChecklistCatalog MamoriChecklistCatalog;
typedef struct _MamoriChecklist        MamoriChecklist;
typedef struct _MamoriChecklistItem    MamoriChecklistItem;

GQuark                     mamori_checklist_error_quark            (void);

MamoriChecklistCatalog    *mamori_checklist_catalog_new_from_bytes (GBytes                       *bytes,
                                                                    GError                      **error);
MamoriChecklistCatalog    *mamori_checklist_catalog_dup_default    (GError                      **error);
MamoriChecklistCatalog    *mamori_checklist_catalog_ref            (MamoriChecklistCatalog       *catalog);
void                       mamori_checklist_catalog_unref          (MamoriChecklistCatalog       *catalog);

const char                *mamori_checklist_catalog_get_version    (MamoriChecklistCatalog       *catalog);
const char                *mamori_checklist_catalog_get_as_of      (MamoriChecklistCatalog       *catalog);
guint                      mamori_checklist_catalog_get_n_checklists (MamoriChecklistCatalog     *catalog);
const MamoriChecklist     *mamori_checklist_catalog_get_checklist  (MamoriChecklistCatalog       *catalog,
                                                                    guint                         index);
const MamoriChecklist     *mamori_checklist_catalog_lookup_checklist (MamoriChecklistCatalog     *catalog,
                                                                    const char                   *id);
const MamoriChecklistItem *mamori_checklist_catalog_lookup_item    (MamoriChecklistCatalog       *catalog,
                                                                    const char                   *id);

const char                *mamori_checklist_get_id                 (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_title              (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_title_en           (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_title_ja           (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_description        (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_description_en     (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_description_ja     (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_guide_section      (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_source             (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_source_url         (const MamoriChecklist        *checklist);
const char                *mamori_checklist_get_as_of              (const MamoriChecklist        *checklist);
guint                      mamori_checklist_get_n_items            (const MamoriChecklist        *checklist);
const MamoriChecklistItem *mamori_checklist_get_item               (const MamoriChecklist        *checklist,
                                                                    guint                         index);

const char                *mamori_checklist_item_get_id            (const MamoriChecklistItem    *item);
const MamoriChecklist     *mamori_checklist_item_get_checklist     (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_checklist_id  (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_heading_id    (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_heading       (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_heading_en    (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_heading_ja    (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_title         (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_title_en      (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_title_ja      (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_why           (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_why_en        (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_why_ja        (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_guide_section (const MamoriChecklistItem    *item);
MamoriChecklistVerification mamori_checklist_item_get_verification (const MamoriChecklistItem    *item);
const char                *mamori_checklist_item_get_source_note   (const MamoriChecklistItem    *item);

const char                *mamori_checklist_verification_get_id    (MamoriChecklistVerification   verification);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriChecklistCatalog, mamori_checklist_catalog_unref)

G_END_DECLS
