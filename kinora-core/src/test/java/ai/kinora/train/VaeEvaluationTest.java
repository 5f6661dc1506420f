package ai.kinora.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.world.PromptParser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The held-out set's content groups: what each clip shows, hardest first. */
class VaeEvaluationTest {

  static String content(String prompt) {
    return VaeEvaluation.content(PromptParser.parse(prompt).scene());
  }

  @Test
  void eachClipIsGroupedByWhatMakesItHard() {
    assertEquals("snow", content("a red circle moves right on a night background. Snow falls."));
    assertEquals("night sky", content("a red circle moves right on a night background"));
    assertEquals("motion", content("a red circle moves right on a gray background"));
    assertEquals("motion", content("a red circle stays still. The camera pans left."));
    assertEquals("still", content("a red circle and a blue square stay still"));
  }

  @Test
  void clipsCarryTheirContentAndImagesNone() {
    List<VaeEvaluation.Item> items = VaeEvaluation.heldOutSet(8, 2);
    Set<String> contents =
        items.stream()
            .filter(i -> !i.group().equals(VaeEvaluation.IMAGES))
            .map(VaeEvaluation.Item::content)
            .collect(Collectors.toSet());
    assertTrue(contents.contains("motion") && contents.size() >= 2, contents.toString());
    items.stream()
        .filter(i -> i.group().equals(VaeEvaluation.IMAGES))
        .forEach(i -> assertNull(i.content()));
  }
}
