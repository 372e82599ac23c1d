/* mamori-contract-rules.c — which clauses a contract must have, and what to check
 *
 * The guidance on technology leaks asks a manager to weigh, before signing,
 * how a contract treats the technology each side brings, the results and
 * export control. Which clauses matter depends on the kind of contract and
 * on which way the technology flows: a licensee worries about grant-backs, a
 * licensor about the licence's reach. The table below says, for each kind
 * and direction, which clause topics are essential and why, in a sentence a
 * manager can act on. It cites the guidance's two cases where they apply:
 * case 1, a joint development whose patent became co-owned although the
 * Japanese side did most of the work, after which the partner took all the
 * manufacturing orders; and case 2, staff of a company abroad who moved to a
 * competitor and took the know-how with them.
 *
 * The cross-checks read a contract together with the assets disclosed under
 * it and the counterparty's country. They only use the reviewer's verdicts:
 * a clause counts as present once it is marked acceptable or to be changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "mamori-contract-rules.h"

/* Class levels from "secret" (秘) up are what a leak would hurt most. */
#define SECRET_LEVEL 2

#define PROVIDER (1u << MAMORI_CONTRACT_POSITION_PROVIDER)
#define RECEIVER (1u << MAMORI_CONTRACT_POSITION_RECEIVER)
#define MUTUAL   (1u << MAMORI_CONTRACT_POSITION_MUTUAL)
#define ALL      (PROVIDER | RECEIVER | MUTUAL)
#define ANY_TYPE MAMORI_N_CONTRACT_TYPES

typedef struct
{
  MamoriContractType   type;       /* ANY_TYPE for every type */
  guint                positions;  /* bits 1u << MamoriContractPosition */
  MamoriContractTopic  topic;
  const char          *reason;
} Essential;

/* A topic is essential where a rule matches, and the first rule that
 * matches gives the reason: the rules for one type come before those for
 * any type. */
static const Essential essentials[] = {
  /* Joint development (共同開発): the guide's first case. */
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,
    /* Translators: why a contract clause is essential, read by a company
     * manager; joint development where we bring technology */
    N_("List the technology and know-how we bring to the project and state that it stays ours, so that it cannot be counted as a result of the joint work.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, RECEIVER, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,
    /* Translators: why a contract clause is essential; joint development where the partner brings the technology */
    N_("State what the partner brings and what we may use it for, and that the technology we already have stays ours, so that our own later work is not claimed as derived from theirs.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    /* Translators: why a contract clause is essential; "the guide's case 1"
     * is 事例1 of the guide's contracts section (ガイドの事例1) */
    N_("Ownership of the results should follow who did the work: in the guide’s case 1 the Japanese side did most of the development, yet the resulting patent ended up jointly owned.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, RECEIVER, MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    /* Translators: why a contract clause is essential */
    N_("Decide in advance who owns the results and on what terms each side may use them, or the partner that brought the technology may claim all of them.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP,
    /* Translators: why a contract clause is essential; under the Japanese
     * Patent Act (Art. 73) a co-owner may work a patent without the others'
     * consent but may not license it; "the guide's case 1" is 事例1 */
    N_("A jointly owned patent lets the partner work the invention without our consent, while we cannot license it to others without theirs: in the guide’s case 1 the partner then took all the manufacturing orders.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, RECEIVER, MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP,
    /* Translators: why a contract clause is essential; "the guide's case 1" is 事例1 */
    N_("If results are to be jointly owned, agree how each side may work and license them, since otherwise the law’s defaults apply and, as in the guide’s case 1, one side can end up with all the manufacturing.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS,
    /* Translators: why a contract clause is essential */
    N_("Improvements the partner makes on our technology, during the project and after it, should be reported to us and licensed back, or the partner can patent around us.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, RECEIVER, MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS,
    /* Translators: why a contract clause is essential */
    N_("Check that improvements we make to the partner’s technology need not be assigned to it, which would hand over our own later development.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    /* Translators: why a contract clause is essential */
    N_("Limit the partner’s use of our technology to the project, its purpose and its term, and say what each side may do with the results afterwards.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, RECEIVER, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    /* Translators: why a contract clause is essential */
    N_("Check what we may do with the partner’s technology and the results after the project, so that we can actually make and sell what we developed together.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential; "the guide's case 1" is 事例1 */
    N_("Exclusive manufacturing or supply rights for the partner, or a ban on our working with others, can shut us out of the results: in the guide’s case 1 the partner came to monopolise the manufacturing orders.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, RECEIVER, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential */
    N_("Check that exclusivity or non-compete terms do not bar us from our own business in the field, during the project or after it.") },
  { MAMORI_CONTRACT_TYPE_JOINT_DEVELOPMENT, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_NON_SOLICITATION,
    /* Translators: why a contract clause is essential */
    N_("Our engineers work side by side with the partner’s and carry our know-how, so forbid the partner to hire them away during the project and for a period after it.") },

  /* Licence in (ライセンスを受ける): we are the licensee. */
  { MAMORI_CONTRACT_TYPE_LICENSE_IN, RECEIVER, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,
    /* Translators: why a contract clause is essential; we are the licensee */
    N_("State that the technology we already have, and what we develop ourselves, stays ours, so that the licensor cannot claim that our products derive from its licence.") },
  { MAMORI_CONTRACT_TYPE_LICENSE_IN, RECEIVER, MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS,
    /* Translators: why a contract clause is essential; we are the licensee.
     * The guidelines are the JFTC's 知的財産の利用に関する独占禁止法上の指針 */
    N_("An obligation to assign our improvements to the licensor, or to license them to it exclusively, would hand over our own development (Japan’s competition guidelines treat it as likely an unfair trade practice).") },
  { MAMORI_CONTRACT_TYPE_LICENSE_IN, RECEIVER, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    /* Translators: why a contract clause is essential; we are the licensee */
    N_("The field, territory, term, sublicensing and royalties decide what we may actually make and sell with the licensed technology.") },
  { MAMORI_CONTRACT_TYPE_LICENSE_IN, RECEIVER, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential; we are the licensee */
    N_("A non-compete or exclusive-dealing term could stop us from using our own or other technology in the same field, even after the licence ends.") },

  /* Licence out (ライセンスを与える): we are the licensor. */
  { MAMORI_CONTRACT_TYPE_LICENSE_OUT, PROVIDER, MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS,
    /* Translators: why a contract clause is essential; we are the licensor */
    N_("Have the licensee report its improvements to our technology and license them back to us (non-exclusively, as competition law allows), or it may patent improvements that block our own use.") },
  { MAMORI_CONTRACT_TYPE_LICENSE_OUT, PROVIDER, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    /* Translators: why a contract clause is essential; we are the licensor */
    N_("Limit the field, territory, term and sublicensing, and forbid transfer to others, so that the technology is used only as agreed and can be taken back.") },
  { MAMORI_CONTRACT_TYPE_LICENSE_OUT, PROVIDER, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential; we are the licensor */
    N_("An exclusive licence shuts us and our other licensees out of its field and territory, so grant one only deliberately, with minimum sales and a way out.") },
  { MAMORI_CONTRACT_TYPE_LICENSE_OUT, PROVIDER, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL,
    /* Translators: why a contract clause is essential; we are the licensor */
    N_("When the licence ends, the licensee must stop using the technology, return or destroy our documents and remain bound by confidentiality.") },

  /* Manufacturing (製造委託): we outsource and hand over drawings, or we
   * manufacture for a customer. */
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, PROVIDER, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,
    /* Translators: why a contract clause is essential; we outsource manufacturing */
    N_("State that the drawings, specifications and know-how we hand over stay ours and may be used only to fill our orders.") },
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, RECEIVER, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,
    /* Translators: why a contract clause is essential; we manufacture for a customer */
    N_("Our own process know-how stays ours even though we use it for the customer’s product, so say so, or the customer may claim it along with the product.") },
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, PROVIDER, MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    /* Translators: why a contract clause is essential; we outsource manufacturing */
    N_("Inventions, moulds and process improvements made for our products should belong to us, or the manufacturer can use them to make the same product for others.") },
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, RECEIVER, MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    /* Translators: why a contract clause is essential; we manufacture for a customer */
    N_("Decide who owns the inventions, moulds and know-how we create while making the product, so that the customer cannot demand them with the deliveries.") },
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, PROVIDER, MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS,
    /* Translators: why a contract clause is essential; we outsource manufacturing */
    N_("Improvements the manufacturer makes to our drawings or process should be reported to us, not patented by it alone.") },
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, RECEIVER, MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS,
    /* Translators: why a contract clause is essential; we manufacture for a customer */
    N_("Check that we need not hand over all our process improvements, which would let the customer move production to another manufacturer.") },
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, PROVIDER, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential; we outsource
     * manufacturing; "the guide's case 1" is 事例1 */
    N_("Forbid the manufacturer to make similar products for others with our drawings, and do not promise it all our production: as in the guide’s case 1, a single manufacturer can come to monopolise the orders.") },
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, RECEIVER, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential; we manufacture for a customer */
    N_("Check that a ban on making similar products for others is limited to the customer’s own designs, so that it does not shut us out of our market.") },
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, PROVIDER, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL,
    /* Translators: why a contract clause is essential; we outsource manufacturing */
    N_("Drawings and process know-how handed to a manufacturer abroad can need a licence under the Foreign Exchange Act, and the manufacturer must not pass them on or re-export them.") },
  { MAMORI_CONTRACT_TYPE_MANUFACTURING, PROVIDER, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL,
    /* Translators: why a contract clause is essential; we outsource manufacturing */
    N_("When the contract ends, our drawings, moulds and samples must come back and confidentiality must continue, or the manufacturer can go on making the product.") },

  /* Sales and distribution (販売・代理店): we sell through a distributor, or
   * we distribute the counterparty's products. */
  { MAMORI_CONTRACT_TYPE_SALES, PROVIDER, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    /* Translators: why a contract clause is essential; we appoint a distributor */
    N_("The distributor may use our trademarks and technical documents only to sell our products in its territory, and only while the contract runs.") },
  { MAMORI_CONTRACT_TYPE_SALES, RECEIVER, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    /* Translators: why a contract clause is essential; we are the distributor */
    N_("Check the products, territory and use of trademarks the appointment actually gives us, since our sales effort depends on them.") },
  { MAMORI_CONTRACT_TYPE_SALES, RECEIVER, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY,
    /* Translators: why a contract clause is essential; we are the distributor */
    N_("We share customer and market information with the supplier, so the clause should protect it too, or the supplier can use it to sell around us.") },
  { MAMORI_CONTRACT_TYPE_SALES, PROVIDER, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential; we appoint a distributor */
    N_("An exclusive distributor ties up its territory, so grant exclusivity only with sales targets and a way out, and forbid it to make or sell competing copies.") },
  { MAMORI_CONTRACT_TYPE_SALES, RECEIVER, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential; we are the distributor */
    N_("Check whether we are barred from selling competing products, including our own, during the contract and after it.") },
  { MAMORI_CONTRACT_TYPE_SALES, PROVIDER, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL,
    /* Translators: why a contract clause is essential; we appoint a
     * distributor (catch-all control: キャッチオール規制) */
    N_("The distributor must check end users and end uses and must not re-export our products to destinations or users we could not sell to ourselves.") },

  /* Non-disclosure agreement (秘密保持契約). */
  { MAMORI_CONTRACT_TYPE_NDA, RECEIVER | MUTUAL, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,
    /* Translators: why a contract clause is essential; an NDA where we receive information */
    N_("The exception for information we already had or develop independently keeps our own technology free to use after we have seen the other side’s.") },
  { MAMORI_CONTRACT_TYPE_NDA, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    /* Translators: why a contract clause is essential; an NDA where we disclose */
    N_("Decide who owns inventions the recipient makes using our information, or it may patent them before we do.") },
  { MAMORI_CONTRACT_TYPE_NDA, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    /* Translators: why a contract clause is essential; an NDA where we disclose */
    N_("State that disclosure grants no licence or other right to our information or patents.") },

  /* Joint venture and investment (合弁・出資): the guide's second case. */
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,
    /* Translators: why a contract clause is essential; a joint venture we bring technology to */
    N_("State which technology we contribute or license to the joint venture, and that it stays ours and comes back to us when the venture ends or we leave.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, RECEIVER, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,
    /* Translators: why a contract clause is essential; a partner invests in us */
    N_("State that the technology we held before the investment stays ours, and that the investor gets no right to it through its shares or its seat on the board.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    /* Translators: why a contract clause is essential; a joint venture */
    N_("Decide who owns what the joint venture develops, and what becomes of it if the venture is dissolved or a partner leaves or is taken over.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, RECEIVER, MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    /* Translators: why a contract clause is essential; a partner invests in us */
    N_("Make sure that what we develop with the investor’s money or people belongs to us, so that the investment does not become a claim on our results.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS,
    /* Translators: why a contract clause is essential; a joint venture we bring technology to */
    N_("Improvements the joint venture makes on our technology should be licensed back to us, or they stay with the venture, and with whoever controls it, when we leave.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    /* Translators: why a contract clause is essential; a joint venture we bring technology to */
    N_("License our technology to the joint venture for its own business only, with no right to sublicense it or pass it to the partner.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, RECEIVER, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    /* Translators: why a contract clause is essential; a partner invests in us */
    N_("Check that the agreement gives the investor no licence to our technology, or only a narrow one, so that a stake does not become a way to take it.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, RECEIVER, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY,
    /* Translators: why a contract clause is essential; a partner invests in us */
    N_("The investor’s information and inspection rights give it a view of our technology, so limit what it may see and bind it, and the directors it appoints, to confidentiality.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential; a joint venture we bring technology to */
    N_("Forbid the partner to compete with the joint venture using what it learns there, during the venture and for a period after it leaves.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, RECEIVER, MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    /* Translators: why a contract clause is essential; a partner invests in us */
    N_("Check whether the investor may run or back a competing business with what it learns from us, and whether we are barred from working with its competitors.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, RECEIVER, MAMORI_CONTRACT_TOPIC_NON_SOLICITATION,
    /* Translators: why a contract clause is essential; a partner invests in
     * us; "the guide's case 2" is 事例2 (ガイドの事例2) */
    N_("An investor close to our engineers can hire them away, and in the guide’s case 2 staff who moved to a competitor took the know-how with them, so forbid poaching and keep key staff bound to confidentiality.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_NON_SOLICITATION,
    /* Translators: why a contract clause is essential; a joint venture;
     * "the guide's case 2" is 事例2 of the guide's contracts section
     * (ガイドの事例2), 独資・合弁企業 */
    N_("In the guide’s case 2, staff of a wholly owned or joint-venture company abroad moved to a competitor and the know-how went with them, so forbid poaching the venture’s staff and those we second, and bind key staff to confidentiality.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL,
    /* Translators: why a contract clause is essential; a joint venture we bring technology to */
    N_("Contributing technology to a joint venture abroad is a transfer of technology that can need a licence under the Foreign Exchange Act, and the venture must not pass it on or re-export it.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, RECEIVER, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL,
    /* Translators: why a contract clause is essential; a partner invests in us */
    N_("Technology a foreign investor sees through its board seat or information rights is still a transfer of technology, which can need a licence under the Foreign Exchange Act.") },
  { MAMORI_CONTRACT_TYPE_JOINT_VENTURE, ALL, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL,
    /* Translators: why a contract clause is essential; a joint venture or investment */
    N_("When the venture ends or a partner sells its stake, confidentiality and the ban on poaching must continue and our documents must come back, or what the partner learned becomes free to use.") },

  /* Every type: technology leaving us needs export control. */
  { ANY_TYPE, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL,
    /* Translators: why a contract clause is essential; みなし輸出: a
     * resident under a foreign party's control */
    N_("Technology leaves us under this contract: providing it to a party abroad, or to someone in Japan under a foreign party’s control, can need a licence under the Foreign Exchange Act, and the counterparty must not pass it on or re-export it without our consent.") },

  /* Every type: confidentiality, governing law and what survives the end. */
  { ANY_TYPE, PROVIDER, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY,
    /* Translators: why a contract clause is essential; we disclose */
    N_("What we disclose is protected only as far as this clause reaches: what counts as confidential, what it may be used for, who may see it and for how long.") },
  { ANY_TYPE, RECEIVER, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY,
    /* Translators: why a contract clause is essential; we receive information */
    N_("We receive the counterparty’s information, so the clause sets what we must keep secret and for how long, and it should exclude what we already knew or develop ourselves.") },
  { ANY_TYPE, MUTUAL, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY,
    /* Translators: why a contract clause is essential; both sides disclose */
    N_("Both sides disclose, so the clause must protect what we give as well as limit what we owe for what we receive, and exclude what we already know or develop ourselves.") },
  { ANY_TYPE, ALL, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW,
    /* Translators: why a contract clause is essential; the New York
     * Convention makes arbitration awards enforceable in most countries */
    N_("The governing law and the court or arbitration named decide whether we can enforce the contract at all: against a party abroad, a Japanese court’s judgment may not be enforceable, while an arbitration award is in most countries.") },
  { ANY_TYPE, PROVIDER | MUTUAL, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL,
    /* Translators: why a contract clause is essential; we disclose */
    N_("Confidentiality, limits on use and the return or destruction of documents must survive the end of the contract, or our information becomes free to use on the day it ends.") },
  { ANY_TYPE, RECEIVER, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL,
    /* Translators: why a contract clause is essential; we receive information */
    N_("Check which obligations survive the end of the contract, and for how long, so that we know what we must still keep secret and what we may go on using.") },
};

/* The contract model says which positions a type has (those it names), so
 * the table cannot drift from what the editor offers; a contract whose
 * position its type lacks is read with the type's usual one. */
static MamoriContractPosition
resolve_position (MamoriContractType     type,
                  MamoriContractPosition position)
{
  if (mamori_contract_position_get_label (type, position) != NULL)
    return position;
  return mamori_contract_type_get_default_position (type);
}

static const Essential *
find_essential (MamoriContractType     type,
                MamoriContractPosition position,
                MamoriContractTopic    topic)
{
  position = resolve_position (type, position);
  for (guint i = 0; i < G_N_ELEMENTS (essentials); i++)
    {
      const Essential *rule = &essentials[i];

      if ((rule->type == type || rule->type == ANY_TYPE) &&
          (rule->positions & (1u << position)) != 0 &&
          rule->topic == topic)
        return rule;
    }
  return NULL;
}

gboolean
mamori_contract_rules_is_essential (MamoriContractType      type,
                                    MamoriContractPosition  position,
                                    MamoriContractTopic     topic,
                                    const char            **reason)
{
  const Essential *rule;

  if (reason != NULL)
    *reason = NULL;
  g_return_val_if_fail (type < MAMORI_N_CONTRACT_TYPES, FALSE);
  g_return_val_if_fail (position < MAMORI_N_CONTRACT_POSITIONS, FALSE);
  g_return_val_if_fail (topic < MAMORI_N_CONTRACT_TOPICS, FALSE);

  rule = find_essential (type, position, topic);
  if (rule != NULL && reason != NULL)
    *reason = _(rule->reason);
  return rule != NULL;
}

guint
mamori_contract_rules_get_essential_mask (MamoriContractType     type,
                                          MamoriContractPosition position)
{
  guint mask = 0;

  g_return_val_if_fail (type < MAMORI_N_CONTRACT_TYPES, 0);
  g_return_val_if_fail (position < MAMORI_N_CONTRACT_POSITIONS, 0);

  for (guint topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    if (find_essential (type, position, topic) != NULL)
      mask |= 1u << topic;
  return mask;
}

static MamoriClauseStatus
get_status (MamoriContract      *contract,
            MamoriContractTopic  topic)
{
  const MamoriClauseReview *review = mamori_contract_get_review (contract, topic);

  return review != NULL ? review->status : MAMORI_CLAUSE_UNREVIEWED;
}

/* The reviewer found the clause in the contract, whether or not it needs
 * changing. */
static gboolean
is_present (MamoriContract      *contract,
            MamoriContractTopic  topic)
{
  MamoriClauseStatus status = get_status (contract, topic);

  return status == MAMORI_CLAUSE_OK || status == MAMORI_CLAUSE_CHANGE;
}

guint
mamori_contract_rules_count_essentials (MamoriContract *contract,
                                        guint          *counts)
{
  guint mask;
  guint total = 0;

  g_return_val_if_fail (MAMORI_IS_CONTRACT (contract), 0);
  g_return_val_if_fail (counts != NULL, 0);

  memset (counts, 0, MAMORI_N_CLAUSE_STATUSES * sizeof *counts);
  mask = mamori_contract_rules_get_essential_mask (mamori_contract_get_contract_type (contract),
                                                   mamori_contract_get_position (contract));
  for (guint topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
    if ((mask & (1u << topic)) != 0)
      {
        MamoriClauseStatus status = get_status (contract, topic);

        counts[status < MAMORI_N_CLAUSE_STATUSES ? status : MAMORI_CLAUSE_UNREVIEWED]++;
        total++;
      }
  return total;
}

guint
mamori_contract_rules_count_open (MamoriContract *contract)
{
  guint counts[MAMORI_N_CLAUSE_STATUSES];

  g_return_val_if_fail (MAMORI_IS_CONTRACT (contract), 0);

  mamori_contract_rules_count_essentials (contract, counts);
  return counts[MAMORI_CLAUSE_UNREVIEWED] + counts[MAMORI_CLAUSE_MISSING] + counts[MAMORI_CLAUSE_CHANGE];
}

void
mamori_contract_warning_free (MamoriContractWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->message);
  g_free (warning);
}

static void
add_warning (GPtrArray                 *warnings,
             MamoriContractWarningKind  kind,
             char                      *message)
{
  MamoriContractWarning *warning = g_new0 (MamoriContractWarning, 1);

  warning->kind = kind;
  warning->message = message;
  g_ptr_array_add (warnings, warning);
}

/* “金型図面”, “顧客名簿” — in the order given. */
static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0)
        /* Translators: between asset names in a list (、 in Japanese) */
        g_string_append (out, _(", "));
      if (mamori_text_is_blank (name))
        /* Translators: an asset in a list that has no name */
        g_string_append (out, _("(no name)"));
      else
        /* Translators: an asset's name in a list, quoted (「%s」 in Japanese) */
        g_string_append_printf (out, _("“%s”"), name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
secret_asset_message (GPtrArray *secret,
                      gboolean   no_confidentiality,
                      gboolean   no_background)
{
  g_autofree char *names = join_names (secret);
  guint n = secret->len;

  if (no_confidentiality && no_background)
    /* Translators: a contract warning; %s is one or more quoted asset names */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The asset %s, in one of the two highest classes, is disclosed under this contract, but neither a confidentiality clause nor a clause keeping the technology each party brings its own has been confirmed: make sure both cover it before you disclose it.",
                                         "The assets %s, in one of the two highest classes, are disclosed under this contract, but neither a confidentiality clause nor a clause keeping the technology each party brings its own has been confirmed: make sure both cover them before you disclose them.",
                                         n),
                            names);
  if (no_confidentiality)
    /* Translators: a contract warning; %s is one or more quoted asset names */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The asset %s, in one of the two highest classes, is disclosed under this contract, but no confidentiality clause has been confirmed: make sure one covers it before you disclose it.",
                                         "The assets %s, in one of the two highest classes, are disclosed under this contract, but no confidentiality clause has been confirmed: make sure one covers them before you disclose them.",
                                         n),
                            names);
  /* Translators: a contract warning; %s is one or more quoted asset names */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The asset %s, in one of the two highest classes, is disclosed under this contract, but no clause has been confirmed that keeps the technology each party brings its own: without one, it could be treated as a result of the contract or as the counterparty’s.",
                                       "The assets %s, in one of the two highest classes, are disclosed under this contract, but no clause has been confirmed that keeps the technology each party brings its own: without one, they could be treated as results of the contract or as the counterparty’s.",
                                       n),
                          names);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

GPtrArray *
mamori_contract_rules_check (MamoriContract     *contract,
                             const int          *asset_classes,
                             const char * const *asset_names,
                             guint               n_assets,
                             gboolean            counterparty_outside_group_a,
                             const char         *today)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) secret = NULL;
  g_autoptr(GPtrArray) disclosed = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (MAMORI_IS_CONTRACT (contract), NULL);
  g_return_val_if_fail (n_assets == 0 || (asset_classes != NULL && asset_names != NULL), NULL);

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_contract_warning_free);
  secret = g_ptr_array_new ();
  disclosed = g_ptr_array_new ();
  for (guint i = 0; i < n_assets; i++)
    {
      g_ptr_array_add (disclosed, (gpointer) asset_names[i]);
      if (asset_classes[i] >= SECRET_LEVEL)
        g_ptr_array_add (secret, (gpointer) asset_names[i]);
    }

  /* Where we only receive, the assets it lists are the other party's
   * information in our keeping, not ours disclosed: nothing of ours is at
   * stake under it. */
  if (secret->len > 0 && mamori_contract_get_position (contract) != MAMORI_CONTRACT_POSITION_RECEIVER)
    {
      gboolean no_confidentiality = !is_present (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY);
      gboolean no_background = !is_present (contract, MAMORI_CONTRACT_TOPIC_BACKGROUND_IP);

      if (no_confidentiality || no_background)
        add_warning (warnings, MAMORI_CONTRACT_WARNING_SECRET_ASSET_UNPROTECTED,
                     secret_asset_message (secret, no_confidentiality, no_background));
    }

  if (counterparty_outside_group_a && !is_present (contract, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL))
    add_warning (warnings, MAMORI_CONTRACT_WARNING_NO_EXPORT_CONTROL,
                 /* Translators: a contract warning */
                 g_strdup (_("The counterparty is outside Group A, but no export control clause has been confirmed: technology provided to it can need a licence under the Foreign Exchange Act, and the contract should bind it to export control and forbid re-export without our consent.")));

  if (today == NULL)
    today = now = dup_today ();
  if (mamori_contract_is_expired (contract, today) &&
      (is_present (contract, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL) ||
       is_present (contract, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)))
    {
      char *message;

      if (disclosed->len > 0)
        {
          g_autofree char *names = join_names (disclosed);

          /* Translators: a contract warning; %s is one or more quoted asset names */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "This contract has ended, but its confidentiality obligations still run after the end: keep the disclosed asset %s protected as before, and ask the counterparty to return or destroy what it received.",
                                                  "This contract has ended, but its confidentiality obligations still run after the end: keep the disclosed assets %s protected as before, and ask the counterparty to return or destroy what it received.",
                                                  disclosed->len),
                                     names);
        }
      else
        /* Translators: a contract warning */
        message = g_strdup (_("This contract has ended, but its confidentiality obligations still run after the end: keep the information disclosed under it protected as before, and ask the counterparty to return or destroy what it received."));
      add_warning (warnings, MAMORI_CONTRACT_WARNING_EXPIRED_CONFIDENTIALITY_SURVIVES, message);
    }

  return g_steal_pointer (&warnings);
}

/**
 * mamori_contract_rules_country_is_japan:
 *
 * Whether @country names Japan, as people write it (日本, Japan, JP…).
 */
gboolean
mamori_contract_rules_country_is_japan (const char *country)
{
  static const char *const names[] = { "日本", "日本国", "にほん", "にっぽん", "japan", "jp", "jpn" };
  g_autofree char *loose = NULL;

  if (mamori_text_is_blank (country))
    return FALSE;
  loose = mamori_text_normalize_loose (country);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = mamori_text_normalize_loose (names[i]);

      if (g_strcmp0 (loose, name) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
mamori_contract_rules_country_outside_group_a (MamoriCatalog *catalog,
                                               const char    *country)
{
  g_return_val_if_fail (catalog != NULL, FALSE);

  /* A counterparty in Japan is not an export at all. */
  if (mamori_text_is_blank (country) || mamori_contract_rules_country_is_japan (country))
    return FALSE;
  return mamori_catalog_find_name (catalog, "group-a", country) == NULL;
}
