package ai.kinora.eval;

import java.util.List;

/**
 * Fixed-width text tables for reports: columns sized to their content up to a limit, long cells
 * wrapped onto continuation lines rather than cut, so nothing a verdict says is lost.
 */
final class TextTable {

  private TextTable() {}

  /**
   * Renders a header, a rule and the rows. {@code maxWidths[i]} caps column i; a longer cell wraps
   * at spaces (or hard, if a word is longer than the column).
   */
  static String render(String[] head, List<String[]> rows, int[] maxWidths) {
    int columns = head.length;
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = head[c].length();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
      widths[c] = Math.min(widths[c], Math.max(head[c].length(), maxWidths[c]));
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, head, widths);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < columns; c++) {
      rule.append("-".repeat(widths[c]));
      if (c < columns - 1) {
        rule.append("-+-");
      }
    }
    out.append(rule).append('\n');
    for (String[] row : rows) {
      appendRow(out, row, widths);
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
    int columns = cells.length;
    String[] rest = cells.clone();
    boolean first = true;
    while (first || anyLeft(rest)) {
      first = false;
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String[] split = cut(rest[c], widths[c]);
        line.append(pad(split[0], widths[c]));
        rest[c] = split[1];
        if (c < columns - 1) {
          line.append(" | ");
        }
      }
      out.append(stripTrailing(line)).append('\n');
    }
  }

  private static boolean anyLeft(String[] rest) {
    for (String s : rest) {
      if (!s.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Splits a cell into the part that fits the width and the rest. */
  static String[] cut(String text, int width) {
    if (text.length() <= width) {
      return new String[] {text, ""};
    }
    int at = text.lastIndexOf(' ', width);
    if (at <= 0) {
      return new String[] {text.substring(0, width), text.substring(width)};
    }
    return new String[] {text.substring(0, at), text.substring(at + 1)};
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String stripTrailing(StringBuilder line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }

  /** A ratio as "12/13 (92.3%)", or "0/0 (-)". */
  static String ratio(int numerator, int denominator) {
    if (denominator == 0) {
      return "0/0 (-)";
    }
    return String.format(
        java.util.Locale.ROOT,
        "%d/%d (%.1f%%)",
        numerator,
        denominator,
        100.0 * numerator / denominator);
  }
}
