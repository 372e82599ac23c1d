#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Tries Mamori's command line on bad inputs and faults, and prints how each
# ended as a Markdown table: exit status, seconds until it ended, the first
# line it printed, and whether the workspace it was given is byte for byte
# as before. Nothing here may crash (status > 2), take more than a second,
# or change a workspace it refused. The same code runs in the window (the
# UI tests open the same files there).
#
#   sh tests/try-bad-inputs.sh _build/src/mamori
#
# Needs python3 (to make the files); the full-disk rows need root (a small
# tmpfs is mounted and unmounted again) and are left out otherwise.
set -u

mamori=$(realpath "$1")
fixtures=$(cd "$(dirname "$0")/fixtures" && pwd)
work=$(mktemp -d)
trap 'umount "$work/small" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
export LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory HOME="$work/home" XDG_DATA_HOME="$work/home/data"
unset DISPLAY WAYLAND_DISPLAY
mkdir -p home

python3 - "$fixtures" <<'EOF'
import sys, zipfile, zlib, sqlite3, os
fixtures = sys.argv[1]
rows = "資産名,保管場所\r\n図面,金庫\r\n試作品,開発室\r\n"
utf16 = rows.encode("utf-16-le")
cut = rows.index("試作品") * 2
open("nul-utf16.csv", "wb").write(b"\xff\xfe" + utf16[:cut] + b"\0\0" + utf16[cut:])
open("nul-utf8.csv", "wb").write(rows.encode()[:rows.encode().index("試作品".encode())] + b"\0" + "試作品,開発室\r\n".encode())
open("empty.csv", "wb").write(b"")
open("header-only.csv", "w").write("資産名,保管場所\n")
open("binary.csv", "wb").write(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))
open("bad-sjis.csv", "wb").write(b"\x83\x41\xff\xfe\x80,\x82\n")
open("cell-10mb.csv", "w").write("資産名,備考\n図面," + "x" * (10 << 20) + "\n")
open("cell-50mb.csv", "w").write("資産名,備考\n図面," + "x" * (50 << 20) + "\n")
open("unclosed-quote.csv", "w").write("資産名,備考\n図面,\"" + "続く,\n" * 300000)
open("bad-rows.csv", "w").write("資産名,カテゴリ,登録日\n良い行,顧客情報,2024-01-01\n悪い,ラーメン,2024-02-30\n")
open("formulas.csv", "w").write('資産名,保管場所\n"=HYPERLINK(""http://x/?""&A1,""Click"")",@SUM(1)\n+cmd|\' /C calc\'!A0,-1+2\n')
text = "秘密保持契約書\n第1条（秘密情報）\n第2条（輸出管理）\n"
t16 = text.encode("utf-16-le"); c = text.index("第2条") * 2
open("contract-nul.txt", "wb").write(b"\xff\xfe" + t16[:c] + b"\0\0" + t16[c:])
def docx(name, part, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(name, "w", method) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        if part is not None:
            z.writestr("word/document.xml", part)
docx("empty-part.docx", b"", zipfile.ZIP_STORED)
docx("empty-part-deflated.docx", b"")
docx("no-part.docx", None)
docx("not-xml.docx", b"<w:document><w:p>\x00\x01 unclosed")
docx("bomb.docx", b"<w:document>" + b"a" * (200 << 20) + b"</w:document>")
good = open(os.path.join(fixtures, "contract-files", "joint-development.docx"), "rb").read()
open("truncated.docx", "wb").write(good[: len(good) // 2])
db = sqlite3.connect("other-program.db"); db.execute("create table t(x)"); db.commit(); db.close()
open("text.mamori", "w").write("not a workspace\n")
EOF

# A workspace with one asset, and copies to damage.
"$mamori" --import-csv="$fixtures/sample_ledger_cybersecurity_jp.csv" client.mamori >/dev/null 2>&1
cp client.mamori damaged.mamori
printf 'XXXXXXXXXXXXXXXX' | dd of=damaged.mamori bs=1 seek=0 conv=notrunc 2>/dev/null
cp client.mamori newer.mamori
python3 -c "import sqlite3; c=sqlite3.connect('newer.mamori'); c.execute('pragma user_version=999'); c.commit()"
mkfifo pipe.csv pipe.docx pipe.mamori
truncate -s 3G huge.csv
truncate -s 3G huge.docx
mkdir folder folder.xlsx
cp "$fixtures/contract-files/joint-development.docx" word.docx
printf 'ID,資産名\r\n1,古い\r\n' > old.csv
cp old.csv old.csv.xlsx
cp word.docx word.xlsx
printf 'This Agreement, dated 1 April 2026, is made between A and B.\nThe parties agree as follows:\n' > agreement.txt
: > client.mamori-wal

echo "| what | command | exit | seconds | first line printed | workspace unchanged |"
echo "|---|---|---|---|---|---|"

try () {
  what=$1
  shift
  workspace=client.mamori
  for a in "$@"; do
    case "$a" in *.mamori) workspace=$a ;; esac
  done
  before=
  [ -f "$workspace" ] && before=$(sha256sum "$workspace" | cut -c1-64)
  start=$(date +%s.%N)
  timeout 10 "$mamori" "$@" >out.txt 2>&1
  status=$?
  end=$(date +%s.%N)
  after=
  [ -f "$workspace" ] && after=$(sha256sum "$workspace" | cut -c1-64)
  line=$(grep -v '^$' out.txt | head -n 1 | sed "s#$work/##g; s/|/\\\\|/g")
  if [ "$status" = 124 ]; then line="HUNG (killed after 10 s)"; fi
  same=yes
  if [ "$before" != "$after" ]; then same=changed; fi
  if [ -z "$before" ]; then same="(none)"; fi
  printf '| %s | `mamori %s` | %s | %s | %s | %s |\n' "$what" "$*" "$status" \
    "$(awk "BEGIN { printf \"%.2f\", $end - $start }")" "$line" "$same"
}

try "empty CSV" --import-csv=empty.csv client.mamori
try "CSV with a header only" --import-csv=header-only.csv client.mamori
try "binary file as CSV" --import-csv=binary.csv client.mamori
try "invalid Shift_JIS" --import-csv=bad-sjis.csv client.mamori
try "UTF-16 with a NUL mid-file" --import-csv=nul-utf16.csv client.mamori
try "UTF-8 with a NUL mid-file" --import-csv=nul-utf8.csv client.mamori
try "one 10 MB cell" --import-csv=cell-10mb.csv client.mamori
try "one 50 MB cell" --import-csv=cell-50mb.csv client.mamori
try "quote never closed (2.4 MB)" --import-csv=unclosed-quote.csv client.mamori
try "rows with bad values" --import-csv=bad-rows.csv client.mamori
try "3 GB file (sparse)" --import-csv=huge.csv client.mamori
try "a pipe (FIFO)" --import-csv=pipe.csv client.mamori
try "/dev/zero" --import-csv=/dev/zero client.mamori
try "a folder" --import-csv=folder client.mamori
try "no such file" --import-csv=missing.csv client.mamori
try "Word file, empty document part" --scan-contract=empty-part.docx
try "Word file, empty part (deflated)" --scan-contract=empty-part-deflated.docx
try "ZIP without document part" --scan-contract=no-part.docx
try "Word file, part not XML" --scan-contract=not-xml.docx
try "Word file cut in half" --scan-contract=truncated.docx
try "Word file inflating to 200 MB" --scan-contract=bomb.docx
try "UTF-16 contract with a NUL" --scan-contract=contract-nul.txt
try "contract: 3 GB file" --scan-contract=huge.docx
try "contract: a pipe" --scan-contract=pipe.docx
try "contract: /dev/zero" --scan-contract=/dev/zero
try "CSV export onto the workspace" --export-csv=client.mamori client.mamori
try "CSV export onto a .docx" --export-csv=word.docx client.mamori
try "CSV export onto a folder" --export-csv=folder client.mamori
try "CSV export onto a pipe" --export-csv=pipe.csv client.mamori
try "CSV export onto English prose with commas" --export-csv=agreement.txt client.mamori
try "CSV export onto the workspace's journal" --export-csv=client.mamori-wal client.mamori
try "CSV export onto an older export" --export-csv=old.csv client.mamori
try "PDF export onto the workspace" --export-pdf=client.mamori client.mamori
try "PDF export onto a CSV file" --export-pdf=old.csv client.mamori
try "plan export onto the workspace" --export-actions=client.mamori client.mamori
try "plan export onto a CSV named .xlsx" --export-actions=old.csv.xlsx client.mamori
try "plan export onto a .docx renamed .xlsx" --export-actions=word.xlsx client.mamori
try "plan export onto a folder" --export-actions=folder.xlsx client.mamori
try "plan export, no extension" --export-actions=plan client.mamori
try "findings of a damaged workspace" --findings damaged.mamori
try "findings of a missing workspace" --findings missing.mamori
try "snapshot with a blank label" --snapshot=" " client.mamori
try "damaged workspace (header)" --export-csv=out.csv damaged.mamori
try "workspace from a newer Mamori" --export-csv=out.csv newer.mamori
try "another program's database" --export-csv=out.csv other-program.db
try "text file named .mamori" --export-csv=out.csv text.mamori
try "a pipe named .mamori" --export-csv=out.csv pipe.mamori
try "formula cells imported" --import-csv=formulas.csv client.mamori
try "... and exported again" --export-csv=formulas-out.csv client.mamori
echo "|  | formulas-out.csv holds | | | $(grep -o "'=HYPERLINK\|'@SUM\|'+cmd\|'-1+2" formulas-out.csv | tr '\n' ' ') | |"

if [ "$(id -u)" = 0 ] && mkdir small && mount -t tmpfs -o size=512k tmpfs small 2>/dev/null; then
  cp client.mamori small/full.mamori
  cp client.mamori small/full-export.mamori
  dd if=/dev/zero of=small/filler bs=4k 2>/dev/null
  try "full disk: open a workspace" --export-csv=out.csv small/full.mamori
  echo "|  | left beside it | | | $(ls small | tr '\n' ' ') | |"
  try "full disk: new workspace" --import-csv=old.csv small/new.mamori
  try "full disk: CSV export" --export-csv=small/big.csv client.mamori
  echo "|  | left on the disk | | | $(ls small | tr '\n' ' ') | |"
  umount small
fi
