package ai.kinora.media;

import java.util.Arrays;

/**
 * How often each exact colour of a clip occurs, in a table of bounded size: the first {@value
 * #CAPACITY} distinct colours are counted, later new ones only add to the total. The colours a GIF
 * palette most needs exactly (flat backgrounds, and the few levels of a faint pattern on them)
 * cover much of every frame, so they are among the first seen.
 */
final class FrequentColours {

  private static final int SLOTS = 1 << 17; // power of two, twice the capacity: short probes
  static final int CAPACITY = SLOTS / 2;

  private final int[] keys = new int[SLOTS];
  private final long[] counts = new long[SLOTS];
  private int size;
  private long total;

  FrequentColours() {
    Arrays.fill(keys, -1);
  }

  /** Counts {@code n} more pixels of the packed 0xRRGGBB colour {@code rgb}. */
  void add(int rgb, long n) {
    total += n;
    int s = (rgb * 0x9E3779B1) >>> 15; // Fibonacci hashing into 17 bits
    while (keys[s] != -1) {
      if (keys[s] == rgb) {
        counts[s] += n;
        return;
      }
      s = (s + 1) & (SLOTS - 1);
    }
    if (size < CAPACITY) {
      keys[s] = rgb;
      counts[s] = n;
      size++;
    }
  }

  /**
   * The colours that cover at least {@code minShare} of all pixels counted, most frequent first, at
   * most {@code max} of them.
   */
  int[] top(double minShare, int max) {
    long least = (long) Math.ceil(minShare * total);
    return java.util.stream.IntStream.range(0, SLOTS)
        .filter(s -> keys[s] != -1 && counts[s] >= Math.max(1, least))
        .boxed()
        .sorted(
            (a, b) ->
                counts[a] != counts[b]
                    ? Long.compare(counts[b], counts[a])
                    : Integer.compare(keys[a], keys[b]))
        .limit(max)
        .mapToInt(s -> keys[s])
        .toArray();
  }
}
