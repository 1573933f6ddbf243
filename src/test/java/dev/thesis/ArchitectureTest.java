package dev.thesis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The package rules of the main code (tests may cross them). Each rule is its own test, so a run
 * names every broken rule and the classes that break it. A rule that fails is fixed in the main
 * code, not here: loosen a rule only when the design changes, and say so in the commit.
 */
@AnalyzeClasses(packages = "dev.thesis", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {

  /** A top-level package and the layers it may use besides its own, diag and env; null: any. */
  private record Layer(String name, List<String> mayUse) {
    static Layer of(String name, String... mayUse) {
      return new Layer(name, List.of(mayUse));
    }
  }

  /** Every top-level package of dev.thesis. A new one must be placed here before it builds. */
  private static final List<Layer> LAYERS =
      List.of(
          Layer.of("env"),
          Layer.of("diag"),
          Layer.of("schema"),
          Layer.of("facts", "schema"),
          Layer.of("safemode", "drools"),
          // The adapter: the only place Drools' internals are touched (see DROOLS_INTERNALS).
          Layer.of("drools", "schema", "trace"),
          Layer.of("rules", "schema", "safemode", "drools"),
          Layer.of("lint", "rules", "facts", "schema"),
          Layer.of("inputs", "rules", "facts", "lint", "schema", "safemode"),
          Layer.of("trace", "rules", "schema"),
          Layer.of("engine", "inputs", "rules", "facts", "schema", "trace", "drools"),
          Layer.of("analysis", "engine", "inputs", "trace", "rules", "facts", "schema", "lint"),
          Layer.of("report", "analysis", "trace", "inputs", "rules", "facts", "schema"),
          Layer.of(
              "scenario",
              "analysis",
              "engine",
              "inputs",
              "rules",
              "facts",
              "schema",
              "trace",
              "lint",
              "report"),
          Layer.of("generate", "rules", "facts", "schema", "inputs"),
          Layer.of("watch"),
          Layer.of("sandbox"),
          Layer.of("daemon", "inputs"),
          new Layer("cli", null));

  private static final String[] DROOLS_INTERNALS = {
    "org.drools.core..", "org.drools.tms..", "org.drools.kiesession..", "org.drools.wiring..",
    "org.drools.base..", "org.drools.compiler..", "org.drools.mvel..", "org.kie.internal.."
  };

  @ArchTest
  static final ArchRule noCyclesBetweenTopLevelPackages =
      slices().matching("dev.thesis.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nothingOutsideTheCliDependsOnIt =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.thesis.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.thesis.cli..")
          .because(
              "the CLI is the outermost layer: a daemon, a test or another front end must be able to"
                  + " use everything else without it");

  @ArchTest static final ArchRule layers = layers();

  @ArchTest
  static final ArchRule droolsInternalsOnlyInTheAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.thesis.drools..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(DROOLS_INTERNALS)
          .because(
              "Drools' internal classes change between releases; dev.thesis.drools is the one place"
                  + " to adapt when they do");

  @ArchTest
  static final ArchRule droolsPublicApiOnlyWhereRulesAreBuiltAndRun =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.thesis.drools..",
              "dev.thesis.schema..",
              "dev.thesis.rules..",
              "dev.thesis.safemode..",
              "dev.thesis.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.kie.api..", "org.drools.drl..")
          .because(
              "the public KIE API and the DRL parser are allowed in schema, rules, safemode and engine"
                  + " (and the adapter), the packages that parse, build and run rules");

  private static ArchRule layers() {
    LayeredArchitecture rule =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture();
    for (Layer l : LAYERS) {
      rule = rule.layer(l.name()).definedBy("dev.thesis." + l.name() + "..");
    }
    for (Layer l : LAYERS) {
      if (l.mayUse() == null) {
        continue;
      }
      List<String> allowed = new ArrayList<>(l.mayUse());
      // The bases: what went wrong and where (diag), what the process read from outside (env).
      for (String base : List.of("diag", "env")) {
        if (!l.name().equals(base) && !l.name().equals("env")) {
          allowed.add(base);
        }
      }
      rule =
          allowed.isEmpty()
              ? rule.whereLayer(l.name()).mayNotAccessAnyLayer()
              : rule.whereLayer(l.name()).mayOnlyAccessLayers(allowed.toArray(String[]::new));
    }
    return rule;
  }
}
