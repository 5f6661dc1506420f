package ai.kinora.world;

import java.util.Locale;

/**
 * How captions word sideways motion and camera pans. A text-to-video model learns one wording, so a
 * model records the wording it was trained with and the prompt enhancer writes that one; both read
 * back to the same scene.
 */
public enum CaptionWording {
  /**
   * "starts on the left and moves to the right", "The camera pans left.": the wording of the first
   * models. A sideways move and its mirror image are then the same words in another order, which a
   * small text encoder barely tells apart (docs/dit-notes.md, "Left and right is a wording
   * problem").
   */
  ORIGINAL,
  /**
   * "starts on the left and moves rightward", "The camera pans rightward.": the direction of a
   * motion has its own word, distinct from the words of places.
   */
  DIRECTIONAL;

  /** The wording a model or run that records none was trained with. */
  public static final CaptionWording UNRECORDED = ORIGINAL;

  /** Its name in config files: "original", "directional". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The wording named {@code key} ({@link #key}); a clear error for any other name. */
  public static CaptionWording fromKey(String key) {
    for (CaptionWording w : values()) {
      if (w.key().equals(key)) {
        return w;
      }
    }
    throw new IllegalArgumentException(
        "unknown caption wording \"" + key + "\"; known: original, directional");
  }
}
