package ai.kinora.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The words the prompt grammar knows: a tokenizer and a table from words and short phrases (with
 * their synonyms) to {@link Term}s that carry a grammatical kind and, where it has one, a value.
 */
final class PromptLexicon {

  private PromptLexicon() {}

  /** What a word or phrase can do in a prompt. */
  enum Kind {
    ARTICLE,
    NUMBER,
    SIZE,
    COLOUR,
    /** A background that is not also an object colour: black, navy, night, ... */
    BACKDROP,
    BG_NOUN,
    SHAPE,
    OBJECT_NOUN,
    MOVE_VERB,
    DIRECTION,
    ORBIT,
    TURN,
    SPIN,
    GROW,
    SHRINK,
    STILL,
    /** "stays", "sits": still unless the same phrase names another motion. */
    STAY,
    FALL,
    BOUNCE,
    SPEED,
    CAMERA,
    PAN,
    ZOOM,
    OUT,
    POST,
    SNOW,
    NEGATION,
    TIME_UNIT,
    /** Prepositions that may introduce a start position: on, in, at, from, near. */
    PREP,
    TOWARD,
    /** top/upper = 0, middle/centre = 1, bottom/lower = 2. */
    VERTICAL,
    CORNER,
    OF_ORBIT,
    COPULA,
    CONNECTIVE,
    COMMA,
    END,
    STOP,
    UNKNOWN;

    /** Whether words of this kind say how an object (or, for pan and zoom, the camera) moves. */
    boolean motion() {
      return switch (this) {
        case MOVE_VERB, DIRECTION, ORBIT, TURN, SPIN, GROW, SHRINK, STILL, STAY, FALL, BOUNCE ->
            true;
        case SPEED, PAN, ZOOM -> true;
        default -> false;
      };
    }
  }

  /**
   * One word or phrase of a prompt. {@code first}..{@code last} are token positions, which let the
   * grammar join neighbouring unknown words into one reported phrase.
   */
  record Term(
      Kind kind,
      Object value,
      boolean prenominal,
      boolean plural,
      String text,
      int first,
      int last) {

    boolean is(String word) {
      return text.equals(word);
    }
  }

  private record Entry(Kind kind, Object value, boolean prenominal, boolean plural) {}

  private static final Map<String, Entry> TABLE = new HashMap<>();
  private static final int LONGEST_PHRASE = 4;

  static {
    add(Kind.ARTICLE, "a", "a", "an", "another");
    add(Kind.ARTICLE, "the", "the");
    String[] numbers = {
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve"
    };
    for (int n = 0; n < numbers.length; n++) {
      add(Kind.NUMBER, (double) (n + 1), numbers[n]);
    }
    add(Kind.NUMBER, 15.0, "fifteen");
    add(Kind.NUMBER, 20.0, "twenty");
    add(Kind.NUMBER, 30.0, "thirty");

    add(Kind.SIZE, ObjectSize.SMALL, "small", "tiny", "little", "mini", "smallish");
    add(Kind.SIZE, ObjectSize.MEDIUM, "medium", "mid sized", "average sized", "normal sized");
    add(Kind.SIZE, ObjectSize.MEDIUM, "regular sized", "medium size", "normal size");
    add(Kind.SIZE, ObjectSize.LARGE, "large", "big", "huge", "giant", "largish");

    add(Kind.COLOUR, Colour.RED, "red", "crimson", "scarlet");
    add(Kind.COLOUR, Colour.ORANGE, "orange", "amber");
    add(Kind.COLOUR, Colour.YELLOW, "yellow", "golden", "gold");
    add(Kind.COLOUR, Colour.GREEN, "green", "lime", "emerald");
    add(Kind.COLOUR, Colour.BLUE, "blue", "azure", "cobalt");
    add(Kind.COLOUR, Colour.PURPLE, "purple", "violet", "lilac", "lavender");
    add(Kind.COLOUR, Colour.PINK, "pink", "magenta", "fuchsia", "rose");
    add(Kind.COLOUR, Colour.WHITE, "white");

    add(Kind.BACKDROP, Background.BLACK, "black");
    add(Kind.BACKDROP, Background.GRAY, "gray", "grey");
    add(Kind.BACKDROP, Background.NAVY, "navy", "navy blue", "dark blue", "midnight blue");
    add(Kind.BACKDROP, Background.FOREST, "forest", "forest green", "dark green");
    add(Kind.BACKDROP, Background.NIGHT, "night", "night sky", "starry night", "starry sky");
    add(Kind.BACKDROP, Background.NIGHT, "starry night sky", "starry", "nighttime", "night time");
    add(Kind.BACKDROP, Background.DUSK, "dusk", "sunset", "twilight", "evening sky");
    add(Kind.BG_NOUN, null, "background", "backdrop");

    shape(Shape.CIRCLE, "circle", "ball", "disc", "disk", "dot");
    shape(Shape.SQUARE, "square", "box", "cube", "block");
    shape(Shape.TRIANGLE, "triangle");
    shape(Shape.STAR, "star");
    TABLE.put("boxes", new Entry(Kind.SHAPE, Shape.SQUARE, false, true));
    add(Kind.OBJECT_NOUN, null, "object", "objects", "shape", "shapes", "thing", "things");
    add(Kind.OBJECT_NOUN, null, "item", "items");

    add(Kind.MOVE_VERB, null, "move", "moves", "goes", "go", "slides", "slide", "travels");
    add(Kind.MOVE_VERB, null, "travel", "drifts", "drift", "glides", "glide", "heads", "rolls");
    add(Kind.MOVE_VERB, null, "roll", "flies", "fly", "floats", "float", "crosses", "runs");
    pre(Kind.MOVE_VERB, null, "moving", "going", "sliding", "travelling", "traveling");
    pre(Kind.MOVE_VERB, null, "drifting", "gliding", "heading", "rolling", "flying", "floating");
    add(Kind.DIRECTION, Motion.Direction.LEFT, "left", "leftward", "leftwards");
    add(Kind.DIRECTION, Motion.Direction.RIGHT, "right", "rightward", "rightwards");
    add(Kind.DIRECTION, Motion.Direction.UP, "up", "upward", "upwards", "rises", "rise");
    add(Kind.DIRECTION, Motion.Direction.UP, "climbs", "climb", "ascends", "ascend");
    pre(Kind.DIRECTION, Motion.Direction.UP, "rising", "climbing", "ascending");
    add(Kind.DIRECTION, Motion.Direction.DOWN, "down", "downward", "downwards", "sinks");
    add(Kind.DIRECTION, Motion.Direction.DOWN, "sink", "descends", "descend");
    pre(Kind.DIRECTION, Motion.Direction.DOWN, "sinking", "descending");
    add(Kind.ORBIT, null, "orbits", "orbit", "revolves", "revolve", "goes around", "goes round");
    add(Kind.ORBIT, null, "go around", "go round", "going around", "going round", "in a circle");
    add(
        Kind.ORBIT,
        null,
        "in circles",
        "around the centre",
        "around the center",
        "round the centre");
    add(Kind.ORBIT, null, "round the center", "around the middle", "in an orbit");
    pre(Kind.ORBIT, null, "orbiting", "circling", "revolving");
    add(Kind.TURN, Motion.Turn.CLOCKWISE, "clockwise");
    add(Kind.TURN, Motion.Turn.COUNTERCLOCKWISE, "counterclockwise", "counter clockwise");
    add(Kind.TURN, Motion.Turn.COUNTERCLOCKWISE, "anticlockwise", "anti clockwise");
    add(Kind.SPIN, null, "spins", "spin", "rotates", "rotate", "turns", "turn", "twirls", "whirls");
    pre(Kind.SPIN, null, "spinning", "rotating", "turning", "twirling", "whirling");
    add(Kind.GROW, null, "grows", "grow", "expands", "expand", "enlarges", "swells");
    add(Kind.GROW, null, "gets bigger", "getting bigger", "gets larger", "getting larger");
    add(Kind.GROW, null, "becomes bigger", "becomes larger");
    pre(Kind.GROW, null, "growing", "expanding", "enlarging", "swelling");
    add(Kind.SHRINK, null, "shrinks", "shrink", "contracts", "contract", "gets smaller");
    add(Kind.SHRINK, null, "getting smaller", "becomes smaller");
    pre(Kind.SHRINK, null, "shrinking", "contracting");
    pre(Kind.STILL, null, "still", "motionless", "stationary", "static", "unmoving", "immobile");
    add(Kind.STILL, null, "stays put", "stay put", "staying put", "does not move", "at rest");
    add(Kind.STILL, null, "doesn't move", "do not move", "don't move", "not moving");
    add(Kind.STILL, null, "isn't moving", "never moves", "without moving", "is not moving");
    add(Kind.STAY, null, "stays", "stay", "staying", "sits", "sit", "sitting", "rests", "rest");
    add(Kind.STAY, null, "resting", "remains", "remain", "remaining", "stands", "standing");
    add(Kind.FALL, null, "falls", "fall", "drops", "drop");
    pre(Kind.FALL, null, "falling", "dropping");
    add(Kind.BOUNCE, null, "bounces", "bounce");
    pre(Kind.BOUNCE, null, "bouncing", "bouncy");
    add(Kind.SPEED, Motion.Speed.SLOWLY, "slowly", "gently", "leisurely", "at low speed");
    add(Kind.SPEED, Motion.Speed.SLOWLY, "at a slow pace", "at a slow speed", "at slow speed");
    pre(Kind.SPEED, Motion.Speed.SLOWLY, "slow");
    add(Kind.SPEED, Motion.Speed.QUICKLY, "quickly", "rapidly", "swiftly", "speedily");
    add(Kind.SPEED, Motion.Speed.QUICKLY, "at high speed", "at a fast pace", "at full speed");
    add(Kind.SPEED, Motion.Speed.QUICKLY, "at a high speed", "at fast speed", "at a fast speed");
    pre(Kind.SPEED, Motion.Speed.QUICKLY, "fast", "quick");
    add(Kind.SPEED, Motion.Speed.NORMAL, "at normal speed", "at a normal speed", "normal speed");
    add(Kind.SPEED, Motion.Speed.NORMAL, "at normal pace", "at a normal pace", "at medium speed");
    add(Kind.SPEED, Motion.Speed.NORMAL, "at a medium speed", "at a steady pace", "steadily");

    add(Kind.CAMERA, null, "camera");
    add(Kind.PAN, null, "pans", "pan", "panning", "tracks", "tracking");
    add(Kind.ZOOM, null, "zooms", "zoom", "zooming");
    add(Kind.OUT, null, "out");
    add(Kind.POST, null, "post", "pole", "pillar", "column", "posts", "poles", "pillars");
    add(Kind.SNOW, null, "snow", "snowing", "snows", "snowfall", "snowflakes", "snowflake");
    add(Kind.SNOW, null, "snowy");
    add(Kind.NEGATION, null, "no", "not", "without");
    add(Kind.TIME_UNIT, 1.0, "s", "sec", "secs", "second", "seconds");
    add(Kind.TIME_UNIT, 60.0, "minute", "minutes", "min");

    add(Kind.PREP, null, "on", "in", "at", "from", "near", "into");
    add(Kind.TOWARD, null, "to", "towards", "toward");
    add(Kind.VERTICAL, 0, "top", "upper");
    add(Kind.VERTICAL, 1, "middle", "centre", "center");
    add(Kind.VERTICAL, 2, "bottom", "lower");
    add(Kind.CORNER, null, "corner", "side", "edge", "part", "area", "region");
    add(Kind.OF_ORBIT, null, "of its circle", "of the circle", "of its orbit", "of the orbit");
    add(Kind.OF_ORBIT, null, "of its path", "on its circle", "on its orbit");
    add(Kind.COPULA, null, "is", "are", "looks", "appears", "be");
    add(Kind.CONNECTIVE, null, "and", "while", "whilst", "as", "but", "then", "plus");
    add(Kind.STOP, null, "in front of", "in place", "in the distance");
    for (String w :
        ("with of it its there this that these those which who where here by for over under"
                + " against across behind past beside next along through around round about"
                + " onto upon before after during clip video scene animation movie frame screen"
                + " picture image canvas view shows show showing shown see seen we you has have"
                + " having been being was were very really just also both each all together"
                + " other some different single sized size coloured colored colour color plain"
                + " solid flat simple light bright dark deep pale vivid wooden wood tall vertical"
                + " upright sky lasts last lasting long duration starts start starting begins"
                + " begin beginning twice half double times whole entire throughout gradually"
                + " smoothly continuously constantly keeps keep keeping own place position heavy gentle"
                + " soft steady fixed locked above below same pace speed way direction it's"
                + " there's that's here's motion movement")
            .split(" ")) {
      add(Kind.STOP, null, w);
    }
  }

  /** Every word that appears in a known word or phrase, sorted (for text-encoder vocabularies). */
  static SortedSet<String> words() {
    SortedSet<String> out = new TreeSet<>();
    for (String phrase : TABLE.keySet()) {
      out.addAll(List.of(phrase.split(" ")));
    }
    return out;
  }

  private static void add(Kind kind, Object value, String... phrases) {
    for (String p : phrases) {
      TABLE.put(p, new Entry(kind, value, false, false));
    }
  }

  private static void pre(Kind kind, Object value, String... phrases) {
    for (String p : phrases) {
      TABLE.put(p, new Entry(kind, value, true, false));
    }
  }

  private static void shape(Shape shape, String... nouns) {
    for (String n : nouns) {
      TABLE.put(n, new Entry(Kind.SHAPE, shape, false, false));
      TABLE.put(n + "s", new Entry(Kind.SHAPE, shape, false, true));
    }
  }

  /**
   * Lower-cased words, numbers and the punctuation that matters: "." for a sentence end (also ! ?
   * ;) and "," for a pause (also :). Hyphens and other symbols separate words, so "medium-sized",
   * "counter-clockwise" and "6-second" read as two words each.
   */
  static List<String> tokenize(String text) {
    String s = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      if (Character.isLetter(c)) {
        while (i < s.length()
            && (Character.isLetter(s.charAt(i))
                || (s.charAt(i) == '\'' && i + 1 < s.length() && isLetter(s, i + 1)))) {
          i++;
        }
        out.add(s.substring(start, i));
      } else if (Character.isDigit(c)) {
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (i + 1 < s.length() && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
          i++;
          while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
          }
        }
        out.add(s.substring(start, i));
      } else {
        i++;
        switch (c) {
          case '.', '!', '?', ';' -> out.add(".");
          case ',', ':' -> out.add(",");
          case '&' -> out.add("and");
          default -> {}
        }
      }
    }
    return out;
  }

  private static boolean isLetter(String s, int i) {
    return Character.isLetter(s.charAt(i));
  }

  /** The prompt as terms, taking the longest known phrase at each position. */
  static List<Term> terms(String text) {
    List<String> tokens = tokenize(text);
    List<Term> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String token = tokens.get(i);
      if (Character.isDigit(token.charAt(0))) {
        out.add(new Term(Kind.NUMBER, Double.parseDouble(token), false, false, token, i, i));
        i++;
        continue;
      }
      if (token.equals(".") || token.equals(",")) {
        Kind kind = token.equals(".") ? Kind.END : Kind.COMMA;
        out.add(new Term(kind, null, false, false, token, i, i));
        i++;
        continue;
      }
      int taken = 1;
      Entry entry = null;
      String phrase = token;
      for (int n = Math.min(LONGEST_PHRASE, tokens.size() - i); n >= 1 && entry == null; n--) {
        String candidate = String.join(" ", tokens.subList(i, i + n));
        Entry e = TABLE.get(candidate);
        if (e != null) {
          entry = e;
          taken = n;
          phrase = candidate;
        }
      }
      if (entry == null) {
        out.add(new Term(Kind.UNKNOWN, null, false, false, token, i, i));
      } else {
        out.add(
            new Term(
                entry.kind(),
                entry.value(),
                entry.prenominal(),
                entry.plural(),
                phrase,
                i,
                i + taken - 1));
      }
      i += taken;
    }
    return out;
  }
}
