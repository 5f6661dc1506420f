package ai.kinora.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * Synthetic "world clips" for the media tests: flat backgrounds with solid, moving, axis-aligned
 * rectangles and a disc in Kinora's palette, the sharp-edged flat-colour look the renderer makes,
 * plus helpers to compare clips and to run FFmpeg's own command-line tools.
 */
final class TestClips {

  static final int RED = 0xE62828;
  static final int BLUE = 0x2864F0;
  static final int GREEN = 0x28C846;
  static final int YELLOW = 0xFAE628;
  static final int GRAY = 0x6E6E6E;
  static final int NAVY = 0x141E50;

  private TestClips() {}

  /** A clip of {@code frames} frames with four shapes moving over {@code background}. */
  static Video world(int width, int height, int frames, double fps, int background) {
    List<RgbFrame> list = new ArrayList<>();
    for (int t = 0; t < frames; t++) {
      list.add(frame(width, height, t, background));
    }
    return new Video(list, fps);
  }

  /** Frame {@code t} of a world clip: every shape moves a few pixels per frame. */
  static RgbFrame frame(int width, int height, int t, int background) {
    RgbFrame f = RgbFrame.filled(width, height, background);
    int u = width / 8;
    int v = height / 8;
    rect(f, (2 * t) % (width - 2 * u), v, 2 * u, v, RED);
    rect(f, width - 2 * u, (t * 3) % (height - 2 * v), u + u / 2, 2 * v, BLUE);
    rect(f, u, height - 2 * v, u, u, YELLOW);
    disc(f, width / 2 + (t % 9) - 4, height / 2 + (t % 5) - 2, Math.min(u, v) + 2, GREEN);
    return f;
  }

  static void rect(RgbFrame f, int x0, int y0, int w, int h, int rgb) {
    for (int y = Math.max(0, y0); y < Math.min(f.height(), y0 + h); y++) {
      for (int x = Math.max(0, x0); x < Math.min(f.width(), x0 + w); x++) {
        set(f, x, y, rgb);
      }
    }
  }

  static void disc(RgbFrame f, int cx, int cy, int r, int rgb) {
    for (int y = cy - r; y <= cy + r; y++) {
      for (int x = cx - r; x <= cx + r; x++) {
        boolean inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
        if (inside && x >= 0 && y >= 0 && x < f.width() && y < f.height()) {
          set(f, x, y, rgb);
        }
      }
    }
  }

  static void set(RgbFrame f, int x, int y, int rgb) {
    int i = (y * f.width() + x) * 3;
    f.rgb()[i] = (byte) (rgb >> 16);
    f.rgb()[i + 1] = (byte) (rgb >> 8);
    f.rgb()[i + 2] = (byte) rgb;
  }

  /** Mean absolute error per channel value (0..255), averaged over frames. */
  static double meanError(Video expected, Video actual) {
    double sum = 0;
    for (int i = 0; i < expected.frameCount(); i++) {
      sum += expected.frames().get(i).meanAbsoluteError(actual.frames().get(i));
    }
    return sum / expected.frameCount();
  }

  /** The largest per-channel difference anywhere in the clip. */
  static int maxError(Video expected, Video actual) {
    int max = 0;
    for (int i = 0; i < expected.frameCount(); i++) {
      byte[] a = expected.frames().get(i).rgb();
      byte[] b = actual.frames().get(i).rgb();
      for (int k = 0; k < a.length; k++) {
        max = Math.max(max, Math.abs((a[k] & 0xFF) - (b[k] & 0xFF)));
      }
    }
    return max;
  }

  /** Runs FFmpeg's bundled {@code ffprobe} and returns its standard output. */
  static String ffprobe(String... args) throws IOException, InterruptedException {
    return run(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), args);
  }

  /** Runs FFmpeg's bundled {@code ffmpeg} program and returns its standard output. */
  static String ffmpeg(String... args) throws IOException, InterruptedException {
    return run(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), args);
  }

  private static String run(String program, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(program);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    // The programs sit beside the FFmpeg libraries they link to (libva among them), without an
    // rpath: point the loader there, so a machine without those system packages runs them too.
    String libs = Path.of(program).getParent().toString();
    String inherited = System.getenv("LD_LIBRARY_PATH");
    builder.environment().put("LD_LIBRARY_PATH", inherited == null ? libs : libs + ":" + inherited);
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(
          Path.of(program).getFileName() + " failed: " + new String(err, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
