#!/usr/bin/env bash
# Starts what `mvn -Pinstaller package` built on Linux, headless, as a student would use it, and fails if any of it
# does not work: the app image's command-line launcher (version, the whole course, a run), the window's launcher
# under Xvfb (it stays up, draws its pictures), and the .deb (its dependency on libgtk-3-0, and its launcher run
# from the unpacked package). Usage: src/packaging/check-linux-image.sh target/jpackage
# Needs: xvfb-run (apt-get install -y xvfb libgtk-3-0), dpkg-deb.
set -euo pipefail
dir=$(cd "${1:-target/jpackage}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
image="$dir/image/IOCP-Lab"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-linux-image: $*" >&2; exit 1; }

check_cli() {   # $1: the folder holding bin/iocplab
  local cli="$1/bin/iocplab"
  [ -x "$cli" ] || fail "no launcher $cli"
  (cd "$work" && "$cli" --version) | grep -q '^IOCP Lab ' || fail "$cli --version"
  local lessons
  lessons=$(cd "$work" && "$cli" lessons list | wc -l)
  [ "$lessons" -eq 16 ] || fail "$cli lessons list: $lessons lessons, expected 16"
  (cd "$work" && "$cli" lessons check) | grep -q '^16 lessons OK$' || fail "$cli lessons check"
  (cd "$work" && "$cli" run "$root/src/test/resources/contract-example.yaml") | tail -1 | grep -q '"type":"summary"' \
    || fail "$cli run contract-example.yaml"
  echo "check-linux-image: $cli: --version, lessons list (16), lessons check, run: OK"
}

check_window() {   # $1: the folder holding bin/IOCP-Lab
  local gui="$1/bin/IOCP-Lab"
  [ -x "$gui" ] || fail "no launcher $gui"
  # the window on a lesson for 15 s: still running then (not failed at start), nothing on standard error
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "\"$gui\" \"$root/lessons/06-lifo.yaml\" 2>\"$work/gui.err\" & pid=\$!; \
    sleep 15; kill -0 \$pid || exit 3; kill \$pid; wait \$pid || true" || fail "$gui did not stay up: $(cat "$work/gui.err")"
  [ ! -s "$work/gui.err" ] || fail "$gui wrote on standard error: $(cat "$work/gui.err")"
  # and its pictures: every window drawn by the packaged runtime's JavaFX
  xvfb-run -a -s "-screen 0 1600x1000x24" "$1/bin/iocplab" screenshots "$work/pictures" >"$work/pictures.txt" \
    || fail "$1/bin/iocplab screenshots"
  local n
  n=$(ls "$work/pictures"/*.png | wc -l)
  [ "$n" -ge 10 ] || fail "screenshots wrote $n pictures"
  echo "check-linux-image: $gui: the window stayed up 15 s on lesson 06; screenshots: $n pictures: OK"
}

check_cli "$image"
check_window "$image"

deb=$(ls "$dir"/installer/*.deb)
dpkg-deb -f "$deb" Depends | grep -q 'libgtk-3-0' || fail "$deb does not depend on libgtk-3-0"
dpkg-deb -x "$deb" "$work/deb"
installed=$(dirname "$(dirname "$(find "$work/deb" -path '*/bin/iocplab' | head -1)")")
check_cli "$installed"
echo "check-linux-image: $deb ($(du -h "$deb" | cut -f1)): depends on libgtk-3-0; its launchers: OK"
du -sh "$dir/runtime" "$image" "$deb"
