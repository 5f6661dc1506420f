package ai.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.kinora.vae.VaeConfig;
import ai.kinora.vae.VideoVae;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny VAE and a tiny text encoder + DiT trained for a few steps through {@code kinora train
 * dit}, made once per test JVM in a temporary folder, for the generating commands' tests. Torch
 * runs on one thread while they are used: tiny tensors gain nothing from two.
 */
final class TinyModels {

  final Path vae;
  final Path run;
  final CliRun training;

  private static TinyModels instance;

  private TinyModels(Path dir) throws Exception {
    Engine.getInstance();
    JniUtils.setNumThreads(1);
    Engine.getInstance().setRandomSeed(5);
    vae = dir.resolve("vae");
    try (NDManager m = NDManager.newBaseManager();
        VideoVae v = new VideoVae(m, VaeConfig.TINY)) {
      v.save(vae, null);
    }
    run = dir.resolve("dit");
    training =
        CliRun.run(
            "train",
            "dit",
            "--preset",
            "tiny",
            "--vae",
            vae.toString(),
            "--steps",
            "3",
            "--samples",
            "1",
            "--out",
            run.toString());
    assertEquals(0, training.exitCode(), training.err());
    assertTrue(Files.exists(run.resolve("model/model.safetensors")));
  }

  static synchronized TinyModels get() throws Exception {
    if (instance == null) {
      Path dir = Files.createTempDirectory("kinora-tiny-models");
      dir.toFile().deleteOnExit();
      instance = new TinyModels(dir);
    }
    JniUtils.setNumThreads(1);
    return instance;
  }

  /** {@code kinora COMMAND --model M --vae V ARGS...}. */
  CliRun run(String command, String... args) {
    String[] all = new String[args.length + 5];
    all[0] = command;
    all[1] = "--model";
    all[2] = run.resolve("model").toString();
    all[3] = "--vae";
    all[4] = vae.toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return CliRun.run(all);
  }
}
