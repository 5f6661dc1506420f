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

  /**
   * The canvas to generate an output of size {@code output} at: the nearest native one, refused
   * when reaching the output's aspect ratio would crop away more than half of it (a 1:500 strip
   * from a 4:7 frame is a sliver blown up, not a video).
   */
  public static Canvas forOutput(List<Canvas> natives, Canvas output) {
    Canvas nearest = nearest(natives, output);
    double ratio = aspect(output) / aspect(nearest);
    if (ratio > 2 + 1e-9 || ratio < 0.5 - 1e-9) {
      double narrowest = natives.stream().mapToDouble(NativeSize::aspect).min().orElseThrow() / 2;
      double widest = natives.stream().mapToDouble(NativeSize::aspect).max().orElseThrow() * 2;
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "size %s is too %s for this model: its nearest trained size, %s, would lose more"
                  + " than half of its frame to the crop; choose a width/height ratio from %.2f"
                  + " to %.2f",
              output,
              ratio > 1 ? "wide" : "narrow",
              nearest,
              narrowest,
              widest));
    }
    return nearest;
  }

  private static double aspect(Canvas c) {
    return (double) c.width() / c.height();
  }
}
