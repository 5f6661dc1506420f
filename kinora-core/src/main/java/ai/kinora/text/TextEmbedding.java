package ai.kinora.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * A batch of encoded prompts: one vector per text token and a mask that is true for real tokens and
 * false for padding. Every prompt has at least one real token (the start token), so attention to
 * text is never empty.
 *
 * @param tokens (B, L, D)
 * @param mask (B, L) boolean
 */
public record TextEmbedding(NDArray tokens, NDArray mask) {

  public TextEmbedding {
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(mask, "mask");
    Shape s = tokens.getShape();
    if (s.dimension() != 3) {
      throw new IllegalArgumentException("text tokens must be (B, L, D), got " + s);
    }
    if (!mask.getShape().equals(new Shape(s.get(0), s.get(1)))
        || mask.getDataType() != DataType.BOOLEAN) {
      throw new IllegalArgumentException(
          "text mask must be boolean (B, L) = "
              + new Shape(s.get(0), s.get(1))
              + ", got "
              + mask.getDataType()
              + " "
              + mask.getShape());
    }
  }

  public int batch() {
    return (int) tokens.getShape().get(0);
  }

  public int length() {
    return (int) tokens.getShape().get(1);
  }

  public int width() {
    return (int) tokens.getShape().get(2);
  }

  /** The mean of the real tokens of each prompt, (B, D). */
  public NDArray pooled() {
    NDArray weights = mask.toType(tokens.getDataType(), false).expandDims(2); // (B, L, 1)
    return tokens.mul(weights).sum(new int[] {1}).div(weights.sum(new int[] {1})); // (B, D)
  }

  /** This batch repeated to {@code batch} prompts; only a batch of one can be repeated. */
  public TextEmbedding repeat(int batch) {
    if (batch == batch()) {
      return this;
    }
    if (batch() != 1) {
      throw new IllegalArgumentException(
          "cannot repeat a batch of " + batch() + " prompts to " + batch);
    }
    return new TextEmbedding(
        tokens.repeat(0, batch), // (batch, L, D)
        mask.repeat(0, batch)); // (batch, L)
  }

  /** The prompts of {@code a} followed by those of {@code b}, the shorter padded. */
  public static TextEmbedding concat(TextEmbedding a, TextEmbedding b) {
    if (a.width() != b.width()) {
      throw new IllegalArgumentException("text widths differ: " + a.width() + " and " + b.width());
    }
    int length = Math.max(a.length(), b.length());
    TextEmbedding pa = a.padTo(length);
    TextEmbedding pb = b.padTo(length);
    return new TextEmbedding(
        pa.tokens.concat(pb.tokens, 0), // (Ba + Bb, L, D)
        pa.mask.concat(pb.mask, 0)); // (Ba + Bb, L)
  }

  private TextEmbedding padTo(int length) {
    if (length == length()) {
      return this;
    }
    Shape pad = new Shape(batch(), length - length());
    NDArray zeros = tokens.getManager().zeros(pad.add(width()), tokens.getDataType()); // (B,P,D)
    NDArray falses = mask.getManager().zeros(pad, DataType.BOOLEAN); // (B, P)
    return new TextEmbedding(
        tokens.concat(zeros, 1), // (B, L', D)
        mask.concat(falses, 1)); // (B, L')
  }
}
