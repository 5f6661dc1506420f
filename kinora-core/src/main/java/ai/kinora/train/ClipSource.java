package ai.kinora.train;

import ai.kinora.media.RgbFrame;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where training clips come from: Kinora World rendered on the fly, or a dataset folder. A source
 * is a pure function of the random generator it is given, so the data of a training step depends on
 * (seed, step) alone and a resumed run sees the same data as an uninterrupted one.
 */
public sealed interface ClipSource permits WorldClips, FolderClips {

  /** A clip of {@code frames} frames of {@code crop x crop} pixels drawn with {@code random}. */
  List<RgbFrame> clip(SplittableRandom random, int frames, int crop);

  /** One line for logs and the checkpoint record, e.g. "kinora world" or "folder data/mine". */
  String describe();
}
