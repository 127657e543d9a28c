#!/bin/sh
# Seeds the corpora from the project's own fixtures (specs and model docs under 64 KB; larger
# ones make every run slow). Run from this directory: ./seed.sh
set -eu
mkdir -p corpus/openapi corpus/markdown
find ../codegen/tests/fixtures ../spec ../tools/realworld/tests -type f -size -64k \
    \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) |
    while read -r f; do cp "$f" "corpus/openapi/$(echo "$f" | tr '/.' '__')"; done
find ../codegen/tests/fixtures -type f -size -64k -name '*.md' ! -name README.md ! -name SOURCES.md |
    while read -r f; do cp "$f" "corpus/markdown/$(echo "$f" | tr '/.' '__')"; done
ls corpus/openapi | wc -l
ls corpus/markdown | wc -l
