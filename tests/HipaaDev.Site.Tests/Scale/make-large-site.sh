#!/usr/bin/env bash
# Writes a throw-away repository with N generated guidance pages (default 1000) to measure the generator at scale:
#   tests/HipaaDev.Site.Tests/Scale/make-large-site.sh 1000 /tmp/large-site
#   cd /tmp/large-site && dotnet <repo>/site/bin/Release/net10.0/HipaaDev.Site.dll      # build (prints stage times)
# The generator finds the fake repository by its HipaaDev.sln marker; assets and Pagefind come from the real repo.
set -euo pipefail
count="${1:-1000}"
target="${2:?usage: make-large-site.sh COUNT TARGET_FOLDER}"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
sections=10

rm -rf "$target"
mkdir -p "$target/site/content" "$target/analyzers/docs/rules"
touch "$target/HipaaDev.sln"
cp "$repo/site/site.yml" "$target/site/site.yml"
# A copy, not a link: the generator refuses symbolic links in its source folders.
cp -r "$repo/site/assets" "$target/site/assets"
cp "$repo/site/package.json" "$repo/site/package-lock.json" "$target/site/"
if [ -d "$repo/site/node_modules" ]; then ln -s "$repo/site/node_modules" "$target/site/node_modules"; fi

cat > "$target/site/content/index.md" <<PAGE
---
title: Large test site
description: A generated site for measuring the generator.
kind: home
---
Generated pages in $sections sections.
PAGE

for s in $(seq 1 "$sections"); do
  mkdir -p "$target/site/content/section-$s"
  cat > "$target/site/content/section-$s/index.md" <<PAGE
---
title: Section $s
description: Generated section $s.
kind: hub
order: $s
---
Pages of section $s.
PAGE
done

per_section=$(( (count + sections - 1) / sections ))
for i in $(seq 1 "$count"); do
  s=$(( (i - 1) / per_section + 1 ))
  next=$(( i % count + 1 ))
  next_section=$(( (next - 1) / per_section + 1 ))
  cat > "$target/site/content/section-$s/page-$i.md" <<PAGE
---
title: Generated topic $i
description: Generated page $i for measuring build time.
kind: topic
summary: This page exists to measure the generator. It has the sections a real topic has.
order: $i
audience: [Practice managers]
last_reviewed: 2025-01-$(printf '%02d' $(( i % 28 + 1 )))
sources:
  - title: Privacy Rule safeguards
    cite: 45 CFR 164.530(c)
related: [/section-$next_section/page-$next/]
---
Introductory paragraph for page $i with **emphasis** and a [link home](/).

## Key lessons

- Lesson one for page $i.
- Lesson two, see [the next page](/section-$next_section/page-$next/#key-lessons).

## Details

| Column | Value |
| --- | --- |
| Page | $i |

\`\`\`text
Example block $i
\`\`\`

## Frequently asked questions

### Is page $i real?

No, it is generated.

## Next steps

- [Next page](/section-$next_section/page-$next/)
PAGE
done
echo "Wrote $count pages in $sections sections to $target"
