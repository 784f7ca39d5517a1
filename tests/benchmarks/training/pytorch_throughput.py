#!/usr/bin/python3
"""Training throughput of the TaskGrouper network in PyTorch for Python.

Builds the same architecture as core/training/network.cpp (Xception-style
encoder with a width multiplier, one decoder per task), trains it with SGD
and momentum on one fixed random batch, and prints images per second of
wall-clock time and of process CPU time. This script is plain PyTorch. The
C++ network computes the same function with the same layers and parameter
count, but implements some steps differently: it orders its transposed-
convolution kernels for a channels-last shuffle and defers shuffles across
pointwise layers (this script calls F.pixel_shuffle after each), computes
the per-pixel losses on the last layer's unshuffled output with its own
kernels, applies ReLU in place, and sets gradients to None in place of
zeroing them. The C++
trainer also sets glibc's malloc thresholds, which bench_trainingthroughput
passes to a second run of this script as environment variables. Run by
bench_trainingthroughput, which passes the task kinds and sizes so both
sides build the identical network.

Usage: pytorch_throughput.py --tasks s:classes:8,d:values:1 --width 1.0
       --image-size 64 --batch 32 --steps 30 --warmup 5 --threads 1
"""

import argparse
import math
import time

import torch
from torch import nn
import torch.nn.functional as F

ENCODER_CHANNELS = [24, 48, 96, 192]
DECODER_CHANNELS = [64, 32, 16]
REFINE_STAGE = 1


def scaled(full, width):
    return max(1, int(round(full * math.sqrt(width))))


class SeparableConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.depthwise = nn.Conv2d(cin, cin, 3, padding=1, groups=cin, bias=False)
        self.pointwise = nn.Conv2d(cin, cout, 1, bias=False)
        self.norm = nn.BatchNorm2d(cout)

    def forward(self, x):
        return self.norm(self.pointwise(self.depthwise(x)))


class ResidualBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.first = SeparableConv(channels, channels)
        self.second = SeparableConv(channels, channels)

    def forward(self, x):
        return x + self.second(F.relu(self.first(F.relu(x))))


class TransposedConv2x2(nn.Module):
    """A 2x2 stride-2 transposed convolution as 1x1 convolution + pixel shuffle."""

    def __init__(self, cin, cout, bias):
        super().__init__()
        self.conv = nn.Conv2d(cin, 4 * cout, 1, bias=bias)

    def forward(self, x):
        return F.pixel_shuffle(self.conv(x), 2)


class Relu(nn.Module):
    def forward(self, x):
        return F.relu(x)


def encoder(width):
    channels = [scaled(c, width) for c in ENCODER_CHANNELS]
    layers = [nn.Conv2d(3, channels[0], 3, stride=2, padding=1, bias=False),
              nn.BatchNorm2d(channels[0]), ResidualBlock(channels[0])]
    for stage in range(1, len(channels)):
        layers += [nn.Conv2d(channels[stage - 1], channels[stage], 2, stride=2, bias=False),
                   nn.BatchNorm2d(channels[stage]), ResidualBlock(channels[stage])]
    layers.append(Relu())
    return nn.Sequential(*layers), channels[-1]


def pixel_decoder(cin, outputs, width):
    layers = []
    for stage, full in enumerate(DECODER_CHANNELS):
        cout = scaled(full, width)
        layers += [TransposedConv2x2(cin, cout, False), nn.BatchNorm2d(cout), Relu()]
        if stage == REFINE_STAGE:
            layers += [SeparableConv(cout, cout), Relu()]
        cin = cout
    layers.append(TransposedConv2x2(cin, outputs, True))
    return nn.Sequential(*layers)


def image_decoder(cin, outputs):
    return nn.Sequential(SeparableConv(cin, cin), Relu(), nn.AdaptiveAvgPool2d(1),
                         nn.Flatten(), nn.Linear(cin, outputs))


class MultiTaskNet(nn.Module):
    def __init__(self, tasks, width):
        super().__init__()
        self.encoder, features = encoder(width)
        self.decoders = nn.ModuleList()
        for _, kind, channels, per_pixel in tasks:
            self.decoders.append(pixel_decoder(features, channels, width) if per_pixel
                                 else image_decoder(features, channels))

    def forward(self, images):
        features = self.encoder(images.contiguous(memory_format=torch.channels_last))
        return [decoder(features) for decoder in self.decoders]


def parse_tasks(text):
    tasks = []
    for item in text.split(","):
        name, kind, channels = item.split(":")
        per_pixel = kind in ("pixel-classes", "pixel-values")
        tasks.append((name, kind, int(channels), per_pixel))
    return tasks


def make_targets(tasks, batch, size):
    targets = []
    for _, kind, channels, _ in tasks:
        if kind == "pixel-classes":
            targets.append(torch.randint(0, channels, (batch, size, size)))
        elif kind == "pixel-values":
            targets.append(torch.randn(batch, channels, size, size))
        elif kind == "image-classes":
            targets.append(torch.randint(0, channels, (batch,)))
        else:
            targets.append(torch.randn(batch, channels))
    return targets


def task_loss(kind, prediction, target):
    if kind.endswith("classes"):
        return F.cross_entropy(prediction, target)
    return F.l1_loss(prediction, target)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", required=True)
    parser.add_argument("--width", type=float, default=1.0)
    parser.add_argument("--image-size", type=int, default=64)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    tasks = parse_tasks(args.tasks)
    model = MultiTaskNet(tasks, args.width)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    images = torch.rand(args.batch, 3, args.image_size, args.image_size)
    targets = make_targets(tasks, args.batch, args.image_size)

    start = None
    for step in range(args.warmup + args.steps):
        if step == args.warmup:
            start = time.perf_counter()
            cpu_start = time.process_time()
        optimizer.zero_grad()
        outputs = model(images)
        losses = [task_loss(kind, output, target)
                  for (_, kind, _, _), output, target in zip(tasks, outputs, targets)]
        loss = sum(losses) / len(losses)
        loss.item()
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    parameters = sum(p.numel() for p in model.parameters())
    print(f"pytorch-python threads={args.threads} parameters={parameters} "
          f"images_per_second={args.steps * args.batch / seconds:.1f} "
          f"cpu_rate={args.steps * args.batch / cpu_seconds:.1f}")


if __name__ == "__main__":
    main()
