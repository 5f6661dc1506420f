package ai.kinora.media;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;

/**
 * Reads the comment a media file carries in its metadata, where {@link VideoWriter} puts one: the
 * {@code comment} tag of MP4, MOV and WebM (through FFmpeg), a GIF comment extension, a PNG {@code
 * Comment} text chunk, a JPEG COM segment.
 */
public final class MediaComment {

  private MediaComment() {}

  /**
   * The file's comment, or empty when it has none.
   *
   * @throws MediaException when the file cannot be read or is not a media file of its extension
   */
  public static Optional<String> read(Path file) {
    MediaFormat format = MediaFormat.forPath(file);
    if (format == MediaFormat.PNG && ImageSequence.isPattern(file)) {
      return read(ImageSequence.frame(file, 0));
    }
    MediaException.requireReadableFile(file);
    return Optional.ofNullable(
        switch (format) {
          case PNG -> PngFile.comment(file);
          case JPEG -> JpegFile.comment(bytes(file));
          case GIF -> gifComment(bytes(file));
          default -> ffmpegComment(file);
        });
  }

  private static String ffmpegComment(Path file) {
    try (FfmpegInput input = FfmpegInput.open(file, MediaFormat.forPath(file), 8, Double.NaN, -1)) {
      AVFormatContext fmt = input.context();
      AVDictionaryEntry entry = av_dict_get(fmt.metadata(), "comment", null, 0);
      return entry == null ? null : entry.value().getString(StandardCharsets.UTF_8);
    }
  }

  /**
   * The first comment extension of GIF bytes, or null: the blocks are walked from the header to the
   * trailer (extensions and image descriptors, their colour tables and data sub-blocks).
   */
  static String gifComment(byte[] d) {
    if (d.length < 13 || d[0] != 'G' || d[1] != 'I' || d[2] != 'F') {
      return null;
    }
    int p = 13;
    if ((d[10] & 0x80) != 0) {
      p += 3 * (1 << ((d[10] & 0x07) + 1)); // global colour table
    }
    while (p < d.length) {
      int block = d[p] & 0xFF;
      if (block == 0x21 && p + 1 < d.length) { // extension: label, then data sub-blocks
        int label = d[p + 1] & 0xFF;
        StringBuilder text = new StringBuilder();
        p += 2;
        while (p < d.length && d[p] != 0) {
          int n = d[p] & 0xFF;
          if (label == 0xFE && p + 1 + n <= d.length) {
            text.append(new String(d, p + 1, n, StandardCharsets.ISO_8859_1));
          }
          p += 1 + n;
        }
        p++; // the terminating empty sub-block
        if (label == 0xFE) {
          return text.toString();
        }
      } else if (block == 0x2C && p + 10 <= d.length) { // image: descriptor, table, LZW data
        int flags = d[p + 9] & 0xFF;
        p += 10;
        if ((flags & 0x80) != 0) {
          p += 3 * (1 << ((flags & 0x07) + 1));
        }
        p++; // LZW minimum code size
        while (p < d.length && d[p] != 0) {
          p += 1 + (d[p] & 0xFF);
        }
        p++;
      } else {
        return null; // the trailer (0x3B) or something that is not a block
      }
    }
    return null;
  }

  private static byte[] bytes(Path file) {
    MediaException.requireReadableFile(file);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MediaException(file, "the file cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
