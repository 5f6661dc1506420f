package ai.kinora.cli;

import ai.djl.ndarray.NDManager;
import ai.kinora.dit.DitConfigJson;
import ai.kinora.dit.DitModel;
import ai.kinora.eval.SuiteSummary;
import ai.kinora.generate.PromptSuite;
import ai.kinora.nn.CheckpointException;
import ai.kinora.nn.JsonFiles;
import ai.kinora.text.Tokenizer;
import ai.kinora.train.CaptionedClips;
import ai.kinora.train.DitObjective;
import ai.kinora.train.DitTrainer;
import ai.kinora.train.DitTrainingConfig;
import ai.kinora.train.DitTrainingRun;
import ai.kinora.train.TrainingRun;
import ai.kinora.vae.VaeConfigJson;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.CaptionWording;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kinora train dit}: trains the text encoder and diffusion transformer together. */
@Command(
    name = "dit",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the text encoder and the diffusion transformer together on Kinora World clips",
      "rendered per step in buckets (128x128, 224x128 and 128x224; images and 1-4 s clips at",
      "8 fps), encoded by a frozen VAE, captioned mostly in the descriptive style, each with a",
      "random frame-conditioning mask. Writes OUT/metrics.jsonl, OUT/checkpoints (the last two",
      "kept), the newest EMA model in OUT/model and, at each checkpoint, sample videos of",
      "held-out prompts in OUT/samples with their scores; --resume OUT continues a killed run.",
      "With --data DIR it trains on a dataset folder's clips and captions instead (samples of",
      "its first captions, not scored)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./kinora train dit --steps 20000 --out runs/dit",
      "  ./kinora train dit --resume runs/dit",
      "  ./kinora train dit --resume runs/dit --steps 30000   # extend a run",
      "  ./kinora train dit --vae runs/vae/model --steps 20000 --out runs/dit2",
      "  ./kinora train dit --data my-dataset --steps 20000 --out runs/mine",
      "  ./kinora train dit --resume runs/fork --foreground-weight 4   # fine-tune, another loss",
      "  ./kinora train dit --init models/dit --vae runs/vae/model --steps 3000 --out runs/tuned",
      "  ./kinora train dit --init models/dit --mirror-pairs --steps 3000 --out runs/mirror"
    })
final class TrainDitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RunOptions runOptions;

  @Option(
      names = "--vae",
      paramLabel = "DIR",
      description = "The VAE whose latents the model learns (default: the shipped models/vae).")
  Path vae;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Train on a dataset folder (manifest.jsonl and its clips, see README) instead of Kinora"
              + " World: its captions are used as they are, and the model then takes prompts"
              + " verbatim.")
  Path data;

  @Option(
      names = "--init",
      paramLabel = "DIR",
      description =
          "Start from this model folder's weights and vocabulary (e.g. models/dit), with a fresh"
              + " optimiser, warm-up and schedule: fine-tune the shipped model on another VAE's"
              + " latents (--vae) or on a dataset (--data). Its shapes replace the preset's.")
  Path init;

  @Option(
      names = "--time-positions",
      description =
          "Give every token how far into the clip it is (sinusoids of its latent frame's index),"
              + " besides its rotary positions: the default and large presets have them; this adds"
              + " them to the tiny preset or to an --init model without them (the new layer starts"
              + " at zero, so its predictions are unchanged at step 0).")
  boolean timePositions;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      defaultValue = "default",
      description =
          "default (the shipped DiT and text encoder), large (a wider, deeper DiT and text encoder"
              + " for bigger machines) or tiny (a seconds-fast smoke test on 32x32 clips)"
              + " (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(
      names = "--steps",
      paramLabel = "N",
      defaultValue = "20000",
      description =
          "Updates in the run (default: ${DEFAULT-VALUE}); with --resume, a larger number"
              + " extends the run (its learning-rate decay then ends there).")
  long steps;

  @Option(
      names = "--samples",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "Held-out prompts sampled and scored at each checkpoint (default: ${DEFAULT-VALUE}); from"
              + " 4 on, two of them have an object moving left and one moving right; it holds for"
              + " this invocation only, so give it again with --resume.")
  int samples;

  @Option(
      names = "--timestep-mean",
      paramLabel = "X",
      description =
          "Location of the logit-normal training times (default 0, SD3's); larger trains more at"
              + " high noise. With --resume it changes the run's loss from then on.")
  Double timestepMean;

  @Option(
      names = "--foreground-weight",
      paramLabel = "A",
      description =
          "Extra loss weight of tokens that stand out from their clip's mean latent, i.e. objects"
              + " (default 0: plain MSE; A gives them up to 1 + A times a background token's)."
              + " With --resume it changes the run's loss from then on.")
  Double foregroundWeight;

  @Option(
      names = "--mirror-pairs",
      arity = "0..1",
      paramLabel = "BOOL",
      description =
          "Kinora World scenes in mirrored pairs: each second clip of a step is the first one's"
              + " mirror image with its own caption, so only left/right (and the sense of an"
              + " orbit) tells them apart (default: off). With --resume it changes the run's"
              + " data from then on; --mirror-pairs=false turns it off.")
  Boolean mirrorPairs;

  @Option(
      names = "--caption-wording",
      paramLabel = "NAME",
      description =
          "How Kinora World captions word sideways motion and pans: directional (\"moves"
              + " rightward\", the default for a new run) or original (\"moves to the right\","
              + " the shipped model's; the default with --init is the started-from model's). The"
              + " model records it and the prompt enhancer writes it. With --resume it changes the"
              + " run's captions from then on.")
  String captionWording;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    runOptions.check(spec, "--preset", "--vae", "--data", "--init", "--time-positions");
    boolean extend = runOptions.resume != null && matched("--steps");
    boolean newObjective =
        timestepMean != null
            || foregroundWeight != null
            || mirrorPairs != null
            || captionWording != null;
    CaptionWording wording =
        captionWording == null ? null : CaptionWording.fromKey(captionWording.strip());
    if (data != null && wording != null) {
      throw new IllegalArgumentException(
          "--caption-wording words Kinora World's captions; a dataset folder's captions are used"
              + " as they are, so it cannot be used with --data");
    }
    if (data != null && Boolean.TRUE.equals(mirrorPairs)) {
      throw new IllegalArgumentException(
          "--mirror-pairs mirrors Kinora World scenes and their captions; a dataset folder's"
              + " captions cannot be mirrored, so it cannot be used with --data");
    }
    if (samples < 0) {
      throw new IllegalArgumentException("--samples must be >= 0, got " + samples);
    }
    Path dir = runOptions.dir();
    try (NDManager manager = NDManager.newBaseManager()) {
      DitTrainer trainer;
      Path checkpoint = runOptions.checkpoint();
      if (checkpoint != null) {
        DitObjective objective =
            newObjective
                ? DitTrainer.recordedObjective(checkpoint)
                    .with(timestepMean, foregroundWeight, mirrorPairs, wording)
                : null;
        trainer = DitTrainer.resume(manager, checkpoint, extend ? steps : null, objective);
        err.printf("resuming %s at step %d%n", checkpoint, trainer.stepsDone());
        if (extend) {
          err.printf("extended to %d steps (the learning-rate decay now ends there)%n", steps);
        }
        if (objective != null) {
          err.printf(
              Locale.ROOT,
              "objective from now on: timestep mean %s, foreground weight %s, mirror pairs %s,"
                  + " caption wording %s%n",
              objective.timestepMean(),
              objective.foregroundWeight(),
              objective.mirrorPairs() ? "on" : "off",
              objective.captionWording().key());
        }
      } else {
        Path vaeDir = ModelPaths.vae(vae);
        CaptionedClips clips = data == null ? null : new CaptionedClips(data);
        trainer = DitTrainer.start(manager, config(vaeDir, wording), vaeDir, clips, init);
        if (init != null) {
          err.printf("starting from %s%n", init);
          if (clips != null) {
            reportUnknownWords(err, trainer.model().tokenizer(), clips.captions());
          }
        }
      }
      try (trainer) {
        DitTrainingConfig c = trainer.config();
        long params = trainer.model().parameters().trainableCount();
        err.printf(
            Locale.ROOT,
            "training text encoder + DiT (%.2f M parameters) on %s, latents of %s: %d steps%n",
            params / 1e6,
            trainer.folder() == null ? "Kinora World" : trainer.folder(),
            trainer.vaeDir(),
            c.steps());
        err.flush();
        List<String> prompts =
            trainer.folder() == null
                ? PromptSuite.checkpointSamples(samples)
                : trainer.folder().captions().stream().distinct().limit(samples).toList();
        String command = RunOptions.command(spec, checkpoint);
        List<String> changes = new ArrayList<>();
        if (extend) {
          changes.add("extended");
        }
        if (checkpoint != null && newObjective) {
          changes.add("objective changed");
        }
        if (!changes.isEmpty()) {
          command += "; " + String.join(", ", changes) + ": " + RunOptions.typed(spec);
        }
        DitTrainingRun run = new DitTrainingRun(dir, command, prompts);
        long remaining = c.steps() - trainer.stepsDone();
        try (Progress progress = Progress.start("train dit", remaining, "steps")) {
          run.run(
              trainer,
              new DitTrainingRun.Listener() {
                @Override
                public void onStep(DitTrainer.StepReport r) {
                  progress.extra(
                      String.format(
                          Locale.ROOT,
                          "step %d, loss %.4f, %s x%d",
                          r.step(),
                          r.loss(),
                          r.bucket(),
                          r.clips()));
                  progress.step();
                }

                @Override
                public void onCheckpoint(long step, Path saved, SuiteSummary s) {
                  String leftRight =
                      s.leftRightObjects() == 0
                          ? "no left/right motion among them"
                          : String.format(
                              Locale.ROOT, "left/right %.0f%%", 100 * s.leftRightAccuracy());
                  err.printf(
                      Locale.ROOT,
                      "checkpoint %s: samples pass %d/%d attributes (%.1f%%), %s%n",
                      saved.getFileName(),
                      s.passed(),
                      s.judged(),
                      100 * s.attributeAccuracy(),
                      leftRight);
                  err.flush();
                }
              });
        }
        spec.commandLine()
            .getOut()
            .printf(
                "trained %d steps in %.0f s; model in %s%n",
                trainer.stepsDone(), trainer.wallSeconds(), dir.resolve(TrainingRun.MODEL));
      }
    }
    return 0;
  }

  private boolean matched(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /**
   * The new run's config; {@code wording} null picks the started-from model's caption wording with
   * --init, else {@link CaptionWording#DIRECTIONAL}.
   */
  private DitTrainingConfig config(Path vaeDir, CaptionWording wording) throws CheckpointException {
    DitTrainingConfig d =
        switch (preset.toLowerCase(Locale.ROOT)) {
          case "default" -> DitTrainingConfig.defaults(steps);
          case "large" -> DitTrainingConfig.large(steps);
          case "tiny" ->
              DitTrainingConfig.tiny(
                  steps, VaeConfigJson.read(vaeDir.resolve(VideoVae.CONFIG_FILE)).latentChannels());
          default ->
              throw new IllegalArgumentException(
                  "unknown preset \"" + preset + "\"; choose default, large or tiny");
        };
    if (init != null) {
      Path file = init.resolve(DitModel.CONFIG_FILE);
      JsonNode json = JsonFiles.read(file);
      if (json == null || !json.has("dit") || !json.has("text")) {
        throw new CheckpointException(file + ": not a Kinora DiT model folder (--init)");
      }
      d =
          d.withModel(
              DitConfigJson.fromNode(json.get("dit"), file + " \"dit\""),
              DitConfigJson.textFromNode(json.get("text"), file + " \"text\""));
      if (wording == null) {
        wording = DitModel.captionWording(json, file);
      }
    }
    if (wording == null) {
      wording = CaptionWording.DIRECTIONAL;
    }
    if (timePositions) {
      d = d.withModel(d.dit().withTimePositions(true), d.text());
    }
    long every = runOptions.checkpointEvery(d.checkpointEvery(), steps);
    d = d.with(null, runOptions.lr, runOptions.seed, every);
    return d.with(d.objective().with(timestepMean, foregroundWeight, mirrorPairs, wording));
  }

  /** Says which caption words the started-from model does not know (they train as unknown). */
  private static void reportUnknownWords(
      PrintWriter err, Tokenizer tokenizer, List<String> captions) {
    Set<String> unknown = new TreeSet<>();
    for (String caption : captions) {
      unknown.addAll(tokenizer.encode(caption, Integer.MAX_VALUE).unknown());
    }
    if (!unknown.isEmpty()) {
      err.printf(
          "%d caption word%s not in the model's vocabulary, read as unknown: %s%n",
          unknown.size(),
          unknown.size() == 1 ? " is" : "s are",
          String.join(", ", unknown.stream().limit(20).toList())
              + (unknown.size() > 20 ? ", ..." : ""));
    }
  }
}
