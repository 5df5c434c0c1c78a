package io.safejson.buildtools;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in the unified style ({@code -} only in the old text, {@code +} only in the new, two lines of
 * context around each change, under an {@code @@} line naming where it is), from a longest common
 * subsequence. Stateless; thread-safe.
 */
final class LineDiff {

  private static final int CONTEXT = 2;

  private LineDiff() {}

  /** The changed lines with their context, or an empty string when both are equal. */
  static String of(List<String> before, List<String> after) {
    int n = before.size();
    int m = after.size();
    // common[i][j]: length of the longest common subsequence of before[i..] and after[j..].
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = before.get(i).equals(after.get(j))
            ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before.get(i).equals(after.get(j))) {
        lines.add("  " + before.get(i));
        i++;
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        lines.add("- " + before.get(i));
        i++;
      } else {
        lines.add("+ " + after.get(j));
        j++;
      }
    }
    return withContext(lines);
  }

  /**
   * Keeps the changed lines and {@link #CONTEXT} unchanged lines either side. Each hunk starts with
   * {@code @@} and the nearest earlier line that is not indented (in an API dump: the type it is in).
   */
  private static String withContext(List<String> lines) {
    boolean[] keep = new boolean[lines.size()];
    for (int k = 0; k < lines.size(); k++) {
      if (!lines.get(k).startsWith("  ")) {
        for (int c = Math.max(0, k - CONTEXT); c <= Math.min(lines.size() - 1, k + CONTEXT); c++) {
          keep[c] = true;
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < lines.size(); k++) {
      if (keep[k]) {
        if (k == 0 || !keep[k - 1]) {
          out.append("@@").append(enclosing(lines, k)).append('\n');
        }
        out.append(lines.get(k)).append('\n');
      }
    }
    return out.toString();
  }

  /** The nearest line before {@code index} that is not indented, with a leading space; empty if none. */
  private static String enclosing(List<String> lines, int index) {
    for (int k = index - 1; k >= 0; k--) {
      String text = lines.get(k).substring(2);
      if (!text.isEmpty() && !text.startsWith(" ")) {
        return " " + text;
      }
    }
    return "";
  }
}
