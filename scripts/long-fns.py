#!/usr/bin/env python3
"""The functions in src/ over LIMIT lines (default 120), each with whether the comment above it
says why it must be one piece ("one piece", "on purpose"): the codebase's rule, "no function over
~120 lines without a comment saying why". Comments, strings and char literals are blanked
before braces are counted. Exits 1 when one lacks the comment.

    python3 scripts/long-fns.py [LIMIT]
"""
import glob, os, re, sys
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
LIMIT = int(sys.argv[1]) if len(sys.argv) > 1 else 120
def strip(src):
    # blank out comments, strings and char literals so braces count true; keep newlines
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i); j = n if j < 0 else j
            out.append(' ' * (j - i)); i = j
        elif src.startswith('/*', i):
            j = src.find('*/', i) + 2
            out.append(re.sub(r'[^\n]', ' ', src[i:j])); i = j
        elif re.match(r'b?r#*"', src[i:i+10]) and (i == 0 or not (src[i-1].isalnum() or src[i-1] == '_')):
            m = re.match(r'b?r(#*)"', src[i:]); hashes = m.group(1)
            j = src.find('"' + hashes, i + len(m.group(0))) + 1 + len(hashes)
            out.append(re.sub(r'[^\n]', ' ', src[i:j])); i = j
        elif c == '"' or (c == 'b' and src.startswith('b"', i)):
            j = i + (2 if c == 'b' else 1)
            while src[j] != '"':
                j += 2 if src[j] == '\\' else 1
            j += 1
            out.append(re.sub(r'[^\n]', ' ', src[i:j])); i = j
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", src[i:])
            if m:
                out.append(' ' * len(m.group(0))); i += len(m.group(0))
            else:
                out.append(c); i += 1  # a lifetime
        else:
            out.append(c); i += 1
    return ''.join(out)
rows = []
for path in sorted(glob.glob('src/**/*.rs', recursive=True)):
    raw = open(path).read(); lines = raw.split('\n'); s = strip(raw)
    for m in re.finditer(r'\bfn\s+(\w+)', s):
        j = m.end()
        # the body's opening brace (skip a declaration ending in ';')
        while j < len(s) and s[j] not in '{;':
            j += 1
        if j >= len(s) or s[j] == ';':
            continue
        depth, k = 0, j
        while True:
            if s[k] == '{': depth += 1
            elif s[k] == '}':
                depth -= 1
                if depth == 0: break
            k += 1
        start = s.count('\n', 0, m.start()) + 1; end = s.count('\n', 0, k) + 1
        length = end - start + 1
        if length > LIMIT:
            # the comment block right above the fn (and its attributes)
            a = start - 2; doc = []
            while a >= 0 and (lines[a].strip().startswith(('///', '//', '#['))):
                doc.insert(0, lines[a].strip()); a -= 1
            says = ' '.join(doc)
            why = re.search(r'one piece|on purpose|one function, as long', says, re.I)
            rows.append((length, path, start, m.group(1), bool(why)))
for length, path, start, name, why in sorted(rows, reverse=True):
    print(f"{length:4d}  {path}:{start}  {name}  {'why-one-piece comment: yes' if why else 'NO comment saying why'}")
print(f"{len(rows)} functions over {LIMIT} lines; {sum(1 for r in rows if not r[4])} without a why-one-piece comment")
sys.exit(1 if any(not r[4] for r in rows) else 0)
