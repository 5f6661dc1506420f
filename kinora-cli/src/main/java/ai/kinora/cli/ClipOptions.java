package ai.kinora.cli;

import ai.kinora.world.Canvas;
import picocli.CommandLine.Option;

/**
 * The clip flags shared by every command that makes a video: {@code --size}, {@code --seconds},
 * {@code --fps}, {@code --seed}. Their names and defaults are a contract across commands.
 */
final class ClipOptions {

  static final String DEFAULT_SIZE = "128x128";
  static final double DEFAULT_FPS = 8;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      description = "Frame size in pixels, multiples of 8 (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_SIZE)
  String size;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      description = "Duration in seconds, up to 60 (default: 4, or what the prompt says).")
  Double seconds;

  @Option(
      names = "--fps",
      paramLabel = "F",
      description = "Frames per second (default: ${DEFAULT-VALUE}).",
      defaultValue = "8")
  double fps;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Random seed (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  long seed;

  Canvas canvas() {
    return Canvas.parse(size);
  }

  /** The requested duration, or {@code fallback} when --seconds was not given. */
  double secondsOr(double fallback) {
    return checkedSeconds(seconds != null ? seconds : fallback);
  }

  /** Longest video any command makes, in seconds. */
  static final double MAX_SECONDS = 60;

  /** {@code s}, refused unless it is more than 0 and at most {@link #MAX_SECONDS}. */
  static double checkedSeconds(double s) {
    if (!(s > 0 && s <= MAX_SECONDS)) {
      throw new IllegalArgumentException("--seconds must be more than 0 and at most 60, got " + s);
    }
    return s;
  }

  double fps() {
    if (!(fps > 0 && fps <= 120)) {
      throw new IllegalArgumentException("--fps must be more than 0 and at most 120, got " + fps);
    }
    return fps;
  }
}
