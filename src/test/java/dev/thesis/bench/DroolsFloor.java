package dev.thesis.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The Drools floor: what plain Drools needs to run a rules folder over a generated corpus, with no
 * thesis code around it. It compiles every {@code .drl} with a KnowledgeBuilder, reads each fact
 * file with Jackson's streaming parser straight into the declared types (through {@link FactType}),
 * then inserts every fact into one session and fires. No listener, no lint, no justifications read
 * back: the part of {@code thesis evaluate} that Drools itself must do.
 *
 * <p>Usage: {@code DroolsFloor RULES FACTS}. Prints one line, {@code floor: build B parse P insert
 * I fire F facts N conclusions C} (seconds; C is what truth maintenance holds beyond the stated
 * facts, comparable with the count {@code thesis evaluate} prints), and the conclusions by type.
 * Fact files are read as {@code thesis generate} writes them: the {@code facts} array of each
 * {@code *.json}, one object per fact, its fields beside the reserved keys.
 */
public final class DroolsFloor {
  /** Keys of a fact object that are not fields of its type (thesis's reserved keys). */
  private static final Set<String> RESERVED =
      Set.of("id", "type", "source", "confidence", "note", "date");

  private DroolsFloor() {}

  /**
   * One floor run: its phases in seconds, the facts inserted, what truth maintenance holds beyond
   * them, and every object the session holds, by type.
   */
  public record Run(
      double build,
      double parse,
      double insert,
      double fire,
      int facts,
      long conclusions,
      Map<String, Integer> objectsByType) {}

  public static void main(String[] args) throws IOException {
    // Drools logs its build at INFO through java.util.logging; the floor prints only its figures.
    java.util.logging.LogManager.getLogManager().reset();
    Run r = run(Path.of(args[0]), Path.of(args[1]));
    System.out.printf(
        Locale.ROOT,
        "floor: build %.3f parse %.3f insert %.3f fire %.3f facts %d conclusions %d%n",
        r.build(),
        r.parse(),
        r.insert(),
        r.fire(),
        r.facts(),
        r.conclusions());
    System.out.println("objects by type: " + r.objectsByType());
  }

  /** Compiles the rules, reads the facts, inserts them all and fires. */
  public static Run run(Path rules, Path factFolder) throws IOException {
    long t0 = System.nanoTime();
    KieBase kbase = build(rules);
    long t1 = System.nanoTime();
    List<Object> facts = read(factFolder, kbase);
    long t2 = System.nanoTime();
    KieSession session = kbase.newKieSession();
    try {
      for (Object f : facts) {
        session.insert(f);
      }
      long t3 = System.nanoTime();
      session.fireAllRules();
      long t4 = System.nanoTime();
      Map<String, Integer> byType = new TreeMap<>();
      for (Object o : session.getObjects()) {
        byType.merge(o.getClass().getSimpleName(), 1, Integer::sum);
      }
      return new Run(
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          (t3 - t2) / 1e9,
          (t4 - t3) / 1e9,
          facts.size(),
          session.getFactCount() - facts.size(),
          byType);
    } finally {
      session.dispose();
    }
  }

  private static KieBase build(Path rules) throws IOException {
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    var batch = builder.batch();
    try (Stream<Path> files = Files.list(rules)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
        batch.add(ResourceFactory.newFileResource(f.toFile()), ResourceType.DRL);
      }
    }
    batch.build();
    if (builder.hasErrors()) {
      throw new IllegalStateException(builder.getErrors().toString());
    }
    return builder.newKieBase();
  }

  private static List<Object> read(Path folder, KieBase kbase) throws IOException {
    // The declared types by simple name: fact files name a type without its package.
    Map<String, FactType> types = new TreeMap<>();
    for (var pkg : kbase.getKiePackages()) {
      for (FactType t : pkg.getFactTypes()) {
        types.put(t.getSimpleName(), t);
      }
    }
    List<Object> facts = new ArrayList<>();
    JsonFactory json = new JsonFactory();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try (JsonParser p = json.createParser(f.toFile())) {
          readFile(p, types, facts);
        }
      }
    }
    return facts;
  }

  /** The objects of the file's top-level {@code facts} array; its other members are skipped. */
  private static void readFile(JsonParser p, Map<String, FactType> types, List<Object> out)
      throws IOException {
    p.nextToken(); // the file's object
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String member = p.currentName();
      p.nextToken();
      if (!member.equals("facts")) {
        p.skipChildren();
        continue;
      }
      // Fields are set as they come, so "type" must come before them: it does in generated files.
      while (p.nextToken() == JsonToken.START_OBJECT) {
        FactType type = null;
        Object fact = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("type")) {
            type = types.get(p.getText());
            fact = newInstance(type, p.getText());
            // Drools starts a Boolean at false; thesis, and so the floor, leave an unstated field
            // null.
            for (FactField field : type.getFields()) {
              if (!field.getType().isPrimitive() && field.get(fact) != null) {
                field.set(fact, null);
              }
            }
          } else if (!RESERVED.contains(name) && value != JsonToken.VALUE_NULL) {
            if (fact == null) {
              throw new IOException("a field before \"type\" at " + p.currentLocation());
            }
            FactField field = type.getField(name);
            field.set(fact, value(p, value, field.getType()));
          }
        }
        out.add(fact);
      }
    }
  }

  private static Object newInstance(FactType type, String name) throws IOException {
    if (type == null) {
      throw new IOException("no declared type " + name);
    }
    try {
      return type.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IOException(e);
    }
  }

  /** The JSON value as the field's declared type. */
  private static Object value(JsonParser p, JsonToken token, Class<?> declared) throws IOException {
    return switch (token) {
      case VALUE_STRING -> p.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          declared == int.class || declared == Integer.class
              ? (Object) p.getIntValue()
              : declared == long.class || declared == Long.class
                  ? (Object) p.getLongValue()
                  : declared == double.class || declared == Double.class
                      ? (Object) p.getDoubleValue()
                      : p.getDecimalValue();
      default -> throw new IOException("unexpected " + token + " at " + p.currentLocation());
    };
  }
}
