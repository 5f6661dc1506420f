package ai.kinora.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.dit.TinyModel;
import ai.kinora.world.CaptionStyle;
import ai.kinora.world.Captioner;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word-level tokenizer over Kinora World's vocabulary. */
class TokenizerTest {

  final Tokenizer tokenizer = TinyModel.tokenizer();

  @Test
  void everyCaptionOfUnseenScenesIsKnown() {
    SceneSampler sampler = new SceneSampler(SceneSampler.Settings.defaults(), 12345);
    for (int i = 0; i < 300; i++) {
      Scene scene = sampler.nextScene();
      for (CaptionStyle style : CaptionStyle.values()) {
        String caption = Captioner.caption(scene, style);
        assertEquals(List.of(), tokenizer.encode(caption, 1000).unknown(), caption);
      }
    }
  }

  @Test
  void theParsersSynonymsAreKnown() {
    String prompt = "A crimson disc glides leftwards while a huge violet cube twirls anticlockwise";
    assertEquals(List.of(), tokenizer.encode(prompt, 100).unknown());
  }

  @Test
  void unknownWordsBecomeUnkAndAreReported() {
    Tokenizer.Tokens t = tokenizer.encode("A red zebra moves right, quietly!", 100);
    assertEquals(List.of("zebra", "quietly"), t.unknown());
    assertEquals(
        List.of("<start>", "a", "red", "<unk>", "moves", "right", ",", "<unk>", "!"),
        tokenizer.decode(t.ids()));
  }

  @Test
  void textIsLowerCasedAndSplitIntoWordsDigitsAndSymbols() {
    Tokenizer.Tokens t = tokenizer.encode("The clip lasts 4.5 Seconds. It's medium-sized", 100);
    assertEquals(
        List.of(
            "<start>", "the", "clip", "lasts", "4", ".", "5", "seconds", ".", "it's", "medium", "-",
            "sized"),
        tokenizer.decode(t.ids()));
    assertEquals(List.of(), t.unknown());
  }

  @Test
  void theEmptyPromptIsTheStartTokenAlone() {
    assertArrayEquals(new int[] {Tokenizer.START_ID}, tokenizer.encode("", 10).ids());
    assertArrayEquals(new int[] {Tokenizer.START_ID}, tokenizer.encode("  \n ", 10).ids());
  }

  @Test
  void longPromptsAreTruncatedAndSaySo() {
    Tokenizer.Tokens t = tokenizer.encode("red circle moves right", 3);
    assertEquals(List.of("<start>", "red", "circle"), tokenizer.decode(t.ids()));
    assertTrue(t.truncated());
    assertFalse(tokenizer.encode("red circle", 3).truncated());
  }

  @Test
  void theVocabularyFileRoundTrips(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("vocab.txt");
    tokenizer.save(file);
    Tokenizer loaded = Tokenizer.load(file);
    assertEquals(tokenizer.vocabulary(), loaded.vocabulary());
    assertEquals(tokenizer.size(), Files.readAllLines(file).size());
    assertEquals(Tokenizer.fromWorld().vocabulary(), tokenizer.vocabulary(), "deterministic");
  }

  @Test
  void aVocabularyMustStartWithTheSpecialTokens() {
    assertThrows(IllegalArgumentException.class, () -> new Tokenizer(List.of("a", "b", "c")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Tokenizer(List.of("<pad>", "<unk>", "<start>", "a", "a")));
  }
}
