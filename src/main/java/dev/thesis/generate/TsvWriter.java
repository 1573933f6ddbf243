package dev.thesis.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tab-separated copies of the relations other engines are benchmarked on: {@code Type.facts}, no
 * header, one column per declared field in declaration order, an empty column for a field left out.
 * Soufflé reads these with a plain {@code .input}; they convert to Prolog facts line by line.
 */
final class TsvWriter implements Closeable {
  static final List<String> TYPES = List.of("Investment", "CloudSpend", "Competes");

  private final Map<String, BufferedWriter> writers = new LinkedHashMap<>();
  private final Map<String, List<String>> columns = new LinkedHashMap<>();

  TsvWriter(Path dir, Projection projection) throws IOException {
    for (String type : TYPES) {
      if (projection.writes(type)) {
        columns.put(type, projection.declaredFields(type));
        writers.put(
            type, Files.newBufferedWriter(dir.resolve(fileName(type)), StandardCharsets.UTF_8));
      }
    }
  }

  static String fileName(String type) {
    return type + ".facts";
  }

  /** The files written, in {@link #TYPES} order. */
  List<String> fileNames() {
    return writers.keySet().stream().map(TsvWriter::fileName).toList();
  }

  void fact(Fact f) throws IOException {
    BufferedWriter w = writers.get(f.type());
    if (w == null) {
      return;
    }
    List<String> cols = columns.get(f.type());
    for (int c = 0; c < cols.size(); c++) {
      if (c > 0) {
        w.write('\t');
      }
      Object v = valueOf(f, cols.get(c));
      if (v != null) {
        w.write(v.toString());
      }
    }
    w.write('\n');
  }

  private static Object valueOf(Fact f, String field) {
    for (int k = 0; k < f.names().length; k++) {
      if (f.names()[k].equals(field)) {
        return f.values()[k];
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (BufferedWriter w : writers.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
