package ai.kinora.train;

import ai.kinora.data.Manifest;
import ai.kinora.data.ManifestEntry;
import ai.kinora.media.FrameSource;
import ai.kinora.media.Resample;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.VideoReader;
import ai.kinora.world.Canvas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The diffusion transformer's training clips from a dataset folder in Kinora's layout ({@link
 * Manifest}): users' own captioned videos and images. A draw picks an entry and one of its
 * captions, a window of the requested length at the requested frame rate (source frames picked by
 * time, so motion keeps its speed whatever the file's rate; a file too short repeats its last
 * frame; an image is a still clip), and fits each frame to the bucket's canvas by a centred crop to
 * its aspect ratio and an area resize. A draw depends only on the generator it is given.
 */
public final class CaptionedClips {

  /** One drawn clip and the caption it trains with. */
  public record Drawn(List<RgbFrame> frames, String caption) {}

  /** How far into a file a window may start when its length is unknown (WebM): 30 s. */
  private static final double UNKNOWN_LENGTH_SECONDS = 30;

  private final Path dir;
  private final List<ManifestEntry> entries;

  /** Reads the manifest of {@code dir}; the clips are decoded when drawn. */
  public CaptionedClips(Path dir) {
    this.dir = dir;
    this.entries = Manifest.read(dir);
  }

  public Path dir() {
    return dir;
  }

  /** Every caption of every entry, in manifest order. */
  public List<String> captions() {
    List<String> all = new ArrayList<>();
    for (ManifestEntry e : entries) {
      all.addAll(e.captions());
    }
    return all;
  }

  /** A clip of {@code frames} frames at {@code fps}, fitted to {@code canvas}, and a caption. */
  public Drawn draw(SplittableRandom random, int frames, Canvas canvas, double fps) {
    ManifestEntry entry = entries.get(random.nextInt(entries.size()));
    String caption = entry.captions().get(random.nextInt(entry.captions().size()));
    double startFraction = random.nextDouble();
    Path file = dir.resolve(entry.file());
    List<RgbFrame> clip = new ArrayList<>(frames);
    try (FrameSource source = VideoReader.open(file)) {
      double sourceFps = source.info().fps() > 0 ? source.info().fps() : fps;
      int known = source.info().frameCount();
      double length = known > 0 ? known : UNKNOWN_LENGTH_SECONDS * sourceFps;
      double span = (frames - 1) * sourceFps / fps; // source frames the window covers
      int start = (int) (startFraction * Math.max(0, length - span));
      int index = -1;
      RgbFrame current = null;
      for (int i = 0; i < frames; i++) {
        long wanted = start + Math.round(i * sourceFps / fps);
        while (index < wanted && source.hasNext()) {
          current = source.next();
          index++;
        }
        if (current == null) {
          throw new IllegalArgumentException(file + ": no frames");
        }
        clip.add(Resample.cropToAspect(current, canvas.width(), canvas.height()));
      }
    }
    return new Drawn(clip, caption);
  }

  @Override
  public String toString() {
    return "folder " + dir + " (" + entries.size() + " entries)";
  }
}
