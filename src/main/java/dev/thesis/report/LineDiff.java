package dev.thesis.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines that differ between two short texts (a rule's body before and after an edit), by
 * longest common subsequence: removed lines as {@code - line}, added ones as {@code + line}, in
 * order, and unchanged lines left out. Rule bodies are tens of lines, so the quadratic table is
 * small.
 */
final class LineDiff {
  private LineDiff() {}

  static List<String> changed(String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (j < b.size() && (i == a.size() || common[i][j + 1] > common[i + 1][j])) {
        out.add("+ " + b.get(j++));
      } else {
        out.add("- " + a.get(i++));
      }
    }
    return out;
  }
}
