package ai.kinora.world;

import ai.kinora.world.PromptLexicon.Kind;
import ai.kinora.world.PromptLexicon.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The scene-level half of the prompt grammar: background, camera, wooden post and snow phrases,
 * with the look-ahead helpers both halves use; {@link PromptGrammar} adds the objects.
 */
abstract class ScenePhrases {

  // Adjectives that may sit inside a noun phrase without changing its meaning.
  private static final Set<String> FILLER =
      words(
          "very light dark bright pale deep sized coloured colored plain solid vivid flat simple");
  private static final Set<String> BACKGROUND_PREPOSITIONS = words("on against over under");
  private static final Set<String> POST_VERBS =
      words("stands standing stand is stays sits rises there");
  // Words that belong to "snow is falling gently from the sky", not to an object's motion.
  private static final Set<String> SNOW_TAIL =
      words(
          "is are falling falls fall drifting drifts drift down gently softly slowly lightly"
              + " steadily coming comes keeps from the sky above everywhere heavily all around");
  private static final Set<String> FIXED = words("fixed steady locked");
  private static final Set<String> QUANTIFIERS = words("both all each together");
  private static final Set<String> BARE_DIRECTION_VERBS = words("rise climb ascend sink descend");
  private static final Set<String> NOT_VERBS = words("in around round bouncy");

  final List<Term> terms;
  final List<String> unmapped = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  Background background;
  Camera camera;
  boolean occluder;
  boolean snow;
  private int lastUnknownToken = -2;

  ScenePhrases(List<Term> terms) {
    this.terms = terms;
  }

  private static Set<String> words(String spaced) {
    return Set.of(spaced.split(" "));
  }

  /** Called after a scene-level phrase, which closes a noun phrase that held only an article. */
  abstract void afterScenePhrase();

  /** Gives the current object (or the one being named) a motion word. */
  abstract int attachMotion(Term t, int i);

  Term at(int i) {
    return i >= 0 && i < terms.size() ? terms.get(i) : null;
  }

  boolean is(int i, String word) {
    return at(i) != null && at(i).is(word);
  }

  boolean kind(int i, Kind kind) {
    return at(i) != null && at(i).kind() == kind;
  }

  boolean filler(int i) {
    return at(i) != null && at(i).kind() == Kind.STOP && FILLER.contains(at(i).text());
  }

  /** Whether the noun phrase running through term i ends in a shape ("a fast red ball"). */
  boolean shapeAhead(int i) {
    int j = i + 1;
    while (kind(j, Kind.SIZE)
        || kind(j, Kind.COLOUR)
        || filler(j)
        || at(j) != null && at(j).prenominal()) {
      j++;
    }
    return kind(j, Kind.SHAPE);
  }

  int backgroundNounAfter(int i) {
    int j = i + 1;
    while (filler(j)) {
      j++;
    }
    return kind(j, Kind.BG_NOUN) ? j : -1;
  }

  /** Neighbouring unknown words are reported as one phrase: "fire breathing dragon". */
  void unknown(Term t) {
    if (t.first() == lastUnknownToken + 1 && !unmapped.isEmpty()) {
      unmapped.set(unmapped.size() - 1, unmapped.getLast() + " " + t.text());
    } else {
      unmapped.add(t.text());
    }
    lastUnknownToken = t.last();
  }

  /** A named place: an anchor and the index of the first term after its words. */
  record Place(Anchor anchor, int end) {}

  /** The place named from term j on ("the top left corner", "centre", "the right side"). */
  Place place(int j) {
    int k = is(j, "the") ? j + 1 : j;
    Integer row = null;
    Integer column = null;
    if (kind(k, Kind.VERTICAL)) {
      row = (Integer) at(k).value();
      k++;
    }
    if (is(k, "left") || is(k, "right")) {
      column = is(k, "left") ? 0 : 2;
      k++;
    }
    if (row == null && column == null) {
      return null;
    }
    while (kind(k, Kind.CORNER) || kind(k, Kind.OF_ORBIT)) {
      k++;
    }
    return new Place(Anchor.at(column == null ? 1 : column, row == null ? 1 : row), k);
  }

  String text(int from, int to) {
    List<String> words = new ArrayList<>();
    for (int w = from; w < to; w++) {
      words.add(at(w).text());
    }
    return String.join(" ", words);
  }

  /** "is large", "is crimson and huge": an attribute given after the noun. */
  boolean predicative(int i) {
    int j = i - 1;
    while (kind(j, Kind.CONNECTIVE)
        || kind(j, Kind.COMMA)
        || kind(j, Kind.SIZE)
        || kind(j, Kind.COLOUR)) {
      j--;
    }
    return kind(j, Kind.COPULA);
  }

  /** Whether term i, skipping "the", follows an orbit word ("circles the centre"). */
  boolean orbitBefore(int i) {
    int j = is(i - 1, "the") ? i - 2 : i - 1;
    return kind(j, Kind.ORBIT) || is(j, "circles");
  }

  /** "both", "all", "each" or "together" between two terms. */
  boolean quantifierBetween(int from, int to) {
    for (int j = from + 1; j < to; j++) {
      if (at(j) != null && QUANTIFIERS.contains(at(j).text())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a motion word is a plural verb ("move", "spin", "do not move"), which makes it the
   * motion of every object named just before it.
   */
  static boolean pluralVerb(Term t) {
    String first = t.text().split(" ")[0];
    if (first.equals("do") || first.equals("don't")) {
      return true;
    }
    boolean verb =
        switch (t.kind()) {
          case MOVE_VERB, ORBIT, SPIN, GROW, SHRINK, STAY, FALL, BOUNCE -> true;
          case DIRECTION -> BARE_DIRECTION_VERBS.contains(first);
          default -> false;
        };
    return verb && !first.endsWith("s") && !first.endsWith("ing") && !NOT_VERBS.contains(first);
  }

  boolean backgroundPrepositionBefore(int i) {
    int j = i - 1;
    while (kind(j, Kind.ARTICLE) || filler(j)) {
      j--;
    }
    return at(j) != null && BACKGROUND_PREPOSITIONS.contains(at(j).text());
  }

  /**
   * Only white names a background and an object colour alike. Blue and green backgrounds are read
   * as navy and forest, the world's only blue and green backgrounds; other colours have none.
   */
  void colourBackground(Term t) {
    switch ((Colour) t.value()) {
      case WHITE -> setBackground(Background.WHITE);
      case BLUE -> {
        setBackground(Background.NAVY);
        notes.add("a " + t.text() + " background is read as navy");
      }
      case GREEN -> {
        setBackground(Background.FOREST);
        notes.add("a " + t.text() + " background is read as forest");
      }
      default -> {
        unmapped.add(t.text() + " background");
        notes.add(
            "there is no "
                + t.text()
                + " background; backgrounds are black, white, gray, navy, forest, night and dusk");
      }
    }
  }

  void setBackground(Background b) {
    if (background == null) {
      background = b;
    } else if (background != b) {
      notes.add("two backgrounds given: kept " + background.word() + ", ignored " + b.word());
    }
    afterScenePhrase();
  }

  int backdrop(int i) {
    Term t = at(i);
    if (shapeAhead(i)) {
      throw new PromptException(
          "objects cannot be "
              + t.text()
              + "; object colours are red, orange, yellow, green, blue, purple, pink and white");
    }
    setBackground((Background) t.value());
    int noun = backgroundNounAfter(i);
    return noun >= 0 ? noun + 1 : i + 1;
  }

  /** "The background is navy blue", "background: white", "a background of dusk". */
  int backgroundNoun(int i) {
    int j = i + 1;
    if (!(kind(j, Kind.COPULA) || is(j, "of") || kind(j, Kind.COMMA))) {
      return i + 1;
    }
    j++;
    while (kind(j, Kind.ARTICLE) || filler(j)) {
      j++;
    }
    if (kind(j, Kind.BACKDROP)) {
      setBackground((Background) at(j).value());
      return j + 1;
    }
    if (kind(j, Kind.COLOUR) && !shapeAhead(j)) {
      colourBackground(at(j));
      return j + 1;
    }
    return i + 1;
  }

  void setCamera(Camera c) {
    if (camera != null && camera != c) {
      notes.add("two camera moves given: kept the last, " + PromptParser.words(c));
    }
    camera = c;
    afterScenePhrase();
  }

  /** "The camera is static", "the camera pans to the left", "fixed camera". */
  int camera(int i) {
    if (at(i - 1) != null && FIXED.contains(at(i - 1).text())) {
      setCamera(Camera.STATIC);
    }
    int j = i + 1;
    while (at(j) != null) {
      Term t = at(j);
      if (t.kind() == Kind.COPULA || t.kind() == Kind.STAY) {
        j++;
      } else if (t.kind() == Kind.STILL || FIXED.contains(t.text())) {
        setCamera(Camera.STATIC);
        j++;
      } else if (t.kind() == Kind.PAN || t.kind() == Kind.ZOOM || t.kind() == Kind.MOVE_VERB) {
        return cameraMove(j);
      } else {
        break;
      }
    }
    afterScenePhrase();
    return j;
  }

  int cameraMove(int i) {
    Term verb = at(i);
    int j = i + 1;
    while (kind(j, Kind.SPEED) || kind(j, Kind.TOWARD) || is(j, "the")) {
      j++;
    }
    if (verb.kind() == Kind.ZOOM) {
      boolean out = kind(j, Kind.OUT);
      if (!out && !is(j, "in") && !is(j, "into")) {
        notes.add("zoom without in or out: zooms in");
        setCamera(Camera.ZOOM_IN);
        return i + 1;
      }
      setCamera(out ? Camera.ZOOM_OUT : Camera.ZOOM_IN);
      return j + 1;
    }
    // "pans left", "pans leftward": the lexicon's sideways direction words
    if (kind(j, Kind.DIRECTION) && at(j).value() instanceof Motion.Direction d && d.horizontal()) {
      setCamera(d == Motion.Direction.LEFT ? Camera.PAN_LEFT : Camera.PAN_RIGHT);
      return j + 1;
    }
    if (verb.kind() == Kind.MOVE_VERB) {
      return i + 1;
    }
    notes.add("pan without a direction: pans right");
    setCamera(Camera.PAN_RIGHT);
    return i + 1;
  }

  /** The wooden post or snow, with the words that go with them ("stands in the middle"). */
  int extra(int i, boolean present) {
    int j = i + 1;
    if (kind(i, Kind.POST)) {
      occluder = present;
      while (at(j) != null && POST_VERBS.contains(at(j).text())) {
        j++;
      }
      Place place = kind(j, Kind.PREP) ? place(j + 1) : null;
      if (place != null) {
        if (place.anchor() != Anchor.CENTER) {
          notes.add("the post always stands in the middle");
        }
        j = place.end();
      }
    } else {
      snow = present;
      while (at(j) != null && SNOW_TAIL.contains(at(j).text())) {
        j++;
      }
    }
    afterScenePhrase();
    return j;
  }

  /** "no snow", "without a post", "no camera movement", "with no motion". */
  int negation(int i) {
    int j = i + 1;
    boolean motionWord = false;
    while (j <= i + 3 && (kind(j, Kind.ARTICLE) || kind(j, Kind.STOP))) {
      motionWord |= is(j, "motion") || is(j, "movement");
      j++;
    }
    if (kind(j, Kind.POST) || kind(j, Kind.SNOW)) {
      return extra(j, false);
    }
    if (kind(j, Kind.CAMERA)) {
      setCamera(Camera.STATIC);
      return is(j + 1, "motion") || is(j + 1, "movement") ? j + 2 : j + 1;
    }
    if (motionWord) {
      attachMotion(new Term(Kind.STILL, null, false, false, "no motion", i, j - 1), j - 1);
      return j;
    }
    return i + 1;
  }
}
