/* mamori-rows.c — rows that show reference text and contacts
 *
 * One way to show a consultation contact (the Lookup tab's results and the
 * incidents' "whom to call" list the same rows). Copying is announced with
 * the "section.copied" action, which every tab's section has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/mamori-text.h"
#include "mamori-rows.h"

/* A row of plain text (never markup) that wraps rather than cuts. */
GtkWidget *
mamori_text_row_new (const char *title,
                     const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
on_copy_clicked (GtkButton  *button,
                 const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  gtk_widget_activate_action (GTK_WIDGET (button), "section.copied", NULL);
}

/* A row with a phone number or an address to copy (the app itself never
 * goes online). */
GtkWidget *
mamori_copy_row_new (const char *title,
                     const char *value)
{
  GtkWidget *row = mamori_text_row_new (title, value);
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  /* Translators: a button's name: "Copy Phone" */
  g_autofree char *label = g_strdup_printf (_("Copy %s"), title);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_copy_clicked), g_strdup (value),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/**
 * mamori_contact_row_new:
 *
 * A consultation contact: the organization, what to do when calling, the
 * phone, e-mail and web addresses to copy, and whether it was checked.
 */
GtkWidget *
mamori_contact_row_new (const MamoriCatalogEntry *contact)
{
  GtkWidget *expander = adw_expander_row_new ();
  const char *action = mamori_catalog_pick (contact->action_en, contact->action_ja);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 mamori_catalog_pick (contact->organization_en, contact->organization_ja));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), mamori_catalog_entry_get_name (contact));
  if (!mamori_text_is_blank (action))
    /* Translators: what to do when calling a contact */
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), mamori_text_row_new (_("What to do"), action));
  if (contact->phone != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), mamori_copy_row_new (_("Phone"), contact->phone));
  if (contact->email != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), mamori_copy_row_new (_("Email"), contact->email));
  if (contact->url != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), mamori_copy_row_new (_("Web page"), contact->url));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            mamori_text_row_new (_("Checked"), mamori_verification_get_label (contact->status)));
  return expander;
}
