/* mamori-profile.h — the organization a workspace belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MAMORI_TYPE_PROFILE (mamori_profile_get_type ())

G_DECLARE_FINAL_TYPE (MamoriProfile, mamori_profile, MAMORI, PROFILE, GObject)

MamoriProfile *mamori_profile_new                   (void);
MamoriProfile *mamori_profile_copy                  (MamoriProfile *self);
gboolean       mamori_profile_equal                 (MamoriProfile *a,
                                                     MamoriProfile *b);

const char    *mamori_profile_get_name_ja           (MamoriProfile *self);
void           mamori_profile_set_name_ja           (MamoriProfile *self,
                                                     const char    *name_ja);
const char    *mamori_profile_get_name_en           (MamoriProfile *self);
void           mamori_profile_set_name_en           (MamoriProfile *self,
                                                     const char    *name_en);
const char    *mamori_profile_get_industry          (MamoriProfile *self);
void           mamori_profile_set_industry          (MamoriProfile *self,
                                                     const char    *industry);
guint          mamori_profile_get_employees         (MamoriProfile *self);
void           mamori_profile_set_employees         (MamoriProfile *self,
                                                     guint          employees);
gboolean       mamori_profile_get_exports_abroad    (MamoriProfile *self);
void           mamori_profile_set_exports_abroad    (MamoriProfile *self,
                                                     gboolean       exports_abroad);
gboolean       mamori_profile_get_foreign_investors (MamoriProfile *self);
gboolean       mamori_profile_get_designated_sector (MamoriProfile *self);
const char    *mamori_profile_get_security_officer  (MamoriProfile *self);
void           mamori_profile_set_security_officer  (MamoriProfile *self,
                                                     const char    *security_officer);
const char    *mamori_profile_get_consultant        (MamoriProfile *self);
void           mamori_profile_set_consultant        (MamoriProfile *self,
                                                     const char    *consultant);

const char    *mamori_profile_get_display_name      (MamoriProfile *self,
                                                     gboolean       english_first);

G_END_DECLS
