package ai.kinora.world;

import java.util.ArrayList;
import java.util.List;

/**
 * The three caption styles, each with the part of a scene it expresses: {@link #project} is what
 * parsing that style's caption gives back, so "caption, then parse" is exact per style.
 */
public enum CaptionStyle {
  /**
   * "red circle moving right, blue square staying still and yellow star spinning": per object its
   * colour, shape and motion (direction, orbit turn; not speed). Everything else takes the parser's
   * defaults.
   */
  SHORT,
  /**
   * "A small red circle moves quickly to the right on a navy background. The camera pans left.":
   * sizes, colours, shapes and motions with speed, the background, the camera, the post and snow;
   * not start positions or duration.
   */
  NORMAL,
  /** Full sentences naming everything, start positions and duration included. */
  DESCRIPTIVE;

  /**
   * The scene reduced to what this style expresses, every unexpressed attribute set to the value
   * {@link PromptParser} fills in when a prompt leaves it out: medium size, normal speed, gray
   * background, static camera, no post, no snow, {@link Scene#DEFAULT_SECONDS} and the {@link
   * Layout#canonical} start positions.
   */
  public Scene project(Scene scene) {
    return switch (this) {
      case DESCRIPTIVE -> scene;
      case NORMAL -> Layout.canonicalize(scene.withDuration(Scene.DEFAULT_SECONDS));
      case SHORT -> {
        List<SceneObject> objects = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
          // The original start is valid for the unchanged motion kind; canonicalize replaces it.
          objects.add(
              new SceneObject(
                  o.colour(), o.shape(), ObjectSize.MEDIUM, normalSpeed(o.motion()), o.start()));
        }
        // Gray is always a valid default: only the white background rules out an object colour.
        Scene plain =
            new Scene(objects, Background.GRAY, Camera.STATIC, false, false, Scene.DEFAULT_SECONDS);
        yield Layout.canonicalize(plain);
      }
    };
  }

  private static Motion normalSpeed(Motion motion) {
    return motion instanceof Motion.Move m
        ? Motion.move(m.direction(), Motion.Speed.NORMAL)
        : motion;
  }
}
