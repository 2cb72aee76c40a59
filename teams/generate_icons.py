#!/usr/bin/env python3
"""Draws RegionBot's Teams icons with the Python standard library only.

Teams needs a 192x192 full-colour icon (color.png) and a 32x32 icon that is white on a
transparent background (outline.png). Both show a speech bubble carrying the letters "RB".
Shapes are described geometrically and sampled several times per pixel, so edges are
anti-aliased without an imaging library. Run from anywhere: python3 teams/generate_icons.py
"""

import math
import os
import struct
import zlib

ACCENT = (0x1F, 0x5F, 0xA8)
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4


def rounded_rect(x0, y0, x1, y1, r):
    def inside(x, y):
        if x < x0 or x > x1 or y < y0 or y > y1:
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    return inside


def triangle(a, b, c):
    def side(p, q, x, y):
        return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0])

    def inside(x, y):
        d1, d2, d3 = side(a, b, x, y), side(b, c, x, y), side(c, a, x, y)
        negative = d1 < 0 or d2 < 0 or d3 < 0
        positive = d1 > 0 or d2 > 0 or d3 > 0
        return not (negative and positive)
    return inside


def rect(x0, y0, x1, y1):
    return lambda x, y: x0 <= x <= x1 and y0 <= y <= y1


def right_half_ring(cx, cy, outer, inner):
    def inside(x, y):
        d = math.hypot(x - cx, y - cy)
        return x >= cx and inner <= d <= outer
    return inside


def thick_segment(p, q, width):
    def inside(x, y):
        dx, dy = q[0] - p[0], q[1] - p[1]
        t = max(0.0, min(1.0, ((x - p[0]) * dx + (y - p[1]) * dy) / (dx * dx + dy * dy)))
        return math.hypot(x - (p[0] + t * dx), y - (p[1] + t * dy)) <= width / 2
    return inside


def bowl(x0, top, bottom, right, stroke):
    """A closed "D" shape, the upper part of R and both parts of B."""
    radius = (bottom - top) / 2
    centre_x = right - radius
    return [
        rect(x0, top, centre_x, top + stroke),
        rect(x0, bottom - stroke, centre_x, bottom),
        right_half_ring(centre_x, top + radius, radius, radius - stroke),
    ]


def letters_rb(x0, top, height, stroke):
    """The letters R and B side by side, each about 0.62 of the height wide."""
    width = height * 0.62
    gap = height * 0.16
    middle = top + height * 0.52
    r_shapes = [rect(x0, top, x0 + stroke, top + height)]
    r_shapes += bowl(x0, top, middle + stroke / 2, x0 + width, stroke)
    r_shapes.append(thick_segment((x0 + width * 0.42, middle), (x0 + width - stroke * 0.4, top + height - stroke * 0.4), stroke))
    b0 = x0 + width + gap
    b_shapes = [rect(b0, top, b0 + stroke, top + height)]
    b_shapes += bowl(b0, top, middle + stroke / 2, b0 + width * 0.94, stroke)
    b_shapes += bowl(b0, middle - stroke / 2, top + height, b0 + width, stroke)
    return r_shapes + b_shapes, 2 * width + gap


def bubble(x0, y0, x1, y1, radius, tail):
    return [rounded_rect(x0, y0, x1, y1, radius), triangle(*tail)]


def covered(shapes, x, y):
    return any(shape(x, y) for shape in shapes)


def render(size, layers):
    """Each layer is (shapes, colour, alpha); later layers paint over earlier ones."""
    pixels = []
    offsets = [(i + 0.5) / SAMPLES for i in range(SAMPLES)]
    for py in range(size):
        row = []
        for px in range(size):
            r = g = b = a = 0.0
            for oy in offsets:
                for ox in offsets:
                    sr = sg = sb = sa = 0.0
                    for shapes, colour, alpha in layers:
                        if covered(shapes, px + ox, py + oy):
                            sr, sg, sb, sa = colour[0], colour[1], colour[2], alpha
                    r += sr * sa
                    g += sg * sa
                    b += sb * sa
                    a += sa
            n = SAMPLES * SAMPLES
            if a > 0:
                # Colour is averaged over the covered samples only (premultiplied), so
                # anti-aliased edges keep their colour instead of darkening toward black.
                row.append((round(r / a), round(g / a), round(b / a), round(255 * a / n)))
            else:
                row.append((0, 0, 0, 0))
        pixels.append(row)
    return pixels


def write_png(path, pixels):
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    # Colour type 6 is 8-bit RGBA: both icons carry an alpha channel.
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    with open(path, "wb") as output:
        output.write(b"\x89PNG\r\n\x1a\n")
        output.write(chunk(b"IHDR", header))
        output.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        output.write(chunk(b"IEND", b""))


def colour_icon():
    background = [rect(0, 0, 192, 192)]
    speech = bubble(34, 42, 158, 134, 24, ((58, 126), (92, 126), (52, 162)))
    _, width = letters_rb(0, 0, 50, 11)
    letters, _ = letters_rb(96 - width / 2, 63, 50, 11)
    return render(192, [(background, ACCENT, 1.0), (speech, WHITE, 1.0), (letters, ACCENT, 1.0)])


def outline_icon():
    speech = bubble(1.5, 2.5, 30.5, 23.5, 5.5, ((6, 21), (14, 21), (5, 30.5)))
    _, width = letters_rb(0, 0, 13, 2.4)
    letters, _ = letters_rb(16 - width / 2, 6.5, 13, 2.4)
    # The letters are cut out of the white bubble, so the outline stays pure white on transparent.
    return render(32, [(speech, WHITE, 1.0), (letters, WHITE, 0.0)])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(here, "color.png"), colour_icon())
    write_png(os.path.join(here, "outline.png"), outline_icon())


if __name__ == "__main__":
    main()
