#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every message in the sources must have a Japanese translation in po/ja.po:
# extract a fresh template from POTFILES.in exactly as the build does, merge
# ja.po into it, and fail on any message left untranslated or fuzzy.
set -eu

srcdir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$srcdir"
xgettext --package-name=mamori --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_set_error:4:c-format --flag=g_printerr:1:c-format \
  --files-from=po/POTFILES.in --output="$work/mamori.pot"

msgmerge --quiet --no-fuzzy-matching --output-file="$work/ja.po" po/ja.po "$work/mamori.pot"
# -c also checks that format strings (%s) match between English and Japanese.
if ! stats=$(msgfmt --check --statistics --output-file=/dev/null "$work/ja.po" 2>&1); then
  echo "po/ja.po does not compile (a format string such as %s or %u differs from the English?):"
  echo "$stats"
  exit 1
fi
echo "ja.po: $stats"

case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Untranslated messages:"
    msgattrib --untranslated --no-obsolete "$work/ja.po" | grep -A1 '^msgid' || true
    echo "Fuzzy messages:"
    msgattrib --only-fuzzy --no-obsolete "$work/ja.po" | grep -A1 '^msgid' || true
    exit 1 ;;
esac

# Messages in ja.po that the sources no longer have: ja.po was not updated
# after a string changed.
stale=$(msgattrib --only-obsolete "$work/ja.po" | grep '^#~ msgid' || true)
if [ -n "$stale" ]; then
  echo "po/ja.po has messages the sources no longer use; update it from the sources:"
  echo "$stale"
  exit 1
fi

# JAPANESE.md rule 8: no space between a number and its counter (41件,
# %2$u件中%1$u件), so the same count reads the same everywhere.
spaced=$(grep -n '^msgstr' po/ja.po | grep -E '(%[0-9$]*[ud]|[0-9]) (件|項目|箇所|経路)' || true)
if [ -n "$spaced" ]; then
  echo "po/ja.po puts a space between a number and its counter (JAPANESE.md rule 8):"
  echo "$spaced"
  exit 1
fi
