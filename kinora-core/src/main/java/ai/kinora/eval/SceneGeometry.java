package ai.kinora.eval;

import ai.kinora.world.Canvas;
import ai.kinora.world.Kinematics;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneObject;

/**
 * The facts of a scene that do not depend on where its objects start, in the working pixels of one
 * video and on the video's own clock: the camera's zoom and pan, each object's apparent size, and
 * the world-fixed frame centre. These come from {@link Kinematics}, the same geometry the renderer
 * draws, so the scorer and the renderer cannot disagree about them.
 *
 * <p>Two adaptations: Kinematics needs a canvas whose sides are multiples of 8, while working sizes
 * are arbitrary (e.g. 250x175), so it runs on a canvas 8 times larger and every length is divided
 * by 8; its geometry is linear in the canvas size, so this is exact. And zoom and growth run over
 * the scene's duration, so the scene is given the video's length (frames / fps) first. Start
 * positions from Kinematics are never used.
 */
final class SceneGeometry {

  private static final int SCALE = 8;

  private final Kinematics kinematics;
  private final Scene scene;
  private final int width;
  private final int height;
  private final double clipSeconds;
  private final double fps;

  SceneGeometry(Scene scene, int width, int height, int frames, double fps) {
    this.fps = fps;
    this.clipSeconds = frames / fps;
    // A scene lasts at most 60 s; a longer video keeps its last zoom and size after that.
    double seconds = Math.min(Scene.MAX_SECONDS, clipSeconds);
    this.scene = scene.withDuration(seconds);
    this.width = width;
    this.height = height;
    this.kinematics = new Kinematics(this.scene, new Canvas(SCALE * width, SCALE * height));
  }

  Scene scene() {
    return scene;
  }

  /** The video's length, frames / fps. */
  double clipSeconds() {
    return clipSeconds;
  }

  double fps() {
    return fps;
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  double minSide() {
    return Math.min(width, height);
  }

  /** The camera's scale at {@code t}. */
  double zoom(double t) {
    return kinematics.zoom(t);
  }

  /** A screen x (working pixels) in world coordinates: pan and zoom undone. */
  double worldX(double screenX, double t) {
    return kinematics.worldX(screenX * SCALE, t) / SCALE;
  }

  /** A screen y (working pixels) in world coordinates: zoom undone. */
  double worldY(double screenY, double t) {
    return kinematics.worldY(screenY * SCALE, t) / SCALE;
  }

  double screenX(double worldX, double t) {
    return kinematics.screenX(worldX * SCALE, t) / SCALE;
  }

  double screenY(double worldY, double t) {
    return kinematics.screenY(worldY * SCALE, t) / SCALE;
  }

  /** The side of object {@code index}'s box on screen at {@code t}: size, growth and zoom. */
  double extent(int index, double t) {
    return kinematics.pose(index, t).extent() / SCALE;
  }

  /** The object's side in world pixels (growth, no zoom). */
  double worldExtent(int index, double t) {
    return extent(index, t) / zoom(t);
  }

  /** The object's expected area on screen at {@code t}, in working pixels. */
  double expectedArea(int index, double t) {
    double e = extent(index, t);
    return ShapeFeatures.areaFactor(object(index).shape()) * e * e;
  }

  SceneObject object(int index) {
    return scene.objects().get(index);
  }
}
