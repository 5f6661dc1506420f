package ai.kinora.cli;

import java.nio.file.Path;
import java.util.Locale;

/** Output file rules shared by the generating commands. */
final class Outputs {

  private Outputs() {}

  /** Refuses anything but an image file name, before any work. */
  static void requireImage(Path output) {
    requireExtension(output, "an image file ending in .png or .jpg", ".png", ".jpg", ".jpeg");
  }

  /** Refuses a file name without one of {@code extensions}: "OUTPUT: choose {@code kind}". */
  static Path requireExtension(Path output, String kind, String... extensions) {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String extension : extensions) {
      if (name.endsWith(extension)) {
        return output;
      }
    }
    throw new IllegalArgumentException(output + ": choose " + kind);
  }

  /** {@code n} variations, refused unless 1 to 64 (each its own numbered file). */
  static int checkedVariations(int n) {
    if (n < 1 || n > 64) {
      throw new IllegalArgumentException("--n must be 1..64, got " + n);
    }
    return n;
  }

  /** out.mp4 and 3 → out-3.mp4. */
  static Path numbered(Path output, int n) {
    String name = output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String numbered = name.substring(0, dot) + "-" + n + name.substring(dot);
    return output.resolveSibling(numbered);
  }
}
