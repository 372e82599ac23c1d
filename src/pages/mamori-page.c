/* mamori-page.c — what every tab of the window is
 *
 * A page shows one workspace (its "store", set once), saves and discards
 * what was typed when the window asks, and tells the window through two
 * signals: "add-toast" for a message, "show-record" to open a record in
 * the tab it belongs to. The window iterates its pages without knowing
 * their types (GNOME Console's KgxTab is the model).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pages/mamori-page.h"

G_DEFINE_ABSTRACT_TYPE (MamoriPage, mamori_page, MAMORI_TYPE_SECTION)

enum {
  ADD_TOAST,
  SHOW_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
mamori_page_real_save (MamoriPage  *self,
                       GError     **error)
{
  return TRUE;
}

static void
mamori_page_real_discard (MamoriPage *self)
{
}

static void
mamori_page_real_open_record (MamoriPage       *self,
                              MamoriRecordType  type,
                              gint64            id,
                              const char       *key)
{
}

static void
mamori_page_real_focus_list (MamoriPage *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static gboolean
mamori_page_real_go_back (MamoriPage *self)
{
  return FALSE;
}

/* Escape, wherever the focus is in the tab (a search entry takes it first,
 * to stop searching). */
static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   data)
{
  return mamori_page_go_back (MAMORI_PAGE (widget));
}

static void
mamori_page_class_init (MamoriPageClass *klass)
{
  gtk_widget_class_add_binding (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, escape_pressed, NULL);
  klass->go_back = mamori_page_real_go_back;
  klass->save = mamori_page_real_save;
  klass->discard = mamori_page_real_discard;
  klass->open_record = mamori_page_real_open_record;
  klass->focus_list = mamori_page_real_focus_list;

  /**
   * MamoriPage::add-toast:
   * @toast: the message to show
   */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  /**
   * MamoriPage::show-record:
   * @type: a #MamoriRecordType
   * @id: the record's id (0 for a checklist)
   * @key: (nullable): a checklist's id
   *
   * Asks the window to open a record in the tab it belongs to.
   */
  signals[SHOW_RECORD] =
    g_signal_new ("show-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_STRING);
}

static void
mamori_page_init (MamoriPage *self)
{
}

gboolean
mamori_page_save (MamoriPage  *self,
                  GError     **error)
{
  g_return_val_if_fail (MAMORI_IS_PAGE (self), FALSE);
  return MAMORI_PAGE_GET_CLASS (self)->save (self, error);
}

void
mamori_page_discard (MamoriPage *self)
{
  g_return_if_fail (MAMORI_IS_PAGE (self));
  MAMORI_PAGE_GET_CLASS (self)->discard (self);
}

/* For mamori_section_add_toast(), the one way to show a toast. */
void
mamori_page_emit_toast (MamoriPage *self,
                        AdwToast   *toast)
{
  g_return_if_fail (MAMORI_IS_PAGE (self));

  /* The window's overlay takes the reference; a page not in a window (a
   * test made it alone) drops it. */
  if (!g_signal_has_handler_pending (self, signals[ADD_TOAST], 0, FALSE))
    {
      g_debug ("No window to show “%s”", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

void
mamori_page_show_record (MamoriPage       *self,
                         MamoriRecordType  type,
                         gint64            id,
                         const char       *key)
{
  g_return_if_fail (MAMORI_IS_PAGE (self));
  g_signal_emit (self, signals[SHOW_RECORD], 0, (int) type, id, key);
}

/* Whether records of @type are shown in this page. */
gboolean
mamori_page_has_records (MamoriPage       *self,
                         MamoriRecordType  type)
{
  g_return_val_if_fail (MAMORI_IS_PAGE (self), FALSE);
  return (MAMORI_PAGE_GET_CLASS (self)->record_types & (1u << type)) != 0;
}

/**
 * mamori_page_open_record:
 * @id: the record, or 0 for the list alone
 * @key: (nullable): a checklist's id
 *
 * Shows a record of one of the page's types; the page's tab is shown.
 */
void
mamori_page_open_record (MamoriPage       *self,
                         MamoriRecordType  type,
                         gint64            id,
                         const char       *key)
{
  g_return_if_fail (mamori_page_has_records (self, type));
  MAMORI_PAGE_GET_CLASS (self)->open_record (self, type, id, key);
}

/* Alt+1…5: the focus goes where the user picks a record (the list or its
 * search), never to a tab button or an unnamed scroll area. */
void
mamori_page_focus_list (MamoriPage *self)
{
  g_return_if_fail (MAMORI_IS_PAGE (self));
  MAMORI_PAGE_GET_CLASS (self)->focus_list (self);
}

/**
 * mamori_page_go_back:
 *
 * What Escape does: narrow, from a record back to the list.
 *
 * Returns: whether there was somewhere to go back to
 */
gboolean
mamori_page_go_back (MamoriPage *self)
{
  g_return_val_if_fail (MAMORI_IS_PAGE (self), FALSE);
  return MAMORI_PAGE_GET_CLASS (self)->go_back (self);
}
