package ai.kinora.world;

/**
 * What an object does over the clip (WORLD.md, "Motions"). Each kind is a record, so scenes compare
 * by value and code can {@code switch} over the cases.
 */
public sealed interface Motion {

  /** Horizontal and vertical axis directions of a linear move. */
  enum Direction {
    LEFT,
    RIGHT,
    UP,
    DOWN;

    public boolean horizontal() {
      return this == LEFT || this == RIGHT;
    }
  }

  /** Linear speeds in frame-lengths per second along the axis of motion. */
  enum Speed {
    SLOWLY(0.15),
    NORMAL(0.3),
    QUICKLY(0.6);

    private final double framesPerSecond;

    Speed(double framesPerSecond) {
      this.framesPerSecond = framesPerSecond;
    }

    public double framesPerSecond() {
      return framesPerSecond;
    }
  }

  /** Sense of an orbit on screen. */
  enum Turn {
    CLOCKWISE,
    COUNTERCLOCKWISE
  }

  /** The kind of motion, without its parameters; used for sampling weights and reports. */
  enum Kind {
    STILL,
    MOVE,
    FALL_AND_BOUNCE,
    ORBIT,
    SPIN,
    GROW,
    SHRINK
  }

  Kind kind();

  /** No motion. */
  record Still() implements Motion {
    public Kind kind() {
      return Kind.STILL;
    }
  }

  /** Constant velocity along one axis; the object leaves the frame when it reaches the edge. */
  record Move(Direction direction, Speed speed) implements Motion {
    public Move {
      java.util.Objects.requireNonNull(direction, "direction");
      java.util.Objects.requireNonNull(speed, "speed");
    }

    public Kind kind() {
      return Kind.MOVE;
    }
  }

  /** Starts at rest in the upper part, falls under gravity and bounces on the bottom edge. */
  record FallAndBounce() implements Motion {
    public static final double GRAVITY = 1.5; // frame-heights per second squared
    public static final double RESTITUTION = 0.8;

    public Kind kind() {
      return Kind.FALL_AND_BOUNCE;
    }
  }

  /** Orbits the frame centre at radius 0.25 of min(width, height), one turn per 4 seconds. */
  record Orbit(Turn turn) implements Motion {
    public static final double RADIUS = 0.25;
    public static final double SECONDS_PER_TURN = 4.0;

    public Orbit {
      java.util.Objects.requireNonNull(turn, "turn");
    }

    public Kind kind() {
      return Kind.ORBIT;
    }
  }

  /** Rotates clockwise in place at 90 degrees per second. */
  record Spin() implements Motion {
    public static final double DEGREES_PER_SECOND = 90.0;

    public Kind kind() {
      return Kind.SPIN;
    }
  }

  /** Scales linearly to twice its size over the clip. */
  record Grow() implements Motion {
    public Kind kind() {
      return Kind.GROW;
    }
  }

  /** Scales linearly to half its size over the clip. */
  record Shrink() implements Motion {
    public Kind kind() {
      return Kind.SHRINK;
    }
  }

  Motion STILL = new Still();
  Motion FALL_AND_BOUNCE = new FallAndBounce();
  Motion SPIN = new Spin();
  Motion GROW = new Grow();
  Motion SHRINK = new Shrink();

  static Motion move(Direction direction, Speed speed) {
    return new Move(direction, speed);
  }

  static Motion orbit(Turn turn) {
    return new Orbit(turn);
  }
}
