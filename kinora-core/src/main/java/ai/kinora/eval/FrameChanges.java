package ai.kinora.eval;

import ai.kinora.media.RgbFrame;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a join between video parts is seamless: the mean absolute frame change across the join
 * against the median frame-to-frame change of the rest of the video (the "1.5x rule" the prompting
 * modes are held to: a join may change the picture at most 1.5 times as much as a typical frame
 * step). Changes are mean absolute differences per channel value, 0..255.
 */
public final class FrameChanges {

  /** The most a seamless join may exceed the typical frame change by. */
  public static final double SEAMLESS_RATIO = 1.5;

  private FrameChanges() {}

  /** One join: its change, the typical change elsewhere, and their ratio. */
  public record Seam(String name, double change, double typical) {

    /** change / typical; 0 for a join that changes nothing, even in a still video. */
    public double ratio() {
      return change == 0 ? 0 : change / typical;
    }

    public boolean seamless() {
      return ratio() <= SEAMLESS_RATIO;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s: change %.2f, median elsewhere %.2f, ratio %.2f (%s)",
          name,
          change,
          typical,
          ratio(),
          seamless() ? "seamless" : "a visible jump");
    }
  }

  /** Change from frame i to frame i + 1, for every i. */
  public static double[] steps(List<RgbFrame> video) {
    double[] d = new double[Math.max(0, video.size() - 1)];
    for (int i = 0; i < d.length; i++) {
      d[i] = video.get(i).meanAbsoluteError(video.get(i + 1));
    }
    return d;
  }

  /**
   * The join into frame {@code first} of {@code video} (the change from frame first - 1 to first),
   * against the median of every other frame step, leaving out the steps into all of {@code joins}.
   */
  public static Seam join(String name, List<RgbFrame> video, int first, Collection<Integer> joins) {
    if (first < 1 || first >= video.size()) {
      throw new IllegalArgumentException(
          "a join must be inside the video: frame " + first + " of " + video.size());
    }
    Set<Integer> skip = new TreeSet<>(joins);
    skip.add(first);
    double[] d = steps(video);
    double[] rest = new double[d.length];
    int n = 0;
    for (int i = 0; i < d.length; i++) {
      if (!skip.contains(i + 1)) {
        rest[n++] = d[i];
      }
    }
    return new Seam(name, d[first - 1], typical(rest, n));
  }

  /** A loop's seam: the change from the last frame back to the first, against every other step. */
  public static Seam loop(String name, List<RgbFrame> video) {
    if (video.size() < 3) {
      throw new IllegalArgumentException("a loop needs at least 3 frames, got " + video.size());
    }
    double[] d = steps(video);
    double back = video.get(video.size() - 1).meanAbsoluteError(video.get(0));
    return new Seam(name, back, typical(d, d.length));
  }

  private static double typical(double[] values, int n) {
    if (n == 0) {
      throw new IllegalArgumentException("no frame steps outside the joins to compare with");
    }
    return Robust.median(values, n);
  }
}
