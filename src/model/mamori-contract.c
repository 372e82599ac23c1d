/* mamori-contract.c — one contract in the register and its clause review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mamori-i18n.h"

#include "mamori-contract.h"

G_DEFINE_ENUM_TYPE (MamoriContractType, mamori_contract_type,
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, "joint-development"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_TYPE_LICENSE_IN, "license-in"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_TYPE_LICENSE_OUT, "license-out"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_TYPE_MANUFACTURING, "manufacturing"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_TYPE_SALES, "sales"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_TYPE_NDA, "nda"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_TYPE_JOINT_VENTURE, "joint-venture"))

G_DEFINE_ENUM_TYPE (MamoriContractPosition, mamori_contract_position,
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_POSITION_PROVIDER, "provider"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_POSITION_RECEIVER, "receiver"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_POSITION_MUTUAL, "mutual"))

G_DEFINE_ENUM_TYPE (MamoriContractStage, mamori_contract_stage,
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_STAGE_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_STAGE_NEGOTIATING, "negotiating"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_STAGE_SIGNED, "signed"),
  G_DEFINE_ENUM_VALUE (MAMORI_CONTRACT_STAGE_ENDED, "ended"))

G_DEFINE_ENUM_TYPE (MamoriClauseStatus, mamori_clause_status,
  G_DEFINE_ENUM_VALUE (MAMORI_CLAUSE_UNREVIEWED, "unreviewed"),
  G_DEFINE_ENUM_VALUE (MAMORI_CLAUSE_OK, "ok"),
  G_DEFINE_ENUM_VALUE (MAMORI_CLAUSE_CHANGE, "change"),
  G_DEFINE_ENUM_VALUE (MAMORI_CLAUSE_MISSING, "missing"),
  G_DEFINE_ENUM_VALUE (MAMORI_CLAUSE_NA, "not-applicable"))

const char *
mamori_contract_enum_to_nick (GType enum_type,
                              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

int
mamori_contract_enum_from_nick (GType       enum_type,
                                const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  if (nick == NULL)
    return -1;
  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value_by_nick (klass, nick);
  return found != NULL ? found->value : -1;
}

const char *
mamori_contract_type_get_label (MamoriContractType type)
{
  switch (type)
    {
    /* Translators: contract types, as in the contract register */
    case MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT: return _("Joint development");
    case MAMORI_CONTRACT_TYPE_LICENSE_IN: return _("Licence in");
    case MAMORI_CONTRACT_TYPE_LICENSE_OUT: return _("Licence out");
    case MAMORI_CONTRACT_TYPE_MANUFACTURING: return _("Manufacturing outsourcing");
    case MAMORI_CONTRACT_TYPE_SALES: return _("Sales or distribution");
    case MAMORI_CONTRACT_TYPE_NDA: return _("Non-disclosure agreement");
    case MAMORI_CONTRACT_TYPE_JOINT_VENTURE: return _("Joint venture or investment");
    case MAMORI_N_CONTRACT_TYPES:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
mamori_contract_position_get_label (MamoriContractType     type,
                                    MamoriContractPosition position)
{
  switch (type)
    {
    case MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT:
      /* Translators: our position in a joint development */
      return position == MAMORI_CONTRACT_POSITION_PROVIDER ? _("We bring most of the technology")
           : position == MAMORI_CONTRACT_POSITION_RECEIVER ? _("The partner brings most of the technology")
           : _("Both bring technology");
    case MAMORI_CONTRACT_TYPE_LICENSE_IN:
      return position == MAMORI_CONTRACT_POSITION_RECEIVER ? _("Licensee") : NULL;
    case MAMORI_CONTRACT_TYPE_LICENSE_OUT:
      return position == MAMORI_CONTRACT_POSITION_PROVIDER ? _("Licensor") : NULL;
    case MAMORI_CONTRACT_TYPE_MANUFACTURING:
      /* Translators: our position in manufacturing outsourcing */
      return position == MAMORI_CONTRACT_POSITION_PROVIDER ? _("We outsource and hand over drawings")
           : position == MAMORI_CONTRACT_POSITION_RECEIVER ? _("We manufacture for the partner")
           : NULL;
    case MAMORI_CONTRACT_TYPE_SALES:
      return position == MAMORI_CONTRACT_POSITION_PROVIDER ? _("We supply the products")
           : position == MAMORI_CONTRACT_POSITION_RECEIVER ? _("We sell the partner’s products")
           : NULL;
    case MAMORI_CONTRACT_TYPE_NDA:
      /* Translators: our position in a non-disclosure agreement */
      return position == MAMORI_CONTRACT_POSITION_PROVIDER ? _("We disclose")
           : position == MAMORI_CONTRACT_POSITION_RECEIVER ? _("We receive")
           : _("Both disclose");
    case MAMORI_CONTRACT_TYPE_JOINT_VENTURE:
      return position == MAMORI_CONTRACT_POSITION_PROVIDER ? _("We invest or bring technology")
           : position == MAMORI_CONTRACT_POSITION_RECEIVER ? _("The partner invests in us")
           : _("Joint venture partners");
    case MAMORI_N_CONTRACT_TYPES:
    default:
      g_return_val_if_reached (NULL);
    }
}

MamoriContractPosition
mamori_contract_type_get_default_position (MamoriContractType type)
{
  switch (type)
    {
    case MAMORI_CONTRACT_TYPE_LICENSE_IN:
      return MAMORI_CONTRACT_POSITION_RECEIVER;
    case MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT:
    case MAMORI_CONTRACT_TYPE_NDA:
    case MAMORI_CONTRACT_TYPE_JOINT_VENTURE:
      return MAMORI_CONTRACT_POSITION_MUTUAL;
    case MAMORI_CONTRACT_TYPE_LICENSE_OUT:
    case MAMORI_CONTRACT_TYPE_MANUFACTURING:
    case MAMORI_CONTRACT_TYPE_SALES:
    case MAMORI_N_CONTRACT_TYPES:
    default:
      return MAMORI_CONTRACT_POSITION_PROVIDER;
    }
}

const char *
mamori_contract_stage_get_label (MamoriContractStage stage)
{
  switch (stage)
    {
    /* Translators: the stage of a contract */
    case MAMORI_CONTRACT_STAGE_DRAFT: return C_("contract stage", "Draft");
    case MAMORI_CONTRACT_STAGE_NEGOTIATING: return C_("contract stage", "Negotiating");
    case MAMORI_CONTRACT_STAGE_SIGNED: return C_("contract stage", "Signed");
    case MAMORI_CONTRACT_STAGE_ENDED: return C_("contract stage", "Ended");
    case MAMORI_N_CONTRACT_STAGES:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
mamori_clause_status_get_label (MamoriClauseStatus status)
{
  switch (status)
    {
    /* Translators: the verdict on one clause topic of a contract */
    case MAMORI_CLAUSE_UNREVIEWED: return C_("clause", "Not reviewed");
    case MAMORI_CLAUSE_OK: return C_("clause", "Present and acceptable");
    case MAMORI_CLAUSE_CHANGE: return C_("clause", "Needs change");
    case MAMORI_CLAUSE_MISSING: return C_("clause", "Missing");
    case MAMORI_CLAUSE_NA: return C_("clause", "Not applicable");
    case MAMORI_N_CLAUSE_STATUSES:
    default:
      g_return_val_if_reached ("");
    }
}

struct _MamoriContract
{
  GObject parent_instance;

  gint64                  id;
  char                   *title;
  char                   *counterparty;
  char                   *country;
  MamoriContractType      type;
  MamoriContractPosition  position;
  MamoriContractStage     stage;
  char                   *signed_on;
  char                   *expires_on;
  char                   *notes;
  char                   *updated;
  GArray                 *asset_ids;
  MamoriClauseReview      reviews[MAMORI_N_CONTRACT_TOPICS];
};

G_DEFINE_FINAL_TYPE (MamoriContract, mamori_contract, G_TYPE_OBJECT)

static void
clear_review (MamoriClauseReview *review)
{
  review->status = MAMORI_CLAUSE_UNREVIEWED;
  g_clear_pointer (&review->note, g_free);
  g_clear_pointer (&review->article, g_free);
  g_clear_pointer (&review->passage, g_free);
}

static void
mamori_contract_finalize (GObject *object)
{
  MamoriContract *self = MAMORI_CONTRACT (object);

  g_free (self->title);
  g_free (self->counterparty);
  g_free (self->country);
  g_free (self->signed_on);
  g_free (self->expires_on);
  g_free (self->notes);
  g_free (self->updated);
  g_array_unref (self->asset_ids);
  for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
    clear_review (&self->reviews[t]);

  G_OBJECT_CLASS (mamori_contract_parent_class)->finalize (object);
}

static void
mamori_contract_class_init (MamoriContractClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mamori_contract_finalize;
}

static void
mamori_contract_init (MamoriContract *self)
{
  self->title = g_strdup ("");
  self->counterparty = g_strdup ("");
  self->country = g_strdup ("");
  self->signed_on = g_strdup ("");
  self->expires_on = g_strdup ("");
  self->notes = g_strdup ("");
  self->updated = g_strdup ("");
  self->type = MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT;
  self->position = mamori_contract_type_get_default_position (self->type);
  self->stage = MAMORI_CONTRACT_STAGE_DRAFT;
  self->asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Never NULL, so that readers need not check. */
  for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
    {
      self->reviews[t].note = g_strdup ("");
      self->reviews[t].article = g_strdup ("");
      self->reviews[t].passage = g_strdup ("");
    }
}

MamoriContract *
mamori_contract_new (void)
{
  return g_object_new (MAMORI_TYPE_CONTRACT, NULL);
}

MamoriContract *
mamori_contract_copy (MamoriContract *self)
{
  MamoriContract *copy;

  g_return_val_if_fail (MAMORI_IS_CONTRACT (self), NULL);

  copy = mamori_contract_new ();
  copy->id = self->id;
  mamori_contract_set_title (copy, self->title);
  mamori_contract_set_counterparty (copy, self->counterparty);
  mamori_contract_set_country (copy, self->country);
  copy->type = self->type;
  copy->position = self->position;
  copy->stage = self->stage;
  mamori_contract_set_signed_on (copy, self->signed_on);
  mamori_contract_set_expires_on (copy, self->expires_on);
  mamori_contract_set_notes (copy, self->notes);
  mamori_contract_set_updated (copy, self->updated);
  mamori_contract_set_asset_ids (copy, (const gint64 *) (gpointer) self->asset_ids->data, self->asset_ids->len);
  for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
    mamori_contract_set_review (copy, t, self->reviews[t].status, self->reviews[t].note,
                                self->reviews[t].article, self->reviews[t].passage);
  return copy;
}

static void
replace_text (char       **field,
              const char  *value)
{
  char *copy = g_strdup (value != NULL ? value : "");

  g_free (*field);
  *field = copy;
}

gint64
mamori_contract_get_id (MamoriContract *self)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT (self), 0);
  return self->id;
}

void
mamori_contract_set_id (MamoriContract *self,
                        gint64          id)
{
  g_return_if_fail (MAMORI_IS_CONTRACT (self));
  self->id = id;
}

#define TEXT_FIELD(name)                                              \
const char *                                                          \
mamori_contract_get_##name (MamoriContract *self)                    \
{                                                                     \
  g_return_val_if_fail (MAMORI_IS_CONTRACT (self), "");              \
  return self->name;                                                  \
}                                                                     \
void                                                                  \
mamori_contract_set_##name (MamoriContract *self,                    \
                            const char     *value)                    \
{                                                                     \
  g_return_if_fail (MAMORI_IS_CONTRACT (self));                       \
  replace_text (&self->name, value);                                  \
}

TEXT_FIELD (title)
TEXT_FIELD (counterparty)
TEXT_FIELD (country)
TEXT_FIELD (signed_on)
TEXT_FIELD (expires_on)
TEXT_FIELD (notes)
TEXT_FIELD (updated)

MamoriContractType
mamori_contract_get_contract_type (MamoriContract *self)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT (self), 0);
  return self->type;
}

void
mamori_contract_set_contract_type (MamoriContract     *self,
                                   MamoriContractType  type)
{
  g_return_if_fail (MAMORI_IS_CONTRACT (self));
  g_return_if_fail (type < MAMORI_N_CONTRACT_TYPES);
  self->type = type;
  /* Keep the position one the type has. */
  if (mamori_contract_position_get_label (type, self->position) == NULL)
    self->position = mamori_contract_type_get_default_position (type);
}

MamoriContractPosition
mamori_contract_get_position (MamoriContract *self)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT (self), 0);
  return self->position;
}

void
mamori_contract_set_position (MamoriContract         *self,
                              MamoriContractPosition  position)
{
  g_return_if_fail (MAMORI_IS_CONTRACT (self));
  g_return_if_fail (position < MAMORI_N_CONTRACT_POSITIONS);
  if (mamori_contract_position_get_label (self->type, position) != NULL)
    self->position = position;
}

MamoriContractStage
mamori_contract_get_stage (MamoriContract *self)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT (self), 0);
  return self->stage;
}

void
mamori_contract_set_stage (MamoriContract      *self,
                           MamoriContractStage  stage)
{
  g_return_if_fail (MAMORI_IS_CONTRACT (self));
  g_return_if_fail (stage < MAMORI_N_CONTRACT_STAGES);
  self->stage = stage;
}

GArray *
mamori_contract_get_asset_ids (MamoriContract *self)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT (self), NULL);
  return self->asset_ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

void
mamori_contract_set_asset_ids (MamoriContract *self,
                               const gint64   *ids,
                               guint           n_ids)
{
  g_return_if_fail (MAMORI_IS_CONTRACT (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  g_array_set_size (self->asset_ids, 0);
  if (n_ids > 0)
    g_array_append_vals (self->asset_ids, ids, n_ids);
  g_array_sort (self->asset_ids, compare_ids);
  /* Once is enough. */
  for (guint i = 1; i < self->asset_ids->len;)
    if (g_array_index (self->asset_ids, gint64, i) == g_array_index (self->asset_ids, gint64, i - 1))
      g_array_remove_index (self->asset_ids, i);
    else
      i++;
}

const MamoriClauseReview *
mamori_contract_get_review (MamoriContract      *self,
                            MamoriContractTopic  topic)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT (self), NULL);
  g_return_val_if_fail (topic < MAMORI_N_CONTRACT_TOPICS, NULL);
  return &self->reviews[topic];
}

void
mamori_contract_set_review (MamoriContract      *self,
                            MamoriContractTopic  topic,
                            MamoriClauseStatus   status,
                            const char          *note,
                            const char          *article,
                            const char          *passage)
{
  MamoriClauseReview *review;
  char *new_note, *new_article, *new_passage;

  g_return_if_fail (MAMORI_IS_CONTRACT (self));
  g_return_if_fail (topic < MAMORI_N_CONTRACT_TOPICS);
  g_return_if_fail (status < MAMORI_N_CLAUSE_STATUSES);

  review = &self->reviews[topic];
  /* Copied first: the new values may be the old ones. */
  new_note = g_strdup (note != NULL ? note : "");
  new_article = g_strdup (article != NULL ? article : "");
  new_passage = g_strdup (passage != NULL ? passage : "");
  clear_review (review);
  review->status = status;
  review->note = new_note;
  review->article = new_article;
  review->passage = new_passage;
}

gboolean
mamori_contract_is_expired (MamoriContract *self,
                            const char     *today)
{
  g_return_val_if_fail (MAMORI_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->stage == MAMORI_CONTRACT_STAGE_ENDED)
    return TRUE;
  /* ISO dates compare as strings. */
  return self->expires_on[0] != '\0' && strcmp (self->expires_on, today) < 0;
}
