package ai.kinora.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.world.CaptionWording;
import ai.kinora.world.Captioner;
import ai.kinora.world.PromptParser;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneSampler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy refuses what prompts say outright, names it, and lets Kinora's own world through. */
class ContentPolicyTest {

  final ContentPolicy policy = ContentPolicy.standard();

  @Test
  void refusesEachCategoryNamingItsWords() {
    assertEquals(
        List.of(new ContentPolicy.Violation("violence and gore", List.of("bloody", "kills"))),
        policy.violations("A bloody red circle KILLS a blue square"));
    assertEquals("sexual content", policy.violations("a naked figure").get(0).category());
    assertEquals("self-harm", policy.violations("thoughts of self-harm").get(0).category());
    assertEquals("hate", policy.violations("a swastika on a white background").get(0).category());
    ContentPolicy.Refusal refusal =
        assertThrows(ContentPolicy.Refusal.class, () -> policy.check("a gory scene, nude"));
    assertEquals(
        "the prompt asks for violence and gore (\"gory\") and sexual content (\"nude\"), which"
            + " Kinora's content policy does not allow (docs/provenance.md#content-policy)",
        refusal.getMessage());
  }

  @Test
  void phrasesMatchAsWordsInARowAndNothingInsideAWord() {
    assertEquals(1, policy.violations("the Ku-Klux Klan").size());
    assertEquals(0, policy.violations("a Klan of circles").size()); // one word of a phrase
    for (String fine :
        List.of(
            "a purple grape rolls right",
            "a therapist's blue square",
            "a shooting star moves left on a starry night",
            "skilled red circles",
            "Essex sunset background",
            "a bloodhound-free gray background")) {
      assertEquals(List.of(), policy.violations(fine), fine);
    }
  }

  @Test
  void everyCaptionAndWordOfKinoraWorldIsAllowed() {
    SceneSampler sampler = new SceneSampler(SceneSampler.Settings.defaults(), 7);
    for (int i = 0; i < 1000; i++) {
      Scene scene = sampler.nextScene();
      for (CaptionWording wording : CaptionWording.values()) {
        for (String caption : Captioner.all(scene, wording).values()) {
          assertTrue(policy.violations(caption).isEmpty(), caption);
        }
      }
    }
    String vocabulary = String.join(" ", PromptParser.vocabulary());
    assertEquals(List.of(), policy.violations(vocabulary));
  }

  @Test
  void aMalformedPolicyLineIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ContentPolicy.parse("# c\nviolence blood\n"));
    assertEquals("content policy line 2: expected \"category: term, term\"", e.getMessage());
  }
}
