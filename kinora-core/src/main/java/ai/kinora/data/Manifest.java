package ai.kinora.data;

import ai.kinora.nn.AtomicFiles;
import ai.kinora.world.SceneJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dataset layout Kinora writes and trains on: a folder with video files and a JSONL manifest
 * ({@value #FILE_NAME}), one JSON object per clip:
 *
 * <pre>{"file":"clips/000000.mp4",
 *  "captions":{"short":"...","normal":"...","descriptive":"..."},
 *  "scene":{...}}</pre>
 *
 * Users' datasets may instead give {@code "caption":"text"} or {@code "captions":["a","b"]} and no
 * scene. Errors name the manifest line.
 */
public final class Manifest {

  public static final String FILE_NAME = "manifest.jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Manifest() {}

  /** Reads the manifest of a dataset folder. */
  public static List<ManifestEntry> read(Path datasetDir) {
    Path file = datasetDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          datasetDir + ": not a Kinora dataset (no " + FILE_NAME + " inside)");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    List<ManifestEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        entries.add(parse(MAPPER.readTree(line)));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        String why =
            e instanceof JsonProcessingException j
                ? "invalid JSON: " + j.getOriginalMessage()
                : e.getMessage();
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + why, e);
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(file + ": the manifest lists no clips");
    }
    return entries;
  }

  /** Writes a manifest atomically (temp file, fsync, then rename). */
  public static void write(Path datasetDir, List<ManifestEntry> entries) {
    Path target = datasetDir.resolve(FILE_NAME);
    try {
      AtomicFiles.writeLines(target, entries.stream().map(Manifest::toJson).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** One manifest line. */
  public static String toJson(ManifestEntry entry) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("file", entry.file());
    if (entry.captionStyles().isEmpty()) {
      var array = node.putArray("captions");
      entry.captions().forEach(array::add);
    } else {
      ObjectNode captions = node.putObject("captions");
      for (int i = 0; i < entry.captions().size(); i++) {
        captions.put(entry.captionStyles().get(i), entry.captions().get(i));
      }
    }
    entry.scene().ifPresent(s -> node.set("scene", SceneJson.toNode(s)));
    return node.toString();
  }

  static ManifestEntry parse(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("each line must be a JSON object");
    }
    JsonNode file = node.get("file");
    if (file == null || !file.isTextual()) {
      throw new IllegalArgumentException("missing the text field 'file'");
    }
    List<String> captions = new ArrayList<>();
    List<String> styles = new ArrayList<>();
    JsonNode many = node.get("captions");
    JsonNode one = node.get("caption");
    if (many != null && many.isObject()) {
      for (Map.Entry<String, JsonNode> e : many.properties()) {
        styles.add(e.getKey());
        captions.add(e.getValue().asText());
      }
    } else if (many != null && many.isArray()) {
      many.forEach(c -> captions.add(c.asText()));
    } else if (one != null && one.isTextual()) {
      captions.add(one.asText());
    } else {
      throw new IllegalArgumentException(
          "missing a caption: give \"caption\": \"text\" or \"captions\": [...] or {style: text}");
    }
    JsonNode scene = node.get("scene");
    return new ManifestEntry(
        file.asText(),
        captions,
        styles,
        scene == null || scene.isNull()
            ? Optional.empty()
            : Optional.of(SceneJson.fromNode(scene)));
  }
}
