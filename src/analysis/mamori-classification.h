/* mamori-classification.h — from the guide's three viewpoints to a class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The guide's three viewpoints (仕分けの観点). */
typedef enum
{
  MAMORI_VIEWPOINT_VALUE,        /* 経済的価値・事業への貢献度 */
  MAMORI_VIEWPOINT_COMPETITION,  /* 漏えい時の競争力の低下・競合から見た有用性 */
  MAMORI_VIEWPOINT_TRUST,        /* 漏えい時の社会的信用の低下・預託情報 */
  MAMORI_N_VIEWPOINTS
} MamoriViewpoint;

/* Each viewpoint is rated on a small ordinal scale. */
#define MAMORI_RATING_UNRATED (-1)
#define MAMORI_RATING_NONE    0
#define MAMORI_RATING_LOW     1
#define MAMORI_RATING_MEDIUM  2
#define MAMORI_RATING_HIGH    3

/* Classes are levels, 0 the lowest (公開) to 3 the highest (極秘). */
#define MAMORI_N_CLASSES      4
#define MAMORI_CLASS_NONE     (-1)   /* not evaluated yet */
#define MAMORI_PEAK_NEVER     (MAMORI_RATING_HIGH + 1)
#define MAMORI_TOTAL_NEVER    (MAMORI_RATING_HIGH * MAMORI_N_VIEWPOINTS + 1)

/* A workspace's classes: their names and when each is reached. A level L
 * (1..3) is reached when the highest rating is at least peak[L], or the
 * ratings add up to at least total[L]; the asset gets the highest level
 * reached, and level 0 otherwise. */
typedef struct
{
  char *names[MAMORI_N_CLASSES];   /* NULL: the default name, translated */
  int   peak[MAMORI_N_CLASSES];    /* [0] unused */
  int   total[MAMORI_N_CLASSES];   /* [0] unused */
} MamoriClassScheme;

MamoriClassScheme *mamori_class_scheme_new_default   (void);
MamoriClassScheme *mamori_class_scheme_copy          (const MamoriClassScheme  *scheme);
void               mamori_class_scheme_free          (MamoriClassScheme        *scheme);
gboolean           mamori_class_scheme_equal         (const MamoriClassScheme  *a,
                                                      const MamoriClassScheme  *b);
gboolean           mamori_class_scheme_is_default    (const MamoriClassScheme  *scheme);

const char        *mamori_class_scheme_get_name      (const MamoriClassScheme  *scheme,
                                                      int                       level);
void               mamori_class_scheme_set_name      (MamoriClassScheme        *scheme,
                                                      int                       level,
                                                      const char               *name);
gboolean           mamori_class_scheme_validate      (const MamoriClassScheme  *scheme,
                                                      GError                  **error);

int                mamori_class_scheme_evaluate      (const MamoriClassScheme  *scheme,
                                                      const int                 ratings[MAMORI_N_VIEWPOINTS]);
char              *mamori_class_scheme_explain       (const MamoriClassScheme  *scheme,
                                                      const int                 ratings[MAMORI_N_VIEWPOINTS]);
char              *mamori_class_scheme_dup_sql       (const MamoriClassScheme  *scheme,
                                                      const char               *columns[MAMORI_N_VIEWPOINTS]);

char              *mamori_class_scheme_serialize     (const MamoriClassScheme  *scheme);
MamoriClassScheme *mamori_class_scheme_deserialize   (const char               *text);

const char        *mamori_viewpoint_get_label        (MamoriViewpoint           viewpoint);
const char        *mamori_rating_get_label           (int                       rating);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriClassScheme, mamori_class_scheme_free)

G_END_DECLS
