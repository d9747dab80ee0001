#!/usr/bin/env python3
"""Looks at the report as a reader does (`make report-check`).

Renders index.html with headless Chromium at a desktop (1280 px) and a phone (390 px) width and
fails when the page is blank, a plot is missing or a table overflows the page:
  * the screenshot (PNG, decoded here with zlib alone) must not be one uniform colour and must
    have a visible share of non-background pixels;
  * a copy of the page with a measuring script appended is rendered with --dump-dom: every inline
    <svg> of the source must be in the DOM with a non-zero size, every table must sit in a
    container that scrolls horizontally, and neither the page nor any table container may be
    wider than the window.
The report itself has no scripts; the measuring script exists only in the temporary copy.
Usage: check_report.py INDEX_HTML [--chromium BINARY] [--out DIR]
"""
import argparse
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

WIDTHS = (1280, 390)

MEASURE = """
<script>
(function () {
  var w = document.documentElement.clientWidth, tol = 1;  // the viewport less its scroll bar
  var svgs = Array.prototype.slice.call(document.querySelectorAll('svg'));
  var tables = Array.prototype.slice.call(document.querySelectorAll('table'));
  var r = {
    width: w,
    scrollWidth: document.documentElement.scrollWidth,
    svg: svgs.length,
    emptySvg: svgs.filter(function (s) { var b = s.getBoundingClientRect(); return !(b.width > 0 && b.height > 0); }).length,
    wideSvg: svgs.filter(function (s) { return s.getBoundingClientRect().right > w + tol; }).length,
    tables: tables.length,
    unwrapped: tables.filter(function (t) {
      var p = t.parentElement;
      var o = p ? getComputedStyle(p).overflowX : '';
      return !(o === 'auto' || o === 'scroll');
    }).length,
    overflowing: tables.filter(function (t) { return t.parentElement.getBoundingClientRect().right > w + tol; }).length,
    text: document.body.innerText.length
  };
  (window.parent || window).document.body.setAttribute('data-report-check', JSON.stringify(r));
})();
</script>
"""


def png_pixels(path):
    """Decodes an 8-bit, non-interlaced RGB or RGBA PNG: (width, height, rows of bytes, channels)."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError(path + ': not a PNG')
    pos, idat, width = 8, b'', None
    while pos < len(data):
        (length,) = struct.unpack('>I', data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b'IHDR':
            width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                raise ValueError(path + ': unsupported PNG format')
            channels = 3 if colour == 2 else 4
        elif kind == b'IDAT':
            idat += body
        elif kind == b'IEND':
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, channels


def screenshot_ink(path):
    """The share of pixels that differ from the top-left (background) pixel, and the colour count."""
    width, height, rows, ch = png_pixels(path)
    background = rows[0][0:3]
    ink, colours = 0, set()
    for row in rows[::2]:
        for x in range(0, width * ch, ch * 2):
            px = row[x:x + 3]
            if px != background:
                ink += 1
            if len(colours) < 64:
                colours.add(px)
    return ink / float(((height + 1) // 2) * ((width + 1) // 2)), len(colours)


def chromium(binary, args):
    cmd = [binary, '--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
           '--allow-file-access-from-files', '--no-first-run'] + args
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('index')
    ap.add_argument('--chromium', default='chromium')
    ap.add_argument('--out', default=None, help='where the screenshots go (default: beside index.html)')
    args = ap.parse_args()
    index = os.path.abspath(args.index)
    out = os.path.abspath(args.out or os.path.dirname(index))
    source = open(index, encoding='utf-8').read()
    expected_svg = len(re.findall(r'<svg\b', source))
    failures = []
    if expected_svg == 0:
        failures.append('the report has no plot at all')

    # Headless Chromium will not make a window narrower than 500 px, so the page is shown in an
    # <iframe> of the exact width (a real viewport: the measuring script runs inside it and writes
    # its result onto the wrapper, which --dump-dom prints).
    folder = os.path.dirname(index)
    for width in WIDTHS:
        png = os.path.join(out, 'report-check-%d.png' % width)
        if os.path.exists(png):
            os.remove(png)
        with tempfile.NamedTemporaryFile('w', suffix='.html', dir=folder, prefix='.report-check-', delete=False,
                                         encoding='utf-8') as tmp:
            tmp.write(source.replace('</body>', MEASURE + '</body>'))
            copy = tmp.name
        with tempfile.NamedTemporaryFile('w', suffix='.html', dir=folder, prefix='.report-check-', delete=False,
                                         encoding='utf-8') as tmp:
            tmp.write('<!DOCTYPE html><html><body style="margin:0;background:#fff"><iframe src="%s" '
                      'style="border:0;width:%dpx;height:2000px"></iframe></body></html>'
                      % (os.path.basename(copy), width))
            wrapper = tmp.name
        window = '--window-size=%d,2000' % max(width, 500)
        try:
            chromium(args.chromium, [window, '--screenshot=' + png, 'file://' + wrapper])
            dom = chromium(args.chromium, [window, '--dump-dom', 'file://' + wrapper])
        finally:
            os.remove(copy)
            os.remove(wrapper)
        if not os.path.exists(png):
            failures.append('%d px: Chromium wrote no screenshot' % width)
        else:
            ink, colours = screenshot_ink(png)
            print('report-check: %d px: screenshot %s, %.1f%% ink, %d+ colours' % (width, png, ink * 100, colours))
            if colours < 2 or ink < 0.01:
                failures.append('%d px: the page looks blank (%.2f%% non-background pixels)' % (width, ink * 100))
        text = dom.stdout.decode('utf-8', 'replace')
        m = re.search(r'data-report-check="([^"]*)"', text)
        if not m:
            failures.append('%d px: the page did not render (no measurement in the DOM)' % width)
            continue
        r = json.loads(m.group(1).replace('&quot;', '"').replace('&amp;', '&'))
        print('report-check: %d px: %s' % (width, json.dumps(r, sort_keys=True)))
        if r['svg'] != expected_svg:
            failures.append('%d px: %d plots in the DOM, %d in the file' % (width, r['svg'], expected_svg))
        if r['emptySvg']:
            failures.append('%d px: %d plots have no size' % (width, r['emptySvg']))
        if r['wideSvg']:
            failures.append('%d px: %d plots are wider than the window' % (width, r['wideSvg']))
        if r['unwrapped']:
            failures.append('%d px: %d tables are not in a horizontally scrolling container' % (width, r['unwrapped']))
        if r['overflowing']:
            failures.append('%d px: %d table containers overflow the window' % (width, r['overflowing']))
        if r['scrollWidth'] > r['width'] + 1:
            failures.append('%d px: the page is %d px wide' % (width, r['scrollWidth']))
        if r['text'] < 100:
            failures.append('%d px: almost no text (%d characters)' % (width, r['text']))

    for f in failures:
        print('report-check: FAIL: ' + f, file=sys.stderr)
    if not failures:
        print('report-check: ok (%d plots, widths %s)' % (expected_svg, ', '.join(str(w) for w in WIDTHS)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
