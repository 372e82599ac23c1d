/* mamori-asset.c — one information asset
 *
 * A plain value object with a property per field, so that editors bind to
 * it and the store loads and saves it. class-auto and uncovered are worked
 * out by the store (they depend on the workspace's classes and on the
 * measures adopted) and are read-only here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <string.h>

#include "mamori-asset.h"

G_DEFINE_ENUM_TYPE (MamoriAssetCategory, mamori_asset_category,
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_CATEGORY_NONE, "none"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_CATEGORY_RD, "rd"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_CATEGORY_MANUFACTURING, "manufacturing"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_CATEGORY_CUSTOMER, "customer"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_CATEGORY_MARKET, "market"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_CATEGORY_PRICE, "price"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_CATEGORY_SUPPLIER, "supplier"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_CATEGORY_MANUAL, "manual"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_CATEGORY_OTHER, "other"))

G_DEFINE_ENUM_TYPE (MamoriAssetForm, mamori_asset_form,
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_FORM_NONE, "none"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_FORM_PAPER, "paper"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_FORM_ELECTRONIC, "electronic"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_FORM_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (MAMORI_ASSET_FORM_OBJECT, "object"))

G_DEFINE_ENUM_TYPE (MamoriStrategy, mamori_strategy,
  G_DEFINE_ENUM_VALUE (MAMORI_STRATEGY_UNDECIDED, "undecided"),
  G_DEFINE_ENUM_VALUE (MAMORI_STRATEGY_SECRET, "secret"),
  G_DEFINE_ENUM_VALUE (MAMORI_STRATEGY_PATENT, "patent"),
  G_DEFINE_ENUM_VALUE (MAMORI_STRATEGY_PUBLISH, "publish"))

const char *
mamori_asset_category_get_label (MamoriAssetCategory category)
{
  switch (category)
    {
    /* Translators: the guide's kinds of information (section A ①) */
    case MAMORI_ASSET_CATEGORY_NONE:          return C_("category", "Not set");
    case MAMORI_ASSET_CATEGORY_RD:            return _("Research and development");
    case MAMORI_ASSET_CATEGORY_MANUFACTURING: return _("Manufacturing");
    case MAMORI_ASSET_CATEGORY_CUSTOMER:      return _("Customer information");
    case MAMORI_ASSET_CATEGORY_MARKET:        return _("Market information");
    case MAMORI_ASSET_CATEGORY_PRICE:         return _("Price information");
    case MAMORI_ASSET_CATEGORY_SUPPLIER:      return _("Supplier information");
    case MAMORI_ASSET_CATEGORY_MANUAL:        return _("Customer manuals");
    case MAMORI_ASSET_CATEGORY_OTHER:         return C_("category", "Other");
    default:                                  g_return_val_if_reached (NULL);
    }
}

const char *
mamori_asset_form_get_label (MamoriAssetForm form)
{
  switch (form)
    {
    case MAMORI_ASSET_FORM_NONE:       return C_("form", "Not set");
    case MAMORI_ASSET_FORM_PAPER:      return _("Paper");
    case MAMORI_ASSET_FORM_ELECTRONIC: return _("Electronic data");
    /* Translators: 属人的 — know-how that exists only in someone's head */
    case MAMORI_ASSET_FORM_PERSON:     return _("Known by a person");
    case MAMORI_ASSET_FORM_OBJECT:     return _("Physical object");
    default:                           g_return_val_if_reached (NULL);
    }
}

const char *
mamori_strategy_get_label (MamoriStrategy strategy)
{
  switch (strategy)
    {
    /* Translators: the open/close strategy (オープン・クローズ戦略) */
    case MAMORI_STRATEGY_UNDECIDED: return _("Undecided");
    case MAMORI_STRATEGY_SECRET:    return _("Keep secret");
    case MAMORI_STRATEGY_PATENT:    return _("Patent");
    case MAMORI_STRATEGY_PUBLISH:   return _("Publish");
    default:                        g_return_val_if_reached (NULL);
    }
}

struct _MamoriAsset
{
  GObject              parent_instance;

  gint64               id;
  char                *name;
  MamoriAssetCategory  category;
  MamoriAssetForm      form;
  char                *storage;
  char                *department;
  char                *responsible;
  char                *access;
  gboolean             entrusted;
  char                *notes;
  int                  ratings[MAMORI_N_VIEWPOINTS];
  int                  class_override;
  char                *override_reason;
  MamoriStrategy       strategy;
  MamoriSecretFacts    facts;
  int                  class_auto;
  guint                uncovered;
  char                *created;
  char                *updated;
};

G_DEFINE_FINAL_TYPE (MamoriAsset, mamori_asset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_FORM,
  PROP_STORAGE,
  PROP_DEPARTMENT,
  PROP_RESPONSIBLE,
  PROP_ACCESS,
  PROP_ENTRUSTED,
  PROP_NOTES,
  PROP_RATING_VALUE,
  PROP_RATING_COMPETITION,
  PROP_RATING_TRUST,
  PROP_CLASS_OVERRIDE,
  PROP_OVERRIDE_REASON,
  PROP_STRATEGY,
  PROP_MARKED,
  PROP_ACCESS_RESTRICTED,
  PROP_PLEDGES_SIGNED,
  PROP_USEFUL,
  PROP_NOT_PUBLIC,
  PROP_CLASS_AUTO,
  PROP_UNCOVERED,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where each property lives in the struct, so that one getter and one
 * setter serve them all. */
static gpointer
field_of (MamoriAsset *self,
          guint        prop_id)
{
  switch (prop_id)
    {
    case PROP_ID:                 return &self->id;
    case PROP_NAME:               return &self->name;
    case PROP_CATEGORY:           return &self->category;
    case PROP_FORM:               return &self->form;
    case PROP_STORAGE:            return &self->storage;
    case PROP_DEPARTMENT:         return &self->department;
    case PROP_RESPONSIBLE:        return &self->responsible;
    case PROP_ACCESS:             return &self->access;
    case PROP_ENTRUSTED:          return &self->entrusted;
    case PROP_NOTES:              return &self->notes;
    case PROP_RATING_VALUE:       return &self->ratings[MAMORI_VIEWPOINT_VALUE];
    case PROP_RATING_COMPETITION: return &self->ratings[MAMORI_VIEWPOINT_COMPETITION];
    case PROP_RATING_TRUST:       return &self->ratings[MAMORI_VIEWPOINT_TRUST];
    case PROP_CLASS_OVERRIDE:     return &self->class_override;
    case PROP_OVERRIDE_REASON:    return &self->override_reason;
    case PROP_STRATEGY:           return &self->strategy;
    case PROP_MARKED:             return &self->facts.marked;
    case PROP_ACCESS_RESTRICTED:  return &self->facts.access_restricted;
    case PROP_PLEDGES_SIGNED:     return &self->facts.pledges_signed;
    case PROP_USEFUL:             return &self->facts.useful;
    case PROP_NOT_PUBLIC:         return &self->facts.not_public;
    case PROP_CLASS_AUTO:         return &self->class_auto;
    case PROP_UNCOVERED:          return &self->uncovered;
    case PROP_CREATED:            return &self->created;
    case PROP_UPDATED:            return &self->updated;
    default:                      return NULL;
    }
}

static void
mamori_asset_finalize (GObject *object)
{
  MamoriAsset *self = (MamoriAsset *) object;

  g_free (self->name);
  g_free (self->storage);
  g_free (self->department);
  g_free (self->responsible);
  g_free (self->access);
  g_free (self->notes);
  g_free (self->override_reason);
  g_free (self->created);
  g_free (self->updated);

  G_OBJECT_CLASS (mamori_asset_parent_class)->finalize (object);
}

static void
mamori_asset_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  gpointer field = field_of (MAMORI_ASSET (object), prop_id);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:  g_value_set_string (value, *(char **) field); break;
    case G_TYPE_BOOLEAN: g_value_set_boolean (value, *(gboolean *) field); break;
    case G_TYPE_INT:     g_value_set_int (value, *(int *) field); break;
    case G_TYPE_UINT:    g_value_set_uint (value, *(guint *) field); break;
    case G_TYPE_INT64:   g_value_set_int64 (value, *(gint64 *) field); break;
    case G_TYPE_ENUM:    g_value_set_enum (value, *(int *) field); break;
    default:             g_assert_not_reached ();
    }
}

static void
mamori_asset_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  gpointer field = field_of (MAMORI_ASSET (object), prop_id);
  gboolean changed = FALSE;

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      {
        const char *text = g_value_get_string (value);

        if (text == NULL)
          text = "";
        if ((changed = g_strcmp0 (*(char **) field, text) != 0))
          {
            g_free (*(char **) field);
            *(char **) field = g_strdup (text);
          }
      }
      break;
    case G_TYPE_BOOLEAN:
      if ((changed = *(gboolean *) field != g_value_get_boolean (value)))
        *(gboolean *) field = g_value_get_boolean (value);
      break;
    case G_TYPE_INT:
      if ((changed = *(int *) field != g_value_get_int (value)))
        *(int *) field = g_value_get_int (value);
      break;
    case G_TYPE_UINT:
      if ((changed = *(guint *) field != g_value_get_uint (value)))
        *(guint *) field = g_value_get_uint (value);
      break;
    case G_TYPE_INT64:
      if ((changed = *(gint64 *) field != g_value_get_int64 (value)))
        *(gint64 *) field = g_value_get_int64 (value);
      break;
    case G_TYPE_ENUM:
      if ((changed = *(int *) field != g_value_get_enum (value)))
        *(int *) field = g_value_get_enum (value);
      break;
    default:
      g_assert_not_reached ();
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
mamori_asset_class_init (MamoriAssetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mamori_asset_finalize;
  object_class->get_property = mamori_asset_get_property;
  object_class->set_property = mamori_asset_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RW);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", RW);
  properties[PROP_CATEGORY] = g_param_spec_enum ("category", NULL, NULL, MAMORI_TYPE_ASSET_CATEGORY,
                                                 MAMORI_ASSET_CATEGORY_NONE, RW);
  properties[PROP_FORM] = g_param_spec_enum ("form", NULL, NULL, MAMORI_TYPE_ASSET_FORM, MAMORI_ASSET_FORM_NONE, RW);
  properties[PROP_STORAGE] = g_param_spec_string ("storage", NULL, NULL, "", RW);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, "", RW);
  properties[PROP_RESPONSIBLE] = g_param_spec_string ("responsible", NULL, NULL, "", RW);
  properties[PROP_ACCESS] = g_param_spec_string ("access", NULL, NULL, "", RW);
  properties[PROP_ENTRUSTED] = g_param_spec_boolean ("entrusted", NULL, NULL, FALSE, RW);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", RW);
  properties[PROP_RATING_VALUE] = g_param_spec_int ("rating-value", NULL, NULL, MAMORI_RATING_UNRATED,
                                                    MAMORI_RATING_HIGH, MAMORI_RATING_UNRATED, RW);
  properties[PROP_RATING_COMPETITION] = g_param_spec_int ("rating-competition", NULL, NULL, MAMORI_RATING_UNRATED,
                                                          MAMORI_RATING_HIGH, MAMORI_RATING_UNRATED, RW);
  properties[PROP_RATING_TRUST] = g_param_spec_int ("rating-trust", NULL, NULL, MAMORI_RATING_UNRATED,
                                                    MAMORI_RATING_HIGH, MAMORI_RATING_UNRATED, RW);
  properties[PROP_CLASS_OVERRIDE] = g_param_spec_int ("class-override", NULL, NULL, MAMORI_CLASS_NONE,
                                                      MAMORI_N_CLASSES - 1, MAMORI_CLASS_NONE, RW);
  properties[PROP_OVERRIDE_REASON] = g_param_spec_string ("override-reason", NULL, NULL, "", RW);
  properties[PROP_STRATEGY] = g_param_spec_enum ("strategy", NULL, NULL, MAMORI_TYPE_STRATEGY,
                                                 MAMORI_STRATEGY_UNDECIDED, RW);
  properties[PROP_MARKED] = g_param_spec_boolean ("marked", NULL, NULL, FALSE, RW);
  properties[PROP_ACCESS_RESTRICTED] = g_param_spec_boolean ("access-restricted", NULL, NULL, FALSE, RW);
  properties[PROP_PLEDGES_SIGNED] = g_param_spec_boolean ("pledges-signed", NULL, NULL, FALSE, RW);
  properties[PROP_USEFUL] = g_param_spec_boolean ("useful", NULL, NULL, FALSE, RW);
  properties[PROP_NOT_PUBLIC] = g_param_spec_boolean ("not-public", NULL, NULL, FALSE, RW);
  properties[PROP_CLASS_AUTO] = g_param_spec_int ("class-auto", NULL, NULL, MAMORI_CLASS_NONE,
                                                  MAMORI_N_CLASSES - 1, MAMORI_CLASS_NONE, RW);
  properties[PROP_UNCOVERED] = g_param_spec_uint ("uncovered", NULL, NULL, 0, G_MAXUINT, 0, RW);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, "", RW);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, "", RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mamori_asset_init (MamoriAsset *self)
{
  self->name = g_strdup ("");
  self->storage = g_strdup ("");
  self->department = g_strdup ("");
  self->responsible = g_strdup ("");
  self->access = g_strdup ("");
  self->notes = g_strdup ("");
  self->override_reason = g_strdup ("");
  self->created = g_strdup ("");
  self->updated = g_strdup ("");
  for (int i = 0; i < MAMORI_N_VIEWPOINTS; i++)
    self->ratings[i] = MAMORI_RATING_UNRATED;
  self->class_override = MAMORI_CLASS_NONE;
  self->class_auto = MAMORI_CLASS_NONE;
}

MamoriAsset *
mamori_asset_new (void)
{
  return g_object_new (MAMORI_TYPE_ASSET, NULL);
}

/**
 * mamori_asset_copy:
 *
 * Returns: (transfer full): a new asset with the same values, id included
 */
MamoriAsset *
mamori_asset_copy (MamoriAsset *self)
{
  MamoriAsset *copy;

  g_return_val_if_fail (MAMORI_IS_ASSET (self), NULL);

  copy = mamori_asset_new ();
  for (guint prop_id = PROP_0 + 1; prop_id < N_PROPS; prop_id++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[prop_id]->value_type);
      g_object_get_property (G_OBJECT (self), properties[prop_id]->name, &value);
      g_object_set_property (G_OBJECT (copy), properties[prop_id]->name, &value);
    }

  return copy;
}

gint64              mamori_asset_get_id              (MamoriAsset *self) { return self->id; }
const char         *mamori_asset_get_name            (MamoriAsset *self) { return self->name; }
MamoriAssetCategory mamori_asset_get_category        (MamoriAsset *self) { return self->category; }
MamoriAssetForm     mamori_asset_get_form            (MamoriAsset *self) { return self->form; }
const char         *mamori_asset_get_storage         (MamoriAsset *self) { return self->storage; }
const char         *mamori_asset_get_department      (MamoriAsset *self) { return self->department; }
const char         *mamori_asset_get_responsible     (MamoriAsset *self) { return self->responsible; }
const char         *mamori_asset_get_access          (MamoriAsset *self) { return self->access; }
gboolean            mamori_asset_get_entrusted       (MamoriAsset *self) { return self->entrusted; }
const char         *mamori_asset_get_notes           (MamoriAsset *self) { return self->notes; }
int                 mamori_asset_get_class_override  (MamoriAsset *self) { return self->class_override; }
const char         *mamori_asset_get_override_reason (MamoriAsset *self) { return self->override_reason; }
MamoriStrategy      mamori_asset_get_strategy        (MamoriAsset *self) { return self->strategy; }
int                 mamori_asset_get_class_auto      (MamoriAsset *self) { return self->class_auto; }
guint               mamori_asset_get_uncovered       (MamoriAsset *self) { return self->uncovered; }
const char         *mamori_asset_get_created         (MamoriAsset *self) { return self->created; }
const char         *mamori_asset_get_updated         (MamoriAsset *self) { return self->updated; }

void
mamori_asset_set_name (MamoriAsset *self,
                       const char  *name)
{
  g_return_if_fail (MAMORI_IS_ASSET (self));
  g_object_set (self, "name", name, NULL);
}

void
mamori_asset_get_ratings (MamoriAsset *self,
                          int          ratings[MAMORI_N_VIEWPOINTS])
{
  g_return_if_fail (MAMORI_IS_ASSET (self));
  memcpy (ratings, self->ratings, sizeof self->ratings);
}

void
mamori_asset_set_rating (MamoriAsset     *self,
                         MamoriViewpoint  viewpoint,
                         int              rating)
{
  static const guint props[] = { PROP_RATING_VALUE, PROP_RATING_COMPETITION, PROP_RATING_TRUST };

  g_return_if_fail (MAMORI_IS_ASSET (self));
  g_return_if_fail (viewpoint < MAMORI_N_VIEWPOINTS);

  g_object_set (self, properties[props[viewpoint]]->name, rating, NULL);
}

void
mamori_asset_get_secret_facts (MamoriAsset       *self,
                               MamoriSecretFacts *facts)
{
  g_return_if_fail (MAMORI_IS_ASSET (self));
  *facts = self->facts;
}

/* The class in force: set by hand, or else worked out from the ratings. */
int
mamori_asset_get_class (MamoriAsset *self)
{
  g_return_val_if_fail (MAMORI_IS_ASSET (self), MAMORI_CLASS_NONE);
  return self->class_override != MAMORI_CLASS_NONE ? self->class_override : self->class_auto;
}

/**
 * mamori_asset_key_new:
 *
 * What makes two rows of a ledger the same asset for an import: the name
 * and the owning department, each without the spaces around it.
 *
 * Returns: (transfer full): the key
 */
char *
mamori_asset_key_new (const char *name,
                      const char *department)
{
  g_autofree char *n = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *d = g_strstrip (g_strdup (department != NULL ? department : ""));

  return g_strconcat (n, "\x1f", d, NULL);
}
