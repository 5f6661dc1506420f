package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * A 3D convolution over (B, C, T, H, W) that is causal in time: output frame t sees input frames up
 * to t * strideT only. In time the input is padded only on the past side, with kernelT - 1 copies
 * of the first frame; in space it is zero-padded to "same" size.
 *
 * <p>Why replicate the first frame rather than pad with zeros: the first frame then sees a still
 * past, so a still video gives the same response at every frame, and an image (a one-frame video)
 * is treated exactly as the first frame of a video that starts with it. Zero padding would make the
 * first frame look like a cut from black.
 *
 * <p>Frames: T in, {@code (T - 1) / strideT + 1} out (integer division); so stride 1 keeps T, and
 * stride 2 maps 1 + 2k frames to 1 + k, with output 0 depending on input frame 0 alone.
 */
public final class CausalConv3d implements CausalLayer {

  /**
   * Kernel kernelT x kernel x kernel and stride strideT x stride x stride; the spatial kernel is
   * odd so that "same" padding is symmetric.
   */
  public record Config(int in, int out, int kernelT, int kernel, int strideT, int stride) {
    public Config {
      if (in <= 0 || out <= 0 || kernelT <= 0 || kernel <= 0 || strideT <= 0 || stride <= 0) {
        throw new IllegalArgumentException("conv3d sizes must be positive: " + this);
      }
      if (kernel % 2 == 0) {
        throw new IllegalArgumentException("conv3d spatial kernel must be odd, got " + kernel);
      }
    }

    /** A k x k x k kernel at stride 1. */
    public static Config cube(int in, int out, int kernel) {
      return new Config(in, out, kernel, kernel, 1, 1);
    }

    public Config withStride(int strideT, int stride) {
      return new Config(in, out, kernelT, kernel, strideT, stride);
    }
  }

  private final Config config;
  private final NDArray weight; // (out, in, kT, k, k)
  private final NDArray bias; // (out)

  /** PyTorch's default initialisation: U(-1/sqrt(fanIn), 1/sqrt(fanIn)), fanIn = in*kT*k*k. */
  public CausalConv3d(Namespace ns, Config config) {
    this.config = config;
    long fanIn = (long) config.in() * config.kernelT() * config.kernel() * config.kernel();
    this.weight =
        ns.create(
            "weight",
            new Shape(
                config.out(), config.in(), config.kernelT(), config.kernel(), config.kernel()),
            Init.fanInUniform(fanIn));
    this.bias = ns.create("bias", new Shape(config.out()), Init.fanInUniform(fanIn));
  }

  /** (B, in, T, H, W) to (B, out, T', H', W'); see the class comment for T'. */
  @Override
  public NDArray forward(NDArray x) {
    checkInput(x);
    return convolve(padFirst(x)); // (B, out, T', H', W')
  }

  /**
   * One chunk of a clip processed in temporal chunks: the first chunk is padded as in {@link
   * #forward(NDArray)}; later chunks continue from the input frames {@code cache} kept from the
   * previous one, so the outputs of all chunks together equal the output for the whole clip. A
   * chunk must give at least one output frame.
   */
  @Override
  public NDArray forward(NDArray x, CausalCache cache) {
    checkInput(x);
    NDArray past = cache.take(this, x.getManager());
    NDArray padded = past == null ? padFirst(x) : past.concat(x, 2); // (B, in, Tp, H, W)
    long frames = padded.getShape().get(2);
    if (frames < config.kernelT()) {
      throw new IllegalArgumentException(
          "chunk too short: "
              + x.getShape().get(2)
              + " new frames give no output frame of a kernel spanning "
              + config.kernelT());
    }
    long outputs = (frames - config.kernelT()) / config.strideT() + 1;
    long consumed = outputs * config.strideT();
    if (consumed < frames) {
      cache.keep(this, padded.get(new NDIndex(":, :, " + consumed + ":"))); // (B, in, rest, H, W)
    }
    cache.markStarted(this);
    return convolve(padded); // (B, out, outputs, H', W')
  }

  private void checkInput(NDArray x) {
    Shape shape = x.getShape();
    if (shape.dimension() != 5 || shape.get(1) != config.in()) {
      throw new IllegalArgumentException(
          "conv3d needs (B, " + config.in() + ", T, H, W), got " + shape);
    }
  }

  /** The clip's start: kernelT - 1 copies of the first frame in front of it. */
  private NDArray padFirst(NDArray x) {
    if (config.kernelT() == 1) {
      return x;
    }
    NDArray past = x.get(new NDIndex(":, :, 0:1")).repeat(2, config.kernelT() - 1);
    return past.concat(x, 2); // (B, in, T + kT - 1, H, W)
  }

  private NDArray convolve(NDArray padded) {
    int p = (config.kernel() - 1) / 2;
    if (Precision.current() == Precision.BF16) {
      return Bf16Products.conv3d(padded, weight, bias, config.strideT(), config.stride(), p);
    }
    return padded
        .getNDArrayInternal()
        .convolution(
            padded,
            weight,
            bias,
            new Shape(config.strideT(), config.stride(), config.stride()),
            new Shape(0, p, p),
            new Shape(1, 1, 1),
            1)
        .singletonOrThrow(); // (B, out, T', H', W')
  }

  /** Output frames for {@code frames} input frames. */
  public static long outputFrames(long frames, int strideT) {
    return (frames - 1) / strideT + 1;
  }

  public Config config() {
    return config;
  }

  public NDArray weight() {
    return weight;
  }

  public NDArray bias() {
    return bias;
  }
}
