package dev.thesis.rules;

import dev.thesis.diag.Diagnostic;
import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.Location;
import dev.thesis.drools.BuildMessage;
import dev.thesis.safemode.SafeMode;
import dev.thesis.schema.GraphRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The DRL files parsed, before compilation: syntax errors, and where each rule and declared type is
 * written (a compiled rule does not keep its line). Parsing first lets a syntax error be reported
 * alone, instead of with the dozens of errors it causes in files that use its types.
 */
final class DrlOutline {
  private final Map<String, Location> rules = new HashMap<>();
  private final Map<String, Location> types = new HashMap<>();
  private final Map<String, Location> enums = new HashMap<>();
  private final Map<String, String> enumPackages = new HashMap<>();
  private final Map<String, String> typePackages = new HashMap<>();
  private final java.util.Set<String> queryNames = new java.util.HashSet<>();
  private final java.util.Set<String> imported = new java.util.HashSet<>();
  private final Map<String, List<String>> typeFields = new HashMap<>();
  private final Map<String, List<String>> typeKeys = new HashMap<>();
  private final Map<String, Map<String, String>> refs = new HashMap<>();
  private final Map<String, Map<String, List<String>>> values = new HashMap<>();
  private final List<RuleShape> shapes = new ArrayList<>();
  private final java.util.Set<String> functionCreates = new java.util.TreeSet<>();
  private final Map<String, String> superTypes = new HashMap<>();
  private final Map<String, GraphRole> graphRoles = new HashMap<>();
  private final java.util.Set<String> arguedTheses = new java.util.TreeSet<>();
  private final java.util.Set<String> ratedQuestions = new java.util.TreeSet<>();

  private static String strip(Object v) {
    if (v == null) {
      return null;
    }
    String s = String.valueOf(v).strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      // A DRL string literal: its escapes mean what they say in Java.
      return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }

  /**
   * How a declared type appears in the evidence graph ({@code @entity} or {@code @edge}), or null.
   */
  GraphRole graphRole(String simpleName) {
    return graphRoles.get(simpleName);
  }

  private final List<Diagnostic> syntaxErrors = new ArrayList<>();

  static DrlOutline of(List<Path> files) {
    DrlOutline o = new DrlOutline();
    for (Path f : files) {
      o.parse(f, DisplayPath.of(f));
    }
    return o;
  }

  /**
   * Every file as parsed, with the exact text parsed, for safe mode (which places code by offset).
   */
  List<SafeMode.ParsedSource> parsed() {
    return parsed;
  }

  private final List<SafeMode.ParsedSource> parsed = new ArrayList<>();
  private final Map<Path, String> texts = new HashMap<>();
  private final Map<String, String> textsByName = new HashMap<>();
  private final List<dev.thesis.diag.FileDigest> digests = new ArrayList<>();
  private boolean queries;

  /**
   * The text of each file as read once, here: the scan, the cache key and the build all use it, so
   * a file changed while the rules compile cannot be built unscanned or cached under another's key.
   */
  String text(Path file) {
    return texts.get(file);
  }

  /** The SHA-256 of each file's bytes as read here, in the order read. */
  List<dev.thesis.diag.FileDigest> digests() {
    return List.copyOf(digests);
  }

  /** Whether any file defines a query (a rule calling one matches what the query matched). */
  boolean hasQueries() {
    return queries;
  }

  private void parse(Path f, String name) {
    DrlParser parser = new DrlParser();
    try {
      byte[] bytes = Files.readAllBytes(f);
      digests.add(dev.thesis.diag.FileDigest.of(f, bytes));
      // Strict, as Files.readString is: malformed UTF-8 is refused, not replaced.
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      texts.put(f, text);
      textsByName.put(name, text);
      PackageDescr pkg = parser.parse(new java.io.StringReader(text));
      if (pkg != null) {
        parsed.add(new SafeMode.ParsedSource(new SafeMode.Source(name, text), pkg));
      }
      for (DroolsError e : parser.getErrors()) {
        if (e instanceof ParserError pe) {
          String message = BuildMessage.tidy(pe.getMessage());
          Diagnostic d =
              UnclosedRule.explain(f, name, pe.getMessage())
                  .or(
                      () ->
                          UnclosedParen.explain(text, name, pe.getRow(), pe.getCol() + 1, message))
                  .orElse(
                      Diagnostic.error(new Location(name, pe.getRow(), pe.getCol() + 1), message));
          if (!syntaxErrors.contains(d)) {
            syntaxErrors.add(d); // one unclosed "(" can make the parser stumble more than once
          }
        } else {
          syntaxErrors.add(
              Diagnostic.error(Location.ofFile(name), BuildMessage.tidy(e.getMessage())));
        }
      }
      if (pkg == null) {
        return;
      }
      for (RuleDescr r : pkg.getRules()) {
        if (r.isQuery()) {
          queries = true;
          queryNames.add(r.getName());
          continue; // a query is asked, not fired: no shape, no coverage
        }
        rules.putIfAbsent(
            pkg.getName() + "." + r.getName(), new Location(name, r.getLine(), r.getColumn() + 1));
        shapes.add(RuleShapes.of(pkg.getName(), r, name, text));
        AnnotationDescr thesis = r.getAnnotation("thesis");
        if (thesis != null && thesis.getSingleValueStripped() != null) {
          arguedTheses.add(String.valueOf(thesis.getSingleValueStripped()));
        }
        AnnotationDescr question = r.getAnnotation("question");
        if (question != null && question.getSingleValueStripped() != null) {
          ratedQuestions.add(String.valueOf(question.getSingleValueStripped()));
        }
      }
      pkg.getFunctions().forEach(fn -> functionCreates.addAll(RuleShapes.created(fn.getBody())));
      pkg.getImports().forEach(i -> imported.add(i.getTarget()));
      pkg.getEnumDeclarations()
          .forEach(
              e -> {
                enums.putIfAbsent(
                    e.getTypeName(), new Location(name, e.getLine(), e.getColumn() + 1));
                enumPackages.putIfAbsent(e.getTypeName(), pkg.getName());
              });
      for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
        Location at = new Location(name, t.getLine(), t.getColumn() + 1);
        String firstPackage = typePackages.putIfAbsent(t.getTypeName(), pkg.getName());
        if (firstPackage != null && !firstPackage.equals(pkg.getName())) {
          // Fact files name types by simple name, so one name must mean one type.
          syntaxErrors.add(
              new Diagnostic(
                  dev.thesis.diag.Severity.ERROR,
                  at,
                  "type "
                      + t.getTypeName()
                      + " is declared in packages "
                      + firstPackage
                      + " and "
                      + pkg.getName()
                      + " (first at "
                      + types.get(t.getTypeName())
                      + "); fact files could not tell them apart",
                  "duplicate-type"));
        }
        types.putIfAbsent(t.getTypeName(), at);
        typeFields.putIfAbsent(t.getTypeName(), List.copyOf(t.getFields().keySet()));
        typeKeys.putIfAbsent(
            t.getTypeName(),
            t.getFields().entrySet().stream()
                .filter(field -> field.getValue().getAnnotation("key") != null)
                .map(Map.Entry::getKey)
                .toList());
        Map<String, String> typeRefs = new java.util.LinkedHashMap<>();
        t.getFields()
            .forEach(
                (field, descr) -> {
                  AnnotationDescr ref = descr.getAnnotation("ref");
                  if (ref != null && ref.getSingleValueStripped() != null) {
                    typeRefs.put(field, String.valueOf(ref.getSingleValueStripped()));
                  }
                });
        refs.putIfAbsent(t.getTypeName(), typeRefs);
        values.putIfAbsent(t.getTypeName(), values(t, name, text));
        AnnotationDescr entity = t.getAnnotation("entity");
        if (entity != null) {
          graphRoles.put(
              t.getTypeName(),
              new GraphRole(
                  true,
                  strip(entity.getValue("kind")),
                  strip(entity.getValue("label")),
                  null,
                  null,
                  strip(entity.getValue("color"))));
        }
        AnnotationDescr edge = t.getAnnotation("edge");
        if (edge != null) {
          graphRoles.put(
              t.getTypeName(),
              new GraphRole(
                  false,
                  null,
                  strip(edge.getValue("label")),
                  strip(edge.getValue("from")),
                  strip(edge.getValue("to")),
                  strip(edge.getValue("color"))));
        }
        if (t.getSuperTypeName() != null && !t.getSuperTypeName().isBlank()) {
          superTypes.putIfAbsent(
              t.getTypeName(),
              t.getSuperTypeName().substring(t.getSuperTypeName().lastIndexOf('.') + 1));
        }
      }
    } catch (IOException e) {
      syntaxErrors.add(Diagnostic.error(Location.ofFile(name), "cannot read: " + e.getMessage()));
    } catch (DroolsParserException | RuntimeException e) {
      syntaxErrors.add(Diagnostic.error(Location.ofFile(name), "cannot parse: " + e.getMessage()));
    }
  }

  /**
   * The {@code @values("a", "b")} of each String field of a declared type; a malformed one (no
   * string literals, or on a field that is not a String) is an error at the annotation.
   */
  private Map<String, List<String>> values(TypeDeclarationDescr t, String file, String text) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    t.getFields()
        .forEach(
            (field, descr) -> {
              AnnotationDescr a = descr.getAnnotation("values");
              if (a == null) {
                return;
              }
              List<String> allowed = allowedValues(a.getValue());
              String declared =
                  descr.getPattern() == null ? "" : descr.getPattern().getObjectType();
              String problem =
                  !declared.equals("String") && !declared.equals("java.lang.String")
                      ? "@values restricts String fields only; "
                          + t.getTypeName()
                          + "."
                          + field
                          + " is "
                          + declared
                      : allowed == null
                          ? "@values takes string literals, as in @values(\"low\", \"high\")"
                          : null;
              if (problem == null) {
                out.put(field, allowed);
                return;
              }
              int from = Math.max(0, descr.getStartCharacter());
              int at = text.indexOf("@values", from);
              syntaxErrors.add(
                  new Diagnostic(
                      dev.thesis.diag.Severity.ERROR,
                      at >= 0
                          ? AnnotationSpot.at(text, file, at)
                          : new Location(file, descr.getLine(), descr.getColumn() + 1),
                      problem,
                      "bad-values"));
            });
    return out;
  }

  /** The strings of {@code "a", "b"} (or of the array form {@code {"a", "b"}}), or null. */
  private static List<String> allowedValues(Object raw) {
    List<String> out = new ArrayList<>();
    if (raw instanceof Object[] items) {
      for (Object item : items) {
        List<String> one = allowedValues(item);
        if (one == null) {
          return null;
        }
        out.addAll(one);
      }
    } else if (raw != null) {
      out.addAll(DrlLiterals.arguments("(" + raw + ")", 0));
    }
    return out.isEmpty() || out.contains(null) ? null : List.copyOf(out);
  }

  /**
   * Field name to its allowed values, for the fields of a declared type (or of a type it extends)
   * marked {@code @values}.
   */
  Map<String, List<String>> values(String simpleName) {
    Map<String, List<String>> out = new HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String t = simpleName; t != null && seen.add(t); t = superType(t)) {
      values.getOrDefault(t, Map.of()).forEach(out::putIfAbsent);
    }
    return out;
  }

  List<Diagnostic> syntaxErrors() {
    return syntaxErrors;
  }

  Location rule(String packageName, String ruleName) {
    return rules.get(packageName + "." + ruleName);
  }

  /**
   * Where an annotation of a rule is written, and where its quoted value starts, found in the text:
   * the parser keeps no position for annotations. Null when the rule or annotation is not found.
   */
  AnnotationSpot annotation(String packageName, String ruleName, String annotation) {
    Location rule = rule(packageName, ruleName);
    if (rule == null) {
      return null;
    }
    String text = textsByName.get(rule.file());
    return text == null ? null : AnnotationSpot.find(text, rule, annotation);
  }

  Location type(String simpleName) {
    return types.get(simpleName);
  }

  /** Where a type or enum of this simple name is declared, or null. */
  Location declaration(String simpleName) {
    Location t = types.get(simpleName);
    return t != null ? t : enums.get(simpleName);
  }

  /** Where {@code word} is first written in the rule files (in file order), or null. */
  Location firstMention(String word) {
    for (SafeMode.ParsedSource p : parsed) {
      String text = p.source().text();
      int i = text.indexOf(word);
      if (i >= 0) {
        return AnnotationSpot.at(text, p.source().name(), i);
      }
    }
    return null;
  }

  /** Types that DRL functions instantiate. */
  java.util.Set<String> functionCreates() {
    return functionCreates;
  }

  /** The declared supertype ({@code extends}) of a declared type, or null. */
  String superType(String simpleName) {
    return superTypes.get(simpleName);
  }

  /** Every rule as written, in file order (rules with the same name included). */
  List<RuleShape> shapes() {
    return shapes;
  }

  /** Field name to referenced type, for the {@code @ref("Type")} fields of a declared type. */
  Map<String, String> refs(String simpleName) {
    return refs.getOrDefault(simpleName, Map.of());
  }

  /** The thesis ids that rules name in {@code @thesis}, sorted. */
  java.util.Set<String> arguedTheses() {
    return arguedTheses;
  }

  /** The question ids that rules name in {@code @question}, sorted. */
  java.util.Set<String> ratedQuestions() {
    return ratedQuestions;
  }

  /** Names of the types declared in these files. */
  java.util.Set<String> typeNames() {
    return types.keySet();
  }

  /** A declared type's fields, inherited ones first, in declaration order (its constructor's). */
  List<String> allFieldsOf(String type) {
    List<String> lineage = new ArrayList<>();
    for (String t = type; t != null && !lineage.contains(t); t = superType(t)) {
      lineage.add(0, t);
    }
    List<String> out = new ArrayList<>();
    for (String t : lineage) {
      List<String> own = fieldsOf(t);
      if (own != null) {
        own.stream().filter(f -> !out.contains(f)).forEach(out::add);
      }
    }
    return List.copyOf(out);
  }

  /** The {@code @key} fields a declared type declares itself, in order. */
  List<String> keysOf(String type) {
    return typeKeys.getOrDefault(type, List.of());
  }

  /** The package a type or enum of this simple name is declared in, or null. */
  String typePackage(String simpleName) {
    String p = typePackages.get(simpleName);
    return p != null ? p : enumPackages.get(simpleName);
  }

  /** Whether a query of this name is defined (a pattern of its name calls it). */
  boolean isQuery(String name) {
    return queryNames.contains(name);
  }

  /**
   * Whether a declared type is only metadata for a Java class: no fields, no supertype, and a rule
   * file imports a class of its name ({@code declare TestEvent @role(event) end}).
   */
  boolean metadataOnly(String simpleName) {
    List<String> fields = typeFields.get(simpleName);
    return fields != null
        && fields.isEmpty()
        && superType(simpleName) == null
        && imported.stream().anyMatch(i -> i.endsWith("." + simpleName));
  }

  /** Declared fields of a type declared in these files, or null. */
  List<String> fieldsOf(String simpleName) {
    return typeFields.get(simpleName);
  }
}
