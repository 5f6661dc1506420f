package ai.kinora.nn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON files beside weights and checkpoints, with errors naming the file and problem. */
public final class JsonFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFiles() {}

  /** The parsed file (null if it is empty); a missing, unreadable or invalid file is refused. */
  public static JsonNode read(Path file) throws CheckpointException {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file + ": no such file", e);
    } catch (JsonProcessingException e) {
      throw new CheckpointException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
