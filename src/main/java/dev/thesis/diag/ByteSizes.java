package dev.thesis.diag;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people and the JVM write them ("512m", "4g", "1.5G"), read and shown in one way. */
public final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([kmg]?)b?");

  private ByteSizes() {}

  /** "512m", "4g", "1.5G", "65536k", "1048576": bytes; -1 when not a size. */
  public static long parse(String size) {
    Matcher m = SIZE.matcher(size.trim());
    if (!m.matches()) {
      return -1;
    }
    double n = Double.parseDouble(m.group(1));
    long scale =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "g" -> 1L << 30;
          case "m" -> 1L << 20;
          case "k" -> 1L << 10;
          default -> 1;
        };
    return (long) (n * scale);
  }

  /** "1 GiB", "1.5 GiB", "128 MiB". */
  public static String show(long n) {
    if (n >= (1L << 30)) {
      double g = n / (double) (1L << 30);
      return (g == Math.rint(g) ? String.valueOf((long) g) : String.format(Locale.ROOT, "%.1f", g))
          + " GiB";
    }
    return (n >> 20) + " MiB";
  }
}
