package ai.kinora.world;

/** The eight object colours of Kinora World, with their exact sRGB fill (WORLD.md). */
public enum Colour {
  RED(230, 40, 40),
  ORANGE(255, 150, 0),
  YELLOW(250, 230, 40),
  GREEN(40, 200, 70),
  BLUE(40, 100, 240),
  PURPLE(150, 60, 220),
  PINK(255, 110, 200),
  WHITE(250, 250, 250);

  private final int r;
  private final int g;
  private final int b;

  Colour(int r, int g, int b) {
    this.r = r;
    this.g = g;
    this.b = b;
  }

  public int r() {
    return r;
  }

  public int g() {
    return g;
  }

  public int b() {
    return b;
  }

  /** Packed 0xRRGGBB. */
  public int rgb() {
    return (r << 16) | (g << 8) | b;
  }

  /** The word used in captions and prompts, e.g. "red". */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
