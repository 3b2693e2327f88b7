#!/usr/bin/env bash
# Makes the icon's pictures from iocplab.svg: PNGs for the window and Linux, .ico for Windows, .icns for macOS.
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns):
#   apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" iocplab.svg -o "iocplab-$size.png"
done
/usr/bin/convert iocplab-16.png iocplab-32.png iocplab-48.png iocplab-64.png iocplab-128.png iocplab-256.png iocplab.ico
png2icns iocplab.icns iocplab-16.png iocplab-32.png iocplab-48.png iocplab-128.png iocplab-256.png iocplab-512.png >/dev/null
ls -l iocplab*
