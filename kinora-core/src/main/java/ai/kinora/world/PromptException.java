package ai.kinora.world;

/**
 * Thrown when a prompt cannot become a scene (no shape, too many objects, a white object on the
 * white background, ...); the message names the problem in words a user can act on.
 */
public class PromptException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public PromptException(String message) {
    super(message);
  }
}
