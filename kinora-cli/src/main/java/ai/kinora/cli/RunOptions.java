package ai.kinora.cli;

import ai.kinora.nn.JsonFiles;
import ai.kinora.train.TrainingRun;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The run options every trainer shares: a new run in --out or a resumed one from --resume, and the
 * recipe settings every trainer takes (learning rate, seed, checkpoint interval); what follows from
 * them: the run's folder, the checkpoint to resume and the command to record beside the model.
 */
final class RunOptions {

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder of a new run.")
  Path out;

  @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR.")
  Path resume;

  @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate.")
  Double lr;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of weights and data.")
  Long seed;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "N",
      description = "Steps between checkpoints.")
  Long checkpointEvery;

  /**
   * Checks exactly one of --out (a new run, in a folder that holds none yet) and --resume, and none
   * of {@code recorded} (or the recipe options here) with --resume, since a resumed run continues
   * with its recorded settings.
   */
  void check(CommandSpec spec, String... recorded) {
    if ((out == null) == (resume == null)) {
      throw new IllegalArgumentException("give either --out DIR for a new run or --resume DIR");
    }
    if (resume != null) {
      for (String option : recorded) {
        refuseWithResume(spec, option);
      }
      for (String option : new String[] {"--lr", "--seed", "--checkpoint-every"}) {
        refuseWithResume(spec, option);
      }
    } else if (Files.exists(out.resolve(TrainingRun.CHECKPOINTS))) {
      throw new IllegalArgumentException(
          out + " already holds a run; use --resume " + out + " or another --out");
    }
  }

  private static void refuseWithResume(CommandSpec spec, String option) {
    if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
      throw new IllegalArgumentException(
          option + " cannot change a resumed run: it continues with its recorded settings");
    }
  }

  /** The run's folder. */
  Path dir() {
    return resume != null ? resume : out;
  }

  /** The newest complete checkpoint to resume from, or null for a new run. */
  Path checkpoint() throws IOException {
    if (resume == null) {
      return null;
    }
    return TrainingRun.latestCheckpoint(resume)
        .orElseThrow(() -> new IllegalArgumentException(resume + ": no checkpoint to resume from"));
  }

  /** {@code every} if given, else the recipe's interval, at most the run's steps. */
  long checkpointEvery(long recipe, long steps) {
    return checkpointEvery != null ? checkpointEvery : Math.min(recipe, steps);
  }

  /**
   * The command to record beside the model: for a new run (no {@code checkpoint}) the command as
   * typed; for a resumed one the command that started the run, as its checkpoint's exported model
   * records it (with any extensions after a ";"), since "--resume DIR" alone would not tell how to
   * reproduce the weights.
   */
  static String command(CommandSpec spec, Path checkpoint) {
    if (checkpoint != null) {
      Path config = checkpoint.resolve(TrainingRun.MODEL).resolve("config.json");
      try {
        JsonNode json = JsonFiles.read(config);
        String recorded = json == null ? "" : json.path("training").path("command").asText("");
        if (!recorded.isEmpty() && !recorded.split(";")[0].contains("--resume")) {
          return recorded;
        }
      } catch (IOException e) {
        // fall through: the checkpoint itself is checked when it is loaded
      }
    }
    return typed(spec);
  }

  /** The command as typed. */
  static String typed(CommandSpec spec) {
    return "kinora " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
