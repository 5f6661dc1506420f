package ai.kinora.generate;

import ai.kinora.eval.Fidelity;
import ai.kinora.eval.FrameChanges;
import ai.kinora.eval.ScoreReport;
import ai.kinora.eval.Scorer;
import ai.kinora.eval.Trajectories;
import ai.kinora.media.RgbFrame;
import ai.kinora.media.Video;
import ai.kinora.world.Canvas;
import ai.kinora.world.CaptionWording;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The prompting modes measured against their targets: each case builds its inputs from Kinora World
 * (ground-truth clips and stills of fixed prompts), runs one mode through {@link Prompting} and
 * reports the figures the mode is held to: seams by the 1.5x rule ({@link FrameChanges}), the
 * scorer's attributes for the new part (at least 90%), the animated image's first-frame PSNR (at
 * least 28 dB), an edit's kept trajectories (within 5% of the frame) and a long video's object
 * presence (at least 95% of frames). At the native 8 fps.
 */
public final class PromptingBench {

  /** The least share of attributes a new part must pass. */
  public static final double ATTRIBUTES = 0.9;

  /** The least first-frame PSNR of an animated image, dB. */
  public static final double FIRST_FRAME_DB = 28;

  /** The most an edit may move an object, as a share of the shorter frame side. */
  public static final double EDIT_OFFSET = 0.05;

  /** The least share of frames each object of a long video must be present in. */
  public static final double PRESENCE = 0.95;

  static final double FPS = 8;

  /** One measured case: its mode, prompt, figures (one line each), verdict and output frames. */
  public record Case(
      String mode, String prompt, List<String> figures, boolean passed, List<RgbFrame> frames) {}

  private final Prompting prompting;
  private final Canvas size;
  private final int steps;
  private final double guidance;
  private final long seed;
  private final String negative;
  private final Scorer scorer = new Scorer();
  private final CaptionWording wording;

  /** Cases at {@code size} (128x128 for the figures the targets are stated at), no negative. */
  public PromptingBench(TextToVideo generator, Canvas size, int steps, double guidance, long seed) {
    this(generator, size, steps, guidance, seed, null);
  }

  /** As above, every case guided away from {@code negative} (null or empty: none). */
  public PromptingBench(
      TextToVideo generator, Canvas size, int steps, double guidance, long seed, String negative) {
    this.prompting = new Prompting(generator);
    this.size = size;
    this.steps = steps;
    this.guidance = guidance;
    this.seed = seed;
    this.negative = negative;
    this.wording = generator.captionWording();
  }

  /** The ground-truth frames of {@code prompt} from {@code from} to {@code to} seconds. */
  List<RgbFrame> world(String prompt, double from, double to) {
    Scene scene = PromptEnhancer.enhance(prompt, to).scene();
    SceneRenderer renderer = new SceneRenderer(scene, size, 0);
    List<RgbFrame> frames = new ArrayList<>();
    for (int i = (int) Math.round(from * FPS); i < Math.round(to * FPS); i++) {
      frames.add(renderer.renderFrame(i, FPS));
    }
    return frames;
  }

  TextToVideo.Request request(String prompt, double seconds) {
    return new TextToVideo.Request(prompt, size, seconds, FPS, seed, steps, guidance, negative);
  }

  /** The caption the model is given for {@code prompt}: enhanced in the model's wording. */
  String caption(String prompt, double seconds) {
    return PromptEnhancer.enhance(prompt, seconds, wording).caption();
  }

  /** The scorer's report on {@code frames} against {@code prompt}. */
  private ScoreReport score(List<RgbFrame> frames, String prompt) {
    Scene scene = PromptEnhancer.enhance(prompt, frames.size() / FPS).scene();
    return scorer.score(new Video(frames, FPS), scene);
  }

  private static boolean attributesPass(ScoreReport r) {
    return r.judged() > 0 && r.passed() >= ATTRIBUTES * r.judged();
  }

  private static String attributes(String part, ScoreReport r) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s: %d/%d attributes (%.0f%%)",
                part,
                r.passed(),
                r.judged(),
                r.judged() == 0 ? 0.0 : 100.0 * r.passed() / r.judged()));
    for (ScoreReport.Verdict v : r.failures()) {
      s.append(String.format("; failed %s %s (saw %s)", v.subject(), v.attribute(), v.observed()));
    }
    return s.toString();
  }

  // The cases' prompts: Kinora World's own clips of them pass every case (PromptingBenchTest).
  public static final String EXTEND_FORWARD =
      "a large blue square moves in a circle clockwise on a white background";
  public static final String EXTEND_BACKWARD =
      "a medium yellow circle moves in a circle counterclockwise on a navy background";
  public static final String CONNECT =
      "a large green triangle moves in a circle clockwise on a black background";
  public static final String LOOP = "a medium pink star spins on a gray background";
  public static final String ANIMATE =
      "a small orange circle falls and bounces on a forest background";
  public static final String LONG =
      "a large purple circle moves in a circle clockwise on a black background";
  public static final String EDIT_SOURCE =
      "a medium red circle moves to the right on a gray background";
  public static final String EDIT_COLOUR =
      "a medium blue circle moves to the right on a gray background";
  public static final String EDIT_BACKGROUND =
      "a medium red circle moves to the right on a white background";
  static final String[] STORYBOARD = {
    "a large red circle moves in a circle clockwise on a gray background",
    "a large red circle stays still on a gray background",
    "a large red circle moves in a circle counterclockwise on a gray background"
  };

  /** Extends a 2 s clip by 2 s, forwards or backwards. */
  public Case extend(boolean backward) {
    String prompt = backward ? EXTEND_BACKWARD : EXTEND_FORWARD;
    List<RgbFrame> input = world(prompt, 0, 2);
    TextToVideo.Request r = request(prompt, 2);
    List<RgbFrame> added =
        backward
            ? prompting.extendBackward(input, 2, r, caption(prompt, 2))
            : prompting.extendForward(input, 2, r, caption(prompt, 2));
    return judgeExtension(prompt, input, added, backward);
  }

  /** The extension case's figures for new frames {@code added} after (or before) {@code input}. */
  Case judgeExtension(String prompt, List<RgbFrame> input, List<RgbFrame> added, boolean backward) {
    List<RgbFrame> video = new ArrayList<>(backward ? added : input);
    video.addAll(backward ? input : added);
    int join = backward ? added.size() : input.size();
    FrameChanges.Seam seam = FrameChanges.join("join", video, join, List.of(join));
    ScoreReport report = score(added, prompt);
    return new Case(
        backward ? "extend backward" : "extend forward",
        prompt,
        List.of(seam.toString(), attributes("new part", report)),
        seam.seamless() && attributesPass(report),
        video);
  }

  /** Connects two stretches of one orbit, 0-2 s and 3-5 s, with a transition of about 1 s. */
  public Case connect() {
    String prompt = CONNECT;
    List<RgbFrame> a = world(prompt, 0, 2);
    List<RgbFrame> b = world(prompt, 3, 5);
    List<RgbFrame> transition = prompting.connect(a, b, 1, request(prompt, 1), caption(prompt, 1));
    return judgeConnection(prompt, a, transition, b);
  }

  /** The connect case's figures for {@code transition} between {@code a} and {@code b}. */
  Case judgeConnection(
      String prompt, List<RgbFrame> a, List<RgbFrame> transition, List<RgbFrame> b) {
    List<RgbFrame> video = new ArrayList<>(a);
    video.addAll(transition);
    video.addAll(b);
    int into = a.size();
    int out = a.size() + transition.size();
    FrameChanges.Seam first = FrameChanges.join("join from A", video, into, List.of(into, out));
    FrameChanges.Seam second = FrameChanges.join("join into B", video, out, List.of(into, out));
    List<RgbFrame> scored = video.subList(into - 4, out + 4); // the transition with its ends
    ScoreReport report = score(scored, prompt);
    return new Case(
        "connect",
        prompt,
        List.of(first.toString(), second.toString(), attributes("transition +- 4 frames", report)),
        first.seamless() && second.seamless() && attributesPass(report),
        video);
  }

  /** A 4 s loop from text. */
  public Case loop() {
    return judgeLoop(LOOP, prompting.loop(request(LOOP, 4), caption(LOOP, 4)));
  }

  /** The loop case's figures for {@code video}. */
  Case judgeLoop(String prompt, List<RgbFrame> video) {
    FrameChanges.Seam seam = FrameChanges.loop("last to first", video);
    ScoreReport report = score(video, prompt);
    return new Case(
        "loop",
        prompt,
        List.of(seam.toString(), attributes("clip", report)),
        seam.seamless() && attributesPass(report),
        video);
  }

  /** Animates the first frame of a world clip for 4 s. */
  public Case animate() {
    String prompt = ANIMATE;
    RgbFrame image = world(prompt, 0, 0.125).get(0);
    List<RgbFrame> video =
        prompting.animate(image, Prompting.Fit.CROP, request(prompt, 4), caption(prompt, 4));
    return judgeAnimation(prompt, image, video);
  }

  /** The animate case's figures for {@code video} made from {@code image}. */
  Case judgeAnimation(String prompt, RgbFrame image, List<RgbFrame> video) {
    double psnr = Fidelity.psnr(image, video.get(0));
    ScoreReport report = score(video, prompt);
    return new Case(
        "animate",
        prompt,
        List.of(
            Double.isInfinite(psnr)
                ? "first frame: the image itself (identical pixels)"
                : String.format(Locale.ROOT, "first frame: PSNR %.2f dB against the image", psnr),
            attributes("clip", report)),
        psnr >= FIRST_FRAME_DB && attributesPass(report),
        video);
  }

  /** SDEdit of a 4 s world clip to {@code target} (a colour or background change). */
  public Case edit(String source, String target, double strength) {
    List<RgbFrame> input = world(source, 0, 4);
    List<RgbFrame> video = prompting.edit(input, strength, request(target, 4), caption(target, 4));
    return judgeEdit(source, input, target, video, strength);
  }

  /** The edit case's figures for {@code video}, {@code input} edited from {@code source}. */
  Case judgeEdit(
      String source, List<RgbFrame> input, String target, List<RgbFrame> video, double strength) {
    ScoreReport report = score(video, target);
    Trajectories before =
        Trajectories.of(new Video(input, FPS), PromptEnhancer.enhance(source, 4).scene());
    Trajectories after =
        Trajectories.of(new Video(video, FPS), PromptEnhancer.enhance(target, 4).scene());
    double offset = after.worstMeanOffset(before);
    return new Case(
        String.format(Locale.ROOT, "edit (strength %.2f)", strength),
        target,
        List.of(
            "from: " + source,
            Double.isNaN(offset)
                ? "trajectories: an object is never found in both the input and the edit"
                : String.format(
                    Locale.ROOT,
                    "trajectories: worst mean offset %.1f%% of the frame side",
                    100 * offset),
            attributes("edited clip", report)),
        offset <= EDIT_OFFSET && attributesPass(report),
        video);
  }

  /** A long video from one prompt, window after window. */
  public Case minute(double seconds) {
    String prompt = LONG;
    List<RgbFrame> video = new ArrayList<>();
    long start = System.nanoTime();
    prompting.longVideo(
        request(prompt, seconds), caption(prompt, seconds), Prompting.WINDOW_SECONDS, video::add);
    return judgeLongVideo(prompt, video, (System.nanoTime() - start) / 1e9);
  }

  /** The long-video case's figures for {@code video}, made in {@code wall} seconds. */
  Case judgeLongVideo(String prompt, List<RgbFrame> video, double wall) {
    double seconds = video.size() / FPS;
    Scene scene = PromptEnhancer.enhance(prompt, seconds).scene();
    Trajectories tracks = Trajectories.of(new Video(video, FPS), scene);
    ScoreReport report = score(video, prompt);
    List<String> figures = new ArrayList<>();
    figures.add(
        String.format(
            Locale.ROOT, "%d frames (%.0f s) in %.1f s wall time", video.size(), seconds, wall));
    boolean passed = true;
    for (int i = 0; i < tracks.objects(); i++) {
      String name = scene.objects().get(i).name();
      double presence = tracks.presence(i);
      boolean same = passed(report, name, "colour") && passed(report, name, "shape");
      figures.add(
          String.format(
              Locale.ROOT,
              "%s: present in %.1f%% of frames, colour and shape %s",
              name,
              100 * presence,
              same ? "kept" : "not kept"));
      passed &= presence >= PRESENCE && same;
    }
    figures.add(attributes("whole video", report));
    return new Case(String.format(Locale.ROOT, "%.0f s", seconds), prompt, figures, passed, video);
  }

  private static boolean passed(ScoreReport report, String subject, String attribute) {
    ScoreReport.Verdict v = report.find(subject, attribute);
    return v != null && v.passed();
  }

  /** Three text cards of 4 s each: one orbiting circle, then still, then orbiting back. */
  public Case storyboard() {
    String[] prompts = STORYBOARD;
    List<StoryboardRenderer.Card> cards = new ArrayList<>();
    for (int i = 0; i < prompts.length; i++) {
      cards.add(
          new StoryboardRenderer.Card(
              request(prompts[i], 4).withSeed(seed + i), caption(prompts[i], 4), null, null));
    }
    return judgeStoryboard(prompts, StoryboardRenderer.render(prompting, cards, () -> {}));
  }

  /** The storyboard case's figures for {@code video}, equal segments for {@code prompts}. */
  Case judgeStoryboard(String[] prompts, List<RgbFrame> video) {
    int per = video.size() / prompts.length;
    List<Integer> joins = List.of(per, 2 * per);
    List<String> figures = new ArrayList<>();
    boolean passed = true;
    for (int i = 0; i < prompts.length; i++) {
      ScoreReport r = score(video.subList(i * per, (i + 1) * per), prompts[i]);
      figures.add(attributes("card " + (i + 1) + " (" + prompts[i] + ")", r));
      passed &= attributesPass(r);
    }
    for (int join : joins) {
      FrameChanges.Seam seam = FrameChanges.join("join at frame " + join, video, join, joins);
      figures.add(seam.toString());
      passed &= seam.seamless();
    }
    return new Case("storyboard", "three cards, 12 s", figures, passed, video);
  }
}
