package ai.kinora.world;

import java.util.SplittableRandom;

/**
 * The seeded decoration of a scene: the night sky's world-fixed stars and the screen-space snow.
 * Everything here depends only on (seed, canvas, t) and, for stars, the camera, so a frame can be
 * rendered at any time without rendering the ones before it.
 *
 * <p>Stars come from a hash of (seed, world cell) instead of a stored list: a pan or a zoom-out
 * reveals world the first frame never showed, and that region has stars too, consistent from frame
 * to frame. Immutable once built; callers supply the frame to draw on.
 */
final class Decorations {

  /** Side of a star cell in world pixels; each cell holds at most one star. */
  static final int STAR_CELL = 16;

  /**
   * At zoom 1 about 0.3% of pixels are stars (7 cells in 16, a quarter of stars 2x2); the camera's
   * strongest zoom-out (0.67) packs the world 2.2 times denser, to about 0.67%, which leaves the 1%
   * cap of WORLD.md several standard deviations away even at 128x128.
   */
  private static final int STAR_PRESENT_OF_256 = 112;

  private static final int STAR_MIN_GREY = 150;

  /** Snow aims at 1.2% of pixels so overlaps and the 2% ceiling never conflict. */
  private static final double SNOW_FRACTION = 0.012;

  private static final byte SNOW = (byte) 240;

  private final long seed;
  private final Kinematics kinematics;
  private final int width;
  private final int height;
  private final int starBudget;

  private final double[] flakeX;
  private final double[] flakeY;
  private final double[] flakeFall;
  private final double[] flakeSway;
  private final double[] flakeFrequency;
  private final double[] flakePhase;
  private final int[] flakeSize;

  Decorations(Kinematics kinematics, Canvas canvas, long seed, boolean snow) {
    this.seed = seed;
    this.kinematics = kinematics;
    this.width = canvas.width();
    this.height = canvas.height();
    // A hard cap for tiny canvases, where a few cells decide the fraction by chance.
    this.starBudget = width * height / 100;
    int budget = snow ? (int) (SNOW_FRACTION * width * height) : 0;
    SplittableRandom random = new SplittableRandom(mix(seed ^ 0x536E6F77L));
    int[] sizes = new int[budget];
    int n = 0;
    for (int used = 0; ; n++) {
      int size = random.nextInt(4) == 0 ? 2 : 1;
      if (used + size * size > budget) {
        break;
      }
      used += size * size;
      sizes[n] = size;
    }
    flakeSize = java.util.Arrays.copyOf(sizes, n);
    flakeX = new double[n];
    flakeY = new double[n];
    flakeFall = new double[n];
    flakeSway = new double[n];
    flakeFrequency = new double[n];
    flakePhase = new double[n];
    for (int i = 0; i < n; i++) {
      flakeX[i] = random.nextDouble() * width;
      flakeY[i] = random.nextDouble() * height;
      // Bigger flakes fall faster, which reads as depth; speeds are in frame-heights per second.
      flakeFall[i] = (0.08 + 0.12 * random.nextDouble()) * (flakeSize[i] == 2 ? 1.4 : 1.0) * height;
      flakeSway[i] = (0.004 + 0.012 * random.nextDouble()) * width;
      flakeFrequency[i] = 0.2 + 0.5 * random.nextDouble();
      flakePhase[i] = random.nextDouble();
    }
  }

  /** Number of snowflakes (0 without snow). */
  int flakes() {
    return flakeSize.length;
  }

  /**
   * Draws the stars visible at {@code t} onto a background frame, at most 1% of its pixels. Returns
   * the number of pixels written.
   */
  int drawStars(byte[] rgb, double t) {
    double x0 = kinematics.worldX(0, t);
    double x1 = kinematics.worldX(width, t);
    double y0 = kinematics.worldY(0, t);
    double y1 = kinematics.worldY(height, t);
    // One cell of margin: a 2x2 star just outside may reach one pixel in.
    long cx0 = (long) Math.floor(x0 / STAR_CELL) - 1;
    long cx1 = (long) Math.floor(x1 / STAR_CELL) + 1;
    long cy0 = (long) Math.floor(y0 / STAR_CELL) - 1;
    long cy1 = (long) Math.floor(y1 / STAR_CELL) + 1;
    int written = 0;
    for (long cy = cy0; cy <= cy1; cy++) {
      for (long cx = cx0; cx <= cx1; cx++) {
        long h = mix(mix(seed + cx * 0x9E3779B97F4A7C15L) ^ (cy * 0xC2B2AE3D27D4EB4FL));
        if ((h & 0xFF) >= STAR_PRESENT_OF_256) {
          continue;
        }
        double wx = cx * STAR_CELL + ((h >>> 8) & 0xF) + 0.5;
        double wy = cy * STAR_CELL + ((h >>> 12) & 0xF) + 0.5;
        int sx = (int) Math.floor(kinematics.screenX(wx, t));
        int sy = (int) Math.floor(kinematics.screenY(wy, t));
        int size = ((h >>> 16) & 3) == 0 ? 2 : 1;
        if (sx + size <= 0 || sx >= width || sy + size <= 0 || sy >= height) {
          continue;
        }
        if (written + size * size > starBudget) {
          return written;
        }
        byte grey = (byte) (STAR_MIN_GREY + (int) (((h >>> 24) & 0xFFFF) * 106 / 0x10000));
        for (int y = Math.max(0, sy); y < Math.min(height, sy + size); y++) {
          for (int x = Math.max(0, sx); x < Math.min(width, sx + size); x++) {
            int p = (y * width + x) * 3;
            rgb[p] = grey;
            rgb[p + 1] = grey;
            rgb[p + 2] = grey;
            written++;
          }
        }
      }
    }
    return written;
  }

  /** Draws the snow at {@code t} over everything; flakes wrap around both edges. */
  void drawSnow(byte[] rgb, double t) {
    for (int i = 0; i < flakeSize.length; i++) {
      double sway =
          flakeSway[i] * StrictMath.sin(2 * Math.PI * (flakeFrequency[i] * t + flakePhase[i]));
      int x = (int) Math.floorMod((long) Math.floor(flakeX[i] + sway), (long) width);
      int y = (int) Math.floorMod((long) Math.floor(flakeY[i] + flakeFall[i] * t), (long) height);
      int size = flakeSize[i];
      for (int dy = 0; dy < size; dy++) {
        int row = (y + dy) % height * width;
        for (int dx = 0; dx < size; dx++) {
          int p = (row + (x + dx) % width) * 3;
          rgb[p] = SNOW;
          rgb[p + 1] = SNOW;
          rgb[p + 2] = SNOW;
        }
      }
    }
  }

  /** A 64-bit finaliser: every input bit affects every output bit, so cell hashes look random. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
