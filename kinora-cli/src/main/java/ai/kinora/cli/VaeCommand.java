package ai.kinora.cli;

import ai.djl.ndarray.NDManager;
import ai.kinora.eval.Fidelity;
import ai.kinora.media.FrameSource;
import ai.kinora.media.MediaInfo;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.VideoReader;
import ai.kinora.media.VideoWriter;
import ai.kinora.train.GroupPositions;
import ai.kinora.train.VaeEvaluation;
import ai.kinora.vae.Latents;
import ai.kinora.vae.VaeCodec;
import ai.kinora.vae.VideoVae;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kinora vae}: tools for the video compression network. */
@Command(
    name = "vae",
    mixinStandardHelpOptions = true,
    description = "Tools for the video compression network (the causal 3D VAE).",
    subcommands = {VaeCommand.Eval.class, VaeCommand.RoundTrip.class})
final class VaeCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code kinora vae eval}: PSNR and SSIM on the held-out Kinora World set. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the VAE's reconstruction PSNR and SSIM on a fixed, seeded held-out set of",
        "Kinora World scenes: 4 s clips at 128x128, 224x128 (about 16:9) and 128x224 (about",
        "9:16), and single images at those sizes; per group and the worst."
      },
      footerHeading = "%nExamples:%n",
      footer = {"  ./kinora vae eval", "  ./kinora vae eval --weights runs/vae/model"})
  static final class Eval implements Callable<Integer> {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--weights",
        paramLabel = "DIR",
        description = "VAE folder (config.json, model.safetensors); default: models/vae.")
    Path weights;

    @Option(
        names = "--clips",
        paramLabel = "N",
        defaultValue = "6",
        description = "Clips per size (default: ${DEFAULT-VALUE}).")
    int clips;

    @Option(
        names = "--images",
        paramLabel = "N",
        defaultValue = "4",
        description = "Images per size (default: ${DEFAULT-VALUE}).")
    int images;

    @Override
    public Integer call() throws Exception {
      if (clips < 0 || images < 0 || clips + images == 0) {
        throw new IllegalArgumentException("--clips and --images must be >= 0, not both 0");
      }
      PrintWriter out = spec.commandLine().getOut();
      Path dir = ModelPaths.vae(weights);
      try (NDManager manager = NDManager.newBaseManager();
          VideoVae vae = VideoVae.load(manager, dir)) {
        long start = System.nanoTime();
        VaeEvaluation.Result r = VaeEvaluation.run(vae, VaeEvaluation.heldOutSet(clips, images));
        out.printf("VAE %s on the held-out Kinora World set%n", dir);
        out.printf("%-10s %6s %9s %7s%n", "group", "items", "PSNR dB", "SSIM");
        for (VaeEvaluation.Row row : r.rows()) {
          out.printf(
              Locale.ROOT,
              "%-10s %6d %9.2f %7.4f%n",
              row.group(),
              row.clips(),
              row.psnr(),
              row.ssim());
        }
        out.printf(
            Locale.ROOT, "%-10s %6s %9.2f %7.4f%n", "worst", "", r.worstPsnr(), r.worstSsim());
        if (!r.byContent().isEmpty()) {
          out.println("clips by content (all sizes):");
          for (VaeEvaluation.Row row : r.byContent()) {
            out.printf(
                Locale.ROOT,
                "%-10s %6d %9.2f %7.4f%n",
                row.group(),
                row.clips(),
                row.psnr(),
                row.ssim());
          }
        }
        GroupPositions p = r.positions();
        if (p.hasSteps()) {
          out.printf(
              Locale.ROOT,
              "clips by position in the latent frame: frame 0 %.2f dB; group positions 1-4"
                  + " %.2f / %.2f / %.2f / %.2f dB%n",
              p.psnr(0),
              p.psnr(1),
              p.psnr(2),
              p.psnr(3),
              p.psnr(4));
          out.printf(
              Locale.ROOT,
              "frame-to-frame change, decoded (input): inside a group %.2f (%.2f), across a"
                  + " group boundary %.2f (%.2f)%n",
              p.decodedStep(false),
              p.inputStep(false),
              p.decodedStep(true),
              p.inputStep(true));
        }
        out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - start) / 1e9);
      }
      return 0;
    }
  }

  /** {@code kinora vae roundtrip}: encodes and decodes any video or image. */
  @Command(
      name = "roundtrip",
      mixinStandardHelpOptions = true,
      description = {
        "Encodes and decodes a video or image with the VAE, in chunks (any length, bounded",
        "memory), and prints PSNR and SSIM against the input. Any size works: frames are padded",
        "on the right and bottom to multiples of 8 (repeating edge pixels) and cropped back;",
        "lengths other than 1 + 4k are padded by repeating the last frame and trimmed back."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  ./kinora vae roundtrip clip.mp4 -o clip-vae.mp4",
        "  ./kinora vae roundtrip photo.png -o photo-vae.png --weights runs/vae/model"
      })
  static final class RoundTrip implements Callable<Integer> {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Video or image to encode.")
    Path input;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "OUT",
        description = "Decoded video or image (format by extension).")
    Path output;

    @Option(
        names = "--weights",
        paramLabel = "DIR",
        description = "VAE folder (config.json, model.safetensors); default: models/vae.")
    Path weights;

    @Option(
        names = "--chunk",
        paramLabel = "N",
        defaultValue = "" + VaeCodec.DEFAULT_CHUNK,
        description = "Latent frames per chunk (default: ${DEFAULT-VALUE}, i.e. 32 frames).")
    int chunk;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (NDManager manager = NDManager.newBaseManager();
          VideoVae vae = VideoVae.load(manager, ModelPaths.vae(weights))) {
        VaeCodec codec = new VaeCodec(vae, chunk);
        Latents latents;
        MediaInfo info;
        try (FrameSource source = VideoReader.open(input)) {
          info = source.info();
          latents = codec.encode(source);
        }
        double[] sums = new double[2]; // squared error total, SSIM total
        VideoWriter writer =
            VideoWriter.open(output, latents.videoWidth(), latents.videoHeight(), info.fps());
        try (FrameSource again = VideoReader.open(input);
            Progress progress = Progress.start("roundtrip", latents.videoFrames(), "frames")) {
          codec.decode(
              latents,
              frame -> {
                RgbFrame original = again.next();
                sums[0] += Fidelity.mse(original, frame);
                sums[1] += Fidelity.ssim(original, frame);
                writer.write(frame);
                progress.step();
              });
        } catch (RuntimeException | Error e) {
          writer.abort();
          throw e;
        }
        writer.close();
        int n = latents.videoFrames();
        out.printf(
            Locale.ROOT,
            "wrote %s: %dx%d, %d frame%s (latent %dx%dx%dx%d); PSNR %.2f dB, SSIM %.4f vs the input%n",
            output,
            latents.videoWidth(),
            latents.videoHeight(),
            n,
            n == 1 ? "" : "s",
            latents.channels(),
            latents.frames(),
            latents.height(),
            latents.width(),
            Fidelity.psnrOf(sums[0] / n),
            sums[1] / n);
      }
      return 0;
    }
  }
}
