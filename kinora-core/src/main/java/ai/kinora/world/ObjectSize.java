package ai.kinora.world;

/** Object sizes: the side of the object's bounding box as a fraction of min(width, height). */
public enum ObjectSize {
  SMALL(0.12),
  MEDIUM(0.20),
  LARGE(0.30);

  private final double fraction;

  ObjectSize(double fraction) {
    this.fraction = fraction;
  }

  public double fraction() {
    return fraction;
  }

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
