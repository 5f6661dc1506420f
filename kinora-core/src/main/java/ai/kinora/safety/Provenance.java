package ai.kinora.safety;

import ai.kinora.media.FrameSource;
import ai.kinora.media.MediaComment;
import ai.kinora.media.MediaInfo;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.VideoReader;
import ai.kinora.media.VideoWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Generated files as Kinora delivers them, and the check of any file: every frame carries the
 * {@link Watermark}, and the file's metadata the {@link ProvenanceRecord}.
 */
public final class Provenance {

  /** Frames examined at most when checking a file (from its start). */
  public static final int CHECKED_FRAMES = 96;

  private Provenance() {}

  /**
   * Writes {@code frames} to {@code out} (any format {@link VideoWriter} writes), each frame
   * watermarked (unless it is already), the record in the file's comment; atomically, as {@link
   * VideoWriter} writes.
   */
  public static void write(
      Path out, List<RgbFrame> frames, double fps, ProvenanceRecord record, Runnable progress) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException(out + ": no frames to write");
    }
    Watermark mark = Watermark.kinora();
    RgbFrame first = frames.get(0);
    VideoWriter.write(
        out,
        first.width(),
        first.height(),
        fps,
        frames.size(),
        i -> marked(mark, frames.get(i)),
        progress,
        record.toJson());
  }

  /**
   * The frame with the mark, added only when the frame does not carry it already: frames a command
   * passes through from an input Kinora made (extend keeps its input) are not marked twice.
   */
  static RgbFrame marked(Watermark mark, RgbFrame frame) {
    boolean carries =
        mark.fits(frame.width(), frame.height()) && mark.detect(List.of(frame)).present();
    return carries ? frame : mark.embed(frame);
  }

  /**
   * What a file says of its origin.
   *
   * @param record Kinora's record from the file's metadata, if it has one
   * @param comment the file's comment when it is not a Kinora record (null when none)
   * @param watermark the detector's finding over the file's first {@link #CHECKED_FRAMES} frames
   *     (not judged when the picture is too small to hold the mark)
   */
  public record Report(
      Optional<ProvenanceRecord> record, String comment, Watermark.Detection watermark) {

    /** Whether anything marks the file as Kinora's. */
    public boolean madeByKinora() {
      return record.isPresent() || watermark.present();
    }
  }

  /** Reads {@code file}'s metadata and looks for the watermark in its frames. */
  public static Report check(Path file) {
    Optional<String> comment = MediaComment.read(file);
    Optional<ProvenanceRecord> record = comment.flatMap(ProvenanceRecord::parse);
    Watermark mark = Watermark.kinora();
    Watermark.Detection detection;
    try (FrameSource source = VideoReader.open(file)) {
      MediaInfo info = source.info();
      if (!mark.fits(info.width(), info.height())) {
        detection = new Watermark.Detection(Double.NaN, 0, 0);
      } else {
        Watermark.Scan scan = mark.scan(info.width(), info.height());
        for (int n = 0; n < CHECKED_FRAMES && source.hasNext(); n++) {
          scan.add(source.next());
        }
        detection = scan.detection();
      }
    }
    return new Report(record, record.isPresent() ? null : comment.orElse(null), detection);
  }
}
