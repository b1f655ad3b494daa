#!/usr/bin/env bash
# Makes the PNG pictures of tests/e2e/orient-png.yaml in tests/images/ (run
# by hand from the top of the checkout; needs ImageMagick and python3):
#   orient-N.png      the 64x48 picture of orient-N.jpg (green, a red square
#                     top left) stored for EXIF orientation N, with the eXIf
#                     chunk ImageMagick writes (after the pixels, MM order)
#   orient-6-alpha.png RGBA, its bottom quarter transparent, stored for
#                     orientation 6 with an eXIf chunk before the pixels (II
#                     order), written by hand
#   exif-*.png        upright, with a broken eXIf chunk: each must print as
#                     stored (orientation 1)
set -eu
cd tests/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert -size 64x48 xc:'#00a000' -fill '#e00000' -draw 'rectangle 0,0 15,15' "$tmp/up.png"
# how orientation N's stored picture comes from the upright one (the
# inverse of what turns it upright)
turn=("" "" -flop "-rotate 180" -flip -transpose "-rotate -90" -transverse "-rotate 90")
clean="-define png:exclude-chunks=date,time,bKGD,gAMA,cHRM +set date:create +set date:modify"
for n in 1 2 3 4 5 6 7 8; do
	convert "$tmp/up.png" ${turn[$n]} +repage "$tmp/s$n.png"
	# the JPEG's EXIF comes along into ImageMagick's eXIf chunk
	convert orient-$n.jpg "$tmp/s$n.png" -compose Copy -composite -type Palette \
		$clean orient-$n.png
done
convert "$tmp/up.png" -alpha set -region 64x12+0+36 -alpha transparent +region \
	-rotate -90 +repage -define png:color-type=6 $clean "$tmp/alpha.png"
convert "$tmp/up.png" -type Palette $clean "$tmp/upright.png"
python3 - "$tmp" <<'PY'
import struct, sys, zlib
tmp = sys.argv[1]

def with_exif(src, dst, exif):
    """src with an eXIf chunk holding exif put before its first IDAT"""
    d = open(src, 'rb').read()
    i = d.index(b'IDAT') - 4
    chunk = struct.pack('>I', len(exif)) + b'eXIf' + exif + \
        struct.pack('>I', zlib.crc32(b'eXIf' + exif))
    open(dst, 'wb').write(d[:i] + chunk + d[i:])

def ifd(order, entries, offset=8):
    """a TIFF structure: header, then one IFD of (tag, type, count, value)"""
    e = '<' if order == b'II' else '>'
    t = order + struct.pack(e + 'HI', 42, offset) + struct.pack(e + 'H', len(entries))
    for tag, typ, count, value in entries:
        t += struct.pack(e + 'HHIHH', tag, typ, count, value, 0)
    return t + b'\0\0\0\0'

orient = lambda order, o: ifd(order, [(0x0112, 3, 1, o)])
with_exif(f'{tmp}/alpha.png', 'orient-6-alpha.png', orient(b'II', 6))
up = f'{tmp}/upright.png'
# the first IFD far beyond the data
with_exif(up, 'exif-ifd-beyond.png', ifd(b'MM', [(0x0112, 3, 1, 6)], 0xfffffff0))
# 300 entries said, the second one the orientation (6), cut in its middle
cut = ifd(b'MM', [(0x0100, 3, 1, 64), (0x0112, 3, 1, 6)])
with_exif(up, 'exif-entry-cut.png', cut[:8] + struct.pack('>H', 300) + cut[10:10 + 12 + 6])
# orientation 9, which EXIF does not have
with_exif(up, 'exif-orient-9.png', orient(b'II', 9))
# 6 bytes: cut inside the header
with_exif(up, 'exif-short.png', b'MM\0*\0\0')
# not a TIFF structure at all (libpng drops it)
with_exif(up, 'exif-not-tiff.png', b'XX' + orient(b'MM', 6)[2:])
PY
