package io.github.presencesdk.examples.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table for people: columns as wide as their widest cell, two spaces apart, fitted to a width.
 *
 * <p>When the natural widths do not fit, the widest column that may be cut loses a column at a
 * time, down to {@link #MIN_CUT_WIDTH}, and its longer cells end in {@link Text#ELLIPSIS}; columns
 * marked {@link #cutFirst} are cut before any other. Columns marked {@link #keep kept}
 * (identifiers, which are no use cut) are never cut; if the table still does not fit, it is left
 * wider than the width. Columns in which every cell is empty are left out, except the first. A
 * table that shows only some of the rows ends with a line saying how many more there are.
 */
public final class TextTable {
  /** A column is not cut below this width (nor below its natural width). */
  static final int MIN_CUT_WIDTH = 8;

  private static final String GAP = "  ";

  private final List<String> headers;
  private final boolean[] kept;
  private final boolean[] cutFirst;
  private final boolean[] right;
  private final List<List<String>> rows = new ArrayList<>();
  private int more;

  /** A table with these column headers. */
  public TextTable(List<String> headers) {
    this.headers = List.copyOf(headers);
    this.kept = new boolean[headers.size()];
    this.cutFirst = new boolean[headers.size()];
    this.right = new boolean[headers.size()];
  }

  /** A table with these column headers. */
  public TextTable(String... headers) {
    this(List.of(headers));
  }

  /** Marks columns that are never cut, such as ids. */
  public TextTable keep(int... columns) {
    for (int c : columns) {
      kept[c] = true;
    }
    return this;
  }

  /** Marks columns that are cut before the others, such as a free-text note at the end. */
  public TextTable cutFirst(int... columns) {
    for (int c : columns) {
      cutFirst[c] = true;
    }
    return this;
  }

  /** Aligns columns to the right, as numbers are. */
  public TextTable alignRight(int... columns) {
    for (int c : columns) {
      right[c] = true;
    }
    return this;
  }

  /** Adds a row; it has a cell for every column. */
  public TextTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException(
          "a row needs " + headers.size() + " cells, has " + cells.size());
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  /** Adds a row; it has a cell for every column. */
  public TextTable row(String... cells) {
    return row(Arrays.asList(cells));
  }

  /** Says that {@code count} more rows exist than the table shows: it ends with "… N more". */
  public TextTable more(int count) {
    this.more = count;
    return this;
  }

  /** Whether the table has no rows. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The lines of the table, each starting with {@code indent}, fitted to {@code width}. */
  public List<String> lines(int width, String indent) {
    int columns = headers.size();
    int[] widths = new int[columns];
    boolean[] used = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = headers.get(c).length();
    }
    used[0] = true;
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
        used[c] |= !row.get(c).isEmpty();
      }
    }
    int total = indent.length();
    int shown = 0;
    for (int c = 0; c < columns; c++) {
      if (used[c]) {
        total += widths[c] + (shown++ > 0 ? GAP.length() : 0);
      }
    }
    while (total > width) {
      int widest = widest(widths, used, true);
      if (widest < 0) {
        widest = widest(widths, used, false);
      }
      if (widest < 0) {
        break;
      }
      widths[widest]--;
      total--;
    }
    List<String> lines = new ArrayList<>(rows.size() + 2);
    lines.add(format(headers, widths, used, indent));
    for (List<String> row : rows) {
      lines.add(format(row, widths, used, indent));
    }
    if (more > 0) {
      lines.add(indent + Text.ELLIPSIS + " " + Text.number(more) + " more");
    }
    return lines;
  }

  /** The widest column that may still be cut (among those cut first, if {@code first}), or -1. */
  private int widest(int[] widths, boolean[] used, boolean first) {
    int widest = -1;
    for (int c = 0; c < widths.length; c++) {
      if (used[c] && !kept[c] && (!first || cutFirst[c]) && widths[c] > MIN_CUT_WIDTH) {
        if (widest < 0 || widths[c] > widths[widest]) {
          widest = c;
        }
      }
    }
    return widest;
  }

  private String format(List<String> cells, int[] widths, boolean[] used, String indent) {
    StringBuilder line = new StringBuilder(indent);
    boolean first = true;
    for (int c = 0; c < cells.size(); c++) {
      if (!used[c]) {
        continue;
      }
      if (!first) {
        line.append(GAP);
      }
      first = false;
      String cell = fit(cells.get(c), widths[c]);
      String pad = " ".repeat(widths[c] - cell.length());
      if (right[c]) {
        line.append(pad).append(cell);
      } else {
        line.append(cell).append(pad);
      }
    }
    return line.toString().stripTrailing();
  }

  /** The cell, cut to {@code width} with an ellipsis when it is longer. */
  static String fit(String cell, int width) {
    if (cell.length() <= width) {
      return cell;
    }
    int keep = Math.max(0, width - Text.ELLIPSIS.length());
    return cell.substring(0, keep) + Text.ELLIPSIS;
  }
}
