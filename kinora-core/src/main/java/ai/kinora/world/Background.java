package ai.kinora.world;

/**
 * Backgrounds of Kinora World (WORLD.md). {@link #NIGHT} adds world-fixed stars over its base
 * colour; {@link #DUSK} is a vertical gradient from {@link #top()} to {@link #bottom()}.
 */
public enum Background {
  BLACK(0x000000, 0x000000),
  WHITE(0xF5F5F5, 0xF5F5F5),
  GRAY(0x6E6E6E, 0x6E6E6E),
  NAVY(0x141E50, 0x141E50),
  FOREST(0x144623, 0x144623),
  NIGHT(0x0A0F2D, 0x0A0F2D),
  DUSK(0x191E5A, 0x5A285A);

  private final int top;
  private final int bottom;

  Background(int top, int bottom) {
    this.top = top;
    this.bottom = bottom;
  }

  /** Packed 0xRRGGBB at the top of the frame. */
  public int top() {
    return top;
  }

  /** Packed 0xRRGGBB at the bottom of the frame (equal to {@link #top()} except for dusk). */
  public int bottom() {
    return bottom;
  }

  /** Whether the colour varies down the frame. */
  public boolean isGradient() {
    return top != bottom;
  }

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
