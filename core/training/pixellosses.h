#pragma once

// Private to core/training: exposes torch types.

#include <torch/torch.h>

namespace tg::training {

// Per-pixel losses computed on outputs in tap order, the memory order in which
// a stack of 2x2 stride-2 transposed convolutions produces its pixels. Reading
// the pixels in that order skips the pixel-shuffle copies that put them in
// image order, forward and backward.
//
// A tap-order output is a contiguous float tensor [N, h, w, T, C] with
// T = 4^k taps for k stacked upsamplings. The pixel (n, i, j, t, :) is image
// pixel (Y, X) = (i * 2^k + dy, j * 2^k + dx) of image n, where t written in
// base 4 is p_0 p_1 ... p_(k-1), the first digit from the first upsampling,
// and each digit p = 2 * r + c adds r * 2^(k-1-level) to dy and
// c * 2^(k-1-level) to dx.
//
// Both functions are differentiable in `output`, return the same values and
// gradients as the image-order loss up to float rounding, and run on the
// calling thread's intra-op threads. Their sums are taken over fixed blocks of
// pixels in a fixed order, so the result does not depend on the thread count.
// CPU tensors only. Mismatched shapes and out-of-range class labels raise
// std::invalid_argument.

// Mean cross-entropy. `logits`: [N, h, w, T, C]; `target`: int64 class
// indices [N, H, W] in image order, with H = h * 2^k and W = w * 2^k.
torch::Tensor tapOrderCrossEntropy(const torch::Tensor& logits, const torch::Tensor& target);

// Mean absolute difference. `output`: [N, h, w, T, C]; `target`: float
// [N, C, H, W] in image order.
torch::Tensor tapOrderL1(const torch::Tensor& output, const torch::Tensor& target);

} // namespace tg::training
