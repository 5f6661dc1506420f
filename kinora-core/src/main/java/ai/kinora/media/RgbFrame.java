package ai.kinora.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * One RGB frame: {@code width x height} pixels, 3 bytes each (R, G, B), rows top to bottom. The
 * array is shared, not copied: treat a frame as immutable once built.
 */
public record RgbFrame(int width, int height, byte[] rgb) {

  public RgbFrame {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "frame size must be positive, got " + width + "x" + height);
    }
    if (rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "frame of "
              + width
              + "x"
              + height
              + " needs "
              + width * height * 3
              + " bytes, got "
              + rgb.length);
    }
  }

  /** A frame filled with one packed 0xRRGGBB colour. */
  public static RgbFrame filled(int width, int height, int rgb) {
    byte[] data = new byte[width * height * 3];
    for (int i = 0; i < data.length; i += 3) {
      data[i] = (byte) (rgb >> 16);
      data[i + 1] = (byte) (rgb >> 8);
      data[i + 2] = (byte) rgb;
    }
    return new RgbFrame(width, height, data);
  }

  /** Packed 0xRRGGBB at (x, y). */
  public int rgbAt(int x, int y) {
    int i = (y * width + x) * 3;
    return ((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF);
  }

  /** Copies any image into a frame (converting its colour model if needed). */
  public static RgbFrame fromImage(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      byte[] out = new byte[w * h * 3];
      for (int i = 0; i < out.length; i += 3) {
        out[i] = bgr[i + 2];
        out[i + 1] = bgr[i + 1];
        out[i + 2] = bgr[i];
      }
      return new RgbFrame(w, h, out);
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] out = new byte[w * h * 3];
    for (int p = 0, i = 0; p < argb.length; p++, i += 3) {
      out[i] = (byte) (argb[p] >> 16);
      out[i + 1] = (byte) (argb[p] >> 8);
      out[i + 2] = (byte) argb[p];
    }
    return new RgbFrame(w, h, out);
  }

  /** A new {@code TYPE_INT_RGB} image with this frame's pixels. */
  public BufferedImage toImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] packed = new int[width * height];
    for (int p = 0, i = 0; p < packed.length; p++, i += 3) {
      packed[p] = ((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF);
    }
    image.setRGB(0, 0, width, height, packed, 0, width);
    return image;
  }

  /** Mean absolute difference per channel value, in 0..255. Frames must have equal sizes. */
  public double meanAbsoluteError(RgbFrame other) {
    if (other.width != width || other.height != height) {
      throw new IllegalArgumentException(
          "cannot compare a "
              + width
              + "x"
              + height
              + " frame with a "
              + other.width
              + "x"
              + other.height
              + " frame");
    }
    long sum = 0;
    for (int i = 0; i < rgb.length; i++) {
      sum += Math.abs((rgb[i] & 0xFF) - (other.rgb[i] & 0xFF));
    }
    return (double) sum / rgb.length;
  }

  /** Pixel-exact equality (records compare arrays by identity, so this is separate). */
  public boolean samePixels(RgbFrame other) {
    return other.width == width && other.height == height && Arrays.equals(rgb, other.rgb);
  }
}
