/* mamori-report-window-preview.c — the pages of the document on screen
 *
 * The current page is drawn at the zoom chosen, or fitted to the width of
 * the preview as it is resized; the thumbnails beside it are drawn a few
 * at a time when the window has nothing else to do, so a long pack never
 * holds it up. Narrow, the thumbnails make way for the page and the
 * options fold over it (AdwFlap).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mamori-i18n.h"

#include "pages/report/mamori-report-window-private.h"
#include "widgets/mamori-page-image.h"

#define ZOOM_STEP            1.25
/* A page fitted to the width follows a resize once it pauses. */
#define FIT_DELAY_MS         60
#define THUMBNAIL_WIDTH      96
#define THUMBNAIL_BUDGET_US  8000
/* Around the page, as in the .ui file. */
#define PAGE_MARGIN          12
/* Room the page needs beside the thumbnails. */
#define THUMBNAILS_MIN_WIDTH 520

static GtkWidgetClass *parent_widget_class;

/* The page ----------------------------------------------------------------- */

static double
fit_zoom (MamoriReportWindow *self,
          PopplerPage        *page)
{
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->page_scroller);
  double available = gtk_adjustment_get_page_size (hadjustment);
  double width, height;

  if (available < 1)
    available = gtk_widget_get_width (GTK_WIDGET (self->page_scroller));
  /* Not laid out yet: about the width the window opens with. */
  if (available < 1)
    available = 600;
  poppler_page_get_size (page, &width, &height);
  return CLAMP ((available - 2 * PAGE_MARGIN) / MAX (width, 1), MAMORI_REPORT_MIN_ZOOM, MAMORI_REPORT_MAX_ZOOM);
}

static void
scroll_to_thumbnail (MamoriReportWindow *self,
                     GtkWidget          *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->thumbnail_scroller));
  double x, y, height, value, page_size;

  if (!gtk_widget_translate_coordinates (row, GTK_WIDGET (self->thumbnail_list), 0, 0, &x, &y))
    return;
  height = gtk_widget_get_height (row);
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  if (y < value)
    gtk_adjustment_set_value (adjustment, y);
  else if (y + height > value + page_size)
    gtk_adjustment_set_value (adjustment, y + height - page_size);
}

static void
show_page (MamoriReportWindow *self)
{
  g_autoptr(GdkPaintable) image = NULL;
  g_autofree char *label = NULL;
  PopplerPage *page;
  GtkListBoxRow *row;
  gint64 start;

  if (self->document == NULL)
    return;

  start = g_get_monotonic_time ();
  page = poppler_document_get_page (self->document, self->page);
  if (page != NULL)
    {
      if (self->zoom_fit)
        self->zoom = fit_zoom (self, page);
      image = mamori_page_image_new (page, self->zoom, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
      g_object_unref (page);
    }
  gtk_picture_set_paintable (self->page_picture, image);
  g_debug ("Page %d of %d shown at %.0f%% in %.1f ms", self->page + 1, self->n_pages, self->zoom * 100,
           (g_get_monotonic_time () - start) / 1000.0);

  /* Translators: under the preview: the page shown, of how many */
  label = g_strdup_printf (_("Page %d of %d"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, label);
  gtk_picture_set_alternative_text (self->page_picture, label);

  row = gtk_list_box_get_row_at_index (self->thumbnail_list, self->page);
  if (row != NULL && gtk_list_box_get_selected_row (self->thumbnail_list) != row)
    {
      GtkListBoxRow *previous = gtk_list_box_get_selected_row (self->thumbnail_list);

      /* The thumbnails are one stop for Tab, the page shown; Page Up and
       * Page Down move between pages. */
      if (previous != NULL)
        gtk_widget_set_focusable (GTK_WIDGET (previous), FALSE);
      gtk_widget_set_focusable (GTK_WIDGET (row), TRUE);
      self->syncing_selection = TRUE;
      gtk_list_box_select_row (self->thumbnail_list, row);
      self->syncing_selection = FALSE;
      scroll_to_thumbnail (self, GTK_WIDGET (row));
    }

  mamori_report_window_update_actions (self);
}

static void
go_to_page (MamoriReportWindow *self,
            int                 index)
{
  if (self->document == NULL)
    return;
  index = CLAMP (index, 0, self->n_pages - 1);
  if (index == self->page)
    return;
  self->page = index;
  show_page (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->page_scroller), 0);
}

static gboolean
fit_timeout_cb (gpointer data)
{
  MamoriReportWindow *self = data;

  self->fit_timeout = 0;
  show_page (self);
  return G_SOURCE_REMOVE;
}

/* The preview was resized: a page fitted to its width follows. */
static void
on_preview_width_changed (MamoriReportWindow *self)
{
  if (!self->zoom_fit || self->document == NULL)
    return;
  g_clear_handle_id (&self->fit_timeout, g_source_remove);
  self->fit_timeout = g_timeout_add (FIT_DELAY_MS, fit_timeout_cb, self);
}

/* Thumbnails --------------------------------------------------------------- */

static void
clear_thumbnails (MamoriReportWindow *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->thumbnail_idle, g_source_remove);
  g_ptr_array_set_size (self->thumbnails, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thumbnail_list))) != NULL)
    gtk_list_box_remove (self->thumbnail_list, child);
}

/* A few thumbnails at a time, between the events that keep the window
 * answering. */
static gboolean
draw_thumbnails (gpointer data)
{
  MamoriReportWindow *self = data;
  gint64 deadline = g_get_monotonic_time () + THUMBNAIL_BUDGET_US;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  while (self->next_thumbnail < self->thumbnails->len)
    {
      guint index = self->next_thumbnail++;
      PopplerPage *page = poppler_document_get_page (self->document, index);
      g_autoptr(GdkPaintable) image = NULL;
      double width, height;

      if (page != NULL)
        {
          poppler_page_get_size (page, &width, &height);
          image = mamori_page_image_new (page, THUMBNAIL_WIDTH / MAX (width, 1), scale_factor);
          gtk_picture_set_paintable (g_ptr_array_index (self->thumbnails, index), image);
          g_object_unref (page);
        }
      if (g_get_monotonic_time () >= deadline)
        return G_SOURCE_CONTINUE;
    }

  self->thumbnail_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
fill_thumbnails (MamoriReportWindow *self)
{
  PopplerPage *first = poppler_document_get_page (self->document, 0);
  double width = 595, height = 842;
  int thumbnail_height;

  clear_thumbnails (self);

  /* Blank pages of the first page's size until they are drawn. */
  if (first != NULL)
    {
      poppler_page_get_size (first, &width, &height);
      g_object_unref (first);
    }
  thumbnail_height = (int) ceil (THUMBNAIL_WIDTH * height / MAX (width, 1));

  for (int i = 0; i < self->n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i + 1);
      /* Translators: a thumbnail in the list of pages, for screen readers */
      g_autofree char *accessible = g_strdup_printf (_("Page %d"), i + 1);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *picture = gtk_picture_new ();
      GtkWidget *label = gtk_label_new (number);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, thumbnail_height);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "mamori-page");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_box_append (GTK_BOX (box), picture);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_focusable (row, i == self->page);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_list_box_append (self->thumbnail_list, row);
      g_ptr_array_add (self->thumbnails, picture);
    }

  self->next_thumbnail = 0;
  self->thumbnail_idle = g_idle_add_full (G_PRIORITY_LOW, draw_thumbnails, self, NULL);
}

static void
on_thumbnail_selected (MamoriReportWindow *self,
                       GtkListBoxRow      *row)
{
  if (self->syncing_selection || row == NULL)
    return;
  go_to_page (self, gtk_list_box_row_get_index (row));
}

/* The document ------------------------------------------------------------- */

void
mamori_report_window_clear_document (MamoriReportWindow *self)
{
  clear_thumbnails (self);
  g_clear_handle_id (&self->fit_timeout, g_source_remove);
  gtk_picture_set_paintable (self->page_picture, NULL);
  g_clear_object (&self->document);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->n_pages = 0;
}

/* Shows @document, made from @pdf for @paper. */
void
mamori_report_window_show_document (MamoriReportWindow *self,
                                    GBytes             *pdf,
                                    PopplerDocument    *document,
                                    MamoriPaper         paper)
{
  int page = self->page;

  mamori_report_window_clear_document (self);
  self->pdf = g_bytes_ref (pdf);
  self->document = g_object_ref (document);
  self->document_paper = paper;
  self->n_pages = poppler_document_get_n_pages (document);
  /* The same page as before, as far as there is one: changing an option
   * should not throw the reader back to the cover. */
  self->page = CLAMP (page, 0, MAX (self->n_pages - 1, 0));
  gtk_stack_set_visible_child_name (self->content_stack, "preview");
  fill_thumbnails (self);
  show_page (self);
}

/* Actions ------------------------------------------------------------------ */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (widget);

  if (self->document == NULL)
    return;
  if (g_str_equal (action_name, "report.zoom-fit"))
    self->zoom_fit = TRUE;
  else
    {
      self->zoom_fit = FALSE;
      if (g_str_equal (action_name, "report.zoom-in"))
        self->zoom = MIN (self->zoom * ZOOM_STEP, MAMORI_REPORT_MAX_ZOOM);
      else
        self->zoom = MAX (self->zoom / ZOOM_STEP, MAMORI_REPORT_MIN_ZOOM);
    }
  show_page (self);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (widget);

  go_to_page (self, self->page + (g_str_equal (action_name, "report.next-page") ? 1 : -1));
}

/* Escape first puts away the options laid over a narrow preview. */
static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (widget);

  if (adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  else
    gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static gboolean
toggle_options (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
  return TRUE;
}

/* Layout -------------------------------------------------------------------- */

static void
set_button_compact (GtkButton  *button,
                    gboolean    compact,
                    const char *icon_name,
                    const char *label,
                    const char *accessible_label)
{
  if (compact && gtk_button_get_icon_name (button) == NULL)
    {
      gtk_button_set_icon_name (button, icon_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
    }
  else if (!compact && gtk_button_get_icon_name (button) != NULL)
    {
      gtk_button_set_label (button, label);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

/* Narrow, Save and Print become icons, the zoom buttons go down under the
 * page and the thumbnails make way for it. Done after the allocation,
 * where changing what is shown is not allowed. */
static gboolean
update_layout (gpointer data)
{
  MamoriReportWindow *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean folded = adw_flap_get_folded (self->flap);
  int preview_width = width;
  gboolean thumbnails;

  self->layout_idle = 0;
  if (!folded && adw_flap_get_reveal_flap (self->flap))
    preview_width -= gtk_widget_get_width (adw_flap_get_flap (self->flap));
  thumbnails = preview_width >= THUMBNAILS_MIN_WIDTH;
  gtk_widget_set_visible (self->thumbnail_scroller, thumbnails);
  gtk_widget_set_visible (self->thumbnail_separator, thumbnails);

  gtk_widget_set_visible (self->header_zoom_box, !folded);
  gtk_widget_set_visible (self->bar_zoom_box, folded);
  set_button_compact (self->save_button, folded, "document-save-symbolic", _("_Save…"), _("Save"));
  set_button_compact (self->print_button, folded, "document-print-symbolic", _("_Print…"), _("Print"));
  return G_SOURCE_REMOVE;
}

static void
queue_layout (MamoriReportWindow *self)
{
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout, self, NULL);
}

static void
mamori_report_window_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  MamoriReportWindow *self = MAMORI_REPORT_WINDOW (widget);

  parent_widget_class->size_allocate (widget, width, height, baseline);

  if (width != self->laid_out_width)
    {
      self->laid_out_width = width;
      queue_layout (self);
    }
}

/* Setting up ---------------------------------------------------------------- */

void
mamori_report_window_preview_class_init (GtkWidgetClass *widget_class)
{
  parent_widget_class = g_type_class_peek_parent (widget_class);
  widget_class->size_allocate = mamori_report_window_size_allocate;

  gtk_widget_class_install_action (widget_class, "report.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "report.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "report.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, page_action);

  /* Listed in the shortcuts window too (data/ui/help-overlay.ui). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "report.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "report.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "report.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "report.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "report.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "report.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "report.zoom-fit", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_pressed, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F9, 0, toggle_options, NULL);
}

void
mamori_report_window_preview_init (MamoriReportWindow *self)
{
  GtkEventController *shortcuts;

  self->thumbnails = g_ptr_array_new ();
  self->zoom = 1.0;
  self->zoom_fit = TRUE;

  /* Captured before the page's scrolled window, which would scroll by a
   * screenful instead of turning the page. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Page_Down|KP_Page_Down"),
                                                          gtk_named_action_new ("report.next-page")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Page_Up|KP_Page_Up"),
                                                          gtk_named_action_new ("report.previous-page")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_swapped (self->thumbnail_list, "row-selected", G_CALLBACK (on_thumbnail_selected), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->page_scroller), "notify::page-size",
                            G_CALLBACK (on_preview_width_changed), self);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (queue_layout), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (queue_layout), self);
}

void
mamori_report_window_preview_dispose (MamoriReportWindow *self)
{
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->thumbnails != NULL)
    {
      mamori_report_window_clear_document (self);
      g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
    }
}
