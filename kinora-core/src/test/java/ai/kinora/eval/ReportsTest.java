package ai.kinora.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.world.Anchor;
import ai.kinora.world.Background;
import ai.kinora.world.Camera;
import ai.kinora.world.Colour;
import ai.kinora.world.Motion;
import ai.kinora.world.ObjectSize;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneObject;
import ai.kinora.world.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Score reports and suite summaries: counts, the text table and the JSON. */
class ReportsTest {

  private static final Scene SCENE =
      new Scene(
          List.of(
              new SceneObject(
                  Colour.RED,
                  Shape.CIRCLE,
                  ObjectSize.SMALL,
                  Motion.move(Motion.Direction.LEFT, Motion.Speed.NORMAL),
                  Anchor.RIGHT),
              new SceneObject(
                  Colour.BLUE, Shape.STAR, ObjectSize.LARGE, Motion.STILL, Anchor.LEFT)),
          Background.GRAY,
          Camera.STATIC,
          false,
          false,
          4);

  private static ScoreReport report(boolean motionPasses) {
    return new ScoreReport(
        SCENE,
        "64x64, 32 frames",
        List.of(
            Verdict.of("scene", "background", true, "gray", "(110,110,110)"),
            Verdict.of("red circle", "motion", motionPasses, "moves left", "moves right"),
            Verdict.notJudged("red circle", "speed", "normal", "too little unclipped track"),
            Verdict.of("blue star", "shape", true, "star", "star in 30/32 clean frames")));
  }

  @Test
  void countsOnlyJudgedVerdicts() {
    ScoreReport failing = report(false);
    assertEquals(3, failing.judged());
    assertEquals(2, failing.passed());
    assertFalse(failing.allPassed());
    assertEquals(1, failing.failures().size());
    assertTrue(report(true).allPassed());
    assertThrows(
        IllegalArgumentException.class, () -> new Verdict("a", "b", false, true, "c", "d"));
  }

  @Test
  void tableHasAllColumnsAndASummary() {
    String table = report(false).toTable();
    String[] lines = table.split("\n");
    assertTrue(lines[0].startsWith("subject"), table);
    for (String column : List.of("attribute", "expected", "observed", "verdict")) {
      assertTrue(lines[0].contains(column), table);
    }
    int bar = lines[0].indexOf('|');
    for (int i = 2; i < lines.length - 1; i++) {
      assertEquals('|', lines[i].charAt(bar), "columns line up:\n" + table);
    }
    assertTrue(table.contains("FAIL") && table.contains("n/a") && table.contains("pass"), table);
    assertTrue(lines[lines.length - 1].startsWith("2/3 judged attributes passed (1 not judged)"));
  }

  @Test
  void jsonCarriesEveryVerdict() throws Exception {
    JsonNode root = new ObjectMapper().readTree(report(false).toJson());
    assertEquals(3, root.get("judged").asInt());
    assertEquals(2, root.get("passed").asInt());
    assertFalse(root.get("allPassed").asBoolean());
    assertEquals(4, root.get("verdicts").size());
    assertEquals("moves right", root.get("verdicts").get(1).get("observed").asText());
  }

  @Test
  void suiteSummaryAccumulates() throws Exception {
    SuiteSummary suite = new SuiteSummary().add(report(true)).add(report(false));
    assertEquals(2, suite.videos());
    assertEquals(5, suite.passed());
    assertEquals(6, suite.judged());
    assertEquals(0.5, suite.videoAccuracy(), 1e-12);
    assertEquals(2, suite.leftRightObjects());
    assertEquals(0.5, suite.leftRightAccuracy(), 1e-12);
    assertEquals(1, suite.perAttribute().get("motion")[0]);
    assertEquals(2, suite.perAttribute().get("motion")[1]);
    assertTrue(suite.toTable().contains("left/right motion"), suite.toTable());
    JsonNode json = new ObjectMapper().readTree(suite.toJson());
    assertEquals(5, json.get("attributesPassed").asInt());
    assertEquals(2, json.get("perAttribute").get("background").get("passed").asInt());
  }

  @Test
  void strictAccuracyCountsANeverSeenObjectsAttributesAsFailed() {
    ScoreReport unseen =
        new ScoreReport(
            SCENE,
            "64x64, 32 frames",
            List.of(
                Verdict.of("scene", "background", true, "gray", "(110,110,110)"),
                Verdict.of("red circle", "presence", false, "red region", "none in any frame"),
                Verdict.notJudged("red circle", "shape", "circle", "never seen (see presence)"),
                Verdict.notJudged("red circle", "motion", "moves left", "never seen"),
                Verdict.of("blue star", "presence", true, "blue region", "in 32 frames"),
                Verdict.notJudged("blue star", "speed", "normal", "too little track")));
    SuiteSummary suite = new SuiteSummary().add(unseen).add(report(true));
    assertEquals(3 + 3, suite.judged());
    assertEquals(2, suite.unseen()); // the red circle's shape and motion; not the star's speed
    assertEquals(5.0 / 8, suite.strictAccuracy(), 1e-12);
    assertEquals(5.0 / 6, suite.attributeAccuracy(), 1e-12);
    assertTrue(suite.toTable().contains("unseen ones failed"), suite.toTable());
    assertTrue(suite.toString().contains("5/8 (62.5%) with never-seen"), suite.toString());
    assertTrue(Double.isNaN(new SuiteSummary().strictAccuracy()));
  }
}
