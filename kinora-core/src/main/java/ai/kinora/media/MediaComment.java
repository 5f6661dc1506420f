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
    VideoReader.precheck(file, format);
    return Optional.ofNullable(
        switch (format) {
          case PNG -> PngFile.comment(file);
          case JPEG -> JpegFile.comment(bytes(file));
          case GIF -> GifTiming.read(file).comment();
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

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MediaException(file, "the file cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
