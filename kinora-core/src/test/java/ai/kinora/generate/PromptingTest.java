package ai.kinora.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.media.RgbFrame;
import ai.kinora.safety.ContentPolicy;
import ai.kinora.vae.VaeCodec;
import ai.kinora.vae.VideoVae;
import ai.kinora.world.Canvas;
import ai.kinora.world.PromptParser;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneRenderer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prompting modes on a tiny untrained pipeline: lengths, and the properties that hold whatever
 * the weights (held frames come back exactly as the VAE reconstructs them; SDEdit at strength 0
 * returns its source).
 */
class PromptingTest {

  static TinyPipeline pipeline;
  static VideoVae vae;
  static Prompting prompting;
  static final String CAPTION = "A small red circle moves to the right.";

  @BeforeAll
  static void tinyPipeline() {
    pipeline = new TinyPipeline(11);
    vae = pipeline.vae;
    prompting = new Prompting(pipeline.generator);
  }

  @AfterAll
  static void close() {
    pipeline.close();
  }

  static TextToVideo.Request request(double seconds) {
    return new TextToVideo.Request(
        "a red circle moves right", new Canvas(32, 32), seconds, 8, 3, 2, 2, "");
  }

  static List<RgbFrame> clip(Canvas canvas, int frames) {
    Scene scene =
        PromptParser.parse("a large blue square moves to the left on a white background").scene();
    SceneRenderer r = new SceneRenderer(scene, canvas, 1);
    List<RgbFrame> out = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      out.add(r.renderFrame(i, 8));
    }
    return out;
  }

  @Test
  void theContentPolicyHoldsForCallersThatBringTheirOwnCaption() {
    // the API's generate(request, enhanced, count) and the prompting modes take a caption that
    // no command checked: the policy applies where every path samples
    TextToVideo.Request clean = request(1);
    ContentPolicy.Refusal caption =
        assertThrows(
            ContentPolicy.Refusal.class,
            () ->
                pipeline.generator.generate(
                    clean, PromptEnhancer.verbatim("a gory scene with a red circle"), 1));
    assertTrue(caption.getMessage().contains("gory"), caption.getMessage());
    TextToVideo.Request refused =
        new TextToVideo.Request("a gory red circle", new Canvas(32, 32), 1, 8, 3, 2, 2, "");
    assertThrows(
        ContentPolicy.Refusal.class,
        () ->
            prompting.animate(
                clip(new Canvas(32, 32), 1).get(0), Prompting.Fit.CROP, refused, CAPTION));
  }

  @Test
  void everyModeRunsPastOneWindowWindowByWindow() {
    List<RgbFrame> video = clip(new Canvas(32, 32), 9);
    RgbFrame image = video.get(0);
    // 10 s = 80 native frames: one window of 64 new frames, then one of 16
    List<RgbFrame> animated = prompting.animate(image, Prompting.Fit.CROP, request(10), CAPTION);
    assertEquals(80, animated.size());
    assertSameFrames(
        prompting.animate(image, Prompting.Fit.CROP, request(8), CAPTION), animated, 64);
    List<RgbFrame> forward = prompting.extendForward(video, 10, request(10), CAPTION);
    assertEquals(80, forward.size());
    assertSameFrames(prompting.extendForward(video, 8, request(8), CAPTION), forward, 64);
    List<RgbFrame> backward = prompting.extendBackward(video, 10, request(10), CAPTION);
    assertEquals(80, backward.size());
    List<RgbFrame> lastWindow = prompting.extendBackward(video, 8, request(8), CAPTION);
    assertSameFrames(
        lastWindow, backward.subList(16, 80), 64); // the window next to the video is first
    assertEquals(80, prompting.connect(video, video, 10, request(10), CAPTION).size());
    // progress: every window reports the frames it made, and they add up to the output
    long[] reported = new long[1];
    Prompting counted = prompting.reporting(n -> reported[0] += n);
    assertEquals(80, counted.animate(image, Prompting.Fit.CROP, request(10), CAPTION).size());
    assertEquals(80, reported[0]);
    reported[0] = 0;
    assertEquals(80, counted.connect(video, video, 10, request(10), CAPTION).size());
    assertEquals(80, reported[0]);
    reported[0] = 0;
    assertEquals(80, counted.loop(request(10), CAPTION).size());
    assertEquals(80, reported[0]);
    reported[0] = 0;
    assertEquals(80, counted.extendBackward(video, 10, request(10), CAPTION).size());
    assertEquals(80, reported[0]);
    IllegalArgumentException sizes =
        assertThrows(
            IllegalArgumentException.class,
            () -> prompting.connect(video, clip(new Canvas(48, 32), 9), 1, request(1), CAPTION));
    assertTrue(sizes.getMessage().contains("32x32 and 48x32"), sizes.getMessage());
  }

  /**
   * The first {@code n} frames of {@code expected} and {@code actual} are pixel for pixel equal.
   */
  static void assertSameFrames(List<RgbFrame> expected, List<RgbFrame> actual, int n) {
    for (int i = 0; i < n; i++) {
      assertTrue(expected.get(i).samePixels(actual.get(i)), "frame " + i);
    }
  }

  @Test
  void animateKeepsTheImageAsTheFirstFrame() {
    RgbFrame image = clip(new Canvas(64, 40), 1).get(0); // another size and aspect
    List<RgbFrame> out = prompting.animate(image, Prompting.Fit.CROP, request(2), CAPTION);
    assertEquals(16, out.size());
    RgbFrame fitted = Prompting.fit(List.of(image), new Canvas(32, 32), Prompting.Fit.CROP).get(0);
    assertTrue(out.get(0).samePixels(fitted), "frame 0 is the fitted image itself");
  }

  @Test
  void extendingAndConnectingGiveTheRequestedNewFrames() {
    List<RgbFrame> video = clip(new Canvas(32, 32), 20);
    assertEquals(12, prompting.extendForward(video, 1.5, request(1), CAPTION).size());
    assertEquals(12, prompting.extendBackward(video, 1.5, request(1), CAPTION).size());
    assertEquals(
        3, prompting.extendForward(video.subList(0, 2), 0.375, request(1), CAPTION).size());
    List<RgbFrame> transition =
        prompting.connect(video, clip(new Canvas(32, 32), 9), 2, request(1), CAPTION);
    assertEquals(15, transition.size(), "4g - 1 frames, the nearest to 16");
    IllegalArgumentException tooShort =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> prompting.extendBackward(video.subList(0, 3), 1, request(1), CAPTION));
    assertTrue(
        tooShort.getMessage().contains("too short to extend backwards"), tooShort.getMessage());
  }

  @Test
  void aLoopHasFourJFramesAndEditAtZeroReturnsItsSource() {
    assertEquals(16, prompting.loop(request(2), CAPTION).size());
    List<RgbFrame> video = clip(new Canvas(32, 32), 9);
    List<RgbFrame> same = prompting.edit(video, 0, request(1), CAPTION);
    VaeCodec codec = new VaeCodec(vae);
    List<RgbFrame> reconstruction = codec.decode(codec.encode(video));
    assertEquals(9, same.size());
    for (int i = 0; i < 9; i++) {
      assertTrue(same.get(i).samePixels(reconstruction.get(i)), "frame " + i);
    }
  }

  @Test
  void aLongVideoComesWindowByWindowWithTheRequestedLength() {
    List<RgbFrame> frames = new ArrayList<>();
    prompting.longVideo(request(10), CAPTION, 4, frames::add);
    assertEquals(80, frames.size());
  }
}
