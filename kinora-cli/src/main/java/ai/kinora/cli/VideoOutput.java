package ai.kinora.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -o FILE} option of every command that writes a generated video, and its check. */
final class VideoOutput {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description =
          "Output video (.mp4, .webm or .gif), watermarked, with a provenance record in its"
              + " metadata (kinora provenance FILE reads both).")
  Path path;

  /** The path, after refusing anything but a video file name (call before any work). */
  Path checked() {
    return Outputs.requireExtension(
        path, "a video file ending in .mp4, .webm or .gif", ".mp4", ".webm", ".gif");
  }
}
