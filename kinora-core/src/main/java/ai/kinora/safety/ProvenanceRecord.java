package ai.kinora.safety;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What Kinora writes into the metadata of every file it generates (the container's comment): that
 * the file is AI-generated, which command, prompt and settings made it, with which model, and when.
 * It is one line of JSON, read back by {@code kinora provenance}. Metadata is easily stripped; the
 * {@link Watermark} in the pixels is the check that survives it.
 *
 * @param command the command (generate, image, animate, extend, connect, loop, edit, storyboard)
 * @param prompt the user's prompt (for a storyboard, its cards' prompts joined by " | ")
 * @param caption the caption the model was conditioned on, or null when it is the prompt itself
 * @param seed the seed of this file's noise
 * @param steps sampling steps
 * @param guidance classifier-free guidance scale
 * @param model the model's identity: the first 16 hex digits of the SHA-256 of the DiT's and the
 *     VAE's config.json (which hold each model's training record), "dit:…/vae:…"
 * @param created when the file was made, UTC, to the second
 */
public record ProvenanceRecord(
    String command,
    String prompt,
    String caption,
    long seed,
    int steps,
    double guidance,
    String model,
    Instant created) {

  /** The generator's name in the record; a comment without it is not Kinora's. */
  public static final String GENERATOR = "Kinora";

  /** The plain-language statement every record opens with. */
  public static final String NOTICE = "AI-generated video or image, made with Kinora";

  /** Non-ASCII characters are escaped, so every container's comment keeps the text as it is. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** A record made now (to the second). */
  public static ProvenanceRecord now(
      String command,
      String prompt,
      String caption,
      long seed,
      int steps,
      double guidance,
      String model) {
    return new ProvenanceRecord(
        command,
        prompt,
        caption,
        seed,
        steps,
        guidance,
        model,
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** The same record for another seed (the next variation). */
  public ProvenanceRecord withSeed(long newSeed) {
    return new ProvenanceRecord(command, prompt, caption, newSeed, steps, guidance, model, created);
  }

  /** One line of JSON: the comment written into a file. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(toNode());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The record as a JSON object (what {@link #toJson()} writes). */
  public ObjectNode toNode() {
    ObjectNode node = JSON.createObjectNode();
    node.put("generator", GENERATOR);
    node.put("notice", NOTICE);
    node.put("watermark", "kinora-1");
    node.put("command", command);
    node.put("prompt", prompt);
    if (caption != null) {
      node.put("caption", caption);
    }
    node.put("seed", seed);
    node.put("steps", steps);
    node.put("guidance", guidance);
    node.put("model", model);
    node.put("created", created.toString());
    return node;
  }

  /**
   * The record in a file's comment, or empty when the comment is not a Kinora record (absent, other
   * text, or JSON without {@code "generator": "Kinora"}).
   */
  public static Optional<ProvenanceRecord> parse(String comment) {
    if (comment == null || !comment.strip().startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(comment);
      if (!GENERATOR.equals(n.path("generator").asText())) {
        return Optional.empty();
      }
      return Optional.of(
          new ProvenanceRecord(
              n.path("command").asText(),
              n.path("prompt").asText(),
              n.hasNonNull("caption") ? n.get("caption").asText() : null,
              n.path("seed").asLong(),
              n.path("steps").asInt(),
              n.path("guidance").asDouble(),
              n.path("model").asText(),
              Instant.parse(n.path("created").asText())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A model's identity for the record: "dit:HEX16/vae:HEX16", each the start of the SHA-256 of the
   * folder's config.json ("unknown" when it cannot be read).
   */
  public static String modelIdentity(Path ditConfig, Path vaeConfig) {
    return "dit:" + configDigest(ditConfig) + "/vae:" + configDigest(vaeConfig);
  }

  private static String configDigest(Path config) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(config));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unknown";
    }
  }
}
