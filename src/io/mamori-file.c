/* mamori-file.c — reading the user's files and writing exports safely
 *
 * Reading: what the user points Mamori at is looked at before a byte of it
 * is read. A folder, a pipe (which would wait forever for a writer) or a
 * device such as /dev/zero (which never ends) is refused at once, and so is
 * a file larger than the caller can use, so nothing is read in vain.
 *
 * Writing: every export (CSV, PDF, and any later kind) goes through one
 * check. An export replaces a file already there only when that file is of
 * the export's own kind, or empty: a slip of the finger must never turn a
 * workspace, a contract or a spreadsheet into an export. A new kind adds
 * its case to looks_like_kind() and its messages below. The file is written
 * whole or not at all, and private to the user like the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mamori-i18n.h"
#include "io/mamori-csv.h"
#include "mamori-file.h"

G_DEFINE_QUARK (mamori-file-error-quark, mamori_file_error)

/* How much of a file already at an export's destination is looked at. */
#define SNIFF_SIZE (64 * 1024)

static void
set_open_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_NOT_FOUND,
                 /* Translators: %s is a file */
                 _("“%s” does not exist. It may have been moved, renamed or deleted."), name);
  else if (saved_errno == EACCES || saved_errno == EPERM)
    g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_PERMISSION,
                 /* Translators: %s is a file */
                 _("You may not read “%s”. Ask its owner for a copy, or change its permissions."), name);
  else
    g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_FAILED,
                 /* Translators: %s is a file, then the system's reason */
                 _("“%s” could not be read: %s."), name, g_strerror (saved_errno));
}

/* Opens @path for reading without waiting (a pipe would wait for a writer)
 * and checks it is a regular file. Returns the descriptor, or -1. */
static int
open_regular (const char  *path,
              GStatBuf    *st,
              GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_open_error (error, errno, path);
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      set_open_error (error, errno, path);
      close (fd);
      return -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);

      if (S_ISDIR (st->st_mode))
        g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_NOT_REGULAR,
                     /* Translators: %s is a folder */
                     _("“%s” is a folder. Choose a file inside it."), name);
      else
        g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_NOT_REGULAR,
                     /* Translators: %s is a pipe, a device or a socket */
                     _("“%s” is not an ordinary file (it is a pipe or a device), so Mamori does not read it. Choose a file saved on a disk."),
                     name);
      close (fd);
      return -1;
    }
  /* Opened without waiting in case it was a pipe; a regular file is read
   * as usual (a FUSE mount could otherwise answer "try again"). */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

static void
set_too_large_error (GError     **error,
                     const char  *path,
                     gsize        max_size)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_DEFAULT);

  g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_TOO_LARGE,
               /* Translators: %s is a file, then a size such as "256.0 MB" */
               _("“%s” is larger than %s, more than Mamori reads for this. Check that it is the right file; a larger list can be split into several files."),
               name, limit);
}

/**
 * mamori_file_read:
 * @max_size: the largest file the caller can use
 *
 * Reads a whole regular file. Folders, pipes, devices and files larger
 * than @max_size are refused before anything is read.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with a
 *   #MAMORI_FILE_ERROR whose message names the file
 */
GBytes *
mamori_file_read (const char  *path,
                  gsize        max_size,
                  GError     **error)
{
  g_autoptr(GByteArray) contents = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = open_regular (path, &st, error);
  if (fd < 0)
    return NULL;
  if (st.st_size < 0 || (guint64) st.st_size > max_size)
    {
      close (fd);
      set_too_large_error (error, path, max_size);
      return NULL;
    }

  contents = g_byte_array_sized_new ((guint) st.st_size + 1);
  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_open_error (error, saved_errno, path);
          return NULL;
        }
      if (n == 0)
        break;
      /* The file may have grown since it was measured. */
      if (contents->len + (gsize) n > max_size)
        {
          close (fd);
          set_too_large_error (error, path, max_size);
          return NULL;
        }
      g_byte_array_append (contents, buffer, (guint) n);
    }
  close (fd);

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

typedef struct
{
  char                *path;
  gsize                max_size;
  MamoriFileParseFunc  parse;
  GDestroyNotify       free_result;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  contents = mamori_file_read (job->path, job->max_size, &error);
  if (contents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  result = job->parse (contents, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->free_result);
}

/**
 * mamori_file_load_async:
 * @parse: turns the file's contents into the result, in the worker thread
 * @free_result: frees a result nobody took
 * @user_data: for @callback; a widget waiting for the file is best passed
 *   as a reference that @callback drops, so that it is never finalized in
 *   the worker thread (the task has no source object for that reason)
 *
 * Reads @path as mamori_file_read() does and hands its contents to
 * @parse, both in a worker thread, so a large or slow file never stops
 * the window.
 */
void
mamori_file_load_async (const char          *path,
                        gsize                max_size,
                        MamoriFileParseFunc  parse,
                        GDestroyNotify       free_result,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (parse != NULL);

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (path);
  job->max_size = max_size;
  job->parse = parse;
  job->free_result = free_result;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mamori_file_load_async);
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * mamori_file_load_finish:
 *
 * Returns: (transfer full) (nullable): what @parse made of the file, or
 *   %NULL with the error of reading or of @parse
 */
gpointer
mamori_file_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mamori_file_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mamori_file_load_get_path:
 *
 * Returns: (transfer none): the file that mamori_file_load_async() read
 */
const char *
mamori_file_load_get_path (GAsyncResult *result)
{
  LoadJob *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  job = g_task_get_task_data (G_TASK (result));
  return job->path;
}

/* How many fields the CSV record at *@p has (quoted fields may hold line
 * breaks and delimiters), 0 when there is none; moves *@p past it. Sets
 * @open_quote when the text ends inside a quoted field. */
static guint
count_fields (const char **p,
              char         delimiter,
              gboolean    *open_quote)
{
  const char *c = *p;
  gboolean quoted = FALSE;
  guint n = 1;

  while (*c == '\r' || *c == '\n')
    c++;
  if (*c == '\0')
    return 0;
  for (; *c != '\0'; c++)
    {
      if (*c == '"')
        quoted = !quoted;
      else if (!quoted && *c == delimiter)
        n++;
      else if (!quoted && (*c == '\r' || *c == '\n'))
        break;
    }
  *p = c;
  *open_quote = quoted;
  return n;
}

static gboolean
has_csv_name (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv");
}

/* Whether @data, the start of the file @path of which @length bytes were
 * read, is CSV: text in an encoding we read whose first record has two
 * fields or more, and whose second record has as many — prose with a comma
 * in its first line (a contract, notes) fails that. A file of one record
 * only (a header, an export of no assets) must be named .csv or .tsv as
 * well. A file that is only a byte-order mark is as good as empty. */
static gboolean
looks_like_csv (const char   *path,
                const guint8 *data,
                gsize         length)
{
  static const char * const binary[] = { "SQLite format 3", "PK\003\004", "%PDF", "\320\317\021\340" };
  static const guint8 bom[] = { 0xEF, 0xBB, 0xBF };
  g_autofree char *text = NULL;
  MamoriCsvEncoding encoding;
  gboolean whole = length < SNIFF_SIZE;
  gboolean open_quote = FALSE;
  gsize usable = length;
  guint first, second;
  const char *p;
  char delimiter;

  for (guint i = 0; i < G_N_ELEMENTS (binary); i++)
    if (length >= strlen (binary[i]) && memcmp (data, binary[i], strlen (binary[i])) == 0)
      return FALSE;
  if ((length == 3 && memcmp (data, bom, 3) == 0) ||
      (length == 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))))
    return TRUE;

  /* The sample may end inside a record, or a character: up to its last
   * line break only. */
  if (!whole)
    {
      while (usable > 0 && data[usable - 1] != '\n')
        usable--;
      /* UTF-16 little-endian: the line break's second byte is the NUL. */
      if (usable > 0 && usable < length && data[0] == 0xFF && data[1] == 0xFE)
        usable++;
      if (usable == 0)
        return FALSE;
    }

  text = mamori_csv_decode (data, usable, &encoding, NULL);
  if (text == NULL)
    return FALSE;
  p = text;
  delimiter = mamori_csv_find_delimiter (text);

  /* A quote never closed is prose (a 12" pipe), unless the sample cut it. */
  first = count_fields (&p, delimiter, &open_quote);
  if (first < 2 || (open_quote && whole))
    return FALSE;
  second = open_quote ? 0 : count_fields (&p, delimiter, &open_quote);
  /* One record only (or the sample cut the first): the name decides. */
  if (second == 0)
    return has_csv_name (path);
  /* A second record the sample cut: as many fields so far is enough. */
  if (open_quote)
    return !whole && second <= first;
  return second == first;
}

/* Whether @needle is somewhere in the binary @data. */
static gboolean
holds_bytes (const guint8 *data,
             gsize         length,
             const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_kind (const char     *path,
                 const guint8   *data,
                 gsize           length,
                 MamoriFileKind  kind)
{
  switch (kind)
    {
    case MAMORI_FILE_KIND_CSV:
      return looks_like_csv (path, data, length);
    case MAMORI_FILE_KIND_PDF:
      return length >= 5 && memcmp (data, "%PDF-", 5) == 0;
    case MAMORI_FILE_KIND_XLSX:
      /* A ZIP holding a workbook's parts, not a .docx (word/) or .pptx (ppt/). */
      return length >= 4 && memcmp (data, "PK\003\004", 4) == 0 &&
             holds_bytes (data, length, "xl/");
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* What an export is called in the messages below. */
static const char *
kind_noun (MamoriFileKind kind)
{
  switch (kind)
    {
    /* Translators: what an export is, in "choose another place for %s" and the like */
    case MAMORI_FILE_KIND_CSV: return _("the CSV file");
    case MAMORI_FILE_KIND_PDF: return _("the PDF");
    case MAMORI_FILE_KIND_XLSX: return _("the spreadsheet");
    default:
      g_return_val_if_reached ("");
    }
}

static void
set_no_folder_error (GError         **error,
                     const char      *folder,
                     MamoriFileKind   kind)
{
  g_autofree char *name = g_filename_display_name (folder);

  g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_NOT_FOUND,
               /* Translators: the first %s is a folder, the second what is exported ("the PDF") */
               _("“%s”: there is no such folder. Create it, or choose another place for %s."), name, kind_noun (kind));
}

static void
set_is_folder_error (GError         **error,
                     const char      *path,
                     MamoriFileKind   kind)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_NOT_REGULAR,
               /* Translators: the first %s is a folder, the second what is exported ("the PDF") */
               _("“%s” is a folder. Give %s a file name."), name, kind_noun (kind));
}

static void
set_read_only_folder_error (GError         **error,
                            const char      *folder,
                            MamoriFileKind   kind)
{
  g_autofree char *name = g_filename_display_name (folder);

  g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_PERMISSION,
               /* Translators: the first %s is a folder, the second what is exported ("the PDF") */
               _("You cannot write in the folder “%s”. Choose another folder for %s."), name, kind_noun (kind));
}

static void
set_other_kind_error (GError         **error,
                      const char      *path,
                      MamoriFileKind   kind)
{
  g_autofree char *name = g_filename_display_name (path);

  switch (kind)
    {
    case MAMORI_FILE_KIND_PDF:
      g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_OTHER_KIND,
                   /* Translators: %s is a file */
                   _("“%s” is not a PDF, so it was left as it is. Choose another name for the PDF."), name);
      break;
    case MAMORI_FILE_KIND_XLSX:
      g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_OTHER_KIND,
                   /* Translators: %s is a file */
                   _("“%s” is not an Excel workbook, so it was left as it is. Choose another name for the spreadsheet."), name);
      break;
    case MAMORI_FILE_KIND_CSV:
    default:
      g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_OTHER_KIND,
                   /* Translators: %s is a file */
                   _("“%s” is not a CSV file, so it was left as it is. Choose another name for the CSV file."), name);
      break;
    }
}

/**
 * mamori_file_check_destination:
 *
 * Whether an export of @kind may be written to @path: its folder exists
 * and can be written, it is not a folder, and anything already there is a
 * file of the same kind (or empty). Asked before the work of exporting,
 * and again by mamori_file_write().
 */
gboolean
mamori_file_check_destination (const char      *path,
                               MamoriFileKind   kind,
                               GError         **error)
{
  g_autofree char *folder = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      set_no_folder_error (error, folder, kind);
      return FALSE;
    }
  if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      set_is_folder_error (error, path, kind);
      return FALSE;
    }
  if (g_access (folder, W_OK) != 0)
    {
      set_read_only_folder_error (error, folder, kind);
      return FALSE;
    }

  /* SQLite's journal beside a workspace may be empty while it is in use:
   * it is never an export's to replace. */
  if (g_str_has_suffix (path, "-wal") || g_str_has_suffix (path, "-shm") || g_str_has_suffix (path, "-journal"))
    {
      set_other_kind_error (error, path, kind);
      return FALSE;
    }

  /* Anything there (a link is followed) must be of the export's kind. */
  if (g_lstat (path, &st) == 0)
    {
      guint8 sample[SNIFF_SIZE];
      gssize n = -1;
      int fd = -1;

      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
          (fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0)) < 0)
        {
          set_other_kind_error (error, path, kind);
          return FALSE;
        }
      do
        n = read (fd, sample, sizeof sample);
      while (n < 0 && errno == EINTR);
      close (fd);
      if (n < 0 || (n > 0 && !looks_like_kind (path, sample, (gsize) n, kind)))
        {
          set_other_kind_error (error, path, kind);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * mamori_file_write:
 *
 * Writes an export to @path in one step (a half-written file never
 * replaces a good one), private to the user, after the checks of
 * mamori_file_check_destination().
 */
gboolean
mamori_file_write (const char      *path,
                   MamoriFileKind   kind,
                   GBytes          *contents,
                   GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (!mamori_file_check_destination (path, kind, error))
    return FALSE;

  data = g_bytes_get_data (contents, &length);
  if (g_file_set_contents_full (path, data != NULL ? data : "", length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                &local_error))
    return TRUE;

  name = g_filename_display_name (path);
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
    g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_NO_SPACE,
                 /* Translators: %s is a file */
                 _("The disk is full, so “%s” was not written. Free some space, or choose another drive, and save again."),
                 name);
  else
    g_set_error (error, MAMORI_FILE_ERROR, MAMORI_FILE_ERROR_FAILED,
                 /* Translators: %s is a file, then the system's reason */
                 _("“%s” could not be written: %s. Choose another folder, or free some space, and save again."),
                 name, local_error->message);
  return FALSE;
}
