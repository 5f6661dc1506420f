package ai.kinora.cli;

import ai.djl.ndarray.NDManager;
import ai.kinora.train.ClipSource;
import ai.kinora.train.FolderClips;
import ai.kinora.train.TrainingRun;
import ai.kinora.train.VaeEvaluation;
import ai.kinora.train.VaeTrainer;
import ai.kinora.train.VaeTrainingConfig;
import ai.kinora.train.WorldClips;
import ai.kinora.vae.VaeConfig;
import ai.kinora.vae.VaeConfigJson;
import ai.kinora.vae.VideoVae;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kinora train}: trains Kinora's models. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains Kinora's models.",
    subcommands = {TrainCommand.Vae.class, TrainDitCommand.class})
final class TrainCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code kinora train vae}: trains the video compression network. */
  @Command(
      name = "vae",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the causal video VAE on Kinora World clips rendered on the fly (mixed sizes,",
        "aspect ratios and durations, single images included), or on a dataset folder (--data).",
        "Writes OUT/metrics.jsonl, checkpoints in OUT/checkpoints (the last two kept) and the",
        "newest EMA model in OUT/model; --resume OUT continues a killed run exactly."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  ./kinora train vae --steps 12000 --out runs/vae",
        "  ./kinora train vae --resume runs/vae",
        "  ./kinora train vae --preset tiny --steps 300 --out runs/tiny",
        "  ./kinora train vae --data data/mine --steps 5000 --out runs/mine",
        "  ./kinora train vae --init models/vae --freeze-encoder --steps 4000 --out runs/decoder",
        "  ./kinora train vae --init models/vae --motion-weight 4 --steps 8000 --out runs/vae-mw"
      })
  static final class Vae implements Callable<Integer> {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin RunOptions runOptions;

    @Option(
        names = "--preset",
        paramLabel = "NAME",
        defaultValue = "default",
        description = "Model: default, wide or tiny (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(
        names = "--steps",
        paramLabel = "N",
        defaultValue = "12000",
        description = "Updates in the run (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(
        names = "--latent-channels",
        paramLabel = "C",
        description =
            "Latent channels, instead of the preset's (a DiT trained on the VAE must match).")
    Integer latentChannels;

    @Option(names = "--data", paramLabel = "DIR", description = "Train on a dataset folder.")
    Path data;

    @Option(
        names = "--init",
        paramLabel = "DIR",
        description = "Start from this VAE's weights (its config sets the model's shape).")
    Path init;

    @Option(
        names = "--freeze-encoder",
        description =
            "With --init: train only the decoder; the encoder, the latents and their"
                + " normalisation stay exactly as they are (a DiT trained on them stays valid).")
    boolean freezeEncoder;

    @Option(names = "--batch", paramLabel = "B", description = "Clips per step.")
    Integer batch;

    @Option(names = "--crop", paramLabel = "PX", description = "Square crop side, multiple of 8.")
    Integer crop;

    @Option(names = "--frames", paramLabel = "T", description = "Clip frames, 1 + 4k.")
    Integer frames;

    @Option(names = "--warmup", paramLabel = "N", description = "Warmup steps.")
    Long warmup;

    @Option(
        names = "--motion-weight",
        paramLabel = "A",
        defaultValue = "0",
        description =
            "Weight the squared error of pixels that change within 4 frames by 1 + A, i.e. what"
                + " moves and where it was (default: ${DEFAULT-VALUE}, plain MSE).")
    double motionWeight;

    @Option(
        names = "--eval-clips",
        paramLabel = "N",
        defaultValue = "2",
        description =
            "Held-out clips and images per size evaluated at each checkpoint"
                + " (default: ${DEFAULT-VALUE}).")
    int evalClips;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      runOptions.check(
          spec,
          "--preset",
          "--latent-channels",
          "--steps",
          "--data",
          "--init",
          "--freeze-encoder",
          "--batch",
          "--crop",
          "--frames",
          "--warmup",
          "--motion-weight");
      Path dir = runOptions.dir();
      try (NDManager manager = NDManager.newBaseManager()) {
        VaeTrainer trainer;
        Path checkpoint = runOptions.checkpoint();
        if (checkpoint != null) {
          trainer = VaeTrainer.resume(manager, checkpoint);
          err.printf("resuming %s at step %d%n", checkpoint, trainer.stepsDone());
        } else {
          trainer = VaeTrainer.start(manager, config(), source());
        }
        try (trainer) {
          VaeTrainingConfig c = trainer.config();
          err.printf(
              "training VAE (%d parameters) on %s: %d steps, batch %d x %d frames of %dx%d%n",
              trainer.model().parameters().trainableCount(),
              trainer.source().describe(),
              c.steps(),
              c.batch(),
              c.clipFrames(),
              c.crop(),
              c.crop());
          err.flush();
          TrainingRun run =
              new TrainingRun(
                  dir,
                  RunOptions.command(spec, checkpoint),
                  VaeEvaluation.heldOutSet(evalClips, evalClips));
          long remaining = c.steps() - trainer.stepsDone();
          try (Progress progress = Progress.start("train vae", remaining, "steps")) {
            run.run(
                trainer,
                new TrainingRun.Listener() {
                  @Override
                  public void onStep(VaeTrainer.StepReport r) {
                    progress.extra(
                        String.format(
                            Locale.ROOT,
                            "step %d, loss %.4f, PSNR %.2f dB",
                            r.step(),
                            r.loss(),
                            r.psnr()));
                    progress.step();
                  }

                  @Override
                  public void onCheckpoint(long step, Path saved, VaeEvaluation.Result eval) {
                    StringBuilder line = new StringBuilder();
                    for (VaeEvaluation.Row row : eval.rows()) {
                      line.append(
                          String.format(
                              Locale.ROOT,
                              " %s %.2f dB/%.3f",
                              row.group(),
                              row.psnr(),
                              row.ssim()));
                    }
                    err.printf(
                        Locale.ROOT,
                        "checkpoint %s: held-out PSNR/SSIM%s; worst %.2f dB%n",
                        saved.getFileName(),
                        line,
                        eval.worstPsnr());
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

    private VaeTrainingConfig config() throws ai.kinora.nn.CheckpointException {
      VaeTrainingConfig d =
          preset.equalsIgnoreCase("tiny")
              ? VaeTrainingConfig.tiny(steps)
              : VaeTrainingConfig.defaults(steps);
      VaeConfig model = VaeConfig.preset(preset);
      VaeTrainingConfig.Init start = null;
      if (latentChannels != null) {
        model = model.withLatentChannels(latentChannels);
      }
      if (init != null) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--preset")
            || latentChannels != null) {
          throw new IllegalArgumentException(
              "--init takes the model's shape from " + init + "; drop --preset/--latent-channels");
        }
        model = VaeConfigJson.read(init.resolve(VideoVae.CONFIG_FILE));
        start = new VaeTrainingConfig.Init(init.toAbsolutePath().toString(), freezeEncoder);
      } else if (freezeEncoder) {
        throw new IllegalArgumentException(
            "--freeze-encoder needs --init DIR: the VAE whose encoder stays as it is");
      }
      return new VaeTrainingConfig(
          model,
          steps,
          batch != null ? batch : d.batch(),
          crop != null ? crop : d.crop(),
          frames != null ? frames : d.clipFrames(),
          d.imageFraction(),
          runOptions.lr != null ? runOptions.lr : d.peakLr(),
          warmup != null ? warmup : d.warmupSteps(),
          d.finalLrFraction(),
          d.weightDecay(),
          d.emaDecay(),
          d.klWeight(),
          d.gradClip(),
          runOptions.seed != null ? runOptions.seed : d.seed(),
          runOptions.checkpointEvery(d.checkpointEvery(), steps),
          start,
          motionWeight);
    }

    private ClipSource source() {
      return data != null ? new FolderClips(data) : new WorldClips();
    }
  }
}
