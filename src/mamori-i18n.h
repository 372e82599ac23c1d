/* mamori-i18n.h — translated text, in the interface's language or another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Include this instead of <glib/gi18n.h>. It keeps _(), C_(), N_(), NC_()
 * and g_dngettext() as everyone knows them, but lets one thread ask for
 * another language than the interface's: a briefing pack is written in
 * Japanese or English whatever language the window is in, and the labels it
 * borrows from the models must follow the pack, not the window.
 */

#pragma once

#include <glib/gi18n.h>
#include <string.h>

G_BEGIN_DECLS

/* Languages a thread can ask for. */
#define MAMORI_LANG_JA "ja"
#define MAMORI_LANG_EN "en"

void         mamori_i18n_set_thread_language (const char *language);
const char  *mamori_i18n_get_thread_language (void);
gboolean     mamori_i18n_has_language        (const char *language);

const char  *mamori_i18n_gettext             (const char *msgid) G_GNUC_FORMAT (1);
const char  *mamori_i18n_pgettext            (const char *msgctxtid,
                                              gsize       msgidoffset) G_GNUC_FORMAT (1);
const char  *mamori_i18n_ngettext            (const char *msgid,
                                              const char *msgid_plural,
                                              gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);

#undef _
#undef C_
#define _(String) mamori_i18n_gettext (String)
#define C_(Context, String) mamori_i18n_pgettext (Context "\004" String, strlen (Context) + 1)
#define g_dngettext(Domain, Single, Plural, N) mamori_i18n_ngettext (Single, Plural, N)

G_END_DECLS
