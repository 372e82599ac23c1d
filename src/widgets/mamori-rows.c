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
#include <stdio.h>

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

/* A fact and its name ("Checked": "Verified in an official source"): the
 * value is what the user came for, so it is the plain, larger line. */
GtkWidget *
mamori_fact_row_new (const char *name,
                     const char *value)
{
  GtkWidget *row = mamori_text_row_new (name, value);

  gtk_widget_add_css_class (row, "mamori-fact");
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
  GtkWidget *row = mamori_fact_row_new (title, value);
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
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), mamori_fact_row_new (_("What to do"), action));
  if (contact->phone != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), mamori_copy_row_new (_("Phone"), contact->phone));
  if (contact->email != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), mamori_copy_row_new (_("Email"), contact->email));
  if (contact->url != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), mamori_copy_row_new (_("Web page"), contact->url));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            mamori_fact_row_new (_("Checked"), mamori_verification_get_label (contact->status)));
  return expander;
}

/* A calendar beside a date row: what is typed still works, and a day
 * picked is written in the row as YYYY-MM-DD. */
typedef struct
{
  AdwEntryRow *row;         /* weak: owns the button */
  GtkCalendar *calendar;
  GtkPopover  *popover;
  gboolean     syncing;     /* showing the typed date, not picking one */
} DatePicker;

static void
on_picker_shown (DatePicker *picker)
{
  g_autofree char *date = mamori_text_parse_date (gtk_editable_get_text (GTK_EDITABLE (picker->row)), TRUE);
  g_autoptr(GDateTime) day = NULL;
  int year, month, dom;

  if (date != NULL && sscanf (date, "%4d-%2d-%2d", &year, &month, &dom) == 3)
    day = g_date_time_new_local (year, month, dom, 0, 0, 0);
  if (day == NULL)
    day = g_date_time_new_now_local ();
  picker->syncing = TRUE;
  gtk_calendar_select_day (picker->calendar, day);
  picker->syncing = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (picker->calendar));
}

static void
on_day_selected (DatePicker *picker)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (picker->syncing)
    return;
  day = gtk_calendar_get_date (picker->calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (picker->row), text);
}

/* A click on a day, or Enter, takes it and closes the calendar (a click on
 * the month or year arrows does not). */
static void
on_day_clicked (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                DatePicker      *picker)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (picker->calendar), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    gtk_popover_popdown (picker->popover);
}

static gboolean
on_calendar_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 DatePicker            *picker)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_space)
    return FALSE;
  on_day_selected (picker);
  gtk_popover_popdown (picker->popover);
  return TRUE;
}

/**
 * mamori_date_row_add_picker:
 * @row: a row where a date is typed
 *
 * Adds a calendar button to @row: the one date picker of the app. Typed
 * dates keep working (2026/4/1, ２０２６年４月１日); the calendar opens on
 * the date typed, or today.
 *
 * Returns: (transfer none): the button
 */
GtkWidget *
mamori_date_row_add_picker (AdwEntryRow *row)
{
  DatePicker *picker = g_new0 (DatePicker, 1);
  GtkWidget *button = gtk_menu_button_new ();
  GtkEventController *controller;
  GtkGesture *click;

  picker->row = row;
  picker->calendar = GTK_CALENDAR (gtk_calendar_new ());
  picker->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (picker->popover, GTK_WIDGET (picker->calendar));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (picker->popover));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a date"), -1);

  g_signal_connect_data (picker->popover, "show", G_CALLBACK (on_picker_shown), picker,
                         (GClosureNotify) (void (*) (void)) g_free, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (picker->calendar, "day-selected", G_CALLBACK (on_day_selected), picker);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_day_clicked), picker);
  gtk_widget_add_controller (GTK_WIDGET (picker->calendar), GTK_EVENT_CONTROLLER (click));
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_calendar_key), picker);
  gtk_widget_add_controller (GTK_WIDGET (picker->calendar), controller);

  adw_entry_row_add_suffix (row, button);
  return button;
}

/**
 * mamori_strip_mnemonic:
 *
 * "_Due date" → "Due date", "期限(_D)" → "期限": a label as a screen reader
 * should say it.
 *
 * Returns: (transfer full): @text without its mnemonic
 */
char *
mamori_strip_mnemonic (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      /* "(_X)" at the end of a Japanese label goes whole. */
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (*p == '_' && p[1] == '_')
        {
          g_string_append_c (plain, '_');
          p++;
          continue;
        }
      if (*p != '_')
        g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

/* A switch, spin button or drop-down has no text of its own. */
static gboolean
is_unlabelled_control (GtkWidget *widget)
{
  return GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget);
}

/**
 * mamori_name_row_controls:
 * @root: a page, an editor or a window
 *
 * Names every switch, spin button and drop-down in a row after the row's
 * title, without its mnemonic: the one source of their names, so that a
 * screen reader says "Marked as secret, switch" rather than "GtkSwitch".
 * The choices of every combo row are wrapped, not cut.
 */
void
mamori_name_row_controls (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_COMBO_ROW (child))
        mamori_combo_row_wrap_choices (ADW_COMBO_ROW (child));
      if (is_unlabelled_control (child))
        {
          GtkWidget *row = gtk_widget_get_ancestor (child, ADW_TYPE_PREFERENCES_ROW);

          if (row != NULL && adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) != NULL)
            {
              g_autofree char *name = mamori_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

              /* One name: the row's title, not it and the whole row again. */
              gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
              gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
            }
        }
      mamori_name_row_controls (child);
    }
}

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  gpointer choice = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      GTK_IS_STRING_OBJECT (choice) ? gtk_string_object_get_string (choice) : "");
}

/**
 * mamori_combo_row_wrap_choices:
 *
 * Shows the choices of @row (strings) whole, on two lines where they are
 * long (「従業員・退職者による漏えいの疑い」), rather than cut with "…".
 */
void
mamori_combo_row_wrap_choices (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  adw_combo_row_set_list_factory (row, factory);
}
