#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in must list, sorted, exactly the files with translatable text."""

import re
import sys
from pathlib import Path

root = Path(sys.argv[1])

MARKERS = {
    '.c': re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\('),
    '.ui': re.compile(r'translatable="yes"'),
    '.xml': re.compile(r'gettext-domain='),
}
# Translated as a whole by i18n.merge_file, with no markers inside.
ALWAYS = ('.desktop.in', '.metainfo.xml.in')

found = set()
for folder in ('src', 'data'):
    for path in sorted((root / folder).rglob('*')):
        if not path.is_file():
            continue
        name = path.name
        relative = path.relative_to(root).as_posix()
        if name.endswith(ALWAYS):
            found.add(relative)
            continue
        marker = MARKERS.get(path.suffix)
        if marker and marker.search(path.read_text(encoding='utf-8')):
            found.add(relative)

listed = [line.strip() for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines()
          if line.strip() and not line.startswith('#')]

problems = []
for missing in sorted(found - set(listed)):
    problems.append(f'not in po/POTFILES.in, but has translatable text: {missing}')
for extra in sorted(set(listed) - found):
    problems.append(f'in po/POTFILES.in, but has no translatable text or does not exist: {extra}')
if listed != sorted(listed):
    problems.append('po/POTFILES.in is not sorted')
if len(listed) != len(set(listed)):
    problems.append('po/POTFILES.in lists a file twice')

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
