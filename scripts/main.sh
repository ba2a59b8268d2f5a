#!/usr/bin/env bash
# Builds everything (the wasm engine, the extension packages, the native CLI) and runs the main
# job: exports the bundled example page (a businesspost.co.kr article) as JSON.
#   scripts/main.sh [FILE [--url URL] [--format json|markdown|html|text]]
set -euo pipefail
cd "$(dirname "$0")/.."
./build.sh >&2
cargo build --release -q
if [ $# -eq 0 ]; then
  set -- examples/businesspost-naver-sovereign-ai/source.html \
    --url 'https://www.businesspost.co.kr/BP?command=article_view&num=362900'
fi
exec target/release/malgeum "$@"
