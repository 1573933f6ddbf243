package dev.thesis.safemode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowlistTest {
  private final Allowlist allow =
      new Allowlist(
          Map.of("Firm", Set.of("thesis.ai", "other")),
          Set.of("RED", "Q1"),
          Set.of("thesis.ai", "other"));

  @Test
  void namesAreAllowedWhenDeclaredInTheRulesOrListedFromTheJdk() {
    assertThat(allow.allowsName("Firm")).isTrue();
    assertThat(allow.allowsName("RED")).isTrue();
    assertThat(allow.allowsName("String")).isTrue();
    assertThat(allow.allowsName("LocalDate")).isTrue();
    assertThat(allow.allowsName("Object")).isTrue();
    assertThat(allow.allowsName("Runtime")).isFalse();
    assertThat(allow.allowsName("Scanner")).isFalse();
    assertThat(allow.allowsName("Widget")).isFalse();
  }

  /** The plain java.util types real DRL uses (the README promises java.util's collections). */
  @Test
  void plainJavaUtilTypesAreAllowedAndThoseThatReachFilesOrThreadsAreNot() {
    for (String plain : List.of("Date", "Calendar", "Random", "Vector", "Stack", "Hashtable")) {
      assertThat(allow.allowsName(plain)).as(plain).isTrue();
      assertThat(allow.allowsClass("java.util." + plain)).as(plain).isTrue();
    }
    for (String reaching :
        List.of("Formatter", "Scanner", "Properties", "Timer", "ServiceLoader")) {
      assertThat(allow.allowsName(reaching)).as(reaching).isFalse();
    }
  }

  @Test
  void aMisspeltNameIsMatchedToTheAllowedNameItProbablyMeant() {
    assertThat(allow.nearest("Frim")).contains("Firm");
    assertThat(allow.nearest("Strnig")).contains("String");
    assertThat(allow.nearest("LocalDat")).contains("LocalDate");
    assertThat(allow.nearest("Runtime")).isEmpty();
    assertThat(allow.nearest("Widget")).isEmpty();
  }

  @Test
  void qualifiedNamesAreAllowedForListedClassesTheirMembersAndDeclaredTypesInTheirPackage() {
    assertThat(allow.allowsClass("java.util.List")).isTrue();
    assertThat(allow.allowsClass("java.util.Map.Entry")).isTrue();
    assertThat(allow.allowsClass("thesis.ai.Firm")).isTrue();
    assertThat(allow.allowsClass("other.Firm")).isTrue();
    assertThat(allow.allowsClass("elsewhere.Firm")).isFalse();
    assertThat(allow.allowsClass("java.util.concurrent.Executors")).isFalse();
    assertThat(allow.allowsClass("java.lang.Runtime")).isFalse();
    assertThat(allow.allowsClass("Firm")).isFalse();
  }

  @Test
  void wildcardsOnlyForListedPackagesAndTheRuleFilesOwn() {
    assertThat(allow.allowsWildcard("java.util")).isTrue();
    assertThat(allow.allowsWildcard("thesis.ai")).isTrue();
    assertThat(allow.allowsWildcard("java.io")).isFalse();
    assertThat(allow.allowsWildcard("java.util.concurrent")).isFalse();
  }

  @Test
  void refusalsSayWhy() {
    assertThat(Allowlist.refusal("Runtime"))
        .isEqualTo(new Allowlist.Refused("java.lang.Runtime", Allowlist.Reason.PROCESS));
    assertThat(Allowlist.refusal("Widget"))
        .isEqualTo(new Allowlist.Refused(null, Allowlist.Reason.UNLISTED));
    assertThat(Allowlist.refusalOfClass("java.io.File")).isEqualTo(Allowlist.Reason.FILES);
    assertThat(Allowlist.refusalOfClass("java.io.Whatever")).isEqualTo(Allowlist.Reason.FILES);
    assertThat(Allowlist.refusalOfClass("com.acme.File")).isEqualTo(Allowlist.Reason.UNLISTED);
    assertThat(Allowlist.refusalOfPackage("java.lang.reflect"))
        .isEqualTo(Allowlist.Reason.REFLECTION);
    assertThat(Allowlist.refusalOfPackage("javax.naming")).isEqualTo(Allowlist.Reason.SCRIPTING);
    assertThat(Allowlist.refusalOfPackage("java.net.http")).isEqualTo(Allowlist.Reason.NETWORK);
    assertThat(Allowlist.refusalOfPackage("java.util.concurrent.atomic"))
        .isEqualTo(Allowlist.Reason.THREADS);
    assertThat(Allowlist.refusalOfPackage("org.kie.api")).isEqualTo(Allowlist.Reason.ENGINE);
  }

  @Test
  void membersAreRefusedByNameCalledOrReadAsAProperty() {
    assertThat(Allowlist.refusedCall("exec")).isEqualTo(Allowlist.Reason.PROCESS);
    assertThat(Allowlist.refusedCall("getClass")).isEqualTo(Allowlist.Reason.REFLECTION);
    assertThat(Allowlist.refusedCall("getRootClassLoader")).isEqualTo(Allowlist.Reason.REFLECTION);
    assertThat(Allowlist.refusedCall("getKieRuntime")).isEqualTo(Allowlist.Reason.ENGINE);
    assertThat(Allowlist.refusedCall("length")).isNull();
    assertThat(Allowlist.refusedProperty("class")).isEqualTo(Allowlist.Reason.REFLECTION);
    assertThat(Allowlist.refusedProperty("kieRuntime")).isEqualTo(Allowlist.Reason.ENGINE);
    assertThat(Allowlist.refusedProperty("getClass")).isEqualTo(Allowlist.Reason.REFLECTION);
    // A field named like a refused verb is a property, not the call.
    assertThat(Allowlist.refusedProperty("load")).isNull();
    assertThat(Allowlist.refusedProperty("name")).isNull();
  }

  @Test
  void ruleFilesMayNotTakeTheJdksOrALibrarysPackage() {
    assertThat(Allowlist.allowsPackage("thesis.ai")).isTrue();
    assertThat(Allowlist.allowsPackage("com.acme.rules")).isTrue();
    assertThat(Allowlist.allowsPackage("javanese")).isTrue();
    assertThat(Allowlist.allowsPackage("java.util")).isFalse();
    assertThat(Allowlist.allowsPackage("java")).isFalse();
    assertThat(Allowlist.allowsPackage("org.drools.core.util")).isFalse();
    assertThat(Allowlist.allowsPackage("dev.thesis.cli")).isFalse();
    assertThat(Allowlist.allowsPackage("javax.rules")).isFalse();
    // Under a library's root, but no package of the class path: the Drools examples' own.
    assertThat(Allowlist.allowsPackage("org.drools.examples.buspass")).isTrue();
    assertThat(Allowlist.allowsPackage("org.apache.rules.demo")).isTrue();
    assertThat(Allowlist.allowsPackage("org.drools")).isFalse();
  }

  @Test
  void aDeclaredNameThatIsAJdkClassInScopeWouldBeTakenForIt() {
    assertThat(Allowlist.shadowedJdkClass("Thread", Set.of("java.lang")))
        .contains("java.lang.Thread");
    assertThat(Allowlist.shadowedJdkClass("Timer", Set.of("java.lang"))).isEmpty();
    assertThat(Allowlist.shadowedJdkClass("Timer", Set.of("java.lang", "java.util")))
        .contains("java.util.Timer");
    assertThat(Allowlist.shadowedJdkClass("List", Set.of("java.lang", "java.util")))
        .isEqualTo(Optional.empty());
    assertThat(Allowlist.shadowedJdkClass("Company", Set.of("java.lang", "java.util"))).isEmpty();
  }
}
