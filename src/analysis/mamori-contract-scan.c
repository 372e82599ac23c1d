/* mamori-contract-scan.c — what a contract says about technology and know-how
 *
 * The guidance on technology leaks asks a manager to read, before signing,
 * how a contract treats the technology each side brings, the results and
 * export control; its two cautionary cases are patents on joint results
 * ending up co-owned (then the partner took all the manufacturing) and staff
 * poached by a competitor. This scanner points at those clauses; it does not
 * interpret them.
 *
 * The text is matched in a folded copy (full-width ASCII and spaces to
 * half-width, compatibility characters to their plain form, ASCII lower
 * case), with a map from every folded byte back to the original, so the
 * passages handed back are exact slices of what the user loaded. A match is
 * scoped to one sentence, and each topic has phrases that are masked out
 * before matching because they only look like the clause: 非独占 holds 独占,
 * "exclusive jurisdiction" is about courts, "may export" is a permission.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mamori-i18n.h"

#include "mamori-contract-scan.h"

struct _MamoriContractScan
{
  MamoriContractFinding findings[MAMORI_N_CONTRACT_TOPICS];
  MamoriContractFlags flags;
  guint n_articles;
};

/* Patterns are '|'-separated alternatives, matched in the folded text.
 * An ASCII alternative matches whole words; a trailing '*' lets it match a
 * word's beginning. A rule matches a sentence when it holds one of `any`,
 * one of `also` (if given) and none of `none`, after `mask` is blanked. */
typedef struct
{
  MamoriContractTopic topic;
  const char *any;
  const char *also;
  const char *none;
  const char *mask;
} Rule;

#define EXCLUSIVITY_MASK \
  "非独占|非排他|専属的合意管轄|専属的管轄|専属管轄|独占禁止法|私的独占|" \
  "non-exclusive*|nonexclusive*|non exclusive*|exclusive jurisdiction|exclusive venue|" \
  "exclusive remed*|exclusive of|exclusively responsible|exclusive property|sole and exclusive remed*"

static const Rule rules[] = {
  { MAMORI_CONTRACT_TOPIC_BACKGROUND_IP,
    "バックグラウンド|従前から保有|従前より保有|以前から甲が保有|以前から乙が保有|以前から保有|"
    "background ip|background intellectual property|background technology|background patent*|"
    "pre-existing intellectual property|pre-existing ip|preexisting intellectual property|pre-existing technology",
    NULL, NULL, NULL },

  { MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    "帰属",
    "知的財産|特許|著作権|発明|成果|実用新案|意匠|ノウハウ",
    "秘密情報|機密情報|個人情報", NULL },
  { MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP,
    "shall belong to|shall vest in|will belong to|shall be owned by|will be owned by|ownership of|title to|owned solely by",
    "result*|invention*|deliverable*|work product|intellectual property|foreground|patent*|developments",
    "confidential*", NULL },

  { MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP,
    "共有",
    "特許|知的財産|発明|成果|著作権|実用新案|意匠",
    "情報の共有|情報を共有|共有等|貸与", NULL },
  { MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP,
    "jointly owned|joint ownership|co-owned|co-ownership|owned jointly|joint owner*|jointly own",
    NULL, "information", NULL },

  { MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS,
    "改良発明|改良技術|改良、改善|改良・改善|改良または改善|改良を|改良が|改良に",
    NULL, NULL, NULL },
  { MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS,
    "improvement*|grant-back*|grantback*|grant back",
    "invent*|patent*|technolog*|licen*|disclose*|grant*|own*",
    NULL, NULL },

  { MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    "実施権|使用権|利用権|実施を許諾|使用を許諾|利用を許諾|ライセンス|実施許諾|再実施許諾",
    NULL, NULL, NULL },
  { MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE,
    "licen*", "grant*|scope|territory|sublicen*", NULL, NULL },

  { MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY,
    "秘密保持|秘密情報|機密情報|機密保持|守秘|confidential*|non-disclosure|nondisclosure",
    NULL, NULL, NULL },

  { MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    "独占|排他的|専用実施権|競合開発|競業|競合する|競合品|競合製品|"
    "exclusive*|exclusivity|non-compete|noncompete|not compete|not to compete|competing product*|competing business*",
    NULL, NULL, EXCLUSIVITY_MASK },
  /* The first case of the guidance: the partner ends up with all the
   * manufacturing. */
  { MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    "製造|生産",
    "以外に委託し|以外の第三者に委託し|以外の者に委託し|以外に発注し|以外の第三者に発注し|のみに委託|のみに発注|のみから購入",
    NULL, NULL },
  { MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE,
    "manufactur*|produc*|supply|supplies",
    "solely from|only from|sole supplier|sole manufacturer|no other supplier|no other manufacturer",
    NULL, NULL },

  { MAMORI_CONTRACT_TOPIC_NON_SOLICITATION,
    "引抜|引き抜|ヘッドハンティング|non-solicit*|nonsolicit*|no-poach*",
    NULL, NULL, NULL },
  { MAMORI_CONTRACT_TOPIC_NON_SOLICITATION,
    "勧誘|雇用し|雇い入れ|採用し|転職を",
    "従業員|役員|社員|人材|技術者|職員",
    NULL, NULL },
  { MAMORI_CONTRACT_TOPIC_NON_SOLICITATION,
    "solicit*|poach*|hire|hiring|recruit*|entice*",
    "employee*|personnel|staff|engineers",
    NULL, NULL },

  { MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL,
    "外為法|外国為替及び外国貿易法|輸出管理|輸出規制|輸出入管理|輸出関連法規|安全保障貿易|該非判定|該非|"
    "リスト規制|キャッチオール|再輸出|最終用途|"
    "export control*|export administration|export regulation*|export law*|ear|itar|re-export*|reexport*|"
    "end use|end-use|end uses|end-uses|deemed export*",
    NULL, NULL, NULL },

  { MAMORI_CONTRACT_TOPIC_GOVERNING_LAW,
    "準拠法|日本法|日本国法|管轄|仲裁|governing law|governed by|jurisdiction|venue|arbitration",
    NULL, NULL, NULL },

  { MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL,
    "存続|効力を有する|なお有効|surviv*",
    NULL, NULL, NULL },
};

#define GRANT "許諾|実施権|使用権|利用権|licen*"
#define ROYALTY_FREE "無償|無料|royalty-free|royalty free|free of charge|without charge|fully paid*"
#define PERPETUAL "永久|無期限|期間の定めなく|取消不能|撤回不能|perpetual*|irrevocabl*"
#define RETURN "返還|返却|破棄|廃棄|消去|return*|destroy*|destruction|erase*|delete*"

typedef struct
{
  const char *orig;
  gsize orig_len;
  GString *norm;
  GArray *map;             /* gsize: original offset of each folded byte */
  GPtrArray *labels;       /* char *, owned */
  GString *scratch;
} Scanner;

static gunichar
fold_char (gunichar c)
{
  gunichar out[4];
  gsize n;

  if (c < 0x80)
    return g_ascii_tolower (c);
  /* Circled and parenthesized numbers mark paragraphs; kana and kanji
   * need no folding. */
  if ((c >= 0x2460 && c <= 0x24FF) || (c >= 0x3040 && c <= 0x30FF)
      || (c >= 0x3200 && c <= 0x32FF) || (c >= 0x4E00 && c <= 0x9FFF))
    return c;
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
    return '-';
  if (c == 0x2018 || c == 0x2019)
    return '\'';
  if (c == 0x201C || c == 0x201D)
    return '"';
  n = g_unichar_fully_decompose (c, TRUE, out, G_N_ELEMENTS (out));
  if (n == 1 && out[0] != 0)
    return out[0] < 0x80 ? (gunichar) g_ascii_tolower (out[0]) : out[0];
  return c;
}

static void
fold_text (Scanner *s)
{
  const char *p = s->orig;
  const char *end = s->orig + s->orig_len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gsize from = p - s->orig;
      gsize step;
      char buf[6];
      gint n;

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        {
          /* Invalid bytes and NULs read as a space, one byte at a time. */
          c = ' ';
          step = 1;
        }
      else
        {
          step = g_utf8_next_char (p) - p;
          c = fold_char (c);
          if (c == '\r' || c == '\t' || c == 0x3000 || c == 0xA0)
            c = (c == '\r') ? '\n' : ' ';
        }
      n = g_unichar_to_utf8 (c, buf);
      g_string_append_len (s->norm, buf, n);
      for (gint i = 0; i < n; i++)
        g_array_append_val (s->map, from);
      p += step;
    }
}

static gsize
orig_offset (Scanner *s,
             gsize    norm_offset)
{
  if (norm_offset >= s->norm->len)
    return s->orig_len;
  return g_array_index (s->map, gsize, norm_offset);
}

static inline gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c);
}

/* Whether one alternative (a..a_end) occurs in hay. */
static gboolean
find_alternative (const char *hay,
                  gsize       hay_len,
                  const char *a,
                  gsize       a_len)
{
  gboolean prefix = FALSE;
  gboolean ascii = TRUE;
  const char *p;
  const char *end = hay + hay_len;

  if (a_len > 0 && a[a_len - 1] == '*')
    {
      prefix = TRUE;
      a_len--;
    }
  if (a_len == 0 || a_len > hay_len)
    return FALSE;
  for (gsize i = 0; i < a_len; i++)
    if ((guchar) a[i] >= 0x80)
      ascii = FALSE;

  p = hay;
  while (p + a_len <= end)
    {
      const char *hit = memchr (p, a[0], end - p - a_len + 1);

      if (hit == NULL)
        return FALSE;
      if (memcmp (hit, a, a_len) == 0)
        {
          if (!ascii)
            return TRUE;
          if ((hit == hay || !is_word_byte (hit[-1]))
              && (prefix || hit + a_len == end || !is_word_byte (hit[a_len])))
            return TRUE;
        }
      p = hit + 1;
    }
  return FALSE;
}

static gboolean
find_any (const char *hay,
          gsize       hay_len,
          const char *alternatives)
{
  const char *a = alternatives;

  while (*a != '\0')
    {
      const char *bar = strchr (a, '|');
      gsize len = bar != NULL ? (gsize) (bar - a) : strlen (a);

      if (find_alternative (hay, hay_len, a, len))
        return TRUE;
      if (bar == NULL)
        break;
      a = bar + 1;
    }
  return FALSE;
}

/* Blanks every occurrence of the mask phrases, keeping the length. */
static void
apply_mask (char       *text,
            gsize       len,
            const char *alternatives)
{
  const char *a = alternatives;

  while (*a != '\0')
    {
      const char *bar = strchr (a, '|');
      gsize a_len = bar != NULL ? (gsize) (bar - a) : strlen (a);

      if (a_len > 0 && a[a_len - 1] == '*')
        a_len--;
      if (a_len > 0)
        {
          char *p = text;

          while (p + a_len <= text + len)
            {
              char *hit = memchr (p, a[0], text + len - p - a_len + 1);

              if (hit == NULL)
                break;
              if (memcmp (hit, a, a_len) == 0)
                {
                  memset (hit, ' ', a_len);
                  p = hit + a_len;
                }
              else
                p = hit + 1;
            }
        }
      if (bar == NULL)
        break;
      a = bar + 1;
    }
}

static gboolean
rule_matches (Scanner    *s,
              const Rule *rule,
              const char *text,
              gsize       len)
{
  if (rule->mask != NULL)
    {
      g_string_truncate (s->scratch, 0);
      g_string_append_len (s->scratch, text, len);
      apply_mask (s->scratch->str, len, rule->mask);
      text = s->scratch->str;
    }

  return find_any (text, len, rule->any)
         && (rule->also == NULL || find_any (text, len, rule->also))
         && (rule->none == NULL || !find_any (text, len, rule->none));
}

static void
passage_free (gpointer data)
{
  MamoriContractPassage *passage = data;

  g_free (passage->article);
  g_free (passage->text);
  g_free (passage);
}

static void
add_passage (MamoriContractScan *scan,
             Scanner            *s,
             MamoriContractTopic topic,
             const char         *label,
             gsize               start,
             gsize               end)
{
  MamoriContractFinding *finding = &scan->findings[topic];
  MamoriContractPassage *passage = g_new0 (MamoriContractPassage, 1);

  passage->article = g_strdup (label);
  passage->start = orig_offset (s, start);
  passage->end = orig_offset (s, end);
  /* Not g_strndup(): a NUL in the input must not shorten the passage. */
  passage->text = g_malloc (passage->end - passage->start + 1);
  memcpy (passage->text, s->orig + passage->start, passage->end - passage->start);
  passage->text[passage->end - passage->start] = '\0';
  finding->found = TRUE;
  g_ptr_array_add (finding->passages, passage);
}

typedef struct
{
  gboolean any_grant_free;
  gboolean any_grant_perpetual;
  gboolean any_return;
} Facts;

static void
scan_sentence (MamoriContractScan *scan,
               Scanner            *s,
               Facts              *facts,
               const char         *label,
               gsize               start,
               gsize               end)
{
  const char *text;
  gsize len;
  gboolean topic_seen[MAMORI_N_CONTRACT_TOPICS] = { FALSE, };

  /* Trim spaces and line breaks so the passage is the sentence itself. */
  while (start < end && (s->norm->str[start] == ' ' || s->norm->str[start] == '\n'))
    start++;
  while (end > start && (s->norm->str[end - 1] == ' ' || s->norm->str[end - 1] == '\n'))
    end--;
  if (start == end)
    return;

  text = s->norm->str + start;
  len = end - start;

  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (topic_seen[rules[i].topic])
        continue;
      if (rule_matches (s, &rules[i], text, len))
        {
          topic_seen[rules[i].topic] = TRUE;
          add_passage (scan, s, rules[i].topic, label, start, end);
        }
    }

  if (find_any (text, len, GRANT))
    {
      if (find_any (text, len, ROYALTY_FREE))
        facts->any_grant_free = TRUE;
      if (find_any (text, len, PERPETUAL))
        facts->any_grant_perpetual = TRUE;
    }
  if (find_any (text, len, RETURN))
    facts->any_return = TRUE;
}

/* Whether the word ending at the period at @dot is an abbreviation, which
 * does not end a sentence: initials ("U.S.", "e.g.") and the usual
 * short forms of contracts ("No. 3", "Co., Ltd."). */
static gboolean
is_abbreviation (const char *t,
                 gsize       start,
                 gsize       dot)
{
  static const char *const words[] = { "no", "art", "arts", "sec", "co", "corp", "inc", "ltd", "mr", "ms", "dr", "vs", "para" };
  gsize word = dot;

  while (word > start && g_ascii_isalpha (t[word - 1]))
    word--;
  /* The last of a run of initials; a lone letter, as in "Party A.", ends. */
  if (dot - word == 1 && word > start && t[word - 1] == '.')
    return TRUE;
  for (gsize k = 0; k < G_N_ELEMENTS (words); k++)
    if (strlen (words[k]) == dot - word && g_ascii_strncasecmp (t + word, words[k], dot - word) == 0)
      return TRUE;
  return FALSE;
}

/* Splits a stretch of text into sentences: at 。, at ". " after a word,
 * and at line ends, except where an English line is merely wrapped. */
static void
scan_segment (MamoriContractScan *scan,
              Scanner            *s,
              Facts              *facts,
              const char         *label,
              gsize               start,
              gsize               end)
{
  const char *t = s->norm->str;
  gsize from = start;
  guint depth = 0;

  for (gsize i = start; i < end; i++)
    {
      gsize cut = 0;

      /* 。 inside brackets, as in （…を含む。）, does not end the sentence. */
      if (t[i] == '(')
        depth++;
      else if (t[i] == ')' && depth > 0)
        depth--;
      else if (t[i] == '\n')
        depth = 0;

      if (depth > 0)
        continue;
      if ((guchar) t[i] == 0xE3 && i + 2 < end && (guchar) t[i + 1] == 0x80 && (guchar) t[i + 2] == 0x82)
        cut = i + 3;  /* 。 */
      else if ((t[i] == '.' || t[i] == ';') && i + 1 < end && t[i + 1] == ' '
               && i > start && g_ascii_isalpha (t[i - 1])
               && !(t[i] == '.' && is_abbreviation (t, start, i)))
        cut = i + 1;
      else if (t[i] == '\n')
        {
          gsize next = i + 1;

          while (next < end && t[next] == ' ')
            next++;
          if (!(i > start && (g_ascii_isalpha (t[i - 1]) || t[i - 1] == ',' || t[i - 1] == '-')
                && next < end && g_ascii_islower (t[next])))
            cut = i + 1;
        }

      if (cut != 0)
        {
          scan_sentence (scan, s, facts, label, from, cut);
          from = cut;
          i = cut - 1;
        }
    }
  scan_sentence (scan, s, facts, label, from, end);
}

/* Numbers as they head articles: arabic or kanji. Returns the bytes read. */
static gsize
read_number (const char *p,
             const char *end,
             gboolean    kanji)
{
  const char *start = p;

  while (p < end)
    {
      if (g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      if (kanji)
        {
          static const char *const numerals[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千" };
          gboolean hit = FALSE;

          for (gsize k = 0; k < G_N_ELEMENTS (numerals); k++)
            if ((gsize) (end - p) >= 3 && memcmp (p, numerals[k], 3) == 0)
              {
                p += 3;
                hit = TRUE;
                break;
              }
          if (hit)
            continue;
        }
      break;
    }
  return p - start;
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

typedef enum
{
  MARK_NONE,
  MARK_ARTICLE,    /* 第N条, Article N, Section N, and "N." in English */
  MARK_PARAGRAPH,  /* 第N項, N, N., N.N, ①, (N) */
  MARK_CAPTION,    /* （目的） on its own line */
} Mark;

/* Recognizes what heads a line; *len receives the marker's length. */
static Mark
classify_line (const char *p,
               const char *end,
               gboolean    japanese,
               gboolean    english_articles,
               gsize      *len)
{
  gsize n;

  *len = 0;
  if (has_prefix (p, end, "第") && (n = read_number (p + 3, end, TRUE)) > 0)
    {
      if (has_prefix (p + 3 + n, end, "条"))
        {
          const char *after = p + 3 + n + 3;

          /* "第4条第2項の規定は" at a line's start refers to an article. */
          if (after < end && *after != ' ' && *after != '(')
            return MARK_NONE;
          *len = 3 + n + 3;
          return MARK_ARTICLE;
        }
      if (has_prefix (p + 3 + n, end, "項"))
        {
          *len = 3 + n + 3;
          return MARK_PARAGRAPH;
        }
      return MARK_NONE;
    }
  if (!japanese && (has_prefix (p, end, "article ") || has_prefix (p, end, "section ")))
    {
      gsize m = read_number (p + 8, end, FALSE);

      if (m > 0)
        {
          *len = 8 + m;
          return MARK_ARTICLE;
        }
      return MARK_NONE;
    }
  if ((n = read_number (p, end, FALSE)) > 0 && n < 4)
    {
      const char *q = p + n;

      if (q < end && *q == '.' && q + 1 < end && g_ascii_isdigit (q[1]))
        {
          q += 1 + read_number (q + 1, end, FALSE);
          if (q < end && *q == '.')
            q++;
          if (q < end && *q == ' ')
            {
              *len = q - p;
              return MARK_PARAGRAPH;
            }
          return MARK_NONE;
        }
      if (q < end && *q == '.')
        q++;
      if (q < end && *q == ' ')
        {
          *len = q - p;
          while (*len > 0 && (p[*len - 1] == ' ' || p[*len - 1] == '.'))
            (*len)--;
          if (!japanese && !english_articles && p[n] == '.')
            return MARK_ARTICLE;
          return MARK_PARAGRAPH;
        }
      return MARK_NONE;
    }
  if (p + 3 <= end && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x91
      && (guchar) p[2] >= 0xA0 && (guchar) p[2] <= 0xB3)
    {
      *len = 3;  /* ① to ⑳ */
      return MARK_PARAGRAPH;
    }
  if (p < end && *p == '(')
    {
      const char *close = memchr (p, ')', end - p);
      gsize inner = close != NULL ? (gsize) (close - p - 1) : 0;

      if (close != NULL && inner > 0 && inner <= 3 && read_number (p + 1, close, FALSE) == inner)
        {
          *len = inner + 2;
          return MARK_PARAGRAPH;
        }
      if (close != NULL && inner > 0 && inner <= 2 && g_ascii_islower (p[1]))
        {
          *len = inner + 2;
          return MARK_PARAGRAPH;
        }
      if (close != NULL && close + 1 == end && inner < 60)
        {
          /* A caption has no sentence end in it. */
          const char *dot = g_strstr_len (p, end - p, "。");

          return dot == NULL ? MARK_CAPTION : MARK_NONE;
        }
    }
  return MARK_NONE;
}

/* Keeps a label "<article><before><marker><after>" for the passages. */
static const char *
intern_label (Scanner    *s,
              const char *article,
              const char *before,
              const char *marker,
              gsize       marker_len,
              const char *after)
{
  g_autofree char *marker_text = g_strndup (marker, marker_len);
  char *label = g_strconcat (article != NULL ? article : "", before, marker_text, after, NULL);

  g_ptr_array_add (s->labels, label);
  return label;
}

static void
scan_text (MamoriContractScan *scan,
           Scanner            *s)
{
  const char *t = s->norm->str;
  const char *end = t + s->norm->len;
  gboolean japanese = FALSE;
  gboolean english_articles = FALSE;
  const char *article = NULL;
  const char *label = NULL;
  gsize segment_start = 0;
  gssize caption_start = -1;
  gsize caption_end = 0;
  Facts facts = { FALSE, };

  /* Which numbering the document uses decides what "1." means. */
  for (const char *line = t; line < end;)
    {
      const char *eol = memchr (line, '\n', end - line);
      const char *p = line;
      gsize len;

      eol = eol != NULL ? eol : end;
      while (p < eol && *p == ' ')
        p++;
      if (classify_line (p, eol, FALSE, FALSE, &len) == MARK_ARTICLE)
        {
          if (has_prefix (p, eol, "第"))
            japanese = TRUE;
          else if (!g_ascii_isdigit (*p))
            english_articles = TRUE;
        }
      line = eol + 1;
    }

  for (const char *line = t; line < end;)
    {
      const char *eol = memchr (line, '\n', end - line);
      const char *p = line;
      const char *q;
      gsize at = line - t;
      gsize len;
      Mark mark;

      eol = eol != NULL ? eol : end;
      while (p < eol && *p == ' ')
        p++;
      q = eol;
      while (q > p && q[-1] == ' ')
        q--;
      line = eol + 1;
      if (p == q)
        continue;
      mark = classify_line (p, q, japanese, english_articles, &len);

      if (mark == MARK_NONE)
        {
          if (caption_start >= 0)
            {
              scan_segment (scan, s, &facts, label, caption_start, caption_end);
              caption_start = -1;
            }
          continue;
        }

      scan_segment (scan, s, &facts, label, segment_start, at);
      segment_start = at;

      switch (mark)
        {
        case MARK_CAPTION:
          if (caption_start >= 0)
            scan_segment (scan, s, &facts, label, caption_start, caption_end);
          caption_start = at;
          caption_end = q - t;
          segment_start = caption_end;
          continue;
        case MARK_ARTICLE:
          {
            gsize o_start = orig_offset (s, p - t);
            gsize o_end = orig_offset (s, p - t + len);

            article = intern_label (s, NULL, "", s->orig + o_start, o_end - o_start, "");
            label = article;
            scan->n_articles++;
          }
          break;
        case MARK_PARAGRAPH:
          if (article == NULL && !(g_ascii_isdigit (*p) && memchr (p, '.', len) != NULL))
            break;
          if (japanese && g_ascii_isdigit (*p))
            label = intern_label (s, article, "第", p, len, "項");
          else if (has_prefix (p, q, "第"))
            label = intern_label (s, article, "", s->orig + orig_offset (s, p - t),
                                  orig_offset (s, p - t + len) - orig_offset (s, p - t), "");
          else if (g_ascii_isdigit (*p) && memchr (p, '.', len) != NULL)
            label = intern_label (s, NULL, "", p, len, "");
          else
            label = intern_label (s, article, "", p, len, "");
          break;
        case MARK_NONE:
        default:
          g_assert_not_reached ();
        }

      if (caption_start >= 0)
        {
          /* The caption heads the article or paragraph that follows it. */
          scan_segment (scan, s, &facts, label, caption_start, caption_end);
          caption_start = -1;
        }
    }

  if (caption_start >= 0)
    scan_segment (scan, s, &facts, label, caption_start, caption_end);
  scan_segment (scan, s, &facts, label, segment_start, s->norm->len);

  if (scan->findings[MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP].found)
    scan->findings[MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP].flags |= MAMORI_CONTRACT_FLAG_JOINT_OWNERSHIP;
  if (facts.any_grant_free)
    scan->findings[MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE].flags |= MAMORI_CONTRACT_FLAG_ROYALTY_FREE_LICENSE;
  if (facts.any_grant_perpetual)
    scan->findings[MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE].flags |= MAMORI_CONTRACT_FLAG_PERPETUAL_LICENSE;
  if (scan->findings[MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY].found && !facts.any_return)
    scan->findings[MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY].flags |= MAMORI_CONTRACT_FLAG_NO_RETURN_OBLIGATION;
}

MamoriContractScan *
mamori_contract_scan (const char *utf8_text,
                      gssize      length,
                      gboolean    counterparty_outside_group_a)
{
  MamoriContractScan *scan;
  Scanner s = { NULL, };

  g_return_val_if_fail (utf8_text != NULL || length == 0, NULL);

  scan = g_new0 (MamoriContractScan, 1);
  for (guint i = 0; i < MAMORI_N_CONTRACT_TOPICS; i++)
    {
      scan->findings[i].topic = i;
      scan->findings[i].passages = g_ptr_array_new_with_free_func (passage_free);
    }

  s.orig = utf8_text != NULL ? utf8_text : "";
  s.orig_len = length >= 0 ? (gsize) length : strlen (s.orig);
  s.norm = g_string_sized_new (s.orig_len + 16);
  s.map = g_array_sized_new (FALSE, FALSE, sizeof (gsize), s.orig_len + 16);
  s.labels = g_ptr_array_new_with_free_func (g_free);
  s.scratch = g_string_new (NULL);

  fold_text (&s);
  scan_text (scan, &s);

  if (counterparty_outside_group_a && !scan->findings[MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL].found)
    scan->findings[MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL].flags |= MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL;
  for (guint i = 0; i < MAMORI_N_CONTRACT_TOPICS; i++)
    scan->flags |= scan->findings[i].flags;

  g_string_free (s.norm, TRUE);
  g_array_unref (s.map);
  g_ptr_array_unref (s.labels);
  g_string_free (s.scratch, TRUE);

  return scan;
}

const MamoriContractFinding *
mamori_contract_scan_get_finding (MamoriContractScan  *scan,
                                  MamoriContractTopic  topic)
{
  g_return_val_if_fail (scan != NULL, NULL);
  g_return_val_if_fail (topic < MAMORI_N_CONTRACT_TOPICS, NULL);

  return &scan->findings[topic];
}

MamoriContractFlags
mamori_contract_scan_get_flags (MamoriContractScan *scan)
{
  g_return_val_if_fail (scan != NULL, 0);

  return scan->flags;
}

guint
mamori_contract_scan_get_n_articles (MamoriContractScan *scan)
{
  g_return_val_if_fail (scan != NULL, 0);

  return scan->n_articles;
}

void
mamori_contract_scan_free (MamoriContractScan *scan)
{
  if (scan == NULL)
    return;

  for (guint i = 0; i < MAMORI_N_CONTRACT_TOPICS; i++)
    g_ptr_array_unref (scan->findings[i].passages);
  g_free (scan);
}

const char *
mamori_contract_topic_get_id (MamoriContractTopic topic)
{
  static const char *const ids[] = {
    "background_ip", "foreground_ownership", "joint_ownership", "improvement_inventions",
    "license_scope", "confidentiality", "exclusivity_noncompete", "non_solicitation",
    "export_control", "governing_law", "termination_survival",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == MAMORI_N_CONTRACT_TOPICS);
  g_return_val_if_fail (topic < MAMORI_N_CONTRACT_TOPICS, NULL);

  return ids[topic];
}

const char *
mamori_contract_topic_get_label (MamoriContractTopic topic)
{
  g_return_val_if_fail (topic < MAMORI_N_CONTRACT_TOPICS, NULL);

  switch (topic)
    {
    case MAMORI_CONTRACT_TOPIC_BACKGROUND_IP:
      /* Translators: a contract clause: the technology each party brings (持ち寄り技術) */
      return _("Background technology");
    case MAMORI_CONTRACT_TOPIC_FOREGROUND_OWNERSHIP:
      /* Translators: a contract clause: who owns the results (成果の帰属) */
      return _("Ownership of results");
    case MAMORI_CONTRACT_TOPIC_JOINT_OWNERSHIP:
      /* Translators: a contract clause: results or patents co-owned (共有) */
      return _("Joint ownership of results");
    case MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS:
      /* Translators: a contract clause (改良発明) */
      return _("Improvements");
    case MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE:
      /* Translators: a contract clause (実施許諾の範囲) */
      return _("Licence scope");
    case MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY:
      /* Translators: a contract clause (秘密保持) */
      return _("Confidentiality");
    case MAMORI_CONTRACT_TOPIC_EXCLUSIVITY_NONCOMPETE:
      /* Translators: a contract clause (独占・競業避止) */
      return _("Exclusivity and non-compete");
    case MAMORI_CONTRACT_TOPIC_NON_SOLICITATION:
      /* Translators: a contract clause forbidding poaching staff (引抜き禁止) */
      return _("Non-solicitation of staff");
    case MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL:
      /* Translators: a contract clause (輸出管理) */
      return _("Export control");
    case MAMORI_CONTRACT_TOPIC_GOVERNING_LAW:
      /* Translators: a contract clause (準拠法・合意管轄) */
      return _("Governing law and jurisdiction");
    case MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL:
      /* Translators: a contract clause: what stays in force after the end (存続条項) */
      return _("Survival after termination");
    case MAMORI_N_CONTRACT_TOPICS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
mamori_contract_flag_get_id (MamoriContractFlags single_flag)
{
  switch (single_flag)
    {
    case MAMORI_CONTRACT_FLAG_JOINT_OWNERSHIP:
      return "joint_ownership";
    case MAMORI_CONTRACT_FLAG_ROYALTY_FREE_LICENSE:
      return "royalty_free_license";
    case MAMORI_CONTRACT_FLAG_PERPETUAL_LICENSE:
      return "perpetual_license";
    case MAMORI_CONTRACT_FLAG_NO_RETURN_OBLIGATION:
      return "no_return_obligation";
    case MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL:
      return "no_export_control";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
mamori_contract_flag_get_label (MamoriContractFlags single_flag)
{
  switch (single_flag)
    {
    case MAMORI_CONTRACT_FLAG_JOINT_OWNERSHIP:
      /* Translators: a warning on a contract */
      return _("Results or patents are jointly owned");
    case MAMORI_CONTRACT_FLAG_ROYALTY_FREE_LICENSE:
      /* Translators: a warning on a contract */
      return _("A licence is granted free of charge");
    case MAMORI_CONTRACT_FLAG_PERPETUAL_LICENSE:
      /* Translators: a warning on a contract */
      return _("A licence is granted without time limit");
    case MAMORI_CONTRACT_FLAG_NO_RETURN_OBLIGATION:
      /* Translators: a warning on a contract */
      return _("Confidential information need not be returned or destroyed");
    case MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL:
      /* Translators: a warning on a contract with a partner outside Group A countries */
      return _("No export control clause with a partner outside Group A");
    default:
      g_return_val_if_reached (NULL);
    }
}
