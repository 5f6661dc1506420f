package ai.kinora.world;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws random scenes (and canvases) from controllable distributions. The same seed gives the same
 * sequence of samples. Spins are never given to circles (invisible), white objects never to the
 * white background, and start positions are chosen so that each motion stays visible.
 */
public final class SceneSampler {

  /** A scene with the canvas it should be rendered at. */
  public record Sample(Scene scene, Canvas canvas) {}

  /**
   * The distributions to draw from. {@code distinctColours} keeps objects of one scene apart by
   * colour, which keeps training data and scoring unambiguous; prompts may still ask for two
   * objects of one colour.
   */
  public record Settings(
      Weighted<Integer> objectCounts,
      Weighted<Colour> colours,
      Weighted<Shape> shapes,
      Weighted<ObjectSize> sizes,
      Weighted<Motion.Kind> motions,
      Weighted<Background> backgrounds,
      Weighted<Camera> cameras,
      double occluderProbability,
      double snowProbability,
      Weighted<Double> durations,
      Weighted<Canvas> canvases,
      boolean distinctColours) {

    public Settings {
      for (int n : objectCounts.values()) {
        if (n < 1 || n > Scene.MAX_OBJECTS) {
          throw new IllegalArgumentException("object counts must be 1..3, got " + n);
        }
      }
      for (double d : durations.values()) {
        if (!(d > 0 && d <= Scene.MAX_SECONDS)) {
          throw new IllegalArgumentException("durations must be in (0, 60] seconds, got " + d);
        }
      }
      if (!(occluderProbability >= 0 && occluderProbability <= 1)) {
        throw new IllegalArgumentException("occluder probability must be in [0, 1]");
      }
      if (!(snowProbability >= 0 && snowProbability <= 1)) {
        throw new IllegalArgumentException("snow probability must be in [0, 1]");
      }
    }

    /** The defaults: every part of the world, mostly static cameras, 4-second 128x128 clips. */
    public static Settings defaults() {
      Map<Integer, Double> counts = new LinkedHashMap<>();
      counts.put(1, 0.5);
      counts.put(2, 0.3);
      counts.put(3, 0.2);
      Map<Camera, Double> cameras = new LinkedHashMap<>();
      cameras.put(Camera.STATIC, 0.6);
      cameras.put(Camera.PAN_LEFT, 0.1);
      cameras.put(Camera.PAN_RIGHT, 0.1);
      cameras.put(Camera.ZOOM_IN, 0.1);
      cameras.put(Camera.ZOOM_OUT, 0.1);
      return new Settings(
          Weighted.of(counts),
          Weighted.uniform(Colour.values()),
          Weighted.uniform(Shape.values()),
          Weighted.uniform(ObjectSize.values()),
          Weighted.uniform(Motion.Kind.values()),
          Weighted.uniform(Background.values()),
          Weighted.of(cameras),
          0.15,
          0.1,
          Weighted.uniform(4.0),
          Weighted.uniform(new Canvas(128, 128)),
          true);
    }

    public Settings withDurations(Weighted<Double> d) {
      return edit(b -> b.durations = d);
    }

    public Settings withCanvases(Weighted<Canvas> c) {
      return edit(b -> b.canvases = c);
    }

    public Settings withObjectCounts(Weighted<Integer> c) {
      return edit(b -> b.objectCounts = c);
    }

    public Settings withMotions(Weighted<Motion.Kind> m) {
      return edit(b -> b.motions = m);
    }

    public Settings withCameras(Weighted<Camera> c) {
      return edit(b -> b.cameras = c);
    }

    public Settings withExtras(double occluder, double snow) {
      return edit(
          b -> {
            b.occluderProbability = occluder;
            b.snowProbability = snow;
          });
    }

    public Settings withDistinctColours(boolean distinct) {
      return edit(b -> b.distinctColours = distinct);
    }

    /** A copy of these settings with the changes {@code change} makes, validated again. */
    private Settings edit(java.util.function.Consumer<Editor> change) {
      Editor e = new Editor(this);
      change.accept(e);
      return e.build();
    }

    /** The fields of a {@link Settings}, open to change, for the {@code with...} methods. */
    private static final class Editor {
      Weighted<Integer> objectCounts;
      Weighted<Colour> colours;
      Weighted<Shape> shapes;
      Weighted<ObjectSize> sizes;
      Weighted<Motion.Kind> motions;
      Weighted<Background> backgrounds;
      Weighted<Camera> cameras;
      double occluderProbability;
      double snowProbability;
      Weighted<Double> durations;
      Weighted<Canvas> canvases;
      boolean distinctColours;

      Editor(Settings s) {
        objectCounts = s.objectCounts;
        colours = s.colours;
        shapes = s.shapes;
        sizes = s.sizes;
        motions = s.motions;
        backgrounds = s.backgrounds;
        cameras = s.cameras;
        occluderProbability = s.occluderProbability;
        snowProbability = s.snowProbability;
        durations = s.durations;
        canvases = s.canvases;
        distinctColours = s.distinctColours;
      }

      Settings build() {
        return new Settings(
            objectCounts,
            colours,
            shapes,
            sizes,
            motions,
            backgrounds,
            cameras,
            occluderProbability,
            snowProbability,
            durations,
            canvases,
            distinctColours);
      }
    }
  }

  private static final int MAX_TRIES = 1000;

  private final Settings settings;
  private final SplittableRandom random;

  public SceneSampler(Settings settings, long seed) {
    this.settings = settings;
    this.random = new SplittableRandom(seed);
  }

  /** The next random scene with its canvas. */
  public Sample next() {
    Canvas canvas = settings.canvases().sample(random);
    return new Sample(nextScene(), canvas);
  }

  /** The next random scene. */
  public Scene nextScene() {
    Background background = settings.backgrounds().sample(random);
    Camera camera = settings.cameras().sample(random);
    boolean occluder = random.nextDouble() < settings.occluderProbability();
    boolean snow = random.nextDouble() < settings.snowProbability();
    double duration = settings.durations().sample(random);
    int count = settings.objectCounts().sample(random);
    List<SceneObject> objects = new ArrayList<>();
    Set<Anchor> taken = EnumSet.noneOf(Anchor.class);
    Set<Colour> usedColours = EnumSet.noneOf(Colour.class);
    Set<String> usedNames = new java.util.HashSet<>();
    for (int tries = 0; objects.size() < count && tries < MAX_TRIES; tries++) {
      Colour colour = settings.colours().sample(random);
      Shape shape = settings.shapes().sample(random);
      if (colour == Colour.WHITE && background == Background.WHITE) {
        continue;
      }
      if (settings.distinctColours() && usedColours.contains(colour)) {
        continue;
      }
      if (usedNames.contains(colour.word() + " " + shape.word())) {
        continue;
      }
      Motion motion = motion(settings.motions().sample(random));
      if (motion instanceof Motion.Spin && shape == Shape.CIRCLE) {
        continue;
      }
      List<Anchor> free = new ArrayList<>(Layout.allowed(motion, occluder));
      free.removeAll(taken);
      if (free.isEmpty()) {
        continue;
      }
      Anchor start = free.get(random.nextInt(free.size()));
      taken.add(start);
      usedColours.add(colour);
      usedNames.add(colour.word() + " " + shape.word());
      objects.add(new SceneObject(colour, shape, settings.sizes().sample(random), motion, start));
    }
    if (objects.isEmpty()) {
      throw new IllegalStateException(
          "the sampler's distributions leave no valid object (check colours and backgrounds)");
    }
    return new Scene(objects, background, camera, occluder, snow, duration);
  }

  private Motion motion(Motion.Kind kind) {
    return switch (kind) {
      case STILL -> Motion.STILL;
      case MOVE -> {
        Motion.Direction[] d = Motion.Direction.values();
        Motion.Speed[] s = Motion.Speed.values();
        yield Motion.move(d[random.nextInt(d.length)], s[random.nextInt(s.length)]);
      }
      case FALL_AND_BOUNCE -> Motion.FALL_AND_BOUNCE;
      case ORBIT ->
          Motion.orbit(random.nextBoolean() ? Motion.Turn.CLOCKWISE : Motion.Turn.COUNTERCLOCKWISE);
      case SPIN -> Motion.SPIN;
      case GROW -> Motion.GROW;
      case SHRINK -> Motion.SHRINK;
    };
  }
}
