package ai.kinora.generate;

import ai.kinora.world.CaptionStyle;
import ai.kinora.world.CaptionWording;
import ai.kinora.world.Captioner;
import ai.kinora.world.ParsedPrompt;
import ai.kinora.world.PromptParser;
import ai.kinora.world.Scene;
import java.util.List;

/**
 * The prompt enhancer of the Sora report: a short user prompt becomes the detailed, descriptive
 * caption the model was mostly trained on. Kinora parses the prompt into a scene (filling what it
 * leaves out with the parser's defaults) and writes that scene's descriptive caption, with the
 * requested duration, in the wording the model was trained on ({@link CaptionWording}); words it
 * could not map are reported, and generation goes on with what it understood.
 */
public final class PromptEnhancer {

  /**
   * The enhanced prompt: the scene understood (null for a prompt taken {@link #verbatim}), its
   * caption, and what was left out or adjusted.
   */
  public record Enhanced(Scene scene, String caption, List<String> unmapped, List<String> notes) {
    public Enhanced {
      unmapped = List.copyOf(unmapped);
      notes = List.copyOf(notes);
    }
  }

  private PromptEnhancer() {}

  /**
   * The prompt as its own caption, not parsed: for models trained on users' captioned data, whose
   * prompts are not Kinora World's. There is no scene to score against.
   */
  public static Enhanced verbatim(String prompt) {
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("the prompt is empty");
    }
    return new Enhanced(null, prompt.strip(), List.of(), List.of());
  }

  /**
   * Enhances {@code prompt} for a clip of {@code seconds} (an image takes the scene at its start);
   * throws {@link ai.kinora.world.PromptException} when nothing in it can be understood.
   */
  public static Enhanced enhance(String prompt, double seconds) {
    return enhance(prompt, seconds, CaptionWording.UNRECORDED);
  }

  /** As {@link #enhance(String, double)}, the caption in {@code wording} (the model's). */
  public static Enhanced enhance(String prompt, double seconds, CaptionWording wording) {
    ParsedPrompt parsed = PromptParser.parse(prompt);
    Scene scene = seconds > 0 ? parsed.scene().withDuration(seconds) : parsed.scene();
    return new Enhanced(
        scene,
        Captioner.caption(scene, CaptionStyle.DESCRIPTIVE, wording),
        parsed.unmapped(),
        parsed.notes());
  }
}
