package dev.thesis.diag;

/** A place in an input file. Lines and columns start at 1; 0 means "not known". */
public record Location(String file, int line, int column) {

  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  /** {@code file:line:col}, leaving out the parts that are not known. */
  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
