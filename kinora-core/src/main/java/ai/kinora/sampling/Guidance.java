package ai.kinora.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.VelocityModel;
import ai.kinora.text.TextEmbedding;

/**
 * Classifier-free guidance (Ho and Salimans 2022): v = v_u + g (v_c - v_u), where v_u is the
 * velocity for the unconditional prompt (the empty prompt, or a negative prompt in its place). Both
 * predictions come from one forward pass over the doubled batch. A scale of 1 is the conditional
 * prediction alone and skips the second half.
 *
 * @param scale the guidance scale g
 * @param unconditional the encoded empty or negative prompt (batch 1 or the sample batch), or null
 *     when the scale is 1
 */
public record Guidance(double scale, TextEmbedding unconditional) {

  public Guidance {
    if (!Double.isFinite(scale) || scale < 0) {
      throw new IllegalArgumentException("guidance scale must be finite and >= 0, got " + scale);
    }
    if (scale != 1 && unconditional == null) {
      throw new IllegalArgumentException(
          "guidance " + scale + " needs an unconditional (empty or negative) prompt");
    }
  }

  /** The conditional prediction alone. */
  public static Guidance none() {
    return new Guidance(1, null);
  }

  /** Guidance {@code scale} against {@code unconditional} (encode "" or a negative prompt). */
  public static Guidance of(double scale, TextEmbedding unconditional) {
    return new Guidance(scale, unconditional);
  }

  /** v_u + g (v_c - v_u). */
  public static NDArray combine(NDArray conditional, NDArray unconditional, double scale) {
    return unconditional.add(conditional.sub(unconditional).mul((float) scale)); // (B, N, P)
  }

  /** The guided velocity of tokens x (B, N, P) at time t. */
  public NDArray velocity(
      VelocityModel model, NDArray x, NDArray coords, double t, TextEmbedding text, NDArray mask) {
    int b = (int) x.getShape().get(0);
    NDManager m = x.getManager();
    if (scale == 1) {
      return model.forward(x, coords, m.full(new Shape(b), (float) t), text, mask); // (B, N, P)
    }
    NDArray both =
        model.forward(
            x.concat(x, 0), // (2B, N, P)
            coords,
            m.full(new Shape(2L * b), (float) t), // (2B)
            TextEmbedding.concat(text, unconditional.repeat(b)),
            mask == null ? null : mask.concat(mask, 0)); // (2B, N)
    return combine(both.get(":" + b), both.get(b + ":"), scale); // (B, N, P)
  }
}
