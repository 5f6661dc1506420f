package ai.kinora.media;

import java.util.Iterator;

/**
 * A clip decoded one frame at a time, so a long video never has to fit in memory: iterate with
 * {@link #hasNext()} / {@link #next()}, then {@link #close()} (try-with-resources) to free the
 * decoder's native memory.
 *
 * <p>Frames come out exactly as the file holds them, in presentation order: none is dropped or
 * repeated to fit a frame rate, so a clip Kinora wrote reads back with the same frame count. A file
 * with a variable frame rate reports its average rate. Decoding errors and files that end early
 * throw {@link MediaException} from {@code hasNext()} or {@code next()}, after which the source
 * yields nothing more. A source is meant for one thread at a time.
 */
public interface FrameSource extends Iterator<RgbFrame>, AutoCloseable {

  /**
   * What was known before decoding: size, frame rate, codec, container, frame count if recorded.
   */
  MediaInfo info();

  /** Frame width; every frame has this size. */
  default int width() {
    return info().width();
  }

  /** Frame height; every frame has this size. */
  default int height() {
    return info().height();
  }

  /** Frames per second of the clip (for stills and sequences, the rate Kinora assigns). */
  default double fps() {
    return info().fps();
  }

  /** Frames returned by {@link #next()} so far. */
  int framesRead();

  /** Frees native resources; safe to call twice. */
  @Override
  void close();
}
