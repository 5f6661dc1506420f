package ai.kinora.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.media.RgbFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames to tensors and back, and the VAE's rules for clips that do not fit it. Pixel value v in
 * 0..255 maps to v / 127.5 - 1 in [-1, 1]; back, values are clamped and rounded.
 *
 * <p>Lengths: the VAE takes 1 + 4k frames. A clip of another length is padded by repeating its last
 * frame up to the next 1 + 4k and trimmed back after decoding (repeating rather than adding black
 * keeps the padding as cheap to encode as a still ending). Sizes: the VAE takes sides that are
 * multiples of 8; other frames are padded on the right and bottom by repeating their edge pixels,
 * and cropped back after decoding.
 */
public final class VideoTensors {

  private VideoTensors() {}

  /** One clip as (1, 3, T, H, W) in [-1, 1]. */
  public static NDArray fromFrames(NDManager manager, List<RgbFrame> frames) {
    return fromClips(manager, List.of(frames));
  }

  /** Clips of equal size and length as (B, 3, T, H, W) in [-1, 1]. */
  public static NDArray fromClips(NDManager manager, List<List<RgbFrame>> clips) {
    RgbFrame first = clips.get(0).get(0);
    int t = clips.get(0).size();
    int w = first.width();
    int h = first.height();
    int plane = w * h;
    float[] values = new float[clips.size() * 3 * t * plane];
    int base = 0;
    for (List<RgbFrame> clip : clips) {
      if (clip.size() != t) {
        throw new IllegalArgumentException(
            "clips of one batch share a length: " + t + " and " + clip.size());
      }
      for (int f = 0; f < t; f++) {
        RgbFrame frame = clip.get(f);
        if (frame.width() != w || frame.height() != h) {
          throw new IllegalArgumentException(
              "frames of one batch share a size: "
                  + w
                  + "x"
                  + h
                  + " and "
                  + frame.width()
                  + "x"
                  + frame.height());
        }
        byte[] rgb = frame.rgb();
        for (int c = 0; c < 3; c++) {
          int out = base + (c * t + f) * plane; // channel-major: (C, T, H, W)
          for (int p = 0, i = c; p < plane; p++, i += 3) {
            values[out + p] = (rgb[i] & 0xFF) / 127.5f - 1f;
          }
        }
      }
      base += 3 * t * plane;
    }
    return manager.create(values, new Shape(clips.size(), 3, t, h, w)); // (B, 3, T, H, W)
  }

  /** The frames of clip {@code index} of a (B, 3, T, H, W) tensor. */
  public static List<RgbFrame> toFrames(NDArray video, int index) {
    Shape s = video.getShape();
    if (s.dimension() != 5 || s.get(1) != 3) {
      throw new IllegalArgumentException("need a video (B, 3, T, H, W), got " + s);
    }
    float[] values = video.get(index).toFloatArray(); // (3, T, H, W)
    int t = (int) s.get(2);
    int h = (int) s.get(3);
    int w = (int) s.get(4);
    int plane = w * h;
    List<RgbFrame> frames = new ArrayList<>(t);
    for (int f = 0; f < t; f++) {
      byte[] rgb = new byte[plane * 3];
      for (int c = 0; c < 3; c++) {
        int in = (c * t + f) * plane;
        for (int p = 0, i = c; p < plane; p++, i += 3) {
          rgb[i] = toByte(values[in + p]);
        }
      }
      frames.add(new RgbFrame(w, h, rgb));
    }
    return frames;
  }

  /** The frames of the first clip of a (B, 3, T, H, W) tensor. */
  public static List<RgbFrame> toFrames(NDArray video) {
    return toFrames(video, 0);
  }

  static byte toByte(float v) {
    int i = Math.round((v + 1f) * 127.5f);
    return (byte) (i < 0 ? 0 : Math.min(i, 255));
  }

  /** The VAE length for a clip of {@code frames} frames: the next 1 + 4k at or above it. */
  public static int paddedLength(int frames) {
    if (frames < 1) {
      throw new IllegalArgumentException("a clip has at least one frame, got " + frames);
    }
    int k = (frames - 1 + VaeConfig.TEMPORAL_FACTOR - 1) / VaeConfig.TEMPORAL_FACTOR;
    return 1 + VaeConfig.TEMPORAL_FACTOR * k;
  }

  /** {@code frames} followed by copies of its last frame up to {@link #paddedLength}. */
  public static List<RgbFrame> padLength(List<RgbFrame> frames) {
    List<RgbFrame> out = new ArrayList<>(frames);
    while (out.size() < paddedLength(frames.size())) {
      out.add(frames.get(frames.size() - 1));
    }
    return out;
  }

  /** The next multiple of 8 at or above {@code side}. */
  public static int paddedSide(int side) {
    int f = VaeConfig.SPATIAL_FACTOR;
    return (side + f - 1) / f * f;
  }

  /** {@code frame} extended on the right and bottom to sides that are multiples of 8. */
  public static RgbFrame padSize(RgbFrame frame) {
    int w = paddedSide(frame.width());
    int h = paddedSide(frame.height());
    if (w == frame.width() && h == frame.height()) {
      return frame;
    }
    byte[] src = frame.rgb();
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      int sy = Math.min(y, frame.height() - 1);
      System.arraycopy(src, sy * frame.width() * 3, out, y * w * 3, frame.width() * 3);
      int edge = (sy * frame.width() + frame.width() - 1) * 3;
      for (int x = frame.width(); x < w; x++) {
        System.arraycopy(src, edge, out, (y * w + x) * 3, 3);
      }
    }
    return new RgbFrame(w, h, out);
  }

  /** The top-left {@code width x height} of {@code frame} (undoes {@link #padSize}). */
  public static RgbFrame cropSize(RgbFrame frame, int width, int height) {
    if (width == frame.width() && height == frame.height()) {
      return frame;
    }
    byte[] out = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      System.arraycopy(frame.rgb(), y * frame.width() * 3, out, y * width * 3, width * 3);
    }
    return new RgbFrame(width, height, out);
  }
}
