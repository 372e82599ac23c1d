/* mamori-lookup-page.c — the Lookup tab (guide section B)
 *
 * A sidebar with one search box over every reference list, the guided
 * checks and the lists themselves; beside it (or pushed, when narrow) the
 * entry, list, check or screening records chosen. Anything found or checked
 * can be saved as a dated screening record with the catalog version used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "io/mamori-file.h"
#include "pages/lookup/mamori-screenings-view.h"
#include "widgets/mamori-message.h"
#include "pages/lookup/mamori-lookup-page-private.h"
#include "widgets/mamori-rows.h"

struct _MamoriLookupPage
{
  MamoriPage      parent_instance;

  MamoriStore    *store;
  MamoriCatalog  *catalog;
  GtkFileChooserNative *chooser;
  GCancellable   *cancellable;   /* reading a catalog file */

  AdwLeaflet     *leaflet;
  GtkSearchEntry *search_entry;
  GtkStack       *sidebar_stack;
  GtkListBox     *checks_list;
  GtkListBox     *lists_list;
  GtkListBox     *results_list;
  GtkLabel       *results_label;
  GtkLabel       *catalog_label;
  GtkWidget      *bundled_button;
  GtkWidget      *back_button;
  AdwBin         *content_bin;

  GArray         *hits;          /* of MamoriCatalogHit, the results shown */
  char           *query;
  char           *shown;         /* what the content shows: "check:…", "list:…", an entry id */
};

G_DEFINE_FINAL_TYPE (MamoriLookupPage, mamori_lookup_page, MAMORI_TYPE_PAGE)

static void       focus_content (MamoriLookupPage *self);
static GtkWidget *new_welcome   (void);

static const struct
{
  const char *id;
  const char *icon;
  const char *title;
  const char *subtitle;
} checks[] = {
  { "export-destination", "mamori-export-symbolic", N_("Export Destination"),
    N_("Group A or not; list control and catch-all") },
  { "technology-transfer", "mamori-technology-symbolic", N_("Technology Transfer Abroad"),
    N_("Prior report, patent fields, critical technologies") },
  { "inward-investment", "mamori-investment-symbolic", N_("Inward Investment"),
    N_("Is prior notification needed?") },
  { "end-user", "mamori-counterparty-symbolic", N_("Counterparty Screening"),
    N_("Against the End User List you imported") },
  { "records", "mamori-records-symbolic", N_("Screening Records"),
    N_("The dated audit trail of checks") },
};

MamoriCatalog *
mamori_lookup_page_get_catalog (MamoriLookupPage *self)
{
  return self->catalog;
}

/**
 * mamori_lookup_page_save_record:
 *
 * Saves @record with the catalog version in use, who checked and when, and
 * says so; on failure says why.
 */
gboolean
mamori_lookup_page_save_record (MamoriLookupPage *self,
                                MamoriScreening  *record)
{
  g_autoptr(GError) error = NULL;

  g_free (record->catalog_version);
  record->catalog_version = g_strdup (mamori_catalog_get_version (self->catalog));
  g_free (record->checked_by);
  record->checked_by = g_strdup (mamori_screening_get_user_name ());

  if (mamori_store_add_screening (self->store, record, &error) == 0)
    {
      mamori_message_show (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("The Record Was Not Saved"), error->message);
      return FALSE;
    }
  mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("Saved as a screening record"), NULL));
  return TRUE;
}

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* A group with a title and one paragraph of text. */
GtkWidget *
mamori_lookup_text_group_new (const char *title,
                              const char *text)
{
  GtkWidget *group = adw_preferences_group_new ();

  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_label (text, NULL));
  return group;
}

/* libadwaita 1.2 reads group titles and descriptions as markup; catalog
 * and user text (R&D, <社名>) is shown as written. */
void
mamori_lookup_group_set_title (AdwPreferencesGroup *group,
                               const char          *title)
{
  g_autofree char *escaped = title != NULL ? g_markup_escape_text (title, -1) : NULL;

  adw_preferences_group_set_title (group, escaped);
}

void
mamori_lookup_group_set_description (AdwPreferencesGroup *group,
                                     const char          *description)
{
  g_autofree char *escaped = description != NULL ? g_markup_escape_text (description, -1) : NULL;

  adw_preferences_group_set_description (group, escaped);
}

/* The consultation contacts named by keys (C1…), with phone and address. */
GtkWidget *
mamori_lookup_page_new_contacts_group (MamoriLookupPage  *self,
                                       char             **contacts)
{
  GtkWidget *group = adw_preferences_group_new ();

  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), _("Whom to Ask"));
  for (guint i = 0; contacts != NULL && contacts[i] != NULL; i++)
    {
      const MamoriCatalogEntry *contact = mamori_catalog_lookup_contact (self->catalog, contacts[i]);

      if (contact != NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mamori_contact_row_new (contact));
    }
  return group;
}

static void
on_entry_row_activated (AdwActionRow     *row,
                        MamoriLookupPage *self)
{
  const MamoriCatalogEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

  mamori_lookup_page_show_entry (self, entry);
  focus_content (self);
}

static char *
dup_entry_subtitle (const MamoriCatalogEntry *entry,
                    gboolean                  with_list)
{
  const char *other = mamori_text_prefers_japanese () ? entry->name_en : entry->name_ja;
  GString *subtitle = g_string_new (NULL);

  if (with_list)
    g_string_append_printf (subtitle, "%s · ", mamori_catalog_list_get_name (entry->list));
  if (g_strcmp0 (other, mamori_catalog_entry_get_name (entry)) != 0)
    g_string_append (subtitle, other);
  if (entry->status == MAMORI_UNVERIFIED)
    /* Translators: added to an entry that was not verified */
    g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", _("not verified"));
  return g_string_free (subtitle, FALSE);
}

static GtkWidget *
new_entry_row (MamoriLookupPage         *self,
               const MamoriCatalogEntry *entry,
               gboolean                  with_list)
{
  g_autofree char *subtitle = dup_entry_subtitle (entry, with_list);
  GtkWidget *row = mamori_text_row_new (mamori_catalog_entry_get_name (entry), subtitle);

  if (entry->status == MAMORI_UNVERIFIED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, mamori_verification_get_label (entry->status));
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "entry", (gpointer) entry);
  g_signal_connect (row, "activated", G_CALLBACK (on_entry_row_activated), self);
  return row;
}

/* A group of entries, each opening its page. */
GtkWidget *
mamori_lookup_page_new_entries_group (MamoriLookupPage *self,
                                      const char       *title,
                                      GPtrArray        *entries)
{
  GtkWidget *group = adw_preferences_group_new ();

  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  for (guint i = 0; i < entries->len; i++)
    {
      const MamoriCatalogEntry *entry = g_ptr_array_index (entries, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_entry_row (self, entry, TRUE));
    }
  return group;
}

/* Shows @content beside the sidebar, or pushed over it when narrow. */
static void
show_content (MamoriLookupPage *self,
              const char       *shown,
              GtkWidget        *content)
{
  g_free (self->shown);
  self->shown = g_strdup (shown);
  adw_bin_set_child (self->content_bin, content);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* Opened from the keyboard, the content takes the focus: its first field
 * or row, ready to type or read on. */
static void
focus_content (MamoriLookupPage *self)
{
  GtkWidget *content = adw_bin_get_child (self->content_bin);

  if (content != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_child_focus (content, GTK_DIR_TAB_FORWARD);
}

static GtkWidget *
new_page (void)
{
  GtkWidget *page = adw_preferences_page_new ();

  return page;
}

static void
save_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (widget);
  const MamoriCatalogEntry *entry = mamori_catalog_lookup (self->catalog, self->shown);
  g_autoptr(MamoriScreening) record = NULL;
  g_autofree char *inputs = NULL;
  g_autofree char *result = NULL;
  const char *what;

  if (entry == NULL)
    return;

  /* Translators: an entry kept as a screening record: list and entry id */
  inputs = g_strdup_printf (_("List: %s\nEntry: %s (%s)"), mamori_catalog_list_get_name (entry->list),
                            entry->name_ja, entry->id);
  /* Translators: the result of a screening record of one catalog entry: what it means, then its status */
  /* Contacts have no meaning to tell: their organization instead. */
  what = mamori_catalog_pick (entry->meaning_en, entry->meaning_ja);
  if (what == NULL)
    what = mamori_catalog_pick (entry->organization_en, entry->organization_ja);
  if (what == NULL)
    what = mamori_catalog_pick (entry->summary_en, entry->summary_ja);
  result = g_strdup_printf (_("%s\n%s"), what != NULL ? what : mamori_catalog_entry_get_name (entry),
                            mamori_verification_get_label (entry->status));
  record = mamori_screening_new ("entry", mamori_catalog_entry_get_name (entry), inputs, result,
                                 mamori_verification_get_id (entry->status));
  /* Records are never deleted: one click, one record. */
  if (mamori_lookup_page_save_record (self, record))
    gtk_widget_action_set_enabled (widget, "lookup.save-entry", FALSE);
}

/**
 * mamori_lookup_page_show_entry:
 *
 * Shows an entry's page: what it is, what it means, what to do, whom to
 * ask, how far it was verified, and its source and date.
 */
void
mamori_lookup_page_show_entry (MamoriLookupPage         *self,
                               const MamoriCatalogEntry *entry)
{
  GtkWidget *page = new_page ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *status_row;
  GtkWidget *button;
  gboolean japanese = mamori_text_prefers_japanese ();
  const char *meaning = mamori_catalog_pick (entry->meaning_en, entry->meaning_ja);
  const char *action = mamori_catalog_pick (entry->action_en, entry->action_ja);
  const char *summary = mamori_catalog_pick (entry->summary_en, entry->summary_ja);
  const char *note = mamori_catalog_pick (entry->note_en, entry->note_ja);

  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), mamori_catalog_entry_get_name (entry));
  mamori_lookup_group_set_description (ADW_PREFERENCES_GROUP (group), mamori_catalog_list_get_name (entry->list));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             mamori_copy_row_new (_("Official Japanese name"), entry->name_ja));
  if (!japanese || !entry->name_en_official)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               mamori_fact_row_new (entry->name_en_official ? _("Official English name")
                                                                : _("English (working translation, not official)"),
                                        entry->name_en));
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mamori_fact_row_new (_("Official English name"), entry->name_en));

  status_row = mamori_fact_row_new (_("Checked"), mamori_verification_get_label (entry->status));
  if (entry->status == MAMORI_UNVERIFIED || entry->status == MAMORI_SEED_ONLY)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, entry->status == MAMORI_UNVERIFIED ? "warning" : "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (status_row), icon);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), status_row);

  if (entry->regimes[0] != NULL)
    {
      g_autoptr(GString) regimes = g_string_new (NULL);

      for (guint i = 0; entry->regimes[i] != NULL; i++)
        g_string_append_printf (regimes, i > 0 ? "\n%s" : "%s", mamori_regime_get_label (entry->regimes[i]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mamori_fact_row_new (_("Related regimes"), regimes->str));
    }
  if (entry->aliases[0] != NULL)
    {
      g_autofree char *aliases = g_strjoinv (_(", "), entry->aliases);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mamori_fact_row_new (_("Also found by"), aliases));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (summary != NULL)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (mamori_lookup_text_group_new (_("What It Is"), summary)));
  if (meaning != NULL)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (mamori_lookup_text_group_new (_("What It Means for You"), meaning)));
  if (action != NULL)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (mamori_lookup_text_group_new (_("What to Do"), action)));
  if (note != NULL)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (mamori_lookup_text_group_new (_("Note"), note)));
  if (entry->contacts[0] != NULL || entry->phone != NULL)
    {
      const char *self_key[] = { entry->key, NULL };

      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                                ADW_PREFERENCES_GROUP (mamori_lookup_page_new_contacts_group (
                                  self, entry->phone != NULL ? (char **) self_key : entry->contacts)));
    }

  group = adw_preferences_group_new ();
  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), _("Source"));
  if (entry->source != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mamori_fact_row_new (_("Published in"), entry->source));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mamori_copy_row_new (_("Address"), entry->source_url));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mamori_fact_row_new (_("As of"), entry->as_of));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  button = gtk_button_new_with_mnemonic (_("Save as _Record"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "lookup.save-entry");
  gtk_widget_set_tooltip_text (button, _("Keep that you looked this up, with the catalog version, as a dated screening record"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  show_content (self, entry->id, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lookup.save-entry", TRUE);
}

static void
show_list (MamoriLookupPage        *self,
           const MamoriCatalogList *list)
{
  GtkWidget *page = new_page ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *source = adw_preferences_group_new ();
  g_autofree char *shown = g_strconcat ("list:", list->id, NULL);
  guint unverified = 0;

  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (group), mamori_catalog_list_get_name (list));
  mamori_lookup_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         mamori_catalog_pick (list->description_en, list->description_ja));
  for (guint i = 0; i < list->entries->len; i++)
    {
      const MamoriCatalogEntry *entry = g_ptr_array_index (list->entries, i);

      unverified += entry->status == MAMORI_UNVERIFIED;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_entry_row (self, entry, FALSE));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  mamori_lookup_group_set_title (ADW_PREFERENCES_GROUP (source), _("Source"));
  if (list->expected > list->entries->len)
    {
      /* Translators: the official list is longer than what the catalog holds */
      g_autofree char *missing = g_strdup_printf (_("The official list has %u entries; this catalog has %u. Check the source for the rest."),
                                                  list->expected, list->entries->len);
      GtkWidget *row = mamori_text_row_new (_("Incomplete"), missing);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (source), row);
    }
  if (unverified > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u entry is not verified and is marked so: check it against the source.",
                                                            "%u entries are not verified and are marked so: check them against the source.",
                                                            unverified),
                                               unverified);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (source), mamori_text_row_new (_("Not verified"), text));
    }
  if (list->source != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (source), mamori_fact_row_new (_("Published in"), list->source));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (source), mamori_copy_row_new (_("Address"), list->source_url));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (source), mamori_fact_row_new (_("As of"), list->as_of));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (source));

  show_content (self, shown, page);
}

static void
show_check (MamoriLookupPage *self,
            const char       *check)
{
  g_autofree char *shown = g_strconcat ("check:", check, NULL);
  GtkWidget *content;

  if (g_str_equal (check, "records"))
    content = mamori_screenings_view_new (self->store);
  else
    content = mamori_lookup_check_new (self, check);
  show_content (self, shown, content);
}

/**
 * mamori_lookup_page_show_screening:
 *
 * Shows the screening record @id among the records kept.
 */
void
mamori_lookup_page_show_screening (MamoriLookupPage *self,
                                   gint64            id)
{
  GtkWidget *content;

  g_return_if_fail (MAMORI_IS_LOOKUP_PAGE (self));

  content = mamori_screenings_view_new (self->store);
  show_content (self, "check:records", content);
  mamori_screenings_view_show_record (MAMORI_SCREENINGS_VIEW (content), id);
}

/* Alt+4: the keyboard goes to the search of the lists. */
static void
mamori_lookup_page_focus_list (MamoriPage *page)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
mamori_lookup_page_open_record (MamoriPage       *page,
                                MamoriRecordType  type,
                                gint64            id,
                                const char       *key)
{
  if (id > 0)
    mamori_lookup_page_show_screening (MAMORI_LOOKUP_PAGE (page), id);
}

static void
on_nav_row_activated (AdwActionRow     *row,
                      MamoriLookupPage *self)
{
  const char *check = g_object_get_data (G_OBJECT (row), "check");
  const MamoriCatalogList *list = g_object_get_data (G_OBJECT (row), "list");

  if (check != NULL)
    show_check (self, check);
  else if (list != NULL)
    show_list (self, list);
  focus_content (self);
}

static void
clear_box (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

static void
fill_sidebar (MamoriLookupPage *self)
{
  g_autofree char *catalog_text = NULL;

  clear_box (self->checks_list);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GtkWidget *row = mamori_text_row_new (_(checks[i].title), _(checks[i].subtitle));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "check", (gpointer) checks[i].id);
      g_signal_connect (row, "activated", G_CALLBACK (on_nav_row_activated), self);
      gtk_list_box_append (self->checks_list, row);
    }

  clear_box (self->lists_list);
  for (guint i = 0; i < mamori_catalog_get_n_lists (self->catalog); i++)
    {
      const MamoriCatalogList *list = mamori_catalog_get_list (self->catalog, i);
      /* Translators: under a reference list's name: how many entries, and as of when */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry, as of %s",
                                                                "%u entries, as of %s", list->entries->len),
                                                   list->entries->len, list->as_of);
      GtkWidget *row = mamori_text_row_new (mamori_catalog_list_get_name (list), subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "list", (gpointer) list);
      g_signal_connect (row, "activated", G_CALLBACK (on_nav_row_activated), self);
      gtk_list_box_append (self->lists_list, row);
    }

  catalog_text = g_strdup_printf (mamori_catalog_is_bundled (self->catalog)
                                  /* Translators: the catalog in use: its version and release date */
                                  ? _("Catalog %s, released %s, as shipped with Mamori")
                                  : _("Catalog %s, released %s, installed as an update"),
                                  mamori_catalog_get_version (self->catalog),
                                  mamori_catalog_get_released (self->catalog));
  gtk_label_set_text (self->catalog_label, catalog_text);
  gtk_widget_set_visible (self->bundled_button, !mamori_catalog_is_bundled (self->catalog));
}

/* Results grouped by list, the lists ordered by their best match, best
 * match first in each. */
static void
show_results (MamoriLookupPage *self)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autofree char *count = NULL;

  clear_box (self->results_list);
  for (guint i = 0; i < self->hits->len; i++)
    {
      const MamoriCatalogList *list = g_array_index (self->hits, MamoriCatalogHit, i).entry->list;

      if (!g_ptr_array_find (order, list, NULL))
        g_ptr_array_add (order, (gpointer) list);
    }
  for (guint i = 0; i < order->len; i++)
    for (guint j = 0; j < self->hits->len; j++)
      {
        const MamoriCatalogEntry *entry = g_array_index (self->hits, MamoriCatalogHit, j).entry;
        GtkWidget *row;

        if (entry->list != g_ptr_array_index (order, i))
          continue;
        row = new_entry_row (self, entry, FALSE);
        gtk_list_box_append (self->results_list, row);
      }

  if (self->hits->len == 0)
    /* Translators: %s is what the user searched for */
    count = g_strdup_printf (_("Nothing matches “%s”. Try another word: an everyday name, an abbreviation, or English."), self->query);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", self->hits->len), self->hits->len);
  gtk_label_set_text (self->results_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), self->hits->len > 0);
}

static void
results_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       user_data)
{
  const MamoriCatalogEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  const MamoriCatalogEntry *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "entry") : NULL;

  if (entry != NULL && (previous == NULL || previous->list != entry->list))
    {
      GtkWidget *label = gtk_label_new (mamori_catalog_list_get_name (entry->list));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_header (row, label);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   MamoriLookupPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->hits, g_array_unref);
  g_free (self->query);
  self->query = g_strstrip (g_strdup (text));

  if (*self->query == '\0')
    {
      self->hits = g_array_new (FALSE, FALSE, sizeof (MamoriCatalogHit));
      gtk_stack_set_visible_child_name (self->sidebar_stack, "home");
      return;
    }
  self->hits = mamori_catalog_search (self->catalog, self->query, NULL);
  show_results (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lookup.save-search", TRUE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

/* Enter opens the best match. */
static void
on_search_activate (GtkSearchEntry   *entry,
                    MamoriLookupPage *self)
{
  if (self->hits != NULL && self->hits->len > 0)
    {
      GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));

      mamori_lookup_page_show_entry (self, g_object_get_data (G_OBJECT (first), "entry"));
    }
}

static void
save_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (widget);
  g_autoptr(MamoriScreening) record = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  g_autofree char *inputs = NULL;

  if (self->query == NULL || *self->query == '\0')
    return;

  if (self->hits->len == 0)
    g_string_append (result, _("No entry of the catalog matches."));
  else
    {
      g_string_append_printf (result, g_dngettext (GETTEXT_PACKAGE, "%u match:", "%u matches:", self->hits->len),
                              self->hits->len);
      for (guint i = 0; i < self->hits->len; i++)
        {
          const MamoriCatalogEntry *entry = g_array_index (self->hits, MamoriCatalogHit, i).entry;

          /* Translators: one match in a saved search: list, Japanese name, English name */
          g_string_append_printf (result, _("\n%s: %s (%s)"), mamori_catalog_list_get_name (entry->list),
                                  entry->name_ja, entry->name_en);
        }
    }
  /* Translators: the input of a saved search */
  inputs = g_strdup_printf (_("Searched for: %s"), self->query);
  record = mamori_screening_new ("search", self->query, inputs, result->str,
                                 self->hits->len > 0 ? "match" : "no-match");
  if (mamori_lookup_page_save_record (self, record))
    gtk_widget_action_set_enabled (widget, "lookup.save-search", FALSE);
}

/* Escape goes back to the lists when the content is pushed over them. */
static gboolean
mamori_lookup_page_go_back (MamoriPage *page)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (page);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") != 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "lookup.back", NULL);
  return TRUE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (widget);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") != 0)
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_folded (MamoriLookupPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

/* Rows and pages point into the catalog in use: all are rebuilt before it
 * is let go. */
static void
replace_catalog (MamoriLookupPage *self,
                 MamoriCatalog    *catalog)
{
  g_autoptr(MamoriCatalog) old = g_steal_pointer (&self->catalog);

  self->catalog = catalog;
  show_content (self, "welcome", new_welcome ());
  clear_box (self->results_list);
  fill_sidebar (self);
  on_search_changed (self->search_entry, self);
}

/* An update was installed or removed, here or in another window. */
static void
on_catalog_changed (MamoriLookupPage *self)
{
  replace_catalog (self, mamori_catalog_dup_default ());
}

static void
on_use_bundled_response (AdwMessageDialog *dialog,
                         const char       *response,
                         MamoriLookupPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "bundled"))
    return;
  if (!mamori_catalog_uninstall (&error))
    {
      mamori_message_show (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                           _("The Catalog Was Not Changed"), error->message);
      return;
    }
  mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (_("The catalog that came with Mamori is in use again"), NULL));
}

static void
use_bundled_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (widget);
  g_autoptr(MamoriCatalog) bundled = mamori_catalog_dup_bundled ();
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: going back from an installed catalog; the two versions */
  body = g_strdup_printf (_("Catalog %s, installed as an update, is removed, and catalog %s, which came with Mamori, is used again. Screening records keep the version they were made with."),
                          mamori_catalog_get_version (self->catalog), mamori_catalog_get_version (bundled));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Use the Bundled Catalog?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "bundled", _("Use _Bundled"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_use_bundled_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Catalog update: choose a file, see what changes, then apply. */

typedef struct
{
  MamoriLookupPage *self;
  GBytes           *data;
} Update;

static void
update_free (Update *update)
{
  g_object_unref (update->self);
  g_bytes_unref (update->data);
  g_free (update);
}

/* A catalog file as read and checked in the worker thread. */
typedef struct
{
  GBytes        *data;
  MamoriCatalog *catalog;
} CatalogFile;

static void
catalog_file_free (gpointer data)
{
  CatalogFile *file = data;

  g_bytes_unref (file->data);
  mamori_catalog_unref (file->catalog);
  g_free (file);
}

static gpointer
parse_catalog_file (GBytes  *contents,
                    GError **error)
{
  MamoriCatalog *catalog = mamori_catalog_new_from_data (g_bytes_get_data (contents, NULL),
                                                         g_bytes_get_size (contents), error);
  CatalogFile *file;

  if (catalog == NULL)
    return NULL;
  file = g_new0 (CatalogFile, 1);
  file->data = g_bytes_ref (contents);
  file->catalog = catalog;
  return file;
}

static void
on_update_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Update           *update)
{
  MamoriLookupPage *self = update->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (g_str_equal (response, "apply"))
    {
      if (!mamori_catalog_install (self->catalog, g_bytes_get_data (update->data, NULL),
                                   g_bytes_get_size (update->data), NULL, &error))
        mamori_message_show (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("The Catalog Was Not Updated"), error->message);
      else
        {
          /* Translators: %s is the new catalog version */
          done = g_strdup_printf (_("Catalog updated to version %s"), mamori_catalog_get_version (self->catalog));
          mamori_section_add_toast (MAMORI_SECTION (self), mamori_toast_new (done, NULL));
        }
    }
  update_free (update);
}

static void
review_update (MamoriLookupPage *self,
               CatalogFile      *file,
               const GError     *read_error)
{
  MamoriCatalog *update = file != NULL ? file->catalog : NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = read_error != NULL ? g_error_copy (read_error) : NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  Update *pending;
  guint counts[3] = { 0, 0, 0 };
  GtkWidget *dialog;

  if (update == NULL || !mamori_catalog_check_update (self->catalog, update, &error))
    {
      g_autofree char *text = g_strdup_printf (_("%s The catalog in use is kept."), error->message);

      mamori_message_show (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                           error->domain == MAMORI_FILE_ERROR && error->code != MAMORI_FILE_ERROR_TOO_LARGE
                           ? _("The File Could Not Be Read") : _("This Catalog Cannot Be Used"),
                           text);
      return;
    }

  changes = mamori_catalog_diff (self->catalog, update);
  for (guint i = 0; i < changes->len; i++)
    counts[((MamoriCatalogChange *) g_ptr_array_index (changes, i))->kind]++;

  /* Translators: the summary of a catalog update: old and new versions and release dates */
  g_string_append_printf (body, _("Version %s (released %s) replaces version %s (released %s)."),
                          mamori_catalog_get_version (update), mamori_catalog_get_released (update),
                          mamori_catalog_get_version (self->catalog), mamori_catalog_get_released (self->catalog));
  g_string_append_c (body, '\n');
  /* Translators: how many entries a catalog update adds, changes and removes */
  g_string_append_printf (body, _("%u added, %u changed, %u removed."),
                          counts[MAMORI_CATALOG_ADDED], counts[MAMORI_CATALOG_CHANGED], counts[MAMORI_CATALOG_REMOVED]);
  for (guint i = 0; i < MIN (changes->len, 12); i++)
    {
      MamoriCatalogChange *change = g_ptr_array_index (changes, i);
      const char *kind = change->kind == MAMORI_CATALOG_ADDED ? C_("catalog entry", "Added")
                         : change->kind == MAMORI_CATALOG_CHANGED ? C_("catalog entry", "Changed")
                         : C_("catalog entry", "Removed");

      /* Translators: one change of a catalog update: "Added: <entry>" */
      g_string_append_printf (body, _("\n%s: %s"), kind, change->name);
    }
  if (changes->len > 12)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "\n… and %u more change", "\n… and %u more changes",
                                               changes->len - 12), changes->len - 12);
  g_string_append (body, "\n\n");
  g_string_append (body, _("Screening records keep the version they were made with."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Update the Catalog?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", _("_Update"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending = g_new0 (Update, 1);
  pending->self = g_object_ref (self);
  pending->data = g_bytes_ref (file->data);
  g_signal_connect (dialog, "response", G_CALLBACK (on_update_response), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
catalog_file_loaded (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MamoriLookupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  CatalogFile *file = mamori_file_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  review_update (self, file, error);
  g_clear_pointer (&file, catalog_file_free);
}

/**
 * mamori_lookup_page_review_catalog_file:
 *
 * Reads @file as a catalog (in a worker thread) and, if it can replace the
 * one in use, shows what it changes and asks; otherwise says why not.
 * Nothing changes until the user agrees.
 */
void
mamori_lookup_page_review_catalog_file (MamoriLookupPage *self,
                                        GFile            *file)
{
  g_autofree char *path = mamori_message_dup_chosen_path (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), file);

  if (path == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* A catalog is a few hundred kilobytes; anything huge is refused unread. */
  mamori_file_load_async (path, MAMORI_CATALOG_MAX_SIZE, parse_catalog_file, catalog_file_free,
                          self->cancellable, catalog_file_loaded, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     MamoriLookupPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    mamori_lookup_page_review_catalog_file (self, file);
}

static void
update_catalog_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Update the Catalog"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Mamori catalog files"));
  gtk_file_filter_add_pattern (filter, "*.ini");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkWidget *
new_welcome (void)
{
  GtkWidget *welcome = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (welcome), "mamori-lookup-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (welcome), _("Dual-Use, Secret Patents and Export Control"));
  adw_status_page_set_description (ADW_STATUS_PAGE (welcome),
                                   _("Guide section B: search the reference lists for a technology, product or country, or run a guided check. Save what you found as a screening record: it shows due diligence was done."));
  return welcome;
}

static void
mamori_lookup_page_constructed (GObject *object)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (object);

  G_OBJECT_CLASS (mamori_lookup_page_parent_class)->constructed (object);
  self->store = g_object_ref (mamori_section_get_store (MAMORI_SECTION (self)));

  self->catalog = mamori_catalog_dup_default ();
  g_signal_connect_object (mamori_catalog_monitor_get_default (), "changed",
                           G_CALLBACK (on_catalog_changed), self, G_CONNECT_SWAPPED);
  self->hits = g_array_new (FALSE, FALSE, sizeof (MamoriCatalogHit));
  fill_sidebar (self);
  gtk_list_box_set_header_func (self->results_list, results_header, NULL, NULL);
  /* Searching the catalog takes well under a millisecond: results follow
   * each keystroke at once. */
  gtk_search_entry_set_search_delay (self->search_entry, 0);
  on_folded (self);
  show_content (self, "welcome", new_welcome ());
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
mamori_lookup_page_dispose (GObject *object)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* No gtk_widget_dispose_template(): the template's root is AdwBin's
   * child, and AdwBin disposes it. */

  G_OBJECT_CLASS (mamori_lookup_page_parent_class)->dispose (object);
}

static void
mamori_lookup_page_finalize (GObject *object)
{
  MamoriLookupPage *self = MAMORI_LOOKUP_PAGE (object);

  g_clear_pointer (&self->catalog, mamori_catalog_unref);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->shown, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_lookup_page_parent_class)->finalize (object);
}

static void
mamori_lookup_page_class_init (MamoriLookupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MamoriPageClass *page_class = MAMORI_PAGE_CLASS (klass);

  object_class->constructed = mamori_lookup_page_constructed;
  object_class->dispose = mamori_lookup_page_dispose;
  object_class->finalize = mamori_lookup_page_finalize;

  page_class->open_record = mamori_lookup_page_open_record;
  page_class->go_back = mamori_lookup_page_go_back;
  page_class->focus_list = mamori_lookup_page_focus_list;
  page_class->record_types = 1u << MAMORI_RECORD_SCREENING;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-lookup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, checks_list);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, lists_list);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, catalog_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, bundled_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriLookupPage, content_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_folded);

  gtk_widget_class_install_action (widget_class, "lookup.save-search", NULL, save_search_action);
  gtk_widget_class_install_action (widget_class, "lookup.save-entry", NULL, save_entry_action);
  gtk_widget_class_install_action (widget_class, "lookup.update-catalog", NULL, update_catalog_action);
  gtk_widget_class_install_action (widget_class, "lookup.use-bundled", NULL, use_bundled_action);
  gtk_widget_class_install_action (widget_class, "lookup.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "lookup.search", NULL, search_action);
}

static void
mamori_lookup_page_init (MamoriLookupPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+F searches from anywhere in the window while the tab is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("lookup.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
