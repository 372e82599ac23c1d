/* test-cli.c — the command line, with no display at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-utils.h"

static void
run_mamori_full (const char * const  *arguments,
                 char               **out_stdout,
                 char               **out_stderr,
                 int                 *out_status)
{
  const char *binary = g_getenv ("MAMORI_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);

  /* Scripts and CI run these where there is no display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, out_status, &error);
  g_assert_no_error (error);
}

static void
run_mamori (const char  *argument,
            char       **out_stdout,
            int         *out_status)
{
  const char *arguments[] = { argument, NULL };

  run_mamori_full (arguments, out_stdout, NULL, out_status);
}

static void
test_version (void)
{
  g_autofree char *output = NULL;
  g_autofree char *expected = g_strdup_printf ("mamori %s\n", PACKAGE_VERSION);
  int status;

  run_mamori ("--version", &output, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (output, ==, expected);
}

static void
test_help (void)
{
  g_autofree char *output = NULL;
  int status;

  run_mamori ("--help", &output, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (output, "WORKSPACE-FILE"));
  g_assert_nonnull (strstr (output, "--version"));
  g_assert_nonnull (strstr (output, "workspace used last"));
}

static void
test_unknown_option (void)
{
  g_autofree char *output = NULL;
  int status;

  run_mamori ("--no-such-option", &output, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
}

static void
test_import_export_csv (void)
{
  g_autofree char *any = mamori_test_workspace_path ("x");
  g_autofree char *dir = g_path_get_dirname (any);
  g_autofree char *csv = g_build_filename (dir, "台帳.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *workspace = g_build_filename (dir, "client.mamori", NULL);
  g_autofree char *exported = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_file_set_contents (csv, "資産名,カテゴリ,漏えい時の競争力低下\n金型図面,製造関連情報,高\n顧客名簿,顧客情報,中\n", -1, &error);
  g_file_set_contents (bad, "資産名,カテゴリ\n図面,ラーメン\n", -1, &error);
  g_assert_no_error (error);

  {
    const char *arguments[] = { "--import-csv", csv, workspace, NULL };
    run_mamori_full (arguments, &out, &err, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "Imported 2 assets"));
  }

  /* A bad file: every problem with its line, a failure status, and the
   * workspace exactly as it was. */
  sha_before = mamori_test_dup_file_sha256 (workspace);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *arguments[] = { "--import-csv", bad, workspace, NULL };
    run_mamori_full (arguments, &out, &err, &status);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "Line 2"));
    g_assert_nonnull (strstr (err, "ラーメン"));
  }
  sha_after = mamori_test_dup_file_sha256 (workspace);
  g_assert_cmpstr (sha_after, ==, sha_before);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *arguments[] = { "--export-csv", exported, workspace, NULL };
    run_mamori_full (arguments, &out, &err, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_file_get_contents (exported, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "金型図面,製造関連情報"));
  g_assert_nonnull (strstr (contents, ",極秘,"));
  g_assert_cmpuint (mamori_test_file_mode (exported), ==, 0600);

  /* Called wrongly: usage status 2. */
  {
    const char *arguments[] = { "--export-csv", exported, NULL };
    run_mamori_full (arguments, NULL, NULL, &status);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
  }
}

/* --lookup prints the matches best first; --json in the documented shape. */
static void
test_lookup (void)
{
  const char *text_args[] = { "--lookup=ﾄﾞｲﾂ", NULL };
  const char *json_args[] = { "--lookup", "MLCC", "--json", NULL };
  const char *none_args[] = { "--lookup=ぬるぽがっ", "--json", NULL };
  const char *wrong_args[] = { "--lookup=MLCC", "client.mamori", NULL };
  const char *blank[] = { "--lookup=  　", NULL };
  const char *with_encoding[] = { "--lookup=MLCC", "--encoding=cp932", NULL };
  const char *json_alone[] = { "--json", NULL };
  const char * const *usage_errors[] = { blank, with_encoding, json_alone };
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *none = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *error = NULL;
  int status;

  run_mamori_full (text_args, &text, NULL, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "ドイツ (Germany)"));
  g_assert_nonnull (strstr (text, "1 match in catalog version 2026.11.1."));

  run_mamori_full (json_args, &json, NULL, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (json, "{\"catalog_version\": \"2026.11.1\", \"results\": [\n  {\"list\": "));
  /* ASCII only, so it survives any locale: 積層セラミックコンデンサ */
  g_assert_nonnull (strstr (json, "\"name_ja\": \"\\u7a4d\\u5c64\\u30bb\\u30e9\\u30df\\u30c3\\u30af"));
  g_assert_nonnull (strstr (json, "\"status\": \"verified-secondary\""));
  g_assert_nonnull (strstr (json, "\"as_of\": \""));
  g_assert_true (g_str_has_suffix (json, "}\n]}\n"));

  run_mamori_full (none_args, &none, NULL, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (none, ==, "{\"catalog_version\": \"2026.11.1\", \"results\": []}\n");

  run_mamori_full (wrong_args, &wrong, &error, &status);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (error, "--lookup"));
  for (guint i = 0; i < G_N_ELEMENTS (usage_errors); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      run_mamori_full (usage_errors[i], &out, &err, &status);
      g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    }
}

/* --scan-contract reads a Word file and prints the topics; --json in the
 * documented shape; a file that is not a contract gets a clear error. */
static void
test_scan_contract (void)
{
  g_autofree char *docx = mamori_test_fixture_path ("contract-files/joint-development.docx");
  g_autofree char *broken = mamori_test_fixture_path ("contract-files/broken.docx");
  g_autofree char *docx_arg = g_strdup_printf ("--scan-contract=%s", docx);
  g_autofree char *broken_arg = g_strdup_printf ("--scan-contract=%s", broken);
  const char *text_args[] = { docx_arg, NULL };
  const char *json_args[] = { docx_arg, "--json", "--country=中国", NULL };
  const char *broken_args[] = { broken_arg, NULL };
  const char *country_alone[] = { "--country=中国", NULL };
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *out = NULL;
  g_autofree char *error = NULL;
  g_autofree char *usage = NULL;
  int status;

  run_mamori_full (text_args, &text, NULL, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "[x] Governing law"));
  g_assert_nonnull (strstr (text, "第2条"));

  run_mamori_full (json_args, &json, NULL, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (json, "{\"topics\": {\n  \"background_ip\": {\"found\": "));
  g_assert_nonnull (strstr (json, "\"governing_law\": {\"found\": true, \"passages\": [{\"article\": \"\\u7b2c2\\u6761\""));
  /* China is not in Group A and the contract has no export-control clause. */
  g_assert_nonnull (strstr (json, "\"no_export_control\""));

  run_mamori_full (broken_args, &out, &error, &status);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (error, "Word"));

  run_mamori_full (country_alone, &usage, NULL, &status);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
}

/* --scan-contract --type marks the essential topics and names those not
 * found; a wrong type or position is a usage error that lists the names. */
static void
test_scan_contract_type (void)
{
  g_autofree char *docx = mamori_test_fixture_path ("contract-files/joint-development.docx");
  g_autofree char *docx_arg = g_strdup_printf ("--scan-contract=%s", docx);
  const char *text_args[] = { docx_arg, "--type=joint-development", NULL };
  const char *json_args[] = { docx_arg, "--json", "--type=nda", "--position=receiver", NULL };
  const char *plain_json_args[] = { docx_arg, "--json", NULL };
  const char *bad_type[] = { docx_arg, "--type=partnership", NULL };
  const char *bad_position[] = { docx_arg, "--type=license-in", "--position=provider", NULL };
  const char *type_alone[] = { "--type=nda", NULL };
  const char *position_alone[] = { "--position=mutual", NULL };
  const char *position_without_type[] = { docx_arg, "--position=mutual", NULL };
  const char * const *usage_errors[] = { type_alone, position_alone, position_without_type };
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *plain_json = NULL;
  g_autofree char *out = NULL;
  g_autofree char *error = NULL;
  int status;

  /* Joint development, by default "both bring technology": everything is
   * essential, and the fixture has only joint ownership and governing law. */
  run_mamori_full (text_args, &text, NULL, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "[x] Governing law and jurisdiction (essential)\n"));
  g_assert_nonnull (strstr (text, "[ ] Export control (essential): not found\n"));
  g_assert_true (g_str_has_suffix (text, "Essential topics not found: Background technology, Ownership of results, "
                                         "Improvements, Licence scope, Confidentiality, Exclusivity and non-compete, "
                                         "Non-solicitation of staff, Export control, Survival after termination\n"));

  run_mamori_full (json_args, &json, NULL, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (json, "{\"topics\": {\n  \"background_ip\": {\"found\": false, \"passages\": [], \"flags\": [], \"essential\": true}"));
  g_assert_nonnull (strstr (json, "\"license_scope\": {\"found\": false, \"passages\": [], \"flags\": [], \"essential\": false}"));
  g_assert_true (g_str_has_suffix (json, "\"type\": \"nda\", \"position\": \"receiver\", "
                                         "\"missing_essential\": [\"background_ip\", \"confidentiality\", \"termination_survival\"]}\n"));

  /* Without --type the JSON says nothing about essentials. */
  run_mamori_full (plain_json_args, &plain_json, NULL, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_null (strstr (plain_json, "essential"));

  run_mamori_full (bad_type, &out, &error, &status);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (error, "partnership"));
  g_assert_nonnull (strstr (error, "joint-development, license-in, license-out, manufacturing, sales, nda, joint-venture"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&error, g_free);

  run_mamori_full (bad_position, &out, &error, &status);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (error, "use one of receiver."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&error, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (usage_errors); i++)
    {
      run_mamori_full (usage_errors[i], &out, &error, &status);
      g_assert_cmpint (WEXITSTATUS (status), ==, 2);
      g_assert_nonnull (strstr (error, "--"));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&error, g_free);
    }
}

/* An export replaces only a file of its own kind: given the workspace, a
 * Word document, a folder or a pipe by mistake, it refuses and leaves it
 * exactly as it was; an older export or an empty file is replaced. */
static void
test_export_destinations (void)
{
  g_autofree char *workspace = mamori_test_workspace_path ("client.mamori");
  g_autofree char *dir = g_path_get_dirname (workspace);
  g_autofree char *docx = g_build_filename (dir, "contract.docx", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *old_csv = g_build_filename (dir, "old.csv", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.csv", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *english = g_build_filename (dir, "agreement.txt", NULL);
  g_autofree char *one_line = g_build_filename (dir, "reminder.txt", NULL);
  g_autofree char *inches = g_build_filename (dir, "pipes.txt", NULL);
  g_autofree char *header_only = g_build_filename (dir, "no-assets.csv", NULL);
  g_autofree char *wal = g_strconcat (workspace, "-wal", NULL);
  g_autofree char *big_csv = g_build_filename (dir, "big-export.csv", NULL);
  g_autoptr(GString) big = g_string_new ("\xEF\xBB\xBFID,資産名,備考\r\n");
  g_autofree char *docx_fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "contract-files",
                                                         "joint-development.docx", NULL);
  g_autofree char *docx_bytes = NULL;
  gsize docx_length;
  g_autoptr(MamoriStore) store = NULL;
  g_autoptr(MamoriAsset) asset = mamori_asset_new ();
  g_autoptr(GError) error = NULL;
  const char *refused[] = { workspace, docx, notes, pdf, dir, fifo, english, wal, one_line, inches };

  store = mamori_store_open (workspace, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_object_set (asset, "name", "金型図面", NULL);
  mamori_store_add_asset (store, asset, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (docx_fixture, &docx_bytes, &docx_length, NULL));
  g_assert_true (g_file_set_contents (docx, docx_bytes, (gssize) docx_length, NULL));
  g_assert_true (g_file_set_contents (notes, "打合せメモ\n次回は来週。\n", -1, NULL));
  g_assert_true (g_file_set_contents (pdf, "%PDF-1.5\n%…\n", -1, NULL));
  g_assert_true (g_file_set_contents (old_csv, "\xEF\xBB\xBFID,資産名\r\n1,古い\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  /* Prose with commas in its first line is not CSV. */
  g_assert_true (g_file_set_contents (english, "This Agreement, dated 1 April 2026, is made between A and B.\n"
                                      "The parties agree as follows:\n", -1, NULL));
  /* One line of prose with commas; prose with an inch mark. */
  g_assert_true (g_file_set_contents (one_line, "Call Tanaka, Suzuki and Sato tomorrow.\n", -1, NULL));
  g_assert_true (g_file_set_contents (inches, "The 12\" pipe, rated 10 bar, is fine\nThe 8, 6 and 4 are not\n", -1, NULL));
  /* An export of a register with no assets: its header only. */
  g_assert_true (g_file_set_contents (header_only, "\xEF\xBB\xBFID,資産名,カテゴリ\r\n", -1, NULL));
  /* SQLite's journal beside a workspace is often empty while it is open. */
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  /* A larger export, with line breaks in quoted notes across the part
   * that is looked at. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (big, "%u,図面%u,\"一行目\n二行目, 三行目\"\r\n", i, i);
  g_assert_true (g_file_set_contents (big_csv, big->str, (gssize) big->len, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      const char *arguments[] = { "--export-csv", refused[i], workspace, NULL };
      g_autofree char *before = g_file_test (refused[i], G_FILE_TEST_IS_REGULAR) ? mamori_test_dup_file_sha256 (refused[i]) : NULL;
      g_autofree char *after = NULL;
      g_autofree char *err = NULL;
      int status;

      run_mamori_full (arguments, NULL, &err, &status);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
      g_assert_true (strstr (err, "not a CSV file") != NULL || strstr (err, "is a folder") != NULL);
      if (before != NULL)
        {
          after = mamori_test_dup_file_sha256 (refused[i]);
          g_assert_cmpstr (after, ==, before);
        }
    }
  /* The workspace given as its own export is still the workspace. */
  store = mamori_store_open (workspace, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mamori_store_count_assets (store), ==, 1);
  g_clear_object (&store);

  /* And as the PDF: the same check, one for every export. */
  {
    const char *arguments[] = { "--export-pdf", old_csv, workspace, NULL };
    g_autofree char *err = NULL;
    int status;

    run_mamori_full (arguments, NULL, &err, &status);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
    g_assert_nonnull (strstr (err, "not a PDF"));
  }

  /* A CSV file (an older export) and an empty file are replaced. */
  {
    const char *targets[] = { old_csv, empty, big_csv, header_only };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        const char *arguments[] = { "--export-csv", targets[i], workspace, NULL };
        g_autofree char *contents = NULL;
        int status;

        run_mamori_full (arguments, NULL, NULL, &status);
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        g_assert_true (g_file_get_contents (targets[i], &contents, NULL, NULL));
        g_assert_nonnull (strstr (contents, "金型図面"));
      }
  }
}

/* What cannot be read is refused before it is read: a pipe would hang, a
 * device never ends, a huge file would fill the memory. */
static void
test_unreadable_inputs (void)
{
  g_autofree char *workspace = mamori_test_workspace_path ("inputs.mamori");
  g_autofree char *dir = g_path_get_dirname (workspace);
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.csv", NULL);
  const struct { const char *option; const char *path; const char *says; } cases[] = {
    { "--import-csv", fifo, "not an ordinary file" },
    { "--import-csv", "/dev/zero", "not an ordinary file" },
    { "--import-csv", huge, "larger than" },
    { "--import-csv", dir, "is a folder" },
    { "--scan-contract", fifo, "not an ordinary file" },
    { "--scan-contract", "/dev/zero", "not an ordinary file" },
    { "--scan-contract", huge, "larger than" },
  };
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* 3 GB that take no room: a sparse file. */
  fd = g_open (huge, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 3 * 1024 * 1024 * 1024), ==, 0);
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *with_workspace[] = { cases[i].option, cases[i].path, workspace, NULL };
      const char *alone[] = { cases[i].option, cases[i].path, NULL };
      g_autofree char *err = NULL;
      int status;

      run_mamori_full (g_str_equal (cases[i].option, "--import-csv") ? with_workspace : alone, NULL, &err, &status);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
      g_assert_nonnull (strstr (err, cases[i].says));
    }
  /* Nothing was imported, so no workspace was made either. */
  g_assert_false (g_file_test (workspace, G_FILE_TEST_EXISTS));
}


static void
assert_same_file (const char *path,
                  const char *sha256)
{
  g_autofree char *now = mamori_test_dup_file_sha256 (path);

  g_assert_cmpstr (now, ==, sha256);
}

static int
exit_code (int status)
{
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* --findings, --snapshot and --export-actions on a workspace with a 極秘
 * asset and one action. */
static void
test_findings_plan (void)
{
  g_autofree char *path = mamori_test_workspace_path ("plan.mamori");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *xlsx = g_build_filename (folder, "plan.xlsx", NULL);
  g_autofree char *csv = g_build_filename (folder, "plan.csv", NULL);
  g_autofree char *xlsx_option = g_strdup_printf ("--export-actions=%s", xlsx);
  g_autofree char *csv_option = g_strdup_printf ("--export-actions=%s", csv);
  g_autofree char *self_option = g_strdup_printf ("--export-actions=%s", path);
  g_autofree char *folder_option = g_strdup_printf ("--export-actions=%s/", folder);
  g_autofree char *out = NULL, *err = NULL, *data = NULL, *sha = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int status;

  {
    g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);
    g_autoptr(MamoriAsset) asset = mamori_asset_new ();
    g_autoptr(MamoriAction) action = mamori_action_new ();

    g_assert_no_error (error);
    g_object_set (asset, "name", "金型設計図", "class-override", 3, "override-reason", "顧客指定", NULL);
    mamori_store_add_asset (store, asset, &error);
    g_assert_no_error (error);
    g_free (action->title);
    action->title = g_strdup ("設計サーバーのアクセス制限");
    g_free (action->owner);
    action->owner = g_strdup ("情報システム課");
    action->board_decision = TRUE;
    g_free (action->finding_key);
    action->finding_key = g_strdup ("asset-routes:1");
    mamori_store_save_action (store, action, &error);
    g_assert_no_error (error);
  }

  /* JSON a script can read: rating, findings with their records. */
  {
    const char *arguments[] = { "--findings", "--json", path, NULL };
    const char *check[] = { "python3", "-c",
      "import json,sys\n"
      "d = json.load(sys.stdin)\n"
      "assert d['rating'] == 'red', d['rating']\n"
      "f = {x['key']: x for x in d['findings']}\n"
      "r = f['asset-routes:1']\n"
      "assert (r['likelihood'], r['impact'], r['severity']) == (3, 3, 9)\n"
      "assert r['records'] == [{'type': 'asset', 'id': 1}]\n"
      "assert r['status'] == 'accepted'\n"
      "assert f['checklist-not-started:basic-cyber']['records'][0]['id'] == 'basic-cyber'\n"
      "s = [x['severity'] for x in d['findings']]\n"
      "assert s == sorted(s, reverse=True)\n"
      "assert d['since_snapshot'] is None\n",
      NULL };
    g_autoptr(GSubprocess) python = NULL;
    g_autofree char *python_err = NULL;

    run_mamori_full (arguments, &out, NULL, &status);
    g_assert_cmpint (exit_code (status), ==, 0);
    python = g_subprocess_newv (check, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (python, out, NULL, NULL, &python_err, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (python_err, ==, "");
    g_assert_cmpint (g_subprocess_get_exit_status (python), ==, 0);
    g_clear_pointer (&out, g_free);
  }

  /* A snapshot, then the comparison with it. */
  {
    const char *blank[] = { "--snapshot= ", path, NULL };
    const char *arguments[] = { "--snapshot=2026年12月 取締役会", path, NULL };
    const char *again[] = { "--findings", "--json", path, NULL };

    sha = mamori_test_dup_file_sha256 (path);
    run_mamori_full (blank, NULL, NULL, &status);
    g_assert_cmpint (exit_code (status), ==, 2);
    assert_same_file (path, sha);
    run_mamori_full (arguments, &out, NULL, &status);
    g_assert_cmpint (exit_code (status), ==, 0);
    g_assert_nonnull (strstr (out, "2026年12月 取締役会"));
    g_clear_pointer (&out, g_free);
    run_mamori_full (again, &out, NULL, &status);
    g_assert_nonnull (strstr (out, "\"since_snapshot\": {\"label\": "));
    g_assert_nonnull (strstr (out, "\"new\": 0, \"resolved\": 0"));
    g_clear_pointer (&out, g_free);
  }

  /* The plan as a workbook and as CSV. */
  {
    const char *arguments[] = { xlsx_option, path, NULL };
    const char *as_csv[] = { csv_option, path, NULL };

    run_mamori_full (arguments, NULL, NULL, &status);
    g_assert_cmpint (exit_code (status), ==, 0);
    g_file_get_contents (xlsx, &data, &length, &error);
    g_assert_no_error (error);
    g_assert_true (length > 1000 && memcmp (data, "PK\003\004", 4) == 0);
    g_assert_cmpuint (mamori_test_file_mode (xlsx), ==, 0600);
    g_clear_pointer (&data, g_free);
    /* Written again over its own earlier export. */
    run_mamori_full (arguments, NULL, NULL, &status);
    g_assert_cmpint (exit_code (status), ==, 0);

    run_mamori_full (as_csv, NULL, NULL, &status);
    g_assert_cmpint (exit_code (status), ==, 0);
    g_file_get_contents (csv, &data, &length, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (data, "設計サーバーのアクセス制限"));
    g_assert_nonnull (strstr (data, "情報システム課"));
    g_assert_nonnull (strstr (data, "leak routes"));
  }

  /* Bad destinations and workspaces: a clear message, nothing changed. */
  {
    const char *onto_workspace[] = { self_option, path, NULL };
    const char *onto_folder[] = { folder_option, path, NULL };
    const char *onto_csv_as_xlsx[] = { NULL, path, NULL };
    const char *missing[] = { "--findings", "/nonexistent/none.mamori", NULL };
    g_autofree char *csv_as_xlsx = g_build_filename (folder, "plan-csv.xlsx", NULL);
    g_autofree char *csv_as_xlsx_option = g_strdup_printf ("--export-actions=%s", csv_as_xlsx);
    g_autofree char *csv_sha = NULL;

    g_free (sha);
    sha = mamori_test_dup_file_sha256 (path);
    run_mamori_full (onto_workspace, NULL, &err, &status);
    g_assert_cmpint (exit_code (status), ==, 2);
    g_assert_nonnull (strstr (err, ".xlsx"));
    g_clear_pointer (&err, g_free);
    assert_same_file (path, sha);

    run_mamori_full (onto_folder, NULL, &err, &status);
    g_assert_cmpint (exit_code (status), !=, 0);
    g_clear_pointer (&err, g_free);

    /* A CSV named .xlsx is not a workbook: left alone. */
    g_file_set_contents (csv_as_xlsx, "a,b\n1,2\n", -1, &error);
    csv_sha = mamori_test_dup_file_sha256 (csv_as_xlsx);
    onto_csv_as_xlsx[0] = csv_as_xlsx_option;
    run_mamori_full (onto_csv_as_xlsx, NULL, &err, &status);
    g_assert_cmpint (exit_code (status), ==, 1);
    g_assert_nonnull (strstr (err, "not an Excel workbook"));
    g_clear_pointer (&err, g_free);
    assert_same_file (csv_as_xlsx, csv_sha);

    run_mamori_full (missing, NULL, &err, &status);
    g_assert_cmpint (exit_code (status), ==, 1);
    g_assert_nonnull (strstr (err, "none.mamori"));
    g_assert_false (g_file_test ("/nonexistent/none.mamori", G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  mamori_test_init (&argc, &argv);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/import-export-csv", test_import_export_csv);
  g_test_add_func ("/cli/export-destinations", test_export_destinations);
  g_test_add_func ("/cli/unreadable-inputs", test_unreadable_inputs);
  g_test_add_func ("/cli/lookup", test_lookup);
  g_test_add_func ("/cli/findings-plan", test_findings_plan);
  g_test_add_func ("/cli/scan-contract", test_scan_contract);
  g_test_add_func ("/cli/scan-contract-type", test_scan_contract_type);

  return g_test_run ();
}
