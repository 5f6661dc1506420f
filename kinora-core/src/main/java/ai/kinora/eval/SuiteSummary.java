package ai.kinora.eval;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.world.Motion;
import ai.kinora.world.SceneObject;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accumulates score reports over a suite of videos: attributes correct, videos fully correct,
 * left/right motion accuracy and accuracy per attribute. Not thread-safe; add from one thread.
 *
 * <p>The scorer leaves an object's shape, size, motion and persistence unjudged when the object is
 * never seen, so a model that draws fewer objects is judged on fewer attributes. {@link
 * #strictAccuracy()} counts those attributes as failed, which is the fair figure for comparing
 * models that differ in how many objects they draw.
 */
public final class SuiteSummary {

  private int videos;
  private int fullyCorrect;
  private int judged;
  private int passed;
  private int unseen;
  private int leftRight;
  private int leftRightPassed;
  private final Map<String, int[]> perAttribute = new TreeMap<>();

  /** Adds one report; its scene says which objects move left or right. */
  public SuiteSummary add(ScoreReport report) {
    videos++;
    fullyCorrect += report.allPassed() ? 1 : 0;
    judged += report.judged();
    passed += report.passed();
    Set<String> missing = new HashSet<>();
    for (Verdict v : report.verdicts()) {
      if (v.attribute().equals("presence") && v.judged() && !v.passed()) {
        missing.add(v.subject());
      }
    }
    for (Verdict v : report.verdicts()) {
      if (!v.judged() && missing.contains(v.subject())) {
        unseen++;
      }
      if (v.judged()) {
        int[] counts = perAttribute.computeIfAbsent(v.attribute(), k -> new int[2]);
        counts[0] += v.passed() ? 1 : 0;
        counts[1]++;
      }
    }
    for (SceneObject o : report.scene().objects()) {
      if (o.motion() instanceof Motion.Move m && m.direction().horizontal()) {
        leftRight++;
        Verdict v = report.find(o.name(), "motion");
        leftRightPassed += v != null && v.passed() ? 1 : 0;
      }
    }
    return this;
  }

  public int videos() {
    return videos;
  }

  /** Judged attributes that passed, over all reports. */
  public int passed() {
    return passed;
  }

  public int judged() {
    return judged;
  }

  /** passed / judged, or NaN before anything was judged. */
  public double attributeAccuracy() {
    return judged == 0 ? Double.NaN : (double) passed / judged;
  }

  /** Attributes left unjudged because their object was never seen (its presence failed). */
  public int unseen() {
    return unseen;
  }

  /** passed / (judged + unseen): a never-seen object's attributes count as failed. */
  public double strictAccuracy() {
    int all = judged + unseen;
    return all == 0 ? Double.NaN : (double) passed / all;
  }

  /** The fraction of videos whose every judged attribute passed. */
  public double videoAccuracy() {
    return videos == 0 ? Double.NaN : (double) fullyCorrect / videos;
  }

  public int fullyCorrect() {
    return fullyCorrect;
  }

  /**
   * Over objects whose scene motion is a move left or right, the fraction whose motion verdict
   * passed; an object whose motion could not be judged (e.g. never seen) counts as not passed.
   */
  public double leftRightAccuracy() {
    return leftRight == 0 ? Double.NaN : (double) leftRightPassed / leftRight;
  }

  public int leftRightObjects() {
    return leftRight;
  }

  /** {passed, judged} per attribute name, sorted by name. */
  public Map<String, int[]> perAttribute() {
    Map<String, int[]> copy = new TreeMap<>();
    perAttribute.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** A fixed-width table of the figures. */
  public String toTable() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"attributes correct", TextTable.ratio(passed, judged)});
    rows.add(new String[] {"  unseen ones failed", TextTable.ratio(passed, judged + unseen)});
    rows.add(new String[] {"videos fully correct", TextTable.ratio(fullyCorrect, videos)});
    rows.add(new String[] {"left/right motion", TextTable.ratio(leftRightPassed, leftRight)});
    for (Map.Entry<String, int[]> e : perAttribute.entrySet()) {
      rows.add(new String[] {"  " + e.getKey(), TextTable.ratio(e.getValue()[0], e.getValue()[1])});
    }
    return TextTable.render(new String[] {"measure", "correct"}, rows, new int[] {24, 24});
  }

  /** The figures as JSON. */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("videos", videos);
    root.put("fullyCorrect", fullyCorrect);
    root.put("attributesJudged", judged);
    root.put("attributesPassed", passed);
    root.put("attributesOfUnseenObjects", unseen);
    root.put("leftRightObjects", leftRight);
    root.put("leftRightPassed", leftRightPassed);
    ObjectNode attributes = root.putObject("perAttribute");
    for (Map.Entry<String, int[]> e : perAttribute.entrySet()) {
      ObjectNode n = attributes.putObject(e.getKey());
      n.put("passed", e.getValue()[0]);
      n.put("judged", e.getValue()[1]);
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a suite summary could not be written as JSON", e);
    }
  }

  @Override
  public String toString() {
    return "attributes "
        + TextTable.ratio(passed, judged)
        + (unseen > 0
            ? ", " + TextTable.ratio(passed, judged + unseen) + " with never-seen objects' failed"
            : "")
        + ", videos "
        + TextTable.ratio(fullyCorrect, videos)
        + ", left/right "
        + TextTable.ratio(leftRightPassed, leftRight);
  }
}
