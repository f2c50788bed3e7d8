#!/usr/bin/env bash
# Site build speed: our generator (built once, Release, timed as a binary) on a copy of the real site and on
# generated content of 1,000 and 10,000 pages, next to Hugo on the same Markdown in the same run; peak memory from
# /usr/bin/time -v; and the preview server's rebuild after one page changes. Writes tests/benchmarks/README.md.
#
#   bash tests/benchmarks/site-build.sh
#
# Knobs (environment): RUNS (default 3), PAGES (generated sizes, default "1000 10000"), LARGE_RUNS (runs for sizes
# of 5,000 pages or more, default 1), BUILD_TIMEOUT (seconds one build of 5,000 pages or more may take, default 240; smaller builds have no limit),
# PREVIEW_EDITS (default 5), PREVIEW_WAIT (seconds an edit may take to appear, default 600), PORT (default 5391). Scratch output: tests/benchmarks/work/site-build, or OUT_DIR (git-ignored).
# Needs Hugo (Debian: apt-get install -y hugo), Node.js and site/node_modules (Pagefind).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
PAGES="${PAGES:-1000 10000}"
LARGE_RUNS="${LARGE_RUNS:-1}"
BUILD_TIMEOUT="${BUILD_TIMEOUT:-240}"
TIMEOUT_NOW=0   # no limit, except for the large sizes below
PREVIEW_EDITS="${PREVIEW_EDITS:-5}"
PORT="${PORT:-5391}"
PREVIEW_WAIT="${PREVIEW_WAIT:-600}"
OUT="${OUT_DIR:-$WORK/site-build}"
RESULTS="$OUT/results.tsv"
PAGEFIND="$REPO_ROOT/site/node_modules/pagefind/lib/runner/bin.cjs"

command -v hugo >/dev/null || { echo "Hugo is not installed. Debian/Ubuntu: apt-get install -y hugo" >&2; exit 1; }
[ -f "$PAGEFIND" ] || { echo "Pagefind is missing: run 'npm ci' in site/ first." >&2; exit 1; }

mkdir -p "$WORK"
rm -rf "$OUT"
# ext4 without a journal (this machine's disk) skips inodes freed in the last 60 s (300 s while their blocks are
# unwritten) when it allocates new ones, so creating files soon after deleting many is several times slower in the
# kernel. sync now, and the generated-content builds below wait until a minute has passed.
sync
DELETED_AT=$(date +%s)
mkdir -p "$OUT"
TRASH="$OUT/trash"
machine_facts >"$OUT/machine.md"
# The generator and the real content come from the last commit (git archive), never from the working tree: others
# edit the site while these builds run, and a figure must name the code it measured.
COMMIT="$(git -C "$REPO_ROOT" rev-parse --short HEAD)"
SNAPSHOT="$OUT/snapshot"
mkdir -p "$SNAPSHOT"
git -C "$REPO_ROOT" archive HEAD site analyzers/docs netlify.toml Directory.Build.props Directory.Packages.props global.json .editorconfig | tar -x -C "$SNAPSHOT"
printf -- '- Hugo: %s\n- site generator and real content: commit %s (`git archive`, so uncommitted edits are not measured)\n' "$(hugo version | cut -d' ' -f1-2)" "$COMMIT" >>"$OUT/machine.md"
build_benchmark_tool

# The generator is published once, as the README's build command and Netlify publish it (ReadyToRun), so no run pays
# for compiling it; its own folder keeps it apart from site/bin.
log "publishing the site generator (Release, ReadyToRun, commit $COMMIT) into $OUT/generator"
dotnet publish "$SNAPSHOT/site" -c Release -o "$OUT/generator" -v:q -nologo >"$OUT/generator-build.log" 2>&1 \
  || { cat "$OUT/generator-build.log" >&2; exit 1; }
GENERATOR="$OUT/generator/HipaaDev.Site"

# make_root DIR: a folder the generator takes for the repository (it looks for HipaaDev.sln), with the real
# site.yml, assets, netlify.toml (the preview serves its headers and will not start without it) and Pagefind, so
# builds never touch site/output of the working tree.
make_root() {
  local root="$1"
  mkdir -p "$root/site" "$root/analyzers/docs"
  touch "$root/HipaaDev.sln"
  cp "$SNAPSHOT/netlify.toml" "$root/"
  cp "$SNAPSHOT/site/site.yml" "$SNAPSHOT/site/package.json" "$SNAPSHOT/site/package-lock.json" "$root/site/"
  cp -r "$SNAPSHOT/site/assets" "$root/site/assets"
  ln -s "$REPO_ROOT/site/node_modules" "$root/site/node_modules"
}

# timed LOGFILE COMMAND...: runs under /usr/bin/time -v; sets WALL (s), RSS_MB, STATUS (ok, failed or timeout).
timed() {
  local logfile="$1"; shift
  local rc=0
  /usr/bin/time -v -o "$logfile.time" timeout "$TIMEOUT_NOW" "$@" >"$logfile" 2>&1 || rc=$?
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$logfile.time")
  RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$logfile.time")
  if [ "$rc" -eq 0 ]; then STATUS=ok; elif [ "$rc" -eq 124 ]; then STATUS=timeout; else STATUS=failed; fi
  # The one-minute load average as the command ends, printed beside the figures it belongs to.
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
}

# set_aside FOLDER: moves a previous build's output out of the way without deleting it (a rename), so the next
# build writes into an empty destination without paying for freshly freed inodes (see the sync above). Deleted at
# the end, after the last timed build.
set_aside() {
  [ -e "$1" ] || return 0
  mkdir -p "$TRASH"
  mv "$1" "$(mktemp -d "$TRASH/XXXXXX")/"
}

# build_ours SUBJECT PAGES ROOT RUN
build_ours() {
  local subject="$1" pages="$2" root="$3" run="$4" logfile="$OUT/$1-ours-$4.log" search_ms=""
  # Into an empty destination, as Hugo's runs are: otherwise ours alone pays for deleting the previous output.
  set_aside "$root/site/output"
  pushd "$root" >/dev/null
  timed "$logfile" "$GENERATOR" build
  popd >/dev/null
  if [ "$STATUS" = failed ]; then tail -20 "$logfile" >&2; echo "Our generator failed on $root; see $logfile." >&2; exit 1; fi
  if [ "$STATUS" = ok ]; then
    search_ms=$(grep -oE 'search index [0-9]+ ms' "$logfile" | grep -oE '[0-9]+' | tail -1)
    [ -n "$search_ms" ] || { echo "$logfile has no 'search index N ms' stage; did the generator's summary line change?" >&2; exit 1; }
  fi
  printf '%s\t%s\tours\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$subject" "$pages" "$run" "$WALL" "$RSS_MB" "$search_ms" "" "$STATUS" "$LOAD" >>"$RESULTS"
  log "  $subject ours run $run (load $LOAD): $STATUS, ${WALL} s, ${RSS_MB} MB peak${search_ms:+, Pagefind stage ${search_ms} ms}: $(grep -m1 -oE '^Built [0-9]+ pages' "$logfile" || true)"
}

# build_hugo SUBJECT PAGES ROOT RUN: Hugo, then Pagefind over Hugo's output (timed apart).
build_hugo() {
  local subject="$1" pages="$2" root="$3" run="$4" logfile="$OUT/$1-hugo-$4.log"
  set_aside "$root/hugo/public"
  timed "$logfile" hugo --source "$root/hugo" --destination "$root/hugo/public" --quiet
  [ "$STATUS" != failed ] || { tail -20 "$logfile" >&2; echo "Hugo failed on $root/hugo; see $logfile." >&2; exit 1; }
  printf '%s\t%s\thugo\t%s\t%s\t%s\t\t\t%s\t%s\n' "$subject" "$pages" "$run" "$WALL" "$RSS_MB" "$STATUS" "$LOAD" >>"$RESULTS"
  if [ "$STATUS" = timeout ]; then
    log "  $subject hugo run $run: did not finish in $TIMEOUT_NOW s"
    return
  fi
  local hugo_wall="$WALL"
  timed "$logfile.pagefind" node "$PAGEFIND" --site "$root/hugo/public"
  printf '%s\t%s\tpagefind-on-hugo\t%s\t%s\t%s\t\t\t%s\t%s\n' "$subject" "$pages" "$run" "$WALL" "$RSS_MB" "$STATUS" "$LOAD" >>"$RESULTS"
  log "  $subject hugo run $run (load $LOAD): ${hugo_wall} s; Pagefind over its output ${WALL} s"
}

# preview SUBJECT PAGES ROOT FILE URLPATH: edit FILE, time until URLPATH serves the edit; the server's own
# "Rebuilt ... in N ms" line is recorded beside it.
preview() {
  local subject="$1" pages="$2" root="$3" file="$4" url="http://127.0.0.1:$PORT$5" logfile="$OUT/$1.log"
  (cd "$root" && exec "$GENERATOR" preview --port "$PORT") >"$logfile" 2>&1 &
  local server=$!
  for _ in $(seq 1 600); do
    grep -q 'Previewing at' "$logfile" && break
    kill -0 "$server" 2>/dev/null || break   # it exited: no point waiting
    sleep 0.5
  done
  grep -q 'Previewing at' "$logfile" || { kill "$server" 2>/dev/null; cat "$logfile" >&2; echo "The preview server did not start; its output is above ($logfile)." >&2; exit 1; }
  for edit in $(seq 1 "$PREVIEW_EDITS"); do
    local marker="Preview benchmark edit $edit $RANDOM"
    local before start end rebuilt
    before=$(grep -c '^Rebuilt' "$logfile" || true)
    start=$(date +%s%N)
    printf '\nParagraph added by the site benchmark: %s.\n' "$marker" >>"$root/$file"
    local deadline=$(( $(date +%s) + PREVIEW_WAIT ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
      curl -s "$url" | grep -q "$marker" && break
      sleep 0.005
    done
    end=$(date +%s%N)
    curl -s "$url" | grep -q "$marker" || { kill "$server"; echo "The edit never appeared at $url; see $logfile." >&2; exit 1; }
    for _ in $(seq 1 300); do [ "$(grep -c '^Rebuilt' "$logfile" || true)" -gt "$before" ] && break; sleep 0.1; done
    rebuilt=$(grep '^Rebuilt' "$logfile" | tail -1 | sed -E 's/.* in ([0-9]+) ms.*/\1/')
    printf '%s\t%s\tpreview\t%s\t%s\t\t\t%s\tok\t%s\n' "$subject" "$pages" "$edit" "$(awk -v ns=$((end - start)) 'BEGIN {printf "%.3f", ns / 1e9}')" "$rebuilt" "$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"
    log "  $subject edit $edit: served after $(( (end - start) / 1000000 )) ms; server logged ${rebuilt} ms"
    # Let the search re-index that follows each reload finish, so edits do not overlap.
    sleep 3
  done
  kill "$server"
  wait "$server" 2>/dev/null || true
}

printf 'subject\tpages\ttool\trun\twall_s\tmax_rss_mb\tsearch_index_ms\tbuild_log_ms\tstatus\tload1\n' >"$RESULTS"

# The real site, copied, so the measured build is the same content as site/output but never replaces it.
REAL="$OUT/real"
make_root "$REAL"
cp -r "$SNAPSHOT/site/content" "$REAL/site/content"
cp -r "$SNAPSHOT/analyzers/docs/rules" "$REAL/analyzers/docs/rules"
REAL_PAGES=$(find "$REAL/site/content" "$REAL/analyzers/docs/rules" -name '*.md' | wc -l)
log "the real site ($REAL_PAGES Markdown files)"
build_ours warmup "$REAL_PAGES" "$REAL" 0   # unmeasured: fills the file cache
sed -i '$d' "$RESULTS"
for run in $(seq 1 "$RUNS"); do build_ours real "$REAL_PAGES" "$REAL" "$run"; done

wait_s=$(( DELETED_AT + 61 - $(date +%s) ))
if [ "$wait_s" -gt 0 ]; then log "waiting ${wait_s} s for the deleted previous work folder to age out (see sync above)"; sleep "$wait_s"; fi
for pages in $PAGES; do
  root="$OUT/pages-$pages"
  make_root "$root"
  "$BENCH_BIN" generate-site --out "$OUT/pages-$pages-source" --pages "$pages" >/dev/null
  mv "$OUT/pages-$pages-source/ours" "$root/site/content"
  mkdir -p "$root/hugo"
  cp -r "$BENCH_DIR/hugo/." "$root/hugo/"
  mv "$OUT/pages-$pages-source/hugo/content" "$root/hugo/content"
  runs="$RUNS"
  TIMEOUT_NOW=0
  if [ "$pages" -ge 5000 ]; then runs="$LARGE_RUNS"; TIMEOUT_NOW="$BUILD_TIMEOUT"; fi
  log "generated content: $pages pages, $runs run(s)"
  # Hugo and ours alternate, so a burst of load from other work hits both alike.
  for run in $(seq 1 "$runs"); do
    build_hugo "$pages" "$pages" "$root" "$run"
    build_ours "$pages" "$pages" "$root" "$run"
  done
done

log "preview server on the real site"
preview preview-real "$REAL_PAGES" "$REAL" site/content/guidance/staff-training.md /guidance/staff-training/
if [[ " $PAGES " == *" 1000 "* ]]; then
  log "preview server on 1,000 generated pages"
  preview preview-1000 1000 "$OUT/pages-1000" site/content/section-000/page-005.md /section-000/page-005/
fi

rm -rf "$TRASH"
"$BENCH_BIN" report site-build --results "$RESULTS" --machine "$OUT/machine.md" --readme "$BENCH_DIR/README.md"
