package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Group normalisation (Wu and He 2018). DJL has no group-norm operator: videos go through a fused
 * TorchScript op ({@link TorchScriptOp}), other ranks through reshape, sum and sqrt.
 *
 * <p>On videos (B, C, T, H, W) the statistics are taken per frame, over each group's channels and
 * the frame's pixels, never across time: so the normalisation is causal (frame t does not see
 * frames after it) and an image, a one-frame video, is normalised exactly as the first frame of a
 * video. On (B, C, ...) of any other rank they span each group's channels and all trailing
 * dimensions, as in PyTorch.
 */
public final class GroupNorm implements Layer {

  private static final TorchScriptOp FRAME_NORM =
      frameNorm("kinora_frame_group_norm", "FrameGroupNorm", false);
  private static final TorchScriptOp FRAME_NORM_SILU =
      frameNorm("kinora_frame_group_norm_silu", "FrameGroupNormSilu", true);

  private final int groups;
  private final int channels;
  private final float eps;
  private final NDArray weight; // (C)
  private final NDArray bias; // (C)

  public GroupNorm(Namespace ns, int groups, int channels, double eps) {
    if (groups <= 0 || channels <= 0 || channels % groups != 0) {
      throw new IllegalArgumentException(
          "group norm needs channels divisible by groups, got " + channels + "/" + groups);
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("group norm eps must be positive, got " + eps);
    }
    this.groups = groups;
    this.channels = channels;
    this.eps = (float) eps;
    this.weight = ns.create("weight", new Shape(channels), Init.ONES);
    this.bias = ns.create("bias", new Shape(channels), Init.ZEROS);
  }

  /** (B, C, ...) to the same shape; per frame for (B, C, T, H, W). */
  @Override
  public NDArray forward(NDArray x) {
    return x.getShape().dimension() == 5 ? fused(FRAME_NORM, x) : composed(x);
  }

  /**
   * SiLU of the normalised input, the pair every residual block and output head of the VAE runs: on
   * videos one fused pass (mean and variance together, scale and shift folded into one
   * multiply-add), about twice as fast as the composed ops (docs/nn-notes.md).
   */
  public NDArray forwardSilu(NDArray x) {
    return x.getShape().dimension() == 5
        ? fused(FRAME_NORM_SILU, x)
        : Activations.silu(composed(x)); // (B, C, ...)
  }

  /** The normalisation composed from DJL's ops: the reference the fused one is tested against. */
  NDArray composed(NDArray x) {
    checkInput(x);
    Shape shape = x.getShape();
    long b = shape.get(0);
    long perGroup = channels / groups;
    NDArray grouped;
    int[] statAxes;
    if (shape.dimension() == 5) {
      long t = shape.get(2);
      grouped = x.reshape(b, groups, perGroup, t, shape.get(3) * shape.get(4)); // (B,G,C/G,T,HW)
      statAxes = new int[] {2, 4};
    } else {
      grouped = x.reshape(b, groups, -1); // (B, G, C/G * rest)
      statAxes = new int[] {2};
    }
    long count = 1;
    for (int axis : statAxes) {
      count *= grouped.getShape().get(axis);
    }
    NDArray mean = grouped.sum(statAxes, true).div(count); // (B, G, 1, T, 1) or (B, G, 1)
    NDArray centred = grouped.sub(mean);
    NDArray variance = centred.square().sum(statAxes, true).div(count); // biased, as PyTorch
    NDArray normed = centred.div(variance.add(eps).sqrt()).reshape(shape); // (B, C, ...)
    long[] affineShape = new long[shape.dimension()];
    Arrays.fill(affineShape, 1);
    affineShape[1] = channels;
    return normed.mul(weight.reshape(affineShape)).add(bias.reshape(affineShape)); // (B, C, ...)
  }

  private NDArray fused(TorchScriptOp op, NDArray x) {
    checkInput(x);
    long perGroup = channels / groups;
    NDArray epsilon = x.getManager().full(new Shape(), eps, x.getDataType()); // ()
    return op.apply(
        x, weight.reshape(groups, perGroup), bias.reshape(groups, perGroup), epsilon); // as x
  }

  private void checkInput(NDArray x) {
    Shape shape = x.getShape();
    if (shape.dimension() < 3 || shape.get(1) != channels) {
      throw new IllegalArgumentException(
          "group norm over "
              + channels
              + " channels needs (B, "
              + channels
              + ", ...), got "
              + shape);
    }
  }

  /**
   * Per-frame group norm of (B, C, T, H, W) with weight and bias given as (G, C/G), optionally
   * followed by SiLU: the statistics of each group's channels over each frame's pixels.
   */
  private static TorchScriptOp frameNorm(String name, String className, boolean silu) {
    List<String> body = new ArrayList<>();
    body.add("b = x.size(0)");
    body.add("c = x.size(1)");
    body.add("g = weight.size(0)");
    body.add("grouped = x.reshape([b, g, c // g, x.size(2), -1])");
    body.add("var, mean = torch.var_mean(grouped, [2, 4], unbiased=False, keepdim=True)");
    body.add("scale = torch.rsqrt(var + eps) * weight.reshape([1, g, c // g, 1, 1])");
    body.add("shift = bias.reshape([1, g, c // g, 1, 1]) - mean * scale");
    body.add("y = torch.addcmul(shift, grouped, scale)");
    body.add(silu ? "return torch.silu(y).reshape(x.size())" : "return y.reshape(x.size())");
    return new TorchScriptOp(
        name,
        className,
        List.of("x: Tensor", "weight: Tensor", "bias: Tensor", "eps: Tensor"),
        body);
  }

  public int groups() {
    return groups;
  }
}
