package ai.kinora.world;

import java.util.Objects;

/** One object of a scene: what it looks like, what it does, and where it starts. */
public record SceneObject(
    Colour colour, Shape shape, ObjectSize size, Motion motion, Anchor start) {

  public SceneObject {
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(motion, "motion");
    Objects.requireNonNull(start, "start");
    if (motion instanceof Motion.FallAndBounce && start.row() != 0) {
      throw new IllegalArgumentException(
          "a falling and bouncing object starts in the top row, not at " + start);
    }
    if (motion instanceof Motion.Orbit && start == Anchor.CENTER) {
      throw new IllegalArgumentException(
          "an orbiting object starts on its orbit, so its start cannot be the centre");
    }
  }

  /** "red circle", the words that name this object. */
  public String name() {
    return colour.word() + " " + shape.word();
  }
}
