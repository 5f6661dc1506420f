package ai.kinora.eval;

import ai.kinora.media.Video;
import ai.kinora.world.Scene;

/**
 * Where each of a scene's objects is, frame by frame, as the scorer's tracker sees it: for checking
 * that an edit kept the motion of its input, and that an object of a long video stays present.
 */
public final class Trajectories {

  private final Tracker.Observation[][] byObject; // [object][frame], null or absent when unseen
  private final double shorterSide; // of the working video, in its pixels

  private Trajectories(Tracker.Observation[][] byObject, double shorterSide) {
    this.byObject = byObject;
    this.shorterSide = shorterSide;
  }

  /** Tracks the objects of {@code scene} in {@code video}. */
  public static Trajectories of(Video video, Scene scene) {
    WorkingVideo w = WorkingVideo.of(video);
    SceneGeometry g = new SceneGeometry(scene, w.width(), w.height(), w.frameCount(), w.fps());
    return new Trajectories(Tracker.track(w, g).byObject(), Math.min(w.width(), w.height()));
  }

  public int objects() {
    return byObject.length;
  }

  /** Share of the frames in which object {@code i} was found. */
  public double presence(int i) {
    Tracker.Observation[] track = byObject[i];
    int seen = 0;
    for (Tracker.Observation o : track) {
      seen += present(o) ? 1 : 0;
    }
    return track.length == 0 ? 0 : (double) seen / track.length;
  }

  /**
   * The largest, over objects, of the mean distance between object i's centre here and in {@code
   * other} (same objects in the same order, same frame count), over the frames where both found it,
   * as a fraction of the shorter frame side. NaN when some object is never found in both.
   */
  public double worstMeanOffset(Trajectories other) {
    if (other.byObject.length != byObject.length) {
      throw new IllegalArgumentException(
          "cannot compare " + byObject.length + " objects with " + other.byObject.length);
    }
    double worst = 0;
    for (int i = 0; i < byObject.length; i++) {
      Tracker.Observation[] a = byObject[i];
      Tracker.Observation[] b = other.byObject[i];
      if (a.length != b.length) {
        throw new IllegalArgumentException(
            "cannot compare " + a.length + " frames with " + b.length);
      }
      double sum = 0;
      int n = 0;
      for (int f = 0; f < a.length; f++) {
        if (present(a[f]) && present(b[f])) {
          // Both in working-video pixels; the sizes match when the source sizes do.
          sum +=
              Math.hypot(
                  a[f].cx() / shorterSide - b[f].cx() / other.shorterSide,
                  a[f].cy() / shorterSide - b[f].cy() / other.shorterSide);
          n++;
        }
      }
      if (n == 0) {
        return Double.NaN;
      }
      worst = Math.max(worst, sum / n);
    }
    return worst;
  }

  private static boolean present(Tracker.Observation o) {
    return o != null && o.present();
  }
}
