package ai.kinora.world;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Kinora World scene: 1 to 3 objects on a background, a camera move, optional extras and a
 * duration. Objects are drawn in list order (later ones in front); the occluder is drawn in front
 * of all objects. Size and frame rate are not part of a scene: one scene renders at any.
 */
public record Scene(
    List<SceneObject> objects,
    Background background,
    Camera camera,
    boolean occluder,
    boolean snow,
    double durationSeconds) {

  public static final int MAX_OBJECTS = 3;
  public static final double MAX_SECONDS = 60.0;
  public static final double DEFAULT_SECONDS = 4.0;

  public Scene {
    objects = List.copyOf(Objects.requireNonNull(objects, "objects"));
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(camera, "camera");
    if (objects.isEmpty() || objects.size() > MAX_OBJECTS) {
      throw new IllegalArgumentException(
          "a scene has 1 to " + MAX_OBJECTS + " objects, not " + objects.size());
    }
    if (!(durationSeconds > 0 && durationSeconds <= MAX_SECONDS)) {
      throw new IllegalArgumentException(
          "a scene lasts more than 0 and at most "
              + MAX_SECONDS
              + " seconds, not "
              + durationSeconds);
    }
    Set<String> seen = new HashSet<>();
    for (SceneObject o : objects) {
      if (!seen.add(o.name())) {
        throw new IllegalArgumentException(
            "two objects are both a " + o.name() + "; objects must differ in colour or shape");
      }
      if (o.colour() == Colour.WHITE && background == Background.WHITE) {
        throw new IllegalArgumentException(
            "a white " + o.shape().word() + " would be invisible on the white background");
      }
    }
  }

  /** The same scene with another duration. */
  public Scene withDuration(double seconds) {
    return new Scene(objects, background, camera, occluder, snow, seconds);
  }

  /**
   * This scene seen in a mirror (left and right swapped): each object starts in the mirrored
   * anchor, moves left where it moved right and the other way round, orbits the other way; the
   * camera pans the other way. Everything else is kept, including a spin, which stays clockwise
   * (Kinora World has no counterclockwise spin): rendered, the mirrored scene is the horizontal
   * flip of this one except for a spinning object's sense and the render seed's stars and snow.
   */
  public Scene mirrored() {
    List<SceneObject> flipped = new ArrayList<>(objects.size());
    for (SceneObject o : objects) {
      Motion motion =
          switch (o.motion()) {
            case Motion.Move m when m.direction() == Motion.Direction.LEFT ->
                Motion.move(Motion.Direction.RIGHT, m.speed());
            case Motion.Move m when m.direction() == Motion.Direction.RIGHT ->
                Motion.move(Motion.Direction.LEFT, m.speed());
            case Motion.Orbit orbit ->
                Motion.orbit(
                    orbit.turn() == Motion.Turn.CLOCKWISE
                        ? Motion.Turn.COUNTERCLOCKWISE
                        : Motion.Turn.CLOCKWISE);
            default -> o.motion();
          };
      Anchor start = Anchor.at(2 - o.start().column(), o.start().row());
      flipped.add(new SceneObject(o.colour(), o.shape(), o.size(), motion, start));
    }
    Camera pan =
        switch (camera) {
          case PAN_LEFT -> Camera.PAN_RIGHT;
          case PAN_RIGHT -> Camera.PAN_LEFT;
          default -> camera;
        };
    return new Scene(flipped, background, pan, occluder, snow, durationSeconds);
  }

  /** The same scene with other objects. */
  public Scene withObjects(List<SceneObject> newObjects) {
    return new Scene(newObjects, background, camera, occluder, snow, durationSeconds);
  }
}
