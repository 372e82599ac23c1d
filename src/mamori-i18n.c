/* mamori-i18n.c — translated text, in the interface's language or another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-i18n.h"

/* The real functions, not our macros. */
#undef _
#undef C_
#undef g_dngettext

/* A compiled message catalog (.mo) read directly, so that a pack can be
 * written in Japanese on a system where no Japanese locale is generated:
 * gettext() itself only follows the process's locale. */
typedef struct
{
  GMappedFile  *file;
  const guint8 *data;
  gsize         length;
  gboolean      swapped;
  guint32       n_strings;
  guint32       originals;
  guint32       translations;
} MoFile;

enum { FOLLOW_UI, JAPANESE, ENGLISH };
static __thread int thread_language;

static guint32
mo_word (const MoFile *mo,
         guint32       offset)
{
  guint32 word;

  memcpy (&word, mo->data + offset, sizeof word);
  return mo->swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* String @index of the table at @table, or NULL if the file lies. */
static const char *
mo_string (const MoFile *mo,
           guint32       table,
           guint32       index,
           guint32      *out_length)
{
  guint32 length, offset;

  length = mo_word (mo, table + index * 8);
  offset = mo_word (mo, table + index * 8 + 4);
  if (offset >= mo->length || length >= mo->length - offset || mo->data[offset + length] != '\0')
    return NULL;
  if (out_length != NULL)
    *out_length = length;
  return (const char *) mo->data + offset;
}

static MoFile *
mo_file_load (const char *language)
{
  const char *localedir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = g_build_filename (localedir != NULL ? localedir : LOCALEDIR, language,
                                            "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  MoFile *mo;
  guint32 magic;

  if (file == NULL || g_mapped_file_get_length (file) < 28)
    return NULL;

  mo = g_new0 (MoFile, 1);
  mo->data = (const guint8 *) g_mapped_file_get_contents (file);
  mo->length = g_mapped_file_get_length (file);
  memcpy (&magic, mo->data, sizeof magic);
  mo->swapped = magic == GUINT32_SWAP_LE_BE (0x950412de);
  mo->n_strings = mo_word (mo, 8);
  mo->originals = mo_word (mo, 12);
  mo->translations = mo_word (mo, 16);
  if ((magic != 0x950412de && !mo->swapped)
      || mo->originals > mo->length || mo->translations > mo->length
      || mo->n_strings > (mo->length - mo->originals) / 8
      || mo->n_strings > (mo->length - mo->translations) / 8)
    {
      g_free (mo);
      return NULL;
    }
  mo->file = g_steal_pointer (&file);
  return mo;
}

/* Only Japanese is ever looked up this way: English is the msgids. */
static const MoFile *
japanese_catalog (void)
{
  static gsize loaded;
  static MoFile *mo;

  if (g_once_init_enter (&loaded))
    {
      mo = mo_file_load (MAMORI_LANG_JA);
      g_once_init_leave (&loaded, 1);
    }
  return mo;
}

/* The translation of @msgid (with its context, if any), all its plural
 * forms separated by NULs; NULL if there is none. msgfmt sorts the
 * originals, so a binary search finds it. */
static const char *
mo_lookup (const MoFile *mo,
           const char   *msgid)
{
  guint32 low = 0, high = mo->n_strings;

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      const char *original = mo_string (mo, mo->originals, middle, NULL);
      int cmp;

      if (original == NULL)
        return NULL;
      cmp = strcmp (msgid, original);
      if (cmp == 0)
        {
          guint32 length;
          const char *translation = mo_string (mo, mo->translations, middle, &length);

          return translation != NULL && length > 0 ? translation : NULL;
        }
      if (cmp < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NULL;
}

/**
 * mamori_i18n_set_thread_language:
 * @language: (nullable): %MAMORI_LANG_JA or %MAMORI_LANG_EN, or %NULL to
 *   follow the interface again
 *
 * Makes _(), C_() and g_dngettext() in the calling thread — and
 * mamori_text_prefers_japanese(), which picks between names held in both
 * languages — answer in @language.
 */
void
mamori_i18n_set_thread_language (const char *language)
{
  if (g_strcmp0 (language, MAMORI_LANG_JA) == 0)
    thread_language = JAPANESE;
  else if (g_strcmp0 (language, MAMORI_LANG_EN) == 0)
    thread_language = ENGLISH;
  else
    {
      g_return_if_fail (language == NULL);
      thread_language = FOLLOW_UI;
    }
}

const char *
mamori_i18n_get_thread_language (void)
{
  switch (thread_language)
    {
    case JAPANESE: return MAMORI_LANG_JA;
    case ENGLISH:  return MAMORI_LANG_EN;
    default:       return NULL;
    }
}

/**
 * mamori_i18n_has_language:
 *
 * Returns: whether text can be had in @language: English always, Japanese
 *   when its translations are installed
 */
gboolean
mamori_i18n_has_language (const char *language)
{
  if (g_strcmp0 (language, MAMORI_LANG_EN) == 0)
    return TRUE;
  if (g_strcmp0 (language, MAMORI_LANG_JA) == 0)
    return japanese_catalog () != NULL;
  return FALSE;
}

const char *
mamori_i18n_gettext (const char *msgid)
{
  const MoFile *mo;
  const char *translation;

  if (thread_language == FOLLOW_UI)
    return gettext (msgid);
  if (thread_language == ENGLISH || (mo = japanese_catalog ()) == NULL)
    return msgid;
  translation = mo_lookup (mo, msgid);
  return translation != NULL ? translation : msgid;
}

const char *
mamori_i18n_pgettext (const char *msgctxtid,
                      gsize       msgidoffset)
{
  const MoFile *mo;
  const char *translation;

  if (thread_language == FOLLOW_UI)
    return g_dpgettext (NULL, msgctxtid, msgidoffset);
  if (thread_language == ENGLISH || (mo = japanese_catalog ()) == NULL)
    return msgctxtid + msgidoffset;
  translation = mo_lookup (mo, msgctxtid);
  return translation != NULL ? translation : msgctxtid + msgidoffset;
}

const char *
mamori_i18n_ngettext (const char *msgid,
                      const char *msgid_plural,
                      gulong      n)
{
  const MoFile *mo;
  const char *translation;

  if (thread_language == FOLLOW_UI)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (thread_language == ENGLISH || (mo = japanese_catalog ()) == NULL)
    return n == 1 ? msgid : msgid_plural;
  /* Japanese has one form. */
  translation = mo_lookup (mo, msgid);
  return translation != NULL ? translation : (n == 1 ? msgid : msgid_plural);
}
