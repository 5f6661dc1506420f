package ai.kinora.eval;

import ai.kinora.world.Scene;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scorer's judgement of one video against one scene: a list of verdicts, one per attribute,
 * each saying what the scene expects, what the pixels show, and whether they agree.
 */
public final class ScoreReport {

  /**
   * One judged (or deliberately unjudged) attribute. {@code subject} is "scene", an object's name
   * ("red circle") or a colour group ("red objects"); when not judged, {@code observed} gives the
   * reason and the verdict counts neither as passed nor as failed.
   */
  public record Verdict(
      String subject,
      String attribute,
      boolean judged,
      boolean passed,
      String expected,
      String observed) {

    public Verdict {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(observed, "observed");
      if (passed && !judged) {
        throw new IllegalArgumentException("a verdict that was not judged cannot pass");
      }
    }

    /** A judged verdict. */
    public static Verdict of(
        String subject, String attribute, boolean passed, String expected, String observed) {
      return new Verdict(subject, attribute, true, passed, expected, observed);
    }

    /** An attribute the pixels cannot decide, with the reason. */
    public static Verdict notJudged(
        String subject, String attribute, String expected, String reason) {
      return new Verdict(subject, attribute, false, false, expected, "not judged: " + reason);
    }

    /** "pass", "FAIL" or "n/a". */
    public String outcome() {
      return !judged ? "n/a" : passed ? "pass" : "FAIL";
    }
  }

  private final Scene scene;
  private final String video;
  private final List<Verdict> verdicts;

  ScoreReport(Scene scene, String video, List<Verdict> verdicts) {
    this.scene = scene;
    this.video = video;
    this.verdicts = List.copyOf(verdicts);
  }

  /** The scene the video was judged against. */
  public Scene scene() {
    return scene;
  }

  /** A one-line description of the video: size, frames, fps and the working resolution. */
  public String video() {
    return video;
  }

  public List<Verdict> verdicts() {
    return verdicts;
  }

  /** The number of verdicts that were judged. */
  public int judged() {
    return (int) verdicts.stream().filter(Verdict::judged).count();
  }

  /** The number of judged verdicts that passed. */
  public int passed() {
    return (int) verdicts.stream().filter(Verdict::passed).count();
  }

  /** Whether something was judged and every judged verdict passed. */
  public boolean allPassed() {
    return judged() > 0 && passed() == judged();
  }

  /** The verdict for one subject and attribute, or null. */
  public Verdict find(String subject, String attribute) {
    for (Verdict v : verdicts) {
      if (v.subject().equals(subject) && v.attribute().equals(attribute)) {
        return v;
      }
    }
    return null;
  }

  /** The judged verdicts that failed. */
  public List<Verdict> failures() {
    List<Verdict> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      if (v.judged() && !v.passed()) {
        out.add(v);
      }
    }
    return out;
  }

  /** A fixed-width table: subject | attribute | expected | observed | verdict, then a summary. */
  public String toTable() {
    String[] head = {"subject", "attribute", "expected", "observed", "verdict"};
    List<String[]> rows = new ArrayList<>();
    for (Verdict v : verdicts) {
      rows.add(new String[] {v.subject(), v.attribute(), v.expected(), v.observed(), v.outcome()});
    }
    StringBuilder out = new StringBuilder();
    out.append(TextTable.render(head, rows, new int[] {16, 12, 36, 60, 7}));
    out.append(summaryLine()).append('\n');
    return out.toString();
  }

  /** "11/12 judged attributes passed (1 not judged): FAILED" and the video. */
  public String summaryLine() {
    int notJudged = verdicts.size() - judged();
    return passed()
        + "/"
        + judged()
        + " judged attributes passed"
        + (notJudged > 0 ? " (" + notJudged + " not judged)" : "")
        + ": "
        + (allPassed() ? "ALL PASSED" : "FAILED")
        + " | "
        + video;
  }

  /** The report as JSON: the video, the counts and every verdict. */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      return mapper.writeValueAsString(toJsonNode(mapper));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a score report could not be written as JSON", e);
    }
  }

  ObjectNode toJsonNode(ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.put("video", video);
    root.put("judged", judged());
    root.put("passed", passed());
    root.put("allPassed", allPassed());
    ArrayNode list = root.putArray("verdicts");
    for (Verdict v : verdicts) {
      ObjectNode n = list.addObject();
      n.put("subject", v.subject());
      n.put("attribute", v.attribute());
      n.put("judged", v.judged());
      n.put("passed", v.passed());
      n.put("expected", v.expected());
      n.put("observed", v.observed());
    }
    return root;
  }

  @Override
  public String toString() {
    return summaryLine();
  }
}
