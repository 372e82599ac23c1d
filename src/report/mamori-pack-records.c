/* mamori-pack-records.c — the registers and records a pack reproduces:
 * contracts, screenings, checklists, incidents, contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "analysis/mamori-contract-rules.h"
#include "analysis/mamori-text.h"
#include "catalog/mamori-checklists.h"
#include "mamori-i18n.h"
#include "report/mamori-pack-private.h"

/* Contracts */

void
mamori_pack_add_contract (Pack           *pack,
                          MamoriContract *contract,
                          int             level,
                          gboolean        reasons)
{
  MamoriDoc *doc = pack->doc;
  MamoriContractType type = mamori_contract_get_contract_type (contract);
  MamoriContractPosition position = mamori_contract_get_position (contract);
  g_autoptr(GPtrArray) warnings = mamori_pack_check_contract (pack, contract);
  g_autofree char *assets = mamori_pack_dup_asset_names (pack, mamori_contract_get_asset_ids (contract));
  g_autofree char *signed_on = mamori_pack_format_date (mamori_contract_get_signed_on (contract));
  g_autofree char *expires_on = mamori_pack_format_date (mamori_contract_get_expires_on (contract));
  g_autofree char *open_text = NULL;
  guint open = mamori_contract_rules_count_open (contract);
  guint mask = mamori_contract_rules_get_essential_mask (type, position);
  const double facts_widths[] = { 1, 3 };
  const double widths[] = { 2.2, 1.1, 1.5, 3.4 };
  const char *headers[] = {
    C_("clause column", "Topic"), C_("clause column", "Essential"), C_("clause column", "Verdict"),
    C_("clause column", "Note"),
  };
  const char *position_label = mamori_contract_position_get_label (type, position);

  mamori_doc_heading (doc, level, mamori_text_is_blank (mamori_contract_get_title (contract))
                                  ? _("(untitled contract)") : mamori_contract_get_title (contract));
  mamori_doc_table_begin (doc, 2, facts_widths, NULL);
  mamori_doc_table_row (doc, (const char *[]) { _("Counterparty"), mamori_pack_or_dash (mamori_contract_get_counterparty (contract)) });
  mamori_doc_table_row (doc, (const char *[]) { _("Country"), mamori_pack_or_dash (mamori_contract_get_country (contract)) });
  mamori_doc_table_row (doc, (const char *[]) { _("Type"), mamori_contract_type_get_label (type) });
  mamori_doc_table_row (doc, (const char *[]) { _("Our position"), mamori_pack_or_dash (position_label) });
  mamori_doc_table_row (doc, (const char *[]) { _("Stage"), mamori_contract_stage_get_label (mamori_contract_get_stage (contract)) });
  mamori_doc_table_row (doc, (const char *[]) { _("Signed"), mamori_pack_or_dash (signed_on) });
  mamori_doc_table_row (doc, (const char *[]) { _("Expires"), mamori_pack_or_dash (expires_on) });
  mamori_doc_table_row (doc, (const char *[]) { _("Assets disclosed"), assets });
  if (!mamori_text_is_blank (mamori_contract_get_notes (contract)))
    mamori_doc_table_row (doc, (const char *[]) { _("Notes"), mamori_contract_get_notes (contract) });
  mamori_doc_table_end (doc);

  open_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u essential topic still open.",
                                            "%u essential topics still open.", open), open);
  mamori_doc_text (doc, open > 0 ? MAMORI_TEXT_WARNING : MAMORI_TEXT_STRONG, open_text);
  for (guint i = 0; i < warnings->len; i++)
    mamori_doc_bullet (doc, MAMORI_TEXT_WARNING, ((MamoriContractWarning *) g_ptr_array_index (warnings, i))->message);

  mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, headers);
  /* Essential topics first, as in the editor. */
  for (int pass = 0; pass < 2; pass++)
    for (int topic = 0; topic < MAMORI_N_CONTRACT_TOPICS; topic++)
      {
        gboolean essential = (mask & (1u << topic)) != 0;
        const MamoriClauseReview *review = mamori_contract_get_review (contract, topic);
        MamoriClauseStatus status = review->status;
        gboolean is_open = status == MAMORI_CLAUSE_UNREVIEWED || status == MAMORI_CLAUSE_MISSING
                           || status == MAMORI_CLAUSE_CHANGE;
        g_autoptr(GString) note = g_string_new (review->note);
        const char *reason = NULL;
        guint32 chip;

        if (essential != (pass == 0))
          continue;
        if (!mamori_text_is_blank (review->article))
          {
            if (note->len > 0)
              g_string_append_c (note, '\n');
            /* Translators: where in the contract text a topic was found */
            g_string_append_printf (note, _("Found in: %s"), review->article);
          }
        if (reasons && essential
            && mamori_contract_rules_is_essential (type, position, topic, &reason) && reason != NULL)
          {
            if (note->len > 0)
              g_string_append_c (note, '\n');
            /* Translators: why a topic is essential for this contract */
            g_string_append_printf (note, _("Why essential: %s"), reason);
          }
        chip = !is_open ? MAMORI_COLOR_GREEN : essential ? MAMORI_COLOR_RED : MAMORI_COLOR_LIGHT;
        mamori_doc_table_row_marked (doc, chip, (const char *[]) {
          mamori_contract_topic_get_label (topic),
          essential ? _("Essential") : "—",
          mamori_clause_status_get_label (status),
          note->len > 0 ? note->str : "—",
        });
      }
  mamori_doc_table_end (doc);
}

void
mamori_pack_add_contracts (Pack *pack)
{
  mamori_doc_heading (pack->doc, 1, _("Contract reviews"));
  mamori_doc_text (pack->doc, MAMORI_TEXT_BODY,
                   _("Each contract’s clause review against the topics the guide asks about before signing: who "
                     "brings which technology, who owns the results, and what may leave the country. Topics marked "
                     "essential are the ones that matter most for this type of contract and our position in it."));
  if (pack->contracts->len == 0)
    mamori_doc_text (pack->doc, MAMORI_TEXT_MUTED, _("No contracts are registered."));
  for (guint i = 0; i < pack->contracts->len; i++)
    mamori_pack_add_contract (pack, g_ptr_array_index (pack->contracts, i), 2, FALSE);
}

/* Screenings */

gboolean
mamori_pack_add_screenings (Pack    *pack,
                            GError **error)
{
  MamoriDoc *doc = pack->doc;
  g_autoptr(GPtrArray) screenings = mamori_store_dup_screenings (pack->store, error);
  const double widths[] = { 1.3, 1.5, 2.2, 3.6, 1.4 };
  const char *headers[] = {
    C_("screening column", "Date"), C_("screening column", "Check"), C_("screening column", "Subject"),
    C_("screening column", "Result"), C_("screening column", "Checked by"),
  };

  if (screenings == NULL)
    return FALSE;

  mamori_doc_heading (doc, 1, _("Screening records"));
  mamori_doc_text (doc, MAMORI_TEXT_BODY,
                   _("The lookups, checks and counterparty screenings that were recorded, newest first, as they were "
                     "shown at the time, with the reference lists’ version they used."));
  if (screenings->len == 0)
    {
      mamori_doc_text (doc, MAMORI_TEXT_MUTED, _("No screening has been recorded."));
      return TRUE;
    }

  mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, headers);
  mamori_doc_table_keep_words (doc, 4);
  /* The store gives them newest first. */
  for (guint i = 0; i < screenings->len; i++)
    {
      MamoriScreening *screening = g_ptr_array_index (screenings, i);
      g_autofree char *when = mamori_pack_format_time (screening->created_at);
      g_autoptr(GString) result = g_string_new (screening->result);

      if (!mamori_text_is_blank (screening->catalog_version))
        /* Translators: the reference lists' version a screening used */
        g_string_append_printf (result, _("\nReference lists %s"), screening->catalog_version);
      if (!mamori_text_is_blank (screening->end_user_list))
        g_string_append_printf (result, "\n%s", screening->end_user_list);
      for (guint j = 0; screening->notes != NULL && j < screening->notes->len; j++)
        {
          MamoriScreeningNote *note = g_ptr_array_index (screening->notes, j);
          g_autofree char *noted = mamori_pack_format_time (note->created_at);

          /* Translators: a dated note added to a screening record */
          g_string_append_printf (result, _("\nNote (%s, %s): %s"), noted, note->author, note->text);
        }
      mamori_doc_table_row (doc, (const char *[]) {
        when, mamori_screening_kind_get_label (screening->kind), mamori_pack_or_dash (screening->subject), result->str,
        mamori_pack_or_dash (screening->checked_by),
      });
    }
  mamori_doc_table_end (doc);
  return TRUE;
}

/* Checklists */

static guint32
status_color (const MamoriItemState *state,
              GDateTime             *now)
{
  if (state == NULL)
    return MAMORI_COLOR_LIGHT;
  if (mamori_item_state_is_overdue (state, now))
    return MAMORI_COLOR_RED;
  switch (state->status)
    {
    case MAMORI_ITEM_DONE:           return MAMORI_COLOR_GREEN;
    case MAMORI_ITEM_IN_PROGRESS:    return MAMORI_COLOR_YELLOW;
    case MAMORI_ITEM_NOT_APPLICABLE: return 0xffffff;
    default:                         return MAMORI_COLOR_LIGHT;
    }
}

static void
add_item_row (Pack                      *pack,
              const MamoriChecklistItem *item,
              const MamoriItemState     *state)
{
  g_autofree char *due = mamori_pack_format_date (state != NULL ? state->due_on : NULL);
  g_autofree char *status = NULL;

  if (state != NULL && mamori_item_state_is_overdue (state, pack->now))
    /* Translators: a checklist item's status, and that it is overdue */
    status = g_strdup_printf (_("%s (overdue)"), mamori_item_status_get_label (state->status));
  else
    status = g_strdup (mamori_item_status_get_label (state != NULL ? state->status : MAMORI_ITEM_NOT_STARTED));
  mamori_doc_table_row_marked (pack->doc, status_color (state, pack->now), (const char *[]) {
    mamori_checklist_item_get_title (item), status,
    mamori_pack_or_dash (state != NULL ? state->owner : NULL), mamori_pack_or_dash (due),
    mamori_pack_or_dash (state != NULL ? state->note : NULL),
  });
}

/**
 * mamori_pack_add_checklists:
 * @appendix: every item (the appendix), or only those still to do, grouped
 *   under their headings, with the done ones counted (the body)
 */
void
mamori_pack_add_checklists (Pack     *pack,
                            gboolean  appendix)
{
  MamoriDoc *doc = pack->doc;
  const double widths[] = { 4.2, 1.3, 1.3, 1.2, 2.2 };
  const char *headers[] = {
    C_("checklist column", "Item"), C_("checklist column", "Status"), C_("checklist column", "Owner"),
    C_("checklist column", "Due"), C_("checklist column", "Note"),
  };
  int level = appendix ? 2 : 1;

  mamori_doc_heading (doc, level, _("Checklist status"));
  if (pack->checklists == NULL)
    {
      mamori_doc_text (doc, MAMORI_TEXT_WARNING, _("The bundled checklists could not be read."));
      return;
    }
  if (!appendix)
    {
      mamori_doc_keep_begin (doc);
      mamori_pack_add_checklist_chart (pack);
      mamori_doc_keep_end (doc);
    }

  for (guint i = 0; i < mamori_checklist_catalog_get_n_checklists (pack->checklists); i++)
    {
      const MamoriChecklist *checklist = mamori_checklist_catalog_get_checklist (pack->checklists, i);
      MamoriChecklistProgress progress;
      guint in_progress, settled = 0;
      const char *group = NULL;
      gboolean in_table = FALSE;
      g_autofree char *summary = NULL;
      g_autofree char *source = NULL;

      mamori_pack_checklist_progress (pack, checklist, &progress, &in_progress);
      mamori_doc_heading (doc, level + 1, mamori_checklist_get_title (checklist));
      /* Translators: a checklist's progress: 12 of 20 items done, 2 overdue */
      summary = g_strdup_printf (_("%u of %u applicable items done, %u overdue."), progress.done,
                                 progress.applicable, progress.overdue);
      mamori_doc_text (doc, progress.overdue > 0 ? MAMORI_TEXT_WARNING : MAMORI_TEXT_STRONG, summary);
      /* Translators: a list's source and the date it was checked */
      source = g_strdup_printf (_("Source: %s (as of %s)"), mamori_checklist_get_source (checklist),
                                mamori_checklist_get_as_of (checklist));
      mamori_doc_text (doc, MAMORI_TEXT_MUTED, source);

      for (guint j = 0; j < mamori_checklist_get_n_items (checklist); j++)
        {
          const MamoriChecklistItem *item = mamori_checklist_get_item (checklist, j);
          const MamoriItemState *state = g_hash_table_lookup (pack->item_states, mamori_checklist_item_get_id (item));
          const char *heading = mamori_checklist_item_get_heading (item);

          if (!appendix && state != NULL &&
              (state->status == MAMORI_ITEM_DONE || state->status == MAMORI_ITEM_NOT_APPLICABLE))
            {
              settled++;
              continue;
            }
          /* The body groups what is left under the checklist's headings. */
          if (!appendix && heading != NULL && g_strcmp0 (heading, group) != 0)
            {
              if (in_table)
                mamori_doc_table_end (doc);
              in_table = FALSE;
              mamori_doc_text (doc, MAMORI_TEXT_STRONG, heading);
              group = heading;
            }
          if (!in_table)
            {
              mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, headers);
              mamori_doc_table_keep_words (doc, 2);
              in_table = TRUE;
            }
          add_item_row (pack, item, state);
        }
      if (in_table)
        mamori_doc_table_end (doc);
      if (!appendix && settled > 0)
        {
          /* Translators: below a checklist in the board pack's body; %u counts items done or not applicable */
          g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u item done or not applicable is not listed here.",
                                                                "%u items done or not applicable are not listed here.",
                                                                settled),
                                                   settled);

          mamori_doc_text (doc, MAMORI_TEXT_MUTED, note);
        }
    }
}

/* Incidents */

gboolean
mamori_pack_add_incident (Pack           *pack,
                          MamoriIncident *incident,
                          int             level,
                          GError        **error)
{
  MamoriDoc *doc = pack->doc;
  g_autoptr(GPtrArray) entries = mamori_store_dup_incident_entries (pack->store, incident->id, error);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) checks = NULL;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, incident->id);
  g_autofree char *assets = mamori_pack_dup_asset_names (pack, incident->asset_ids);
  g_autofree char *opened = mamori_pack_format_date (incident->created);
  g_autofree char *updated = mamori_pack_format_time (incident->updated);
  const MamoriChecklist *playbook = NULL;
  const double facts_widths[] = { 1, 3 };
  const double timeline_widths[] = { 1.3, 1.3, 1.2, 4.6 };
  const char *timeline_headers[] = {
    C_("timeline column", "When"), C_("timeline column", "Recorded"), C_("timeline column", "By"),
    C_("timeline column", "What happened"),
  };
  const double evidence_widths[] = { 3.2, 3.4, 1, 1.4 };
  const char *evidence_headers[] = {
    C_("evidence column", "File"), C_("evidence column", "SHA-256"), C_("evidence column", "Size"),
    C_("evidence column", "Attached"),
  };

  if (entries == NULL)
    return FALSE;
  if ((evidence = mamori_store_dup_evidence (pack->store, MAMORI_EVIDENCE_FOR_INCIDENT, key, error)) == NULL)
    return FALSE;
  if ((checks = mamori_store_dup_incident_checks (pack->store, incident->id, error)) == NULL)
    return FALSE;

  mamori_doc_heading (doc, level, mamori_text_is_blank (incident->title) ? _("(untitled incident)") : incident->title);
  mamori_doc_table_begin (doc, 2, facts_widths, NULL);
  mamori_doc_table_row (doc, (const char *[]) { _("Kind"), mamori_incident_kind_get_label (incident->kind) });
  mamori_doc_table_row (doc, (const char *[]) { _("Status"), mamori_incident_status_get_label (incident->status) });
  mamori_doc_table_row (doc, (const char *[]) { _("Opened"), opened });
  mamori_doc_table_row (doc, (const char *[]) { _("Last updated"), updated });
  mamori_doc_table_row (doc, (const char *[]) { _("Assets concerned"), assets });
  mamori_doc_table_end (doc);

  mamori_doc_heading (doc, level + 1, _("Timeline"));
  if (entries->len == 0)
    mamori_doc_text (doc, MAMORI_TEXT_MUTED, _("Nothing has been recorded in the timeline."));
  else
    {
      /* Entries are numbered 1…n in this incident, not by their ids in the
       * workspace (gaps there would read as deletions). */
      g_autoptr(GHashTable) numbers = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < entries->len; i++)
        g_hash_table_insert (numbers, &((MamoriIncidentEntry *) g_ptr_array_index (entries, i))->id,
                             GUINT_TO_POINTER (i + 1));
      mamori_doc_table_begin (doc, G_N_ELEMENTS (timeline_widths), timeline_widths, timeline_headers);
      mamori_doc_table_keep_words (doc, 2);
      for (guint i = 0; i < entries->len; i++)
        {
          MamoriIncidentEntry *entry = g_ptr_array_index (entries, i);
          /* Both in local time: "happened" was stored with the offset it was typed in. */
          g_autofree char *when = mamori_pack_format_time (entry->happened_at);
          g_autofree char *recorded = mamori_pack_format_time (entry->recorded_at);
          g_autofree char *text = NULL;

          if (entry->corrects != 0)
            /* Translators: a timeline entry that corrects an earlier one (the original stays in the record) */
            {
              guint number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, &entry->corrects));
              g_autofree char *corrected = g_strdup_printf ("%u", number);

              text = g_strdup_printf (_("Correction of entry %s: %s"), corrected, entry->text);
            }
          else
            text = g_strdup (entry->text);
          {
            g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, text);

            mamori_doc_table_row_marked (doc, entry->corrects != 0 ? MAMORI_COLOR_ORANGE : MAMORI_COLOR_BLUE,
                                         (const char *[]) { when, recorded, mamori_pack_or_dash (entry->author), numbered });
          }
        }
      mamori_doc_table_end (doc);
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *zone = g_date_time_format (now, "%Z, UTC%:z");
        /* Translators: below an incident's timeline; %s names the time zone, e.g. "JST, UTC+09:00" */
        g_autofree char *note = g_strdup_printf (_("Times are local time (%s). The timeline is append-only: a correction is a new entry, and the entry it corrects stays in the record."),
                                                 zone);

        mamori_doc_text (doc, MAMORI_TEXT_MUTED, note);
      }
    }

  mamori_doc_heading (doc, level + 1, _("Evidence"));
  if (evidence->len == 0)
    mamori_doc_text (doc, MAMORI_TEXT_MUTED, _("No evidence file is listed."));
  else
    {
      mamori_doc_table_begin (doc, G_N_ELEMENTS (evidence_widths), evidence_widths, evidence_headers);
      for (guint i = 0; i < evidence->len; i++)
        {
          MamoriEvidence *file = g_ptr_array_index (evidence, i);
          g_autofree char *size = g_format_size (file->size);
          g_autofree char *attached = mamori_pack_format_time (file->attached_at);

          mamori_doc_table_row (doc, (const char *[]) { file->path, mamori_pack_or_dash (file->sha256), size, attached });
        }
      mamori_doc_table_end (doc);
    }

  if (pack->checklists != NULL)
    playbook = mamori_checklist_catalog_lookup_checklist (pack->checklists, PLAYBOOK_ID);
  if (playbook != NULL && g_hash_table_size (checks) > 0)
    {
      mamori_doc_heading (doc, level + 1, _("Evidence kept (incident playbook)"));
      for (guint i = 0; i < mamori_checklist_get_n_items (playbook); i++)
        {
          const MamoriChecklistItem *item = mamori_checklist_get_item (playbook, i);

          if (!g_hash_table_contains (checks, mamori_checklist_item_get_id (item)))
            continue;
          mamori_doc_bullet (doc, MAMORI_TEXT_BODY, mamori_checklist_item_get_title (item));
        }
    }
  return TRUE;
}

static gboolean
add_approaches (Pack    *pack,
                GError **error)
{
  MamoriDoc *doc = pack->doc;
  g_autoptr(GPtrArray) approaches = mamori_store_dup_approaches (pack->store, error);
  const double widths[] = { 1.2, 1.8, 1.4, 4, 1.3 };
  const char *headers[] = {
    C_("approach column", "Date"), C_("approach column", "Who"), C_("approach column", "How"),
    C_("approach column", "What happened"), C_("approach column", "Reported by"),
  };

  if (approaches == NULL)
    return FALSE;
  mamori_doc_heading (doc, 2, _("Suspicious approaches"));
  if (approaches->len == 0)
    {
      mamori_doc_text (doc, MAMORI_TEXT_MUTED, _("No suspicious approach has been reported."));
      return TRUE;
    }
  mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, headers);
  mamori_doc_table_keep_words (doc, 4);
  for (guint i = 0; i < approaches->len; i++)
    {
      MamoriApproach *approach = g_ptr_array_index (approaches, i);
      g_autofree char *date = mamori_pack_format_date (approach->occurred_on);

      mamori_doc_table_row (doc, (const char *[]) {
        date, mamori_pack_or_dash (approach->who), mamori_pack_or_dash (approach->channel), mamori_pack_or_dash (approach->description),
        mamori_pack_or_dash (approach->reporter),
      });
    }
  mamori_doc_table_end (doc);
  return TRUE;
}

gboolean
mamori_pack_add_incidents (Pack    *pack,
                           GError **error)
{
  mamori_doc_heading (pack->doc, 1, _("Incidents"));
  if (pack->incidents->len == 0)
    mamori_doc_text (pack->doc, MAMORI_TEXT_MUTED, _("No incident has been recorded."));
  for (guint i = 0; i < pack->incidents->len; i++)
    if (!mamori_pack_add_incident (pack, g_ptr_array_index (pack->incidents, i), 2, error))
      return FALSE;
  return add_approaches (pack, error);
}

/* Contacts */

void
mamori_pack_add_contacts (Pack          *pack,
                          MamoriProfile *profile)
{
  MamoriDoc *doc = pack->doc;
  const MamoriCatalogList *list = pack->catalog != NULL ? mamori_catalog_lookup_list (pack->catalog, "contacts") : NULL;
  const double people_widths[] = { 1, 3 };
  const double widths[] = { 2.6, 3.2, 2.2 };
  const char *headers[] = {
    C_("contact column", "Contact"), C_("contact column", "For"), C_("contact column", "Phone and web"),
  };
  g_autofree char *source = NULL;

  mamori_doc_heading (doc, 1, _("Contacts"));
  mamori_doc_heading (doc, 2, _("In our organization"));
  mamori_doc_table_begin (doc, 2, people_widths, NULL);
  mamori_doc_table_row (doc, (const char *[]) { _("Security officer"),
                                                mamori_pack_or_dash (profile != NULL ? mamori_profile_get_security_officer (profile) : NULL) });
  mamori_doc_table_row (doc, (const char *[]) { _("Consultant"),
                                                mamori_pack_or_dash (profile != NULL ? mamori_profile_get_consultant (profile) : NULL) });
  mamori_doc_table_end (doc);

  mamori_doc_heading (doc, 2, _("Where to ask"));
  if (list == NULL)
    {
      mamori_doc_text (doc, MAMORI_TEXT_WARNING, _("The reference lists could not be read."));
      return;
    }
  mamori_doc_table_begin (doc, G_N_ELEMENTS (widths), widths, headers);
  for (guint i = 0; i < list->entries->len; i++)
    {
      const MamoriCatalogEntry *entry = g_ptr_array_index (list->entries, i);
      g_autoptr(GString) name = g_string_new (mamori_catalog_entry_get_name (entry));
      g_autoptr(GString) reach = g_string_new (NULL);
      const char *organization = mamori_catalog_pick (entry->organization_en, entry->organization_ja);

      if (!mamori_text_is_blank (organization) && g_strcmp0 (organization, name->str) != 0)
        g_string_append_printf (name, "\n%s", organization);
      if (entry->status != MAMORI_VERIFIED_OFFICIAL)
        g_string_append_printf (name, "\n%s", mamori_verification_get_label (entry->status));
      if (!mamori_text_is_blank (entry->phone))
        g_string_append (reach, entry->phone);
      if (!mamori_text_is_blank (entry->email))
        g_string_append_printf (reach, "%s%s", reach->len > 0 ? "\n" : "", entry->email);
      if (!mamori_text_is_blank (entry->url))
        g_string_append_printf (reach, "%s%s", reach->len > 0 ? "\n" : "", entry->url);
      mamori_doc_table_row_marked (doc, entry->status == MAMORI_VERIFIED_OFFICIAL ? MAMORI_COLOR_GREEN
                                        : entry->status == MAMORI_UNVERIFIED ? MAMORI_COLOR_ORANGE : MAMORI_COLOR_YELLOW,
                                   (const char *[]) {
                                     name->str,
                                     mamori_pack_or_dash (mamori_catalog_pick (entry->summary_en, entry->summary_ja)),
                                     mamori_pack_or_dash (reach->str),
                                   });
    }
  mamori_doc_table_end (doc);
  source = g_strdup_printf (_("Source: %s (as of %s)"), list->source, list->as_of);
  mamori_doc_text (doc, MAMORI_TEXT_MUTED, source);
}

