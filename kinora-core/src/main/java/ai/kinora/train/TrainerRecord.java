package ai.kinora.train;

import ai.kinora.nn.AdamW;
import ai.kinora.nn.AtomicFiles;
import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.JsonFiles;
import ai.kinora.nn.LrSchedule;
import ai.kinora.nn.Parameters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code trainer.json} every trainer writes beside its {@code train.safetensors}: format, step,
 * wall time, the recipe, the data stream and the optimizer's settings; and its checked reading.
 */
final class TrainerRecord {

  static final String FILE = "trainer.json";
  static final String STATE = "train.safetensors";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainerRecord() {}

  /** A record's common fields; the caller adds "data" and anything else, then {@link #write}s. */
  static ObjectNode start(String format, long step, double wallSeconds, ObjectNode training) {
    ObjectNode json = JSON.createObjectNode();
    json.put("format", format);
    json.put("step", step);
    json.put("wall_seconds", wallSeconds);
    json.set("training", training);
    return json;
  }

  /** Adds the optimizer's settings and next learning rate, and writes the record atomically. */
  static void write(Path dir, ObjectNode json, AdamW adam, LrSchedule schedule, long steps)
      throws IOException {
    ObjectNode optimizer = json.putObject("optimizer");
    AdamW.Config a = adam.config();
    optimizer.put("type", "AdamW");
    optimizer.put("beta1", a.beta1());
    optimizer.put("beta2", a.beta2());
    optimizer.put("eps", a.eps());
    optimizer.put("weight_decay", a.weightDecay());
    optimizer.put("updates", steps);
    optimizer.put("lr_next", schedule.at(steps));
    optimizer.put("state", STATE + ": adam.m.*, adam.v.*, adam.step; ema.*");
    AtomicFiles.writeString(
        dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
  }

  /** The record of {@code checkpoint}, which must be of {@code format} ({@code what} names it). */
  static JsonNode read(Path checkpoint, String format, String what) throws CheckpointException {
    Path record = checkpoint.resolve(FILE);
    JsonNode json;
    try {
      json = JsonFiles.read(record);
    } catch (CheckpointException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        throw new CheckpointException(record + ": no such file (not a training checkpoint)", e);
      }
      throw e;
    }
    if (json == null || !format.equals(json.path("format").asText())) {
      throw new CheckpointException(record + ": not a Kinora " + what + " training record");
    }
    return json;
  }

  /**
   * Loads {@value #STATE} of {@code checkpoint} into {@code parameters} (weights, optimizer state,
   * EMA) and refuses it unless the optimizer's restored step count is the one {@code json} records.
   */
  static void restore(Path checkpoint, JsonNode json, Parameters parameters, AdamW adam)
      throws CheckpointException {
    try {
      parameters.load(checkpoint.resolve(STATE));
    } catch (CheckpointException e) {
      throw e;
    } catch (IOException e) {
      throw new CheckpointException(e.getMessage(), e);
    }
    checkStep(checkpoint, json, adam.stepCount());
  }

  /** Refuses a record whose step differs from the restored optimizer's. */
  private static void checkStep(Path checkpoint, JsonNode json, long restored)
      throws CheckpointException {
    long step = json.path("step").asLong(-1);
    if (step != restored) {
      throw new CheckpointException(
          checkpoint.resolve(FILE)
              + ": records step "
              + step
              + " but the optimizer state has "
              + restored);
    }
  }
}
