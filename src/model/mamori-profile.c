/* mamori-profile.c — the organization a workspace belongs to
 *
 * A plain value object: the store loads and saves it, the profile window
 * edits it, the PDF cover and the applicability checks read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-profile.h"

struct _MamoriProfile
{
  GObject   parent_instance;

  char     *name_ja;
  char     *name_en;
  char     *industry;
  char     *security_officer;
  char     *consultant;
  guint     employees;
  gboolean  exports_abroad;
  gboolean  foreign_investors;
  gboolean  designated_sector;
};

G_DEFINE_FINAL_TYPE (MamoriProfile, mamori_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME_JA,
  PROP_NAME_EN,
  PROP_INDUSTRY,
  PROP_EMPLOYEES,
  PROP_EXPORTS_ABROAD,
  PROP_FOREIGN_INVESTORS,
  PROP_DESIGNATED_SECTOR,
  PROP_SECURITY_OFFICER,
  PROP_CONSULTANT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_slot (MamoriProfile *self,
             guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME_JA:          return &self->name_ja;
    case PROP_NAME_EN:          return &self->name_en;
    case PROP_INDUSTRY:         return &self->industry;
    case PROP_SECURITY_OFFICER: return &self->security_officer;
    case PROP_CONSULTANT:       return &self->consultant;
    default:                    return NULL;
    }
}

static gboolean *
boolean_slot (MamoriProfile *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_EXPORTS_ABROAD:    return &self->exports_abroad;
    case PROP_FOREIGN_INVESTORS: return &self->foreign_investors;
    case PROP_DESIGNATED_SECTOR: return &self->designated_sector;
    default:                     return NULL;
    }
}

static void
set_string (MamoriProfile *self,
            guint          prop_id,
            const char    *value)
{
  char **slot = string_slot (self, prop_id);

  g_assert (slot != NULL);

  if (value == NULL)
    value = "";

  /* g_set_str() is GLib 2.76. */
  if (g_strcmp0 (*slot, value) != 0)
    {
      g_free (*slot);
      *slot = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
set_boolean (MamoriProfile *self,
             guint          prop_id,
             gboolean       value)
{
  gboolean *slot = boolean_slot (self, prop_id);

  g_assert (slot != NULL);

  value = !!value;
  if (*slot != value)
    {
      *slot = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
mamori_profile_finalize (GObject *object)
{
  MamoriProfile *self = (MamoriProfile *) object;

  g_free (self->name_ja);
  g_free (self->name_en);
  g_free (self->industry);
  g_free (self->security_officer);
  g_free (self->consultant);

  G_OBJECT_CLASS (mamori_profile_parent_class)->finalize (object);
}

static void
mamori_profile_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MamoriProfile *self = MAMORI_PROFILE (object);
  char **string;
  gboolean *boolean;

  if ((string = string_slot (self, prop_id)) != NULL)
    g_value_set_string (value, *string);
  else if ((boolean = boolean_slot (self, prop_id)) != NULL)
    g_value_set_boolean (value, *boolean);
  else if (prop_id == PROP_EMPLOYEES)
    g_value_set_uint (value, self->employees);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
mamori_profile_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MamoriProfile *self = MAMORI_PROFILE (object);

  if (string_slot (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else if (boolean_slot (self, prop_id) != NULL)
    set_boolean (self, prop_id, g_value_get_boolean (value));
  else if (prop_id == PROP_EMPLOYEES)
    mamori_profile_set_employees (self, g_value_get_uint (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
mamori_profile_class_init (MamoriProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mamori_profile_finalize;
  object_class->get_property = mamori_profile_get_property;
  object_class->set_property = mamori_profile_set_property;

  properties[PROP_NAME_JA] = string_property ("name-ja");
  properties[PROP_NAME_EN] = string_property ("name-en");
  properties[PROP_INDUSTRY] = string_property ("industry");
  properties[PROP_EMPLOYEES] =
    g_param_spec_uint ("employees", NULL, NULL, 0, G_MAXINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPORTS_ABROAD] = boolean_property ("exports-abroad");
  properties[PROP_FOREIGN_INVESTORS] = boolean_property ("foreign-investors");
  properties[PROP_DESIGNATED_SECTOR] = boolean_property ("designated-sector");
  properties[PROP_SECURITY_OFFICER] = string_property ("security-officer");
  properties[PROP_CONSULTANT] = string_property ("consultant");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mamori_profile_init (MamoriProfile *self)
{
  self->name_ja = g_strdup ("");
  self->name_en = g_strdup ("");
  self->industry = g_strdup ("");
  self->security_officer = g_strdup ("");
  self->consultant = g_strdup ("");
}

MamoriProfile *
mamori_profile_new (void)
{
  return g_object_new (MAMORI_TYPE_PROFILE, NULL);
}

/**
 * mamori_profile_copy:
 *
 * Returns: (transfer full): a new profile with the same values
 */
MamoriProfile *
mamori_profile_copy (MamoriProfile *self)
{
  MamoriProfile *copy;

  g_return_val_if_fail (MAMORI_IS_PROFILE (self), NULL);

  copy = mamori_profile_new ();
  for (guint prop_id = PROP_0 + 1; prop_id < N_PROPS; prop_id++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[prop_id]->value_type);
      g_object_get_property (G_OBJECT (self), properties[prop_id]->name, &value);
      g_object_set_property (G_OBJECT (copy), properties[prop_id]->name, &value);
    }

  return copy;
}

gboolean
mamori_profile_equal (MamoriProfile *a,
                      MamoriProfile *b)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (a), FALSE);
  g_return_val_if_fail (MAMORI_IS_PROFILE (b), FALSE);

  return g_str_equal (a->name_ja, b->name_ja) &&
         g_str_equal (a->name_en, b->name_en) &&
         g_str_equal (a->industry, b->industry) &&
         a->employees == b->employees &&
         a->exports_abroad == b->exports_abroad &&
         a->foreign_investors == b->foreign_investors &&
         a->designated_sector == b->designated_sector &&
         g_str_equal (a->security_officer, b->security_officer) &&
         g_str_equal (a->consultant, b->consultant);
}

const char *
mamori_profile_get_name_ja (MamoriProfile *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (self), NULL);
  return self->name_ja;
}

void
mamori_profile_set_name_ja (MamoriProfile *self,
                            const char    *name_ja)
{
  g_return_if_fail (MAMORI_IS_PROFILE (self));
  set_string (self, PROP_NAME_JA, name_ja);
}

const char *
mamori_profile_get_name_en (MamoriProfile *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (self), NULL);
  return self->name_en;
}

void
mamori_profile_set_name_en (MamoriProfile *self,
                            const char    *name_en)
{
  g_return_if_fail (MAMORI_IS_PROFILE (self));
  set_string (self, PROP_NAME_EN, name_en);
}

const char *
mamori_profile_get_industry (MamoriProfile *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (self), NULL);
  return self->industry;
}

void
mamori_profile_set_industry (MamoriProfile *self,
                             const char    *industry)
{
  g_return_if_fail (MAMORI_IS_PROFILE (self));
  set_string (self, PROP_INDUSTRY, industry);
}

guint
mamori_profile_get_employees (MamoriProfile *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (self), 0);
  return self->employees;
}

void
mamori_profile_set_employees (MamoriProfile *self,
                              guint          employees)
{
  g_return_if_fail (MAMORI_IS_PROFILE (self));

  employees = MIN (employees, (guint) G_MAXINT32);
  if (self->employees != employees)
    {
      self->employees = employees;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYEES]);
    }
}

gboolean
mamori_profile_get_exports_abroad (MamoriProfile *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (self), FALSE);
  return self->exports_abroad;
}

void
mamori_profile_set_exports_abroad (MamoriProfile *self,
                                   gboolean       exports_abroad)
{
  g_return_if_fail (MAMORI_IS_PROFILE (self));
  set_boolean (self, PROP_EXPORTS_ABROAD, exports_abroad);
}

gboolean
mamori_profile_get_foreign_investors (MamoriProfile *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (self), FALSE);
  return self->foreign_investors;
}

gboolean
mamori_profile_get_designated_sector (MamoriProfile *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (self), FALSE);
  return self->designated_sector;
}

const char *
mamori_profile_get_security_officer (MamoriProfile *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (self), NULL);
  return self->security_officer;
}

void
mamori_profile_set_security_officer (MamoriProfile *self,
                                     const char    *security_officer)
{
  g_return_if_fail (MAMORI_IS_PROFILE (self));
  set_string (self, PROP_SECURITY_OFFICER, security_officer);
}

const char *
mamori_profile_get_consultant (MamoriProfile *self)
{
  g_return_val_if_fail (MAMORI_IS_PROFILE (self), NULL);
  return self->consultant;
}

void
mamori_profile_set_consultant (MamoriProfile *self,
                               const char    *consultant)
{
  g_return_if_fail (MAMORI_IS_PROFILE (self));
  set_string (self, PROP_CONSULTANT, consultant);
}

/**
 * mamori_profile_get_display_name:
 * @english_first: whether the English name is preferred when both are set
 *
 * Returns: (nullable): the name to show, or %NULL if no name was given
 */
const char *
mamori_profile_get_display_name (MamoriProfile *self,
                                 gboolean       english_first)
{
  const char *first;
  const char *second;

  g_return_val_if_fail (MAMORI_IS_PROFILE (self), NULL);

  first = english_first ? self->name_en : self->name_ja;
  second = english_first ? self->name_ja : self->name_en;

  if (*first != '\0')
    return first;
  if (*second != '\0')
    return second;
  return NULL;
}
