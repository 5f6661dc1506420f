package ai.kinora.text;

import java.util.List;

/**
 * Turns prompts into text tokens for the diffusion transformer. Kinora's own {@link
 * SmallTextEncoder} is trained with the model; a pretrained encoder can implement this too.
 *
 * <p>The empty prompt "" is the unconditional ("null") prompt of classifier-free guidance; a
 * negative prompt is just another prompt.
 */
public interface TextEncoder {

  /** Encodes a batch of prompts; must run inside an open {@code Step} of the model's parameters. */
  TextEmbedding encode(List<String> prompts);

  /** The width D of the text tokens. */
  int width();

  /** The most text tokens a prompt can have; longer prompts are truncated. */
  int maxLength();

  /** The words of {@code prompt} this encoder cannot represent (reported to the user). */
  List<String> unknownWords(String prompt);
}
