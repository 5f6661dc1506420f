package ai.kinora.data;

import ai.kinora.world.Scene;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a dataset manifest: a video file (relative to the manifest's folder), its captions
 * and, for Kinora World data only, the scene it was rendered from. Users' own datasets give a file
 * and captions; the scene is absent.
 *
 * @param file path of the video, relative to the dataset folder
 * @param captions one or more captions, most descriptive first when known
 * @param captionStyles the style name of each caption ("short", "normal", "descriptive"), or empty
 *     when unknown
 * @param scene the ground-truth scene, when the clip came from Kinora World
 */
public record ManifestEntry(
    String file, List<String> captions, List<String> captionStyles, Optional<Scene> scene) {

  public ManifestEntry {
    Objects.requireNonNull(file, "file");
    if (file.isBlank()) {
      throw new IllegalArgumentException("a manifest entry needs a non-empty 'file'");
    }
    captions = List.copyOf(captions);
    captionStyles = List.copyOf(captionStyles);
    Objects.requireNonNull(scene, "scene");
    if (captions.isEmpty()) {
      throw new IllegalArgumentException(file + ": a manifest entry needs at least one caption");
    }
    for (String c : captions) {
      if (c == null || c.isBlank()) {
        throw new IllegalArgumentException(file + ": captions must not be empty");
      }
    }
    if (!captionStyles.isEmpty() && captionStyles.size() != captions.size()) {
      throw new IllegalArgumentException(
          file + ": 'captions' and their styles must be given in pairs");
    }
  }
}
