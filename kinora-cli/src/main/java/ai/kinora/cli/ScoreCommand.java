package ai.kinora.cli;

import ai.kinora.eval.ScoreReport;
import ai.kinora.eval.Scorer;
import ai.kinora.eval.SuiteSummary;
import ai.kinora.media.Video;
import ai.kinora.media.VideoReader;
import ai.kinora.world.ParsedPrompt;
import ai.kinora.world.PromptParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kinora score}: judges from pixels alone whether videos show what their prompts say. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Judges whether videos show their prompts, from pixels alone.",
      "Scores one video attribute by attribute (never from metadata), or a suite of",
      "(video, prompt) pairs, printing the aggregate.",
      "A suite is JSONL: {\"video\": \"clip.mp4\", \"prompt\": \"...\"} per line, paths relative",
      "to the suite file."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./kinora score c.mp4 --prompt \"a small red circle moves to the right on a gray background\"",
      "  ./kinora score c.mp4 --prompt \"red circle moving right\" --json",
      "  ./kinora score --suite suite.jsonl"
    })
final class ScoreCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @ArgGroup(exclusive = false)
    One one;

    @Option(names = "--suite", paramLabel = "FILE.jsonl", description = "Score many pairs.")
    Path suite;
  }

  static final class One {
    @Parameters(index = "0", paramLabel = "VIDEO", description = "The video to judge.")
    Path video;

    @Option(
        names = "--prompt",
        required = true,
        paramLabel = "PROMPT",
        description = "What it should show.")
    String prompt;
  }

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  private final Scorer scorer = new Scorer();

  @Override
  public Integer call() throws IOException {
    if (target.suite != null) {
      return scoreSuite(target.suite);
    }
    ScoreReport report = scoreOne(target.one.video, target.one.prompt);
    out().println(json ? report.toJson() : report.toTable());
    return 0;
  }

  private ScoreReport scoreOne(Path videoPath, String prompt) {
    ParsedPrompt parsed = PromptParser.parse(prompt);
    if (!parsed.unmapped().isEmpty()) {
      err()
          .println(
              "kinora: ignoring words Kinora cannot map: " + String.join(", ", parsed.unmapped()));
    }
    Video video = VideoReader.read(videoPath);
    return scorer.score(video, parsed.scene());
  }

  private int scoreSuite(Path suite) throws IOException {
    if (!Files.isRegularFile(suite)) {
      throw new IllegalArgumentException(suite + ": no such suite file");
    }
    ObjectMapper mapper = new ObjectMapper();
    List<String> lines = Files.readAllLines(suite).stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(suite + ": the suite lists no videos");
    }
    Path base = suite.toAbsolutePath().getParent();
    SuiteSummary summary = new SuiteSummary();
    try (Progress progress = Progress.start("score", lines.size(), "videos")) {
      for (int i = 0; i < lines.size(); i++) {
        JsonNode node;
        try {
          node = mapper.readTree(lines.get(i));
        } catch (IOException e) {
          throw new IllegalArgumentException(suite + " line " + (i + 1) + ": invalid JSON");
        }
        JsonNode video = node.get("video");
        JsonNode prompt = node.get("prompt");
        if (video == null || prompt == null) {
          throw new IllegalArgumentException(
              suite + " line " + (i + 1) + ": needs \"video\" and \"prompt\" fields");
        }
        summary.add(scoreOne(base.resolve(video.asText()), prompt.asText()));
        progress.step();
      }
    }
    out().println(json ? summary.toJson() : summary.toTable());
    return 0;
  }

  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
