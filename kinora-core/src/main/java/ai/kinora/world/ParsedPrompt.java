package ai.kinora.world;

import java.util.List;
import java.util.Objects;

/**
 * What {@link PromptParser} made of a prompt: the scene, the words or phrases it could not map to
 * anything in Kinora World (reported, not fatal), and notes on defaults and adjustments it made.
 */
public record ParsedPrompt(Scene scene, List<String> unmapped, List<String> notes) {

  public ParsedPrompt {
    Objects.requireNonNull(scene, "scene");
    unmapped = List.copyOf(unmapped);
    notes = List.copyOf(notes);
  }
}
