"""PyTorch side of `./book bench --vs-pytorch`: the same convolutions and models, timed
the same way (median of repeats after a warm-up). --out FILE writes the convolutions as
JSON; --model-row I trains model row I and prints its JSON line. The C++ benchmark runs
each model row in a process of its own (for its peak memory), in turn with ours.

Run by the C++ benchmark with Debian's /usr/bin/python3 and OPENBLAS_NUM_THREADS=1;
torch itself is given the thread count with torch.set_num_threads.
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn


def median_seconds(repeats, work, warmup_seconds=0.0, least_seconds=0.0):
    """Runs work for warmup_seconds (at least once), then times it at least `repeats` times
    and for least_seconds in all; the median, in seconds (as bench_timing.hpp does)."""
    start = time.perf_counter()
    work()
    while time.perf_counter() - start < warmup_seconds:
        work()
    times = []
    start = time.perf_counter()
    while len(times) < repeats or time.perf_counter() - start < least_seconds:
        begin = time.perf_counter()
        work()
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def bench_conv(c, f, k, hw, padding, batch):
    conv = nn.Conv2d(c, f, k, padding=padding)
    x = torch.randn(batch, c, hw, hw, requires_grad=True)
    y = conv(x)
    dy = torch.randn_like(y)
    forward = median_seconds(9, lambda: conv(x))
    data = median_seconds(9, lambda: torch.autograd.grad(y, [x], dy, retain_graph=True))
    weights = median_seconds(9, lambda: torch.autograd.grad(y, [conv.weight, conv.bias], dy, retain_graph=True))
    return {"forward_ms": forward * 1e3, "backward_data_ms": data * 1e3, "backward_weights_ms": weights * 1e3}


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def vgg(width=16):
    """Chapter 3's default: three stages of two 3x3 conv-BN-ReLU, max pooling, a GAP head."""
    layers, channels = [], 1
    for out in (width, 2 * width, 4 * width):
        for _ in range(2):
            layers += [nn.Conv2d(channels, out, 3, padding=1, bias=False), nn.BatchNorm2d(out), nn.ReLU()]
            channels = out
        layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, 10))


class BasicBlock(nn.Module):
    """Chapter 4's residual block: conv-BN-ReLU-conv-BN plus the shortcut, then ReLU."""

    def __init__(self, channels_in, channels_out, stride):
        super().__init__()
        self.branch = nn.Sequential(
            nn.Conv2d(channels_in, channels_out, 3, stride, 1, bias=False), nn.BatchNorm2d(channels_out), nn.ReLU(),
            nn.Conv2d(channels_out, channels_out, 3, 1, 1, bias=False), nn.BatchNorm2d(channels_out))
        self.shortcut = nn.Identity()
        if stride != 1 or channels_in != channels_out:
            self.shortcut = nn.Sequential(nn.Conv2d(channels_in, channels_out, 1, stride, bias=False), nn.BatchNorm2d(channels_out))

    def forward(self, x):
        return torch.relu(self.branch(x) + self.shortcut(x))


def resnet(blocks=3, width=16):
    """Chapter 4's default: ResNet-20 (a stem, three stages of n blocks, a GAP head)."""
    layers, channels = [nn.Conv2d(1, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU()], width
    for stage in range(3):
        out = width << stage
        for block in range(blocks):
            layers.append(BasicBlock(channels, out, 2 if stage > 0 and block == 0 else 1))
            channels = out
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, 10))


def conv_block(channels_in, channels_out):
    """Chapter 5's block: two conv3-BN-ReLU."""
    return nn.Sequential(nn.Conv2d(channels_in, channels_out, 3, padding=1, bias=False), nn.BatchNorm2d(channels_out), nn.ReLU(),
                         nn.Conv2d(channels_out, channels_out, 3, padding=1, bias=False), nn.BatchNorm2d(channels_out), nn.ReLU())


class UNet(nn.Module):
    """Chapter 5's default: 3 levels, width 8, transposed convolutions and skip concatenations."""

    def __init__(self, levels=3, width=8, classes=11):
        super().__init__()
        widths = [width << level for level in range(levels)]
        self.encoder = nn.ModuleList(conv_block(c_in, c) for c_in, c in zip([1] + widths[:-1], widths))
        self.bottleneck = conv_block(widths[-1], 2 * widths[-1])
        self.up = nn.ModuleList(nn.ConvTranspose2d(2 * c, c, 2, 2) for c in widths)
        self.decoder = nn.ModuleList(conv_block(2 * c, c) for c in widths)
        self.head = nn.Conv2d(width, classes, 1)

    def forward(self, x):
        skips = []
        for block in self.encoder:
            x = block(x)
            skips.append(x)
            x = nn.functional.max_pool2d(x, 2)
        x = self.bottleneck(x)
        for level in reversed(range(len(skips))):
            x = self.decoder[level](torch.cat([skips[level], self.up[level](x)], 1))
        return self.head(x)


def training_throughput(model, batch, steps=10, repeats=15, size=28, per_pixel=False):
    x = torch.randn(batch, 1, size, size)
    labels = (torch.arange(batch * size * size) % 10).reshape(batch, size, size) if per_pixel else torch.arange(batch) % 10
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def some_steps():
        for _ in range(steps):
            optimizer.zero_grad()
            loss_fn(model(x), labels).backward()
            optimizer.step()

    return steps * batch / median_seconds(repeats, some_steps, warmup_seconds=1.0, least_seconds=2.0)


MODEL_ROWS = [(name, batch) for batch in (64, 128) for name in ("mlp (ch01)", "lenet5 (ch02)", "vgg 16-32-64 (ch03)", "resnet20 (ch04)")]
MODEL_ROWS.append(("u-net 8-64 (ch05)", 32))


def status_mib(field):
    """A field of /proc/self/status ("VmRSS:", "VmHWM:") in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


def measure_model_row(index):
    """One model row in this process: images per second, memory before the model, peak memory."""
    name, batch = MODEL_ROWS[index]
    before = status_mib("VmRSS:")
    if name.startswith("u-net"):
        speed = training_throughput(UNet(), batch, 2, 5, 64, True)
    else:
        model, steps, repeats = {"mlp (ch01)": (mlp, 10, 15), "lenet5 (ch02)": (lenet, 10, 15),
                                 "vgg 16-32-64 (ch03)": (vgg, 3, 5), "resnet20 (ch04)": (resnet, 2, 5)}[name]
        speed = training_throughput(model(), batch, steps, repeats)
    # VmHWM: the peak since this program's exec (ru_maxrss would keep the forking parent's).
    peak = status_mib("VmHWM:")
    return {"model": name, "batch": batch, "images_per_second": speed, "start_rss_mib": before, "peak_rss_mib": peak}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out")
    parser.add_argument("--model-row", type=int, help="(used by this script itself) measure one model row and print it as JSON")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    if args.model_row is not None:
        print(json.dumps(measure_model_row(args.model_row)))
        return
    if not args.out:
        parser.error("--out is required")
    shapes = [(1, 6, 5, 28, 2), (6, 16, 5, 12, 0), (32, 64, 3, 14, 1), (64, 64, 3, 8, 1),
              (128, 128, 3, 7, 1), (16, 16, 3, 28, 1), (16, 16, 3, 64, 1)]
    report = {"torch_version": torch.__version__, "threads": args.threads, "conv": []}
    for c, f, k, hw, padding in shapes:
        row = bench_conv(c, f, k, hw, padding, 64)
        row["shape"] = f"{c}->{f} k{k} {hw}x{hw}"
        report["conv"].append(row)
    with open(args.out, "w") as out:
        json.dump(report, out, indent=2)


if __name__ == "__main__":
    main()
