package dev.thesis.drools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Building DRL on Drools' classic path (its messages point at DRL lines) and assembling knowledge
 * bases, with everything the engine reports turned into plain data.
 */
public final class DrlBuild {
  private DrlBuild() {}

  /** A rule file's text, as read once by the caller, and its absolute path (messages name it). */
  public record Source(String path, String text) {}

  /**
   * A build message.
   *
   * @param sourcePath the absolute path of the file it is about, or null
   * @param lines the lines Drools names (often none, or the rule's first)
   * @param column the column (from 1) on the first of them, when known; else 0
   */
  public record Message(boolean error, String text, String sourcePath, int[] lines, int column) {
    public Message(boolean error, String text, String sourcePath, int[] lines) {
      this(error, text, sourcePath, lines, 0);
    }
  }

  /**
   * What a build gave.
   *
   * @param generatedClasses the bytecode Drools generated for the declared types, which the
   *     packages only name (a cache must store it with them)
   */
  public record Outcome(
      Collection<KiePackage> packages,
      List<Message> messages,
      Map<String, byte[]> generatedClasses) {}

  /**
   * Builds all files in one batch: built file by file, an error in one file makes every type of its
   * package fail. Throws on the mistakes Drools throws on instead of reporting them (e.g. `declare
   * A extends Missing`).
   */
  public static Outcome build(List<Source> sources) {
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    CompositeKnowledgeBuilder batch = builder.batch();
    for (Source s : sources) {
      Resource r =
          ResourceFactory.newByteArrayResource(
              s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      r.setSourcePath(s.path());
      batch.add(r, ResourceType.DRL);
    }
    batch.build();
    Map<String, String> texts = new java.util.HashMap<>();
    sources.forEach(s -> texts.put(s.path(), s.text()));
    KnowledgeBuilderImpl impl = (KnowledgeBuilderImpl) builder;
    List<Message> messages = new ArrayList<>();
    for (KnowledgeBuilderResult r :
        builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
      String path = r.getResource() == null ? null : r.getResource().getSourcePath();
      List<Message> problems =
          r instanceof DescrBuildError e
              ? ConsequenceProblems.of(e, impl, path, texts.get(path))
              : null;
      if (problems != null) {
        messages.addAll(problems);
        continue;
      }
      messages.add(
          new Message(
              r.getSeverity() == ResultSeverity.ERROR,
              r.getMessage() == null ? "" : r.getMessage(),
              path,
              r.getLines()));
    }
    ClassLoader root = impl.getRootClassLoader();
    Map<String, byte[]> classes =
        root instanceof org.drools.wiring.api.classloader.ProjectClassLoader p
            ? p.getStore()
            : Map.of();
    return new Outcome(builder.getKnowledgePackages(), messages, classes);
  }

  /**
   * A knowledge base of these packages; {@code classes} holds their declared types (null: the
   * build's own).
   */
  public static KieBase assemble(Collection<KiePackage> packages, ClassLoader classes) {
    InternalKnowledgeBase kbase =
        classes == null
            ? KnowledgeBaseFactory.newKnowledgeBase()
            : KnowledgeBaseFactory.newKnowledgeBase(
                org.drools.core.impl.RuleBaseFactory.newKnowledgeBaseConfiguration(null, classes));
    kbase.addPackages(packages);
    return kbase;
  }

  /** Whether a "rule" of a package is a query (asked, not fired). */
  public static boolean isQuery(Rule rule) {
    return rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.isQuery();
  }
}
