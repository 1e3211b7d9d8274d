#!/usr/bin/env bash
# Screenshots of the built site, for reviewing its design: bash scripts/screenshots.sh
#
# Builds the real site from input/ into a temporary directory (the same build command as in the
# README, with --output and --base-url), serves it on 127.0.0.1 with python3's http.server, and
# photographs four pages with headless Chromium (/usr/bin/chromium, or $CHROMIUM_PATH when set):
#
#   the home page /, a case page /cases/child-r/, a theme page /themes/domestic-abuse/, and
#   Child N /cases/child-n/ (the review whose findings were not published);
#
# each at 390 x 844 (a phone's first screen), at 1280 x 800 (a laptop's first screen), and at 390
# wide for the whole length of the page. For the full-length shot the page's document height is
# measured first: a small page added to the temporary copy of the site loads the page in a
# 390 x 844 iframe and writes the document's scrollHeight into its own DOM, which Chromium prints
# with --dump-dom; the page is then photographed in a 390-wide window exactly that tall.
# Screenshots are at 1 CSS pixel per image pixel, with no touch or mobile emulation: the layout is
# chosen by the window's width, as the site's CSS does.
#
# Chromium is given --virtual-time-budget=5000 so that the stylesheet and the site's JavaScript have
# run before the picture is taken, and its own throwaway profile. The PNGs and a README.md listing
# them, with the date and this command, are written to docs/screenshots/ (replacing the previous
# set) only when every shot has been taken. The server and the temporary directory are removed on
# exit, whether or not the script succeeded.
#
# Needs the .NET 10 SDK, Node.js 20 (for the build), python3, curl and Chromium.
# PORT=N chooses the port; otherwise a free one is picked.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "scripts/screenshots.sh: no Chromium at $chromium; install Debian's chromium or set CHROMIUM_PATH" >&2
  exit 1
fi
for tool in python3 curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "scripts/screenshots.sh: $tool is needed" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
base="http://127.0.0.1:$port"

echo "Building the site into $tmp/site"
dotnet run --project Site.csproj -c Release -- build --output "$tmp/site" --base-url "$base/"

# The measuring page: loads ?page= in an iframe of the phone's first-screen size and records the
# document's height on <body data-document-height="...">.
cat >"$tmp/site/__document-height.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Document height</title></head>
<body style="margin:0">
<iframe id="page" title="Page being measured" style="display:block;border:0;width:390px;height:844px"></iframe>
<script>
  var frame = document.getElementById("page");
  frame.addEventListener("load", function () {
    var doc = frame.contentDocument;
    var height = Math.max(doc.documentElement.scrollHeight, doc.body ? doc.body.scrollHeight : 0);
    document.body.setAttribute("data-document-height", String(Math.ceil(height)));
  });
  frame.src = new URLSearchParams(location.search).get("page");
</script>
</body>
</html>
HTML

python3 -m http.server --bind 127.0.0.1 "$port" --directory "$tmp/site" >"$tmp/server.log" 2>&1 &
server_pid=$!

echo "Waiting for $base/"
ready=
for _ in $(seq 1 100); do
  if curl --silent --fail --max-time 2 --output /dev/null "$base/"; then
    ready=1
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    break
  fi
  sleep 0.2
done
if [ -z "$ready" ]; then
  echo "scripts/screenshots.sh: the server on port $port did not answer within 20 s:" >&2
  cat "$tmp/server.log" >&2
  exit 1
fi

browser=("$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking
  --hide-scrollbars --no-first-run --no-default-browser-check --user-data-dir="$tmp/profile"
  --virtual-time-budget=5000)

shots="$tmp/shots"
mkdir -p "$shots"

# shoot FILE WIDTH HEIGHT URL
shoot() {
  local file=$1 width=$2 height=$3 url=$4
  rm -f "$shots/$file"
  if ! "${browser[@]}" --window-size="$width,$height" --screenshot="$shots/$file" "$url" \
      >"$tmp/chromium.log" 2>&1 || [ ! -s "$shots/$file" ]; then
    echo "scripts/screenshots.sh: Chromium did not photograph $url:" >&2
    cat "$tmp/chromium.log" >&2
    exit 1
  fi
  echo "  $file ($width x $height)"
}

# document_height PATH: the page's height in CSS pixels at 390 wide.
document_height() {
  local path=$1 dom height
  dom=$("${browser[@]}" --window-size=390,844 --dump-dom "$base/__document-height.html?page=$path" 2>"$tmp/chromium.log") || true
  height=$(printf '%s' "$dom" | grep -o 'data-document-height="[0-9]*"' | grep -o '[0-9][0-9]*' || true)
  if [ -z "$height" ] || [ "$height" -lt 1 ]; then
    echo "scripts/screenshots.sh: could not measure the height of $path:" >&2
    cat "$tmp/chromium.log" >&2
    exit 1
  fi
  # Chromium draws nothing taller than 16384 pixels.
  if [ "$height" -gt 16384 ]; then
    echo "scripts/screenshots.sh: $path is $height px long; its full-length shot stops at 16384 px" >&2
    height=16384
  fi
  printf '%s\n' "$height"
}

# name | path | description
pages=(
  "home|/|Home page"
  "case-child-r|/cases/child-r/|Case page: Child R"
  "theme-domestic-abuse|/themes/domestic-abuse/|Theme page: Domestic abuse"
  "child-n|/cases/child-n/|Case page: Child N, whose findings were not published"
)

readme_entries=()
for entry in "${pages[@]}"; do
  IFS='|' read -r name path description <<<"$entry"
  echo "Photographing $path"
  shoot "$name-390.png" 390 844 "$base$path"
  readme_entries+=("$name-390.png|$description ($path), 390 px wide, first screen (390 x 844)")
  shoot "$name-1280.png" 1280 800 "$base$path"
  readme_entries+=("$name-1280.png|$description ($path), 1280 px wide, first screen (1280 x 800)")
  height=$(document_height "$path")
  shoot "$name-390-full.png" 390 "$height" "$base$path"
  readme_entries+=("$name-390-full.png|$description ($path), 390 px wide, whole page (390 x $height)")
done

taken=$(date -u +%Y-%m-%d)
{
  echo "# Screenshots"
  echo
  echo "Screenshots of the site built from \`input/\`, taken on $taken (UTC) in headless Chromium"
  echo "($("$chromium" --version 2>/dev/null | head -n 1 || echo "version unknown")) with:"
  echo
  echo '```sh'
  echo 'bash scripts/screenshots.sh'
  echo '```'
  echo
  echo "The command builds the site into a temporary directory, serves it on 127.0.0.1 and photographs"
  echo "each page at 390 px wide (a phone's first screen, 390 x 844), at 1280 px wide (a laptop's first"
  echo "screen, 1280 x 800) and at 390 px wide for the whole length of the page. Run it again to replace"
  echo "these files; see the comment at the top of \`scripts/screenshots.sh\` for how it works."
  echo
  for item in "${readme_entries[@]}"; do
    IFS='|' read -r file line <<<"$item"
    echo "- $line: \`$file\`"
    echo
    echo "  ![$line]($file)"
    echo
  done
} >"$shots/README.md"

out="$root/docs/screenshots"
mkdir -p "$out"
rm -f "$out"/*.png "$out/README.md"
cp "$shots"/*.png "$shots/README.md" "$out/"
echo "Wrote ${#readme_entries[@]} screenshots and README.md to docs/screenshots/"
