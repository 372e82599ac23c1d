/* mamori-end-users-private.h — shared by mamori-end-users.c (entries,
 * aliases, import) and mamori-end-user-matcher.c (matching)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mamori-end-users.h"

G_BEGIN_DECLS

/* In mamori-end-users.c */
char      *mamori_end_user_dup_key         (const char *text,
                                            gssize      length);
gboolean   mamori_end_user_is_bracket      (gunichar    c,
                                            gboolean    open);
char      *mamori_end_user_trim_piece      (const char *start,
                                            const char *end);
GPtrArray *mamori_end_user_split_aliases   (const char *aliases);

/* In mamori-end-user-matcher.c */
gboolean   mamori_end_user_piece_continues (const char *piece);

G_END_DECLS
