package ai.kinora.patch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Spacetime patches (Sora; LTX-Video's patchifier): latents (B, C, T, H, W) are cut into
 * non-overlapping pt x ph x pw patches, each flattened into one token of C * pt * ph * pw values,
 * in (t, y, x) order; every token comes with its integer (t, y, x) coordinate on the patch grid.
 * Any number of latent frames (1 = an image), any height and width divisible by the patch.
 */
public record Patchifier(int pt, int ph, int pw) {

  public Patchifier {
    if (pt < 1 || ph < 1 || pw < 1) {
      throw new IllegalArgumentException(
          "patch sizes must be >= 1, got (" + pt + ", " + ph + ", " + pw + ")");
    }
  }

  /** The token grid of a latent shape: tokens along time, height and width. */
  public record Grid(int t, int h, int w) {
    public int tokens() {
      return t * h * w;
    }
  }

  /** The grid of latents shaped {@code latents} (B, C, T, H, W); refuses sizes not divisible. */
  public Grid grid(Shape latents) {
    if (latents.dimension() != 5) {
      throw new IllegalArgumentException("latents must be (B, C, T, H, W), got " + latents);
    }
    long t = latents.get(2);
    long h = latents.get(3);
    long w = latents.get(4);
    if (t % pt != 0 || h % ph != 0 || w % pw != 0) {
      throw new IllegalArgumentException(
          "latent (T, H, W) = ("
              + t
              + ", "
              + h
              + ", "
              + w
              + ") is not divisible by the patch ("
              + pt
              + ", "
              + ph
              + ", "
              + pw
              + ")");
    }
    return new Grid((int) (t / pt), (int) (h / ph), (int) (w / pw));
  }

  /** Values per token for {@code channels} latent channels. */
  public int tokenSize(int channels) {
    return channels * pt * ph * pw;
  }

  /** (B, C, T, H, W) to tokens (B, N, C*pt*ph*pw), N = (T/pt)(H/ph)(W/pw) in (t, y, x) order. */
  public NDArray patchify(NDArray latents) {
    Shape s = latents.getShape();
    Grid g = grid(s);
    long b = s.get(0);
    long c = s.get(1);
    return latents
        .reshape(b, c, g.t(), pt, g.h(), ph, g.w(), pw) // (B, C, T', pt, H', ph, W', pw)
        .transpose(0, 2, 4, 6, 1, 3, 5, 7) // (B, T', H', W', C, pt, ph, pw)
        .reshape(b, g.tokens(), tokenSize((int) c)); // (B, N, C*pt*ph*pw)
  }

  /** Tokens (B, N, C*pt*ph*pw) back to latents of shape {@code latents} (B, C, T, H, W). */
  public NDArray unpatchify(NDArray tokens, Shape latents) {
    Grid g = grid(latents);
    long b = latents.get(0);
    long c = latents.get(1);
    Shape expected = new Shape(b, g.tokens(), tokenSize((int) c));
    if (!tokens.getShape().equals(expected)) {
      throw new IllegalArgumentException(
          "tokens for latents " + latents + " must be " + expected + ", got " + tokens.getShape());
    }
    return tokens
        .reshape(b, g.t(), g.h(), g.w(), c, pt, ph, pw) // (B, T', H', W', C, pt, ph, pw)
        .transpose(0, 4, 1, 5, 2, 6, 3, 7) // (B, C, T', pt, H', ph, W', pw)
        .reshape(latents); // (B, C, T, H, W)
  }

  /** The (t, y, x) patch-grid coordinate of every token, (N, 3) int32, in token order. */
  public NDArray coordinates(NDManager manager, Grid g) {
    int[] coords = new int[g.tokens() * 3];
    int i = 0;
    for (int t = 0; t < g.t(); t++) {
      for (int y = 0; y < g.h(); y++) {
        for (int x = 0; x < g.w(); x++) {
          coords[i++] = t;
          coords[i++] = y;
          coords[i++] = x;
        }
      }
    }
    return manager.create(coords, new Shape(g.tokens(), 3)); // (N, 3)
  }

  /**
   * The per-token mask (N) of a per-latent-frame mask (T): a token is marked when its frames are.
   * The frames of one temporal patch must agree, since a token cannot be half clean.
   */
  public boolean[] tokenMask(boolean[] frames, Grid g) {
    if (frames.length != g.t() * pt) {
      throw new IllegalArgumentException(
          "frame mask has " + frames.length + " frames, the latents have " + g.t() * pt);
    }
    boolean[] tokens = new boolean[g.tokens()];
    int perFrame = g.h() * g.w();
    for (int t = 0; t < g.t(); t++) {
      boolean marked = frames[t * pt];
      for (int k = 1; k < pt; k++) {
        if (frames[t * pt + k] != marked) {
          throw new IllegalArgumentException(
              "latent frames "
                  + t * pt
                  + ".."
                  + (t * pt + pt - 1)
                  + " share a temporal patch but are not all marked alike");
        }
      }
      java.util.Arrays.fill(tokens, t * perFrame, (t + 1) * perFrame, marked);
    }
    return tokens;
  }

  /** Per-sample frame masks (B, T) to a boolean token mask (B, N) in {@code manager}. */
  public NDArray tokenMask(NDManager manager, boolean[][] frames, Grid g) {
    boolean[] all = new boolean[frames.length * g.tokens()];
    for (int b = 0; b < frames.length; b++) {
      System.arraycopy(tokenMask(frames[b], g), 0, all, b * g.tokens(), g.tokens());
    }
    return manager.create(all, new Shape(frames.length, g.tokens())); // (B, N)
  }
}
