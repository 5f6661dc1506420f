package ai.kinora.world;

/**
 * The four object shapes of Kinora World; each is drawn inside a square box of the object's size.
 */
public enum Shape {
  /** A disc of diameter equal to the box side. */
  CIRCLE,
  /** An axis-aligned square filling the box. */
  SQUARE,
  /** An equilateral triangle pointing up, as wide as the box, centred vertically. */
  TRIANGLE,
  /** A regular five-pointed star, outer radius half the box side, inner radius 0.4 of the outer. */
  STAR;

  /** The word used in captions and prompts, e.g. "circle". */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
