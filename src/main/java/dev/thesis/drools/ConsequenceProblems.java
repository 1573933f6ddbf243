package dev.thesis.drools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.internal.jci.CompilationProblem;
import org.kie.memorycompiler.resources.MemoryResourceReader;

/**
 * A rule's Java consequence is compiled as part of a class Drools generates, and ECJ's errors point
 * into that class; Drools then joins them into one message at the rule's first line. This takes
 * them apart again, one message per problem, and maps each back to its line and column in the DRL:
 * the consequence is copied into the generated method line for line, behind a fixed preamble that
 * ends with the {@code drools} helper's declaration.
 */
final class ConsequenceProblems {
  /** The last line of the generated preamble; the consequence starts on the next line. */
  private static final String PREAMBLE_END = "KnowledgeHelper drools = (KnowledgeHelper)";

  private ConsequenceProblems() {}

  /**
   * One message per compiler problem in {@code error}, located in the DRL where it can be; null
   * when the error carries no compiler problems (the caller keeps Drools' own message).
   */
  static List<DrlBuild.Message> of(
      DescrBuildError error, KnowledgeBuilderImpl builder, String sourcePath, String drl) {
    if (!(error.getObject() instanceof CompilationProblem[] problems) || problems.length == 0) {
      return null;
    }
    List<DrlBuild.Message> out = new ArrayList<>();
    for (CompilationProblem p : problems) {
      int[] at = locate(p, error, builder, drl);
      out.add(
          new DrlBuild.Message(
              p.isError(),
              p.getMessage() == null ? "" : p.getMessage().strip(),
              sourcePath,
              new int[] {at[0]},
              at[1]));
    }
    return out;
  }

  /** DRL line and column (from 1, or 0) of a problem; the rule's line when it cannot be mapped. */
  private static int[] locate(
      CompilationProblem p, DescrBuildError error, KnowledgeBuilderImpl builder, String drl) {
    int[] rule = {error.getLine(), 0};
    if (!(error.getDescr() instanceof RuleDescr rd)
        || !(rd.getConsequence() instanceof String consequence)
        || consequence.isBlank()
        || drl == null) {
      return rule;
    }
    String generated = generatedSource(builder, p.getFileName());
    int drlStart = drl.indexOf(consequence, Math.max(0, rd.getStartCharacter()));
    if (generated == null || drlStart < 0) {
      return rule;
    }
    String[] gen = generated.split("\n", -1);
    int first = -1;
    for (int i = 0; i < gen.length; i++) {
      if (gen[i].contains(PREAMBLE_END)) {
        first = i + 1;
        break;
      }
    }
    int genLine = p.getStartLine() - 1;
    if (first < 0 || genLine < first) {
      return rule;
    }
    String[] lines = drl.split("\n", -1);
    int drlFirst = lineOf(drl, drlStart);
    int drlLine = drlFirst + (genLine - first);
    // Past the consequence's own lines the generated class goes on: such a problem stays at the
    // rule's line rather than land in the next rule.
    if (genLine - first > consequence.split("\n", -1).length - 1 || drlLine >= lines.length) {
      return rule;
    }
    int genCol = columnOf(generated, p.getStartColumn(), genLine);
    return new int[] {drlLine + 1, column(gen[genLine], genCol, stripCr(lines[drlLine]))};
  }

  /**
   * The DRL column (from 1, or 0) of what sits at {@code genCol} on the generated line: the text
   * from there on is the same in both (Drools rewrites only what comes before, such as {@code
   * insert} into {@code drools.insert}); failing that, the same word.
   */
  static int column(String genLine, int genCol, String drlLine) {
    if (genCol < 0 || genCol > genLine.length()) {
      return 0;
    }
    String tail = genLine.substring(genCol).stripTrailing();
    String drl = drlLine.stripTrailing();
    if (!tail.isEmpty() && drl.endsWith(tail)) {
      return drl.length() - tail.length() + 1;
    }
    Matcher w = WORD.matcher(genLine);
    if (w.find(genCol) && w.start() == genCol) {
      Matcher d =
          Pattern.compile("(?<![\\w$])" + Pattern.quote(w.group()) + "(?![\\w$])").matcher(drl);
      if (d.find()) {
        return d.start() + 1;
      }
    }
    return 0;
  }

  private static final Pattern WORD = Pattern.compile("[\\w$]+");

  /** The column (from 0) of a character offset, given the line it is on (from 0). */
  private static int columnOf(String text, int offset, int line) {
    int start = 0;
    for (int i = 0; i < line; i++) {
      start = text.indexOf('\n', start) + 1;
      if (start == 0) {
        return -1;
      }
    }
    return offset - start;
  }

  private static int lineOf(String text, int offset) {
    int line = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /** The Java source Drools generated, kept by its Java dialect until the builder is dropped. */
  private static String generatedSource(KnowledgeBuilderImpl builder, String fileName) {
    if (fileName == null || fileName.lastIndexOf('/') < 0) {
      return null;
    }
    try {
      String pkg = fileName.substring(0, fileName.lastIndexOf('/')).replace('/', '.');
      PackageRegistry registry = builder.getPackageRegistry(pkg);
      if (registry == null) {
        return null;
      }
      Object dialect = registry.getDialectCompiletimeRegistry().getDialect("java");
      java.lang.reflect.Field src = dialect.getClass().getDeclaredField("src");
      src.setAccessible(true);
      byte[] bytes =
          ((MemoryResourceReader) src.get(dialect))
              .getBytes(org.drools.util.PortablePath.of(fileName));
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // an engine that moved this: the rule's line, as before
    }
  }
}
