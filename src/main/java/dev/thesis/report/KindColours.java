package dev.thesis.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The colour of each kind of entity: the one declared in DRL ({@code @entity(color = ...)}), else
 * one picked from a fixed palette by a hash of the kind's name, so that adding a kind never
 * recolours the others. Two kinds may hash to one colour; declaring a colour tells them apart.
 * Endpoints no entity declares are grey ("other").
 */
final class KindColours {
  /** The kind of an arrow's end that no @entity fact declares. */
  static final String OTHER = "other";

  static final String GREY = "#6b7280";

  /** Dark enough for white text, none grey (that is "other") or red (that is derived). */
  static final List<String> PALETTE =
      List.of(
          "#1d4ed8", "#be185d", "#4d7c0f", "#b45309", "#4338ca", "#047857", "#0e7490", "#6d28d9",
          "#c2410c", "#0f766e");

  private KindColours() {}

  static String of(String kind, Map<String, String> declared) {
    String d = declared.get(kind);
    if (d != null) {
      return d;
    }
    // String.hashCode is fixed by the Java language specification: the same on every JVM and run.
    return kind.equals(OTHER) ? GREY : PALETTE.get(Math.floorMod(kind.hashCode(), PALETTE.size()));
  }

  /** White on a dark colour, near-black on a light one (a declared colour may be either). */
  static String text(String colour) {
    String hex = colour.substring(1).toLowerCase(Locale.ROOT);
    if (hex.length() == 3) {
      hex =
          ""
              + hex.charAt(0)
              + hex.charAt(0)
              + hex.charAt(1)
              + hex.charAt(1)
              + hex.charAt(2)
              + hex.charAt(2);
    }
    double luminance =
        0.2126 * linear(hex.substring(0, 2))
            + 0.7152 * linear(hex.substring(2, 4))
            + 0.0722 * linear(hex.substring(4, 6));
    // Where white and near-black give the same contrast ratio (WCAG's relative luminance).
    return luminance > 0.21 ? "#1d2430" : "#ffffff";
  }

  private static double linear(String channel) {
    double c = Integer.parseInt(channel, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
