package ai.kinora.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Connected components of colour masks, detection of the wooden post, and re-joining of objects
 * that the post cuts in two.
 */
final class Components {

  /** Colour distance within which a pixel belongs to an object colour (WORLD.md, presence). */
  static final double OBJECT_DISTANCE = 60;

  /**
   * Colour distance for the post. Tighter than for objects because the gray background
   * (110,110,110) is only 57 from the post's (150,110,70): 28 is half that gap, so no background
   * pixel can pass.
   */
  static final double POST_DISTANCE = 28;

  static final int POST_RGB = (150 << 16) | (110 << 8) | 70;

  /** A column is post when this share of its rows is post-coloured (snow covers at most 2%). */
  private static final double POST_COLUMN_SHARE = 0.75;

  /** Enclosed holes up to this many pixels are filled: snow flakes drawn over an object. */
  private static final int MAX_HOLE = 6;

  /** A region of a mask: its pixel indices (row-major) and bounding box, inclusive. */
  record Region(int[] pixels, int minX, int minY, int maxX, int maxY, boolean acrossPost) {
    int count() {
      return pixels.length;
    }
  }

  /** The post's columns in one frame, {@code left} inclusive to {@code right} exclusive. */
  record PostSpan(int left, int right) {}

  private Components() {}

  /** Pixels within {@code distance} of {@code rgb}. */
  static boolean[] mask(int[] frame, int rgb, double distance) {
    int limit = (int) Math.floor(distance * distance);
    boolean[] m = new boolean[frame.length];
    for (int p = 0; p < frame.length; p++) {
      m[p] = Robust.rgbDistanceSquared(frame[p], rgb) <= limit;
    }
    return m;
  }

  /**
   * 8-connected regions of at least {@code minCount} pixels, largest first. 8-connectivity keeps
   * the thin points of a small rotated star attached to its body.
   */
  static List<Region> label(boolean[] mask, int w, int h, int minCount) {
    int[] label = new int[mask.length];
    int[] queue = new int[mask.length];
    List<Region> out = new ArrayList<>();
    int next = 0;
    for (int start = 0; start < mask.length; start++) {
      if (!mask[start] || label[start] != 0) {
        continue;
      }
      next++;
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      label[start] = next;
      int minX = w;
      int minY = h;
      int maxX = -1;
      int maxY = -1;
      while (head < tail) {
        int p = queue[head++];
        int x = p % w;
        int y = p / w;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        for (int dy = -1; dy <= 1; dy++) {
          int ny = y + dy;
          if (ny < 0 || ny >= h) {
            continue;
          }
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            if (nx < 0 || nx >= w) {
              continue;
            }
            int q = ny * w + nx;
            if (mask[q] && label[q] == 0) {
              label[q] = next;
              queue[tail++] = q;
            }
          }
        }
      }
      if (tail >= minCount) {
        out.add(new Region(java.util.Arrays.copyOf(queue, tail), minX, minY, maxX, maxY, false));
      }
    }
    out.sort(Comparator.comparingInt(Region::count).reversed());
    return out;
  }

  /**
   * The widest run of post columns, or null. Read from the pixels (never from the scene), so a
   * generated video's post counts wherever it is drawn; objects are behind the post, so its columns
   * stay post-coloured over their full height.
   */
  static PostSpan detectPost(int[] frame, int w, int h) {
    int limit = (int) Math.floor(POST_DISTANCE * POST_DISTANCE);
    int[] hits = new int[w];
    for (int p = 0; p < frame.length; p++) {
      if (Robust.rgbDistanceSquared(frame[p], POST_RGB) <= limit) {
        hits[p % w]++;
      }
    }
    int bestLeft = -1;
    int bestWidth = 0;
    int runStart = -1;
    for (int x = 0; x <= w; x++) {
      boolean post = x < w && hits[x] >= POST_COLUMN_SHARE * h;
      if (post && runStart < 0) {
        runStart = x;
      } else if (!post && runStart >= 0) {
        if (x - runStart > bestWidth) {
          bestWidth = x - runStart;
          bestLeft = runStart;
        }
        runStart = -1;
      }
    }
    return bestLeft < 0 ? null : new PostSpan(bestLeft, bestLeft + bestWidth);
  }

  /**
   * Joins pairs of regions that touch the post from opposite sides at overlapping rows: one object
   * passing behind the post, seen as two pieces. The result stays sorted largest first.
   */
  static List<Region> joinAcrossPost(List<Region> regions, PostSpan post) {
    if (post == null || regions.size() < 2) {
      return regions;
    }
    List<Region> left = new ArrayList<>();
    List<Region> right = new ArrayList<>();
    List<Region> out = new ArrayList<>();
    for (Region r : regions) {
      if (r.maxX() >= post.left() - 2 && r.maxX() < post.right()) {
        left.add(r);
      } else if (r.minX() <= post.right() + 1 && r.minX() >= post.left()) {
        right.add(r);
      } else {
        out.add(r);
      }
    }
    for (Region l : left) {
      Region partner = null;
      for (Region r : right) {
        boolean rowsOverlap = l.minY() <= r.maxY() && r.minY() <= l.maxY();
        if (rowsOverlap && (partner == null || r.count() > partner.count())) {
          partner = r;
        }
      }
      if (partner == null) {
        out.add(l);
        continue;
      }
      right.remove(partner);
      int[] pixels = new int[l.count() + partner.count()];
      System.arraycopy(l.pixels(), 0, pixels, 0, l.count());
      System.arraycopy(partner.pixels(), 0, pixels, l.count(), partner.count());
      out.add(
          new Region(
              pixels,
              Math.min(l.minX(), partner.minX()),
              Math.min(l.minY(), partner.minY()),
              Math.max(l.maxX(), partner.maxX()),
              Math.max(l.maxY(), partner.maxY()),
              true));
    }
    out.addAll(right);
    out.sort(Comparator.comparingInt(Region::count).reversed());
    return out;
  }

  /**
   * The region plus its small enclosed holes. A snow flake drawn over an object punches a 1-2 px
   * hole that would lower its area and solidity; a real gap (a ring around another object) is
   * larger than {@link #MAX_HOLE} and is kept.
   */
  static Region fillHoles(Region region, int w) {
    int bw = region.maxX() - region.minX() + 3;
    int bh = region.maxY() - region.minY() + 3;
    // Local grid with a one-pixel frame of outside, so the outside is one connected area.
    byte[] grid = new byte[bw * bh];
    for (int p : region.pixels()) {
      grid[(p / w - region.minY() + 1) * bw + (p % w - region.minX() + 1)] = 1;
    }
    int[] queue = new int[bw * bh];
    List<Integer> added = new ArrayList<>();
    for (int start = 0; start < grid.length; start++) {
      if (grid[start] != 0) {
        continue;
      }
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      grid[start] = 2;
      boolean touchesBorder = false;
      while (head < tail) {
        int q = queue[head++];
        int x = q % bw;
        int y = q / bw;
        touchesBorder |= x == 0 || y == 0 || x == bw - 1 || y == bh - 1;
        int[] next = {q - 1, q + 1, q - bw, q + bw};
        boolean[] ok = {x > 0, x < bw - 1, y > 0, y < bh - 1};
        for (int k = 0; k < 4; k++) {
          if (ok[k] && grid[next[k]] == 0) {
            grid[next[k]] = 2;
            queue[tail++] = next[k];
          }
        }
      }
      if (!touchesBorder && tail <= MAX_HOLE) {
        for (int k = 0; k < tail; k++) {
          int q = queue[k];
          added.add((q / bw - 1 + region.minY()) * w + (q % bw - 1 + region.minX()));
        }
      }
    }
    if (added.isEmpty()) {
      return region;
    }
    int[] pixels = java.util.Arrays.copyOf(region.pixels(), region.count() + added.size());
    for (int k = 0; k < added.size(); k++) {
      pixels[region.count() + k] = added.get(k);
    }
    return new Region(
        pixels, region.minX(), region.minY(), region.maxX(), region.maxY(), region.acrossPost());
  }
}
