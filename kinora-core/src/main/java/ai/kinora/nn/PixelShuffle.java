package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Space-to-depth and its inverse on videos, frame by frame (Shi et al. 2016, "sub-pixel
 * convolution"): each p x p block of pixels becomes p^2 channels at 1/p of the size, losslessly. A
 * video VAE that starts and ends this way (as LTX-Video's does) never runs a convolution at full
 * resolution, which is where a decoder spends most of its time. Channel c * p^2 + dy * p + dx holds
 * pixel (dy, dx) of channel c.
 */
public final class PixelShuffle {

  private PixelShuffle() {}

  /** (B, C, T, H, W) to (B, C * p^2, T, H / p, W / p). */
  public static NDArray spaceToDepth(NDArray x, int p) {
    Shape s = x.getShape();
    if (s.dimension() != 5 || s.get(3) % p != 0 || s.get(4) % p != 0) {
      throw new IllegalArgumentException(
          "space-to-depth by "
              + p
              + " needs (B, C, T, H, W) with H and W multiples of it, got "
              + s);
    }
    long b = s.get(0);
    long c = s.get(1);
    long t = s.get(2);
    long h = s.get(3) / p;
    long w = s.get(4) / p;
    return x.reshape(b, c, t, h, p, w, p) // (B, C, T, h, p, w, p)
        .transpose(0, 1, 4, 6, 2, 3, 5) // (B, C, p, p, T, h, w)
        .reshape(b, c * p * p, t, h, w); // (B, C p^2, T, h, w)
  }

  /** (B, C * p^2, T, h, w) to (B, C, T, h * p, w * p): the inverse of {@link #spaceToDepth}. */
  public static NDArray depthToSpace(NDArray x, int p) {
    Shape s = x.getShape();
    if (s.dimension() != 5 || s.get(1) % ((long) p * p) != 0) {
      throw new IllegalArgumentException(
          "depth-to-space by " + p + " needs (B, C * " + p * p + ", T, h, w), got " + s);
    }
    long b = s.get(0);
    long c = s.get(1) / ((long) p * p);
    long t = s.get(2);
    long h = s.get(3);
    long w = s.get(4);
    return x.reshape(b, c, p, p, t, h, w) // (B, C, p, p, T, h, w)
        .transpose(0, 1, 4, 5, 2, 6, 3) // (B, C, T, h, p, w, p)
        .reshape(b, c, t, h * p, w * p); // (B, C, T, H, W)
  }
}
