package ai.kinora.media;

import java.util.List;

/** A decoded clip: its frames, all of one size, and its frame rate. A still image is one frame. */
public record Video(List<RgbFrame> frames, double fps) {

  public Video {
    frames = List.copyOf(frames);
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a video has at least one frame");
    }
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("frame rate must be positive, got " + fps);
    }
    RgbFrame first = frames.get(0);
    for (RgbFrame f : frames) {
      if (f.width() != first.width() || f.height() != first.height()) {
        throw new IllegalArgumentException(
            "all frames of a video share one size; found "
                + first.width()
                + "x"
                + first.height()
                + " and "
                + f.width()
                + "x"
                + f.height());
      }
    }
  }

  public int width() {
    return frames.get(0).width();
  }

  public int height() {
    return frames.get(0).height();
  }

  public int frameCount() {
    return frames.size();
  }

  public double durationSeconds() {
    return frames.size() / fps;
  }
}
