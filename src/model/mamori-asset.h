/* mamori-asset.h — one information asset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "analysis/mamori-classification.h"
#include "analysis/mamori-trade-secret.h"

G_BEGIN_DECLS

/* The guide's kinds of information (section A ①). */
typedef enum
{
  MAMORI_ASSET_CATEGORY_NONE,           /*< nick=none >*/
  MAMORI_ASSET_CATEGORY_RD,             /*< nick=rd >*/            /* 研究開発情報 */
  MAMORI_ASSET_CATEGORY_MANUFACTURING,  /*< nick=manufacturing >*/ /* 製造関連情報 */
  MAMORI_ASSET_CATEGORY_CUSTOMER,       /*< nick=customer >*/      /* 顧客情報 */
  MAMORI_ASSET_CATEGORY_MARKET,         /*< nick=market >*/        /* 市場関連情報 */
  MAMORI_ASSET_CATEGORY_PRICE,          /*< nick=price >*/         /* 価格情報 */
  MAMORI_ASSET_CATEGORY_SUPPLIER,       /*< nick=supplier >*/      /* 取引先情報 */
  MAMORI_ASSET_CATEGORY_MANUAL,         /*< nick=manual >*/        /* 顧客マニュアル */
  MAMORI_ASSET_CATEGORY_OTHER,          /*< nick=other >*/
} MamoriAssetCategory;

typedef enum
{
  MAMORI_ASSET_FORM_NONE,        /*< nick=none >*/
  MAMORI_ASSET_FORM_PAPER,       /*< nick=paper >*/
  MAMORI_ASSET_FORM_ELECTRONIC,  /*< nick=electronic >*/
  MAMORI_ASSET_FORM_PERSON,      /*< nick=person >*/  /* 属人的: knowledge held by a person */
  MAMORI_ASSET_FORM_OBJECT,      /*< nick=object >*/
} MamoriAssetForm;

/* オープン・クローズ戦略 */
typedef enum
{
  MAMORI_STRATEGY_UNDECIDED,  /*< nick=undecided >*/
  MAMORI_STRATEGY_SECRET,     /*< nick=secret >*/
  MAMORI_STRATEGY_PATENT,     /*< nick=patent >*/
  MAMORI_STRATEGY_PUBLISH,    /*< nick=publish >*/
} MamoriStrategy;

#define MAMORI_TYPE_ASSET_CATEGORY (mamori_asset_category_get_type ())
#define MAMORI_TYPE_ASSET_FORM     (mamori_asset_form_get_type ())
#define MAMORI_TYPE_STRATEGY       (mamori_strategy_get_type ())
GType mamori_asset_category_get_type (void);
GType mamori_asset_form_get_type     (void);
GType mamori_strategy_get_type       (void);

const char *mamori_asset_category_get_label    (MamoriAssetCategory category);
const char *mamori_asset_form_get_label        (MamoriAssetForm     form);
const char *mamori_strategy_get_label          (MamoriStrategy      strategy);

#define MAMORI_TYPE_ASSET (mamori_asset_get_type ())

G_DECLARE_FINAL_TYPE (MamoriAsset, mamori_asset, MAMORI, ASSET, GObject)

MamoriAsset         *mamori_asset_new                (void);
MamoriAsset         *mamori_asset_copy               (MamoriAsset *self);

gint64               mamori_asset_get_id             (MamoriAsset *self);
const char          *mamori_asset_get_name           (MamoriAsset *self);
void                 mamori_asset_set_name           (MamoriAsset *self,
                                                      const char  *name);
MamoriAssetCategory  mamori_asset_get_category       (MamoriAsset *self);
MamoriAssetForm      mamori_asset_get_form           (MamoriAsset *self);
const char          *mamori_asset_get_storage        (MamoriAsset *self);
const char          *mamori_asset_get_department     (MamoriAsset *self);
char                *mamori_asset_key_new            (const char  *name,
                                                      const char  *department);
const char          *mamori_asset_get_responsible    (MamoriAsset *self);
const char          *mamori_asset_get_access         (MamoriAsset *self);
gboolean             mamori_asset_get_entrusted      (MamoriAsset *self);
const char          *mamori_asset_get_notes          (MamoriAsset *self);
void                 mamori_asset_get_ratings        (MamoriAsset *self,
                                                      int          ratings[MAMORI_N_VIEWPOINTS]);
void                 mamori_asset_set_rating         (MamoriAsset *self,
                                                      MamoriViewpoint viewpoint,
                                                      int          rating);
int                  mamori_asset_get_class_override (MamoriAsset *self);
const char          *mamori_asset_get_override_reason (MamoriAsset *self);
MamoriStrategy       mamori_asset_get_strategy       (MamoriAsset *self);
void                 mamori_asset_get_secret_facts   (MamoriAsset *self,
                                                      MamoriSecretFacts *facts);
int                  mamori_asset_get_class_auto     (MamoriAsset *self);
int                  mamori_asset_get_class          (MamoriAsset *self);
guint                mamori_asset_get_uncovered      (MamoriAsset *self);
const char          *mamori_asset_get_created        (MamoriAsset *self);
const char          *mamori_asset_get_updated        (MamoriAsset *self);

G_END_DECLS
