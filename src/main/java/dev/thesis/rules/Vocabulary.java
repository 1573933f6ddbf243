package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a rules folder lets fact files say: its declared types with their fields, and the theses its
 * rules argue. Read by parsing the DRL alone, without compiling it: tools that write inputs for a
 * rule set (thesis generate) need the names, not a knowledge base, and parsing takes a fraction of
 * the second or more a build takes.
 *
 * @param types declared type name to its field names, inherited fields first, in declaration order
 * @param theses the ids rules name in {@code @thesis}, sorted
 * @param questions the ids rules name in {@code @question}, sorted
 */
public record Vocabulary(
    Map<String, List<String>> types, Set<String> theses, Set<String> questions) {

  public Vocabulary {
    types = Collections.unmodifiableMap(new TreeMap<>(types));
    theses = Collections.unmodifiableSet(new java.util.TreeSet<>(theses));
    questions = Collections.unmodifiableSet(new java.util.TreeSet<>(questions));
  }

  /**
   * The vocabulary of every {@code .drl} file under a folder; syntax errors are thrown, all at
   * once.
   */
  public static Vocabulary read(Path rulesDir) throws InvalidInputException {
    List<Diagnostic> problems = new ArrayList<>();
    List<Path> files = RuleCompiler.drlFiles(rulesDir, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    DrlOutline outline = DrlOutline.of(files);
    if (!outline.syntaxErrors().isEmpty()) {
      throw new InvalidInputException(outline.syntaxErrors());
    }
    Map<String, List<String>> types = new LinkedHashMap<>();
    for (String type : outline.typeNames()) {
      types.put(type, outline.allFieldsOf(type));
    }
    return new Vocabulary(types, outline.arguedTheses(), outline.ratedQuestions());
  }

  /** The fields of a declared type, or empty when it is not declared. */
  public Optional<List<String>> fields(String type) {
    return Optional.ofNullable(types.get(type));
  }

  /** Whether rules argue any thesis or rate any question (so a corpus for them needs theses). */
  public boolean arguesTheses() {
    return !theses.isEmpty() || !questions.isEmpty();
  }
}
