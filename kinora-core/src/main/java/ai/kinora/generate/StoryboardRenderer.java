package ai.kinora.generate;

import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a storyboard's cards ({@link Storyboard} is the file) as one continuous video of native
 * frames through the prompting modes: each card's slot starts from its image (animated) or video
 * (played), or, for a text card, continues what came before (the first card begins from text), and
 * is filled to its length by extending with the card's caption.
 */
public final class StoryboardRenderer {

  /**
   * One card ready to render: its request (its slot's seconds and its own seed), its caption, and
   * the image or video it starts from, if any (at most one).
   */
  public record Card(TextToVideo.Request request, String caption, RgbFrame image, Video video) {}

  private StoryboardRenderer() {}

  /** The cards' slots one after another as native frames; {@code onCard} runs after each card. */
  public static List<RgbFrame> render(Prompting prompting, List<Card> cards, Runnable onCard) {
    List<RgbFrame> natives = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      Card card = cards.get(i);
      TextToVideo.Request request = card.request();
      int slotFrames = prompting.nativeFrames(request.seconds());
      List<RgbFrame> segment = new ArrayList<>();
      if (card.image() != null) {
        segment.addAll(
            prompting.animate(card.image(), Prompting.Fit.CROP, request, card.caption()));
      } else if (card.video() != null) {
        Video v = card.video();
        List<RgbFrame> fitted =
            Prompting.fit(v.frames(), prompting.canvas(request), Prompting.Fit.CROP);
        segment.addAll(prompting.atNativeRate(fitted, v.fps()));
      } else if (i == 0) {
        prompting.longVideo(request, card.caption(), Prompting.WINDOW_SECONDS, segment::add);
      }
      if (segment.size() < slotFrames) { // continue what came before, with this card
        List<RgbFrame> context = new ArrayList<>(natives);
        context.addAll(segment);
        int rest = slotFrames - segment.size();
        prompting.forwardWindows(
            context, rest, prompting.windowFrames(), request, 0, card.caption(), segment::add);
      }
      natives.addAll(segment.subList(0, slotFrames));
      onCard.run();
    }
    return natives;
  }
}
