package dev.thesis.report;

/** JSON in the reports' fixed style, for the commands that print JSON. */
public final class JsonText {
  private JsonText() {}

  public static String write(Object tree) {
    return JsonReport.write(tree);
  }
}
