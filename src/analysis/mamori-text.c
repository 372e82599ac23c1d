/* mamori-text.c — text as a Japanese user types it
 *
 * Searching must find ＭＬＣＣ when the user types mlcc, ｽﾞﾒﾝ when they type
 * ずめん, and one or two characters must be enough. Both the text searched
 * and the query go through mamori_text_normalize_for_search(); a match is
 * then a plain substring test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mamori-i18n.h"
#include "mamori-text.h"

/* Hiragana U+3041..U+3096 and the iteration marks ゝゞ sit 0x60 below their
 * katakana; searching in katakana makes the two scripts one. */
static gunichar
fold_kana (gunichar c)
{
  if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E)
    return c + 0x60;
  return c;
}

/**
 * mamori_text_normalize_for_search:
 * @text: (nullable): UTF-8 text
 *
 * NFKC (full-width Latin and digits to ASCII, half-width katakana to
 * full-width, compatibility forms unfolded), then case folding, then
 * hiragana to katakana. Runs of white space become one space.
 *
 * Returns: (transfer full): the normalized text; empty for %NULL
 */
char *
mamori_text_normalize_for_search (const char *text)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean in_space = FALSE;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfkc, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (!in_space && out->len > 0)
            g_string_append_c (out, ' ');
          in_space = TRUE;
          continue;
        }
      in_space = FALSE;
      g_string_append_unichar (out, fold_kana (c));
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* Small katakana (ァィゥェォッャュョヮヵヶ) and their large forms. */
static gunichar
fold_small_kana (gunichar c)
{
  switch (c)
    {
    case 0x30A1: case 0x30A3: case 0x30A5: case 0x30A7: case 0x30A9:
    case 0x30C3: case 0x30E3: case 0x30E5: case 0x30E7: case 0x30EE:
      return c + 1;
    case 0x30F5: return 0x30AB;   /* ヵ → カ */
    case 0x30F6: return 0x30B1;   /* ヶ → ケ */
    default:     return c;
    }
}

/**
 * mamori_text_normalize_loose:
 * @text: (nullable): UTF-8 text
 *
 * mamori_text_normalize_for_search(), then what Japanese spelling lets vary:
 * small kana become large (キャ and キヤ), the long-vowel mark and the
 * middle dot go (サーバー, サーバ; セラミック・コンデンサ), and so do spaces
 * (量子 ドット). For names and short reference texts, where a query should
 * find every spelling of the same word.
 *
 * Returns: (transfer full): the normalized text; empty for %NULL
 */
char *
mamori_text_normalize_loose (const char *text)
{
  g_autofree char *normalized = mamori_text_normalize_for_search (text);
  GString *out = g_string_sized_new (strlen (normalized));

  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == 0x30FC || c == 0x30FB || c == 0xFF65 || c == 0x00B7)
        continue;
      g_string_append_unichar (out, fold_small_kana (c));
    }

  return g_string_free (out, FALSE);
}

/**
 * mamori_text_is_blank:
 *
 * Returns: whether @text is %NULL, empty, or only white space (including
 *   the full-width space U+3000)
 */
gboolean
mamori_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * mamori_text_prefers_japanese:
 *
 * Returns: whether the interface is in Japanese, so that data held in both
 *   languages (names, catalogue entries) is shown in Japanese first
 */
gboolean
mamori_text_prefers_japanese (void)
{
  const char * const *languages = g_get_language_names ();
  const char *thread_language = mamori_i18n_get_thread_language ();

  if (thread_language != NULL)
    return g_str_equal (thread_language, MAMORI_LANG_JA);
  return languages[0] != NULL && g_str_has_prefix (languages[0], "ja");
}

/**
 * mamori_text_format_local_time:
 * @iso_time: (nullable): a time as stored, ISO 8601 with its offset (UTC)
 * @format: a g_date_time_format() format
 *
 * Returns: (transfer full): @iso_time in the user's time zone, formatted;
 *   @iso_time itself if it is not a time, "" for %NULL
 */
char *
mamori_text_format_local_time (const char *iso_time,
                               const char *format)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_time == NULL || (parsed = g_date_time_new_from_iso8601 (iso_time, NULL)) == NULL)
    return g_strdup (iso_time != NULL ? iso_time : "");
  local = g_date_time_to_local (parsed);
  return g_date_time_format (local, format);
}

/**
 * mamori_text_parse_date:
 * @whole: whether nothing may follow the date (a time may, otherwise)
 *
 * Reads a date as people write them: 2026-04-01, 2026/4/1, 2026.4.1,
 * 2026年4月1日, in full-width digits too.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL if
 *   @text is not a real calendar date
 */
char *
mamori_text_parse_date (const char *text,
                        gboolean    whole)
{
  g_autofree char *normalized = NULL;
  int year, month, day;
  char rest[64] = "";

  if (text == NULL || (normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC)) == NULL)
    return NULL;
  g_strstrip (normalized);

  if (sscanf (normalized, "%4d-%2d-%2d%63s", &year, &month, &day, rest) < 3 &&
      sscanf (normalized, "%4d/%2d/%2d%63s", &year, &month, &day, rest) < 3 &&
      sscanf (normalized, "%4d.%2d.%2d%63s", &year, &month, &day, rest) < 3 &&
      sscanf (normalized, "%4d年%2d月%2d日%63s", &year, &month, &day, rest) < 3)
    return NULL;
  if (whole && rest[0] != '\0')
    return NULL;
  if (year < 1000 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/**
 * mamori_text_join_list:
 * @items: (element-type utf8): the items, in order
 *
 * Returns: (transfer full): the items as a list in a sentence, in the
 *   language of the thread: “A”, “B” and “C” (「A」、「B」、「C」)
 */
char *
mamori_text_join_list (GPtrArray *items)
{
  char *list;

  g_return_val_if_fail (items != NULL, NULL);

  list = g_strdup (items->len > 0 ? g_ptr_array_index (items, 0) : "");
  for (guint i = 1; i < items->len; i++)
    {
      /* Translators: joining the items of a list: “A”, “B” and “C” */
      char *longer = g_strdup_printf (i + 1 == items->len ? C_("list", "%s and %s") : C_("list", "%s, %s"),
                                      list, (char *) g_ptr_array_index (items, i));
      g_free (list);
      list = longer;
    }
  return list;
}

/**
 * mamori_text_format_count:
 *
 * Returns: (transfer full): @count with thousands separators, "2,000", in
 *   either language and whatever the process's locale (a C locale groups
 *   nothing)
 */
char *
mamori_text_format_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) ABS (count));
  GString *text = g_string_new (count < 0 ? "−" : NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}
