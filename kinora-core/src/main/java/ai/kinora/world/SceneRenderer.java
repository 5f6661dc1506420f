package ai.kinora.world;

import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a Kinora World scene to RGB frames at one canvas size, deterministically and with
 * anti-aliased object edges: the same (scene, canvas, seed, t) always gives the same bytes.
 *
 * <p>Layers, back to front: the background (flat, the dusk gradient, or night with world-fixed
 * stars), the objects in scene order, the wooden post, and snow. Geometry comes from {@link
 * Kinematics} only, so the evaluator's predictions and the pixels agree by construction. The seed
 * affects nothing but stars and snow. A renderer reuses scratch buffers: use one per thread.
 */
public final class SceneRenderer {

  /** The wooden post's colour (150, 110, 70). */
  static final int POST_RGB = 0x966E46;

  private final Scene scene;
  private final Canvas canvas;
  private final Kinematics kinematics;
  private final Decorations decorations;
  private final CoverageRasterizer rasterizer;
  private final ShapeOutline outline = new ShapeOutline();

  /** The background of every frame; with a still camera the stars are already in it. */
  private final byte[] base;

  private final boolean starsPerFrame;

  public SceneRenderer(Scene scene, Canvas canvas, long seed) {
    this.scene = java.util.Objects.requireNonNull(scene, "scene");
    this.canvas = java.util.Objects.requireNonNull(canvas, "canvas");
    this.kinematics = new Kinematics(scene, canvas);
    this.decorations = new Decorations(kinematics, canvas, seed, scene.snow());
    this.rasterizer = new CoverageRasterizer(canvas.width(), canvas.height());
    this.base = background(scene.background(), canvas);
    boolean night = scene.background() == Background.NIGHT;
    this.starsPerFrame = night && scene.camera() != Camera.STATIC;
    if (night && !starsPerFrame) {
      decorations.drawStars(base, 0);
    }
  }

  public Scene scene() {
    return scene;
  }

  public Canvas canvas() {
    return canvas;
  }

  /** The geometry this renderer draws. */
  public Kinematics kinematics() {
    return kinematics;
  }

  /** The frame at {@code tSeconds} (0 or more; times past the scene's end continue its motion). */
  public RgbFrame render(double tSeconds) {
    if (!(tSeconds >= 0) || Double.isInfinite(tSeconds)) {
      throw new IllegalArgumentException("time must be finite and at least 0, got " + tSeconds);
    }
    byte[] rgb = base.clone();
    if (starsPerFrame) {
      decorations.drawStars(rgb, tSeconds);
    }
    List<SceneObject> objects = scene.objects();
    for (int i = 0; i < objects.size(); i++) {
      SceneObject object = objects.get(i);
      rasterizer.begin();
      outline.trace(object.shape(), kinematics.pose(i, tSeconds), rasterizer);
      rasterizer.fill(rgb, object.colour().rgb());
    }
    if (scene.occluder()) {
      drawPost(rgb, kinematics.occluder(tSeconds));
    }
    if (scene.snow()) {
      decorations.drawSnow(rgb, tSeconds);
    }
    return new RgbFrame(canvas.width(), canvas.height(), rgb);
  }

  /** Frame {@code index} of a clip at {@code fps} frames per second: t = index / fps. */
  public RgbFrame renderFrame(int index, double fps) {
    if (index < 0) {
      throw new IllegalArgumentException("frame index must be at least 0, got " + index);
    }
    checkFps(fps);
    return render(index / fps);
  }

  /** Frames in a clip of {@code seconds} at {@code fps}: round(seconds * fps), at least one. */
  public static int frameCount(double seconds, double fps) {
    checkFps(fps);
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("duration must be finite and at least 0, got " + seconds);
    }
    return (int) Math.max(1, Math.round(seconds * fps));
  }

  /** The whole scene as a clip: {@link #frameCount} frames of its duration at {@code fps}. */
  public static Video renderClip(Scene scene, Canvas canvas, double fps, long seed) {
    SceneRenderer renderer = new SceneRenderer(scene, canvas, seed);
    int n = frameCount(scene.durationSeconds(), fps);
    List<RgbFrame> frames = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      frames.add(renderer.renderFrame(i, fps));
    }
    return new Video(frames, fps);
  }

  /**
   * The background colour of row {@code y} (packed 0xRRGGBB) on a frame {@code height} rows tall:
   * flat colours everywhere, dusk interpolated from its top colour at row 0 to its bottom colour at
   * the last row.
   */
  static int backgroundRow(Background background, int y, int height) {
    if (!background.isGradient()) {
      return background.top();
    }
    int span = height - 1;
    int out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int top = (background.top() >> shift) & 0xFF;
      int bottom = (background.bottom() >> shift) & 0xFF;
      // Integer interpolation, rounded half up, so every platform gets the same bytes.
      int c = (top * (span - y) + bottom * y + span / 2) / span;
      out |= c << shift;
    }
    return out;
  }

  private static byte[] background(Background background, Canvas canvas) {
    int w = canvas.width();
    int h = canvas.height();
    int rowBytes = w * 3;
    byte[] rgb = new byte[rowBytes * h];
    int previous = -1;
    for (int y = 0; y < h; y++) {
      int colour = backgroundRow(background, y, h);
      int start = y * rowBytes;
      if (colour == previous) {
        System.arraycopy(rgb, start - rowBytes, rgb, start, rowBytes);
        continue;
      }
      for (int p = start; p < start + rowBytes; p += 3) {
        rgb[p] = (byte) (colour >> 16);
        rgb[p + 1] = (byte) (colour >> 8);
        rgb[p + 2] = (byte) colour;
      }
      previous = colour;
    }
    return rgb;
  }

  /** The post covers whole columns; only its two edge columns blend by the covered width. */
  private void drawPost(byte[] rgb, Kinematics.Span span) {
    int w = canvas.width();
    int h = canvas.height();
    // Clamped as doubles so a post far off screen cannot overflow an int.
    int first = (int) Math.max(0, Math.floor(span.left()));
    int last = (int) Math.min(w - 1, Math.ceil(span.right()) - 1);
    if (first > last) {
      return;
    }
    int pr = (POST_RGB >> 16) & 0xFF;
    int pg = (POST_RGB >> 8) & 0xFF;
    int pb = POST_RGB & 0xFF;
    int leftAlpha = alpha(first, span);
    int rightAlpha = alpha(last, span);
    // Row by row, so the frame is walked in memory order.
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = first; x <= last; x++) {
        int a = x == first ? leftAlpha : x == last ? rightAlpha : 255;
        int p = (row + x) * 3;
        if (a == 255) {
          rgb[p] = (byte) pr;
          rgb[p + 1] = (byte) pg;
          rgb[p + 2] = (byte) pb;
        } else if (a > 0) {
          int na = 255 - a;
          rgb[p] = (byte) ((pr * a + (rgb[p] & 0xFF) * na + 127) / 255);
          rgb[p + 1] = (byte) ((pg * a + (rgb[p + 1] & 0xFF) * na + 127) / 255);
          rgb[p + 2] = (byte) ((pb * a + (rgb[p + 2] & 0xFF) * na + 127) / 255);
        }
      }
    }
  }

  /** How much of pixel column {@code x} the post covers, in 0..255. */
  private static int alpha(int x, Kinematics.Span span) {
    double cover = Math.min(x + 1, span.right()) - Math.max(x, span.left());
    return cover >= 1 ? 255 : cover <= 0 ? 0 : (int) Math.round(cover * 255);
  }

  private static void checkFps(double fps) {
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("frame rate must be positive, got " + fps);
    }
  }
}
