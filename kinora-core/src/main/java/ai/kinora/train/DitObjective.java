package ai.kinora.train;

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
 * apart).
 */
public record DitObjective(double timestepMean, double foregroundWeight, boolean mirrorPairs) {

  public DitObjective {
    if (!(Math.abs(timestepMean) <= 3)) {
      throw new IllegalArgumentException(
          "the timestep mean must be in [-3, 3] (a logit), got " + timestepMean);
    }
    if (!(foregroundWeight >= 0 && foregroundWeight <= 100)) {
      throw new IllegalArgumentException(
          "the foreground weight must be in [0, 100], got " + foregroundWeight);
    }
  }

  /** SD3's timesteps and the plain velocity MSE: what every run before this option used. */
  public static final DitObjective PLAIN = new DitObjective(0, 0, false);

  /** This objective with some settings replaced; a null argument keeps the current value. */
  public DitObjective with(
      Double newTimestepMean, Double newForegroundWeight, Boolean newMirrorPairs) {
    return new DitObjective(
        newTimestepMean != null ? newTimestepMean : timestepMean,
        newForegroundWeight != null ? newForegroundWeight : foregroundWeight,
        newMirrorPairs != null ? newMirrorPairs : mirrorPairs);
  }

  public ObjectNode toJson() {
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.put("timestep_mean", timestepMean);
    n.put("foreground_weight", foregroundWeight);
    n.put("mirror_pairs", mirrorPairs);
    return n;
  }

  /**
   * The objective recorded in {@code n}; runs recorded before it existed used {@link #PLAIN}, and
   * before mirror pairs existed none were used.
   */
  public static DitObjective fromJson(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return PLAIN;
    }
    return new DitObjective(
        n.path("timestep_mean").asDouble(0),
        n.path("foreground_weight").asDouble(0),
        n.path("mirror_pairs").asBoolean(false));
  }
}
