/* test-contract-scan.c — finding the clauses that matter in a contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "analysis/mamori-contract-scan.h"
#include "test-utils.h"

/* A small, strict JSON reader for labels.json: GLib has none, and one
 * test file is no reason to add a library. */
typedef enum { JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } JsonKind;

typedef struct _Json Json;
struct _Json
{
  JsonKind kind;
  double number;
  char *string;
  GPtrArray *items;  /* Json*; objects alternate key (a string Json) and value */
};

static void
json_free (Json *json)
{
  if (json == NULL)
    return;
  g_free (json->string);
  if (json->items != NULL)
    g_ptr_array_unref (json->items);
  g_free (json);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Json, json_free)

typedef struct
{
  const char *p;
  const char *end;
} JsonReader;

static void
json_skip_space (JsonReader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static gboolean
json_literal (JsonReader *r,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return FALSE;
  r->p += n;
  return TRUE;
}

static char *
json_read_string (JsonReader *r)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (r->p >= r->end || *r->p != '"')
    return NULL;
  r->p++;
  while (r->p < r->end && *r->p != '"')
    {
      if ((guchar) *r->p < 0x20)
        return NULL;
      if (*r->p != '\\')
        {
          g_string_append_c (out, *r->p++);
          continue;
        }
      if (++r->p >= r->end)
        return NULL;
      switch (*r->p++)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar c = 0;

            for (int i = 0; i < 4; i++, r->p++)
              {
                if (r->p >= r->end || !g_ascii_isxdigit (*r->p))
                  return NULL;
                c = c * 16 + g_ascii_xdigit_value (*r->p);
              }
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                gunichar low = 0;

                if (!json_literal (r, "\\u"))
                  return NULL;
                for (int i = 0; i < 4; i++, r->p++)
                  {
                    if (r->p >= r->end || !g_ascii_isxdigit (*r->p))
                      return NULL;
                    low = low * 16 + g_ascii_xdigit_value (*r->p);
                  }
                if (low < 0xDC00 || low > 0xDFFF)
                  return NULL;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (c >= 0xDC00 && c <= 0xDFFF)
              return NULL;
            g_string_append_unichar (out, c);
          }
          break;
        default:
          return NULL;
        }
    }
  if (r->p >= r->end)
    return NULL;
  r->p++;
  if (!g_utf8_validate (out->str, out->len, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static Json *
json_read_value (JsonReader *r,
                 guint       depth)
{
  g_autoptr(Json) json = g_new0 (Json, 1);

  if (depth > 64)
    return NULL;
  json_skip_space (r);
  if (r->p >= r->end)
    return NULL;

  if (*r->p == '{' || *r->p == '[')
    {
      gboolean object = *r->p == '{';
      char close = object ? '}' : ']';

      json->kind = object ? JSON_OBJECT : JSON_ARRAY;
      json->items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_free);
      r->p++;
      json_skip_space (r);
      if (r->p < r->end && *r->p == close)
        {
          r->p++;
          return g_steal_pointer (&json);
        }
      for (;;)
        {
          Json *item;

          json_skip_space (r);
          if (object)
            {
              Json *key = g_new0 (Json, 1);

              key->kind = JSON_STRING;
              key->string = json_read_string (r);
              if (key->string == NULL)
                {
                  json_free (key);
                  return NULL;
                }
              g_ptr_array_add (json->items, key);
              json_skip_space (r);
              if (r->p >= r->end || *r->p++ != ':')
                return NULL;
            }
          if ((item = json_read_value (r, depth + 1)) == NULL)
            return NULL;
          g_ptr_array_add (json->items, item);
          json_skip_space (r);
          if (r->p < r->end && *r->p == ',')
            {
              r->p++;
              continue;
            }
          if (r->p < r->end && *r->p == close)
            {
              r->p++;
              return g_steal_pointer (&json);
            }
          return NULL;
        }
    }
  if (*r->p == '"')
    {
      json->kind = JSON_STRING;
      json->string = json_read_string (r);
      return json->string != NULL ? g_steal_pointer (&json) : NULL;
    }
  if (json_literal (r, "true"))
    json->kind = JSON_TRUE;
  else if (json_literal (r, "false"))
    json->kind = JSON_FALSE;
  else if (json_literal (r, "null"))
    json->kind = JSON_NULL;
  else
    {
      const char *start = r->p;
      g_autofree char *copy = NULL;
      char *stop;

      if (r->p < r->end && *r->p == '-')
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p) || (*r->p == '0' && r->p + 1 < r->end && g_ascii_isdigit (r->p[1])))
        return NULL;
      while (r->p < r->end && (g_ascii_isdigit (*r->p) || strchr (".eE+-", *r->p) != NULL))
        r->p++;
      copy = g_strndup (start, r->p - start);
      json->kind = JSON_NUMBER;
      json->number = g_ascii_strtod (copy, &stop);
      if (*stop != '\0')
        return NULL;
    }
  return g_steal_pointer (&json);
}

static Json *
json_parse (const char *text,
            gsize       length)
{
  JsonReader r = { text, text + length };
  g_autoptr(Json) json = json_read_value (&r, 0);

  json_skip_space (&r);
  return r.p == r.end ? g_steal_pointer (&json) : NULL;
}

static Json *
json_member (Json       *object,
             const char *key)
{
  g_assert (object->kind == JSON_OBJECT);
  for (guint i = 0; i + 1 < object->items->len; i += 2)
    if (g_str_equal (((Json *) g_ptr_array_index (object->items, i))->string, key))
      return g_ptr_array_index (object->items, i + 1);
  return NULL;
}

static void
test_json_reader (void)
{
  const char *bad[] = { "", "{", "[1,]", "{\"a\" 1}", "\"\\x\"", "01", "tru", "[1] 2", "\"\\ud800\"", "\"a\nb\"" };
  const char *good = "{\"a\": [1, -2.5e1, true, false, null, \"\\u65e5\\n\\\"\"], \"b\": {}}";
  g_autoptr(Json) json = json_parse (good, strlen (good));

  g_assert_nonnull (json);
  g_assert_cmpint (json_member (json, "a")->items->len, ==, 6);
  g_assert_cmpfloat (((Json *) g_ptr_array_index (json_member (json, "a")->items, 1))->number, ==, -25.0);
  g_assert_cmpstr (((Json *) g_ptr_array_index (json_member (json, "a")->items, 5))->string, ==, "日\n\"");
  g_assert_cmpint (json_member (json, "b")->kind, ==, JSON_OBJECT);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Json) broken = json_parse (bad[i], strlen (bad[i]));

      g_assert_null (broken);
    }
}

static char *
fixture_text (const char *name,
              gsize      *length)
{
  g_autofree char *path = mamori_test_fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static gboolean
topic_from_id (const char          *id,
               MamoriContractTopic *topic)
{
  for (guint i = 0; i < MAMORI_N_CONTRACT_TOPICS; i++)
    if (g_str_equal (mamori_contract_topic_get_id (i), id))
      {
        *topic = i;
        return TRUE;
      }
  return FALSE;
}

/* Every passage is a slice of the original text. */
static void
assert_passages_exact (MamoriContractScan *scan,
                       const char         *text,
                       gsize               length)
{
  for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
    {
      const MamoriContractFinding *finding = mamori_contract_scan_get_finding (scan, t);

      g_assert_cmpint (finding->topic, ==, t);
      g_assert_true (finding->found == (finding->passages->len > 0));
      for (guint i = 0; i < finding->passages->len; i++)
        {
          MamoriContractPassage *passage = g_ptr_array_index (finding->passages, i);

          g_assert_cmpuint (passage->start, <, passage->end);
          g_assert_cmpuint (passage->end, <=, length);
          g_assert_cmpmem (passage->text, strlen (passage->text), text + passage->start, passage->end - passage->start);
          g_assert_true (g_utf8_validate (passage->text, -1, NULL));
        }
    }
}

/* The METI/JPO model contracts, labelled by hand: per-topic precision and
 * recall, overall F1, and no trap reported. */
static void
test_accuracy (void)
{
  gsize length;
  g_autofree char *labels_text = fixture_text ("contracts-ja/labels.json", &length);
  g_autoptr(Json) labels = json_parse (labels_text, length);
  Json *topics;
  guint tp[MAMORI_N_CONTRACT_TOPICS] = { 0, }, fp[MAMORI_N_CONTRACT_TOPICS] = { 0, }, fn[MAMORI_N_CONTRACT_TOPICS] = { 0, };
  guint all_tp = 0, all_fp = 0, all_fn = 0, traps = 0, traps_reported = 0, files = 0;
  g_autoptr(GString) table = g_string_new ("\ntopic                    TP FP FN  precision recall\n");
  double precision, recall, f1;

  g_assert_nonnull (labels);
  topics = json_member (json_member (labels, "_schema"), "topics");
  g_assert_nonnull (topics);

  for (guint f = 0; f + 1 < labels->items->len; f += 2)
    {
      const char *file = ((Json *) g_ptr_array_index (labels->items, f))->string;
      Json *entry = g_ptr_array_index (labels->items, f + 1);
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      g_autoptr(MamoriContractScan) scan = NULL;

      if (g_str_has_prefix (file, "_"))
        continue;
      files++;
      name = g_build_filename ("contracts-ja", file, NULL);
      text = fixture_text (name, &length);
      scan = mamori_contract_scan (text, length, FALSE);
      assert_passages_exact (scan, text, length);
      g_assert_cmpuint (mamori_contract_scan_get_n_articles (scan), >=, 10);

      for (guint i = 0; i < topics->items->len; i++)
        {
          const char *id = ((Json *) g_ptr_array_index (topics->items, i))->string;
          Json *value = json_member (entry, id);
          MamoriContractTopic topic = 0;
          gboolean expected, trap, found;

          g_assert_true (topic_from_id (id, &topic));
          g_assert_nonnull (value);
          if (value->kind == JSON_OBJECT)
            value = json_member (value, "v");
          trap = value->kind == JSON_STRING && g_str_equal (value->string, "trap");
          g_assert_true (trap || value->kind == JSON_TRUE || value->kind == JSON_FALSE);
          expected = value->kind == JSON_TRUE;
          found = mamori_contract_scan_get_finding (scan, topic)->found;

          if (expected && found)
            tp[topic]++;
          else if (!expected && found)
            fp[topic]++;
          else if (expected && !found)
            fn[topic]++;
          traps += trap;
          if (trap && found)
            {
              const MamoriContractPassage *passage = g_ptr_array_index (mamori_contract_scan_get_finding (scan, topic)->passages, 0);

              traps_reported++;
              g_test_message ("trap reported: %s %s at %s: %s", file, id, passage->article, passage->text);
            }
          else if (expected != found)
            g_test_message ("%s: %s %s%s", expected ? "missed" : "false positive", file, id,
                            found ? ((MamoriContractPassage *) g_ptr_array_index (mamori_contract_scan_get_finding (scan, topic)->passages, 0))->text : "");
        }
    }

  for (guint i = 0; i < topics->items->len; i++)
    {
      MamoriContractTopic topic = 0;

      topic_from_id (((Json *) g_ptr_array_index (topics->items, i))->string, &topic);
      g_string_append_printf (table, "%-24s %2u %2u %2u  %9.2f %6.2f\n", mamori_contract_topic_get_id (topic),
                              tp[topic], fp[topic], fn[topic],
                              tp[topic] + fp[topic] > 0 ? (double) tp[topic] / (tp[topic] + fp[topic]) : 1.0,
                              tp[topic] + fn[topic] > 0 ? (double) tp[topic] / (tp[topic] + fn[topic]) : 1.0);
      all_tp += tp[topic];
      all_fp += fp[topic];
      all_fn += fn[topic];
    }
  precision = all_tp + all_fp > 0 ? (double) all_tp / (all_tp + all_fp) : 1.0;
  recall = all_tp + all_fn > 0 ? (double) all_tp / (all_tp + all_fn) : 1.0;
  f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
  g_string_append_printf (table, "overall (%u files)        %3u %2u %2u  %9.2f %6.2f  F1 %.3f; traps reported %u of %u\n",
                          files, all_tp, all_fp, all_fn, precision, recall, f1, traps_reported, traps);
  g_test_message ("%s", table->str);

  g_assert_cmpuint (files, ==, 8);
  g_assert_cmpuint (traps, >, 0);
  g_assert_cmpuint (traps_reported, ==, 0);
  g_assert_cmpfloat (f1, >=, 0.9);
}

#define T(x) (1u << MAMORI_CONTRACT_TOPIC_##x)

/* Contracts written for the topics the model contracts lack, and near
 * misses that only look like a clause. */
static const struct
{
  const char *file;
  gboolean outside_group_a;
  guint present;  /* topics that must be found */
  guint absent;   /* topics that must not be found */
  MamoriContractFlags flags;
  guint n_articles;
} fixtures[] = {
  { "export_control_ja.txt", TRUE, T (EXPORT_CONTROL) | T (GOVERNING_LAW),
    T (EXCLUSIVITY_NONCOMPETE) | T (JOINT_OWNERSHIP) | T (NON_SOLICITATION), 0, 3 },
  { "export_control_en.txt", TRUE, T (EXPORT_CONTROL) | T (GOVERNING_LAW),
    T (EXCLUSIVITY_NONCOMPETE) | T (JOINT_OWNERSHIP) | T (NON_SOLICITATION), 0, 3 },
  { "non_solicitation_ja.txt", TRUE, T (NON_SOLICITATION) | T (CONFIDENTIALITY),
    T (EXCLUSIVITY_NONCOMPETE) | T (EXPORT_CONTROL),
    MAMORI_CONTRACT_FLAG_NO_RETURN_OBLIGATION | MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL, 2 },
  { "non_solicitation_en.txt", FALSE, T (NON_SOLICITATION) | T (CONFIDENTIALITY),
    T (EXCLUSIVITY_NONCOMPETE) | T (EXPORT_CONTROL), 0, 2 },
  { "manufacturing_exclusivity_ja.txt", FALSE,
    T (EXCLUSIVITY_NONCOMPETE) | T (JOINT_OWNERSHIP) | T (FOREGROUND_OWNERSHIP),
    T (EXPORT_CONTROL) | T (NON_SOLICITATION), MAMORI_CONTRACT_FLAG_JOINT_OWNERSHIP, 3 },
  { "noncompete_en.txt", FALSE, T (EXCLUSIVITY_NONCOMPETE),
    T (EXPORT_CONTROL) | T (NON_SOLICITATION) | T (JOINT_OWNERSHIP), 0, 2 },
  { "near_misses_en.txt", TRUE, T (LICENSE_SCOPE) | T (GOVERNING_LAW),
    T (EXCLUSIVITY_NONCOMPETE) | T (EXPORT_CONTROL) | T (JOINT_OWNERSHIP) | T (NON_SOLICITATION),
    MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL, 6 },
  { "near_misses_ja.txt", TRUE, T (LICENSE_SCOPE) | T (GOVERNING_LAW),
    T (EXCLUSIVITY_NONCOMPETE) | T (EXPORT_CONTROL) | T (JOINT_OWNERSHIP) | T (NON_SOLICITATION),
    MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL, 4 },
};

static void
test_fixtures (void)
{
  for (gsize f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autofree char *name = g_build_filename ("contracts", fixtures[f].file, NULL);
      gsize length;
      g_autofree char *text = fixture_text (name, &length);
      g_autoptr(MamoriContractScan) scan = mamori_contract_scan (text, length, fixtures[f].outside_group_a);

      g_test_message ("%s", fixtures[f].file);
      assert_passages_exact (scan, text, length);
      for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
        {
          const MamoriContractFinding *finding = mamori_contract_scan_get_finding (scan, t);

          if (fixtures[f].present & (1u << t))
            {
              if (!finding->found)
                g_error ("%s: %s not found", fixtures[f].file, mamori_contract_topic_get_id (t));
              g_assert_nonnull (((MamoriContractPassage *) g_ptr_array_index (finding->passages, finding->passages->len - 1))->article);
            }
          if ((fixtures[f].absent & (1u << t)) && finding->found)
            g_error ("%s: %s reported at %s", fixtures[f].file, mamori_contract_topic_get_id (t),
                     ((MamoriContractPassage *) g_ptr_array_index (finding->passages, 0))->text);
        }
      g_assert_cmphex (mamori_contract_scan_get_flags (scan), ==, fixtures[f].flags);
      g_assert_cmpuint (mamori_contract_scan_get_n_articles (scan), ==, fixtures[f].n_articles);
    }
}

static const MamoriContractPassage *
first_passage (MamoriContractScan  *scan,
               MamoriContractTopic  topic)
{
  const MamoriContractFinding *finding = mamori_contract_scan_get_finding (scan, topic);

  g_assert_true (finding->found);
  return g_ptr_array_index (finding->passages, 0);
}

/* Articles in kanji, arabic and full-width numerals, paragraphs in every
 * notation, and passages that are exact slices of the original. */
static void
test_articles (void)
{
  const char *japanese =
    "（定義）\n"
    "第一条　本契約において、改良技術とは本技術の改良をいう。\n"
    "\n"
    "（秘密保持）\n"
    "第２条　乙は、秘密情報を第三者に開示しない。\n"
    "２　乙は、本契約終了時に秘密情報を返還する。\n"
    "第3条　甲は、乙に対し、本特許権の通常実施権を許諾する。\n"
    "①　ＥＸＰＯＲＴ　ＣＯＮＴＲＯＬ：乙は、外為法を遵守する。\n"
    "（１）　本契約は日本法に準拠する。\n"
    "第２項　本条の規定は本契約終了後も存続する。\n"
    "第４条第２項の規定は準用しない。\n";
  const char *english =
    "Article 5 Confidentiality\n"
    "The Recipient shall keep the Confidential Information secret.\n"
    "5.2 The Recipient shall return all copies on request. This Agreement is\n"
    "governed by the laws of Japan.\n"
    "Section 6 Export\n"
    "(a) The Recipient shall comply with export control laws, e.g. the U.S. Export Administration\n"
    "Regulations, as set out in Art. 4. Party A. Keeps the rest.\n";
  g_autoptr(MamoriContractScan) scan = mamori_contract_scan (japanese, -1, FALSE);
  g_autoptr(MamoriContractScan) scan_en = NULL;
  const MamoriContractPassage *passage;

  assert_passages_exact (scan, japanese, strlen (japanese));
  g_assert_cmpuint (mamori_contract_scan_get_n_articles (scan), ==, 3);

  passage = first_passage (scan, MAMORI_CONTRACT_TOPIC_IMPROVEMENT_INVENTIONS);
  g_assert_cmpstr (passage->article, ==, "第一条");
  g_assert_cmpstr (passage->text, ==, "第一条　本契約において、改良技術とは本技術の改良をいう。");

  /* A caption belongs to the article below it. */
  passage = first_passage (scan, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY);
  g_assert_cmpstr (passage->article, ==, "第２条");
  g_assert_cmpstr (passage->text, ==, "（秘密保持）");
  g_assert_cmpstr (((MamoriContractPassage *) g_ptr_array_index (mamori_contract_scan_get_finding (scan, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY)->passages, 2))->article, ==, "第２条第2項");

  passage = first_passage (scan, MAMORI_CONTRACT_TOPIC_LICENSE_SCOPE);
  g_assert_cmpstr (passage->article, ==, "第3条");

  /* Full-width letters match; the passage keeps them as written. */
  passage = first_passage (scan, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL);
  g_assert_cmpstr (passage->article, ==, "第3条①");
  g_assert_true (g_str_has_prefix (passage->text, "①　ＥＸＰＯＲＴ"));

  passage = first_passage (scan, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW);
  g_assert_cmpstr (passage->article, ==, "第3条(1)");
  g_assert_cmpstr (passage->text, ==, "（１）　本契約は日本法に準拠する。");

  /* 第N項 at the start of a line is a paragraph, not an article. */
  passage = first_passage (scan, MAMORI_CONTRACT_TOPIC_TERMINATION_SURVIVAL);
  g_assert_cmpstr (passage->article, ==, "第3条第２項");

  scan_en = mamori_contract_scan (english, -1, TRUE);
  assert_passages_exact (scan_en, english, strlen (english));
  g_assert_cmpuint (mamori_contract_scan_get_n_articles (scan_en), ==, 2);
  passage = first_passage (scan_en, MAMORI_CONTRACT_TOPIC_CONFIDENTIALITY);
  g_assert_cmpstr (passage->article, ==, "Article 5");
  /* A wrapped line continues the sentence. */
  passage = first_passage (scan_en, MAMORI_CONTRACT_TOPIC_GOVERNING_LAW);
  g_assert_cmpstr (passage->article, ==, "5.2");
  g_assert_cmpstr (passage->text, ==, "This Agreement is\ngoverned by the laws of Japan.");
  passage = first_passage (scan_en, MAMORI_CONTRACT_TOPIC_EXPORT_CONTROL);
  g_assert_cmpstr (passage->article, ==, "Section 6(a)");
  /* Initials and short forms do not end a sentence; a lone letter does. */
  g_assert_cmpstr (passage->text, ==, "(a) The Recipient shall comply with export control laws, e.g. the U.S. Export Administration\n"
                                      "Regulations, as set out in Art. 4. Party A.");
  g_assert_cmphex (mamori_contract_scan_get_flags (scan_en), ==, 0);
}

static void
test_flags (void)
{
  static const struct
  {
    const char *text;
    gboolean outside_group_a;
    MamoriContractFlags flags;
  } cases[] = {
    { "第1条　甲は乙に対し、本特許権の通常実施権を無償で許諾する。\n", FALSE, MAMORI_CONTRACT_FLAG_ROYALTY_FREE_LICENSE },
    { "第1条　甲は乙に対し、本ソフトウェアの使用権を期間の定めなく許諾する。\n", FALSE, MAMORI_CONTRACT_FLAG_PERPETUAL_LICENSE },
    { "Article 1\nThe Company grants the Partner a perpetual, irrevocable, royalty-free licence.\n", FALSE,
      MAMORI_CONTRACT_FLAG_PERPETUAL_LICENSE | MAMORI_CONTRACT_FLAG_ROYALTY_FREE_LICENSE },
    { "第1条　本発明に係る特許権は甲乙の共有とする。\n", FALSE, MAMORI_CONTRACT_FLAG_JOINT_OWNERSHIP },
    { "第1条　乙は秘密情報を第三者に開示しない。\n", FALSE, MAMORI_CONTRACT_FLAG_NO_RETURN_OBLIGATION },
    { "第1条　乙は秘密情報を第三者に開示しない。\n２　乙は、甲の求めに応じ秘密情報を廃棄する。\n", FALSE, 0 },
    { "第1条　乙は秘密情報を第三者に開示しない。\n２　乙は、甲の求めに応じ秘密情報を廃棄する。\n", TRUE, MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL },
    { "第1条　乙は外為法を遵守する。\n", TRUE, 0 },
    { "第1条　甲は乙に対し、通常実施権を有償で許諾する。\n", FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MamoriContractScan) scan = mamori_contract_scan (cases[i].text, -1, cases[i].outside_group_a);
      MamoriContractFlags flags = mamori_contract_scan_get_flags (scan);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmphex (flags, ==, cases[i].flags);
    }

  for (guint bit = 0; bit < 5; bit++)
    {
      g_assert_nonnull (mamori_contract_flag_get_id (1u << bit));
      g_assert_nonnull (mamori_contract_flag_get_label (1u << bit));
    }
  for (guint t = 0; t < MAMORI_N_CONTRACT_TOPICS; t++)
    g_assert_nonnull (mamori_contract_topic_get_label (t));
}

/* Broken bytes and empty input are read, not trusted. */
static void
test_malformed (void)
{
  const char broken[] = "第1条\xff\xfe 秘密\xe7\xa7\x98\0情報\n(\n第\n1.\n";
  g_autoptr(MamoriContractScan) empty = mamori_contract_scan ("", 0, TRUE);
  g_autoptr(MamoriContractScan) scan = mamori_contract_scan (broken, sizeof broken - 1, FALSE);

  g_assert_cmphex (mamori_contract_scan_get_flags (empty), ==, MAMORI_CONTRACT_FLAG_NO_EXPORT_CONTROL);
  g_assert_cmpuint (mamori_contract_scan_get_n_articles (empty), ==, 0);
  g_assert_cmpuint (mamori_contract_scan_get_n_articles (scan), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/contract-scan/json-reader", test_json_reader);
  g_test_add_func ("/contract-scan/accuracy", test_accuracy);
  g_test_add_func ("/contract-scan/fixtures", test_fixtures);
  g_test_add_func ("/contract-scan/articles", test_articles);
  g_test_add_func ("/contract-scan/flags", test_flags);
  g_test_add_func ("/contract-scan/malformed", test_malformed);

  return g_test_run ();
}
