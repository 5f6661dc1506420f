package ai.kinora.media;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Reads and writes single PNG images losslessly with the JDK's ImageIO, after checking the file's
 * chunk structure and CRCs so that a damaged PNG is reported as such rather than decoded into a
 * picture with garbage in it (ImageIO does not verify chunk CRCs).
 *
 * <p>Alpha is dropped (pixels keep their stored colour), 16-bit samples are reduced to 8 bits, grey
 * becomes equal R, G and B, and an animated PNG yields its default image only.
 */
final class PngFile {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private PngFile() {}

  /** Width and height from the header, after checking the whole file's structure. */
  static int[] size(Path file) {
    byte[] data = readChecked(file);
    return new int[] {int32(data, 16), int32(data, 20)};
  }

  /** Decodes {@code file} into a frame. */
  static RgbFrame read(Path file) {
    byte[] data = readChecked(file);
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(data));
    } catch (IOException | RuntimeException e) {
      throw new MediaException(
          file, "the PNG data could not be decoded (" + e.getMessage() + ")", e);
    }
    if (image == null) {
      throw new MediaException(file, "the PNG data could not be decoded");
    }
    return toFrame(image);
  }

  /**
   * Grey PNGs decode to images in Java's linear grey colour space, whose {@code getRGB} converts to
   * sRGB and so brightens every mid-tone (128 reads as 188). PNG grey is already display grey: its
   * samples are copied as they are, scaled to 8 bits.
   */
  static RgbFrame toFrame(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    if (cm instanceof IndexColorModel || cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY) {
      return RgbFrame.fromImage(image);
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int bits = cm.getComponentSize(0);
    int max = (1 << bits) - 1;
    Raster raster = image.getRaster();
    byte[] rgb = new byte[w * h * 3];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        byte v = (byte) ((row[x] * 255 + max / 2) / max);
        int i = (y * w + x) * 3;
        rgb[i] = v;
        rgb[i + 1] = v;
        rgb[i + 2] = v;
      }
    }
    return new RgbFrame(w, h, rgb);
  }

  /** Writes {@code frame} as an 8-bit RGB PNG to {@code target} (a staged temporary file). */
  static void write(RgbFrame frame, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      if (!ImageIO.write(frame.toImage(), "png", out)) {
        throw new IOException("the JDK has no PNG writer");
      }
    }
  }

  private static byte[] readChecked(Path file) {
    MediaException.requireReadableFile(file);
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MediaException(file, "the file cannot be read (" + e.getMessage() + ")", e);
    }
    check(file, data);
    return data;
  }

  /** Throws a {@link MediaException} naming the first structural problem of a PNG file. */
  static void check(Path file, byte[] data) {
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (i >= data.length || data[i] != SIGNATURE[i]) {
        throw new MediaException(file, "not a PNG file (the PNG signature is missing)");
      }
    }
    CRC32 crc = new CRC32();
    int p = SIGNATURE.length;
    boolean first = true;
    while (true) {
      if (p + 8 > data.length) {
        throw new MediaException(
            file, "the file ends early (truncated): no IEND chunk after byte " + p);
      }
      long length = int32(data, p) & 0xFFFFFFFFL;
      String type = new String(data, p + 4, 4, StandardCharsets.ISO_8859_1);
      if (!type.chars().allMatch(Character::isLetter)) {
        throw new MediaException(file, "damaged PNG: invalid chunk type at byte " + p);
      }
      if (p + 12 + length > data.length) {
        throw new MediaException(
            file, "the file ends early (truncated) inside the " + type + " chunk at byte " + p);
      }
      if (first && !type.equals("IHDR")) {
        throw new MediaException(file, "damaged PNG: the first chunk is " + type + ", not IHDR");
      }
      if (first && length < 13) {
        throw new MediaException(file, "damaged PNG: the IHDR chunk is too short");
      }
      first = false;
      crc.reset();
      crc.update(data, p + 4, (int) length + 4);
      int stored = int32(data, p + 8 + (int) length);
      if ((int) crc.getValue() != stored) {
        throw new MediaException(
            file,
            "PNG CRC error in the " + type + " chunk at byte " + p + " (the file is damaged)");
      }
      p += 12 + (int) length;
      if (type.equals("IEND")) {
        return;
      }
    }
  }

  private static int int32(byte[] b, int i) {
    return (b[i] & 0xFF) << 24
        | (b[i + 1] & 0xFF) << 16
        | (b[i + 2] & 0xFF) << 8
        | (b[i + 3] & 0xFF);
  }
}
