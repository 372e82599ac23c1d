/* mamori-measures.h — the countermeasure catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The handbook's four leak routes (漏えいルート). */
typedef enum
{
  MAMORI_ROUTE_EMPLOYEES,   /* 従業員等 */
  MAMORI_ROUTE_RETIREES,    /* 退職者等 */
  MAMORI_ROUTE_PARTNERS,    /* 取引先 */
  MAMORI_ROUTE_OUTSIDERS,   /* その他の外部者 */
  MAMORI_N_ROUTES
} MamoriRoute;

#define MAMORI_ROUTE_BIT(route) (1u << (route))
#define MAMORI_ALL_ROUTES       ((1u << MAMORI_N_ROUTES) - 1)

/* The handbook's five objectives of measures (対策の目的). */
typedef enum
{
  MAMORI_OBJECTIVE_ACCESS,      /* 接近の制御 */
  MAMORI_OBJECTIVE_REMOVAL,     /* 持出し困難化 */
  MAMORI_OBJECTIVE_VISIBILITY,  /* 視認性の確保 */
  MAMORI_OBJECTIVE_AWARENESS,   /* 秘密情報に対する認識向上 */
  MAMORI_OBJECTIVE_TRUST,       /* 信頼関係の維持・向上等 */
  MAMORI_N_OBJECTIVES
} MamoriObjective;

typedef struct
{
  char            *id;
  MamoriRoute      route;
  MamoriObjective  objective;
  int              level;      /* recommended for classes from this level up */
  gboolean         verified;
  char            *title_en;
  char            *title_ja;
} MamoriMeasure;

typedef struct _MamoriMeasureCatalog MamoriMeasureCatalog;

MamoriMeasureCatalog *mamori_measure_catalog_get_default  (void);
MamoriMeasureCatalog *mamori_measure_catalog_new_from_data (const char            *data,
                                                            gsize                  length,
                                                            GError               **error);
void                  mamori_measure_catalog_free         (MamoriMeasureCatalog  *catalog);
guint                 mamori_measure_catalog_get_n_measures (const MamoriMeasureCatalog *catalog);
const MamoriMeasure  *mamori_measure_catalog_get_measure  (const MamoriMeasureCatalog *catalog,
                                                           guint                  index);
const MamoriMeasure  *mamori_measure_catalog_lookup       (const MamoriMeasureCatalog *catalog,
                                                           const char            *id);
const char           *mamori_measure_catalog_get_version  (const MamoriMeasureCatalog *catalog);
const char           *mamori_measure_catalog_get_as_of    (const MamoriMeasureCatalog *catalog);
const char           *mamori_measure_catalog_get_source   (const MamoriMeasureCatalog *catalog);
const char           *mamori_measure_catalog_get_source_url (const MamoriMeasureCatalog *catalog);

const char           *mamori_measure_get_title            (const MamoriMeasure   *measure);
const char           *mamori_route_get_label              (MamoriRoute            route);
const char           *mamori_objective_get_label          (MamoriObjective        objective);
char                 *mamori_routes_dup_label             (guint                  routes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriMeasureCatalog, mamori_measure_catalog_free)

G_END_DECLS
