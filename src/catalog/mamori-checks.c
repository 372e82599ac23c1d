/* mamori-checks.c — the guided checks of the Lookup tab (guide section B)
 *
 * Each check takes a few answers and ends in a result, why, and a next step
 * with whom to ask. The rules follow reference/03 (export control) and
 * reference/05 (inward investment); they give a first orientation and say
 * so: the authority named in each result decides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "mamori-checks.h"

void
mamori_check_result_free (MamoriCheckResult *result)
{
  if (result == NULL)
    return;
  g_free (result->outcome);
  g_free (result->title);
  g_free (result->explanation);
  g_free (result->next_step);
  g_strfreev (result->contacts);
  g_free (result->inputs);
  g_ptr_array_unref (result->matches);
  g_free (result);
}

static MamoriCheckResult *
result_new (const char *outcome,
            const char *title,
            const char *explanation,
            const char *next_step,
            const char *contacts)
{
  MamoriCheckResult *result = g_new0 (MamoriCheckResult, 1);

  result->outcome = g_strdup (outcome);
  result->title = g_strdup (title);
  result->explanation = g_strdup (explanation);
  result->next_step = g_strdup (next_step);
  result->contacts = g_strsplit (contacts, ";", -1);
  result->matches = g_ptr_array_new ();
  return result;
}

const char *
mamori_answer_get_label (MamoriAnswer answer)
{
  switch (answer)
    {
    case MAMORI_ANSWER_YES: return _("Yes");
    case MAMORI_ANSWER_NO:  return _("No");
    case MAMORI_ANSWER_UNSURE:
    default:                return _("Not sure");
    }
}

static void
add_input (GString    *inputs,
           const char *question,
           const char *answer)
{
  if (inputs->len > 0)
    g_string_append_c (inputs, '\n');
  /* Translators: one answer in a screening record: "<question>: <answer>" */
  g_string_append_printf (inputs, _("%s: %s"), question, answer);
}

/**
 * mamori_check_export_destination:
 * @country: the destination as the user wrote it
 * @item_listed: whether the goods or technology are on the control list
 *   (輸出令 別表第1 items 1–15 / 外為令 別表), as a 該非判定 found
 *
 * Returns: (transfer full): Group A or not, and what that means with list
 *   control and catch-all control for this case
 */
MamoriCheckResult *
mamori_check_export_destination (MamoriCatalog *catalog,
                                 const char    *country,
                                 MamoriAnswer   item_listed)
{
  const MamoriCatalogEntry *group_a = mamori_catalog_find_name (catalog, "group-a", country);
  g_autoptr(GString) inputs = g_string_new (NULL);
  MamoriCheckResult *result;
  g_autofree char *title = NULL;

  if (item_listed == MAMORI_ANSWER_YES)
    {
      title = group_a != NULL
              /* Translators: %s is a country */
              ? g_strdup_printf (_("An export licence is needed, even to %s (Group A)"), mamori_catalog_entry_get_name (group_a))
              : g_strdup_printf (_("An export licence is needed for %s"), country);
      result = result_new ("licence", title,
                           _("The item is on the control list (list control, 別表第1 items 1–15). List control applies to every destination: being in Group A does not exempt it."),
                           _("Apply to METI for an export licence before shipping or sending the technology, and keep the classification (該非判定) on file."),
                           "C6;C5");
    }
  else if (item_listed == MAMORI_ANSWER_UNSURE)
    {
      result = result_new ("classify-first", _("First find out whether the item is on the control list"),
                           _("Whether a licence is needed depends first on the item: is it on the control list (別表第1 items 1–15)? Without that classification (該非判定) the destination alone decides nothing."),
                           _("Make a classification (該非判定), or ask the maker of the parts or materials for theirs; then run this check again."),
                           "C6");
    }
  else if (group_a != NULL)
    {
      /* Translators: %s is a country */
      title = g_strdup_printf (_("%s is in Group A: catch-all control mostly does not apply"), mamori_catalog_entry_get_name (group_a));
      result = result_new ("group-a", title,
                           _("The item is not on the control list, and Group A countries (別表第3) are exempt from the catch-all objective requirements. A licence is needed only if METI informs you (inform requirement), for example when it may be passed on to a country of concern."),
                           _("Keep a record of this check and of the customer, and apply for a licence if METI informs you or if you learn it will be passed on for weapons use."),
                           "C6");
    }
  else
    {
      /* Translators: %s is a country */
      title = g_strdup_printf (_("%s is not in Group A: check the end use and the end user (catch-all control)"), country);
      result = result_new ("catch-all", title,
                           _("The item is not on the control list, so catch-all control (別表第1 item 16) applies: a licence is needed if you know or are informed that it may be used to develop weapons of mass destruction or conventional weapons (objective and inform requirements). Some destinations have stricter rules still — North Korea (all exports banned), the arms-embargo countries of 輸出令 別表第3の2, and the sanctions on Russia and Belarus — and Mamori cannot tell whether a name is a real country: check METI’s pages for the destination."),
                           _("Check what the customer will use it for and screen the customer against the End User List (外国ユーザーリスト). Apply for a licence if there is a concern, and keep the record."),
                           "C6;C5");
    }

  add_input (inputs, _("Destination"), country);
  if (group_a == NULL && item_listed != MAMORI_ANSWER_UNSURE)
    add_input (inputs, _("Group A"), _("not found in the catalog’s Group A list"));
  add_input (inputs, _("On the control list"), mamori_answer_get_label (item_listed));
  result->inputs = g_strdup (inputs->str);
  if (group_a != NULL)
    g_ptr_array_add (result->matches, (gpointer) group_a);
  return result;
}

/**
 * mamori_check_technology_transfer:
 * @technology: the technology, in the user's words
 * @enables_production_abroad: whether the transfer would let someone abroad
 *   make or develop it (a subsidiary, joint venture, licensee, contractor)
 *
 * Returns: (transfer full): whether it touches a prior-report technology, a
 *   patent non-disclosure field or a specified critical technology, and what
 *   that means
 */
MamoriCheckResult *
mamori_check_technology_transfer (MamoriCatalog *catalog,
                                  const char    *technology,
                                  MamoriAnswer   enables_production_abroad)
{
  static const char * const lists[] = { "prior-report", "patent-fields", "critical-technologies" };
  g_autoptr(GString) inputs = g_string_new (NULL);
  gboolean prior_report = FALSE, patent = FALSE;
  MamoriCheckResult *result;
  GPtrArray *matches = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GArray) hits = mamori_catalog_search (catalog, technology, lists[i]);

      /* Only the technologies named so count: a word that merely appears in
       * an explanation ("tin", "ion") is not a match. */
      for (guint j = 0; j < hits->len; j++)
        if (g_array_index (hits, MamoriCatalogHit, j).score > MAMORI_CATALOG_TEXT_SCORE)
          {
            g_ptr_array_add (matches, (gpointer) g_array_index (hits, MamoriCatalogHit, j).entry);
            prior_report |= i == 0;
            patent |= i == 1;
          }
    }

  if (prior_report && enables_production_abroad != MAMORI_ANSWER_NO)
    result = result_new ("prior-report", _("A prior report to METI is likely needed before the transfer"),
                         _("The technology matches one that METI asks to be reported before it is transferred abroad in a way that lets others make or develop it (a subsidiary, joint venture, licence or contract manufacturing)."),
                         _("Before signing or transferring, consult METI about the prior report, and check export control for the technology itself (providing technology abroad can need a licence too)."),
                         "C6");
  else if (prior_report)
    result = result_new ("prior-report-not-triggered", _("A listed technology, but the transfer as described does not trigger a prior report"),
                         _("The technology matches one that needs a prior report, but the report is for transfers that let others make or develop it abroad, which you said this is not."),
                         _("Keep a record of this check; run it again if the plan changes (licensing, contract manufacturing, a joint venture). Export control still applies to the technology."),
                         "C6");
  else if (matches->len > 0)
    result = result_new ("related", _("Related to listed technologies: look at each match"),
                         patent ? _("The technology matches a specified field of the patent non-disclosure system or a specified critical technology. Filing patents abroad first, or sharing it, may need care.")
                                : _("The technology matches a specified critical technology area of the Economic Security Promotion Act."),
                         _("Open each match below for what to do. Before filing a patent abroad in a specified field, file in Japan first and ask the patent office."),
                         patent ? "C8;C6" : "C1");
  else
    result = result_new ("no-match", _("No listed technology matches these words"),
                         _("Nothing in the catalog’s prior-report technologies, patent non-disclosure fields or critical technologies matches. The lists are summaries: other words may match, and export control applies to technology whatever the lists say."),
                         _("Try other words (an everyday name, an abbreviation, the English term), and check export control for the technology."),
                         "C6;C1");

  add_input (inputs, _("Technology"), technology);
  add_input (inputs, _("Lets someone abroad make or develop it"), mamori_answer_get_label (enables_production_abroad));
  result->inputs = g_strdup (inputs->str);
  g_ptr_array_unref (result->matches);
  result->matches = matches;
  return result;
}

/**
 * mamori_check_inward_investment:
 *
 * The three tests of FEFTA inward direct investment screening: who invests,
 * what they do, and whether the company runs a designated-sector business.
 *
 * Returns: (transfer full): prior notification likely needed, not needed,
 *   or ask the finance bureau
 */
MamoriCheckResult *
mamori_check_inward_investment (MamoriAnswer foreign_investor,
                                MamoriAnswer act_of_investment,
                                MamoriAnswer designated_sector)
{
  g_autoptr(GString) inputs = g_string_new (NULL);
  MamoriCheckResult *result;

  if (foreign_investor == MAMORI_ANSWER_NO)
    result = result_new ("not-foreign", _("Not inward direct investment: the investor is not a foreign investor"),
                         _("Prior notification under the Foreign Exchange Act concerns foreign investors: non-resident individuals, companies set up under foreign law, and companies or funds controlled by them."),
                         _("Keep a record of who the investor is and how you checked. Check again if its owners or officers change."),
                         "C4");
  else if (act_of_investment == MAMORI_ANSWER_NO)
    result = result_new ("not-an-act", _("Not inward direct investment: the act is not one that counts"),
                         /* xgettext:no-c-format */
                         _("The acts that count include acquiring 1% or more of a listed company’s voting rights, any share of an unlisted company, consenting to important management matters, setting up a branch, long-term loans and taking over a business."),
                         _("Keep a record of this check. Check again before any of those acts."),
                         "C4");
  else if (designated_sector == MAMORI_ANSWER_NO)
    result = result_new ("no-notification", _("Prior notification is likely not needed; a report afterwards may be"),
                         _("Your company does not run a designated-sector business, so prior notification is generally not needed; some acquisitions must still be reported after they happen."),
                         _("Ask the finance bureau whether a post-investment report is needed, and keep a record of this check."),
                         "C4");
  else if (foreign_investor == MAMORI_ANSWER_YES && act_of_investment == MAMORI_ANSWER_YES &&
           designated_sector == MAMORI_ANSWER_YES)
    result = result_new ("notify", _("Prior notification is likely needed"),
                         _("A foreign investor, an act that counts as inward direct investment and a designated-sector business: the investor must notify in advance and wait (normally 30 days) before investing."),
                         _("Tell the investor early, and contact the Tokai Local Finance Bureau’s inward investment desk before the investment."),
                         "C4");
  else
    result = result_new ("ask", _("Not decided yet: ask the finance bureau"),
                         _("At least one answer is “not sure”. Each of the three questions can decide the outcome, and the criteria change often."),
                         _("Ask the Tokai Local Finance Bureau’s inward investment desk, with what you know of the investor, the act and your business."),
                         "C4");

  add_input (inputs, _("Foreign investor"), mamori_answer_get_label (foreign_investor));
  add_input (inputs, _("Act of inward direct investment"), mamori_answer_get_label (act_of_investment));
  add_input (inputs, _("Designated-sector business"), mamori_answer_get_label (designated_sector));
  result->inputs = g_strdup (inputs->str);
  return result;
}
