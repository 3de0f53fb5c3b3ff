#!/usr/bin/env python3
"""Writes the bad-input corpus next to this file (run once; the files are committed).

Each case is small: a broken IDX folder, broken image folders, a corrupt checkpoint,
scene folders whose splits disagree. tests/bad_input.sh feeds them to the chapter programs.
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def path(*parts):
    p = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def write(parts, data):
    with open(path(*parts), "wb") as f:
        f.write(data)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, pixels=None, gray=True, extra=b""):
    """A PNG; pixels is a list of rows of byte values (gray) or of (r, g, b) tuples."""
    color_type = 0 if gray else 2
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
    if pixels is None:  # the header alone: enough for a reader that checks the size first
        return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IEND", b"")
    raw = b""
    for row in pixels:
        raw += b"\x00" + (bytes(row) if gray else b"".join(bytes(p) for p in row))
    return b"\x89PNG\r\n\x1a\n" + header + extra + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def square(size, value, gray=True):
    return png(size, size, [[value] * size for _ in range(size)] if gray else [[(value, 0, 255 - value)] * size for _ in range(size)], gray)


def idx(dims, body):
    return b"\x00\x00\x08" + bytes([len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + body


names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

# IDX: text where the four files should be; a header promising 60,000 images with 100
# bytes behind it; a folder named like the images file; ten images only.
for name in names:
    write(("idx", "garbage", name), b"this is not an IDX file\n")
write(("idx", "truncated", names[0]), idx([60000, 28, 28], bytes(100)))
write(("idx", "truncated", names[1]), idx([60000], bytes(100)))
write(("idx", "truncated", names[2]), idx([10000, 28, 28], bytes(10000 * 784)[:100]))
write(("idx", "truncated", names[3]), idx([10000], bytes(100)))
write(("idx", "folder-named-like-idx", names[0], "README"), b"a folder where the images file should be\n")
for name in names[1:]:
    write(("idx", "folder-named-like-idx", name), idx([10], bytes(10)))
write(("idx", "ten-images", names[0]), idx([10, 28, 28], bytes(10 * 784)))
write(("idx", "ten-images", names[1]), idx([10], bytes(range(10))))
write(("idx", "ten-images", names[2]), idx([10, 28, 28], bytes(10 * 784)))
write(("idx", "ten-images", names[3]), idx([10], bytes(range(10))))

# Image folders (chapter 6's --data: train/ and test/, one sub-folder per class).
for split in ("train", "test"):
    for i in range(3):
        write(("folders", "one-class", split, "only", f"{i}.png"), square(28, 40 * i))
        for label in ("a", "b"):
            write(("folders", "two-classes", split, label, f"{i}.png"), square(28, 40 * i + (100 if label == "b" else 0)))
            write(("folders", "huge-png", split, label, f"{i}.png"), square(28, 10 * i))
            write(("folders", "corrupt-chunk", split, label, f"{i}.png"), square(28, 10 * i))
            write(("folders", "not-an-image", split, label, f"{i}.png"), square(28, 10 * i))
write(("folders", "huge-png", "train", "a", "huge.png"), png(16000, 16000))
# An unknown critical chunk whose type bytes are not letters: stb_image quotes them.
write(("folders", "corrupt-chunk", "train", "b", "chunk.png"), square(28, 5)[:33] + chunk(b"\x01\xfe\x02X", b"") + square(28, 5)[33:])
write(("folders", "not-an-image", "train", "b", "notes.png"), b"just some text in a .png file\n")

# A checkpoint that is not one, and one cut short.
write(("checkpoint", "garbage.ckpt"), b"this is not a checkpoint\n" * 4)
write(("checkpoint", "truncated.ckpt"), b"DLCKPT01" + bytes(20))

# Scenes (chapter 5's --scenes): 32x32 training scenes, 24x24 validation and test scenes;
# and a tiny set without fault, to reach the checks that come after loading.
for split, size in (("train", 32), ("val", 24), ("test", 24)):
    for i in range(2):
        write(("scenes", "mismatched-sizes", split, "images", f"{i}.png"), square(size, 60 + i))
        write(("scenes", "mismatched-sizes", split, "masks", f"{i}.png"), square(size, i))
        write(("scenes", "tiny", split, "images", f"{i}.png"), square(32, 60 + i))
        write(("scenes", "tiny", split, "masks", f"{i}.png"), square(32, i))
