package ai.kinora.world;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a scene as an English caption in each {@link CaptionStyle}; deterministic, and worded so
 * that {@link PromptParser} reads every caption back into {@code style.project(scene)}.
 */
public final class Captioner {

  private Captioner() {}

  /** The caption of a scene in one style, in the {@link CaptionWording#ORIGINAL} wording. */
  public static String caption(Scene scene, CaptionStyle style) {
    return caption(scene, style, CaptionWording.ORIGINAL);
  }

  /** The caption of a scene in one style and wording. */
  public static String caption(Scene scene, CaptionStyle style, CaptionWording wording) {
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(wording, "wording");
    return switch (Objects.requireNonNull(style, "style")) {
      case SHORT -> shortCaption(scene);
      case NORMAL -> normalCaption(scene, wording);
      case DESCRIPTIVE -> descriptiveCaption(scene, wording);
    };
  }

  /** The captions of a scene in every style, in style order, in the original wording. */
  public static Map<CaptionStyle, String> all(Scene scene) {
    return all(scene, CaptionWording.ORIGINAL);
  }

  /** The captions of a scene in every style, in style order. */
  public static Map<CaptionStyle, String> all(Scene scene, CaptionWording wording) {
    Map<CaptionStyle, String> out = new EnumMap<>(CaptionStyle.class);
    for (CaptionStyle style : CaptionStyle.values()) {
      out.put(style, caption(scene, style, wording));
    }
    return Collections.unmodifiableMap(out);
  }

  private static String shortCaption(Scene scene) {
    List<String> parts = new ArrayList<>();
    for (SceneObject o : scene.objects()) {
      parts.add(o.name() + " " + shortMotion(o.motion()));
    }
    return list(parts);
  }

  private static String shortMotion(Motion motion) {
    return switch (motion) {
      case Motion.Still s -> "staying still";
      case Motion.Move m -> "moving " + word(m.direction());
      case Motion.FallAndBounce b -> "falling and bouncing";
      case Motion.Orbit o -> "circling " + word(o.turn());
      case Motion.Spin s -> "spinning";
      case Motion.Grow g -> "growing";
      case Motion.Shrink s -> "shrinking";
    };
  }

  private static String normalCaption(Scene scene, CaptionWording wording) {
    List<String> parts = new ArrayList<>();
    for (SceneObject o : scene.objects()) {
      parts.add("a " + o.size().word() + " " + o.name() + " " + normalMotion(o.motion()));
    }
    StringBuilder out = new StringBuilder(capitalised(list(parts)));
    out.append(" on a ").append(scene.background().word()).append(" background.");
    if (scene.camera() != Camera.STATIC) {
      out.append(' ').append(cameraSentence(scene.camera(), wording));
    }
    if (scene.occluder()) {
      out.append(" A wooden post stands in the middle.");
    }
    if (scene.snow()) {
      out.append(" Snow is falling.");
    }
    return out.toString();
  }

  private static String normalMotion(Motion motion) {
    return switch (motion) {
      case Motion.Still s -> "stays still";
      case Motion.Move m -> moves(m, false, CaptionWording.ORIGINAL);
      case Motion.FallAndBounce b -> "falls and bounces";
      case Motion.Orbit o -> "moves in a circle " + word(o.turn());
      case Motion.Spin s -> "spins";
      case Motion.Grow g -> "grows";
      case Motion.Shrink s -> "shrinks";
    };
  }

  /**
   * "moves quickly to the left", "moves up slowly", or in the directional wording "moves leftward
   * quickly"; normal speed is said only when asked.
   */
  private static String moves(Motion.Move m, boolean sayNormalSpeed, CaptionWording wording) {
    String speed =
        switch (m.speed()) {
          case SLOWLY -> "slowly";
          case QUICKLY -> "quickly";
          case NORMAL -> sayNormalSpeed ? "at normal speed" : "";
        };
    boolean adverb = m.speed() != Motion.Speed.NORMAL;
    boolean directional = wording == CaptionWording.DIRECTIONAL && m.direction().horizontal();
    String where =
        directional
            ? word(m.direction()) + "ward"
            : m.direction().horizontal() ? "to the " + word(m.direction()) : word(m.direction());
    if (speed.isEmpty()) {
      return "moves " + where;
    }
    return adverb && m.direction().horizontal() && !directional
        ? "moves " + speed + " " + where
        : "moves " + where + " " + speed;
  }

  private static String descriptiveCaption(Scene scene, CaptionWording wording) {
    List<String> sentences = new ArrayList<>();
    int n = scene.objects().size();
    if (n > 1) {
      sentences.add("There are " + (n == 2 ? "two" : "three") + " objects.");
    }
    for (SceneObject o : scene.objects()) {
      sentences.add(capitalised(describe(o, wording)) + ".");
    }
    sentences.add("The background is " + backgroundPhrase(scene.background()) + ".");
    sentences.add(
        scene.camera() == Camera.STATIC
            ? "The camera is static."
            : cameraSentence(scene.camera(), wording));
    sentences.add(
        scene.occluder()
            ? "A wooden post stands in the middle, in front of the objects."
            : "There is no post.");
    sentences.add(scene.snow() ? "Snow is falling." : "There is no snow.");
    double s = scene.durationSeconds();
    sentences.add("The clip lasts " + seconds(s) + (s == 1.0 ? " second." : " seconds."));
    return String.join(" ", sentences);
  }

  // Things that move away from their start say where they start; things that stay put say where
  // they are, which reads more like a person describing the clip.
  private static String describe(SceneObject o, CaptionWording wording) {
    String subject = "a " + o.size().word() + " " + o.name();
    String at = where(o.start());
    return switch (o.motion()) {
      case Motion.Still s -> subject + " " + at + " stays still";
      case Motion.Move m -> subject + " starts " + at + " and " + moves(m, true, wording);
      case Motion.FallAndBounce b ->
          subject + " falls from " + fromWhere(o.start()) + " and bounces";
      case Motion.Orbit r ->
          subject
              + " starts "
              + onOrbit(o.start())
              + " of its circle and moves "
              + word(r.turn())
              + " in a circle around the centre";
      case Motion.Spin s -> subject + " " + at + " spins in place";
      case Motion.Grow g -> subject + " " + at + " grows to twice its size";
      case Motion.Shrink s -> subject + " " + at + " shrinks to half its size";
    };
  }

  /** A start position in words: "in the top left", "at the top", "in the centre". */
  static String where(Anchor a) {
    return switch (a) {
      case TOP_LEFT -> "in the top left";
      case TOP -> "at the top";
      case TOP_RIGHT -> "in the top right";
      case LEFT -> "on the left";
      case CENTER -> "in the centre";
      case RIGHT -> "on the right";
      case BOTTOM_LEFT -> "in the bottom left";
      case BOTTOM -> "at the bottom";
      case BOTTOM_RIGHT -> "in the bottom right";
    };
  }

  private static String fromWhere(Anchor a) {
    return where(a).replaceFirst("^(in|at|on) ", "");
  }

  /** Where on its circle an orbit starts: "at the top", "on the left", "at the bottom right". */
  private static String onOrbit(Anchor a) {
    String place = fromWhere(a);
    return (a.row() == 1 ? "on " : "at ") + place;
  }

  private static String backgroundPhrase(Background b) {
    return switch (b) {
      case NAVY -> "navy blue";
      case FOREST -> "forest green";
      case NIGHT -> "a starry night sky";
      case DUSK -> "a dusk sky";
      default -> b.word();
    };
  }

  private static String cameraSentence(Camera c, CaptionWording wording) {
    String ward = wording == CaptionWording.DIRECTIONAL ? "ward" : "";
    return switch (c) {
      case STATIC -> "The camera is static.";
      case PAN_LEFT -> "The camera pans left" + ward + ".";
      case PAN_RIGHT -> "The camera pans right" + ward + ".";
      case ZOOM_IN -> "The camera zooms in.";
      case ZOOM_OUT -> "The camera zooms out.";
    };
  }

  /**
   * The shortest plain decimal that reads back as exactly this double: "4", "2.5", "0.3".
   * Double.toString is already the shortest round-tripping form; BigDecimal only removes its
   * exponent and trailing ".0".
   */
  static String seconds(double s) {
    return new BigDecimal(Double.toString(s)).stripTrailingZeros().toPlainString();
  }

  private static String word(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String list(List<String> parts) {
    if (parts.size() == 1) {
      return parts.getFirst();
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
