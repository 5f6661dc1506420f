package ai.kinora.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * PNG image sequences named by a printf pattern such as {@code frames/f_%04d.png}, and the {@link
 * FrameSource} that reads PNG files (one still, or a sequence) one frame at a time.
 *
 * <p>The pattern holds exactly one {@code %d} or {@code %0Nd} in the file name (a literal percent
 * sign is {@code %%}). Kinora writes sequences numbered from 0. Reading starts at 0, or at 1 when
 * there is no frame 0 (other tools often count from 1), and stops at the first missing number.
 */
final class ImageSequence {

  private ImageSequence() {}

  /** Whether the file name of {@code path} is a sequence pattern (checked for validity). */
  static boolean isPattern(Path path) {
    Path name = path.getFileName();
    if (name == null || name.toString().indexOf('%') < 0) {
      return false;
    }
    conversions(path, name.toString());
    return true;
  }

  /** The file of frame {@code index} of the sequence {@code pattern}. */
  static Path frame(Path pattern, int index) {
    String name = pattern.getFileName().toString();
    return pattern.resolveSibling(String.format(Locale.ROOT, name, index));
  }

  /** The files of the sequence that exist, in order, from 0 (or 1) to the first gap. */
  static List<Path> existing(Path pattern) {
    int start = Files.exists(frame(pattern, 0)) ? 0 : 1;
    List<Path> files = new ArrayList<>();
    for (int i = start; Files.exists(frame(pattern, i)); i++) {
      files.add(frame(pattern, i));
    }
    return files;
  }

  /** Validates the pattern, naming the file in the error; returns the number of conversions. */
  private static int conversions(Path path, String name) {
    int count = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) != '%') {
        continue;
      }
      int j = i + 1;
      if (j < name.length() && name.charAt(j) == '%') {
        i = j;
        continue;
      }
      while (j < name.length() && Character.isDigit(name.charAt(j))) {
        j++;
      }
      boolean widthOk = j == i + 1 || name.charAt(i + 1) == '0' && j - i - 2 <= 2;
      if (j >= name.length() || name.charAt(j) != 'd' || !widthOk) {
        throw new MediaException(
            path,
            "bad frame-number pattern: use %d or %0Nd (like f_%04d.png), and %% for a percent sign");
      }
      count++;
      i = j;
    }
    if (count != 1) {
      throw new MediaException(
          path, "a frame-number pattern needs exactly one %d or %0Nd in the file name");
    }
    return count;
  }

  /** A source over one PNG still. */
  static FrameSource single(Path file, double fps) {
    RgbFrame first = PngFile.read(file);
    return new PngSource(List.of(file), first, fps, "png");
  }

  /** A source over the PNG sequence {@code pattern}. */
  static FrameSource sequence(Path pattern, double fps) {
    Path parent = pattern.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new MediaException(pattern, "there is no such folder: " + parent);
    }
    List<Path> files = existing(pattern);
    if (files.isEmpty()) {
      throw new MediaException(
          pattern,
          "no frames of this sequence exist (looked for "
              + frame(pattern, 0).getFileName()
              + " and "
              + frame(pattern, 1).getFileName()
              + ")");
    }
    return new PngSource(files, PngFile.read(files.get(0)), fps, "png-sequence");
  }

  /** Decodes the next file on each {@link #next()}; only the first is decoded up front. */
  private static final class PngSource implements FrameSource {
    private final List<Path> files;
    private final MediaInfo info;
    private RgbFrame first;
    private int index;

    PngSource(List<Path> files, RgbFrame first, double fps, String container) {
      this.files = files;
      this.first = first;
      this.info = new MediaInfo(first.width(), first.height(), fps, files.size(), "png", container);
    }

    @Override
    public MediaInfo info() {
      return info;
    }

    @Override
    public int framesRead() {
      return index;
    }

    @Override
    public boolean hasNext() {
      return index < files.size();
    }

    @Override
    public RgbFrame next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more frames");
      }
      Path file = files.get(index);
      RgbFrame f = first != null ? first : PngFile.read(file);
      first = null;
      if (f.width() != info.width() || f.height() != info.height()) {
        throw new MediaException(
            file,
            "is "
                + f.width()
                + "x"
                + f.height()
                + " but the sequence's first frame, "
                + files.get(0).getFileName()
                + ", is "
                + info.width()
                + "x"
                + info.height());
      }
      index++;
      return f;
    }

    @Override
    public void close() {
      first = null;
      index = files.size();
    }
  }
}
