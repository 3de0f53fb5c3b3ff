#!/usr/bin/env python3
"""Draws the "photo" test images next to this file: python3 make_photos.py [NAME ...]

Each image imitates a photo a reader might take of one of their own things on a sheet of
light paper: a dark checked shirt, a blue sneaker, dark trousers, a brown handbag, and a
handwritten 3 (out of distribution for a clothes classifier, on purpose).
Nothing here is photographed and nothing comes from Fashion-MNIST: every shape is a
polygon or a pen stroke laid out below by hand. Python's standard library only (the PNG
is written with zlib and struct), and deterministic: every random number comes from a
generator seeded per image, so running the script again rewrites identical files.

How an image is made:
  1. a canvas 4 times the final size in each direction holds reflectance (0 = black,
     1 = white), one channel (gray) or three (RGB), filled with the paper's colour;
  2. the object's parts are painted on it as filled polygons, back to front, each with a
     colour that may vary across the part (shading: folds, a light from one side);
  3. every 4x4 block is averaged: anti-aliased edges;
  4. a smooth, uneven illumination (brighter on one side, a slight vignette) multiplies
     the image and a little sensor noise is added, as in a phone photo of a table top.

The objects keep roughly the proportions of their Fashion-MNIST classes (a shirt about
0.75 as wide as it is tall, trousers about 0.4, a low shoe about 2.4 times as long as
it is high), since chapter 4's --predict scales an object's longer side to 28 pixels.
A plain dark shirt of these proportions reads as "Pullover" or "Coat" to chapter 4's
ResNet-20 about as often as "Shirt"; a checked one, a common kind of shirt and common
in the dataset's Shirt class, reads as "Shirt".
"""
import math
import os
import random
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = HERE  # where the images are written (another folder for experiments)
SS = 4  # supersampling: the canvas has SS x SS samples per final pixel


# ---------------------------------------------------------------------------------------
# Geometry: outlines are lists of (x, y) points in final-pixel coordinates, y down.

def bezier(p0, p1, p2, p3, n=16):
    """n points along a cubic Bezier curve from p0 to p3 (p3 included, p0 not)."""
    points = []
    for i in range(1, n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t ** 3
        points.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return points


def ellipse(cx, cy, rx, ry, n=48):
    """An ellipse as an n-sided polygon."""
    return [(cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n)) for i in range(n)]


def thick_line(p, q, width):
    """The segment from p to q, width pixels wide, as a quadrilateral."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length * width / 2, dx / length * width / 2
    return [(p[0] + nx, p[1] + ny), (q[0] + nx, q[1] + ny), (q[0] - nx, q[1] - ny), (p[0] - nx, p[1] - ny)]


class Frame:
    """Maps a drawing's own coordinates (unit: its height, origin at its top centre) into
    the picture: scaled to `size` pixels, turned by `degrees`, its origin at (x0, y0)."""

    def __init__(self, x0, y0, size, degrees=0.0):
        self.x0, self.y0, self.size = x0, y0, size
        self.cos, self.sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))

    def __call__(self, points):
        return [self.point(x, y) for x, y in points]

    def point(self, x, y):
        x, y = x * self.size, y * self.size
        return (self.x0 + x * self.cos - y * self.sin, self.y0 + x * self.sin + y * self.cos)

    def local(self, x, y):
        """The inverse of point(): picture pixels back to the drawing's own coordinates
        (for shading and patterns that move and turn with the object)."""
        x, y = x - self.x0, y - self.y0
        return ((x * self.cos + y * self.sin) / self.size, (-x * self.sin + y * self.cos) / self.size)

    def mirrored(self, points):
        """The outline and its mirror image (x -> -x), joined: half an outline, from the
        axis at the top down to the axis at the bottom, makes a whole symmetric one."""
        return points + [(-x, y) for x, y in reversed(points)]


# ---------------------------------------------------------------------------------------
# The canvas.

class Canvas:
    def __init__(self, width, height, paper):
        """A width x height picture (final pixels) of plain paper; paper is a 1- or
        3-tuple of reflectances."""
        self.width, self.height = width, height
        self.w, self.h = width * SS, height * SS
        self.planes = [[float(c)] * (self.w * self.h) for c in paper]

    def fill(self, outline, colour):
        """Paints the polygon `outline` (final-pixel coordinates) with `colour`: a tuple of
        reflectances, or a function (x, y) -> tuple, x and y in final pixels (shading)."""
        pts = [(x * SS, y * SS) for x, y in outline]
        edges = [(pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts))]
        edges = [(a, b) for a, b in edges if a[1] != b[1]]
        top = max(0, int(math.floor(min(y for _, y in pts))))
        bottom = min(self.h - 1, int(math.ceil(max(y for _, y in pts))))
        for j in range(top, bottom + 1):
            yc = j + 0.5  # the sample's centre
            xs = sorted(a[0] + (yc - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
                        for a, b in edges if min(a[1], b[1]) <= yc < max(a[1], b[1]))
            for k in range(0, len(xs) - 1, 2):  # even-odd rule
                first = max(0, math.ceil(xs[k] - 0.5))
                last = min(self.w, math.ceil(xs[k + 1] - 0.5))
                row = j * self.w
                for i in range(first, last):
                    c = colour((i + 0.5) / SS, yc / SS) if callable(colour) else colour
                    for plane, value in zip(self.planes, c):
                        plane[row + i] = value

    def stroke(self, path, radius, colour, step=0.35):
        """A pen stroke along the polyline `path`: discs stamped every `step` pixels;
        radius is a number or a function of the distance travelled (pen pressure)."""
        travelled = 0.0
        for (x0, y0), (x1, y1) in zip(path, path[1:]):
            length = math.hypot(x1 - x0, y1 - y0)
            n = max(1, int(length / step))
            for i in range(n):
                t = i / n
                r = radius(travelled + t * length) if callable(radius) else radius
                self.fill(ellipse(x0 + t * (x1 - x0), y0 + t * (y1 - y0), r, r, 20), colour)
            travelled += length

    def develop(self, rng, light, noise, grain=2):
        """The final picture, as rows of 0-255 values (one per channel per pixel): the
        supersamples averaged, times light(x, y), plus Gaussian noise of `noise` levels.
        The noise is a phone camera's after its noise reduction: the same in all channels
        (brightness only) and blotchy, drawn on a grid `grain` pixels apart and
        interpolated between (which also keeps the PNG small)."""
        gw, gh = self.width // grain + 2, self.height // grain + 2
        field = [[rng.gauss(0.0, noise) for _ in range(gw)] for _ in range(gh)]

        def noise_at(x, y):
            gx, gy = x / grain, y / grain
            ix, iy = int(gx), int(gy)
            tx, ty = gx - ix, gy - iy
            top = field[iy][ix] * (1 - tx) + field[iy][ix + 1] * tx
            bottom = field[iy + 1][ix] * (1 - tx) + field[iy + 1][ix + 1] * tx
            return top * (1 - ty) + bottom * ty

        rows = []
        area = SS * SS
        for fy in range(self.height):
            sums = []
            for plane in self.planes:
                columns = [sum(v) for v in zip(*(plane[(fy * SS + k) * self.w:(fy * SS + k + 1) * self.w] for k in range(SS)))]
                sums.append([sum(columns[fx * SS:(fx + 1) * SS]) / area for fx in range(self.width)])
            row = []
            for fx in range(self.width):
                lit = light(fx + 0.5, fy + 0.5)
                n = noise_at(fx, fy)
                row.extend(max(0, min(255, round(255 * s[fx] * lit + n))) for s in sums)
            rows.append(row)
        return rows


def table_light(width, height, rng, brightest=(0.25, 0.15), strength=0.07):
    """Uneven room light: brightest near `brightest` (fractions of the frame), falling off
    smoothly, with a faint random waviness (paper not quite flat)."""
    waves = [(rng.uniform(0.5, 2.0), rng.uniform(0.5, 2.0), rng.uniform(0, 2 * math.pi)) for _ in range(3)]

    def light(x, y):
        u, v = x / width, y / height
        d2 = (u - brightest[0]) ** 2 + (v - brightest[1]) ** 2
        wavy = sum(math.sin(2 * math.pi * (a * u + b * v) + p) for a, b, p in waves) / 3
        return 0.985 - strength * d2 + 0.008 * wavy

    return light


# ---------------------------------------------------------------------------------------
# PNG output.

def png_bytes(rows, width, height, channels):
    """An 8-bit gray (1 channel) or RGB (3) PNG; each row's filter is the one of the five
    with the smallest sum of absolute residuals (the usual heuristic)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    def paeth(a, b, c):
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        return a if pa <= pb and pa <= pc else (b if pb <= pc else c)

    bpp = channels
    raw = bytearray()
    previous = [0] * (width * channels)
    for row in rows:
        left = [0] * bpp + row[:-bpp]
        upleft = [0] * bpp + previous[:-bpp]
        candidates = [
            row,
            [(x - a) & 255 for x, a in zip(row, left)],
            [(x - b) & 255 for x, b in zip(row, previous)],
            [(x - (a + b) // 2) & 255 for x, a, b in zip(row, left, previous)],
            [(x - paeth(a, b, c)) & 255 for x, a, b, c in zip(row, left, previous, upleft)],
        ]
        kind = min(range(5), key=lambda k: sum(v if v < 128 else 256 - v for v in candidates[k]))
        raw.append(kind)
        raw.extend(candidates[kind])
        previous = row
    header = struct.pack(">IIBBBBB", width, height, 8, 0 if channels == 1 else 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")


def save(name, canvas, rng, light, noise, grain=2):
    data = png_bytes(canvas.develop(rng, light, noise, grain), canvas.width, canvas.height, len(canvas.planes))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    print(f"{name}: {canvas.width}x{canvas.height}, {len(data)} bytes")


def seeded(name):
    """A random generator seeded from the image's name (crc32: the same in every run)."""
    return random.Random(zlib.crc32(name.encode()))


def scaled(colour, k):
    """A colour k times as light (at most white)."""
    return tuple(min(1.0, c * k) for c in colour)


# ---------------------------------------------------------------------------------------
# The drawings. Each lays its object out in its own coordinates (a Frame: unit = the
# object's height or length, origin at its top centre), placed off-centre and turned a
# little, as a hand-held photo would have it.

def shirt():
    """A dark checked (flannel-like) shirt laid flat: long sleeves hanging slightly out
    from the body, a collar with a dark neck opening, a button placket with small light
    buttons, cuffs, a curved shirt-tail hem."""
    rng = seeded("shirt")
    W, H = 208, 196
    canvas = Canvas(W, H, (0.95,))
    f = Frame(x0=112, y0=22, size=150, degrees=-2.0)

    def cloth(base):
        # light from the upper left: darker towards the sides and the hem; soft folds;
        # a check of lighter threads every 1/14 of the height, across and down
        def shade(x, y):
            u, v = f.local(x, y)
            fold = 0.04 * math.sin(9 * u + 1.3) + 0.03 * math.sin(23 * u + 4 * v)
            check = 0.08 * (((u * 14) % 1.0 < 0.3) + ((v * 14) % 1.0 < 0.3))
            return (max(0.04, base * (1.12 - 0.35 * abs(u) - 0.12 * v) + fold + check),)
        return shade

    # The silhouette, its left half: from the top of the collar, along the sloping
    # shoulder, down the sleeve's outer edge to the cuff, up its inner edge to the armpit
    # (a narrow gap between sleeve and body), down the body's side, along the hem.
    half = [(0.0, 0.0), (-0.054, 0.0), (-0.09, 0.02), (-0.25, 0.05)]
    half += bezier((-0.25, 0.05), (-0.30, 0.08), (-0.3285, 0.35), (-0.3435, 0.60))
    half += [(-0.3485, 0.88), (-0.2535, 0.89), (-0.2505, 0.83)]
    half += bezier((-0.2505, 0.83), (-0.2435, 0.60), (-0.275, 0.40), (-0.254, 0.28), 10)
    half += [(-0.245, 0.28), (-0.245, 0.89)]
    half += bezier((-0.245, 0.89), (-0.205, 1.005), (-0.12, 0.94), (0.0, 0.975), 10)
    canvas.fill(f(f.mirrored(half)), cloth(0.22))
    for s in (-1, 1):
        canvas.fill(f(thick_line((s * 0.245, 0.055), (s * 0.248, 0.29), 0.008)), (0.07,))     # armhole seam
        canvas.fill(f(thick_line((s * 0.2515, 0.81), (s * 0.3455, 0.80), 0.008)), (0.07,))    # cuff seam
    # The collar: the dark inside of the neck, two lighter collar points over it.
    canvas.fill(f([(-0.0765, 0.012), (0.0765, 0.012), (0.045, 0.05), (0.0, 0.07), (-0.045, 0.05)]), (0.05,))
    for s in (-1, 1):
        canvas.fill(f([(0.0, 0.075), (s * 0.063, 0.03), (s * 0.12, 0.03), (s * 0.11, 0.12), (s * 0.035, 0.14)]), (0.35,))
        canvas.fill(f(thick_line((s * 0.12, 0.03), (s * 0.11, 0.12), 0.006)), (0.08,))
    # The placket: its edge a dark seam, with seven small light buttons.
    canvas.fill(f(thick_line((0.02, 0.09), (0.02, 0.97), 0.005)), (0.06,))
    for i in range(7):
        canvas.fill(f(ellipse(0.0, 0.15 + i * 0.12, 0.012, 0.012, 16)), (0.70,))
    save("shirt.png", canvas, rng, table_light(W, H, rng), noise=1.2, grain=2)


def sneaker():
    """A blue low sneaker seen from the side, toe to the left: a lighter toe cap, a darker
    heel counter, white laces and a white side stripe, a light gray sole with a dark
    rubber strip under it."""
    rng = seeded("sneaker")
    W, H = 220, 170
    canvas = Canvas(W, H, (0.95, 0.945, 0.93))
    f = Frame(x0=104, y0=70, size=170, degrees=3.0)  # unit: the shoe's length
    blue = (0.16, 0.22, 0.50)
    white = (0.93, 0.93, 0.92)

    def shaded(base):
        # lighter at the top (the light is above), a faint waviness along the shoe
        def shade(x, y):
            u, v = f.local(x, y)
            return scaled(base, 1.1 - 0.625 * v + 0.05 * math.sin(7 * u))
        return shade

    # The upper: the toe, the vamp rising along the laces, the tongue, the dip of the ankle
    # collar, the heel tab, the heel down to the sole.
    collar = bezier((0.10, 0.03), (0.20, 0.08), (0.32, 0.08), (0.40, 0.02), 10)
    upper = [(-0.49, 0.33)]
    upper += bezier((-0.49, 0.33), (-0.50, 0.26), (-0.42, 0.22), (-0.30, 0.19), 10)
    upper += bezier((-0.30, 0.19), (-0.18, 0.16), (-0.05, 0.08), (0.02, 0.03), 10)
    upper += [(0.06, 0.01), (0.10, 0.03)] + collar + [(0.44, 0.0), (0.47, 0.02)]
    upper += bezier((0.47, 0.02), (0.49, 0.12), (0.50, 0.24), (0.49, 0.33), 10)
    canvas.fill(f(upper), shaded(blue))
    # The padded collar's inside, seen over the edge.
    inside = bezier((0.10, 0.03), (0.20, 0.10), (0.32, 0.10), (0.40, 0.02), 10)
    canvas.fill(f(inside + list(reversed(collar))), scaled(blue, 0.5))
    # Toe cap (lighter) and heel counter (darker).
    toe = bezier((-0.49, 0.33), (-0.50, 0.26), (-0.42, 0.22), (-0.30, 0.20), 10) + [(-0.26, 0.26), (-0.30, 0.33)]
    canvas.fill(f(toe), shaded(scaled(blue, 1.35)))
    canvas.fill(f([(0.36, 0.33), (0.38, 0.18), (0.44, 0.10), (0.48, 0.06), (0.495, 0.20), (0.49, 0.33)]), shaded(scaled(blue, 0.75)))
    # The side stripe: a long thin crescent.
    stripe = bezier((-0.22, 0.29), (0.0, 0.26), (0.2, 0.12), (0.34, 0.10), 12)
    stripe += list(reversed(bezier((-0.22, 0.29), (0.0, 0.30), (0.2, 0.19), (0.34, 0.10), 12)))
    canvas.fill(f(stripe), white)
    # Five laces across the vamp.
    for i in range(5):
        x, y = -0.19 + i * 0.0525, 0.19 - i * 0.03
        canvas.fill(f(thick_line((x - 0.03, y - 0.01), (x + 0.03, y + 0.02), 0.014)), white)
    # The sole: light gray, a dark rubber strip along its bottom.
    sole = [(-0.49, 0.32), (0.49, 0.32)]
    sole += bezier((0.49, 0.32), (0.505, 0.34), (0.505, 0.37), (0.49, 0.395), 6)
    sole += [(-0.45, 0.40)]
    sole += bezier((-0.45, 0.40), (-0.49, 0.40), (-0.52, 0.36), (-0.49, 0.32), 6)
    canvas.fill(f(sole), (0.80, 0.79, 0.76))
    canvas.fill(f([(-0.47, 0.375), (0.495, 0.375), (0.49, 0.395), (-0.45, 0.40), (-0.48, 0.39)]), (0.30, 0.28, 0.27))
    save("sneaker.png", canvas, rng, table_light(W, H, rng, brightest=(0.7, 0.2)), noise=1.2, grain=3)


def trouser():
    """Dark trousers laid flat: waistband with belt loops and a button, fly, front
    pockets, two legs parting below the crotch, pressed creases."""
    rng = seeded("trouser")
    W, H = 180, 200
    canvas = Canvas(W, H, (0.94,))
    f = Frame(x0=96, y0=16, size=170, degrees=2.5)
    cloth = 0.2

    def shade(x, y):
        # each leg rounder (darker) towards its sides, darker towards the hem; a few
        # wrinkles around the knees
        u, v = f.local(x, y)
        leg = abs(abs(u) - 0.1)  # distance from the middle of the nearer leg
        knee = math.exp(-((v - 0.62) / 0.08) ** 2)
        return (max(0.04, cloth * (1.1 - 20 * leg * leg - 0.1 * v) + 0.025 * knee * math.sin(60 * (v + 0.4 * abs(u)))),)

    # The left half: waist, outseam, hem, inseam up to the crotch.
    half = [(0.0, 0.0), (-0.19, 0.0)]
    half += bezier((-0.19, 0.0), (-0.21, 0.15), (-0.195, 0.4), (-0.18, 0.99), 14)
    half += [(-0.025, 1.0)]
    half += bezier((-0.025, 1.0), (-0.032, 0.7), (-0.012, 0.45), (-0.012, 0.33), 12)
    half += bezier((-0.012, 0.33), (-0.012, 0.30), (-0.003, 0.295), (0.0, 0.29), 4)
    canvas.fill(f(f.mirrored(half)), shade)
    # Waistband (darker), belt loops, the button.
    canvas.fill(f([(-0.19, 0.0), (0.19, 0.0), (0.192, 0.045), (-0.192, 0.045)]), (cloth * 0.75,))
    for x in (-0.15, -0.06, 0.06, 0.15):
        canvas.fill(f([(x - 0.008, -0.004), (x + 0.008, -0.004), (x + 0.008, 0.055), (x - 0.008, 0.055)]), (cloth * 0.6,))
    canvas.fill(f(ellipse(0.012, 0.022, 0.01, 0.01, 16)), (0.55,))
    # The fly's stitching (a thin curved band), the pockets' openings, the creases.
    fly = bezier((0.02, 0.05), (0.02, 0.15), (0.025, 0.2), (0.0, 0.24), 8)
    fly += list(reversed(bezier((0.025, 0.05), (0.025, 0.15), (0.03, 0.205), (0.0, 0.25), 8)))
    canvas.fill(f(fly), (cloth * 0.5,))
    for s in (-1, 1):
        canvas.fill(f(thick_line((s * 0.13, 0.045), (s * 0.185, 0.14), 0.006)), (cloth * 0.5,))
        canvas.fill(f(thick_line((s * 0.105, 0.33), (s * 0.1, 0.98), 0.004)), (cloth * 1.5,))
    save("trouser.png", canvas, rng, table_light(W, H, rng, brightest=(0.2, 0.8)), noise=1.2, grain=2)


def digit():
    """A handwritten 3 in thick black felt pen on white paper: one stroke, a little
    slanted, thicker where the pen pressed harder."""
    rng = seeded("digit")
    W, H = 180, 200
    canvas = Canvas(W, H, (0.96,))
    f = Frame(x0=88, y0=40, size=120, degrees=6.0)
    # The stroke: the upper bowl from the top left round to the waist, the lower, larger
    # bowl, and the tail ending at the bottom left.
    path = [(-0.26, 0.12)] + bezier((-0.26, 0.12), (-0.15, -0.02), (0.22, -0.04), (0.24, 0.17), 14)
    path += bezier(path[-1], (0.26, 0.33), (0.08, 0.42), (-0.06, 0.45), 12)
    path += bezier(path[-1], (0.10, 0.44), (0.32, 0.52), (0.30, 0.72), 12)
    path += bezier(path[-1], (0.28, 0.95), (-0.10, 1.02), (-0.30, 0.86), 16)
    path = f(path)
    total = sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(path, path[1:]))

    def radius(travelled):  # pixels: 4.8 at the ends of the stroke, up to 8.3 in the middle
        return 120 * 0.05 * (0.8 + 0.35 * math.sin(math.pi * min(1.0, 1.1 * travelled / total)))

    canvas.stroke(path, radius, (0.12,))
    save("digit.png", canvas, rng, table_light(W, H, rng, brightest=(0.3, 0.3)), noise=1.2, grain=2)


def bag():
    """A brown leather handbag: a trapezoid body with rounded bottom corners, one arched
    handle on two tabs, a flap across the top, a brass clasp."""
    rng = seeded("bag")
    W, H = 210, 180
    canvas = Canvas(W, H, (0.95, 0.945, 0.93))
    f = Frame(x0=104, y0=18, size=150, degrees=-3.0)
    leather = (0.50, 0.30, 0.17)

    def shaded(base):
        # rounder (darker) towards the sides, lighter at the top, a faint grain
        def shade(x, y):
            u, v = f.local(x, y)
            return scaled(base, 1.1 - 0.5 * u * u - 0.25 * (v - 0.3) + 0.03 * math.sin(13 * u + 5 * v))
        return shade

    top = 0.32  # where the body starts; the handle rises above it

    def arch(rx, ry, n=24):
        return [(rx * math.cos(math.pi * (1 - i / n)), top + 0.02 - ry * math.sin(math.pi * i / n)) for i in range(n + 1)]

    canvas.fill(f(arch(0.24, 0.32) + list(reversed(arch(0.188, 0.268)))), shaded(scaled(leather, 0.8)))
    body = [(-0.36, top), (0.36, top)]
    body += bezier((0.36, top), (0.40, top + 0.2), (0.44, top + 0.45), (0.45, top + 0.56), 10)
    body += bezier((0.45, top + 0.56), (0.455, top + 0.62), (0.42, top + 0.64), (0.38, top + 0.64), 6)
    body += [(-0.38, top + 0.64)]
    body += bezier((-0.38, top + 0.64), (-0.42, top + 0.64), (-0.455, top + 0.62), (-0.45, top + 0.56), 6)
    body += bezier((-0.45, top + 0.56), (-0.44, top + 0.45), (-0.40, top + 0.2), (-0.36, top), 10)
    canvas.fill(f(body), shaded(leather))
    for s in (-1, 1):  # the handle's tabs
        canvas.fill(f([(s * 0.23, top - 0.04), (s * 0.17, top - 0.04), (s * 0.17, top + 0.07), (s * 0.23, top + 0.07)]), shaded(scaled(leather, 0.7)))
    flap = [(-0.37, top + 0.01), (0.37, top + 0.01), (0.39, top + 0.2)]
    flap += bezier((0.39, top + 0.2), (0.2, top + 0.30), (-0.2, top + 0.30), (-0.39, top + 0.2), 12)
    canvas.fill(f(flap), shaded(scaled(leather, 0.88)))
    canvas.fill(f([(-0.05, top + 0.22), (0.05, top + 0.22), (0.05, top + 0.30), (-0.05, top + 0.30)]), (0.80, 0.65, 0.30))
    canvas.fill(f([(-0.03, top + 0.24), (0.03, top + 0.24), (0.03, top + 0.28), (-0.03, top + 0.28)]), (0.45, 0.35, 0.15))
    save("bag.png", canvas, rng, table_light(W, H, rng, brightest=(0.25, 0.25)), noise=1.2, grain=3)


DRAWINGS = {"shirt": shirt, "sneaker": sneaker, "trouser": trouser, "digit": digit, "bag": bag}

if __name__ == "__main__":
    for name in sys.argv[1:] or DRAWINGS:
        DRAWINGS[name]()
