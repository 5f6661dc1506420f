package ai.kinora.media;

import java.nio.file.Path;

/**
 * A media file could not be read or written; the message names the file and says what is wrong in
 * plain words, for example {@code "clip.mp4: the file is empty"}.
 *
 * <p>Every failure of this package surfaces as this one unchecked type so that callers (the CLI in
 * particular) can print {@link #getMessage()} as it is and stop: the message is written for a user,
 * not for a developer, and never carries FFmpeg's raw log or a native stack trace. The underlying
 * library exception, when there is one, is kept as the cause for debugging.
 */
public class MediaException extends RuntimeException {

  private final transient Path file;
  private final String problem;

  /** A failure concerning {@code file}; {@code problem} completes the sentence after the name. */
  public MediaException(Path file, String problem) {
    this(file, problem, null);
  }

  /** As {@link #MediaException(Path, String)}, keeping the library exception that led to it. */
  public MediaException(Path file, String problem, Throwable cause) {
    super(compose(file, problem), cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file the failure concerns (as the caller named it), or null if none. */
  public Path file() {
    return file;
  }

  /** The message without the file name in front. */
  public String problem() {
    return problem;
  }

  private static String compose(Path file, String problem) {
    if (file == null) {
      return problem;
    }
    // "x.mkv contains no video stream" reads better without a colon; everything else gets one.
    if (problem.startsWith("contains ") || problem.startsWith("is ")) {
      return file + " " + problem;
    }
    return file + ": " + problem;
  }

  /** "1 frame", "3 frames": counts in messages. */
  static String frames(long n) {
    return n == 1 ? "1 frame" : n + " frames";
  }

  /** "8" or "29.970": frame rates in messages. */
  static String rate(double fps) {
    return fps == Math.rint(fps)
        ? Long.toString((long) fps)
        : String.format(java.util.Locale.ROOT, "%.3f", fps);
  }

  /** "the file is empty", "there is no such file", ... for the checks every reader runs first. */
  static void requireReadableFile(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
    if (!java.nio.file.Files.exists(file)) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
        throw new MediaException(
            file, "there is no such file (its folder " + parent + " is missing)");
      }
      throw new MediaException(file, "there is no such file");
    }
    if (java.nio.file.Files.isDirectory(file)) {
      throw new MediaException(file, "is a directory, not a media file");
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      // Devices and pipes could block FFmpeg forever; Kinora only reads ordinary files.
      throw new MediaException(file, "is not a regular file (a device, pipe or socket)");
    }
    if (!java.nio.file.Files.isReadable(file)) {
      throw new MediaException(file, "the file cannot be read (permission denied)");
    }
    long size;
    try {
      size = java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      throw new MediaException(file, "the file cannot be read (" + e.getMessage() + ")", e);
    }
    if (size == 0) {
      throw new MediaException(file, "the file is empty");
    }
  }

  /**
   * True when the first bytes of {@code file} look like plain text: video and image files all carry
   * binary headers within their first few bytes, so a printable start means someone passed a
   * script, a log or a note by mistake, and saying so is clearer than FFmpeg's "invalid data".
   */
  static boolean looksLikeText(Path file) {
    byte[] head = new byte[512];
    int n;
    try (var in = java.nio.file.Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (java.io.IOException e) {
      return false;
    }
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      boolean text = b == '\t' || b == '\n' || b == '\r' || (b >= 0x20 && b != 0x7F);
      if (!text) {
        return false;
      }
    }
    return true;
  }
}
