package ai.kinora.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads videos and images into {@link Video}s: MP4, WebM and MOV through FFmpeg, GIF (animated or
 * still) through FFmpeg with its timing read from the file, JPEG and WebP through FFmpeg, and PNG
 * (one image or a numbered sequence such as {@code frames/f_%04d.png}) through ImageIO.
 *
 * <p>Stills and image sequences carry no timing; Kinora gives them {@value #UNTIMED_FPS} fps, its
 * default rate, unless the caller passes another. A still is a one-frame video.
 *
 * <p>Every failure is a {@link MediaException} naming the file and the problem: a missing file, a
 * directory, an empty or text file, an unknown extension, a damaged or truncated file, a file with
 * no video stream. FFmpeg's probing is bounded (5 MB, 5 s of media) so no file makes a read hang,
 * and FFmpeg's own log is kept off the terminal.
 */
public final class VideoReader {

  /** The frame rate given to stills and image sequences, which store none: Kinora's default. */
  public static final double UNTIMED_FPS = 8;

  private VideoReader() {}

  /**
   * Decodes every frame of {@code in} into memory; stills and sequences get {@value #UNTIMED_FPS}
   * fps. A long video needs a lot of memory this way (a minute of 1280x720 at 24 fps is 4 GB): use
   * {@link #open(Path)} to process it frame by frame.
   */
  public static Video read(Path in) {
    return read(in, UNTIMED_FPS);
  }

  /** As {@link #read(Path)}, giving stills and image sequences the rate {@code untimedFps}. */
  public static Video read(Path in, double untimedFps) {
    try (FrameSource source = open(in, untimedFps)) {
      List<RgbFrame> frames = new ArrayList<>();
      while (source.hasNext()) {
        frames.add(source.next());
      }
      return new Video(frames, source.fps());
    }
  }

  /**
   * Opens {@code in} for decoding frame by frame; close the source when done. Size, rate and codec
   * are known at once through {@link FrameSource#info()}.
   */
  public static FrameSource open(Path in) {
    return open(in, UNTIMED_FPS);
  }

  /** As {@link #open(Path)}, giving stills and image sequences the rate {@code untimedFps}. */
  public static FrameSource open(Path in, double untimedFps) {
    if (!(untimedFps > 0) || Double.isInfinite(untimedFps)) {
      throw new IllegalArgumentException("frame rate must be positive, got " + untimedFps);
    }
    MediaFormat format = MediaFormat.forPath(in);
    try {
      if (format == MediaFormat.PNG && ImageSequence.isPattern(in)) {
        return guard(in, ImageSequence.sequence(in, untimedFps));
      }
      precheck(in, format);
      FrameSource source =
          switch (format) {
            case PNG -> ImageSequence.single(in, untimedFps);
            case GIF -> {
              GifTiming timing = GifTiming.read(in);
              yield FfmpegDecoder.open(
                  in, format, untimedFps, timing.fps(untimedFps), timing.frameCount());
            }
            default -> FfmpegDecoder.open(in, format, untimedFps, Double.NaN, -1);
          };
      return guard(in, source);
    } catch (MediaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unexpected(in, e);
    }
  }

  /**
   * Size, frame rate, frame count (when known without decoding), codec and container of {@code in}.
   * Stills and sequences report {@value #UNTIMED_FPS} fps.
   */
  public static MediaInfo probe(Path in) {
    MediaFormat format = MediaFormat.forPath(in);
    if (format == MediaFormat.PNG && !ImageSequence.isPattern(in)) {
      // A PNG's header holds its size: no need to decode the picture.
      precheck(in, format);
      int[] size = PngFile.size(in);
      return new MediaInfo(size[0], size[1], UNTIMED_FPS, 1, "png", "png");
    }
    try (FrameSource source = open(in)) {
      return source.info();
    }
  }

  /** The checks every file gets before a decoder (or a metadata reader) sees it. */
  static void precheck(Path in, MediaFormat format) {
    MediaException.requireReadableFile(in);
    if (MediaException.looksLikeText(in)) {
      throw new MediaException(
          in, "is a text file, not " + (format.stillImage() ? "an image" : "a video"));
    }
  }

  private static MediaException unexpected(Path in, RuntimeException e) {
    return new MediaException(in, "could not be read (" + e.getMessage() + ")", e);
  }

  /**
   * Wraps a source so that a failure while decoding (a library's runtime exception, not only our
   * own) still reaches the caller as a {@link MediaException} naming the file.
   */
  private static FrameSource guard(Path in, FrameSource inner) {
    return new FrameSource() {
      @Override
      public MediaInfo info() {
        return inner.info();
      }

      @Override
      public int framesRead() {
        return inner.framesRead();
      }

      @Override
      public boolean hasNext() {
        try {
          return inner.hasNext();
        } catch (MediaException e) {
          throw e;
        } catch (RuntimeException e) {
          throw unexpected(in, e);
        }
      }

      @Override
      public RgbFrame next() {
        try {
          return inner.next();
        } catch (MediaException | java.util.NoSuchElementException e) {
          throw e;
        } catch (RuntimeException e) {
          throw unexpected(in, e);
        }
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }
}
