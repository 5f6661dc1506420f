package ai.kinora.media;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The media formats Kinora reads and writes, chosen by file extension.
 *
 * <p>Kinora writes MP4 (H.264), WebM (VP9), GIF, PNG (one image, or a numbered sequence when the
 * file name holds a printf pattern such as {@code f_%04d.png}) and JPEG (one image). It also reads
 * WebP and MOV, which it never writes. The extension decides the format; the contents are checked
 * when the file is opened, so a misnamed file fails with a message rather than being guessed at.
 */
public enum MediaFormat {
  /** H.264 video in an MP4 container, yuv420p, faststart: plays in every browser. */
  MP4(true, "mp4"),
  /** VP9 video in a WebM container, yuv420p. */
  WEBM(true, "webm"),
  /** QuickTime movie, any codec FFmpeg decodes (read only). */
  MOV(false, "mov"),
  /** Animated (or still) GIF with one palette computed from the whole clip. */
  GIF(true, "gif"),
  /** Lossless PNG: a single image, or a numbered sequence for a printf-pattern name. */
  PNG(true, "png"),
  /** JPEG still image (one; quality 0.92, 4:2:0). */
  JPEG(true, "jpg", "jpeg"),
  /** WebP still image (read only). */
  WEBP(false, "webp");

  private final boolean writable;
  private final List<String> extensions;

  MediaFormat(boolean writable, String... extensions) {
    this.writable = writable;
    this.extensions = List.of(extensions);
  }

  /** Whether {@link VideoWriter} can produce this format. */
  public boolean writable() {
    return writable;
  }

  /** Lower-case extensions without the dot, the usual one first. */
  public List<String> extensions() {
    return extensions;
  }

  /** The usual extension, e.g. {@code "mp4"}. */
  public String extension() {
    return extensions.get(0);
  }

  /** Whether files of this format hold exactly one picture each (a sequence is many files). */
  public boolean stillImage() {
    return this == PNG || this == JPEG || this == WEBP;
  }

  /**
   * The format for {@code path}, by its extension (case-insensitive).
   *
   * @throws MediaException naming the file and listing the extensions Kinora reads
   */
  public static MediaFormat forPath(Path path) {
    String ext = extensionOf(path);
    for (MediaFormat f : values()) {
      if (f.extensions.contains(ext)) {
        return f;
      }
    }
    String known = readableExtensions();
    if (ext.isEmpty()) {
      throw new MediaException(path, "the file name has no extension; Kinora reads " + known);
    }
    throw new MediaException(path, "unsupported extension ." + ext + "; Kinora reads " + known);
  }

  /**
   * The format for writing {@code path}.
   *
   * @throws MediaException if the extension is unknown or names a format Kinora only reads
   */
  public static MediaFormat forWriting(Path path) {
    String ext = extensionOf(path);
    boolean known = Arrays.stream(values()).anyMatch(f -> f.extensions.contains(ext));
    if (!known) {
      String problem =
          ext.isEmpty() ? "the file name has no extension" : "unsupported extension ." + ext;
      throw new MediaException(path, problem + "; Kinora writes " + writableExtensions());
    }
    MediaFormat f = forPath(path);
    if (!f.writable) {
      throw new MediaException(
          path,
          "Kinora reads ."
              + ext
              + " files but does not write them; it writes "
              + writableExtensions());
    }
    return f;
  }

  /** ".mp4 .m4v .webm ..." for messages. */
  static String readableExtensions() {
    return Arrays.stream(values())
        .flatMap(f -> f.extensions.stream())
        .map(e -> "." + e)
        .collect(Collectors.joining(" "));
  }

  static String writableExtensions() {
    return Arrays.stream(values())
        .filter(MediaFormat::writable)
        .map(f -> "." + f.extension())
        .collect(Collectors.joining(" "));
  }

  /** The lower-case extension of the file name, without the dot; empty if there is none. */
  static String extensionOf(Path path) {
    Path name = path.getFileName();
    if (name == null) {
      return "";
    }
    String s = name.toString();
    int dot = s.lastIndexOf('.');
    // ".hidden" is a name, not an extension.
    return dot <= 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
