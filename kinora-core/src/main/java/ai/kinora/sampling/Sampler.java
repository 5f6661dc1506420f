package ai.kinora.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.kinora.dit.VelocityModel;
import ai.kinora.flow.Noise;
import ai.kinora.flow.Schedule;
import ai.kinora.patch.Patchifier;
import ai.kinora.text.TextEmbedding;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The one denoising loop (Flux's denoise): from seeded noise (or a noised source) at the start
 * time, follow the model's guided velocity down the schedule with a stateless solver, and after
 * every step put the conditioning back: held tokens keep their clean values exactly, tied tokens
 * copy their sources. Every task is a {@link Conditioning} fed to this loop.
 */
public final class Sampler {

  private Sampler() {}

  /**
   * Latents (B, C, T, H, W) of shape {@code latents} for {@code text} (B or 1 prompts), created in
   * {@code manager}. Runs inside an open {@code Step} of the model's parameters; each iteration's
   * temporaries live in a sub-manager freed at its end, so memory does not grow with the steps. The
   * same seed gives the same latents.
   */
  public static NDArray sample(
      NDManager manager,
      VelocityModel model,
      TextEmbedding text,
      Shape latents,
      Conditioning conditioning,
      Schedule schedule,
      Solver solver,
      Guidance guidance,
      long seed) {
    return sample(
        manager,
        model,
        text,
        latents,
        conditioning,
        schedule,
        solver,
        guidance,
        Noise.gaussian(manager, latents, seed));
  }

  /**
   * As {@link #sample(NDManager, VelocityModel, TextEmbedding, Shape, Conditioning, Schedule,
   * Solver, Guidance, long)} for a batch of one sample per seed ({@code latents} of batch {@code
   * seeds.length}), each drawn from its own seed's noise: sample i equals what seed i gives alone.
   */
  public static NDArray sample(
      NDManager manager,
      VelocityModel model,
      TextEmbedding text,
      Shape latents,
      Conditioning conditioning,
      Schedule schedule,
      Solver solver,
      Guidance guidance,
      long[] seeds) {
    if (seeds.length != latents.get(0)) {
      throw new IllegalArgumentException(
          seeds.length + " seeds for a batch of " + latents.get(0) + " latents");
    }
    Shape one = new Shape(1).addAll(latents.slice(1));
    NDList parts = new NDList();
    for (long seed : seeds) {
      parts.add(Noise.gaussian(manager, one, seed)); // (1, C, T, H, W)
    }
    NDArray noise = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    return sample(manager, model, text, latents, conditioning, schedule, solver, guidance, noise);
  }

  private static NDArray sample(
      NDManager manager,
      VelocityModel model,
      TextEmbedding text,
      Shape latents,
      Conditioning conditioning,
      Schedule schedule,
      Solver solver,
      Guidance guidance,
      NDArray startNoise) {
    Patchifier patch = model.patchifier();
    Patchifier.Grid grid = patch.grid(latents);
    TextEmbedding prompts = text.repeat((int) latents.get(0));
    NDArray coords = patch.coordinates(manager, grid); // (N, 3)
    Plan plan = conditioning.compile(manager, patch, latents);
    NDArray noise = patch.patchify(startNoise); // (B, N, P)
    NDArray x = plan.impose(plan.begin(noise)); // (B, N, P)
    double[] t = schedule.timesteps(grid.tokens(), plan.start());
    NDList inputs = loopInputs(coords, prompts, guidance, plan);
    for (int i = 0; i + 1 < t.length; i++) {
      NDArray previous = x;
      try (NDManager scope = manager.newSubManager()) {
        inputs.tempAttach(scope);
        x.tempAttach(scope);
        NDArray v = guidance.velocity(model, x, coords, t[i], prompts, plan.mask()); // (B,N,P)
        x = plan.impose(solver.step(x, v, t[i], t[i + 1])); // (B, N, P)
        x.attach(manager);
      }
      if (previous != x) {
        previous.close();
      }
    }
    return patch.unpatchify(x, latents); // (B, C, T, H, W)
  }

  /** The arrays every iteration reads, lent to its scope so that what they produce is freed. */
  private static NDList loopInputs(
      NDArray coords, TextEmbedding text, Guidance guidance, Plan plan) {
    Set<NDArray> arrays = Collections.newSetFromMap(new IdentityHashMap<>()); // each lent once
    arrays.addAll(List.of(coords, text.tokens(), text.mask()));
    if (guidance.unconditional() != null) {
      arrays.addAll(List.of(guidance.unconditional().tokens(), guidance.unconditional().mask()));
    }
    for (NDArray a : new NDArray[] {plan.clean(), plan.mask(), plan.tie()}) {
      if (a != null) {
        arrays.add(a);
      }
    }
    return new NDList(arrays);
  }
}
