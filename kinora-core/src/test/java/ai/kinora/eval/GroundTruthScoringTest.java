package ai.kinora.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.media.Video;
import ai.kinora.world.Canvas;
import ai.kinora.world.Layout;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneRenderer;
import ai.kinora.world.SceneSampler;
import ai.kinora.world.Weighted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scorer against rendered ground truth: 200 random scenes of the whole world at 64x64, 128x128
 * and 1280x720 must score (nearly) perfectly, the same videos against other scenes must fail, and
 * scenes with unknown start positions (canonical anchors) must still score perfectly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroundTruthScoringTest {

  private static final int SCENES = Integer.getInteger("kinora.eval.scenes", 200);
  private static final double FPS = 8;
  private static final long SEED = 20240611L;
  private static final Canvas[] SIZES = {
    new Canvas(64, 64), new Canvas(128, 128), new Canvas(1280, 720)
  };

  private final Map<Canvas, SuiteSummary> truth = new LinkedHashMap<>();
  private final Map<Canvas, List<String>> truthFailures = new LinkedHashMap<>();
  private final Map<Canvas, int[]> mismatch = new LinkedHashMap<>();
  private final SuiteSummary canonical = new SuiteSummary();
  private final List<String> canonicalFailures = new ArrayList<>();

  @BeforeAll
  void scoreEverything() {
    SceneSampler.Settings settings =
        SceneSampler.Settings.defaults()
            .withDurations(Weighted.uniform(2.0, 4.0))
            .withExtras(0.3, 0.25);
    SceneSampler sampler = new SceneSampler(settings, SEED);
    List<Scene> scenes = new ArrayList<>();
    for (int i = 0; i < SCENES; i++) {
      scenes.add(sampler.nextScene());
    }
    Scorer scorer = new Scorer();
    long start = System.nanoTime();
    long[] renderNanos = new long[SIZES.length];
    long[] scoreNanos = new long[SIZES.length];
    for (int k = 0; k < SIZES.length; k++) {
      Canvas canvas = SIZES[k];
      SuiteSummary summary = new SuiteSummary();
      List<String> failures = new ArrayList<>();
      int[] failedPairs = new int[2];
      for (int i = 0; i < scenes.size(); i++) {
        Scene scene = scenes.get(i);
        long t0 = System.nanoTime();
        Video video = SceneRenderer.renderClip(scene, canvas, FPS, SEED + i);
        long t1 = System.nanoTime();
        WorkingVideo prepared = scorer.prepare(video);
        ScoreReport report = scorer.score(prepared, scene);
        summary.add(report);
        collect(failures, i, report);
        ScoreReport wrong = scorer.score(prepared, scenes.get((i + 1) % scenes.size()));
        failedPairs[0] += wrong.allPassed() ? 0 : 1;
        failedPairs[1]++;
        if (canvas.width() == 128) {
          ScoreReport canon = scorer.score(prepared, Layout.canonicalize(scene));
          canonical.add(canon);
          collect(canonicalFailures, i, canon);
        }
        renderNanos[k] += t1 - t0;
        scoreNanos[k] += System.nanoTime() - t1;
      }
      truth.put(canvas, summary);
      truthFailures.put(canvas, failures);
      mismatch.put(canvas, failedPairs);
    }
    for (int k = 0; k < SIZES.length; k++) {
      Canvas c = SIZES[k];
      System.out.printf(
          Locale.ROOT,
          "%s: truth %s | mismatch pairs failing %s | render %.1f s, score %.1f s%n",
          c,
          truth.get(c),
          TextTable.ratio(mismatch.get(c)[0], mismatch.get(c)[1]),
          renderNanos[k] / 1e9,
          scoreNanos[k] / 1e9);
      truthFailures.get(c).forEach(f -> System.out.println("  " + f));
    }
    System.out.println("128x128 canonical anchors: " + canonical);
    canonicalFailures.forEach(f -> System.out.println("  " + f));
    System.out.println(truth.get(SIZES[1]).toTable());
    notJudged.forEach((k, v) -> System.out.println("  not judged " + v + "x: " + k));
    System.out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  private final Map<String, Integer> notJudged = new java.util.TreeMap<>();

  private void collect(List<String> failures, int index, ScoreReport report) {
    for (Verdict v : report.verdicts()) {
      if (!v.judged()) {
        notJudged.merge(v.attribute() + ": " + v.observed(), 1, Integer::sum);
        if (Boolean.getBoolean("kinora.eval.debug")) {
          System.out.println(
              "NJ "
                  + report.video()
                  + " "
                  + v.subject()
                  + " "
                  + v.attribute()
                  + " "
                  + v.observed()
                  + " | "
                  + describe(report.scene()));
        }
      }
    }
    for (Verdict v : report.failures()) {
      failures.add(
          "scene "
              + index
              + ": "
              + v.subject()
              + " "
              + v.attribute()
              + ": expected "
              + v.expected()
              + ", observed "
              + v.observed()
              + " | "
              + describe(report.scene()));
    }
  }

  private static String describe(Scene s) {
    StringBuilder b = new StringBuilder();
    b.append(s.background().word()).append(' ').append(s.camera().name().toLowerCase(Locale.ROOT));
    b.append(s.occluder() ? " post" : "").append(s.snow() ? " snow" : "");
    b.append(' ').append(s.durationSeconds()).append("s:");
    s.objects()
        .forEach(
            o ->
                b.append(' ')
                    .append(o.size().word())
                    .append(' ')
                    .append(o.name())
                    .append(' ')
                    .append(MotionJudge.phrase(o.motion()))
                    .append(
                        o.motion() instanceof ai.kinora.world.Motion.Move m ? " " + m.speed() : "")
                    .append(" @")
                    .append(o.start())
                    .append(';'));
    return b.toString();
  }

  @Test
  void groundTruthPassesAtLeast99PercentOfJudgedAttributesAtEverySize() {
    for (Canvas c : SIZES) {
      SuiteSummary s = truth.get(c);
      assertTrue(s.judged() > SCENES * 8, c + ": too few judged attributes: " + s);
      assertTrue(s.attributeAccuracy() >= 0.99, c + ": " + s);
    }
  }

  @Test
  void videosScoredAgainstAnotherSceneFailInAtLeast95PercentOfPairs() {
    for (Canvas c : SIZES) {
      int[] m = mismatch.get(c);
      assertTrue(m[0] >= 0.95 * m[1], c + ": only " + TextTable.ratio(m[0], m[1]) + " failed");
    }
  }

  @Test
  void canonicalAnchorsDoNotChangeTheVerdicts() {
    assertTrue(canonical.judged() > SCENES * 8, "too few judged: " + canonical);
    assertTrue(canonical.attributeAccuracy() >= 0.99, "canonical anchors: " + canonical);
  }
}
