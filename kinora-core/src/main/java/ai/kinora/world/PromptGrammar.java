package ai.kinora.world;

import ai.kinora.world.PromptLexicon.Kind;
import ai.kinora.world.PromptLexicon.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * The prompt grammar: reads a prompt's terms left to right into object drafts (noun phrase, then
 * motion phrase with start position), the duration and, through {@link ScenePhrases}, the
 * scene-level settings; defaults and validation are left to {@link PromptParser}.
 */
final class PromptGrammar extends ScenePhrases {

  /** An object as the prompt describes it; what the prompt leaves out stays null. */
  static final class ObjectDraft {
    Colour colour;
    Shape shape;
    ObjectSize size;
    final List<Term> motion = new ArrayList<>();
    Anchor start;
  }

  final List<ObjectDraft> objects = new ArrayList<>();
  Double seconds;
  Integer declaredCount;

  private ObjectDraft pending = new ObjectDraft();
  private boolean pendingDefinite;
  private int pendingCount = 1;
  private boolean pendingCounted;
  private final List<String> pendingWords = new ArrayList<>();
  private ObjectDraft current;
  // Objects named one after another with no motion between them share the next motion phrase.
  private int groupStart;
  private List<ObjectDraft> targets;
  // Motion or start words before any object of their sentence wait for that object.
  private boolean objectInSentence;
  private boolean currentFromPlural;
  private int lastShapeTerm;

  private PromptGrammar(List<Term> terms) {
    super(terms);
  }

  @Override
  void afterScenePhrase() {
    if (!hasContent()) {
      resetPending();
    }
  }

  @Override
  int attachMotion(Term t, int i) {
    return attach(t, i);
  }

  static PromptGrammar read(List<Term> terms) {
    PromptGrammar g = new PromptGrammar(terms);
    int i = 0;
    while (i < terms.size()) {
      i = g.step(i);
    }
    g.endSentence();
    return g;
  }

  private int step(int i) {
    Term t = terms.get(i);
    return switch (t.kind()) {
      case END -> {
        endSentence();
        yield i + 1;
      }
      case UNKNOWN -> {
        unknown(t);
        yield i + 1;
      }
      case STOP -> {
        // "It starts on the left": a pronoun continues the current object into this sentence.
        objectInSentence |= t.is("it") && current != null;
        yield i + 1;
      }
      case ARTICLE -> {
        if (openPhrase()) {
          dangling();
        }
        pendingDefinite = t.is("the");
        yield i + 1;
      }
      case NUMBER -> number(i);
      case SIZE -> size(i);
      case COLOUR -> colour(i);
      case BACKDROP -> backdrop(i);
      case BG_NOUN -> backgroundNoun(i);
      case SHAPE -> shape(i);
      case PREP -> position(i, i + 1);
      case VERTICAL -> position(i, i);
      case TOWARD -> toward(i);
      case CAMERA -> camera(i);
      case POST, SNOW -> extra(i, true);
      case NEGATION -> negation(i);
      default -> t.kind().motion() ? motion(i) : i + 1;
    };
  }

  private boolean hasContent() {
    return pending.colour != null
        || pending.size != null
        || pending.start != null
        || !pending.motion.isEmpty()
        || pendingCounted;
  }

  /**
   * Whether a noun phrase has begun ("a small red ...") and awaits its shape. A motion or start
   * said first ("slowly, a red ball ...", "on the left, a ...") does not open one.
   */
  private boolean openPhrase() {
    return pending.colour != null || pending.size != null || pendingCounted;
  }

  private void resetPending() {
    pending = new ObjectDraft();
    pendingDefinite = false;
    pendingCount = 1;
    pendingCounted = false;
    pendingWords.clear();
  }

  /** Words waiting for a shape that never came cannot be mapped to anything. */
  private void dangling() {
    if (hasContent()) {
      unmapped.add(String.join(" ", pendingWords));
    }
    resetPending();
  }

  private void endSentence() {
    boolean leftover = pending.start != null || !pending.motion.isEmpty();
    if (!openPhrase() && leftover && current != null) {
      // "A red circle. Moving right." belongs to the object before.
      current.motion.addAll(pending.motion);
      if (current.start == null) {
        current.start = pending.start;
      }
      resetPending();
    }
    dangling();
    groupStart = objects.size();
    targets = null;
    objectInSentence = false;
  }

  private int number(int i) {
    double value = (Double) at(i).value();
    if (kind(i + 1, Kind.TIME_UNIT)) {
      seconds = value * (Double) at(i + 1).value();
      return i + 2;
    }
    int j = kind(i + 1, Kind.STOP) ? i + 2 : i + 1;
    boolean whole = value == Math.rint(value) && value >= 1;
    if (whole && kind(j, Kind.OBJECT_NOUN)) {
      declaredCount = (int) value;
      return j + 1;
    }
    if (!whole) {
      unmapped.add(at(i).text());
      return i + 1;
    }
    if (openPhrase()) {
      dangling();
    }
    pendingCount = (int) Math.min(value, 100);
    pendingCounted = true;
    pendingWords.add(at(i).text());
    return i + 1;
  }

  private int size(int i) {
    Term t = at(i);
    ObjectSize size = (ObjectSize) t.value();
    if (predicative(i) && current != null && !shapeAhead(i)) {
      if (current.size == null) {
        current.size = size;
      } else if (current.size != size) {
        notes.add(
            "two sizes for one object: kept " + current.size.word() + ", ignored " + t.text());
      }
      return i + 1;
    }
    if (pending.size != null && pending.size != size) {
      notes.add("two sizes for one object: kept " + pending.size.word() + ", ignored " + t.text());
    } else {
      pending.size = size;
    }
    pendingWords.add(t.text());
    return i + 1;
  }

  private int colour(int i) {
    Term t = at(i);
    Colour colour = (Colour) t.value();
    int noun = backgroundNounAfter(i);
    if (noun >= 0) {
      colourBackground(t);
      return noun + 1;
    }
    if (!shapeAhead(i) && backgroundPrepositionBefore(i)) {
      colourBackground(t);
      return i + 1;
    }
    if (predicative(i) && current != null && !shapeAhead(i)) {
      if (current.colour == null) {
        current.colour = colour;
      } else if (current.colour != colour) {
        notes.add(
            "two colours for one object: kept " + current.colour.word() + ", ignored " + t.text());
      }
      return i + 1;
    }
    if (pending.colour != null && pending.colour != colour) {
      notes.add(
          "two colours for one object: kept " + pending.colour.word() + ", ignored " + t.text());
    } else {
      pending.colour = colour;
    }
    pendingWords.add(t.text());
    return i + 1;
  }

  private int shape(int i) {
    Term t = at(i);
    if (t.is("circles") && !openPhrase() && objectInSentence) {
      // "the ball circles clockwise": a verb, not a second circle
      return attach(new Term(Kind.ORBIT, null, false, false, t.text(), t.first(), t.last()), i);
    }
    Shape shape = (Shape) t.value();
    int count = pendingCount;
    if (t.plural() && !pendingCounted) {
      count = 2;
      notes.add("\"" + t.text() + "\" without a number: made two");
    }
    if (pendingDefinite && count == 1 && pending.size == null) {
      ObjectDraft earlier = earlier(shape, pending.colour);
      if (earlier != null) {
        earlier.motion.addAll(pending.motion);
        if (earlier.start == null) {
          earlier.start = pending.start;
        }
        current = earlier;
        currentFromPlural = false;
        lastShapeTerm = i;
        objectInSentence = true;
        targets = null;
        resetPending();
        return i + 1;
      }
    }
    if (!objects.isEmpty() && !objects.getLast().motion.isEmpty()) {
      groupStart = objects.size();
    }
    for (int k = 0; k < count; k++) {
      ObjectDraft d = new ObjectDraft();
      d.colour = pending.colour;
      d.size = pending.size;
      d.shape = shape;
      d.motion.addAll(pending.motion);
      d.start = pending.start;
      objects.add(d);
    }
    current = objects.getLast();
    currentFromPlural = count > 1;
    lastShapeTerm = i;
    objectInSentence = true;
    targets = null;
    resetPending();
    return i + 1;
  }

  /** The one earlier object that "the ball" or "the red ball" refers back to, if any. */
  private ObjectDraft earlier(Shape shape, Colour colour) {
    ObjectDraft found = null;
    for (ObjectDraft d : objects) {
      if (d.shape == shape && (colour == null || d.colour == colour)) {
        if (found != null) {
          return null;
        }
        found = d;
      }
    }
    return found;
  }

  private int motion(int i) {
    Term t = at(i);
    if (t.kind() == Kind.PAN || t.kind() == Kind.ZOOM) {
      return cameraMove(i);
    }
    if (t.kind() == Kind.STILL && kind(i + 1, Kind.CAMERA)) {
      setCamera(Camera.STATIC);
      return i + 2;
    }
    if (t.kind() == Kind.FALL && kind(i + 1, Kind.SNOW)) {
      return extra(i + 1, true);
    }
    if ((t.is("left") || t.is("right")) && kind(i + 1, Kind.TOWARD)) {
      int j = is(i + 2, "the") ? i + 3 : i + 2;
      if (is(j, "left") || is(j, "right")) {
        // "left to right": the first word is where it starts
        setStart(t.is("left") ? Anchor.LEFT : Anchor.RIGHT, t.text());
        return i + 1;
      }
    }
    return attach(t, i);
  }

  private int attach(Term t, int i) {
    if (!objectInSentence || openPhrase() || (t.prenominal() && shapeAhead(i))) {
      pending.motion.add(t);
      pendingWords.add(t.text());
      return i + 1;
    }
    if (targets == null) {
      targets = new ArrayList<>();
      // "a red ball and a blue box move", "both spinning", "three balls bouncing": the whole group
      boolean shared = currentFromPlural || pluralVerb(t) || quantifierBetween(lastShapeTerm, i);
      for (int k = groupStart; k < objects.size() && shared; k++) {
        ObjectDraft d = objects.get(k);
        if (d.motion.isEmpty() && d != current) {
          targets.add(d);
        }
      }
      targets.add(current);
      if (targets.size() > 1) {
        notes.add(
            "\""
                + t.text()
                + "\" applies to each of the "
                + targets.size()
                + " objects named before it");
      }
    }
    for (ObjectDraft d : targets) {
      d.motion.add(t);
    }
    return i + 1;
  }

  /** A start position from {@code j} on ("top left", "the centre"), or not one at all. */
  private int position(int from, int j) {
    Place place = place(j);
    if (place == null) {
      return from + 1;
    }
    if (place.anchor() == Anchor.CENTER && from == j && orbitBefore(from)) {
      // "circles the centre": what it goes around, not where it starts ("orbits in the
      // centre" does name a start, which PromptParser then adjusts with a note)
      return place.end();
    }
    setStart(place.anchor(), text(from, place.end()));
    return place.end();
  }

  private void setStart(Anchor anchor, String words) {
    if (!objectInSentence || openPhrase()) {
      pending.start = anchor;
      pendingWords.add(words);
    } else if (current.start == null) {
      current.start = anchor;
    } else if (current.start != anchor) {
      notes.add("two start positions for one object: ignored \"" + words + "\"");
    }
  }

  /** "to the left", "towards the top": a direction of motion. */
  private int toward(int i) {
    int j = is(i + 1, "the") ? i + 2 : i + 1;
    Motion.Direction direction;
    if (is(j, "left") || is(j, "right")) {
      direction = is(j, "left") ? Motion.Direction.LEFT : Motion.Direction.RIGHT;
    } else if (kind(j, Kind.VERTICAL) && !at(j).value().equals(1)) {
      direction = at(j).value().equals(0) ? Motion.Direction.UP : Motion.Direction.DOWN;
    } else {
      return i + 1;
    }
    int k = j + 1;
    while (kind(k, Kind.CORNER)) {
      k++;
    }
    Term t = new Term(Kind.DIRECTION, direction, false, false, "to the " + at(j).text(), i, k - 1);
    attach(t, i);
    return k;
  }
}
