#!/usr/bin/env python3
"""Lays three of the drawn photos next to one another on one sheet of paper, scene.png: the
kind of picture chapter 5's U-Net labels pixel by pixel (python3 make_scene.py, after
make_photos.py). Each object is cut from its photo (its bounding box), shrunk to a size
like the items of chapter 5's scenes relative to the frame, and laid on new paper, darker
pixels winning where paper and object meet. Deterministic, standard library only."""
import os
import struct
import zlib

import make_photos

HERE = os.path.dirname(os.path.abspath(__file__))


def read_png(path):
    """An 8-bit gray or RGB PNG without interlacing (as make_photos.py writes them) as
    (width, height, channels, rows of values)."""
    data = open(path, "rb").read()
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (0, 2), "only 8-bit gray or RGB"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = 1 if colour == 0 else 3
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], [0] * (width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], list(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            p = a + b - c
            predictor = [0, a, b, (a + b) // 2, a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else (b if abs(p - b) <= abs(p - c) else c)][kind]
            line[i] = (line[i] + predictor) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def gray_object(path, shrink):
    """The photo's object (the pixels darker than its paper by 40 levels, and their box) in
    gray, shrunk by the whole factor `shrink` (box averages)."""
    width, height, channels, rows = read_png(path)
    gray = [[sum(row[x * channels:(x + 1) * channels]) / channels for x in range(width)] for row in rows]
    paper = sorted(gray[0] + gray[-1])[len(gray[0])]
    dark = [(x, y) for y in range(height) for x in range(width) if gray[y][x] < paper - 40]
    left, right = min(x for x, _ in dark), max(x for x, _ in dark)
    top, bottom = min(y for _, y in dark), max(y for _, y in dark)
    w, h = (right - left + 1) // shrink, (bottom - top + 1) // shrink
    return [[sum(gray[top + y * shrink + j][left + x * shrink + i] for j in range(shrink) for i in range(shrink)) / shrink ** 2
             for x in range(w)] for y in range(h)]


def main():
    width, height = 310, 270  # longer side 310: scaled to 64, the objects are 28 to 36 pixels, as in the scenes
    paper = [[236.0 - 0.04 * x - 0.03 * y for x in range(width)] for y in range(height)]
    for name, shrink, (x0, y0) in (("trouser.png", 1, (20, 24)), ("sneaker.png", 1, (124, 30)), ("bag.png", 1, (152, 112))):
        obj = gray_object(os.path.join(HERE, name), shrink)  # shrink 1: as drawn
        for y, row in enumerate(obj):
            for x, v in enumerate(row):
                paper[y0 + y][x0 + x] = min(paper[y0 + y][x0 + x], v)
    rows = [[max(0, min(255, round(v))) for v in row] for row in paper]
    data = make_photos.png_bytes(rows, width, height, 1)
    with open(os.path.join(HERE, "scene.png"), "wb") as f:
        f.write(data)
    print(f"scene.png: {width}x{height}, {len(data)} bytes")


if __name__ == "__main__":
    main()
