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

#include "widgets/mamori-message.h"
#include "pages/mamori-page.h"

typedef struct
{
  MamoriStore *store;
} MamoriPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MamoriPage, mamori_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  ADD_TOAST,
  SHOW_RECORD,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
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

static void
mamori_page_dispose (GObject *object)
{
  MamoriPagePrivate *priv = mamori_page_get_instance_private (MAMORI_PAGE (object));

  g_clear_object (&priv->store);
  G_OBJECT_CLASS (mamori_page_parent_class)->dispose (object);
}

static void
mamori_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MamoriPagePrivate *priv = mamori_page_get_instance_private (MAMORI_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MamoriPagePrivate *priv = mamori_page_get_instance_private (MAMORI_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_page_class_init (MamoriPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mamori_page_dispose;
  object_class->get_property = mamori_page_get_property;
  object_class->set_property = mamori_page_set_property;

  klass->save = mamori_page_real_save;
  klass->discard = mamori_page_real_discard;
  klass->open_record = mamori_page_real_open_record;
  klass->focus_list = mamori_page_real_focus_list;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MAMORI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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

MamoriStore *
mamori_page_get_store (MamoriPage *self)
{
  MamoriPagePrivate *priv = mamori_page_get_instance_private (self);

  g_return_val_if_fail (MAMORI_IS_PAGE (self), NULL);
  return priv->store;
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

void
mamori_page_add_toast (MamoriPage *self,
                       AdwToast   *toast)
{
  g_return_if_fail (MAMORI_IS_PAGE (self));

  /* Floating: the window's overlay takes it. */
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

/* A toast with the short @title; the error's sentence behind Details. */
void
mamori_page_show_error (MamoriPage   *self,
                        const char   *title,
                        const GError *error)
{
  mamori_widget_show_error (GTK_WIDGET (self), title, error);
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
 * mamori_widget_add_toast:
 * @widget: a part of a page (an editor, a section)
 *
 * Shows @toast through the page @widget is in; the one way a page's parts
 * tell the user something. A part not in a page (a test shows it alone)
 * drops the message.
 */
void
mamori_widget_add_toast (GtkWidget *widget,
                         AdwToast  *toast)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, MAMORI_TYPE_PAGE);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (page != NULL)
    {
      mamori_page_add_toast (MAMORI_PAGE (page), toast);
      return;
    }
  g_debug ("No page to show “%s”", adw_toast_get_title (toast));
  g_object_ref_sink (toast);
  g_object_unref (toast);
}

/* A toast with the short @title; the error's sentence behind Details. */
void
mamori_widget_show_error (GtkWidget    *widget,
                          const char   *title,
                          const GError *error)
{
  mamori_widget_add_toast (widget, mamori_toast_new (title, error->message));
}
