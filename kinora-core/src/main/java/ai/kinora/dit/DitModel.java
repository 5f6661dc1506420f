package ai.kinora.dit;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.kinora.nn.AtomicFiles;
import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.JsonFiles;
import ai.kinora.nn.Parameters;
import ai.kinora.nn.Step;
import ai.kinora.text.SmallTextEncoder;
import ai.kinora.text.Tokenizer;
import ai.kinora.world.Canvas;
import ai.kinora.world.CaptionWording;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text-conditioned denoiser as one unit: Kinora's text encoder and the diffusion transformer in
 * one parameter store ("text.*" and "dit.*"), trained together and shipped together as a folder:
 *
 * <pre>
 * config.json        {"format":"kinora-dit/1","dit":{..},"text":{..},"native":{"sizes":["128x128",..],
 *                     "fps":8}, plus a training record}
 * model.safetensors  the weights (the EMA of training)
 * tokenizer.txt      the vocabulary, one token per line
 * </pre>
 */
public final class DitModel implements AutoCloseable {

  public static final String FORMAT = "kinora-dit/1";
  public static final String CONFIG_FILE = "config.json";

  /**
   * The config field saying how prompts reach the model: absent for Kinora World models (through
   * the prompt enhancer), {@link #VERBATIM_PROMPTS} for models trained on a dataset folder's own
   * captions.
   */
  public static final String PROMPTS = "prompts";

  public static final String VERBATIM_PROMPTS = "verbatim";

  /**
   * The config field naming the {@link CaptionWording} a Kinora World model was trained on (its
   * {@link CaptionWording#key}); absent means {@link CaptionWording#UNRECORDED}.
   */
  public static final String CAPTION_WORDING = "caption_wording";

  public static final String WEIGHTS_FILE = "model.safetensors";
  public static final String TOKENIZER_FILE = "tokenizer.txt";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Parameters parameters;
  private final SmallTextEncoder text;
  private final DiffusionTransformer dit;
  private final Tokenizer tokenizer;
  private final Native nativeFormat;
  private CaptionWording captionWording = CaptionWording.UNRECORDED; // set by load

  /**
   * What the model was trained on: one canvas per aspect ratio, and the frame rate. Generation at
   * other sizes and rates runs natively and resamples.
   */
  public record Native(List<Canvas> sizes, double fps) {
    public Native {
      sizes = List.copyOf(sizes);
      if (sizes.isEmpty() || !(fps > 0)) {
        throw new IllegalArgumentException("a model needs at least one native size and fps > 0");
      }
    }
  }

  /** A freshly initialised model (weights from the engine's current random seed). */
  public DitModel(
      NDManager parent,
      DitConfig config,
      SmallTextEncoder.Config textConfig,
      Tokenizer tokenizer,
      Native nativeFormat) {
    this(new Parameters(parent, DataType.FLOAT32), config, textConfig, tokenizer, nativeFormat);
  }

  private DitModel(
      Parameters parameters,
      DitConfig config,
      SmallTextEncoder.Config textConfig,
      Tokenizer tokenizer,
      Native nativeFormat) {
    this.tokenizer = tokenizer;
    this.nativeFormat = nativeFormat;
    this.parameters = parameters;
    try {
      if (config.textWidth() != textConfig.width()
          || config.maxTextLength() < textConfig.maxLength()) {
        throw new IllegalArgumentException(
            "the DiT expects text tokens of width "
                + config.textWidth()
                + " (at most "
                + config.maxTextLength()
                + "), the text encoder makes width "
                + textConfig.width()
                + " (at most "
                + textConfig.maxLength()
                + ")");
      }
      this.text = new SmallTextEncoder(parameters.root().child("text"), textConfig, tokenizer);
      this.dit = new DiffusionTransformer(parameters.root().child("dit"), config);
    } catch (RuntimeException e) {
      parameters.close();
      throw e;
    }
  }

  /**
   * Loads the model in {@code dir}; a missing or corrupt file, or weights that do not fit the
   * config, is a {@link CheckpointException} naming the file and the problem.
   */
  public static DitModel load(NDManager parent, Path dir) throws CheckpointException {
    if (!Files.isDirectory(dir)) {
      throw new CheckpointException(dir + ": no such model folder");
    }
    Path configFile = dir.resolve(CONFIG_FILE);
    if (!Files.exists(configFile)) {
      throw new CheckpointException(
          dir + ": not a Kinora model folder (it has no " + CONFIG_FILE + ")");
    }
    JsonNode json = JsonFiles.read(configFile);
    if (json == null || !FORMAT.equals(json.path("format").asText())) {
      throw new CheckpointException(
          configFile + ": not a Kinora DiT config (\"format\" should be \"" + FORMAT + "\")");
    }
    DitConfig config = DitConfigJson.fromNode(json.get("dit"), configFile + " \"dit\"");
    SmallTextEncoder.Config textConfig =
        DitConfigJson.textFromNode(json.get("text"), configFile + " \"text\"");
    Native nativeFormat = nativeFromNode(json.get("native"), configFile);
    CaptionWording wording = captionWording(json, configFile);
    Tokenizer tokenizer;
    try {
      tokenizer = Tokenizer.load(dir.resolve(TOKENIZER_FILE));
    } catch (NoSuchFileException e) {
      throw new CheckpointException(dir.resolve(TOKENIZER_FILE) + ": no such file", e);
    } catch (IOException | RuntimeException e) {
      throw new CheckpointException(
          dir.resolve(TOKENIZER_FILE) + ": cannot read the vocabulary: " + e.getMessage(), e);
    }
    DitModel model;
    try {
      model =
          new DitModel(
              Parameters.forLoading(parent, DataType.FLOAT32),
              config,
              textConfig,
              tokenizer,
              nativeFormat);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(configFile + ": " + e.getMessage(), e);
    }
    try {
      model.captionWording = wording;
      model.parameters.load(dir.resolve(WEIGHTS_FILE));
      return model;
    } catch (CheckpointException e) {
      model.close();
      throw new CheckpointException(
          e.getMessage() + " (the weights do not fit " + configFile + "?)", e);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw new CheckpointException(dir + ": cannot load the model: " + e.getMessage(), e);
    }
  }

  /**
   * Writes weights, config (plus {@code extra} fields) and vocabulary, each atomically. The weights
   * are stored in F16, half the size of F32: a model folder is for inference (training state lives
   * in checkpoints), and on the third DiT run the rounding changed generated videos by 0.005 of 255
   * on average (70-72 dB PSNR against the F32 weights' videos).
   */
  public void save(Path dir, ObjectNode extra) throws IOException {
    Files.createDirectories(dir);
    java.util.Set<String> weights = java.util.Set.copyOf(parameters.trainableNames());
    parameters.save(dir.resolve(WEIGHTS_FILE), weights::contains, true);
    saveConfig(dir, extra);
  }

  /** Writes only config and vocabulary (the weights come from elsewhere, e.g. an EMA). */
  public void saveConfig(Path dir, ObjectNode extra) throws IOException {
    Files.createDirectories(dir);
    ObjectNode json = JSON.createObjectNode();
    json.put("format", FORMAT);
    json.set("dit", DitConfigJson.toNode(dit.config()));
    json.set("text", DitConfigJson.toNode(text.config()));
    ObjectNode n = json.putObject("native");
    ArrayNode sizes = n.putArray("sizes");
    nativeFormat.sizes().forEach(c -> sizes.add(c.toString()));
    n.put("fps", nativeFormat.fps());
    if (extra != null) {
      json.setAll(extra);
    }
    AtomicFiles.writeString(
        dir.resolve(CONFIG_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    tokenizer.save(dir.resolve(TOKENIZER_FILE));
  }

  /** The caption wording a model's config records. */
  public static CaptionWording captionWording(JsonNode config, Path where)
      throws CheckpointException {
    try {
      return CaptionWording.fromKey(
          config.path(CAPTION_WORDING).asText(CaptionWording.UNRECORDED.key()));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": " + e.getMessage(), e);
    }
  }

  /** The wording of the captions this model was trained on; the prompt enhancer writes it. */
  public CaptionWording captionWording() {
    return captionWording;
  }

  private static Native nativeFromNode(JsonNode n, Path where) throws CheckpointException {
    JsonNode sizes = n == null ? null : n.get("sizes");
    JsonNode fps = n == null ? null : n.get("fps");
    if (sizes == null || !sizes.isArray() || fps == null || !fps.isNumber()) {
      throw new CheckpointException(
          where + ": missing \"native\": {\"sizes\": [\"WxH\", ...], \"fps\": F}");
    }
    try {
      List<Canvas> canvases = new ArrayList<>();
      for (JsonNode s : sizes) {
        canvases.add(Canvas.parse(s.asText()));
      }
      return new Native(canvases, fps.asDouble());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": invalid \"native\": " + e.getMessage(), e);
    }
  }

  /** Opens the memory scope every tensor method of the model must run in. */
  public Step step() {
    return Step.open(parameters);
  }

  public Parameters parameters() {
    return parameters;
  }

  public SmallTextEncoder text() {
    return text;
  }

  public DiffusionTransformer dit() {
    return dit;
  }

  public Native nativeFormat() {
    return nativeFormat;
  }

  public Tokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public void close() {
    parameters.close();
  }
}
