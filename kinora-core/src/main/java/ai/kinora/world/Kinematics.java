package ai.kinora.world;

import java.util.List;

/**
 * Where every object of a scene is, and how the camera sees it, at any time: the pure geometry that
 * the renderer draws and the evaluator predicts. All results are in screen pixels of one canvas (x
 * right, y down); angles are radians, clockwise on screen. Trigonometry uses {@link StrictMath} so
 * frames are bit-identical on every JVM and CPU.
 */
public final class Kinematics {

  /** An object's placement on screen: centre, the side of its bounding box, and its rotation. */
  public record Pose(double x, double y, double extent, double angle) {}

  /** The occluder's horizontal span on screen; it covers the full height. */
  public record Span(double left, double right) {
    public double width() {
      return right - left;
    }
  }

  private static final double OCCLUDER_WIDTH = 1.0 / 8.0;

  private final Scene scene;
  private final double width;
  private final double height;
  private final double minSide;

  public Kinematics(Scene scene, Canvas canvas) {
    this.scene = scene;
    this.width = canvas.width();
    this.height = canvas.height();
    this.minSide = canvas.minSide();
  }

  public Scene scene() {
    return scene;
  }

  /** The pose on screen of object {@code index} at {@code t} seconds, camera applied. */
  public Pose pose(int index, double t) {
    Pose world = worldPose(scene.objects().get(index), t);
    double z = zoom(t);
    return new Pose(
        screenX(world.x(), t), screenY(world.y(), t), world.extent() * z, world.angle());
  }

  /** Poses of all objects at {@code t}, in drawing order. */
  public List<Pose> poses(double t) {
    Pose[] out = new Pose[scene.objects().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = pose(i, t);
    }
    return List.of(out);
  }

  /** The camera's scale about the frame centre at {@code t}: 1 unless the camera zooms. */
  public double zoom(double t) {
    double progress = Math.min(1.0, Math.max(0.0, t / scene.durationSeconds()));
    return switch (scene.camera()) {
      case ZOOM_IN -> 1.0 + (Camera.ZOOM_IN_SCALE - 1.0) * progress;
      case ZOOM_OUT -> 1.0 + (Camera.ZOOM_OUT_SCALE - 1.0) * progress;
      default -> 1.0;
    };
  }

  /** How far the world has slid horizontally on screen at {@code t}, in pixels (right = +). */
  public double panOffset(double t) {
    return switch (scene.camera()) {
      case PAN_LEFT -> Camera.PAN_SPEED * width * t;
      case PAN_RIGHT -> -Camera.PAN_SPEED * width * t;
      default -> 0.0;
    };
  }

  /** Maps a world x (pixels) to the screen at {@code t}. */
  public double screenX(double worldX, double t) {
    return width / 2 + zoom(t) * (worldX - width / 2) + panOffset(t);
  }

  /** Maps a world y (pixels) to the screen at {@code t}. */
  public double screenY(double worldY, double t) {
    return height / 2 + zoom(t) * (worldY - height / 2);
  }

  /** Maps a screen x back to the world at {@code t}. */
  public double worldX(double screenX, double t) {
    return width / 2 + (screenX - panOffset(t) - width / 2) / zoom(t);
  }

  /** Maps a screen y back to the world at {@code t}. */
  public double worldY(double screenY, double t) {
    return height / 2 + (screenY - height / 2) / zoom(t);
  }

  /** The wooden post on screen at {@code t}: fixed to the world at its horizontal centre. */
  public Span occluder(double t) {
    double half = OCCLUDER_WIDTH * width / 2;
    return new Span(screenX(width / 2 - half, t), screenX(width / 2 + half, t));
  }

  /** An object's pose in world pixels (before the camera) at {@code t} seconds. */
  public Pose worldPose(SceneObject object, double t) {
    double x = object.start().x() * width;
    double y = object.start().y() * height;
    double extent = object.size().fraction() * minSide;
    double angle = 0;
    double duration = scene.durationSeconds();
    switch (object.motion()) {
      case Motion.Still s -> {}
      case Motion.Move m -> {
        double distance = m.speed().framesPerSecond() * t;
        switch (m.direction()) {
          case LEFT -> x -= distance * width;
          case RIGHT -> x += distance * width;
          case UP -> y -= distance * height;
          case DOWN -> y += distance * height;
        }
      }
      case Motion.FallAndBounce b -> y = bounceY(y, height - extent / 2, t);
      case Motion.Orbit o -> {
        double radius = Motion.Orbit.RADIUS * minSide;
        double start = StrictMath.atan2(object.start().row() - 1, object.start().column() - 1);
        double sense = o.turn() == Motion.Turn.CLOCKWISE ? 1 : -1;
        double theta = start + sense * 2 * Math.PI * t / Motion.Orbit.SECONDS_PER_TURN;
        x = width / 2 + radius * StrictMath.cos(theta);
        y = height / 2 + radius * StrictMath.sin(theta);
      }
      case Motion.Spin s -> angle = Math.toRadians(Motion.Spin.DEGREES_PER_SECOND * t);
      case Motion.Grow g -> extent *= 1.0 + Math.min(1.0, t / duration);
      case Motion.Shrink s -> extent *= 1.0 - 0.5 * Math.min(1.0, t / duration);
    }
    return new Pose(x, y, extent, angle);
  }

  /**
   * Height of a ball dropped from rest at {@code y0} onto a floor at {@code floor} (pixels, y
   * down), after {@code t} seconds, with gravity and restitution from {@link Motion.FallAndBounce}.
   * Bounces are followed analytically until they become imperceptible.
   */
  private double bounceY(double y0, double floor, double t) {
    double g = Motion.FallAndBounce.GRAVITY * height;
    if (y0 >= floor) {
      return floor;
    }
    double elapsed = 0;
    double y = y0;
    double v = 0; // pixels per second, down = +
    for (int bounce = 0; bounce < 200; bounce++) {
      // time until the floor: y + v*tau + g*tau^2/2 = floor
      double tau = (-v + Math.sqrt(v * v + 2 * g * (floor - y))) / g;
      if (t <= elapsed + tau) {
        double dt = t - elapsed;
        return y + v * dt + g * dt * dt / 2;
      }
      elapsed += tau;
      double impact = v + g * tau;
      v = -Motion.FallAndBounce.RESTITUTION * impact;
      y = floor;
      if (-v < 1e-3 * height) {
        break;
      }
    }
    return floor;
  }
}
