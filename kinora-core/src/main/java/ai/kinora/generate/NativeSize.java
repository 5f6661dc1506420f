package ai.kinora.generate;

import ai.kinora.world.Canvas;
import java.util.List;

/**
 * The model's native sizes (one per trained aspect ratio) and the choice among them for a requested
 * output size: the native canvas whose aspect ratio is nearest (on a log scale, so 2:1 and 1:2 are
 * equally far from 1:1). Output at another size is generated natively and resized.
 */
public final class NativeSize {

  private NativeSize() {}

  /** The canvas of {@code natives} nearest in aspect ratio to {@code requested}. */
  public static Canvas nearest(List<Canvas> natives, Canvas requested) {
    if (natives.isEmpty()) {
      throw new IllegalArgumentException("the model has no native sizes");
    }
    double want = Math.log((double) requested.width() / requested.height());
    Canvas best = natives.get(0);
    double bestDistance = Double.MAX_VALUE;
    for (Canvas c : natives) {
      double d = Math.abs(Math.log((double) c.width() / c.height()) - want);
      if (d < bestDistance - 1e-12) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }
}
