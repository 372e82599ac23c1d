/* mamori-section.c — a part of a tab that shows one workspace
 *
 * The editors and views a tab is made of, and the tab itself (#MamoriPage
 * derives from it): each shows the workspace set once as its "store", and
 * tells the user something through the tab it is in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pages/mamori-page.h"
#include "widgets/mamori-message.h"
#include "widgets/mamori-rows.h"
#include "mamori-section.h"

typedef struct
{
  MamoriStore *store;
} MamoriSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MamoriSection, mamori_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mamori_section_dispose (GObject *object)
{
  MamoriSectionPrivate *priv = mamori_section_get_instance_private (MAMORI_SECTION (object));

  G_OBJECT_CLASS (mamori_section_parent_class)->dispose (object);
  /* After the children: an editor going saves through it. */
  g_clear_object (&priv->store);
}

static void
mamori_section_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MamoriSectionPrivate *priv = mamori_section_get_instance_private (MAMORI_SECTION (object));

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
mamori_section_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MamoriSectionPrivate *priv = mamori_section_get_instance_private (MAMORI_SECTION (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A row's Copy button copied its text (see widgets/mamori-rows.c). */
static void
copied_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  mamori_section_add_toast (MAMORI_SECTION (widget), mamori_toast_new (_("Copied"), NULL));
}

/* Every tab and part of one names its row controls once, from its
 * template (see mamori_name_row_controls()). */
static void
mamori_section_constructed (GObject *object)
{
  G_OBJECT_CLASS (mamori_section_parent_class)->constructed (object);
  mamori_name_row_controls (GTK_WIDGET (object));
}

static void
mamori_section_class_init (MamoriSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mamori_section_constructed;
  object_class->dispose = mamori_section_dispose;
  object_class->get_property = mamori_section_get_property;
  object_class->set_property = mamori_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MAMORI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "section.copied", NULL, copied_action);
}

static void
mamori_section_init (MamoriSection *self)
{
}

/**
 * mamori_section_get_store:
 *
 * Returns: (transfer none): the workspace shown
 */
MamoriStore *
mamori_section_get_store (MamoriSection *self)
{
  MamoriSectionPrivate *priv = mamori_section_get_instance_private (self);

  g_return_val_if_fail (MAMORI_IS_SECTION (self), NULL);
  return priv->store;
}

/**
 * mamori_section_add_toast:
 *
 * Shows @toast through the tab the section is in: the one way a tab's parts
 * tell the user something. A section not in a tab (a test shows it alone)
 * drops the message.
 */
void
mamori_section_add_toast (MamoriSection *self,
                          AdwToast      *toast)
{
  GtkWidget *page;

  g_return_if_fail (MAMORI_IS_SECTION (self));

  page = MAMORI_IS_PAGE (self) ? GTK_WIDGET (self) : gtk_widget_get_ancestor (GTK_WIDGET (self), MAMORI_TYPE_PAGE);
  if (page != NULL)
    {
      mamori_page_emit_toast (MAMORI_PAGE (page), toast);
      return;
    }
  g_debug ("No tab to show “%s”", adw_toast_get_title (toast));
  g_object_unref (toast);
}

/* A toast with the short @title; the error's sentence behind Details. */
void
mamori_section_show_error (MamoriSection *self,
                           const char    *title,
                           const GError  *error)
{
  mamori_section_add_toast (self, mamori_toast_new (title, error->message));
}

typedef struct
{
  MamoriStore      *store;
  MamoriRecordType  type;
  GArray           *ids;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_object_unref (undo->store);
  g_array_unref (undo->ids);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean restored = TRUE;

  /* The store tells every list; this works even if the tab has gone. */
  switch (undo->type)
    {
    case MAMORI_RECORD_ASSET:
      restored = mamori_store_restore_assets (undo->store, undo->ids, &error);
      break;
    case MAMORI_RECORD_CONTRACT:
      for (guint i = 0; restored && i < undo->ids->len; i++)
        restored = mamori_store_restore_contract (undo->store, g_array_index (undo->ids, gint64, i), &error);
      break;
    default:
      g_return_if_reached ();
    }
  if (!restored)
    g_warning ("Could not undo the deletion: %s", error->message);
}

/**
 * mamori_section_add_undo_toast:
 * @title: what was deleted ("“Drawings” deleted")
 * @type: the records' type: assets or contracts
 * @ids: (element-type gint64): the records deleted
 *
 * Tells the user what was deleted, with an Undo button that restores it:
 * the one way a deletion is taken back.
 */
void
mamori_section_add_undo_toast (MamoriSection    *self,
                               const char       *title,
                               MamoriRecordType  type,
                               GArray           *ids)
{
  AdwToast *toast = mamori_toast_new (title, NULL);
  Undo *undo = g_new0 (Undo, 1);

  g_return_if_fail (type == MAMORI_RECORD_ASSET || type == MAMORI_RECORD_CONTRACT);

  adw_toast_set_button_label (toast, _("_Undo"));
  undo->store = g_object_ref (mamori_section_get_store (self));
  undo->type = type;
  undo->ids = g_array_ref (ids);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  mamori_section_add_toast (self, toast);
}

/* The first scrolled window in @widget, breadth first: a preferences
 * page's own before the lists inside it. */
static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, widget);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *next = g_queue_pop_head (queue);

      if (GTK_IS_SCROLLED_WINDOW (next))
        return GTK_SCROLLED_WINDOW (next);
      for (GtkWidget *c = gtk_widget_get_first_child (next); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (queue, c);
    }
  return NULL;
}

/**
 * mamori_section_scroll_to_top:
 * @page: an editor's scrolling page (an #AdwPreferencesPage, say)
 *
 * Shows the top of @page: an editor opens another record at its start,
 * not where the last one was left.
 */
void
mamori_section_scroll_to_top (GtkWidget *page)
{
  GtkScrolledWindow *scroller = find_scroller (page);
  GtkAdjustment *adjustment;

  g_return_if_fail (scroller != NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
