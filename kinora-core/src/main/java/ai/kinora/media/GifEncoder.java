package ai.kinora.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an animated GIF whose single palette is computed from all of the clip's frames, looping
 * forever, with the JDK's GIF writer doing the LZW compression.
 *
 * <p>The palette needs every frame before the first can be written, yet frames arrive one at a time
 * and a long clip must not sit in memory: frames are spooled raw to a scratch file beside the
 * output while their colours are counted, then read back and encoded on {@link #finish()}. Frame
 * delays follow {@link GifTiming#delaysFor}, so the length stays true to the frame rate.
 */
final class GifEncoder implements VideoWriter.FrameSink {

  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  private final Path temp;
  private final Path spool;
  private final int width;
  private final int height;
  private final double fps;
  private final String comment; // written as a comment extension before the first frame, or null
  private final Palette.Builder colours = new Palette.Builder();
  private OutputStream spoolOut;
  private int frames;

  GifEncoder(Path temp, Path spool, int width, int height, double fps, String comment)
      throws IOException {
    this.temp = temp;
    this.spool = spool;
    this.width = width;
    this.height = height;
    this.fps = fps;
    this.comment = comment;
    this.spoolOut = Files.newOutputStream(spool);
  }

  @Override
  public void write(RgbFrame frame) throws IOException {
    colours.add(frame);
    spoolOut.write(frame.rgb());
    frames++;
  }

  @Override
  public void finish() throws IOException {
    spoolOut.close();
    spoolOut = null;
    Palette palette = colours.build();
    IndexColorModel model = colourModel(palette.colours());
    int[] delays = GifTiming.delaysFor(frames, fps);
    ImageWriter writer = gifWriter();
    byte[] rgb = new byte[width * height * 3];
    try (InputStream in = Files.newInputStream(spool);
        ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (int f = 0; f < frames; f++) {
        if (in.readNBytes(rgb, 0, rgb.length) != rgb.length) {
          throw new IOException("the spooled frames were cut short");
        }
        BufferedImage image =
            new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] indices = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int p = 0, i = 0; p < indices.length; p++, i += 3) {
          int c = (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
          indices[p] = (byte) palette.index(c);
        }
        IIOMetadata meta = frameMetadata(writer, image, delays[f], f == 0);
        writer.writeToSequence(new IIOImage(image, null, meta), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
      Files.deleteIfExists(spool);
    }
  }

  @Override
  public void discard() {
    try {
      if (spoolOut != null) {
        spoolOut.close();
      }
      Files.deleteIfExists(spool);
    } catch (IOException ignored) {
      // The staged output deletes the scratch file too; this is an early courtesy.
    }
  }

  private static ImageWriter gifWriter() throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    if (!writers.hasNext()) {
      throw new IOException("this JDK has no GIF writer");
    }
    return writers.next();
  }

  /** GIF colour tables have a power-of-two size; unused entries are black. */
  private static IndexColorModel colourModel(int[] colours) {
    int bits = 1;
    while ((1 << bits) < colours.length) {
      bits++;
    }
    int size = 1 << bits;
    byte[] r = new byte[size];
    byte[] g = new byte[size];
    byte[] b = new byte[size];
    for (int i = 0; i < colours.length; i++) {
      r[i] = (byte) (colours[i] >> 16);
      g[i] = (byte) (colours[i] >> 8);
      b[i] = (byte) colours[i];
    }
    return new IndexColorModel(8, size, r, g, b);
  }

  private IIOMetadata frameMetadata(
      ImageWriter writer, BufferedImage image, int delay, boolean first) throws IOException {
    IIOMetadata meta =
        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    // Every frame is a full picture, so nothing of the previous one needs restoring.
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(delay));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode apps = child(root, "ApplicationExtensions");
      IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
      loop.setAttribute("applicationID", "NETSCAPE");
      loop.setAttribute("authenticationCode", "2.0");
      loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0, i.e. forever
      apps.appendChild(loop);
    }
    if (first && comment != null) {
      IIOMetadataNode text = new IIOMetadataNode("CommentExtension");
      text.setAttribute("value", comment);
      child(root, "CommentExtensions").appendChild(text);
    }
    meta.setFromTree(FORMAT, root);
    return meta;
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
