package ai.kinora.world;

/**
 * Named start positions: a 3x3 grid at 1/4, 1/2 and 3/4 of the frame's width and height. An
 * orbiting object starts on its orbit in the anchor's direction from the centre; a bouncing object
 * starts at rest in the top row.
 */
public enum Anchor {
  TOP_LEFT(0, 0),
  TOP(1, 0),
  TOP_RIGHT(2, 0),
  LEFT(0, 1),
  CENTER(1, 1),
  RIGHT(2, 1),
  BOTTOM_LEFT(0, 2),
  BOTTOM(1, 2),
  BOTTOM_RIGHT(2, 2);

  private final int column;
  private final int row;

  Anchor(int column, int row) {
    this.column = column;
    this.row = row;
  }

  /** 0 = left, 1 = centre, 2 = right. */
  public int column() {
    return column;
  }

  /** 0 = top, 1 = middle, 2 = bottom. */
  public int row() {
    return row;
  }

  /** Horizontal position as a fraction of the frame width. */
  public double x() {
    return 0.25 + 0.25 * column;
  }

  /** Vertical position as a fraction of the frame height (down). */
  public double y() {
    return 0.25 + 0.25 * row;
  }

  public static Anchor at(int column, int row) {
    for (Anchor a : values()) {
      if (a.column == column && a.row == row) {
        return a;
      }
    }
    throw new IllegalArgumentException("no anchor at column " + column + ", row " + row);
  }
}
