#!/usr/bin/env bash
# What the book's PDF and the tests need from Debian, checked by what proves each package is
# there (a command, a TeX file, a font), so that a machine that has them some other way (a CI
# runner's own Chromium) installs nothing.
#
#   tools/debs.sh list GROUP...     the Debian packages of the groups (make pdf-debs)
#   tools/debs.sh ensure GROUP...   install the missing ones when this user can (root, or
#                                   passwordless sudo); otherwise print the command to run
#                                   and exit 1, before any other work
#
# Groups: pdf (make pdf: XeLaTeX, the Chinese fonts of the glossary) and test (make test: pdf
# and the browser tests' Chromium, the shared gradebook's PostgreSQL, the grading sandbox's
# bubblewrap, the PDF tests' poppler-utils). Exit status: 0 all there, 1 some missing, 2 usage.
set -euo pipefail

# package | what it is for | what proves it is installed (cmd:A|B, glob:PATH, tex:FILE, font:NAME)
PDF_TABLE='
texlive-xetex             | the PDF (XeLaTeX)              | cmd:xelatex tex:fncychap.sty tex:unicode-math.sty
texlive-fonts-recommended | the PDF (TeX fonts)            | tex:pzdr.tfm
texlive-lang-chinese      | the PDF (xeCJK, ctex)          | tex:xeCJK.sty tex:ctexhook.sty
latexmk                   | the PDF (latexmk)              | cmd:latexmk
fontconfig                | the PDF (fc-list)              | cmd:fc-list
fonts-noto-cjk            | the glossary in Chinese        | font:Noto Serif CJK SC font:Noto Sans CJK SC
fonts-freefont-otf        | the PDF (FreeSerif)            | font:FreeSerif
fonts-dejavu-core         | the PDF (DejaVu Sans Mono)     | font:DejaVu Sans Mono
'
TEST_TABLE='
chromium                  | the browser tests              | cmd:chromium|chromium-browser
postgresql                | the shared gradebook tests     | glob:/usr/lib/postgresql/*/bin/initdb
bubblewrap                | the grading sandbox            | cmd:bwrap
poppler-utils             | the PDF tests                  | cmd:pdftotext cmd:pdftoppm cmd:pdffonts
'

table() {
  local group
  for group in "$@"; do
    case "$group" in
      pdf) printf '%s\n' "$PDF_TABLE" ;;
      test) printf '%s\n%s\n' "$PDF_TABLE" "$TEST_TABLE" ;;
    esac
  done | sed '/^ *$/d' | awk -F'|' '!seen[$1]++'
}

# has PROOF: true when one proof holds (PROOF is cmd:..., glob:..., tex:... or font:...)
has() {
  local kind="${1%%:*}" what="${1#*:}" name
  case "$kind" in
    cmd)
      IFS='|' read -ra names <<<"$what"
      for name in "${names[@]}"; do command -v "$name" >/dev/null 2>&1 && return 0; done
      return 1 ;;
    glob) compgen -G "$what" >/dev/null ;;
    tex) command -v kpsewhich >/dev/null 2>&1 && kpsewhich "$what" >/dev/null 2>&1 ;;
    font) command -v fc-list >/dev/null 2>&1 && fc-list "$what" 2>/dev/null | grep -q . ;;
  esac
}

# missing GROUP...: "package|what it is for" for each package whose proofs do not all hold
missing() {
  local pkg why proofs proof
  while IFS='|' read -r pkg why proofs; do
    pkg="$(echo $pkg)" why="$(echo $why)"
    # proofs are separated by spaces; a font name has spaces, so split on " kind:" instead
    while IFS= read -r proof; do
      [ -n "$proof" ] || continue
      if ! has "$proof"; then echo "$pkg|$why"; break; fi
    done < <(echo " $proofs" | sed -E 's/ +(cmd|glob|tex|font):/\n\1:/g')
  done < <(table "$@")
}

install() {
  local -a sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
  echo "Installing from Debian: $*"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

can_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  [ "$(id -u)" -eq 0 ] && return 0
  command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null
}

ensure() {
  local lines pkgs
  lines="$(missing "$@")"
  [ -z "$lines" ] && return 0
  pkgs="$(cut -d'|' -f1 <<<"$lines" | tr '\n' ' ' | sed 's/ $//')"
  if can_install; then
    install $pkgs
    lines="$(missing "$@")"
    [ -z "$lines" ] && return 0
    echo "Still missing after installing from Debian:" >&2
  else
    echo "make needs these packages from Debian, which are not installed here:" >&2
  fi
  while IFS='|' read -r pkg why; do printf '  %-26s %s\n' "$pkg" "$why" >&2; done <<<"$lines"
  pkgs="$(cut -d'|' -f1 <<<"$lines" | tr '\n' ' ' | sed 's/ $//')"
  echo "Installing them needs root. Run this once, then the same make command again:" >&2
  echo "  sudo apt-get update && sudo apt-get install --no-install-recommends $pkgs" >&2
  return 1
}

usage() { sed -n '2,/^set /p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

command="${1:-}"
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- test
for group in "$@"; do
  case "$group" in
    pdf | test) ;;
    *) echo "unknown group '$group': the groups are pdf and test" >&2; exit 2 ;;
  esac
done
case "$command" in
  list) table "$@" | cut -d'|' -f1 | xargs echo ;;
  ensure) ensure "$@" ;;
  -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac
