package dev.thesis.cli;

import picocli.CommandLine.Option;

/** `--format text|json` for the commands that print results rather than write reports. */
final class TextOrJson {
  enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      descriptionKey = "textorjson.format")
  Format format;

  boolean json() {
    return format == Format.json;
  }
}
