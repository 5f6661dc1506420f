package ai.kinora.train;

import ai.kinora.media.RgbFrame;

/** Cutting rectangles out of frames, for training crops. */
final class Crops {

  private Crops() {}

  /** The {@code w x h} region of {@code f} whose top-left corner is ({@code x0}, {@code y0}). */
  static RgbFrame crop(RgbFrame f, int x0, int y0, int w, int h) {
    if (x0 < 0 || y0 < 0 || x0 + w > f.width() || y0 + h > f.height()) {
      throw new IllegalArgumentException(
          "crop "
              + w
              + "x"
              + h
              + " at "
              + x0
              + ","
              + y0
              + " leaves a "
              + f.width()
              + "x"
              + f.height()
              + " frame");
    }
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      System.arraycopy(f.rgb(), ((y0 + y) * f.width() + x0) * 3, out, y * w * 3, w * 3);
    }
    return new RgbFrame(w, h, out);
  }
}
