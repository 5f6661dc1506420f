package ai.kinora.eval;

import ai.kinora.eval.ScoreReport.Verdict;
import ai.kinora.media.Video;
import ai.kinora.world.Colour;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evaluator: judges from pixels alone whether a video shows what a scene says, attribute by
 * attribute, and explains each verdict.
 *
 * <p><b>Inputs.</b> Only the frames and the frame rate are read. Time comes from the video: frame i
 * is at i / fps and the clip lasts frames / fps; the scene's own duration is ignored (zoom and
 * growth run over the video's length). Any frame size works; the video is first area-averaged to at
 * most 256 px on its longer side ({@link WorkingVideo}), so a 1280x720 clip costs about as much as
 * a 256x144 one.
 *
 * <p><b>Start positions are never required.</b> Scenes parsed from normal captions carry canonical
 * anchors that a generated video need not follow, so no verdict compares an absolute position:
 * motion is judged from displacements, accelerations, angles about the (world) frame centre and
 * size trends; the camera's pan and zoom, which are known everywhere on screen without knowing
 * where objects are, are undone first ({@link WorldTrack}). What the scene contributes are the
 * facts that do not depend on the anchor: colours, shapes, apparent sizes (size, growth, zoom), and
 * the kind of motion.
 *
 * <p><b>Visibility and persistence.</b> Where an object should be visible is predicted from its own
 * measured track, extended by the scene's kind of motion over the frames it was not seen, with the
 * frame edges, the post as seen in each frame and the objects drawn in front of it ({@link
 * Visibility}). An object that leaves the frame is therefore not missed afterwards and motion is
 * judged only on frames where it is in view; one that vanishes in mid-frame, or never reappears
 * from behind the post, is. Persistence needs presence in 90% of the expected frames.
 *
 * <p><b>Verdicts</b>, in order: scene background and occluder; a count per colour; then per object
 * presence, colour, shape, size, motion (and speed for moves) and persistence. Anything the pixels
 * cannot decide (a single frame has no motion; an object never whole has no measurable shape) is
 * "not judged" with the reason, and counts neither way.
 */
public final class Scorer {

  /** Reduces a video to its working resolution, so it can be scored against several scenes. */
  public WorkingVideo prepare(Video video) {
    return WorkingVideo.of(video);
  }

  /** Scores a video against a scene. */
  public ScoreReport score(Video video, Scene scene) {
    return score(prepare(video), scene);
  }

  /** Scores a prepared video against a scene. */
  public ScoreReport score(WorkingVideo video, Scene scene) {
    int frames = video.frameCount();
    SceneGeometry g = new SceneGeometry(scene, video.width(), video.height(), frames, video.fps());
    Tracker.Tracks tracks = Tracker.track(video, g);
    List<Verdict> verdicts = new ArrayList<>();
    verdicts.add(tracks.background().judge(scene.background()));
    verdicts.add(AppearanceJudge.occluder(scene.occluder(), tracks.posts()));
    List<Colour> colours = tracks.colours();
    for (int c = 0; c < colours.size(); c++) {
      int expected = 0;
      for (SceneObject o : scene.objects()) {
        expected += o.colour() == colours.get(c) ? 1 : 0;
      }
      verdicts.add(AppearanceJudge.count(colours.get(c), tracks.regionCounts()[c], expected));
    }
    double[][][] centres = Visibility.predict(tracks, g, frames, video.fps());
    boolean[][] visible = Visibility.expectedVisible(tracks, g, centres, frames, video.fps());
    for (int i = 0; i < scene.objects().size(); i++) {
      SceneObject object = scene.objects().get(i);
      String subject = object.name();
      Tracker.Observation[] track = tracks.byObject()[i];
      Verdict presence = AppearanceJudge.presence(subject, object, track, g, i);
      verdicts.add(presence);
      verdicts.add(AppearanceJudge.colour(subject, object, track));
      verdicts.add(AppearanceJudge.shape(subject, object, track, g, i));
      verdicts.add(AppearanceJudge.size(subject, object, track, g, i));
      verdicts.addAll(MotionJudge.judge(subject, i, track, g));
      verdicts.add(Visibility.persistence(subject, track, visible[i]));
    }
    return new ScoreReport(scene, describe(video), verdicts);
  }

  private static String describe(WorkingVideo v) {
    return String.format(
        Locale.ROOT,
        "%dx%d, %d frames at %.4g fps (scored at %dx%d)",
        v.sourceWidth(),
        v.sourceHeight(),
        v.frameCount(),
        v.fps(),
        v.width(),
        v.height());
  }
}
