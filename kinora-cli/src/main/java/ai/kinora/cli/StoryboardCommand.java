package ai.kinora.cli;

import ai.kinora.generate.PromptEnhancer;
import ai.kinora.generate.Storyboard;
import ai.kinora.generate.StoryboardRenderer;
import ai.kinora.generate.TextToVideo;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
import ai.kinora.safety.ProvenanceRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kinora storyboard}: a timeline of cards rendered as one continuous video. */
@Command(
    name = "storyboard",
    mixinStandardHelpOptions = true,
    description = {
      "Renders a storyboard (a JSON timeline of cards: a prompt, optionally an image or a video,",
      "each at a time) as one continuous video: each segment follows its card and continues",
      "from the frames before it; an image card starts its segment from the image, a video card",
      "plays its video and continues it. Format: docs/generate.md#storyboards."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  ./kinora storyboard story.json -o story.mp4"})
final class StoryboardCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.json", description = "The storyboard.")
  Path file;

  @Mixin VideoOutput target;

  @Mixin GenerationOptions generation;

  @Override
  public Integer call() throws Exception {
    Path output = target.checked();
    Storyboard board = Storyboard.read(file);
    PrintWriter err = spec.commandLine().getErr();
    // Every input is read and every prompt understood before the models load.
    List<Object> inputs = new ArrayList<>();
    List<PromptEnhancer.Enhanced> prompts = new ArrayList<>();
    for (int i = 0; i < board.cards().size(); i++) {
      Storyboard.Card card = board.cards().get(i);
      if (card.image() != null) {
        inputs.add(VideoReader.read(card.image()).frames().get(0));
      } else if (card.video() != null) {
        Video v = VideoReader.read(card.video());
        if (v.durationSeconds() > board.slot(i) + 1e-6) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s: card %d's video (%.2f s) is longer than its slot (%.2f s) and would"
                      + " overlap the next card",
                  file,
                  i + 1,
                  v.durationSeconds(),
                  board.slot(i)));
        }
        inputs.add(v);
      } else {
        inputs.add(null);
      }
      prompts.add(ModelSession.enhance(card.prompt(), board.slot(i), generation, err));
    }
    try (ModelSession session = ModelSession.open(generation);
        Progress progress = Progress.start("storyboard", board.cards().size(), "cards")) {
      List<StoryboardRenderer.Card> cards = new ArrayList<>();
      for (int i = 0; i < board.cards().size(); i++) {
        cards.add(
            new StoryboardRenderer.Card(
                request(board, i, board.slot(i)),
                prompts.get(i).caption(),
                inputs.get(i) instanceof RgbFrame image ? image : null,
                inputs.get(i) instanceof Video v ? v : null));
      }
      List<RgbFrame> natives = StoryboardRenderer.render(session.prompting, cards, progress::step);
      double nativeFps = session.generator.nativeFormat().fps();
      TextToVideo.Request whole = request(board, 0, board.seconds());
      List<RgbFrame> frames = TextToVideo.resample(natives, nativeFps, whole);
      StillCommands.write(output, frames, board.fps(), record(board, prompts));
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "wrote %s: %s, %d frames at %s fps (%.2f s), %d cards%n",
              output,
              board.size(),
              frames.size(),
              WorldCommand.trim(board.fps()),
              frames.size() / board.fps(),
              board.cards().size());
    }
    return 0;
  }

  private TextToVideo.Request request(Storyboard board, int card, double seconds) {
    return new TextToVideo.Request(
        board.cards().get(card).prompt(),
        board.size(),
        seconds,
        board.fps(),
        board.seed() + card,
        generation.steps,
        generation.guidance,
        generation.negative);
  }

  /** One record for the whole board: the cards' prompts and captions joined by " | ". */
  private ProvenanceRecord record(Storyboard board, List<PromptEnhancer.Enhanced> prompts) {
    List<String> asked = board.cards().stream().map(Storyboard.Card::prompt).toList();
    List<String> captions = prompts.stream().map(PromptEnhancer.Enhanced::caption).toList();
    return ModelSession.record(
        generation,
        "storyboard",
        String.join(" | ", asked),
        PromptEnhancer.verbatim(String.join(" | ", captions)),
        board.seed());
  }
}
