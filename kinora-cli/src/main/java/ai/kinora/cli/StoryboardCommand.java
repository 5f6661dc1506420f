package ai.kinora.cli;

import ai.kinora.generate.PromptEnhancer;
import ai.kinora.generate.Prompting;
import ai.kinora.generate.Storyboard;
import ai.kinora.generate.TextToVideo;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
import ai.kinora.world.Canvas;
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
      Prompting p = session.prompting;
      double nativeFps = session.generator.nativeFormat().fps();
      List<RgbFrame> natives = new ArrayList<>();
      for (int i = 0; i < board.cards().size(); i++) {
        double slot = board.slot(i);
        int slotFrames = (int) Math.max(1, Math.round(slot * nativeFps));
        TextToVideo.Request request = request(board, i, slot);
        String caption = prompts.get(i).caption();
        Canvas canvas = p.canvas(request);
        List<RgbFrame> segment = new ArrayList<>();
        if (inputs.get(i) instanceof RgbFrame image) {
          segment.addAll(p.animate(image, Prompting.Fit.CROP, request, caption));
        } else if (inputs.get(i) instanceof Video v) {
          segment.addAll(
              p.atNativeRate(Prompting.fit(v.frames(), canvas, Prompting.Fit.CROP), v.fps()));
        } else if (i == 0) {
          p.longVideo(request, caption, VideoPromptCommands.WINDOW_SECONDS, segment::add);
        }
        while (segment.size() < slotFrames) { // continue what came before, with this card
          List<RgbFrame> context = new ArrayList<>(natives);
          context.addAll(segment);
          double rest =
              Math.min(
                  VideoPromptCommands.WINDOW_SECONDS, (slotFrames - segment.size()) / nativeFps);
          segment.addAll(p.extendForward(context, rest, request, caption));
        }
        natives.addAll(segment.subList(0, slotFrames));
        progress.step();
      }
      TextToVideo.Request whole = request(board, 0, board.seconds());
      List<RgbFrame> frames = TextToVideo.resample(natives, nativeFps, whole);
      StillCommands.write(output, frames, board.fps());
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
}
