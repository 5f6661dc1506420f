package ai.kinora.media;

/**
 * What {@link VideoReader#probe} learns about a media file without decoding its pictures.
 *
 * @param width picture width in pixels (storage pixels; a non-square pixel aspect is not applied)
 * @param height picture height in pixels
 * @param fps frames per second; for stills and image sequences, the rate Kinora assigns (8 unless
 *     the caller chose another)
 * @param frameCount number of frames, or -1 when the container does not record it and only decoding
 *     would tell (WebM, for example)
 * @param codec FFmpeg's short codec name: {@code h264}, {@code vp9}, {@code gif}, {@code png},
 *     {@code mjpeg}, {@code webp}, ...
 * @param container the container: {@code mp4}, {@code mov}, {@code webm}, {@code matroska}, {@code
 *     gif}, {@code png}, {@code png-sequence}, {@code jpeg}, {@code webp}, ...
 */
public record MediaInfo(
    int width, int height, double fps, int frameCount, String codec, String container) {

  /** Length in seconds, or NaN when the frame count is unknown. */
  public double durationSeconds() {
    return frameCount < 0 ? Double.NaN : frameCount / fps;
  }

  /** One line for logs and the CLI: {@code 1280x720 24 fps, 240 frames, h264 in mp4}. */
  public String describe() {
    String rate = fps == Math.rint(fps) ? String.valueOf((long) fps) : String.format("%.3f", fps);
    String frames = frameCount < 0 ? "unknown frame count" : frameCount + " frames";
    return width + "x" + height + " " + rate + " fps, " + frames + ", " + codec + " in "
        + container;
  }
}
