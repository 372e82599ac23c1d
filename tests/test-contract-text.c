/* test-contract-text.c — reading a contract from .docx and text files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "io/mamori-contract-text.h"
#include "test-utils.h"

static char *
read_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = mamori_test_fixture_path (name);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return mamori_contract_text_read ((const guint8 *) data, length, error);
}

/* A Word document: its paragraphs become lines, runs join, tabs stay,
 * entities are decoded. */
static void
test_docx (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_fixture ("contract-files/joint-development.docx", &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "共同開発契約書\n"));
  g_assert_nonnull (strstr (text, "第1条（目的） 甲及び乙は、R&D の成果を\t共有する。\n"));
  g_assert_nonnull (strstr (text, "第2条（準拠法）本契約は日本法に準拠する。\n"));
}

/* A broken or foreign archive, a binary file, an empty one: a clear error. */
static void
test_bad_files (void)
{
  static const guint8 binary[] = { 0x00, 0x01, 0xFF, 0xFE, 0x00, 0x80, 0x81 };
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = read_fixture ("contract-files/broken.docx", &error);
  g_autofree char *foreign = NULL;
  char *text;

  g_assert_null (broken);
  g_assert_error (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "Word"));
  g_clear_error (&error);

  foreign = read_fixture ("contract-files/not-word.docx", &error);
  g_assert_null (foreign);
  g_assert_error (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_NOT_TEXT);
  g_clear_error (&error);

  text = mamori_contract_text_read (binary, sizeof binary, &error);
  g_assert_null (text);
  g_assert_error (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_NOT_TEXT);
  g_clear_error (&error);

  text = mamori_contract_text_read ((const guint8 *) " \n　\n", strlen (" \n　\n"), &error);
  g_assert_null (text);
  g_assert_error (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_EMPTY);
}

/* Text saved by Japanese Windows (Shift_JIS) reads as UTF-8. */
static void
test_cp932 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_fixture ("contract-files/nda-cp932.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "秘密保持契約書\n第1条（秘密情報）甲は乙に開示する。\n");
}

/* A Word file whose document part is empty (stored or compressed): "no
 * text", never a crash. */
static void
test_empty_document_part (void)
{
  const char *names[] = { "contract-files/empty-document.docx", "contract-files/empty-document-deflated.docx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = read_fixture (names[i], &error);

      g_assert_null (text);
      g_assert_nonnull (error);
      g_assert_true (error->domain == MAMORI_CONTRACT_TEXT_ERROR);
      g_assert_true (error->code == MAMORI_CONTRACT_TEXT_ERROR_EMPTY || error->code == MAMORI_CONTRACT_TEXT_ERROR_DAMAGED);
    }
}

/* UTF-16 text with a NUL in the middle is refused with its line, not cut
 * short at it: the articles after it would be missing from the review. */
static void
test_nul_in_text (void)
{
  const char *contract = "秘密保持契約書\n第1条（秘密情報）\n第2条（輸出管理）\n";
  g_autoptr(GByteArray) bytes = mamori_test_utf16_with_nul (contract, "第2条");
  g_autoptr(GError) error = NULL;
  char *text;

  text = mamori_contract_text_read (bytes->data, bytes->len, &error);
  g_assert_null (text);
  g_assert_error (error, MAMORI_CONTRACT_TEXT_ERROR, MAMORI_CONTRACT_TEXT_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/contract-text/docx", test_docx);
  g_test_add_func ("/contract-text/empty-document-part", test_empty_document_part);
  g_test_add_func ("/contract-text/nul", test_nul_in_text);
  g_test_add_func ("/contract-text/bad-files", test_bad_files);
  g_test_add_func ("/contract-text/cp932", test_cp932);

  return g_test_run ();
}
