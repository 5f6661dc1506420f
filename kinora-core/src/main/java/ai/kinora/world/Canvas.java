package ai.kinora.world;

/** A frame size in pixels. Kinora World renders any size whose sides are multiples of 8. */
public record Canvas(int width, int height) {

  public static final int MAX_SIDE = 4096;

  public Canvas {
    if (width < 8 || height < 8 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException(
          "frame size " + width + "x" + height + " is outside 8..." + MAX_SIDE + " pixels a side");
    }
    if (width % 8 != 0 || height % 8 != 0) {
      throw new IllegalArgumentException(
          "frame size " + width + "x" + height + ": width and height must be multiples of 8");
    }
  }

  /** Parses "WxH", e.g. "128x128" or "1280x720". */
  public static Canvas parse(String text) {
    String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
    if (parts.length != 2) {
      throw new IllegalArgumentException("size '" + text + "' is not WIDTHxHEIGHT, e.g. 128x128");
    }
    try {
      return new Canvas(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size '" + text + "' is not WIDTHxHEIGHT, e.g. 128x128");
    }
  }

  public int minSide() {
    return Math.min(width, height);
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
