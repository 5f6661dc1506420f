package ai.kinora.nn;

import java.io.IOException;

/**
 * A safetensors file that cannot be read, or does not fit the parameters it is loaded into; the
 * message names the file, the tensor and the problem.
 */
public final class CheckpointException extends IOException {

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
