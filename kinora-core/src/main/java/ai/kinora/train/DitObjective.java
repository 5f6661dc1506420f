package ai.kinora.train;

import ai.kinora.world.CaptionWording;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the DiT's training loss is spent: the location of the logit-normal timestep draw (0 is
 * SD3's; larger puts more updates at high noise, where the layout of a clip is decided), how much
 * extra weight the tokens of foreground objects get over the background (0 is plain MSE; see {@link
 * ForegroundWeights}), and whether Kinora World scenes come in mirrored pairs ({@link DitBatches}:
 * each second clip of a step is the first one's mirror image with its own caption, so that the
 * words left and right, and clockwise and counterclockwise, are all that tells two clips of a step
 * apart), and the wording of Kinora World's captions ({@link CaptionWording}; the model records it,
 * and the prompt enhancer then writes it).
 */
public record DitObjective(
    double timestepMean,
    double foregroundWeight,
    boolean mirrorPairs,
    CaptionWording captionWording) {

  public DitObjective {
    if (!(Math.abs(timestepMean) <= 3)) {
      throw new IllegalArgumentException(
          "the timestep mean must be in [-3, 3] (a logit), got " + timestepMean);
    }
    if (!(foregroundWeight >= 0 && foregroundWeight <= 100)) {
      throw new IllegalArgumentException(
          "the foreground weight must be in [0, 100], got " + foregroundWeight);
    }
    if (captionWording == null) {
      throw new IllegalArgumentException("a caption wording is needed");
    }
  }

  /** The settings of the first objectives, with the original caption wording. */
  public DitObjective(double timestepMean, double foregroundWeight, boolean mirrorPairs) {
    this(timestepMean, foregroundWeight, mirrorPairs, CaptionWording.UNRECORDED);
  }

  /** SD3's timesteps and the plain velocity MSE: what every run before this option used. */
  public static final DitObjective PLAIN = new DitObjective(0, 0, false);

  /** This objective with some settings replaced; a null argument keeps the current value. */
  public DitObjective with(
      Double newTimestepMean, Double newForegroundWeight, Boolean newMirrorPairs) {
    return with(newTimestepMean, newForegroundWeight, newMirrorPairs, null);
  }

  /** This objective with some settings replaced; a null argument keeps the current value. */
  public DitObjective with(
      Double newTimestepMean,
      Double newForegroundWeight,
      Boolean newMirrorPairs,
      CaptionWording newWording) {
    return new DitObjective(
        newTimestepMean != null ? newTimestepMean : timestepMean,
        newForegroundWeight != null ? newForegroundWeight : foregroundWeight,
        newMirrorPairs != null ? newMirrorPairs : mirrorPairs,
        newWording != null ? newWording : captionWording);
  }

  public ObjectNode toJson() {
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.put("timestep_mean", timestepMean);
    n.put("foreground_weight", foregroundWeight);
    n.put("mirror_pairs", mirrorPairs);
    n.put("caption_wording", captionWording.key());
    return n;
  }

  /**
   * The objective recorded in {@code n}; runs recorded before it existed used {@link #PLAIN},
   * before mirror pairs existed none were used, and before caption wordings existed the original
   * one.
   */
  public static DitObjective fromJson(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return PLAIN;
    }
    return new DitObjective(
        n.path("timestep_mean").asDouble(0),
        n.path("foreground_weight").asDouble(0),
        n.path("mirror_pairs").asBoolean(false),
        CaptionWording.fromKey(n.path("caption_wording").asText(CaptionWording.UNRECORDED.key())));
  }
}
