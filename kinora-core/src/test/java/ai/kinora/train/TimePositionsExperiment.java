package ai.kinora.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.kinora.dit.DitConfig;
import ai.kinora.dit.TinyModel;
import ai.kinora.generate.ShippedModels;
import ai.kinora.media.RgbFrame;
import ai.kinora.nn.Step;
import ai.kinora.patch.Patchifier;
import ai.kinora.vae.VaeCodec;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import ai.kinora.world.PromptParser;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An experiment, not part of the suite (it takes about 15 minutes on one core): does a DiT trained
 * from scratch learn motion faster with time positions ({@link DitConfig#timePositions})? Twelve
 * 4-second 64x64 clips (a large circle of three colours moving quickly left, right, up or down,
 * encoded by the shipped VAE into 9 latent frames) are overfitted for 400 steps by the same tiny
 * DiT with and without them, from the same initialisation; it prints the last training loss and the
 * RMS distance of sampled latents to their targets, overall and per latent frame. Run:
 *
 * <pre>./mvnw -pl kinora-core surefire:test -Dtest=TimePositionsExperiment -Dkinora.experiment=true
 *   [-Dinit=3]</pre>
 *
 * Results are in docs/dit-notes.md ("Time positions").
 */
@EnabledIfSystemProperty(named = "kinora.experiment", matches = "true")
class TimePositionsExperiment {

  static final int STEPS = 400;

  @Test
  void timePositionsAgainstNone() throws Exception {
    List<String> captions = new ArrayList<>();
    for (String colour : new String[] {"red", "yellow", "blue"}) {
      for (String way : new String[] {"to the left", "to the right", "up", "down"}) {
        captions.add(
            "a large " + colour + " circle moves " + way + " quickly on a gray background");
      }
    }
    int init = Integer.getInteger("init", 3);
    try (NDManager vaeManager = NDManager.newBaseManager();
        VideoVae vae = VideoVae.load(vaeManager, ShippedModels.dir("vae"));
        NDManager data = NDManager.newBaseManager()) {
      VaeCodec codec = new VaeCodec(vae);
      NDArray targets = null;
      for (int i = 0; i < captions.size(); i++) {
        Scene scene = PromptParser.parse(captions.get(i)).scene().withDuration(4);
        List<RgbFrame> frames =
            new ArrayList<>(
                SceneRenderer.renderClip(scene, new Canvas(64, 64), 8, 11 + i).frames());
        frames.add(frames.getLast()); // 33 frames: 9 latent frames
        NDArray z = codec.encode(frames).toArray(data); // (1, 16, 9, 8, 8)
        targets = targets == null ? z : targets.concat(z, 0);
      }
      for (boolean time : new boolean[] {false, true}) {
        DitConfig config =
            new DitConfig(96, 2, 4, 4, new Patchifier(1, 2, 2), 16, 32, 32, true, time);
        try (TinyModel model = new TinyModel(init, config)) {
          Overfitting.Losses losses = Overfitting.train(model, targets, captions, STEPS);
          try (Step step = Step.open(model.params)) {
            for (long seed : new long[] {7, 8}) {
              NDArray out = Overfitting.sample(step, model, captions, targets.getShape(), seed);
              System.out.printf(
                  Locale.ROOT,
                  "init %d, time positions %s: last loss %.4f; sample seed %d: %s%n",
                  init,
                  time,
                  losses.last(),
                  seed,
                  distances(out.toFloatArray(), targets.toFloatArray(), 9, 64));
            }
          }
        }
      }
    }
  }

  /** "rms R, per latent frame r0 r1 ..." for (B, C, T, H, W) arrays with T frames of hw values. */
  static String distances(float[] sampled, float[] target, int frames, int hw) {
    double[] perFrame = new double[frames];
    double all = 0;
    for (int k = 0; k < sampled.length; k++) {
      double d = sampled[k] - (double) target[k];
      perFrame[(k / hw) % frames] += d * d;
      all += d * d;
    }
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT, "rms %.3f, per latent frame", Math.sqrt(all / sampled.length)));
    for (double v : perFrame) {
      s.append(String.format(Locale.ROOT, " %.3f", Math.sqrt(v / (sampled.length / frames))));
    }
    return s.toString();
  }
}
