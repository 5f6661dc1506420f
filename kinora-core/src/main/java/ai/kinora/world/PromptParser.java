package ai.kinora.world;

import ai.kinora.world.PromptGrammar.ObjectDraft;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;

/**
 * Parses an English prompt (any caption Kinora writes, or a free prompt in the same vocabulary)
 * into a {@link Scene}, filling what the prompt leaves out with the defaults {@link
 * CaptionStyle#project} assumes.
 *
 * <p>Start positions: a stated start is kept, except that a bouncing object always starts in the
 * top row (a start lower down moves to the top of the same column) and an orbit never starts at the
 * centre (it gets the canonical start instead); both adjustments are reported as notes. Objects
 * with no stated start are placed by {@link Layout#canonical}, or, when other objects did state
 * theirs, in the first free anchor that {@link Layout#allowed} gives for their motion.
 */
public final class PromptParser {

  // Colours given to objects whose prompt names none, most distinct first.
  private static final List<Colour> DEFAULT_COLOURS =
      List.of(
          Colour.RED,
          Colour.BLUE,
          Colour.GREEN,
          Colour.YELLOW,
          Colour.ORANGE,
          Colour.PURPLE,
          Colour.PINK);

  private PromptParser() {}

  /**
   * Every word the parser knows, synonyms included, sorted: the world's vocabulary, from which text
   * encoders build theirs.
   */
  public static SortedSet<String> vocabulary() {
    return PromptLexicon.words();
  }

  /**
   * The scene a prompt describes, with the words it could not map and notes on defaults.
   *
   * @throws PromptException if no scene can be formed; the message says why
   */
  public static ParsedPrompt parse(String prompt) {
    if (prompt == null || prompt.isBlank()) {
      throw new PromptException(
          "empty prompt: describe a scene, e.g. \"a red circle moves right\"");
    }
    PromptGrammar g = PromptGrammar.read(PromptLexicon.terms(prompt));
    List<String> notes = new ArrayList<>(g.notes);
    List<ObjectDraft> drafts = g.objects;
    if (drafts.isEmpty()) {
      String unknown =
          g.unmapped.isEmpty() ? "" : " (not understood: " + String.join(", ", g.unmapped) + ")";
      throw new PromptException(
          "no object found: name a shape such as circle, square, triangle or star" + unknown);
    }
    int asked = Math.max(drafts.size(), g.declaredCount == null ? 0 : g.declaredCount);
    if (asked > Scene.MAX_OBJECTS) {
      throw new PromptException(
          "too many objects: " + asked + " asked for, a scene has at most " + Scene.MAX_OBJECTS);
    }
    if (g.declaredCount != null && g.declaredCount != drafts.size()) {
      notes.add(g.declaredCount + " objects announced but " + drafts.size() + " described");
    }
    Background background = g.background;
    if (background == null) {
      background = Background.GRAY;
      notes.add("background not given: gray");
    }
    fillColours(drafts, notes);
    Set<String> names = new HashSet<>();
    for (ObjectDraft d : drafts) {
      String name = d.colour.word() + " " + d.shape.word();
      if (d.colour == Colour.WHITE && background == Background.WHITE) {
        throw new PromptException(
            "a white " + d.shape.word() + " would be invisible on the white background");
      }
      if (!names.add(name)) {
        throw new PromptException(
            "duplicate object: two "
                + name
                + "s; objects in one scene must differ in colour or shape");
      }
    }
    List<Motion> motions = new ArrayList<>();
    for (ObjectDraft d : drafts) {
      motions.add(MotionPhrase.resolve(d.motion, d.shape, "the " + name(d), notes));
      if (d.size == null) {
        d.size = ObjectSize.MEDIUM;
        notes.add("size not given for the " + name(d) + ": medium");
      }
    }
    List<Anchor> starts = place(drafts, motions, g.occluder, notes);
    double seconds = g.seconds == null ? Scene.DEFAULT_SECONDS : g.seconds;
    if (!(seconds > 0 && seconds <= Scene.MAX_SECONDS)) {
      throw new PromptException(
          "a clip lasts more than 0 and at most 60 seconds, not "
              + (Double.isFinite(seconds) ? Captioner.seconds(seconds) : "that long"));
    }
    List<SceneObject> objects = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      ObjectDraft d = drafts.get(i);
      objects.add(new SceneObject(d.colour, d.shape, d.size, motions.get(i), starts.get(i)));
    }
    Camera camera = g.camera == null ? Camera.STATIC : g.camera;
    Scene scene = new Scene(objects, background, camera, g.occluder, g.snow, seconds);
    return new ParsedPrompt(scene, g.unmapped, notes);
  }

  private static String name(ObjectDraft d) {
    return d.colour.word() + " " + d.shape.word();
  }

  /** Unnamed colours: the first colour no other object has, so the objects stay distinct. */
  private static void fillColours(List<ObjectDraft> drafts, List<String> notes) {
    Set<Colour> used = EnumSet.noneOf(Colour.class);
    for (ObjectDraft d : drafts) {
      if (d.colour != null) {
        used.add(d.colour);
      }
    }
    for (ObjectDraft d : drafts) {
      if (d.colour == null) {
        d.colour =
            DEFAULT_COLOURS.stream().filter(c -> !used.contains(c)).findFirst().orElseThrow();
        used.add(d.colour);
        notes.add("colour not given for a " + d.shape.word() + ": " + d.colour.word());
      }
    }
  }

  private static List<Anchor> place(
      List<ObjectDraft> drafts, List<Motion> motions, boolean occluder, List<String> notes) {
    List<Anchor> stated = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < drafts.size(); i++) {
      Anchor a = drafts.get(i).start;
      Motion m = motions.get(i);
      String who = "the " + name(drafts.get(i));
      if (a != null && m instanceof Motion.FallAndBounce && a.row() != 0) {
        Anchor top = Anchor.at(a.column(), 0);
        notes.add(
            "a bouncing object starts at the top: "
                + who
                + " starts "
                + Captioner.where(top)
                + ", not "
                + Captioner.where(a));
        a = top;
      } else if (a == Anchor.CENTER && m instanceof Motion.Orbit) {
        notes.add(
            "an orbit goes around the centre, so it cannot start there: "
                + who
                + " starts on its circle");
        a = null;
      } else if (a != null && !Layout.allowed(m, occluder).contains(a)) {
        notes.add(
            who + " starts " + Captioner.where(a) + " as asked, where its motion is hard to see");
      }
      stated.add(a);
      any |= a != null;
    }
    if (!any) {
      return Layout.canonical(motions, occluder);
    }
    // Mixed: unstated objects take the first allowed anchor that no other object holds.
    Set<Anchor> taken = EnumSet.noneOf(Anchor.class);
    for (Anchor a : stated) {
      if (a != null) {
        taken.add(a);
      }
    }
    List<Anchor> out = new ArrayList<>();
    for (int i = 0; i < stated.size(); i++) {
      Anchor a = stated.get(i);
      if (a == null) {
        List<Anchor> options = Layout.allowed(motions.get(i), occluder);
        a = options.stream().filter(o -> !taken.contains(o)).findFirst().orElse(options.getFirst());
        taken.add(a);
      }
      out.add(a);
    }
    return out;
  }

  /** Lower-case words for an enum constant in notes: "pan left". */
  static String words(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
