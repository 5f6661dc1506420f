package ai.kinora.train;

import ai.kinora.data.Manifest;
import ai.kinora.data.ManifestEntry;
import ai.kinora.media.FrameSource;
import ai.kinora.media.Resample;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.VideoReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training clips from a dataset folder in Kinora's layout ({@link Manifest}): users' own videos and
 * images. A draw picks an entry, a window of the requested length (decoding only up to its end; a
 * file with fewer frames is extended by repeating its last frame, an image is a one-frame clip),
 * resizes the frames so that the short side is 1 to 2 times the crop (area filtering, so large
 * videos train at sizes near Kinora's), and cuts a random square crop.
 */
public final class FolderClips implements ClipSource {

  /** How far into a file a window may start when its length is unknown (WebM): 30 s at 8 fps. */
  private static final int UNKNOWN_LENGTH_WINDOW = 240;

  private final Path dir;
  private final List<ManifestEntry> entries;

  /** Reads the manifest of {@code dir}; the clips are decoded when drawn. */
  public FolderClips(Path dir) {
    this.dir = dir;
    this.entries = Manifest.read(dir);
  }

  @Override
  public List<RgbFrame> clip(SplittableRandom random, int frames, int crop) {
    ManifestEntry entry = entries.get(random.nextInt(entries.size()));
    Path file = dir.resolve(entry.file());
    double scale = 1 + random.nextDouble();
    double startFraction = random.nextDouble();
    double cropX = random.nextDouble();
    double cropY = random.nextDouble();
    List<RgbFrame> window = new ArrayList<>(frames);
    try (FrameSource source = VideoReader.open(file)) {
      int known = source.info().frameCount();
      int length = known > 0 ? known : UNKNOWN_LENGTH_WINDOW;
      int start = (int) (startFraction * Math.max(1, length - frames + 1));
      int index = 0;
      while (source.hasNext() && window.size() < frames) {
        RgbFrame f = source.next();
        if (index++ >= start) {
          window.add(f);
        }
        if (!source.hasNext() && window.isEmpty()) {
          window.add(f); // the file ended before the window: use its last frame
        }
      }
    }
    if (window.isEmpty()) {
      throw new IllegalArgumentException(file + ": no frames");
    }
    while (window.size() < frames) {
      window.add(window.get(window.size() - 1));
    }
    RgbFrame first = window.get(0);
    double shortSide = Math.min(first.width(), first.height());
    double factor = crop * scale / shortSide;
    int w = Math.max(crop, (int) Math.round(first.width() * factor));
    int h = Math.max(crop, (int) Math.round(first.height() * factor));
    int x0 = (int) (cropX * (w - crop + 1));
    int y0 = (int) (cropY * (h - crop + 1));
    List<RgbFrame> clip = new ArrayList<>(frames);
    for (RgbFrame f : window) {
      clip.add(Crops.crop(Resample.resize(f, w, h), x0, y0, crop, crop));
    }
    return clip;
  }

  @Override
  public String describe() {
    return "folder " + dir;
  }

  public Path dir() {
    return dir;
  }
}
