package ai.kinora.cli;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code -o FILE} option of every command that writes a generated video, and its check. */
final class VideoOutput {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "Output video (.mp4, .webm or .gif).")
  Path path;

  /** The path, after refusing anything but a video file name (call before any work). */
  Path checked() {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".mp4") || name.endsWith(".webm") || name.endsWith(".gif"))) {
      throw new IllegalArgumentException(
          path + ": choose a video file ending in .mp4, .webm or .gif");
    }
    return path;
  }
}
