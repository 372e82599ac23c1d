/* mamori-report.h — briefing packs and single-item documents as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pages and the command line use: options in, PDF out. The data is
 * read from the workspace (mamori-pack.c), laid out (mamori-layout.c) and
 * drawn with cairo into a PDF; no widgets.
 */

#pragma once

#include <gio/gio.h>

#include "store/mamori-store.h"

G_BEGIN_DECLS

#define MAMORI_REPORT_ERROR (mamori_report_error_quark ())

/* Every message of this domain is a sentence for the user. */
typedef enum
{
  MAMORI_REPORT_ERROR_FAILED,
  MAMORI_REPORT_ERROR_NO_FONT,      /* no Japanese-capable font installed */
  MAMORI_REPORT_ERROR_NO_LANGUAGE,  /* the Japanese translations are missing */
  MAMORI_REPORT_ERROR_NOT_FOUND,    /* the contract or incident is gone */
  MAMORI_REPORT_ERROR_INVALID,      /* bad options (command line) */
} MamoriReportError;

/* A cancelled export fails with G_IO_ERROR_CANCELLED. */

typedef enum
{
  MAMORI_REPORT_BOARD_PACK,
  MAMORI_REPORT_CONTRACT_MEMO,   /* one contract: its review */
  MAMORI_REPORT_INCIDENT,        /* one incident: its full record */
} MamoriReportKind;

/* The sections of a board pack, in the order they are printed. */
typedef enum
{
  MAMORI_PACK_COVER       = 1 << 0,
  MAMORI_PACK_DECISIONS   = 1 << 1,   /* 総評, 決議事項, 報告事項, risk map, action plan */
  MAMORI_PACK_SUMMARY     = 1 << 2,
  MAMORI_PACK_ASSETS      = 1 << 3,
  MAMORI_PACK_GAPS        = 1 << 4,
  MAMORI_PACK_CONTRACTS   = 1 << 5,
  MAMORI_PACK_SCREENINGS  = 1 << 6,
  MAMORI_PACK_CHECKLISTS  = 1 << 7,
  MAMORI_PACK_INCIDENTS   = 1 << 8,
  MAMORI_PACK_CONTACTS    = 1 << 9,
  MAMORI_PACK_APPENDIX    = 1 << 10,  /* the whole register and the full checklists */
} MamoriPackSection;

#define MAMORI_N_PACK_SECTIONS 11
#define MAMORI_PACK_ALL ((1u << MAMORI_N_PACK_SECTIONS) - 1)

typedef enum
{
  MAMORI_PAPER_A4,
  MAMORI_PAPER_LETTER,
} MamoriPaper;

typedef struct
{
  MamoriReportKind  kind;
  gint64            item_id;    /* the contract or incident, for single items */
  guint             sections;   /* MamoriPackSection flags, board packs only */
  char             *language;   /* MAMORI_LANG_JA or MAMORI_LANG_EN */
  char             *mark;       /* the classification mark on every page */
  MamoriPaper       paper;
  char             *author;     /* NULL: the account's full name */
  char             *date;       /* YYYY-MM-DD; NULL: today */
  /* Document control, on a board pack's cover (NULL or 0: not printed). */
  char             *meeting;        /* the meeting it is issued for: 第12回 取締役会 */
  char             *meeting_date;   /* YYYY-MM-DD */
  char             *doc_version;    /* 第1版, 1.0 */
  char             *department;     /* the issuing department */
  char             *distribution;   /* who receives it, one per line */
  guint             copies;         /* N numbered copies in the one PDF, 配付番号 n / N */
  gboolean          collect;        /* 回収: copies are returned after the meeting */
} MamoriReportOptions;

/* Called in the thread that renders, with 0..1. */
typedef void (*MamoriReportProgressFunc) (double   fraction,
                                          gpointer user_data);

GQuark               mamori_report_error_quark          (void);

MamoriReportOptions *mamori_report_options_new          (MamoriReportKind           kind,
                                                         const char                *language);
MamoriReportOptions *mamori_report_options_copy         (const MamoriReportOptions *options);
void                 mamori_report_options_free         (MamoriReportOptions       *options);

const char          *mamori_pack_section_get_id         (MamoriPackSection          section);
const char          *mamori_pack_section_get_label      (MamoriPackSection          section);
gboolean             mamori_pack_sections_parse         (const char                *text,
                                                         guint                     *out_sections,
                                                         GError                   **error);

int                  mamori_report_get_required_class   (MamoriStore               *store,
                                                         const MamoriReportOptions *options);
int                  mamori_report_get_mark_class       (MamoriStore               *store,
                                                         const char                *mark);
char                *mamori_report_dup_default_author   (MamoriStore               *store);
char                *mamori_report_dup_issue_label      (const MamoriReportOptions *options);
int                  mamori_report_find_issue           (GPtrArray                 *snapshots,
                                                         const char                *issue);
gboolean             mamori_report_record_issue         (MamoriStore               *store,
                                                         const MamoriReportOptions *options,
                                                         char                     **label,
                                                         GError                   **error);
char                *mamori_report_dup_class_mark       (MamoriStore               *store,
                                                         int                        level,
                                                         const char                *language);
char                *mamori_report_dup_default_mark     (MamoriStore               *store,
                                                         const MamoriReportOptions *options);
char                *mamori_report_dup_title            (MamoriStore               *store,
                                                         const MamoriReportOptions *options);
char                *mamori_report_dup_file_name        (MamoriStore               *store,
                                                         const MamoriReportOptions *options);

GBytes              *mamori_report_render               (MamoriStore               *store,
                                                         const MamoriReportOptions *options,
                                                         MamoriReportProgressFunc   progress,
                                                         gpointer                   user_data,
                                                         GCancellable              *cancellable,
                                                         GError                   **error);

/* The same off the main thread, with its own connection to the workspace
 * (in-memory workspaces are read in the calling thread). @progress is
 * called in the main context. */
void                 mamori_report_render_async         (MamoriStore               *store,
                                                         const MamoriReportOptions *options,
                                                         MamoriReportProgressFunc   progress,
                                                         gpointer                   progress_data,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
GBytes              *mamori_report_render_finish        (GAsyncResult              *result,
                                                         GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriReportOptions, mamori_report_options_free)

G_END_DECLS
