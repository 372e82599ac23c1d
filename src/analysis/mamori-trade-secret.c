/* mamori-trade-secret.c — can this information be protected as a trade secret?
 *
 * Under the Unfair Competition Prevention Act (不正競争防止法, Art. 2(6)) a
 * leak can be pursued as the theft of a trade secret (営業秘密) only if the
 * information was managed as secret (秘密管理性), is useful to the business
 * (有用性) and is not publicly known (非公知性). Secrecy management is read
 * conservatively here: marked, access restricted, and pledges or NDAs signed
 * by those with access, which together leave no one able to say they did
 * not know (the handbook's 認識向上 and 接近の制御).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "mamori-trade-secret.h"

gboolean
mamori_trade_secret_is_met (const MamoriSecretFacts *facts,
                            MamoriRequirement        requirement)
{
  g_return_val_if_fail (facts != NULL, FALSE);

  switch (requirement)
    {
    case MAMORI_REQUIREMENT_SECRECY:
      return facts->marked && facts->access_restricted && facts->pledges_signed;
    case MAMORI_REQUIREMENT_USEFULNESS:
      return facts->useful;
    case MAMORI_REQUIREMENT_NON_PUBLIC:
      return facts->not_public;
    case MAMORI_N_REQUIREMENTS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
mamori_trade_secret_is_ready (const MamoriSecretFacts *facts)
{
  for (int requirement = 0; requirement < MAMORI_N_REQUIREMENTS; requirement++)
    if (!mamori_trade_secret_is_met (facts, requirement))
      return FALSE;

  return TRUE;
}

/**
 * mamori_trade_secret_dup_missing:
 *
 * Returns: (transfer full) (element-type utf8): what is still missing for
 *   @requirement, as short phrases; empty when it is met
 */
GPtrArray *
mamori_trade_secret_dup_missing (const MamoriSecretFacts *facts,
                                 MamoriRequirement        requirement)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (facts != NULL, missing);

  switch (requirement)
    {
    case MAMORI_REQUIREMENT_SECRECY:
      if (!facts->marked)
        g_ptr_array_add (missing, g_strdup (_("mark it as confidential (マル秘)")));
      if (!facts->access_restricted)
        g_ptr_array_add (missing, g_strdup (_("restrict access to those who need it")));
      if (!facts->pledges_signed)
        g_ptr_array_add (missing, g_strdup (_("have everyone with access sign a confidentiality pledge or NDA")));
      break;
    case MAMORI_REQUIREMENT_USEFULNESS:
      if (!facts->useful)
        g_ptr_array_add (missing, g_strdup (_("confirm it is useful to the business")));
      break;
    case MAMORI_REQUIREMENT_NON_PUBLIC:
      if (!facts->not_public)
        g_ptr_array_add (missing, g_strdup (_("confirm it is not publicly known or obtainable")));
      break;
    case MAMORI_N_REQUIREMENTS:
    default:
      g_return_val_if_reached (missing);
    }

  return missing;
}

const char *
mamori_requirement_get_label (MamoriRequirement requirement)
{
  switch (requirement)
    {
    /* Translators: the three requirements of a trade secret; in Japanese
     * the statutory terms 秘密管理性, 有用性, 非公知性 */
    case MAMORI_REQUIREMENT_SECRECY:    return _("Managed as secret");
    case MAMORI_REQUIREMENT_USEFULNESS: return _("Useful");
    case MAMORI_REQUIREMENT_NON_PUBLIC: return _("Not public");
    case MAMORI_N_REQUIREMENTS:
    default:                            g_return_val_if_reached (NULL);
    }
}

const char *
mamori_requirement_get_description (MamoriRequirement requirement)
{
  switch (requirement)
    {
    case MAMORI_REQUIREMENT_SECRECY:
      return _("The company shows it keeps the information secret, so that no one with access can say they did not know.");
    case MAMORI_REQUIREMENT_USEFULNESS:
      return _("The information is useful for business, such as a production method, sales method or technical data.");
    case MAMORI_REQUIREMENT_NON_PUBLIC:
      return _("The information cannot be obtained outside the company’s control, for example from publications.");
    case MAMORI_N_REQUIREMENTS:
    default:
      g_return_val_if_reached (NULL);
    }
}
