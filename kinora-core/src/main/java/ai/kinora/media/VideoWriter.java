package ai.kinora.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a clip frame by frame to MP4 (H.264), WebM (VP9), GIF, PNG or JPEG (one image), chosen by
 * the extension of the output path; frames are encoded as they arrive, so a long clip never has to
 * be in memory.
 *
 * <pre>{@code
 * try (VideoWriter w = VideoWriter.open(Path.of("out/clip.mp4"), 1280, 720, 24)) {
 *   for (RgbFrame f : frames) w.write(f);
 * }
 * }</pre>
 *
 * <p><b>Atomic output.</b> Everything is written to hidden temporary files beside the output and
 * renamed onto it by a successful {@link #close()}; missing folders are created. If a write fails,
 * or {@link #abort()} is called, the temporary files are deleted and whatever was at the output
 * path is left as it was. A failed {@code write} poisons the writer: {@code close()} then only
 * cleans up. Note that {@code close()} cannot know about an exception thrown by the caller's own
 * code inside try-with-resources; call {@link #abort()} in that case to keep the old file.
 *
 * <p><b>Formats.</b> MP4 and WebM are yuv420p, which halves the colour resolution in both
 * directions, so both need an even width and height: an odd size is refused with a clear error
 * rather than silently padded or stretched (Kinora's canvases are multiples of 8; resize a user's
 * odd-sized video first). GIF uses one palette computed from the whole clip, exact when the clip
 * has at most 256 colours, and supports at most 50 fps (delays are whole hundredths of a second and
 * browsers slow shorter ones down). A path ending in {@code .png} writes a single image and rejects
 * a second frame; a printf pattern such as {@code frames/f_%04d.png} writes a sequence numbered
 * from 0, replacing the files of an older, longer sequence under the same pattern. PNG stores no
 * frame rate.
 */
public final class VideoWriter implements AutoCloseable {

  /** What each format's encoder does with the frames. */
  interface FrameSink {
    void write(RgbFrame frame) throws Exception;

    void finish() throws Exception;

    void discard();
  }

  private final Path out;
  private final MediaFormat format;
  private final int width;
  private final int height;
  private final StagedOutput staged;
  private final FrameSink sink;
  private final boolean sequence;
  private final String comment; // the file's comment (metadata), or null
  private int written;
  private boolean failed;
  private boolean closed;

  private VideoWriter(
      Path out,
      MediaFormat format,
      int width,
      int height,
      double fps,
      EncodeOptions options,
      String comment) {
    this.out = out;
    this.format = format;
    this.width = width;
    this.height = height;
    this.sequence = format == MediaFormat.PNG && ImageSequence.isPattern(out);
    this.comment = comment;
    this.staged = new StagedOutput(out);
    try {
      this.sink =
          switch (format) {
            case MP4, WEBM ->
                new FfmpegEncoder(
                    out, staged.stage(out), format, width, height, fps, options, comment);
            case GIF ->
                new GifEncoder(staged.stage(out), staged.scratch(out), width, height, fps, comment);
            case PNG, JPEG -> new StillSink();
            default -> throw new MediaException(out, "Kinora cannot write " + format);
          };
    } catch (IOException e) {
      staged.discard();
      throw new MediaException(out, "could not be created (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      staged.discard();
      throw e;
    }
  }

  /** Opens {@code out} for a clip of {@code width x height} at {@code fps}, default settings. */
  public static VideoWriter open(Path out, int width, int height, double fps) {
    return open(out, width, height, fps, EncodeOptions.DEFAULT);
  }

  /** As {@link #open(Path, int, int, double)} with encoder settings for MP4 and WebM. */
  public static VideoWriter open(
      Path out, int width, int height, double fps, EncodeOptions options) {
    return open(out, width, height, fps, options, null);
  }

  /**
   * As {@link #open(Path, int, int, double, EncodeOptions)}, with a comment stored in the file's
   * metadata: MP4 and WebM {@code comment}, a GIF comment extension, a PNG {@code Comment} text
   * chunk, a JPEG COM segment (read back by {@link MediaComment#read}). Use ASCII for a comment
   * every format keeps as it is; null for none.
   */
  public static VideoWriter open(
      Path out, int width, int height, double fps, EncodeOptions options, String comment) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "frame size must be positive, got " + width + "x" + height);
    }
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("frame rate must be positive, got " + fps);
    }
    MediaFormat format = MediaFormat.forWriting(out);
    boolean yuv420 = format == MediaFormat.MP4 || format == MediaFormat.WEBM;
    if (yuv420 && (width % 2 != 0 || height % 2 != 0)) {
      throw new MediaException(
          out,
          (format == MediaFormat.MP4 ? "MP4" : "WebM")
              + " needs an even width and height (yuv420p stores colour at half size); "
              + width
              + "x"
              + height
              + " is odd: resize or crop to an even size first (Resample.resize), or write"
              + " GIF or PNG");
    }
    if (format == MediaFormat.GIF && fps > 50) {
      throw new MediaException(
          out,
          "GIF cannot play faster than 50 fps (frame delays are whole hundredths of a second,"
              + " and browsers slow shorter ones down); got "
              + MediaException.rate(fps)
              + " fps: use Resample.changeFps first, or write MP4");
    }
    return new VideoWriter(out, format, width, height, fps, options, comment);
  }

  /** Writes {@code video} to {@code out} with default settings. */
  public static void write(Path out, Video video) {
    write(out, video, EncodeOptions.DEFAULT);
  }

  /** Writes {@code video} to {@code out}. */
  public static void write(Path out, Video video, EncodeOptions options) {
    try (VideoWriter w = open(out, video.width(), video.height(), video.fps(), options)) {
      for (RgbFrame f : video.frames()) {
        w.write(f);
      }
    }
  }

  /**
   * Writes {@code frames} frames produced by {@code frameAt} (called with 0, 1, ...) to {@code
   * out}. If producing or encoding any frame fails, the partial output is discarded and {@code out}
   * is left as it was: use this rather than try-with-resources when frames come from code that can
   * throw, since {@link #close()} cannot see the caller's exception.
   *
   * @param progress called after each frame is written (may be a no-op)
   */
  public static void write(
      Path out,
      int width,
      int height,
      double fps,
      int frames,
      java.util.function.IntFunction<RgbFrame> frameAt,
      Runnable progress) {
    write(out, width, height, fps, frames, frameAt, progress, null);
  }

  /** As the method above, with a comment in the file's metadata (see {@link #open}). */
  public static void write(
      Path out,
      int width,
      int height,
      double fps,
      int frames,
      java.util.function.IntFunction<RgbFrame> frameAt,
      Runnable progress,
      String comment) {
    VideoWriter writer = open(out, width, height, fps, EncodeOptions.DEFAULT, comment);
    try {
      for (int i = 0; i < frames; i++) {
        writer.write(frameAt.apply(i));
        progress.run();
      }
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    writer.close();
  }

  /** Encodes one more frame; it must have the size the writer was opened with. */
  public void write(RgbFrame frame) {
    Objects.requireNonNull(frame, "frame");
    if (closed) {
      throw new IllegalStateException(out + ": the writer is closed");
    }
    if (failed) {
      throw new IllegalStateException(out + ": an earlier write failed; nothing more is written");
    }
    if (frame.width() != width || frame.height() != height) {
      failed = true;
      throw new MediaException(
          out,
          "frame "
              + written
              + " is "
              + frame.width()
              + "x"
              + frame.height()
              + " but the writer was opened for "
              + width
              + "x"
              + height
              + "; every frame of a clip has one size (see Resample.resize)");
    }
    try {
      sink.write(frame);
      written++;
    } catch (MediaException e) {
      failed = true;
      throw e;
    } catch (Exception e) {
      failed = true;
      throw new MediaException(
          out, "frame " + written + " could not be written (" + e.getMessage() + ")", e);
    }
  }

  /** Frames written so far. */
  public int framesWritten() {
    return written;
  }

  /** The format chosen from the output path's extension. */
  public MediaFormat format() {
    return format;
  }

  /** Drops everything written so far; the output path is left untouched. Safe to call twice. */
  public void abort() {
    if (!closed) {
      closed = true;
      sink.discard();
      staged.discard();
    }
  }

  /**
   * Finishes the file and renames it onto the output path. After a failed write this only deletes
   * the temporary files (the failure was already reported).
   *
   * @throws MediaException if no frame was written or finishing the file failed; the output path is
   *     then untouched
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (failed) {
      abort();
      return;
    }
    if (written == 0) {
      abort();
      throw new MediaException(out, "no frames were written, so no file was made");
    }
    closed = true;
    try {
      sink.finish();
      staged.commit();
    } catch (MediaException e) {
      sink.discard();
      staged.discard();
      throw e;
    } catch (Exception e) {
      sink.discard();
      staged.discard();
      throw new MediaException(out, "could not be finished (" + e.getMessage() + ")", e);
    }
    if (sequence) {
      removeStaleFrames();
    }
  }

  /** Frames numbered past the new end belong to an older sequence and would be read as ours. */
  private void removeStaleFrames() {
    for (int i = written; Files.exists(ImageSequence.frame(out, i)); i++) {
      try {
        Files.delete(ImageSequence.frame(out, i));
      } catch (IOException e) {
        throw new MediaException(
            ImageSequence.frame(out, i),
            "is left over from an older, longer sequence and could not be deleted (" + e + ")",
            e);
      }
    }
  }

  /** PNG and JPEG: each frame is encoded into its staged file as soon as it arrives. */
  private final class StillSink implements FrameSink {
    @Override
    public void write(RgbFrame frame) throws IOException {
      if (!sequence && written > 0) {
        throw new MediaException(
            out,
            "a ."
                + MediaFormat.extensionOf(out)
                + " path holds one image, but a second frame was written"
                + (format == MediaFormat.PNG
                    ? "; use a numbered pattern such as " + patternHint() + " for a sequence"
                    : "; write .mp4, or a numbered .png pattern, for a sequence"));
      }
      Path target = sequence ? ImageSequence.frame(out, written) : out;
      if (format == MediaFormat.PNG) {
        PngFile.write(frame, staged.stage(target), comment);
      } else {
        JpegFile.write(frame, staged.stage(target), comment);
      }
    }

    private String patternHint() {
      String name = out.getFileName().toString();
      return name.substring(0, name.length() - ".png".length()) + "_%04d.png";
    }

    @Override
    public void finish() {}

    @Override
    public void discard() {}
  }
}
