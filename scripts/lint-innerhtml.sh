#!/usr/bin/env bash
# Fails if page-derived HTML could enter the extension's DOM any other way than through
# extension/sanitize.js (the one door for page HTML): no innerHTML/outerHTML assignment, insertAdjacentHTML,
# document.write, createContextualFragment, setHTMLUnsafe or srcdoc anywhere in extension/, and
# HTML parsing (DOMParser, parseFromString, parseHTMLUnsafe) only in the sanitizer.
# Reading outerHTML (the page snapshot) is fine; writing it is not.
set -euo pipefail
cd "$(dirname "$0")/.."

SANITIZER=extension/sanitize.js
status=0
report() { echo "lint-innerhtml: $1" >&2; status=1; }

files=$(find extension -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.html' \) | LC_ALL=C sort)
[ -n "$files" ] || { echo "lint-innerhtml: no files under extension/" >&2; exit 1; }

# Assignments (=, +=) to innerHTML/outerHTML, dotted or bracketed; not comparisons (==, ===).
sink='(\.|\[\s*["'"'"'`])(inner|outer)HTML(["'"'"'`]\s*\])?\s*(\+?=)(?!=)'
calls='\b(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|setHTML|parseHTMLUnsafe)\b|\bdocument\s*\.\s*(write|writeln)\s*\(|\bsrcdoc\b'
parsers='\b(DOMParser|parseFromString)\b'

for f in $files; do
  # Comment lines are not code.
  code=$(grep -nvE '^\s*(//|\*|/\*)' "$f" || true)
  hits=$(grep -P "$sink" <<<"$code" || true)
  [ -z "$hits" ] || report "$f: HTML assignment:"$'\n'"$hits"
  hits=$(grep -P "$calls" <<<"$code" || true)
  [ -z "$hits" ] || report "$f: HTML sink:"$'\n'"$hits"
  if [ "$f" != "$SANITIZER" ]; then
    hits=$(grep -P "$parsers" <<<"$code" || true)
    [ -z "$hits" ] || report "$f: parses HTML outside $SANITIZER:"$'\n'"$hits"
  fi
done

# The sanitizer must exist and be what builds reader content from contentHtml.
grep -q 'sanitizeHtml' extension/content.js || report "extension/content.js no longer uses MalgeumSanitize.sanitizeHtml"
exit $status
