#!/bin/sh
# Seeds fuzz/corpus/<target>/ (gitignored) with real pages and small hand-made ones. The first
# byte of every input picks the page URL and the options (see fuzz_targets/common.rs).
set -eu
cd "$(dirname "$0")"
for target in extract_str extract_bytes; do
    dir=corpus/$target
    mkdir -p "$dir"
    i=0
    for page in ../examples/*/source.html; do
        for prefix in '\002' '\201'; do
            { printf "$prefix"; cat "$page"; } > "$dir/seed-example-$i"
            i=$((i + 1))
        done
    done
    printf '\001<html><head><meta charset="utf-8"><title>T</title></head><body><article><h1>T</h1><p>One, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen.</p><p>Again, and again, and again, and again, and again, and again, and again.</p></article></body></html>' > "$dir/seed-article"
    printf '\201<p>x <a class="human_link" href="/p/1">Kim</a> <img data-src="/a.jpg" alt="a"><noscript><img src="/b.jpg"></noscript><table><tr><td>1</td><td>2</td></tr></table><br><br>tail' > "$dir/seed-inline"
    printf '\000<meta charset="euc-kr"><p>\xb1\xe2\xc0\xda \xc7\xd1\xb1\xb9\xbe\xee</p>' > "$dir/seed-euc-kr"
    printf '\001<svg><style><img src=x onerror=alert(1)></style></svg><math><mtext><table><mglyph><style><img>' > "$dir/seed-foreign"
done
