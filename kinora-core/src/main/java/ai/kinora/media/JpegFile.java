package ai.kinora.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * Writes single JPEG images with the JDK's ImageIO (baseline, quality {@value #QUALITY}, JFIF with
 * 4:2:0 chroma), with an optional COM comment segment, and reads such a comment back.
 */
final class JpegFile {

  /** Encoder quality, 0..1: high enough that Kinora's flat colours show no visible blocking. */
  static final float QUALITY = 0.92f;

  private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

  private JpegFile() {}

  /** Writes {@code frame} to {@code target} (a staged temporary file). */
  static void write(RgbFrame frame, Path target, String comment) throws IOException {
    BufferedImage image = frame.toImage();
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    if (!writers.hasNext()) {
      throw new IOException("the JDK has no JPEG writer");
    }
    ImageWriter writer = writers.next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      IIOMetadata meta =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      if (comment != null) {
        Node root = meta.getAsTree(JPEG_METADATA);
        IIOMetadataNode markers = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n.getNodeName().equals("markerSequence")) {
            markers = (IIOMetadataNode) n;
          }
        }
        if (markers == null) {
          markers = new IIOMetadataNode("markerSequence");
          root.appendChild(markers);
        }
        IIOMetadataNode com = new IIOMetadataNode("com");
        com.setAttribute("comment", comment);
        markers.insertBefore(com, markers.getFirstChild());
        meta.setFromTree(JPEG_METADATA, root);
      }
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, meta), param);
    } finally {
      writer.dispose();
    }
  }

  /**
   * The first COM segment's text (Latin-1, as JPEG comments have no declared encoding) of JPEG
   * bytes, or null; segments are walked up to the start of the picture data.
   */
  static String comment(byte[] data) {
    if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
      return null;
    }
    int p = 2;
    while (p + 4 <= data.length && (data[p] & 0xFF) == 0xFF) {
      int marker = data[p + 1] & 0xFF;
      if (marker == 0xD9 || marker == 0xDA) { // end of image, start of scan
        return null;
      }
      int length = (data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF);
      if (length < 2 || p + 2 + length > data.length) {
        return null;
      }
      if (marker == 0xFE) {
        return new String(data, p + 4, length - 2, StandardCharsets.ISO_8859_1);
      }
      p += 2 + length;
    }
    return null;
  }
}
