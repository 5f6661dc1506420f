package ai.kinora.vae;

import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.JsonFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link VaeConfig} as the JSON beside a VAE's weights, field by field so the format is explicit:
 *
 * <pre>{"format":"kinora-vae/1","latent_channels":16,"patch_size":2,"channels":[32,64,128],
 *  "encoder_blocks":[1,1,1],"decoder_blocks":[1,2,2],"spatial_only_levels":1,"groups":8}</pre>
 *
 * Other fields (a training record, for instance) are kept by writers and ignored by readers.
 */
public final class VaeConfigJson {

  public static final String FORMAT = "kinora-vae/1";
  static final ObjectMapper MAPPER = new ObjectMapper();

  private VaeConfigJson() {}

  public static ObjectNode toNode(VaeConfig c) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("format", FORMAT);
    node.put("latent_channels", c.latentChannels());
    node.put("patch_size", c.patchSize());
    ints(node.putArray("channels"), c.channels());
    ints(node.putArray("encoder_blocks"), c.encoderBlocks());
    ints(node.putArray("decoder_blocks"), c.decoderBlocks());
    node.put("spatial_only_levels", c.spatialOnlyLevels());
    node.put("groups", c.groups());
    return node;
  }

  /** The config in {@code node}; {@code where} names the file in error messages. */
  public static VaeConfig fromNode(JsonNode node, String where) throws CheckpointException {
    if (node == null || !node.isObject()) {
      throw new CheckpointException(where + ": not a JSON object");
    }
    JsonNode format = node.get("format");
    if (format == null || !FORMAT.equals(format.asText())) {
      throw new CheckpointException(
          where + ": not a Kinora VAE config (\"format\" should be \"" + FORMAT + "\")");
    }
    try {
      return new VaeConfig(
          integer(node, "latent_channels", where),
          integer(node, "patch_size", where),
          integers(node, "channels", where),
          integers(node, "encoder_blocks", where),
          integers(node, "decoder_blocks", where),
          integer(node, "spatial_only_levels", where),
          integer(node, "groups", where));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": invalid VAE config: " + e.getMessage(), e);
    }
  }

  /** Reads the config from a JSON file. */
  public static VaeConfig read(Path file) throws CheckpointException {
    return fromNode(JsonFiles.read(file), file.toString());
  }

  public static String write(ObjectNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void ints(ArrayNode array, List<Integer> values) {
    values.forEach(array::add);
  }

  private static int integer(JsonNode node, String field, String where) throws CheckpointException {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToInt()) {
      throw new CheckpointException(where + ": missing or non-integer \"" + field + "\"");
    }
    return v.asInt();
  }

  private static List<Integer> integers(JsonNode node, String field, String where)
      throws CheckpointException {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw new CheckpointException(where + ": missing array \"" + field + "\"");
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.canConvertToInt()) {
        throw new CheckpointException(where + ": \"" + field + "\" holds a non-integer " + e);
      }
      out.add(e.asInt());
    }
    return out;
  }
}
