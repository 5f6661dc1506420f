package ai.kinora.world;

import ai.kinora.world.PromptLexicon.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the motion words a prompt gave one object ("moves quickly to the left", "falls and
 * bounces", "circling anticlockwise") into one {@link Motion}, noting defaults and conflicts.
 */
final class MotionPhrase {

  private MotionPhrase() {}

  /**
   * The motion the words describe. Words that decide the kind (a direction, orbit, spin, grow,
   * shrink, still, fall or bounce) win over words that only suggest one ("moves", "stays", a turn
   * alone); of two deciding words the first wins, since the world gives an object one motion.
   */
  static Motion resolve(List<Term> words, Shape shape, String who, List<String> notes) {
    Motion.Speed speed = null;
    Motion.Turn turn = null;
    Motion.Direction direction = null;
    List<Motion.Kind> kinds = new ArrayList<>();
    List<String> kindWords = new ArrayList<>();
    boolean moveVerb = false;
    boolean stay = false;
    boolean fell = false;
    boolean bounced = false;
    for (Term t : words) {
      Motion.Kind kind = null;
      switch (t.kind()) {
        case SPEED -> {
          Motion.Speed s = (Motion.Speed) t.value();
          if (speed != null && speed != s) {
            notes.add(who + ": two speeds given, kept " + PromptParser.words(speed));
          } else {
            speed = s;
          }
        }
        case TURN -> turn = turn == null ? (Motion.Turn) t.value() : turn;
        case DIRECTION -> {
          direction = direction == null ? (Motion.Direction) t.value() : direction;
          kind = Motion.Kind.MOVE;
        }
        case ORBIT -> kind = Motion.Kind.ORBIT;
        case SPIN -> kind = Motion.Kind.SPIN;
        case GROW -> kind = Motion.Kind.GROW;
        case SHRINK -> kind = Motion.Kind.SHRINK;
        case STILL -> kind = Motion.Kind.STILL;
        case FALL -> {
          fell = true;
          kind = Motion.Kind.FALL_AND_BOUNCE;
        }
        case BOUNCE -> {
          bounced = true;
          kind = Motion.Kind.FALL_AND_BOUNCE;
        }
        case MOVE_VERB -> moveVerb = true;
        case STAY -> stay = true;
        default -> {}
      }
      if (kind != null && !kinds.contains(kind)) {
        kinds.add(kind);
        kindWords.add(t.text());
      }
    }
    // "falls down and bounces": the direction is the fall itself.
    if (kinds.contains(Motion.Kind.FALL_AND_BOUNCE) && direction == Motion.Direction.DOWN) {
      dropKind(kinds, kindWords, Motion.Kind.MOVE);
    }
    // "rotates around the centre" is an orbit; spin words double as orbit words there.
    if (kinds.contains(Motion.Kind.ORBIT)) {
      dropKind(kinds, kindWords, Motion.Kind.SPIN);
    }
    Motion.Kind kind;
    if (!kinds.isEmpty()) {
      kind = kinds.getFirst();
      if (kinds.size() > 1) {
        notes.add(
            who
                + " can do one thing: kept \""
                + kindWords.getFirst()
                + "\", ignored \""
                + String.join("\", \"", kindWords.subList(1, kindWords.size()))
                + "\"");
      }
    } else if (turn != null) {
      kind = Motion.Kind.ORBIT;
    } else if (moveVerb) {
      kind = Motion.Kind.MOVE;
    } else {
      kind = Motion.Kind.STILL;
      if (!stay) {
        notes.add("motion not given for " + who + ": stays still");
      }
    }
    if (speed != null && kind != Motion.Kind.MOVE && speed != Motion.Speed.NORMAL) {
      notes.add("speed applies only to moving objects: ignored for " + who);
    }
    return switch (kind) {
      case STILL -> Motion.STILL;
      case MOVE -> {
        if (direction == null) {
          direction = Motion.Direction.RIGHT;
          notes.add("direction not given for " + who + ": moves right");
        }
        yield Motion.move(direction, speed == null ? Motion.Speed.NORMAL : speed);
      }
      case FALL_AND_BOUNCE -> {
        if (fell && !bounced) {
          notes.add(who + " falls and then bounces on the bottom edge");
        }
        yield Motion.FALL_AND_BOUNCE;
      }
      case ORBIT -> {
        if (turn == null) {
          turn = Motion.Turn.CLOCKWISE;
          notes.add("turn not given for " + who + ": clockwise");
        }
        yield Motion.orbit(turn);
      }
      case SPIN -> {
        if (turn == Motion.Turn.COUNTERCLOCKWISE) {
          notes.add("spins are always clockwise: " + who + " spins clockwise");
        }
        if (shape == Shape.CIRCLE) {
          notes.add(who + " spins, but a spinning circle looks the same as a still one");
        }
        yield Motion.SPIN;
      }
      case GROW -> Motion.GROW;
      case SHRINK -> Motion.SHRINK;
    };
  }

  private static void dropKind(List<Motion.Kind> kinds, List<String> kindWords, Motion.Kind kind) {
    int i = kinds.indexOf(kind);
    if (i >= 0) {
      kinds.remove(i);
      kindWords.remove(i);
    }
  }
}
