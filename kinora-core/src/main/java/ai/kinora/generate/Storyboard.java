package ai.kinora.generate;

import ai.kinora.world.Canvas;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A storyboard: a timeline of cards rendered as one continuous video, each segment (from its card's
 * time to the next card's) following its card. The JSON format:
 *
 * <pre>
 * {"size": "128x128", "fps": 8, "seconds": 12, "seed": 0,
 *  "cards": [
 *    {"at": 0, "prompt": "a red circle moves to the right on a gray background"},
 *    {"at": 4, "prompt": "a red circle spins in the middle", "image": "still.png"},
 *    {"at": 8, "prompt": "a red circle falls and bounces", "video": "clip.mp4"}]}
 * </pre>
 *
 * Every card has a prompt; an image card's segment starts from the image (a cut), a video card's
 * segment plays the video and continues it with the prompt for the rest of its slot. Cards must
 * start at 0, be in strictly increasing time order and lie before the end; {@code size}, {@code
 * fps} and {@code seed} are optional (128x128, 8, 0). Paths are relative to the storyboard file.
 */
public record Storyboard(Canvas size, double fps, double seconds, long seed, List<Card> cards) {

  /** One card: its start time, prompt, and an optional image or video file. */
  public record Card(double at, String prompt, Path image, Path video) {}

  public Storyboard {
    cards = List.copyOf(cards);
    if (!(seconds > 0 && seconds <= 60)) {
      throw new IllegalArgumentException("\"seconds\" must be more than 0 and at most 60");
    }
    if (!(fps > 0 && fps <= 120)) {
      throw new IllegalArgumentException("\"fps\" must be more than 0 and at most 120");
    }
    if (cards.isEmpty()) {
      throw new IllegalArgumentException("a storyboard needs at least one card");
    }
    if (cards.get(0).at() != 0) {
      throw new IllegalArgumentException(
          "the first card must be at 0 s, not " + cards.get(0).at() + " s");
    }
    for (int i = 0; i < cards.size(); i++) {
      Card c = cards.get(i);
      if (c.prompt() == null || c.prompt().isBlank()) {
        throw new IllegalArgumentException("card " + (i + 1) + " has no prompt");
      }
      if (c.image() != null && c.video() != null) {
        throw new IllegalArgumentException("card " + (i + 1) + " has both an image and a video");
      }
      if (!(c.at() >= 0 && c.at() < seconds)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "card %d at %.3g s is outside the storyboard's 0..%.3g s",
                i + 1,
                c.at(),
                seconds));
      }
      if (i > 0 && !(c.at() > cards.get(i - 1).at())) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "card %d at %.3g s overlaps card %d at %.3g s: cards must be in increasing time",
                i + 1,
                c.at(),
                i,
                cards.get(i - 1).at()));
      }
    }
  }

  /** Seconds of card {@code i}'s segment. */
  public double slot(int i) {
    double end = i + 1 < cards.size() ? cards.get(i + 1).at() : seconds;
    return end - cards.get(i).at();
  }

  /** Reads and checks a storyboard file; every problem is one message naming the file. */
  public static Storyboard read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
    }
    try {
      JsonNode root = new ObjectMapper().readTree(text);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      Path base = file.toAbsolutePath().getParent();
      List<Card> cards = new ArrayList<>();
      JsonNode list = root.path("cards");
      if (!list.isArray()) {
        throw new IllegalArgumentException("missing \"cards\": [...]");
      }
      for (JsonNode c : list) {
        if (!c.path("at").isNumber()) {
          throw new IllegalArgumentException("every card needs a number \"at\" (seconds)");
        }
        cards.add(
            new Card(
                c.path("at").asDouble(),
                c.path("prompt").asText(""),
                c.hasNonNull("image") ? base.resolve(c.get("image").asText()) : null,
                c.hasNonNull("video") ? base.resolve(c.get("video").asText()) : null));
      }
      if (!root.path("seconds").isNumber()) {
        throw new IllegalArgumentException("missing number \"seconds\"");
      }
      return new Storyboard(
          Canvas.parse(root.path("size").asText("128x128")),
          root.path("fps").asDouble(8),
          root.path("seconds").asDouble(),
          root.path("seed").asLong(0),
          cards);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }
}
