/* mamori-end-user-matcher.c — screening counterparties against METI's End User List
 *
 * A counterparty's name is compared with every listed name and alias. Both
 * are reduced to words: split at spaces and punctuation, each word keyed
 * (NFKC, case and kana folded: mamori_end_user_dup_key()), corporate forms
 * (株式会社, Co., Ltd., JSC…) dropped. Then, strictest first: the same
 * words in the same order (EXACT, or ALIAS for another name); the same
 * telling words with only common ones added or left out (WORDS); or a
 * typo or two in a long word (SIMILAR). Common words — University,
 * Institute, Technology, Industries, place names, and any word found in many
 * entries of the list — never make a match on their own, and a short name
 * matches only exactly: a screening list that flags every “Beijing … Institute”
 * would soon be ignored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mamori-i18n.h"
#include <string.h>

#include "analysis/mamori-text.h"
#include "mamori-end-users-private.h"

/* Words */

typedef struct
{
  guint     start;       /* bytes in the text, end excluded */
  guint     end;
  char     *key;         /* what is compared */
  guint     n_chars;     /* of the key */
  gboolean  initials;    /* one letter, or letters joined by dots: S.A. */
  gboolean  bracketed;   /* (株), ㈱ */
  gboolean  form;        /* a corporate form, left out */
  gboolean  stop;        /* of, the, and… */
} Token;

/* A name reduced to words. */
typedef struct
{
  char      *text;
  GArray    *tokens;     /* of Token */
  char      *key;        /* the keys of the tokens that are not forms, joined */
  gunichar  *chars;      /* the key, as characters */
  guint     *token_of;   /* the token of each character */
  guint      n_chars;
  GPtrArray *forms;      /* the corporate forms left out, as written */
} Name;

typedef struct
{
  GHashTable *forms;       /* one-word corporate forms */
  GPtrArray  *form_runs;   /* of GStrv: forms of several words */
  GPtrArray  *affixes;     /* forms written without a space: 株式会社 */
  GHashTable *bracket_forms;
  GHashTable *stop_words;
  GHashTable *common;      /* key → the word it is a form of, for common words */
  GHashTable *places;
  GPtrArray  *canonical;   /* the words standing for each group */
} Vocabulary;

static const char * const single_forms[] = {
  "co", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "company", "llc", "llp", "lp", "plc",
  "gmbh", "mbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "jsc", "ojsc", "cjsc", "pjsc",
  "oao", "zao", "ooo", "pte", "pvt", "kk", "ltda", "bhd", "fze", "fzco", "fzc", "fzllc", "coltd",
  "カンパニー", "リミテッド", "コーポレーション", "インコーポレイテッド", "インコーポレーテッド", "インク", "エルエルシー",
  "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "有限公司", "股份有限公司",
};

static const char * const form_runs[] = {
  "open joint stock company", "closed joint stock company", "public joint stock company", "joint stock company",
  "limited liability company", "limited liability partnership", "public limited company", "private limited",
  "sdn bhd", "s a", "a s",
};

/* Longest first, so that 有限公司 goes before 公司 can. */
static const char * const affixes[] = {
  "股份有限公司", "有限责任公司", "有限責任公司", "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "有限公司", "公司",
};

static const char * const bracket_forms[] = { "株", "有", "同", "合", "資", "名" };

static const char * const stop_words[] = {
  "of", "the", "and", "for", "in", "at", "on", "de", "du", "des", "la", "le", "el", "al", "und", "et", "y",
};

/* Words common in organizations' names, the first of each group standing
 * for all. They tell no entity apart: two names must share a telling word. */
static const char * const common_words[] = {
  "university", "universities", "univ", NULL,
  "institute", "institutes", "institution", "inst", NULL,
  "college", NULL, "school", NULL, "academy", "academies", NULL,
  "center", "centre", "centers", "centres", NULL,
  "laboratory", "laboratories", "lab", "labs", NULL,
  "research", NULL,
  "science", "sciences", "scientific", NULL,
  "technology", "technologies", "technological", "tech", NULL,
  "technical", NULL,
  "engineering", "engineer", "engineers", NULL,
  "industry", "industries", "industrial", NULL,
  "manufacturing", "manufacturer", "manufacturers", "manufacture", NULL,
  "factory", "factories", NULL, "plant", "plants", NULL, "works", NULL,
  "group", "groups", NULL, "holding", "holdings", NULL,
  "international", "intl", NULL, "global", NULL,
  "trading", "trade", "trader", "traders", NULL,
  "import", "imports", "importer", NULL, "export", "exports", "exporter", NULL,
  "commerce", "commercial", NULL,
  "service", "services", NULL, "system", "systems", NULL, "solution", "solutions", NULL,
  "development", "developments", NULL, "equipment", "equipments", NULL,
  "machinery", "machine", "machines", NULL, "material", "materials", NULL,
  "electronic", "electronics", NULL, "electric", "electrical", NULL,
  "chemical", "chemicals", "chemistry", NULL,
  "aviation", NULL, "national", NULL, "state", NULL, "general", NULL, "central", NULL,
  "organization", "organisation", "organizations", "organisations", NULL,
  "enterprise", "enterprises", NULL, "agency", NULL, "complex", NULL, "branch", NULL,
  "product", "products", NULL, "supply", "supplies", "supplier", NULL, "logistics", NULL, "shipping", NULL,
  "energy", NULL, "power", NULL, "defense", "defence", NULL, "military", NULL, "new", NULL, "united", NULL,
  "project", "projects", NULL, "bureau", NULL, "office", NULL, "department", NULL, "ministry", NULL,
  "laser", "lasers", NULL, "optical", "optics", NULL, "optoelectronic", "optoelectronics", NULL,
  "steel", NULL, "metal", "metals", "metallurgy", "metallurgical", NULL, "nuclear", NULL, "physics", NULL,
  "instrument", "instruments", "instrumentation", NULL, "tool", "tools", NULL, "precision", NULL, "special", NULL,
  "composite", "composites", NULL, "rocket", "rockets", NULL, "missile", "missiles", NULL, "propulsion", NULL,
  "aerospace", NULL, "aircraft", NULL, "space", NULL, "shipbuilding", NULL, "petroleum", NULL, "mining", NULL,
  "construction", NULL, "automation", NULL, "communication", "communications", NULL, "information", NULL,
  "software", NULL, "computer", "computers", NULL, "semiconductor", "semiconductors", NULL,
  "microelectronics", NULL, "radio", NULL, "radar", NULL, "vacuum", NULL, "control", "controls", NULL,
  "measurement", "measurements", NULL, "design", NULL, "studies", "study", NULL, "medical", NULL,
  "shahid", NULL,   /* “martyr”, before the names of many Iranian entities */
  "グループ", NULL, "インダストリーズ", "インダストリー", "インダストリアル", NULL,
  "テクノロジー", "テクノロジーズ", NULL, "インターナショナル", NULL, "エレクトロニクス", NULL,
  "大学", NULL, "研究所", NULL, "研究院", NULL, "工業", NULL, "科技", NULL, "集団", "集团", NULL,
  NULL,
};

/* Places are common words too. A typo in a place's name is still a typo,
 * but not when it makes another place of this list (Nanjing, Nanning). */
static const char * const places[] = {
  "china", "chinese", "prc", "beijing", "peking", "shanghai", "tianjin", "chongqing", "shenzhen", "guangzhou",
  "harbin", "nanjing", "wuhan", "xian", "chengdu", "changsha", "dalian", "hangzhou", "shenyang", "hefei",
  "taiyuan", "hong", "kong", "macau", "taiwan",
  "iran", "iranian", "tehran", "isfahan", "esfahan", "shiraz", "tabriz", "mashhad", "karaj", "qom",
  "pakistan", "pakistani", "karachi", "lahore", "islamabad", "rawalpindi",
  "russia", "russian", "moscow", "syria", "syrian", "damascus", "aleppo",
  "korea", "korean", "dprk", "pyongyang", "north", "south",
  "uae", "emirates", "dubai", "sharjah", "ajman", "afghanistan", "kabul", "israel", "india", "turkey",
  "istanbul", "iraq", "baghdad", "lebanon", "beirut", "belarus", "minsk", "armenia", "yerevan",
  "nanning", "nanchang", "nantong", "jinan", "jining", "jilin", "xining", "lanzhou", "fuzhou", "suzhou",
  "zhengzhou", "kunming", "guiyang", "urumqi", "baotou", "mianyang", "luoyang", "qingdao", "ningbo", "xiamen",
  "zhuhai", "dongguan", "foshan", "yazd", "kerman", "qazvin", "semnan", "bushehr", "ahvaz", "hamadan", "rasht",
  "peshawar", "quetta", "multan", "faisalabad", "novosibirsk", "yekaterinburg", "kazan", "samara", "omsk",
  "中国", "北京", "上海", "イラン", "パキスタン", "ロシア", "シリア", "北朝鮮", "テヘラン", "ハルビン",
};

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == '`' || c == 0x2019 || c == 0x02BC || c == 0xFF07;
}

static gboolean
is_separator (gunichar c)
{
  if (g_unichar_isspace (c))
    return TRUE;
  if (is_apostrophe (c) || c == 0x337F /* ㍿ */)
    return FALSE;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->key);
}

static gboolean
text_is (const char *text,
         guint       start,
         guint       end,
         const char *expected)
{
  return end - start == strlen (expected) && strncmp (text + start, expected, end - start) == 0;
}

static void
add_token (GArray     *tokens,
           const char *text,
           guint       start,
           guint       end,
           gboolean    bracketed)
{
  Token token = { start, end, mamori_end_user_dup_key (text + start, end - start), 0,
                  FALSE, bracketed, FALSE, FALSE };
  Token *previous = tokens->len > 0 ? &g_array_index (tokens, Token, tokens->len - 1) : NULL;

  token.n_chars = g_utf8_strlen (token.key, -1);
  if (token.n_chars == 0)
    {
      g_free (token.key);
      return;
    }
  token.initials = token.n_chars == 1 && g_ascii_isalpha (token.key[0]);

  /* S.A., U.S.A.: one word. */
  if (token.initials && previous != NULL && previous->initials &&
      (text_is (text, previous->end, start, ".") || text_is (text, previous->end, start, "．")))
    {
      char *key = g_strconcat (previous->key, token.key, NULL);

      g_free (previous->key);
      g_free (token.key);
      previous->key = key;
      previous->n_chars++;
      previous->end = end;
      return;
    }

  g_array_append_val (tokens, token);
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *start = NULL;

  g_array_set_clear_func (tokens, token_clear);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean stock = c == 0x3231 || c == 0x3232;   /* ㈱ ㈲ */

      if (c == 0 || stock || is_separator (c))
        {
          if (start != NULL)
            add_token (tokens, text, start - text, p - text, FALSE);
          start = NULL;
          if (stock)
            add_token (tokens, text, p - text, g_utf8_next_char (p) - text, TRUE);
          if (c == 0)
            break;
        }
      else if (start == NULL)
        start = p;
    }

  return tokens;
}

static Vocabulary *
vocabulary_new (void)
{
  Vocabulary *v = g_new0 (Vocabulary, 1);
  const char *canonical = NULL;

  v->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (single_forms); i++)
    g_hash_table_add (v->forms, mamori_end_user_dup_key (single_forms[i], -1));

  v->form_runs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < G_N_ELEMENTS (form_runs); i++)
    {
      g_autoptr(GArray) tokens = tokenize (form_runs[i]);
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint j = 0; j < tokens->len; j++)
        g_strv_builder_add (builder, g_array_index (tokens, Token, j).key);
      g_ptr_array_add (v->form_runs, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }

  v->affixes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (affixes); i++)
    g_ptr_array_add (v->affixes, mamori_end_user_dup_key (affixes[i], -1));

  v->bracket_forms = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (bracket_forms); i++)
    g_hash_table_add (v->bracket_forms, (gpointer) bracket_forms[i]);

  v->stop_words = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    g_hash_table_add (v->stop_words, (gpointer) stop_words[i]);

  v->common = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v->canonical = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (common_words) - 1; i++)
    {
      if (common_words[i] == NULL)
        {
          canonical = NULL;
          continue;
        }
      char *key = mamori_end_user_dup_key (common_words[i], -1);
      if (canonical == NULL)
        {
          canonical = g_strdup (key);
          g_ptr_array_add (v->canonical, (gpointer) canonical);
        }
      g_hash_table_insert (v->common, key, (gpointer) canonical);
    }

  v->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      char *key = mamori_end_user_dup_key (places[i], -1);
      char *word = g_strdup (key);

      g_ptr_array_add (v->canonical, word);
      g_hash_table_insert (v->common, g_strdup (key), word);
      g_hash_table_add (v->places, key);
    }

  return v;
}

/* Made once, kept for the program. */
static const Vocabulary *
get_vocabulary (void)
{
  static gsize once;
  static Vocabulary *vocabulary;

  if (g_once_init_enter (&once))
    {
      vocabulary = vocabulary_new ();
      g_once_init_leave (&once, 1);
    }
  return vocabulary;
}

/* Common words stand for their group: Industries and Industrial are one. */
static const char *
token_word (const Token *token)
{
  const char *common = g_hash_table_lookup (get_vocabulary ()->common, token->key);

  return common != NULL ? common : token->key;
}

static gboolean
char_at_is (const char *text,
            guint       offset,
            gunichar    a,
            gunichar    b)
{
  gunichar c = g_utf8_get_char (text + offset);
  return text[offset] != '\0' && (c == a || c == b);
}

/* Marks the corporate forms and the small words. */
static void
mark_forms (Name *name)
{
  const Vocabulary *v = get_vocabulary ();
  GArray *tokens = name->tokens;
  guint n = tokens->len;
  gboolean all_forms = TRUE;

  for (guint i = 0; i < n; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);
      guint after = i + 1 < n ? g_array_index (tokens, Token, i + 1).start : strlen (name->text);
      const char *before = t->start > 0 ? g_utf8_prev_char (name->text + t->start) : NULL;

      /* (株), （有） */
      if (before != NULL && (*before == '(' || g_utf8_get_char (before) == 0xFF08) && t->end < after &&
          char_at_is (name->text, t->end, ')', 0xFF09))
        t->bracketed = TRUE;
    }

  for (guint i = 0; i < n; )
    {
      guint length = 0;

      for (guint r = 0; r < v->form_runs->len && length == 0; r++)
        {
          char **run = g_ptr_array_index (v->form_runs, r);
          guint run_length = g_strv_length (run);
          gboolean same = i + run_length <= n;

          for (guint j = 0; same && j < run_length; j++)
            same = g_str_equal (run[j], g_array_index (tokens, Token, i + j).key);
          if (same)
            length = run_length;
        }
      for (guint j = 0; j < length; j++)
        g_array_index (tokens, Token, i + j).form = TRUE;
      i += MAX (length, 1);
    }

  for (guint i = 0; i < n; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);

      if (g_hash_table_contains (v->forms, t->key) ||
          (t->bracketed && g_hash_table_contains (v->bracket_forms, t->key)) ||
          (i == 0 && n > 1 && g_str_equal (t->key, "the")))
        t->form = TRUE;
    }

  for (guint i = 0; i < n; i++)
    all_forms &= g_array_index (tokens, Token, i).form;
  if (all_forms)
    for (guint i = 0; i < n; i++)
      g_array_index (tokens, Token, i).form = FALSE;

  /* Forms as written, several in a row as one: “Co., Ltd.” */
  for (guint i = 0; i < n; i++)
    {
      Token *first = &g_array_index (tokens, Token, i);
      guint start = first->start, end;

      if (!first->form)
        continue;
      while (i + 1 < n && g_array_index (tokens, Token, i + 1).form)
        i++;
      end = g_array_index (tokens, Token, i).end;
      if (char_at_is (name->text, end, '.', 0xFF0E) || (first->bracketed && char_at_is (name->text, end, ')', 0xFF09)))
        end = g_utf8_next_char (name->text + end) - name->text;
      if (first->bracketed && start > 0 && char_at_is (name->text, g_utf8_prev_char (name->text + start) - name->text, '(', 0xFF08))
        start = g_utf8_prev_char (name->text + start) - name->text;
      g_ptr_array_add (name->forms, g_strndup (name->text + start, end - start));
    }

  /* 株式会社東芝, 東芝株式会社, even 株式会社…公司: forms written
   * without a space. */
  for (guint i = 0; i < n; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);
      gboolean stripped = !t->form;

      while (stripped)
        {
          stripped = FALSE;
          for (guint a = 0; a < v->affixes->len && !stripped; a++)
            {
              const char *affix = g_ptr_array_index (v->affixes, a);
              gsize length = strlen (t->key), affix_length = strlen (affix);

              if (length <= affix_length)
                continue;
              if (g_str_has_prefix (t->key, affix))
                memmove (t->key, t->key + affix_length, length - affix_length + 1);
              else if (g_str_has_suffix (t->key, affix))
                t->key[length - affix_length] = '\0';
              else
                continue;
              t->n_chars = g_utf8_strlen (t->key, -1);
              g_ptr_array_add (name->forms, g_strdup (affix));
              stripped = TRUE;
            }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);
      t->stop = !t->form && g_hash_table_contains (v->stop_words, t->key);
    }
}

static void
name_init (Name       *name,
           const char *text)
{
  GString *key = g_string_new (NULL);
  guint c = 0;

  /* Typed text may come from anywhere. */
  name->text = g_utf8_make_valid (text, -1);
  name->tokens = tokenize (name->text);
  name->forms = g_ptr_array_new_with_free_func (g_free);
  mark_forms (name);

  for (guint i = 0; i < name->tokens->len; i++)
    {
      const Token *t = &g_array_index (name->tokens, Token, i);
      if (!t->form)
        {
          g_string_append (key, t->key);
          name->n_chars += t->n_chars;
        }
    }
  name->key = g_string_free (key, FALSE);
  name->chars = g_new (gunichar, name->n_chars + 1);
  name->token_of = g_new (guint, name->n_chars + 1);
  for (guint i = 0; i < name->tokens->len; i++)
    {
      const Token *t = &g_array_index (name->tokens, Token, i);
      if (!t->form)
        for (const char *p = t->key; *p != '\0'; p = g_utf8_next_char (p), c++)
          {
            name->chars[c] = g_utf8_get_char (p);
            name->token_of[c] = i;
          }
    }
}

static void
name_clear (Name *name)
{
  g_clear_pointer (&name->text, g_free);
  g_clear_pointer (&name->tokens, g_array_unref);
  g_clear_pointer (&name->key, g_free);
  g_clear_pointer (&name->chars, g_free);
  g_clear_pointer (&name->token_of, g_free);
  g_clear_pointer (&name->forms, g_ptr_array_unref);
}

/* Whether a piece is only corporate forms (“Ltd.” after “Alpha Co.,”) or
 * too short to be a name (the S of A/S): part of the piece before. */
gboolean
mamori_end_user_piece_continues (const char *piece)
{
  g_autoptr(GArray) tokens = tokenize (piece);
  const Vocabulary *v = get_vocabulary ();
  guint n_chars = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      if (!g_hash_table_contains (v->forms, t->key))
        n_chars += t->n_chars;
    }
  return n_chars <= 1;
}

/* Matcher */

#define MIN_FUZZY_CHARS 6   /* shorter names match only exactly */

typedef struct
{
  Name                    name;
  guint                   entry;        /* index in the entries */
  MamoriEndUserMatchKind  kind;         /* EXACT or ALIAS */
  char                   *published;
  char                   *dropped;      /* the bracketed text left out, or NULL */
  GArray                 *words;        /* of word ids, sorted, each once */
  GArray                 *telling;      /* those that are not common */
  GArray                 *common;
} Variant;

struct _MamoriEndUserMatcher
{
  GPtrArray  *entries;
  GPtrArray  *variants;   /* of Variant */
  GHashTable *by_key;     /* key → GPtrArray of Variant */
  GHashTable *ids;        /* word → its id, from 1 */
  GPtrArray  *words;      /* id → word, borrowed from ids */
  GHashTable *by_word;    /* id → GPtrArray of Variant */
  GHashTable *common;     /* set of ids: words that tell no entity apart */
};

typedef enum
{
  WORDS_NONE,
  WORDS_SAME,    /* the same words, another order */
  WORDS_FEWER,   /* the query's words are all in the listed name */
  WORDS_MORE,    /* the listed name's words are all in the query */
} WordsRelation;

typedef struct
{
  const Variant          *variant;
  MamoriEndUserMatchKind  kind;
  double                  score;
  WordsRelation           relation;
  guint                   edits;
  gboolean                swapped;
} Candidate;

static void
variant_free (gpointer data)
{
  Variant *variant = data;

  name_clear (&variant->name);
  g_free (variant->published);
  g_free (variant->dropped);
  g_clear_pointer (&variant->words, g_array_unref);
  g_clear_pointer (&variant->telling, g_array_unref);
  g_clear_pointer (&variant->common, g_array_unref);
  g_free (variant);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* A word's id, from 1; 0 if no listed name has it, unless @add. The ids
 * are the matcher's own, so that a list's words do not stay in memory
 * after it (as quarks would). */
static guint
word_id (MamoriEndUserMatcher *self,
         const char           *word,
         gboolean              add)
{
  gpointer id;
  char *key;

  if (g_hash_table_lookup_extended (self->ids, word, NULL, &id))
    return GPOINTER_TO_UINT (id);
  if (!add)
    return 0;

  key = g_strdup (word);
  g_ptr_array_add (self->words, key);
  g_hash_table_insert (self->ids, key, GUINT_TO_POINTER (self->words->len - 1));
  return self->words->len - 1;
}

/* The words of @name that count, sorted, each once. Unless @add, %NULL if
 * one of them is in no listed name: then no listed name has the same
 * words. */
static GArray *
dup_words (MamoriEndUserMatcher *self,
           const Name           *name,
           gboolean              add)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (guint));
  guint kept = 0;

  for (guint i = 0; i < name->tokens->len; i++)
    {
      const Token *t = &g_array_index (name->tokens, Token, i);
      guint word;

      if (t->form || t->stop)
        continue;
      word = word_id (self, token_word (t), add);
      if (word == 0)
        return NULL;
      g_array_append_val (words, word);
    }

  g_array_sort (words, compare_ids);
  for (guint i = 0; i < words->len; i++)
    if (kept == 0 || g_array_index (words, guint, i) != g_array_index (words, guint, kept - 1))
      g_array_index (words, guint, kept++) = g_array_index (words, guint, i);
  g_array_set_size (words, kept);

  return g_steal_pointer (&words);
}

static void
split_common (GHashTable  *common_words,
              GArray      *words,
              GArray     **out_telling,
              GArray     **out_common)
{
  *out_telling = g_array_new (FALSE, FALSE, sizeof (guint));
  *out_common = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < words->len; i++)
    {
      guint word = g_array_index (words, guint, i);
      g_array_append_val (g_hash_table_contains (common_words, GUINT_TO_POINTER (word)) ? *out_common : *out_telling,
                          word);
    }
}

static gboolean
is_subset (const GArray *small,
           const GArray *large)
{
  guint j = 0;

  for (guint i = 0; i < small->len; i++)
    {
      guint word = g_array_index (small, guint, i);

      while (j < large->len && g_array_index (large, guint, j) < word)
        j++;
      if (j == large->len || g_array_index (large, guint, j) != word)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_set (const GArray *a,
          const GArray *b)
{
  return a->len == b->len && is_subset (a, b);
}

static void
add_variant (MamoriEndUserMatcher   *self,
             guint                   entry,
             guint                   first_of_entry,
             MamoriEndUserMatchKind  kind,
             const char             *text,
             const char             *published,
             const char             *dropped)
{
  Variant *variant = g_new0 (Variant, 1);

  name_init (&variant->name, text);
  for (guint i = first_of_entry; i < self->variants->len && variant->name.n_chars > 0; i++)
    if (g_str_equal (((Variant *) g_ptr_array_index (self->variants, i))->name.key, variant->name.key))
      variant->name.n_chars = 0;

  if (variant->name.n_chars == 0)
    {
      variant_free (variant);
      return;
    }

  variant->entry = entry;
  variant->kind = kind;
  variant->published = g_strdup (published);
  variant->dropped = g_strdup (dropped);
  variant->words = dup_words (self, &variant->name, TRUE);
  g_ptr_array_add (self->variants, variant);
}

/* Whether a bracketed text is another name (AIO) rather than a corporate
 * form (株) or a place (Beijing). */
static gboolean
is_bracketed_name (const Name *name,
                   gboolean   *out_form)
{
  const Vocabulary *v = get_vocabulary ();
  gboolean form = TRUE, telling = FALSE;

  for (guint i = 0; i < name->tokens->len; i++)
    {
      const Token *t = &g_array_index (name->tokens, Token, i);
      gboolean is_form = t->form || g_hash_table_contains (v->forms, t->key) ||
                         g_hash_table_contains (v->bracket_forms, t->key);

      form &= is_form;
      telling |= !is_form && !t->stop && t->n_chars >= 2 && !g_hash_table_contains (v->common, t->key);
    }
  *out_form = form;
  return telling;
}

/* The name as published; without its bracketed parts, if any; and what is
 * in brackets, if it is another name: “Air Weapons Complex (AWC)”. */
static void
add_variants (MamoriEndUserMatcher   *self,
              guint                   entry,
              guint                   first_of_entry,
              MamoriEndUserMatchKind  kind,
              const char             *text)
{
  g_autoptr(GString) stripped = g_string_new (NULL);
  g_autoptr(GString) dropped = g_string_new (NULL);
  const char *open = NULL;
  int depth = 0;

  add_variant (self, entry, first_of_entry, kind, text, text, NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0)
        {
          if (open != NULL)
            g_string_append (stripped, open);
          break;
        }
      if (mamori_end_user_is_bracket (c, TRUE) && depth++ == 0)
        open = p;
      else if (mamori_end_user_is_bracket (c, FALSE) && depth > 0 && --depth == 0)
        {
          const char *close = g_utf8_next_char (p);
          g_autofree char *content = mamori_end_user_trim_piece (g_utf8_next_char (open), p);
          Name name = { 0 };
          gboolean form;

          name_init (&name, content);
          if (is_bracketed_name (&name, &form))
            add_variant (self, entry, first_of_entry, MAMORI_END_USER_MATCH_ALIAS, content, content, NULL);
          if (form)
            g_string_append_len (stripped, open, close - open);
          else
            {
              if (dropped->len > 0)
                g_string_append_c (dropped, ' ');
              g_string_append_len (dropped, open, close - open);
            }
          name_clear (&name);
          open = NULL;
        }
      else if (depth == 0)
        g_string_append_unichar (stripped, c);
    }

  if (dropped->len > 0)
    add_variant (self, entry, first_of_entry, kind, stripped->str, text, dropped->str);
}

static void
index_variant (GHashTable    *index,
               gpointer       key,
               const Variant *variant)
{
  GPtrArray *list = g_hash_table_lookup (index, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, key, list);
    }
  g_ptr_array_add (list, (gpointer) variant);
}

/**
 * mamori_end_user_matcher_new:
 * @entries: (element-type MamoriEndUser): the list; kept, and must not
 *   change while the matcher lives
 *
 * Prepares every listed name and alias for matching. The matcher does not
 * change afterwards, so one may be used from several threads.
 *
 * Returns: (transfer full): the matcher
 */
MamoriEndUserMatcher *
mamori_end_user_matcher_new (GPtrArray *entries)
{
  MamoriEndUserMatcher *self;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer word, count;
  guint threshold;

  g_return_val_if_fail (entries != NULL, NULL);

  self = g_new0 (MamoriEndUserMatcher, 1);
  self->entries = g_ptr_array_ref (entries);
  self->variants = g_ptr_array_new_with_free_func (variant_free);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->by_word = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->common = g_hash_table_new (NULL, NULL);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->words = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->words, NULL);

  for (guint i = 0; i < get_vocabulary ()->canonical->len; i++)
    g_hash_table_add (self->common,
                      GUINT_TO_POINTER (word_id (self, g_ptr_array_index (get_vocabulary ()->canonical, i), TRUE)));

  for (guint i = 0; i < entries->len; i++)
    {
      const MamoriEndUser *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) aliases = mamori_end_user_split_aliases (entry->aliases);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      guint first = self->variants->len;

      add_variants (self, i, first, MAMORI_END_USER_MATCH_EXACT, entry->name);
      for (guint j = 0; j < aliases->len; j++)
        add_variants (self, i, first, MAMORI_END_USER_MATCH_ALIAS, g_ptr_array_index (aliases, j));

      /* How many entries each word is in. */
      for (guint j = first; j < self->variants->len; j++)
        {
          const Variant *variant = g_ptr_array_index (self->variants, j);

          for (guint k = 0; k < variant->words->len; k++)
            {
              gpointer w = GUINT_TO_POINTER (g_array_index (variant->words, guint, k));
              if (g_hash_table_add (seen, w))
                g_hash_table_insert (counts, w, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, w)) + 1));
            }
        }
    }

  /* Words in many entries (Shahid, Beijing) tell none of them apart. */
  threshold = MAX (8, (entries->len + 99) / 100);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &word, &count))
    if (GPOINTER_TO_UINT (count) >= threshold && strpbrk (g_ptr_array_index (self->words, GPOINTER_TO_UINT (word)), "0123456789") == NULL)
      g_hash_table_add (self->common, word);

  for (guint i = 0; i < self->variants->len; i++)
    {
      Variant *variant = g_ptr_array_index (self->variants, i);

      split_common (self->common, variant->words, &variant->telling, &variant->common);
      index_variant (self->by_key, variant->name.key, variant);
      for (guint k = 0; k < variant->words->len; k++)
        index_variant (self->by_word, GUINT_TO_POINTER (g_array_index (variant->words, guint, k)), variant);
    }

  return self;
}

void
mamori_end_user_matcher_free (MamoriEndUserMatcher *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_key);
  g_hash_table_unref (self->by_word);
  g_hash_table_unref (self->common);
  g_hash_table_unref (self->ids);
  g_ptr_array_unref (self->words);
  g_ptr_array_unref (self->variants);
  g_ptr_array_unref (self->entries);
  g_free (self);
}

void
mamori_end_user_match_free (MamoriEndUserMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->matched);
  g_free (match->reason);
  g_free (match);
}

static void
offer (Candidate              *best,
       const Variant          *variant,
       MamoriEndUserMatchKind  kind,
       double                  score)
{
  Candidate *candidate = &best[variant->entry];

  if (score <= candidate->score)
    return;
  *candidate = (Candidate) { variant, kind, score, WORDS_NONE, 0, FALSE };
}

/* Optimal string alignment distance (a swap of neighbours is one edit),
 * or G_MAXUINT if more than @limit. */
static guint
osa_distance (const gunichar *a,
              guint           n,
              const gunichar *b,
              guint           m,
              guint           limit)
{
  g_autofree guint *rows = g_new (guint, 3 * (m + 1));
  guint *before = rows, *previous = rows + m + 1, *current = rows + 2 * (m + 1);
  const guint far = limit + 1;

  for (guint j = 0; j <= m; j++)
    previous[j] = MIN (j, far);

  for (guint i = 1; i <= n; i++)
    {
      guint lowest = far;

      current[0] = MIN (i, far);
      for (guint j = 1; j <= m; j++)
        {
          guint cost = a[i - 1] != b[j - 1];
          guint d = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            d = MIN (d, before[j - 2] + 1);
          current[j] = MIN (d, far);
          lowest = MIN (lowest, current[j]);
        }
      if (lowest > limit && current[0] > limit)
        return G_MAXUINT;
      {
        guint *recycled = before;
        before = previous;
        previous = current;
        current = recycled;
      }
    }

  return previous[m] <= limit ? previous[m] : G_MAXUINT;
}

static gboolean
is_telling_char (gunichar c)
{
  return g_unichar_isdigit (c) || g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* Whether a token is a word of the vocabulary other than @word: another
 * place (Nanjing, Nanning) or another common word (Electric, Electronic). */
static gboolean
is_other_known_word (const Token *token,
                     const char  *word)
{
  const char *known = g_hash_table_lookup (get_vocabulary ()->common, token->key);

  return (known != NULL && !g_str_equal (known, word)) ||
         (g_hash_table_contains (get_vocabulary ()->stop_words, token->key) && !g_str_equal (token->key, word));
}

/* Whether the edits between two names are typos, not another name: none
 * in a digit (the 14th and the 15th institute) or a kanji (工業, 工程), none
 * that makes another known word (a place, a common word), and in a telling
 * word at most one in every six letters. A small word (of, and) or a common
 * one (Power, Group) may have one typo whatever its length, since it tells
 * no entity apart. */
static gboolean
edits_are_typos (const Name *query,
                 const Name *listed,
                 gboolean   *out_swapped)
{
  guint n = query->n_chars, m = listed->n_chars, w = m + 1;
  g_autofree guint *d = g_new (guint, (n + 1) * w);
  g_autofree guint *query_edits = g_new0 (guint, query->tokens->len);
  g_autofree guint *listed_edits = g_new0 (guint, listed->tokens->len);
  const Vocabulary *vocabulary = get_vocabulary ();
  const gunichar *a = query->chars, *b = listed->chars;
  guint i = n, j = m;

  for (guint x = 0; x <= n; x++)
    for (guint y = 0; y <= m; y++)
      {
        guint v;

        if (x == 0 || y == 0)
          v = x + y;
        else
          {
            v = MIN (MIN (d[(x - 1) * w + y] + 1, d[x * w + y - 1] + 1), d[(x - 1) * w + y - 1] + (a[x - 1] != b[y - 1]));
            if (x > 1 && y > 1 && a[x - 1] == b[y - 2] && a[x - 2] == b[y - 1])
              v = MIN (v, d[(x - 2) * w + y - 2] + 1);
          }
        d[x * w + y] = v;
      }

  *out_swapped = FALSE;
  while (i > 0 || j > 0)
    {
      guint here = d[i * w + j];
      guint qi, lj;

      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != b[j - 1] &&
          here == d[(i - 2) * w + j - 2] + 1)
        {
          if (is_telling_char (a[i - 1]) || is_telling_char (a[i - 2]))
            return FALSE;
          *out_swapped = TRUE;
          qi = i - 1;
          lj = j - 1;
          i -= 2;
          j -= 2;
        }
      else if (i > 0 && j > 0 && here == d[(i - 1) * w + j - 1] + (a[i - 1] != b[j - 1]))
        {
          i--;
          j--;
          if (a[i] == b[j])
            continue;
          if (is_telling_char (a[i]) || is_telling_char (b[j]))
            return FALSE;
          qi = i;
          lj = j;
        }
      else if (i > 0 && here == d[(i - 1) * w + j] + 1)
        {
          i--;
          if (is_telling_char (a[i]))
            return FALSE;
          qi = i;
          lj = j > 0 ? j - 1 : 0;
        }
      else
        {
          j--;
          if (is_telling_char (b[j]))
            return FALSE;
          qi = i > 0 ? i - 1 : 0;
          lj = j;
        }
      {
        guint q = query->token_of[MIN (qi, n - 1)], l = listed->token_of[MIN (lj, m - 1)];
        const Token *listed_token = &g_array_index (listed->tokens, Token, l);
        const Token *query_token = &g_array_index (query->tokens, Token, q);

        if (is_other_known_word (query_token, listed_token->stop ? listed_token->key : token_word (listed_token)))
          return FALSE;
        if (!listed_token->stop && (!g_hash_table_contains (vocabulary->common, listed_token->key) ||
                                    g_hash_table_contains (vocabulary->places, listed_token->key)))
          query_edits[q]++;
        listed_edits[l]++;
      }
    }

  for (guint t = 0; t < query->tokens->len; t++)
    if (query_edits[t] > 0 && g_array_index (query->tokens, Token, t).n_chars < MIN_FUZZY_CHARS * query_edits[t])
      return FALSE;
  for (guint t = 0; t < listed->tokens->len; t++)
    {
      const Token *token = &g_array_index (listed->tokens, Token, t);
      gboolean telling = !token->stop && (!g_hash_table_contains (vocabulary->common, token->key) ||
                                          g_hash_table_contains (vocabulary->places, token->key));

      if (listed_edits[t] > (telling ? token->n_chars / MIN_FUZZY_CHARS : 1))
        return FALSE;
    }
  return TRUE;
}

static WordsRelation
relate_words (const GArray  *words,
              const GArray  *telling,
              const GArray  *common,
              const Variant *variant)
{
  if (!same_set (telling, variant->telling))
    return WORDS_NONE;
  if (same_set (words, variant->words))
    return WORDS_SAME;
  if (telling->len == 0)
    return WORDS_NONE;
  if (is_subset (common, variant->common))
    return WORDS_FEWER;
  if (is_subset (variant->common, common))
    return WORDS_MORE;
  return WORDS_NONE;
}

/* Reasons */

static char *
dup_quoted (const char *text)
{
  /* Translators: a name or word quoted in a sentence */
  return g_strdup_printf (_("“%s”"), text);
}

/* The letters and digits of the words that are not forms: as written; in
 * NFKC; then case folded; or else without kana. Of two names with the same
 * key, the case folded spellings differ only in kana, and the spellings
 * without kana only in letter case. */
static void
dup_spellings (const Name *name,
               char       *spellings[4])
{
  g_autoptr(GString) raw = g_string_new (NULL);
  GString *no_kana;

  for (guint i = 0; i < name->tokens->len; i++)
    {
      const Token *t = &g_array_index (name->tokens, Token, i);

      if (t->form)
        continue;
      for (const char *p = name->text + t->start; p < name->text + t->end; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          g_string_append_unichar (raw, g_utf8_get_char (p));
    }
  for (guint i = 0; i < name->forms->len; i++)
    {
      const char *form = g_ptr_array_index (name->forms, i);
      char *found;

      /* Only 株式会社 and its kind are inside a word. */
      if (g_unichar_get_script (g_utf8_get_char (form)) == G_UNICODE_SCRIPT_HAN &&
          (found = strstr (raw->str, form)) != NULL)
        g_string_erase (raw, found - raw->str, strlen (form));
    }

  spellings[0] = g_strdup (raw->str);
  spellings[1] = g_utf8_normalize (raw->str, -1, G_NORMALIZE_NFKC);
  spellings[2] = g_utf8_casefold (spellings[1], -1);
  no_kana = g_string_new (NULL);
  for (const char *p = spellings[1]; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Hiragana, katakana, the long-vowel mark ー */
      if (c < 0x3041 || c > 0x30FF)
        g_string_append_unichar (no_kana, c);
    }
  spellings[3] = g_string_free (no_kana, FALSE);
}

/* The punctuation between words, and how many spaces. */
static char *
dup_punctuation (const Name *name,
                 guint      *out_spaces)
{
  GString *punctuation = g_string_new (NULL);

  *out_spaces = 0;
  for (guint i = 0; i + 1 < name->tokens->len; i++)
    {
      const Token *t = &g_array_index (name->tokens, Token, i);
      const Token *next = &g_array_index (name->tokens, Token, i + 1);
      gboolean space = FALSE;
      g_autofree char *separator = NULL;

      if (t->form || next->form)
        continue;
      separator = g_utf8_normalize (name->text + t->end, next->start - t->end, G_NORMALIZE_NFKC);
      for (const char *p = separator; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isspace (g_utf8_get_char (p)))
          space = TRUE;
        else
          g_string_append_unichar (punctuation, g_utf8_get_char (p));
      *out_spaces += space;
    }
  return g_string_free (punctuation, FALSE);
}

/* What differs between two names with the same key. */
static GPtrArray *
dup_ignored (const Name    *query,
             const Variant *variant)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) query_forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) listed_forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *forms[] = { query_forms, listed_forms };
  const Name *names[] = { query, &variant->name };
  char *spellings[2][4];
  g_autofree char *punctuation_q = NULL, *punctuation_l = NULL;
  guint spaces_q, spaces_l;

  /* The forms on one side only: “JSC” on both is no difference. */
  for (guint n = 0; n < 2; n++)
    for (guint i = 0; i < names[n]->forms->len; i++)
      g_hash_table_add (forms[n], mamori_end_user_dup_key (g_ptr_array_index (names[n]->forms, i), -1));
  for (guint n = 0; n < 2; n++)
    for (guint i = 0; i < names[n]->forms->len; i++)
      {
        const char *form = g_ptr_array_index (names[n]->forms, i);
        g_autofree char *key = mamori_end_user_dup_key (form, -1);

        if (!g_hash_table_contains (forms[1 - n], key) && g_hash_table_remove (forms[n], key))
          g_ptr_array_add (items, dup_quoted (form));
      }
  if (variant->dropped != NULL)
    g_ptr_array_add (items, dup_quoted (variant->dropped));

  punctuation_q = dup_punctuation (query, &spaces_q);
  punctuation_l = dup_punctuation (&variant->name, &spaces_l);
  if (!g_str_equal (punctuation_q, punctuation_l))
    /* Translators: this and the next four are what “Same name once %s are
     * ignored” may list, with corporate forms such as “Co., Ltd.” */
    g_ptr_array_add (items, g_strdup (_("punctuation")));
  if (spaces_q != spaces_l)
    g_ptr_array_add (items, g_strdup (_("spaces")));

  dup_spellings (query, spellings[0]);
  dup_spellings (&variant->name, spellings[1]);
  if (!g_str_equal (spellings[0][0], spellings[1][0]) &&
      (!g_str_equal (spellings[0][0], spellings[0][1]) || !g_str_equal (spellings[1][0], spellings[1][1])))
    g_ptr_array_add (items, g_strdup (_("character width")));
  if (!g_str_equal (spellings[0][3], spellings[1][3]))
    g_ptr_array_add (items, g_strdup (_("letter case")));
  if (!g_str_equal (spellings[0][2], spellings[1][2]))
    /* Translators: hiragana or katakana, the long-vowel mark ー, small kana */
    g_ptr_array_add (items, g_strdup (_("kana spelling")));

  for (guint n = 0; n < 2; n++)
    for (guint i = 0; i < 4; i++)
      g_free (spellings[n][i]);

  return items;
}

/* The words of @name, as written, whose word is not among @words. */
static char *
dup_other_words (MamoriEndUserMatcher *self,
                 const Name           *name,
                 const GArray         *words)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < name->tokens->len; i++)
    {
      const Token *t = &g_array_index (name->tokens, Token, i);
      guint word = word_id (self, token_word (t), FALSE);
      gboolean found = FALSE;

      if (t->form || t->stop)
        continue;
      for (guint k = 0; k < words->len && !found; k++)
        found = g_array_index (words, guint, k) == word;
      if (!found)
        {
          g_autofree char *written = g_strndup (name->text + t->start, t->end - t->start);
          g_ptr_array_add (items, dup_quoted (written));
        }
    }
  return mamori_text_join_list (items);
}

static gboolean
same_word_order (const Name *a,
                 const Name *b)
{
  guint i = 0, j = 0;

  for (;;)
    {
      while (i < a->tokens->len && (g_array_index (a->tokens, Token, i).form || g_array_index (a->tokens, Token, i).stop))
        i++;
      while (j < b->tokens->len && (g_array_index (b->tokens, Token, j).form || g_array_index (b->tokens, Token, j).stop))
        j++;
      if (i == a->tokens->len || j == b->tokens->len)
        return i == a->tokens->len && j == b->tokens->len;
      if (!g_str_equal (token_word (&g_array_index (a->tokens, Token, i++)),
                        token_word (&g_array_index (b->tokens, Token, j++))))
        return FALSE;
    }
}

static char *
dup_reason (MamoriEndUserMatcher *self,
            const Name           *query,
            const GArray         *query_words,
            const Candidate      *candidate)
{
  const Variant *variant = candidate->variant;
  gboolean alias = variant->kind == MAMORI_END_USER_MATCH_ALIAS;
  g_autofree char *typed = g_strstrip (g_strdup (query->text));

  switch (candidate->kind)
    {
    case MAMORI_END_USER_MATCH_EXACT:
    case MAMORI_END_USER_MATCH_ALIAS:
      {
        g_autoptr(GPtrArray) ignored = dup_ignored (query, variant);
        g_autofree char *list = mamori_text_join_list (ignored);

        if (!alias && ignored->len == 0)
          return g_strdup (_("The same name as listed"));
        if (!alias)
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Same name once %s is ignored",
                                               "Same name once %s are ignored", ignored->len), list);
        if (ignored->len == 0)
          return g_strdup_printf (_("Matches its alias “%s”"), variant->published);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Matches its alias “%s” once %s is ignored",
                                             "Matches its alias “%s” once %s are ignored", ignored->len),
                                variant->published, list);
      }

    case MAMORI_END_USER_MATCH_WORDS:
      {
        g_autofree char *others = NULL;

        if (candidate->relation == WORDS_SAME)
          return same_word_order (query, &variant->name)
                 ? g_strdup_printf (_("Same words as “%s”, apart from small words such as “of” or word endings"),
                                    variant->published)
                 : g_strdup_printf (_("Same words as “%s”, in a different order"), variant->published);
        if (candidate->relation == WORDS_FEWER)
          {
            others = dup_other_words (self, &variant->name, query_words);
            return g_strdup_printf (alias ? _("Every word of “%s” is in its alias “%s”, which also has %s")
                                          : _("Every word of “%s” is in the listed name “%s”, which also has %s"),
                                    typed, variant->published, others);
          }
        others = dup_other_words (self, query, variant->words);
        return g_strdup_printf (alias ? _("Every word of its alias “%s” is in “%s”, which also has %s")
                                      : _("Every word of the listed name “%s” is in “%s”, which also has %s"),
                                variant->published, typed, others);
      }

    case MAMORI_END_USER_MATCH_SIMILAR:
      if (candidate->swapped && candidate->edits == 1)
        return g_strdup_printf (_("Spelled almost the same as “%s”: two neighbouring letters are swapped"),
                                variant->published);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Spelled almost the same as “%s”: %u letter differs",
                                           "Spelled almost the same as “%s”: %u letters differ", candidate->edits),
                              variant->published, candidate->edits);

    default:
      g_assert_not_reached ();
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->variant->entry < y->variant->entry ? -1 : x->variant->entry > y->variant->entry;
}

/**
 * mamori_end_user_matcher_match:
 * @name: a counterparty's name, in any script, as the user has it
 * @max_results: at most this many matches; 0 for all
 *
 * Returns: (transfer full) (element-type MamoriEndUserMatch): the entries
 *   that may be @name, each once, best first; empty if none
 */
GPtrArray *
mamori_end_user_matcher_match (MamoriEndUserMatcher *self,
                               const char           *name,
                               guint                 max_results)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_end_user_match_free);
  g_autofree Candidate *best = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) telling = NULL;
  g_autoptr(GArray) common = NULL;
  Name query = { 0 };
  GPtrArray *same;

  g_return_val_if_fail (self != NULL, matches);

  if (name == NULL || self->entries->len == 0)
    return matches;

  name_init (&query, name);
  if (query.n_chars == 0)
    {
      name_clear (&query);
      return matches;
    }
  best = g_new0 (Candidate, self->entries->len);

  if ((same = g_hash_table_lookup (self->by_key, query.key)) != NULL)
    for (guint i = 0; i < same->len; i++)
      {
        const Variant *variant = g_ptr_array_index (same, i);
        offer (best, variant, variant->kind, variant->kind == MAMORI_END_USER_MATCH_EXACT ? 1.0 : 0.98);
      }

  if (query.n_chars >= MIN_FUZZY_CHARS && (words = dup_words (self, &query, FALSE)) != NULL && words->len > 0)
    {
      GPtrArray *candidates;

      split_common (self->common, words, &telling, &common);
      candidates = g_hash_table_lookup (self->by_word,
                                        GUINT_TO_POINTER (g_array_index (telling->len > 0 ? telling : words, guint, 0)));
      for (guint i = 0; candidates != NULL && i < candidates->len; i++)
        {
          const Variant *variant = g_ptr_array_index (candidates, i);
          WordsRelation relation;
          double score;

          if (variant->name.n_chars < MIN_FUZZY_CHARS || best[variant->entry].score >= 0.9 ||
              (relation = relate_words (words, telling, common, variant)) == WORDS_NONE)
            continue;
          score = relation == WORDS_SAME ? 0.9
                  : 0.7 + 0.15 * MIN (words->len, variant->words->len) / MAX (words->len, variant->words->len);
          offer (best, variant, MAMORI_END_USER_MATCH_WORDS, score);
          if (best[variant->entry].variant == variant)
            best[variant->entry].relation = relation;
        }
    }

  if (query.n_chars >= MIN_FUZZY_CHARS)
    for (guint i = 0; i < self->variants->len; i++)
      {
        const Variant *variant = g_ptr_array_index (self->variants, i);
        guint limit = query.n_chars >= 16 && variant->name.n_chars >= 16 ? 2 : 1;
        guint edits;
        gboolean swapped;
        double score;

        if (variant->name.n_chars < MIN_FUZZY_CHARS || best[variant->entry].score >= 0.85 ||
            variant->name.n_chars + limit < query.n_chars || query.n_chars + limit < variant->name.n_chars)
          continue;
        edits = osa_distance (query.chars, query.n_chars, variant->name.chars, variant->name.n_chars, limit);
        if (edits == 0 || edits > limit || !edits_are_typos (&query, &variant->name, &swapped))
          continue;
        score = edits == 1 ? 0.85 : 0.75;
        offer (best, variant, MAMORI_END_USER_MATCH_SIMILAR, score);
        if (best[variant->entry].variant == variant)
          {
            best[variant->entry].edits = edits;
            best[variant->entry].swapped = swapped;
          }
      }

  found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i < self->entries->len; i++)
    if (best[i].variant != NULL)
      g_array_append_val (found, best[i]);
  g_array_sort (found, compare_candidates);
  if (max_results > 0 && found->len > max_results)
    g_array_set_size (found, max_results);

  for (guint i = 0; i < found->len; i++)
    {
      const Candidate *candidate = &g_array_index (found, Candidate, i);
      MamoriEndUserMatch *match = g_new0 (MamoriEndUserMatch, 1);

      match->entry = g_ptr_array_index (self->entries, candidate->variant->entry);
      match->kind = candidate->kind;
      match->score = candidate->score;
      match->matched = g_strdup (candidate->variant->published);
      match->reason = dup_reason (self, &query, words, candidate);
      g_ptr_array_add (matches, match);
    }

  name_clear (&query);
  return matches;
}

