/* bench-assets.c — the asset register at 100,000 assets: what a user waits for
 *
 * meson compile -C _build bench-assets
 * xvfb-run -a -s "-screen 0 1280x800x24" _build/tests/bench-assets [ASSETS]
 *
 * 1. Fills a workspace with ASSETS varied assets (default 100,000), exports
 *    them to CSV (our own format, UTF-8 with BOM) and imports that file
 *    into a new workspace: the import is timed from reading the file to
 *    the committed transaction, as `mamori --import-csv` does it.
 * 2. With a display: opens the imported workspace in the Assets page in a
 *    window and times opening to the first frame that shows rows; then
 *    types searches one character at a time and sorts by every column,
 *    timing the work each does on the main thread (the model and the
 *    table's update, then the next frame's layout and paint), and reports
 *    the memory the open register adds.
 *
 * Prints figures; asserts nothing about speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "analysis/mamori-classification.h"
#include "io/mamori-asset-csv.h"
#include "model/mamori-asset-list.h"
#include "pages/assets/mamori-assets-page.h"
#include "store/mamori-store.h"

static const char * const names[] = {
  "金型設計図面", "顧客別見積単価表", "熱処理条件のノウハウ", "試作品（次世代ギア）", "仕入先リスト",
  "製品カタログ", "実験データ", "工程表", "ＣＡＤデータ", "ﾃｽﾄ結果", "品質記録", "設備配置図",
};
static const char * const storages[] = {
  "設計サーバー /drawings", "営業共有フォルダ", "本社2F 施錠キャビネット", "ＮＡＳ－０１", "ベテラン技能者の記憶",
};
static const char * const departments[] = { "技術部", "営業部", "製造部", "購買部", "開発部", "総務部" };
static const char * const people[] = { "山田 太郎", "佐藤 花子", "田中 次郎", "鈴木 一郎", "高橋", "伊藤" };

/* Typed one character at a time, then erased, as a user does: kanji,
 * katakana typed as hiragana, full-width typed half-width, one letter. */
static const char * const typing[] = {
  "金", "金型", "金型設", "金型設計", "金型設", "金型", "金", "",
  "て", "てす", "てすと", "てす", "て", "",
  "c", "ca", "cad", "ca", "c", "",
  "図", "",
};

static MamoriAsset *
generated_asset (guint i)
{
  MamoriAsset *asset = mamori_asset_new ();
  g_autofree char *name = g_strdup_printf ("%s %s-%05u", names[i % G_N_ELEMENTS (names)],
                                           i % 3 == 0 ? "A" : "B", i);

  g_object_set (asset,
                "name", name,
                "category", (int) (1 + i % 8),
                "form", (int) (1 + i % 4),
                "storage", storages[i % G_N_ELEMENTS (storages)],
                "department", departments[i % G_N_ELEMENTS (departments)],
                "responsible", people[(i / 7) % G_N_ELEMENTS (people)],
                "access", "部長・課長",
                "entrusted", i % 11 == 0,
                "notes", i % 5 == 0 ? "最新版のみ保管。旧版は廃棄済み, \"要確認\"" : "",
                NULL);
  if (i % 10 != 0)
    {
      mamori_asset_set_rating (asset, MAMORI_VIEWPOINT_VALUE, (int) (i % 4));
      mamori_asset_set_rating (asset, MAMORI_VIEWPOINT_COMPETITION, (int) ((i / 4) % 4));
      mamori_asset_set_rating (asset, MAMORI_VIEWPOINT_TRUST, (int) ((i / 16) % 4));
    }
  return asset;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* VmRSS or VmHWM of this process, in MB. */
static double
memory_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0;
}

static void
fill (const char *path,
      guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  for (guint start = 0; start < n; start += 10000)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = start; i < MIN (n, start + 10000); i++)
        g_ptr_array_add (batch, generated_asset (i));
      g_assert_true (mamori_store_add_assets (store, batch, &error));
    }
}

static void
bench_csv (const char *source,
           const char *csv_path,
           const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MamoriAssetImport) import = NULL;
  g_autoptr(MamoriStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint count = 0;
  gint64 start;
  double export_ms, parse_ms, total_ms;

  store = mamori_store_open (source, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  bytes = mamori_asset_export (store, NULL, MAMORI_CSV_ENCODING_UTF8_BOM, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (csv_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  export_ms = elapsed_ms (start);
  g_clear_object (&store);
  g_print ("CSV export: %.0f ms (%.1f MB, UTF-8 with BOM)\n", export_ms, g_bytes_get_size (bytes) / 1e6);

  /* As `mamori --import-csv` does: read, detect, parse, check, write. */
  start = g_get_monotonic_time ();
  g_assert_true (g_file_get_contents (csv_path, &contents, &length, &error));
  import = mamori_asset_import_new ((const guint8 *) contents, length, &error);
  g_assert_no_error (error);
  parse_ms = elapsed_ms (start);
  store = mamori_store_open (target, MAMORI_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_asset_import_run (import, store, &count, NULL, &error));
  total_ms = elapsed_ms (start);
  g_print ("CSV import: %u rows in %.0f ms (read and parse %.0f ms, check and write %.0f ms)\n",
           count, total_ms, parse_ms, total_ms - parse_ms);

  /* What the import window's preview does in a worker thread, again after
   * each change of a column's mapping: every row checked, 20 kept. */
  {
    g_autoptr(MamoriClassScheme) scheme = mamori_store_dup_class_scheme (store);
    g_autofree MamoriCsvField *mapping = g_new0 (MamoriCsvField, mamori_asset_import_get_n_columns (import));
    g_autoptr(GPtrArray) assets = NULL;
    g_autoptr(GPtrArray) problems = NULL;
    guint n_assets;

    for (guint i = 0; i < mamori_asset_import_get_n_columns (import); i++)
      mapping[i] = mamori_asset_import_get_mapping (import, i);
    start = g_get_monotonic_time ();
    assets = mamori_asset_import_preview (import, mapping, scheme, 20, NULL, &n_assets, NULL, &problems);
    g_print ("CSV import preview (%u rows checked, in a worker thread): %.0f ms\n", n_assets, elapsed_ms (start));
  }
}

/* The list model alone, no widgets: what filtering and sorting cost. */
static void
bench_model (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_autoptr(MamoriAssetList) list = NULL;
  double worst = 0, total = 0;
  gint64 start;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  list = mamori_asset_list_new (store);
  g_print ("list model alone: rows read in %.0f ms;", elapsed_ms (start));
  for (guint i = 0; i < G_N_ELEMENTS (typing); i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      mamori_asset_list_set_search (list, typing[i]);
      ms = elapsed_ms (start);
      worst = MAX (worst, ms);
      total += ms;
    }
  g_print (" a keystroke %.1f ms on average, %.1f ms at worst;", total / G_N_ELEMENTS (typing), worst);
  worst = total = 0;
  for (guint which = 2; which < 2 * (MAMORI_ASSET_SORT_UPDATED + 1); which++)
    {
      double ms;

      start = g_get_monotonic_time ();
      mamori_asset_list_set_sort (list, (MamoriAssetSort) (which / 2), which % 2 == 1);
      ms = elapsed_ms (start);
      worst = MAX (worst, ms);
      total += ms;
    }
  g_print (" a sort %.0f ms on average, %.0f ms at worst\n", total / (2 * (MAMORI_ASSET_SORT_UPDATED + 1) - 2), worst);
}

/* Frame timing: the main thread's work for each frame, layout to paint. */
static gint64 layout_start;
static double last_frame_ms;
static guint frames_with_rows;
static guint frames;
static GtkWidget *table;

static gboolean
shows_rows (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_rows (c))
      return TRUE;
  return FALSE;
}

static void
on_layout (GdkFrameClock *clock)
{
  layout_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock)
{
  last_frame_ms = layout_start != 0 ? elapsed_ms (layout_start) : 0;
  layout_start = 0;
  frames++;
  /* The column headers are labels too; rows are deeper in the list view. */
  if (table != NULL && gtk_widget_get_mapped (table))
    {
      for (GtkWidget *c = gtk_widget_get_first_child (table); c != NULL; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_LIST_VIEW (c) && shows_rows (c))
          frames_with_rows++;
    }
}

static GtkWidget *window;

/* Waits for a frame; asks for one, as a frame only comes when needed. */
static void
wait_for_frame (void)
{
  guint before = frames;

  gtk_widget_queue_draw (window);
  while (frames == before)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_column_view (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs @change, returns its own time and the next frame's. */
static void
time_change (void (*change) (MamoriAssetList *list, gconstpointer data),
             MamoriAssetList *list,
             gconstpointer    data,
             double          *sync_ms,
             double          *frame_ms)
{
  gint64 start = g_get_monotonic_time ();

  change (list, data);
  *sync_ms = elapsed_ms (start);


  wait_for_frame ();
  *frame_ms = last_frame_ms;
}

static void
search (MamoriAssetList *list,
        gconstpointer    text)
{
  mamori_asset_list_set_search (list, text);
}

static void
sort (MamoriAssetList *list,
      gconstpointer    data)
{
  guint which = GPOINTER_TO_UINT (data);

  mamori_asset_list_set_sort (list, (MamoriAssetSort) (which / 2), which % 2 == 1);
}

static void
report (const char *what,
        double     *sync_ms,
        double     *frame_ms,
        guint       n)
{
  double total[64];

  for (guint i = 0; i < n; i++)
    total[i] = sync_ms[i] + frame_ms[i];
  qsort (total, n, sizeof (double), compare_doubles);
  qsort (sync_ms, n, sizeof (double), compare_doubles);
  qsort (frame_ms, n, sizeof (double), compare_doubles);
  g_print ("%s: update + next frame median %.1f ms, worst %.1f ms "
           "(update median %.1f / worst %.1f ms, frame median %.1f / worst %.1f ms; %u runs)\n",
           what, total[n / 2], total[n - 1], sync_ms[n / 2], sync_ms[n - 1], frame_ms[n / 2], frame_ms[n - 1], n);
}

static void
bench_ui (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriStore) store = NULL;
  GdkFrameClock *clock;
  GtkWidget *page;
  MamoriAssetList *list;
  double rss_before, rss_open, opened_ms, page_ms, first_ms;
  double sync_ms[64], frame_ms[64];
  gint64 start;
  guint n;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (window);
    }
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  for (int i = 0; i < 5; i++)
    wait_for_frame ();
  rss_before = memory_mb ("VmRSS:");

  /* Open: the store (with its integrity check), the page, the first rows. */
  start = g_get_monotonic_time ();
  store = mamori_store_open (path, MAMORI_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  opened_ms = elapsed_ms (start);
  page = mamori_assets_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  table = find_column_view (page);
  page_ms = elapsed_ms (start);
  while (frames_with_rows == 0)
    wait_for_frame ();
  first_ms = elapsed_ms (start);
  wait_for_frame ();
  g_print ("open a workspace of %u assets to the first rows drawn: %.0f ms "
           "(store open and checked %.0f ms, rows read and page built %.0f ms, first frame %.0f ms); "
           "the next frame, with the rows the list keeps ready, done at %.0f ms\n",
           mamori_store_count_assets (store), first_ms, opened_ms, page_ms - opened_ms,
           first_ms - page_ms, elapsed_ms (start));
  for (int i = 0; i < 10; i++)
    wait_for_frame ();
  rss_open = memory_mb ("VmRSS:");

  list = mamori_assets_page_get_list (MAMORI_ASSETS_PAGE (page));
  n = G_N_ELEMENTS (typing);
  g_print ("filter, keystroke by keystroke (query → rows shown: update + next frame):\n ");
  for (guint i = 0; i < n; i++)
    {
      time_change (search, list, typing[i], &sync_ms[i], &frame_ms[i]);
      g_print (" “%s” → %u: %.1f + %.1f ms;", typing[i], g_list_model_get_n_items (G_LIST_MODEL (list)),
               sync_ms[i], frame_ms[i]);
    }
  g_print ("\n");
  report ("filter, per keystroke", sync_ms, frame_ms, n);

  n = 0;
  for (guint which = 2; which < 2 * (MAMORI_ASSET_SORT_UPDATED + 1); which++)
    time_change (sort, list, GUINT_TO_POINTER (which), &sync_ms[n], &frame_ms[n]), n++;
  time_change (sort, list, GUINT_TO_POINTER (0), &sync_ms[n], &frame_ms[n]), n++;
  report ("sort by a column", sync_ms, frame_ms, n);

  g_print ("memory: %.0f MB before opening, %.0f MB with the register shown (+%.0f MB), peak %.0f MB\n",
           rss_before, rss_open, rss_open - rss_before, memory_mb ("VmHWM:"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  guint n;
  g_autofree char *dir = g_dir_make_tmp ("mamori-bench-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "source.mamori", NULL);
  g_autofree char *csv = g_build_filename (dir, "assets.csv", NULL);
  g_autofree char *target = g_build_filename (dir, "imported.mamori", NULL);
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  gint64 start;
  GStatBuf st;

  /* The open register is measured in a process of its own, so that its
   * memory is not mixed with the filling and the import. */
  if (argc == 3 && g_str_equal (argv[1], "--ui"))
    {
      g_rmdir (dir);
      if (!gtk_init_check ())
        return 1;
      bench_ui (argv[2]);
      return 0;
    }
  n = argc > 1 ? (guint) atoi (argv[1]) : 100000;

  /* Automatic backups go under the temporary folder, not the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  start = g_get_monotonic_time ();
  fill (source, n);
  g_stat (source, &st);
  g_print ("workspace: %u assets, %.1f MB, filled in %.0f ms\n", n, st.st_size / 1e6, elapsed_ms (start));

  bench_csv (source, csv, target);
  bench_model (target);

  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      const char *ui_argv[] = { argv[0], "--ui", target, NULL };
      g_autoptr(GError) error = NULL;

      g_spawn_sync (NULL, (char **) ui_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  else
    g_print ("no display: run under xvfb-run for the figures of the open register\n");

  /* MAMORI_BENCH_KEEP=1 keeps the files, to profile against them. */
  if (g_getenv ("MAMORI_BENCH_KEEP") != NULL)
    g_print ("kept: %s\n", dir);
  else
    remove_tree (dir);
  return 0;
}
