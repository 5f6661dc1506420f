package ai.kinora.dit;

import ai.kinora.nn.CheckpointException;
import ai.kinora.patch.Patchifier;
import ai.kinora.text.SmallTextEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link DitConfig} and {@link SmallTextEncoder.Config} as JSON, field by field, for the config
 * file beside the weights and for training records:
 *
 * <pre>{"width":192,"depth":8,"heads":4,"mlp_ratio":4,"patch":[1,2,2],"latent_channels":16,
 *  "text_width":128,"max_text_length":128,"frame_positions":true}
 * ("time_positions":true is written only when set)
 * {"width":128,"depth":2,"heads":4,"mlp_ratio":4,"max_length":128}</pre>
 */
public final class DitConfigJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DitConfigJson() {}

  public static ObjectNode toNode(DitConfig c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("width", c.width());
    n.put("depth", c.depth());
    n.put("heads", c.heads());
    n.put("mlp_ratio", c.mlpRatio());
    n.putArray("patch").add(c.patch().pt()).add(c.patch().ph()).add(c.patch().pw());
    n.put("latent_channels", c.latentChannels());
    n.put("text_width", c.textWidth());
    n.put("max_text_length", c.maxTextLength());
    n.put("frame_positions", c.framePositions());
    if (c.timePositions()) {
      n.put("time_positions", true); // absent means false, so older readers see older models
    }
    return n;
  }

  public static DitConfig fromNode(JsonNode n, String where) throws CheckpointException {
    JsonNode patch = n == null ? null : n.get("patch");
    if (patch == null || !patch.isArray() || patch.size() != 3) {
      throw new CheckpointException(where + ": missing \"patch\" [t, h, w]");
    }
    try {
      return new DitConfig(
          integer(n, "width", where),
          integer(n, "depth", where),
          integer(n, "heads", where),
          integer(n, "mlp_ratio", where),
          new Patchifier(patch.get(0).asInt(), patch.get(1).asInt(), patch.get(2).asInt()),
          integer(n, "latent_channels", where),
          integer(n, "text_width", where),
          integer(n, "max_text_length", where),
          // absent in the first models, which had rotary positions only
          n.path("frame_positions").asBoolean(false),
          n.path("time_positions").asBoolean(false));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": invalid DiT config: " + e.getMessage(), e);
    }
  }

  public static ObjectNode toNode(SmallTextEncoder.Config c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("width", c.width());
    n.put("depth", c.depth());
    n.put("heads", c.heads());
    n.put("mlp_ratio", c.mlpRatio());
    n.put("max_length", c.maxLength());
    return n;
  }

  public static SmallTextEncoder.Config textFromNode(JsonNode n, String where)
      throws CheckpointException {
    try {
      return new SmallTextEncoder.Config(
          integer(n, "width", where),
          integer(n, "depth", where),
          integer(n, "heads", where),
          integer(n, "mlp_ratio", where),
          integer(n, "max_length", where));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": invalid text encoder config: " + e.getMessage(), e);
    }
  }

  private static int integer(JsonNode n, String name, String where) throws CheckpointException {
    JsonNode v = n == null ? null : n.get(name);
    if (v == null || !v.canConvertToInt()) {
      throw new CheckpointException(where + ": missing integer \"" + name + "\"");
    }
    return v.asInt();
  }
}
