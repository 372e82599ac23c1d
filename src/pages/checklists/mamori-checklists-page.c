/* mamori-checklists-page.c — the Checklists tab (guide sections C and D)
 *
 * The bundled checklists in a sidebar, each with its progress (done out of
 * applicable, and what is overdue); the chosen one's items grouped under
 * their headings, each with why it matters, its state in this workspace
 * (status, owner, due date, note) and the files kept as evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"

#include "analysis/mamori-text.h"
#include "catalog/mamori-checklists.h"
#include "pages/checklists/mamori-checklists-page.h"
#include "pages/checklists/mamori-incidents-view.h"
#include "model/mamori-screening.h"
#include "widgets/mamori-autosave.h"
#include "widgets/mamori-message.h"
#include "widgets/mamori-rows.h"

typedef struct
{
  MamoriChecklistsPage      *page;
  const MamoriChecklistItem *item;
  AdwExpanderRow            *row;
  GtkImage                  *icon;
  AdwComboRow               *status_row;
  AdwEntryRow               *owner_row;
  AdwEntryRow               *due_row;
  AdwEntryRow               *note_row;
  AdwActionRow              *attach_row;
  GPtrArray                 *evidence_rows;
  gboolean                   shown;
} ItemRows;

typedef enum
{
  FILTER_ALL,
  FILTER_OPEN,
  FILTER_MINE,
  FILTER_OVERDUE,
  N_FILTERS
} Filter;

/* A row of the sidebar: a checklist with its progress, or the incidents
 * with how many are open. */
#define MAMORI_TYPE_SIDEBAR_ROW (mamori_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (MamoriSidebarRow, mamori_sidebar_row, MAMORI, SIDEBAR_ROW, GtkListBoxRow)

struct _MamoriSidebarRow
{
  GtkListBoxRow          parent_instance;

  const MamoriChecklist *checklist;   /* NULL: the incidents */
  GtkLabel              *title;
  GtkLabel              *detail;
  GtkLevelBar           *bar;         /* checklists only */
};

G_DEFINE_FINAL_TYPE (MamoriSidebarRow, mamori_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static void
mamori_sidebar_row_class_init (MamoriSidebarRowClass *klass)
{
}

static void
mamori_sidebar_row_init (MamoriSidebarRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));
  self->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

static MamoriSidebarRow *
mamori_sidebar_row_new (const MamoriChecklist *checklist)
{
  MamoriSidebarRow *self = g_object_new (MAMORI_TYPE_SIDEBAR_ROW, NULL);
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));

  self->checklist = checklist;
  if (checklist != NULL)
    {
      gtk_label_set_text (self->title, mamori_checklist_get_title (checklist));
      self->bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
      gtk_level_bar_set_mode (self->bar, GTK_LEVEL_BAR_MODE_CONTINUOUS);
      gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->bar));
    }
  else
    gtk_label_set_text (self->title, _("Incidents and Reported Approaches"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail));
  return self;
}

/* The row's second line (progress, or the incidents open), also read out
 * with its title. */
static void
mamori_sidebar_row_set_detail (MamoriSidebarRow *self,
                               const char       *detail,
                               gboolean          alarm)
{
  g_autofree char *accessible = g_strdup_printf ("%s, %s", gtk_label_get_text (self->title), detail);

  gtk_label_set_text (self->detail, detail);
  if (alarm)
    gtk_widget_add_css_class (GTK_WIDGET (self->detail), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->detail), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

struct _MamoriChecklistsPage
{
  MamoriPage              parent_instance;

  GtkWidget              *content_header;
  AdwLeaflet             *leaflet;
  GtkListBox             *sidebar;
  GtkWidget              *back_button;
  GtkLabel               *title_label;
  GtkWidget              *show_label;
  GtkDropDown            *filter_dropdown;
  GtkStack               *content_stack;
  AdwPreferencesPage     *items_page;
  AdwStatusPage          *nothing_page;
  AdwBin                 *incidents_bin;

  MamoriStore            *store;
  MamoriChecklistCatalog *catalog;
  const MamoriChecklist  *checklist;   /* shown, or NULL */
  GHashTable             *states;      /* item id → MamoriItemState */
  GHashTable             *dirty;       /* item ids typed into, not saved yet */
  MamoriAutosave         *autosave;
  GPtrArray              *groups;      /* AdwPreferencesGroup on items_page */
  GPtrArray              *items;       /* ItemRows */
  GtkFileChooserNative   *chooser;
  gboolean                updating;
  MamoriSidebarRow       *incidents_row;
};

G_DEFINE_FINAL_TYPE (MamoriChecklistsPage, mamori_checklists_page, MAMORI_TYPE_PAGE)

static GDateTime *
now_local (void)
{
  return g_date_time_new_now_local ();
}

/* The item's state in the workspace, made when first needed. */
static MamoriItemState *
get_state (MamoriChecklistsPage      *self,
           const MamoriChecklistItem *item)
{
  const char *id = mamori_checklist_item_get_id (item);
  MamoriItemState *state = g_hash_table_lookup (self->states, id);

  if (state == NULL)
    {
      state = mamori_item_state_new (id);
      g_hash_table_replace (self->states, state->item_id, state);
    }
  return state;
}

/* Progress ------------------------------------------------------------------ */

static MamoriChecklistProgress
progress_of (MamoriChecklistsPage  *self,
             const MamoriChecklist *checklist)
{
  MamoriChecklistProgress progress = { 0 };
  g_autoptr(GDateTime) now = now_local ();

  for (guint i = 0; i < mamori_checklist_get_n_items (checklist); i++)
    {
      const MamoriChecklistItem *item = mamori_checklist_get_item (checklist, i);

      mamori_checklist_progress_add (&progress, g_hash_table_lookup (self->states, mamori_checklist_item_get_id (item)),
                                     now);
    }
  return progress;
}

static char *
describe_progress (MamoriChecklistProgress progress)
{
  /* Translators: progress of a checklist: items done out of those that apply */
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u done", "%u of %u done", progress.applicable),
                          progress.done, progress.applicable);
  if (progress.overdue > 0)
    /* Translators: appended to a checklist's progress */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u overdue", ", %u overdue", progress.overdue),
                            progress.overdue);
  return g_string_free (text, FALSE);
}

static void
update_sidebar (MamoriChecklistsPage *self)
{
  MamoriSidebarRow *row;

  for (int i = 0; (row = (MamoriSidebarRow *) gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    {
      MamoriChecklistProgress progress;
      g_autofree char *text = NULL;

      if (row->checklist == NULL)
        continue;
      progress = progress_of (self, row->checklist);
      text = describe_progress (progress);
      mamori_sidebar_row_set_detail (row, text, progress.overdue > 0);
      gtk_level_bar_set_max_value (row->bar, MAX (progress.applicable, 1));
      gtk_level_bar_set_value (row->bar, progress.done);
    }
}

/* Items ---------------------------------------------------------------------- */

static const char *const status_icons[MAMORI_N_ITEM_STATUSES] = {
  [MAMORI_ITEM_NOT_STARTED] = "mamori-clause-unreviewed-symbolic",
  [MAMORI_ITEM_IN_PROGRESS] = "mamori-item-in-progress-symbolic",
  [MAMORI_ITEM_DONE] = "emblem-ok-symbolic",
  [MAMORI_ITEM_NOT_APPLICABLE] = "action-unavailable-symbolic",
};

static gboolean
matches_filter (MamoriChecklistsPage  *self,
                const MamoriItemState *state,
                GDateTime             *now)
{
  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case FILTER_OPEN:
      return state->status != MAMORI_ITEM_DONE && state->status != MAMORI_ITEM_NOT_APPLICABLE;
    case FILTER_MINE:
      {
        /* 山田 太郎, 山田太郎 and ﾔﾏﾀﾞ… written any way: width, case and
         * spaces do not matter. */
        g_autofree char *owner = mamori_text_normalize_loose (state->owner);
        g_autofree char *me = mamori_text_normalize_loose (mamori_screening_get_user_name ());

        return !mamori_text_is_blank (state->owner) && g_strcmp0 (owner, me) == 0;
      }
    case FILTER_OVERDUE:
      return mamori_item_state_is_overdue (state, now);
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static void
update_item (ItemRows *rows,
             gboolean  filter)
{
  MamoriChecklistsPage *self = rows->page;
  MamoriItemState *state = get_state (self, rows->item);
  g_autoptr(GDateTime) now = now_local ();
  GString *subtitle = g_string_new (mamori_item_status_get_label (state->status));

  if (*state->due_on != '\0' && state->status != MAMORI_ITEM_DONE && state->status != MAMORI_ITEM_NOT_APPLICABLE)
    {
      if (mamori_item_state_is_overdue (state, now))
        /* Translators: after an item's status; %s is a date */
        g_string_append_printf (subtitle, _(" · overdue since %s"), state->due_on);
      else
        /* Translators: after an item's status; %s is a date */
        g_string_append_printf (subtitle, _(" · due %s"), state->due_on);
    }
  if (!mamori_text_is_blank (state->owner))
    /* Translators: after an item's status: who owns it */
    g_string_append_printf (subtitle, _(" · %s"), state->owner);
  if (mamori_checklist_item_get_verification (rows->item) == MAMORI_CHECKLIST_UNVERIFIED)
    /* Translators: after an item's status: its wording could not be checked against an official source */
    g_string_append (subtitle, _(" · not verified"));
  adw_expander_row_set_subtitle (rows->row, subtitle->str);
  g_string_free (subtitle, TRUE);

  /* Overdue items stand out: an alarm, in the error colour. */
  gtk_widget_remove_css_class (GTK_WIDGET (rows->icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (rows->icon), "error");
  if (mamori_item_state_is_overdue (state, now))
    {
      gtk_image_set_from_icon_name (rows->icon, "alarm-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (rows->icon), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (rows->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
    }
  else
    {
      gtk_image_set_from_icon_name (rows->icon, status_icons[state->status]);
      if (state->status == MAMORI_ITEM_DONE)
        gtk_widget_add_css_class (GTK_WIDGET (rows->icon), "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (rows->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      mamori_item_status_get_label (state->status), -1);
    }

  if (filter)
    {
      rows->shown = matches_filter (self, state, now);
      gtk_widget_set_visible (GTK_WIDGET (rows->row), rows->shown);
    }
}

/* Hides a heading whose items the filter all hides; says so when nothing
 * is left. */
static void
update_visibility (MamoriChecklistsPage *self)
{
  guint shown = 0;

  for (guint g = 0; g < self->groups->len; g++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, g);
      gboolean any = g_object_get_data (G_OBJECT (group), "always") != NULL;

      for (guint i = 0; i < self->items->len; i++)
        {
          ItemRows *rows = g_ptr_array_index (self->items, i);

          if (rows->shown && g_object_get_data (G_OBJECT (rows->row), "group") == group)
            any = TRUE;
        }
      gtk_widget_set_visible (group, any);
    }
  for (guint i = 0; i < self->items->len; i++)
    shown += ((ItemRows *) g_ptr_array_index (self->items, i))->shown;

  if (self->checklist != NULL)
    {
      if (shown == 0)
        {
          adw_status_page_set_title (self->nothing_page, _("Nothing to Show"));
          adw_status_page_set_description (self->nothing_page,
                                           _("No item of this checklist matches what is chosen under Show."));
          gtk_stack_set_visible_child_name (self->content_stack, "nothing");
        }
      else
        gtk_stack_set_visible_child_name (self->content_stack, "checklist");
    }
}

static gboolean
save_dirty (gpointer   user_data,
            GError   **error)
{
  MamoriChecklistsPage *self = user_data;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      MamoriItemState *state = g_hash_table_lookup (self->states, key);

      if (state != NULL && !mamori_store_save_item_state (self->store, state, error))
        return FALSE;
      g_hash_table_iter_remove (&iter);
    }
  return TRUE;
}

static void
item_changed (ItemRows *rows,
              gboolean  at_once)
{
  MamoriChecklistsPage *self = rows->page;

  g_hash_table_add (self->dirty, g_strdup (mamori_checklist_item_get_id (rows->item)));
  mamori_autosave_changed (self->autosave);
  if (at_once)
    mamori_autosave_flush (self->autosave, NULL);
  /* The row stays where it is while it is edited, even if the filter no
   * longer matches it; the filter applies again when it is changed. */
  update_item (rows, FALSE);
  update_sidebar (self);
}

static void
on_status_selected (AdwComboRow *combo,
                    GParamSpec  *pspec,
                    ItemRows    *rows)
{
  MamoriItemState *state;
  guint status = adw_combo_row_get_selected (combo);

  if (rows->page->updating || status >= MAMORI_N_ITEM_STATUSES)
    return;
  state = get_state (rows->page, rows->item);
  if ((guint) state->status == status)
    return;
  state->status = status;
  item_changed (rows, TRUE);
}

static void
on_text_changed (AdwEntryRow *entry,
                 ItemRows    *rows)
{
  MamoriItemState *state;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  char **field;

  if (rows->page->updating)
    return;
  state = get_state (rows->page, rows->item);
  field = entry == rows->owner_row ? &state->owner : &state->note;
  g_free (*field);
  *field = g_strdup (text);
  item_changed (rows, FALSE);
}

/* A due date is taken once it is a real one, or blank. While the text is
 * not one, the item keeps the date it had when editing began — not the
 * blank it passed through when the old date was selected and typed over. */
static void
on_due_changed (AdwEntryRow *entry,
                ItemRows    *rows)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *before = g_object_get_data (G_OBJECT (entry), "date-before-edit");
  g_autofree char *date = NULL;
  MamoriItemState *state;

  if (rows->page->updating)
    return;
  if (!mamori_text_is_blank (text) && (date = mamori_text_parse_date (text, TRUE)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("Not a date: write it as 2026-04-01"));
      date = g_strdup (before != NULL ? before : "");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("As 2026-04-01"));
    }
  state = get_state (rows->page, rows->item);
  if (g_strcmp0 (state->due_on, date != NULL ? date : "") == 0)
    return;
  g_free (state->due_on);
  state->due_on = g_strdup (date != NULL ? date : "");
  item_changed (rows, FALSE);
}

static void
on_due_focus_enter (GtkEventControllerFocus *controller,
                    ItemRows                *rows)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_object_set_data_full (G_OBJECT (entry), "date-before-edit",
                          g_strdup (get_state (rows->page, rows->item)->due_on), g_free);
}

/* Evidence ------------------------------------------------------------------- */

static void update_evidence (ItemRows *rows);

static void
show_check_result (AdwActionRow         *row,
                   const MamoriEvidence *evidence,
                   MamoriEvidenceState   result)
{
  g_autofree char *subtitle = NULL;
  const char *state;

  switch (result)
    {
    /* Translators: the state of a file kept as evidence, checked against its SHA-256 */
    case MAMORI_EVIDENCE_INTACT: state = _("unchanged since attached"); break;
    case MAMORI_EVIDENCE_CHANGED: state = _("CHANGED since attached"); break;
    case MAMORI_EVIDENCE_MISSING: state = _("MISSING: the file is no longer there"); break;
    case MAMORI_EVIDENCE_UNREADABLE:
    default: state = _("cannot be read now"); break;
    }
  {
    g_autofree char *when = mamori_text_format_local_time (evidence->attached_at, "%Y-%m-%d");

    /* Translators: a file kept as evidence: when attached (a local date), then its state */
    subtitle = g_strdup_printf (_("Attached %s · %s"), when, state);
  }
  adw_action_row_set_subtitle (row, subtitle);
  if (result == MAMORI_EVIDENCE_INTACT)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AdwActionRow) row = user_data;
  MamoriEvidence *evidence = g_object_get_data (G_OBJECT (row), "evidence");
  MamoriEvidenceState state = mamori_evidence_check_finish (result);

  /* The row may have gone with its checklist meanwhile. */
  if (gtk_widget_get_parent (GTK_WIDGET (row)) != NULL && evidence != NULL)
    show_check_result (row, evidence, state);
}

/* Files are read again in a worker thread: a large one does not stop the
 * window. */
static void
check_evidence (AdwActionRow         *row,
                const MamoriEvidence *evidence)
{
  MamoriEvidence *copy = g_new0 (MamoriEvidence, 1);

  copy->id = evidence->id;
  copy->path = g_strdup (evidence->path);
  copy->sha256 = g_strdup (evidence->sha256);
  copy->size = evidence->size;
  copy->attached_at = g_strdup (evidence->attached_at);
  g_object_set_data_full (G_OBJECT (row), "evidence", copy, (GDestroyNotify) mamori_evidence_free);
  adw_action_row_set_subtitle (row, _("Checking…"));
  mamori_evidence_check_async (evidence, NULL, on_checked, g_object_ref (row));
}

static void
on_detach_clicked (GtkButton *button,
                   ItemRows  *rows)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "evidence-id");
  g_autoptr(GError) error = NULL;

  if (!mamori_store_detach_evidence (rows->page->store, id, &error))
    mamori_section_show_error (MAMORI_SECTION (rows->page), _("The evidence could not be removed"), error);
  update_evidence (rows);
  gtk_widget_grab_focus (GTK_WIDGET (rows->attach_row));
}

static void
on_check_again_clicked (GtkButton *button,
                        ItemRows  *rows)
{
  if (rows->evidence_rows->len == 0)
    {
      mamori_section_add_toast (MAMORI_SECTION (rows->page), mamori_toast_new (_("No evidence files to check yet"), NULL));
      return;
    }
  update_evidence (rows);
}

static void
update_evidence (ItemRows *rows)
{
  MamoriChecklistsPage *self = rows->page;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows->evidence_rows->len; i++)
    adw_expander_row_remove (rows->row, g_ptr_array_index (rows->evidence_rows, i));
  g_ptr_array_set_size (rows->evidence_rows, 0);

  all = mamori_store_dup_evidence (self->store, MAMORI_EVIDENCE_FOR_ITEM, mamori_checklist_item_get_id (rows->item), &error);
  if (all == NULL)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The evidence could not be read"), error);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      MamoriEvidence *evidence = g_ptr_array_index (all, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *name = g_path_get_basename (evidence->path);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *label = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), display);
      gtk_widget_set_tooltip_text (row, evidence->path);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
      /* Translators: removes a file from an item's evidence; %s is its name */
      label = g_strdup_printf (_("Remove “%s” from the evidence"), display);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "evidence-id", g_memdup2 (&evidence->id, sizeof (gint64)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_detach_clicked), rows);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (rows->row, row);
      g_ptr_array_add (rows->evidence_rows, row);
      check_evidence (ADW_ACTION_ROW (row), evidence);
    }
}

typedef struct
{
  MamoriChecklistsPage *page;
  char                 *item_id;
  char                 *path;
} AttachData;

static void
attach_data_free (AttachData *data)
{
  g_object_unref (data->page);
  g_free (data->item_id);
  g_free (data->path);
  g_free (data);
}

static void
on_hashed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AttachData *data = user_data;
  MamoriChecklistsPage *self = data->page;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  gint64 size = 0;

  sha256 = mamori_evidence_hash_file_finish (result, &size, &local_error);
  if (sha256 == NULL)
    mamori_store_set_attach_error (&error, data->path, local_error);
  else
    mamori_store_attach_hashed_evidence (self->store, MAMORI_EVIDENCE_FOR_ITEM, data->item_id, data->path,
                                         sha256, size, &error);
  if (error != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    mamori_message_show (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                         _("The File Was Not Attached"), error->message);

  /* The checklist shown may have changed meanwhile: the item is found
   * again by its id. */
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      ItemRows *rows = g_ptr_array_index (self->items, i);

      if (g_str_equal (mamori_checklist_item_get_id (rows->item), data->item_id))
        update_evidence (rows);
    }
  attach_data_free (data);
}

static void
on_chooser_response (GtkNativeDialog      *chooser,
                     int                   response,
                     MamoriChecklistsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          AttachData *data = g_new0 (AttachData, 1);

          data->page = g_object_ref (self);
          data->item_id = g_strdup (g_object_get_data (G_OBJECT (chooser), "item-id"));
          data->path = g_steal_pointer (&path);
          /* Read in a worker thread: a large file does not stop the window. */
          mamori_evidence_hash_file_async (data->path, NULL, on_hashed, data);
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_attach_clicked (GtkButton *button,
                   ItemRows  *rows)
{
  MamoriChecklistsPage *self = rows->page;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Attach Evidence"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data_full (G_OBJECT (self->chooser), "item-id", g_strdup (mamori_checklist_item_get_id (rows->item)), g_free);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Building -------------------------------------------------------------------- */

static void
item_rows_free (ItemRows *rows)
{
  g_ptr_array_unref (rows->evidence_rows);
  g_free (rows);
}

static ItemRows *
build_item (MamoriChecklistsPage      *self,
            const MamoriChecklistItem *item)
{
  ItemRows *rows = g_new0 (ItemRows, 1);
  MamoriItemState *state = get_state (self, item);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *why, *button, *box;
  GString *why_text = g_string_new (mamori_checklist_item_get_why (item));
  const char *note = mamori_checklist_item_get_source_note (item);

  rows->page = self;
  rows->item = item;
  rows->evidence_rows = g_ptr_array_new ();

  rows->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->row), mamori_checklist_item_get_title (item));
  rows->icon = GTK_IMAGE (gtk_image_new ());
  adw_expander_row_add_prefix (rows->row, GTK_WIDGET (rows->icon));

  /* Why it matters, where the guide says so, how far it was verified. */
  {
    /* Translators: %s is a section of the guide, A to D */
    g_autofree char *section = g_strdup_printf (_("Guide section %s"), mamori_checklist_item_get_guide_section (item));

    g_string_append_printf (why_text, "\n%s", section);
  }
  if (mamori_checklist_item_get_verification (item) == MAMORI_CHECKLIST_UNVERIFIED)
    /* Translators: an item whose wording could not be checked against an official source */
    g_string_append_printf (why_text, " · %s", _("Not verified against an official source"));
  if (note != NULL && *note != '\0')
    g_string_append_printf (why_text, "\n%s", note);
  why = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (why), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (why), _("Why it matters"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (why), why_text->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (why), 0);
  adw_expander_row_add_row (rows->row, why);
  g_string_free (why_text, TRUE);

  /* No mnemonics on these: every item has them. */
  for (int s = 0; s < MAMORI_N_ITEM_STATUSES; s++)
    gtk_string_list_append (statuses, mamori_item_status_get_label (s));
  rows->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->status_row), C_("checklist item", "Status"));
  adw_combo_row_set_model (rows->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (rows->status_row, state->status);
  g_signal_connect (rows->status_row, "notify::selected", G_CALLBACK (on_status_selected), rows);
  adw_expander_row_add_row (rows->row, GTK_WIDGET (rows->status_row));

  rows->owner_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->owner_row), _("Owner"));
  gtk_editable_set_text (GTK_EDITABLE (rows->owner_row), state->owner);
  g_signal_connect (rows->owner_row, "changed", G_CALLBACK (on_text_changed), rows);
  adw_expander_row_add_row (rows->row, GTK_WIDGET (rows->owner_row));

  rows->due_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->due_row), _("Due date"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (rows->due_row), _("As 2026-04-01"));
  gtk_editable_set_text (GTK_EDITABLE (rows->due_row), state->due_on);
  g_signal_connect (rows->due_row, "changed", G_CALLBACK (on_due_changed), rows);
  g_object_set_data_full (G_OBJECT (rows->due_row), "date-before-edit", g_strdup (state->due_on), g_free);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (focus, "enter", G_CALLBACK (on_due_focus_enter), rows);
    gtk_widget_add_controller (GTK_WIDGET (rows->due_row), focus);
  }
  mamori_date_row_add_picker (rows->due_row);
  adw_expander_row_add_row (rows->row, GTK_WIDGET (rows->due_row));

  rows->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->note_row), C_("checklist item", "Note"));
  gtk_editable_set_text (GTK_EDITABLE (rows->note_row), state->note);
  g_signal_connect (rows->note_row, "changed", G_CALLBACK (on_text_changed), rows);
  adw_expander_row_add_row (rows->row, GTK_WIDGET (rows->note_row));

  rows->attach_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->attach_row), _("Evidence"));
  adw_action_row_set_subtitle (rows->attach_row,
                               _("Files that show it is done. Mamori keeps where each is and its SHA-256, and tells you when one has changed or gone."));
  adw_action_row_set_subtitle_lines (rows->attach_row, 0);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  button = gtk_button_new_with_label (_("Check Again"));
  gtk_widget_set_tooltip_text (button, _("Read the files again and compare them with what they were when attached"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_check_again_clicked), rows);
  gtk_box_append (GTK_BOX (box), button);
  button = gtk_button_new_with_label (_("Attach File…"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_attach_clicked), rows);
  gtk_box_append (GTK_BOX (box), button);
  adw_action_row_add_suffix (rows->attach_row, box);
  adw_expander_row_add_row (rows->row, GTK_WIDGET (rows->attach_row));

  update_item (rows, TRUE);
  update_evidence (rows);
  return rows;
}

static void
clear_items (MamoriChecklistsPage *self)
{
  for (guint g = 0; g < self->groups->len; g++)
    adw_preferences_page_remove (self->items_page, g_ptr_array_index (self->groups, g));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->items, 0);
}

static void
show_checklist (MamoriChecklistsPage  *self,
                const MamoriChecklist *checklist)
{
  AdwPreferencesGroup *group = NULL;
  const char *heading = "";
  g_autofree char *about = NULL;
  AdwPreferencesGroup *intro;
  GtkWidget *label;

  mamori_autosave_flush (self->autosave, NULL);
  clear_items (self);
  self->checklist = checklist;
  gtk_widget_set_visible (self->show_label, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_dropdown), TRUE);
  gtk_label_set_text (self->title_label, mamori_checklist_get_title (checklist));

  /* What it is and where it comes from. */
  intro = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Translators: the source of a checklist and the date it is as of */
  about = g_strdup_printf (_("%s\nSource: %s (as of %s)"), mamori_checklist_get_description (checklist),
                           mamori_checklist_get_source (checklist), mamori_checklist_get_as_of (checklist));
  label = gtk_label_new (about);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_preferences_group_add (intro, label);
  adw_preferences_page_add (self->items_page, intro);
  g_ptr_array_add (self->groups, intro);
  /* The introduction always shows; it is not an item. */
  g_object_set_data (G_OBJECT (intro), "always", GINT_TO_POINTER (TRUE));

  for (guint i = 0; i < mamori_checklist_get_n_items (checklist); i++)
    {
      const MamoriChecklistItem *item = mamori_checklist_get_item (checklist, i);
      const char *item_heading = mamori_checklist_item_get_heading (item);
      ItemRows *rows;

      if (item_heading == NULL)
        item_heading = "";
      if (group == NULL || g_strcmp0 (heading, item_heading) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          /* Headings are text, not markup. */
          if (*item_heading != '\0')
            {
              g_autofree char *escaped = g_markup_escape_text (item_heading, -1);

              adw_preferences_group_set_title (group, escaped);
            }
          adw_preferences_page_add (self->items_page, group);
          g_ptr_array_add (self->groups, group);
          heading = item_heading;
        }
      rows = build_item (self, item);
      g_object_set_data (G_OBJECT (rows->row), "group", group);
      adw_preferences_group_add (group, GTK_WIDGET (rows->row));
      g_ptr_array_add (self->items, rows);
    }
  update_visibility (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
on_filter_changed (MamoriChecklistsPage *self)
{
  for (guint i = 0; i < self->items->len; i++)
    update_item (g_ptr_array_index (self->items, i), TRUE);
  update_visibility (self);
}

static void
on_sidebar_row_activated (GtkListBox           *box,
                          GtkListBoxRow        *row,
                          MamoriChecklistsPage *self)
{
  const MamoriChecklist *checklist = MAMORI_SIDEBAR_ROW (row)->checklist;

  if (checklist != NULL)
    show_checklist (self, checklist);
  else
    {
      mamori_autosave_flush (self->autosave, NULL);
      self->checklist = NULL;
      gtk_label_set_text (self->title_label, _("Incidents and Reported Approaches"));
      gtk_widget_set_visible (self->show_label, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_dropdown), FALSE);
      gtk_stack_set_visible_child_name (self->content_stack, "incidents");
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }
}

/* "Checklists" over the first row, "Incidents" over the incidents: their
 * own place, not the last entry of the checklists. */
static void
sidebar_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       data)
{
  const char *title = NULL;
  GtkWidget *label;

  if (before == NULL)
    title = _("Checklists");
  else if (MAMORI_SIDEBAR_ROW (row)->checklist == NULL)
    title = _("Incidents");
  if (title == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (gtk_list_box_row_get_header (row) != NULL)
    return;
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, before == NULL ? 6 : 18);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_header (row, label);
}

static void
build_sidebar (MamoriChecklistsPage *self)
{
  for (guint i = 0; i < mamori_checklist_catalog_get_n_checklists (self->catalog); i++)
    gtk_list_box_append (self->sidebar,
                         GTK_WIDGET (mamori_sidebar_row_new (mamori_checklist_catalog_get_checklist (self->catalog, i))));
  gtk_list_box_set_header_func (self->sidebar, sidebar_header, NULL, NULL);
}

/* How many incidents are open, under the incidents' row. */
static void
update_incidents_row (MamoriChecklistsPage *self)
{
  g_autoptr(GPtrArray) incidents = mamori_store_dup_incidents (self->store, NULL);
  g_autofree char *text = NULL;
  guint open = 0;

  if (incidents == NULL || self->incidents_row == NULL)
    return;
  for (guint i = 0; i < incidents->len; i++)
    if (((MamoriIncident *) g_ptr_array_index (incidents, i))->status != MAMORI_INCIDENT_CLOSED)
      open++;
  if (open == 0)
    text = g_strdup (_("None open"));
  else
    /* Translators: incidents not closed yet */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", open), open);
  mamori_sidebar_row_set_detail (self->incidents_row, text, open > 0);
}

/* Narrow, an incident's own header (with its Back button) takes the place
 * of the tab's: one header, one Back button. */
static gboolean
incident_in_detail (MamoriChecklistsPage *self)
{
  GtkWidget *view = adw_bin_get_child (self->incidents_bin);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "incidents") == 0 &&
         MAMORI_IS_INCIDENTS_VIEW (view) && mamori_incidents_view_get_in_detail (MAMORI_INCIDENTS_VIEW (view));
}

static void
sync_content_header (MamoriChecklistsPage *self)
{
  gtk_widget_set_visible (self->content_header, !incident_in_detail (self));
}

/* The incidents view, in its own section after the checklists. */
static void
add_incidents_view (MamoriChecklistsPage *self)
{
  GtkWidget *view = mamori_incidents_view_new (self->store);

  adw_bin_set_child (self->incidents_bin, view);
  g_signal_connect_object (view, "notify::in-detail", G_CALLBACK (sync_content_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_stack, "notify::visible-child-name", G_CALLBACK (sync_content_header), self,
                           G_CONNECT_SWAPPED);
  self->incidents_row = mamori_sidebar_row_new (NULL);
  gtk_list_box_append (self->sidebar, GTK_WIDGET (self->incidents_row));
  update_incidents_row (self);
  mamori_store_connect_changed (self->store, MAMORI_CHANGE_INCIDENTS, G_CALLBACK (update_incidents_row), self);
}

void
mamori_checklists_page_show (MamoriChecklistsPage *self,
                             const char           *checklist_id)
{
  const MamoriChecklist *checklist;
  GtkListBoxRow *row;

  g_return_if_fail (MAMORI_IS_CHECKLISTS_PAGE (self));

  checklist = mamori_checklist_catalog_lookup_checklist (self->catalog, checklist_id);
  g_return_if_fail (checklist != NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if (MAMORI_SIDEBAR_ROW (row)->checklist == checklist)
      gtk_list_box_select_row (self->sidebar, row);
  show_checklist (self, checklist);
}

/**
 * mamori_checklists_page_show_incident:
 * @incident_id: an incident, or 0 for the list alone
 *
 * Shows the incidents, with @incident_id open.
 */
void
mamori_checklists_page_show_incident (MamoriChecklistsPage *self,
                                      gint64                incident_id)
{
  GtkWidget *view;

  g_return_if_fail (MAMORI_IS_CHECKLISTS_PAGE (self));

  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (self->incidents_row));
  on_sidebar_row_activated (self->sidebar, GTK_LIST_BOX_ROW (self->incidents_row), self);
  view = adw_bin_get_child (self->incidents_bin);
  if (incident_id > 0 && MAMORI_IS_INCIDENTS_VIEW (view))
    mamori_incidents_view_show_incident (MAMORI_INCIDENTS_VIEW (view), incident_id);
}

/* Saves at once what was typed in the tab (checklist items and the
 * incident shown) and not saved yet. */
static gboolean
mamori_checklists_page_save (MamoriPage  *page,
                             GError     **error)
{
  MamoriChecklistsPage *self = MAMORI_CHECKLISTS_PAGE (page);
  GtkWidget *incidents;

  if (!mamori_autosave_flush (self->autosave, error))
    return FALSE;
  incidents = adw_bin_get_child (self->incidents_bin);
  return !MAMORI_IS_INCIDENTS_VIEW (incidents) || mamori_incidents_view_save (MAMORI_INCIDENTS_VIEW (incidents), error);
}

/* Forgets what was typed in the tab and could not be saved. */
static void
mamori_checklists_page_discard (MamoriPage *page)
{
  MamoriChecklistsPage *self = MAMORI_CHECKLISTS_PAGE (page);
  GtkWidget *incidents;

  mamori_autosave_discard (self->autosave);
  g_hash_table_remove_all (self->dirty);
  incidents = adw_bin_get_child (self->incidents_bin);
  if (MAMORI_IS_INCIDENTS_VIEW (incidents))
    mamori_incidents_view_discard (MAMORI_INCIDENTS_VIEW (incidents));
}

/* Alt+5: the keyboard goes to the list of checklists. */
static void
mamori_checklists_page_focus_list (MamoriPage *page)
{
  MamoriChecklistsPage *self = MAMORI_CHECKLISTS_PAGE (page);

  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->sidebar, 0);
  if (row == NULL || !gtk_widget_grab_focus (GTK_WIDGET (row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

static void
mamori_checklists_page_open_record (MamoriPage       *page,
                                    MamoriRecordType  type,
                                    gint64            id,
                                    const char       *key)
{
  MamoriChecklistsPage *self = MAMORI_CHECKLISTS_PAGE (page);

  switch (type)
    {
    case MAMORI_RECORD_CHECKLIST:
      if (key != NULL)
        mamori_checklists_page_show (self, key);
      break;
    case MAMORI_RECORD_INCIDENT:
      mamori_checklists_page_show_incident (self, id);
      break;
    default:
      g_return_if_reached ();
    }
}

static void
reload_states (MamoriChecklistsPage *self)
{
  g_autoptr(GError) error = NULL;
  GHashTable *states = mamori_store_dup_item_states (self->store, &error);

  if (states == NULL)
    {
      mamori_section_show_error (MAMORI_SECTION (self), _("The checklists could not be read"), error);
      return;
    }
  g_clear_pointer (&self->states, g_hash_table_unref);
  self->states = states;
}

static void
on_save_failed (MamoriChecklistsPage *self,
                const GError         *error)
{
  mamori_section_show_error (MAMORI_SECTION (self), _("Changes are not being saved"), error);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriChecklistsPage *self = MAMORI_CHECKLISTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

/* Narrow, Escape goes back one step: from an incident to the incidents,
 * from a checklist or the incidents to the sidebar. */
static gboolean
mamori_checklists_page_go_back (MamoriPage *page)
{
  MamoriChecklistsPage *self = MAMORI_CHECKLISTS_PAGE (page);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") != 0)
    return FALSE;
  if (incident_in_detail (self))
    gtk_widget_activate_action (adw_bin_get_child (self->incidents_bin), "incidents.back", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "checklists.back", NULL);
  return TRUE;
}

/* GObject ---------------------------------------------------------------------- */

static void
mamori_checklists_page_constructed (GObject *object)
{
  MamoriChecklistsPage *self = MAMORI_CHECKLISTS_PAGE (object);
  g_autoptr(GtkStringList) filters = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (mamori_checklists_page_parent_class)->constructed (object);
  self->store = g_object_ref (mamori_section_get_store (MAMORI_SECTION (self)));

  /* Translators: which checklist items to show */
  gtk_string_list_append (filters, C_("checklist filter", "All items"));
  gtk_string_list_append (filters, C_("checklist filter", "Open"));
  gtk_string_list_append (filters, C_("checklist filter", "Mine"));
  gtk_string_list_append (filters, C_("checklist filter", "Overdue"));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (filters));
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);

  self->catalog = mamori_checklist_catalog_dup_default (&error);
  /* The catalog is part of the program: it loads, or the build is broken. */
  if (self->catalog == NULL)
    g_error ("The bundled checklists do not load: %s", error->message);

  reload_states (self);
  if (self->states == NULL)
    self->states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) mamori_item_state_free);
  build_sidebar (self);
  add_incidents_view (self);
  update_sidebar (self);
  g_signal_connect (self->sidebar, "row-activated", G_CALLBACK (on_sidebar_row_activated), self);
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible", G_BINDING_SYNC_CREATE);

  gtk_label_set_text (self->title_label, _("Checklists"));
  adw_status_page_set_title (self->nothing_page, _("Choose a Checklist"));
  adw_status_page_set_description (self->nothing_page, _("Choose a checklist to work through its items."));
  gtk_stack_set_visible_child_name (self->content_stack, "nothing");
  gtk_widget_set_visible (self->show_label, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_dropdown), FALSE);
}

static void
mamori_checklists_page_dispose (GObject *object)
{
  MamoriChecklistsPage *self = MAMORI_CHECKLISTS_PAGE (object);

  if (self->autosave != NULL)
    mamori_autosave_flush (self->autosave, NULL);
  g_clear_object (&self->autosave);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  /* No gtk_widget_dispose_template(): the template's root is AdwBin's
   * child, and AdwBin disposes it. */

  G_OBJECT_CLASS (mamori_checklists_page_parent_class)->dispose (object);
}

static void
mamori_checklists_page_finalize (GObject *object)
{
  MamoriChecklistsPage *self = MAMORI_CHECKLISTS_PAGE (object);

  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->catalog, mamori_checklist_catalog_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mamori_checklists_page_parent_class)->finalize (object);
}

static void
mamori_checklists_page_class_init (MamoriChecklistsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MamoriPageClass *page_class = MAMORI_PAGE_CLASS (klass);

  object_class->constructed = mamori_checklists_page_constructed;
  object_class->dispose = mamori_checklists_page_dispose;
  object_class->finalize = mamori_checklists_page_finalize;

  page_class->save = mamori_checklists_page_save;
  page_class->discard = mamori_checklists_page_discard;
  page_class->open_record = mamori_checklists_page_open_record;
  page_class->focus_list = mamori_checklists_page_focus_list;
  page_class->go_back = mamori_checklists_page_go_back;
  page_class->record_types = 1u << MAMORI_RECORD_CHECKLIST | 1u << MAMORI_RECORD_INCIDENT;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mamori-checklists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, show_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, items_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, nothing_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, incidents_bin);
  gtk_widget_class_bind_template_child (widget_class, MamoriChecklistsPage, content_header);

  gtk_widget_class_install_action (widget_class, "checklists.back", NULL, back_action);
}

static void
mamori_checklists_page_init (MamoriChecklistsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_ptr_array_new ();
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_rows_free);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->autosave = mamori_autosave_new (save_dirty, self);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);
}
