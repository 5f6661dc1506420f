package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Group normalisation (Wu and He 2018), composed from reshape, sum and sqrt because DJL has no
 * group-norm operator.
 *
 * <p>On videos (B, C, T, H, W) the statistics are taken per frame, over each group's channels and
 * the frame's pixels, never across time: so the normalisation is causal (frame t does not see
 * frames after it) and an image, a one-frame video, is normalised exactly as the first frame of a
 * video. On (B, C, ...) of any other rank they span each group's channels and all trailing
 * dimensions, as in PyTorch.
 */
public final class GroupNorm implements Layer {

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

  public int groups() {
    return groups;
  }
}
