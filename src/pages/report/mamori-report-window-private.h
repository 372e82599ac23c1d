/* mamori-report-window-private.h — shared by mamori-report-window.c (the
 * options, the rendering, saving and printing) and
 * mamori-report-window-preview.c (the pages on screen)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <poppler.h>

#include "pages/report/mamori-report-window.h"

G_BEGIN_DECLS

/* Up to 300%: larger, a busy page takes more than 50 ms to draw. */
#define MAMORI_REPORT_MIN_ZOOM 0.25
#define MAMORI_REPORT_MAX_ZOOM 3.0

struct _MamoriReportWindow
{
  AdwWindow             parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *flap_button;
  GtkWidget            *header_zoom_box;
  GtkWidget            *bar_zoom_box;
  GtkButton            *save_button;
  GtkButton            *print_button;
  AdwFlap              *flap;
  AdwPreferencesGroup  *sections_group;
  AdwPreferencesGroup  *document_group;
  /* The class the mark must reach, for required_sections; worked out again
   * when the sections or the workspace change, not at every keystroke. */
  int                   required_class;
  guint                 required_sections;
  gboolean              required_known;
  AdwComboRow          *language_row;
  AdwEntryRow          *mark_row;
  AdwComboRow          *paper_row;
  AdwEntryRow          *author_row;
  AdwPreferencesGroup  *meeting_group;
  AdwEntryRow          *meeting_row;
  AdwEntryRow          *meeting_date_row;
  AdwEntryRow          *version_row;
  AdwEntryRow          *department_row;
  AdwEntryRow          *distribution_row;
  GtkSpinButton        *copies_spin;
  GtkSwitch            *collect_switch;
  GtkStack             *content_stack;
  GtkProgressBar       *loading_bar;
  AdwStatusPage        *error_page;
  GtkWidget            *thumbnail_scroller;
  GtkWidget            *thumbnail_separator;
  GtkListBox           *thumbnail_list;
  GtkScrolledWindow    *page_scroller;
  GtkPicture           *page_picture;
  GtkLabel             *page_label;
  GtkProgressBar       *progress_bar;

  /* the options */
  MamoriStore          *store;
  MamoriReportKind      kind;
  gint64                item_id;
  GtkSwitch            *section_switches[MAMORI_N_PACK_SECTIONS];
  char                 *default_mark;     /* for the language chosen */
  gboolean              mark_edited;      /* the mark is not the default */
  gboolean              updating;

  /* the rendering */
  GCancellable         *cancellable;
  guint                 render_serial;    /* the render wanted, or 0 */
  guint                 render_timeout;
  gboolean              outdated;         /* options changed since the preview */
  GtkFileChooserNative *chooser;
  GtkPrintOperation    *print_operation;

  /* the preview */
  GBytes               *pdf;
  PopplerDocument      *document;
  MamoriPaper           document_paper;
  int                   n_pages;
  int                   page;             /* the one shown, from 0 */
  double                zoom;
  gboolean              zoom_fit;
  guint                 fit_timeout;
  GPtrArray            *thumbnails;       /* GtkPicture, owned by their rows */
  guint                 next_thumbnail;
  guint                 thumbnail_idle;
  gboolean              syncing_selection;
  guint                 layout_idle;
  int                   laid_out_width;
};

void mamori_report_window_update_actions       (MamoriReportWindow *self);

void mamori_report_window_preview_class_init   (GtkWidgetClass     *widget_class);
void mamori_report_window_preview_init         (MamoriReportWindow *self);
void mamori_report_window_preview_dispose      (MamoriReportWindow *self);
void mamori_report_window_show_document        (MamoriReportWindow *self,
                                                GBytes             *pdf,
                                                PopplerDocument    *document,
                                                MamoriPaper         paper);
void mamori_report_window_clear_document       (MamoriReportWindow *self);

G_END_DECLS
