package ai.kinora.media;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_CL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_FCC;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE240M;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BITEXACT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_BT2020;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_FCC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_SMPTE240M;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded FFmpeg frames of any pixel format to {@link RgbFrame}s of one fixed size,
 * honouring the YUV matrix and range the stream declares.
 *
 * <p>javacv's grabber always converts with swscale's default BT.601 limited-range matrix, which
 * tints BT.709 (HD) and full-range video; here the frame's own tags pick the coefficients. Untagged
 * YUV is taken as BT.601, as the ffmpeg tool does. A frame whose size differs from the stream's (a
 * mid-stream resolution change) is scaled to the stream's size, since every frame of a {@link
 * Video} shares one size.
 */
final class RgbConverter implements AutoCloseable {

  // Accurate rounding and full chroma interpolation cost little at Kinora's sizes and keep sharp
  // colour edges from bleeding by a level or two; bit-exact keeps results identical across CPUs.
  private static final int FLAGS =
      SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT | SWS_BITEXACT;

  private final int width;
  private final int height;
  private final int stride;
  private BytePointer buffer;
  private final ByteBuffer view;
  private final PointerPointer<BytePointer> dstData;
  private final IntPointer dstLinesize;
  private SwsContext sws;
  private int lastFormat = -1;
  private int lastSpace = -1;
  private int lastRange = -1;
  private int lastWidth;
  private int lastHeight;

  RgbConverter(int width, int height) {
    this.width = width;
    this.height = height;
    // swscale writes rows with SIMD stores, so each output row starts on a 64-byte boundary.
    this.stride = (width * 3 + 63) & ~63;
    long size = (long) stride * height + 64;
    this.buffer = new BytePointer(av_malloc(size)).capacity(size);
    this.view = buffer.asByteBuffer();
    this.dstData = new PointerPointer<>(4);
    dstData.put(0, buffer);
    this.dstLinesize = new IntPointer(4);
    dstLinesize.put(0, stride);
  }

  RgbFrame convert(AVFrame frame) {
    int format = frame.format();
    int w = frame.width();
    int h = frame.height();
    SwsContext next =
        sws_getCachedContext(
            sws,
            w,
            h,
            format,
            width,
            height,
            AV_PIX_FMT_RGB24,
            FLAGS,
            null,
            null,
            (DoublePointer) null);
    if (next == null) {
      throw new IllegalStateException(
          "swscale cannot convert pixel format " + pixFmtName(format) + " to RGB");
    }
    boolean fresh = sws == null || !next.equals(sws);
    sws = next;
    int space = frame.colorspace();
    int range = frame.color_range();
    if (fresh
        || format != lastFormat
        || space != lastSpace
        || range != lastRange
        || w != lastWidth
        || h != lastHeight) {
      applyColourDetails(format, space, range);
      lastFormat = format;
      lastSpace = space;
      lastRange = range;
      lastWidth = w;
      lastHeight = h;
    }
    sws_scale(sws, frame.data(), frame.linesize(), 0, h, dstData, dstLinesize);
    byte[] rgb = new byte[width * height * 3];
    int row = width * 3;
    for (int y = 0; y < height; y++) {
      view.get(y * stride, rgb, y * row, row);
    }
    return new RgbFrame(width, height, rgb);
  }

  private void applyColourDetails(int format, int space, int range) {
    AVPixFmtDescriptor desc = av_pix_fmt_desc_get(format);
    if (desc == null
        || (desc.flags() & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) != 0
        || desc.nb_components() < 3) {
      return; // RGB, palette and grey sources have no YUV matrix to choose
    }
    int table =
        switch (space) {
          case AVCOL_SPC_BT709 -> SWS_CS_ITU709;
          case AVCOL_SPC_BT2020_NCL, AVCOL_SPC_BT2020_CL -> SWS_CS_BT2020;
          case AVCOL_SPC_FCC -> SWS_CS_FCC;
          case AVCOL_SPC_SMPTE240M -> SWS_CS_SMPTE240M;
          default -> SWS_CS_DEFAULT;
        };
    // yuvj* formats are full range by definition, whatever the (often missing) tag says.
    boolean fullRange = range == AVCOL_RANGE_JPEG || pixFmtName(format).startsWith("yuvj");
    sws_setColorspaceDetails(
        sws,
        sws_getCoefficients(table),
        fullRange ? 1 : 0,
        sws_getCoefficients(SWS_CS_DEFAULT),
        1,
        0,
        1 << 16,
        1 << 16);
  }

  private static String pixFmtName(int format) {
    AVPixFmtDescriptor desc = av_pix_fmt_desc_get(format);
    return desc == null ? "#" + format : desc.name().getString();
  }

  @Override
  public void close() {
    if (sws != null) {
      sws_freeContext(sws);
      sws = null;
    }
    if (buffer != null) {
      av_free(buffer);
      buffer = null;
    }
  }
}
