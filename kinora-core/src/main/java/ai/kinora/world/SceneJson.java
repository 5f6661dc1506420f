package ai.kinora.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenes to and from JSON, written out field by field so the format is explicit and stable:
 *
 * <pre>{"objects":[{"colour":"red","shape":"circle","size":"small",
 *   "motion":{"kind":"move","direction":"right","speed":"normal"},"start":"left"}],
 *  "background":"gray","camera":"static","occluder":false,"snow":false,"seconds":4.0}</pre>
 *
 * Enum values are lower case with hyphens ("top-left", "pan-left", "fall-and-bounce").
 */
public final class SceneJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SceneJson() {}

  public static String write(Scene scene) {
    return toNode(scene).toString();
  }

  public static ObjectNode toNode(Scene scene) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode objects = root.putArray("objects");
    for (SceneObject o : scene.objects()) {
      ObjectNode node = objects.addObject();
      node.put("colour", name(o.colour()));
      node.put("shape", name(o.shape()));
      node.put("size", name(o.size()));
      node.set("motion", motionNode(o.motion()));
      node.put("start", name(o.start()));
    }
    root.put("background", name(scene.background()));
    root.put("camera", name(scene.camera()));
    root.put("occluder", scene.occluder());
    root.put("snow", scene.snow());
    root.put("seconds", scene.durationSeconds());
    return root;
  }

  /** Parses a scene; any missing or unknown field is an error naming the field. */
  public static Scene read(String json) {
    try {
      return fromNode(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("scene JSON is not valid JSON: " + e.getOriginalMessage());
    }
  }

  public static Scene fromNode(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("scene JSON must be an object");
    }
    JsonNode objectsNode = required(root, "objects");
    if (!objectsNode.isArray()) {
      throw new IllegalArgumentException("scene JSON field 'objects' must be an array");
    }
    List<SceneObject> objects = new ArrayList<>();
    for (JsonNode node : objectsNode) {
      objects.add(
          new SceneObject(
              parse(Colour.class, text(node, "colour")),
              parse(Shape.class, text(node, "shape")),
              parse(ObjectSize.class, text(node, "size")),
              motion(required(node, "motion")),
              parse(Anchor.class, text(node, "start"))));
    }
    return new Scene(
        objects,
        parse(Background.class, text(root, "background")),
        parse(Camera.class, text(root, "camera")),
        required(root, "occluder").asBoolean(),
        required(root, "snow").asBoolean(),
        required(root, "seconds").asDouble());
  }

  private static ObjectNode motionNode(Motion motion) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("kind", name(motion.kind()));
    switch (motion) {
      case Motion.Move m -> {
        node.put("direction", name(m.direction()));
        node.put("speed", name(m.speed()));
      }
      case Motion.Orbit o -> node.put("turn", name(o.turn()));
      default -> {}
    }
    return node;
  }

  private static Motion motion(JsonNode node) {
    Motion.Kind kind = parse(Motion.Kind.class, text(node, "kind"));
    return switch (kind) {
      case STILL -> Motion.STILL;
      case MOVE ->
          Motion.move(
              parse(Motion.Direction.class, text(node, "direction")),
              parse(Motion.Speed.class, text(node, "speed")));
      case FALL_AND_BOUNCE -> Motion.FALL_AND_BOUNCE;
      case ORBIT -> Motion.orbit(parse(Motion.Turn.class, text(node, "turn")));
      case SPIN -> Motion.SPIN;
      case GROW -> Motion.GROW;
      case SHRINK -> Motion.SHRINK;
    };
  }

  /** The JSON spelling of an enum constant: lower case, hyphens. */
  public static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text) {
    String constant = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return Enum.valueOf(type, constant);
    } catch (IllegalArgumentException e) {
      List<String> options = new ArrayList<>();
      for (E v : type.getEnumConstants()) {
        options.add(name(v));
      }
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a "
              + type.getSimpleName().toLowerCase(Locale.ROOT)
              + "; expected one of "
              + options);
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("scene JSON is missing the field '" + field + "'");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }
}
