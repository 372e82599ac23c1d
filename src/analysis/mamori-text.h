/* mamori-text.h — text as a Japanese user types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *mamori_text_normalize_for_search (const char *text);
char     *mamori_text_normalize_loose      (const char *text);
gboolean  mamori_text_is_blank             (const char *text);
gboolean  mamori_text_prefers_japanese     (void);
char     *mamori_text_format_local_time    (const char *iso_time,
                                            const char *format);
char     *mamori_text_parse_date           (const char *text,
                                            gboolean    whole);
char     *mamori_text_join_list            (GPtrArray  *items);
char     *mamori_text_format_count         (gint64      count);

G_END_DECLS
