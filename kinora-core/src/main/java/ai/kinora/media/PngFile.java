package ai.kinora.media;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reads and writes single PNG images losslessly with the JDK's ImageIO, after checking the file's
 * chunk structure and CRCs so that a damaged PNG is reported as such rather than decoded into a
 * picture with garbage in it (ImageIO does not verify chunk CRCs).
 *
 * <p>Alpha is dropped (pixels keep their stored colour), 16-bit samples are reduced to 8 bits, grey
 * becomes equal R, G and B, and an animated PNG yields its default image only.
 */
final class PngFile {

  private static final String PNG_METADATA = "javax_imageio_png_1.0";
  private static final String COMMENT_KEYWORD = "Comment";

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

  /**
   * Writes {@code frame} as an 8-bit RGB PNG to {@code target} (a staged temporary file), with a
   * {@code Comment} text chunk when {@code comment} is not null (Latin-1, as PNG text is).
   */
  static void write(RgbFrame frame, Path target, String comment) throws IOException {
    BufferedImage image = frame.toImage();
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IOException("the JDK has no PNG writer");
    }
    ImageWriter writer = writers.next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
      IIOMetadata meta = null;
      if (comment != null) {
        meta =
            writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", COMMENT_KEYWORD);
        entry.setAttribute("value", comment);
        text.appendChild(entry);
        root.appendChild(text);
        meta.mergeTree(PNG_METADATA, root);
      }
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, meta), null);
    } finally {
      writer.dispose();
    }
  }

  /**
   * The text of the first {@code Comment} chunk (tEXt, or uncompressed iTXt) of a PNG file's bytes
   * (already checked), or null.
   */
  static String comment(byte[] data) {
    int p = SIGNATURE.length;
    while (p + 8 <= data.length) {
      int length = int32(data, p);
      String type = new String(data, p + 4, 4, StandardCharsets.ISO_8859_1);
      int body = p + 8;
      if (type.equals("tEXt") || type.equals("iTXt")) {
        int nul = body;
        while (nul < body + length && data[nul] != 0) {
          nul++;
        }
        String keyword = new String(data, body, nul - body, StandardCharsets.ISO_8859_1);
        if (keyword.equals(COMMENT_KEYWORD) && nul < body + length) {
          if (type.equals("tEXt")) {
            return new String(data, nul + 1, body + length - nul - 1, StandardCharsets.ISO_8859_1);
          }
          // iTXt: flag, method, language\0, translated keyword\0, text (UTF-8 when uncompressed)
          int q = nul + 1;
          boolean compressed = data[q] != 0;
          q += 2;
          for (int zeros = 0; zeros < 2 && q < body + length; q++) {
            if (data[q] == 0) {
              zeros++;
            }
          }
          if (!compressed) {
            return new String(data, q, body + length - q, StandardCharsets.UTF_8);
          }
        }
      }
      if (type.equals("IEND")) {
        return null;
      }
      p += 12 + length;
    }
    return null;
  }

  /** The comment of a PNG file, or null; the file is checked first. */
  static String comment(Path file) {
    return comment(readChecked(file));
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
