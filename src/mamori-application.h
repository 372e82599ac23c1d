/* mamori-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MAMORI_TYPE_APPLICATION (mamori_application_get_type ())

G_DECLARE_FINAL_TYPE (MamoriApplication, mamori_application, MAMORI, APPLICATION, AdwApplication)

MamoriApplication *mamori_application_new          (GApplicationFlags  flags);
GSettings         *mamori_application_get_settings (MamoriApplication *self);

G_END_DECLS
