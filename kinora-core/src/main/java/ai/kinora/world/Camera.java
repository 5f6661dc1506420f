package ai.kinora.world;

/**
 * Camera moves. A pan slides the world the other way at {@link #PAN_SPEED} frame-widths per second;
 * a zoom scales the world about the frame centre linearly to {@link #ZOOM_IN_SCALE} or {@link
 * #ZOOM_OUT_SCALE} over the clip.
 */
public enum Camera {
  STATIC,
  PAN_LEFT,
  PAN_RIGHT,
  ZOOM_IN,
  ZOOM_OUT;

  public static final double PAN_SPEED = 0.2;
  public static final double ZOOM_IN_SCALE = 1.5;
  public static final double ZOOM_OUT_SCALE = 0.67;
}
