/* mamori-end-users.h — screening counterparties against METI's End User List
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "io/mamori-asset-csv.h"   /* MamoriImportProblem */

G_BEGIN_DECLS

#define MAMORI_END_USER_ERROR (mamori_end_user_error_quark ())

typedef enum
{
  MAMORI_END_USER_ERROR_NO_NAME_COLUMN,   /* no header names the company column */
} MamoriEndUserError;

/* What a column of the user's CSV file becomes. */
typedef enum
{
  MAMORI_END_USER_FIELD_IGNORE,
  MAMORI_END_USER_FIELD_NUMBER,    /* No. / 番号 */
  MAMORI_END_USER_FIELD_COUNTRY,   /* Country or Region / 国名・地域名 */
  MAMORI_END_USER_FIELD_NAME,      /* Company or Organization / 企業名・組織名 */
  MAMORI_END_USER_FIELD_ALIASES,   /* Also Known As / 別名 */
  MAMORI_END_USER_FIELD_CONCERN,   /* Type of WMD / 懸念区分 */
  MAMORI_N_END_USER_FIELDS
} MamoriEndUserField;

/* One listed entity, as published. */
typedef struct
{
  guint  number;    /* 0 if none */
  char  *country;
  char  *name;
  char  *aliases;   /* as published: several names, separated as METI does */
  char  *concern;
} MamoriEndUser;

typedef struct _MamoriEndUserImport MamoriEndUserImport;
typedef struct _MamoriEndUserMatcher MamoriEndUserMatcher;

typedef enum
{
  MAMORI_END_USER_MATCH_EXACT,     /* the listed name, once noise is ignored */
  MAMORI_END_USER_MATCH_ALIAS,     /* one of its other names */
  MAMORI_END_USER_MATCH_WORDS,     /* the same words, in another order or fewer */
  MAMORI_END_USER_MATCH_SIMILAR,   /* spelled almost the same */
} MamoriEndUserMatchKind;

typedef struct
{
  const MamoriEndUser    *entry;     /* borrowed from the matcher's entries */
  MamoriEndUserMatchKind  kind;
  double                  score;     /* 0 to 1, 1 for the same name */
  char                   *matched;   /* the name or alias that matched, as published */
  char                   *reason;    /* a sentence for the user, translated */
} MamoriEndUserMatch;

GQuark                mamori_end_user_error_quark         (void);

MamoriEndUser        *mamori_end_user_new                 (guint                  number,
                                                           const char            *country,
                                                           const char            *name,
                                                           const char            *aliases,
                                                           const char            *concern);
MamoriEndUser        *mamori_end_user_copy                (const MamoriEndUser   *entry);
void                  mamori_end_user_free                (MamoriEndUser         *entry);
char                **mamori_end_user_dup_alias_list      (const MamoriEndUser   *entry);
const char           *mamori_end_user_field_get_label     (MamoriEndUserField     field);

MamoriEndUserImport  *mamori_end_user_import_new          (const guint8          *data,
                                                           gsize                  length,
                                                           GError               **error);
gpointer              mamori_end_user_import_new_from_bytes (GBytes              *contents,
                                                           GError               **error);
void                  mamori_end_user_import_free         (MamoriEndUserImport   *import);
MamoriCsvEncoding     mamori_end_user_import_get_encoding (MamoriEndUserImport   *import);
guint                 mamori_end_user_import_get_n_columns (MamoriEndUserImport  *import);
guint                 mamori_end_user_import_get_n_rows   (MamoriEndUserImport   *import);
const char           *mamori_end_user_import_get_header   (MamoriEndUserImport   *import,
                                                           guint                  column);
MamoriEndUserField    mamori_end_user_import_get_mapping  (MamoriEndUserImport   *import,
                                                           guint                  column);
void                  mamori_end_user_import_set_mapping  (MamoriEndUserImport   *import,
                                                           guint                  column,
                                                           MamoriEndUserField     field);
GPtrArray            *mamori_end_user_import_build        (MamoriEndUserImport   *import,
                                                           GPtrArray            **out_problems);

MamoriEndUserMatcher *mamori_end_user_matcher_new         (GPtrArray             *entries);
void                  mamori_end_user_matcher_free        (MamoriEndUserMatcher  *matcher);
GPtrArray            *mamori_end_user_matcher_match       (MamoriEndUserMatcher  *matcher,
                                                           const char            *name,
                                                           guint                  max_results);
void                  mamori_end_user_match_free          (MamoriEndUserMatch    *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriEndUser, mamori_end_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriEndUserImport, mamori_end_user_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriEndUserMatcher, mamori_end_user_matcher_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriEndUserMatch, mamori_end_user_match_free)

G_END_DECLS
