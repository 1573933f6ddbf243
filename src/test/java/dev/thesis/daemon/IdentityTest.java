package dev.thesis.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.env.Environment;
import dev.thesis.env.Environment.Input;
import dev.thesis.env.Environment.LogLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityTest {
  @Test
  void thisProcessesIdentityNamesWhatItsOutputDependsOn() {
    Identity id = Identity.current();
    assertThat(id.text())
        .contains(
            "java.home=" + System.getProperty("java.home"),
            "cwd=" + Path.of("").toAbsolutePath(),
            "env THESIS_CACHE_DIR=",
            "env XDG_CACHE_HOME=",
            "env THESIS_LOG=",
            "prop thesis.umask=",
            "prop thesis.jsa=");
    assertThat(id.folder()).isEqualTo(Path.of("").toAbsolutePath().toString());
    assertThat(Identity.current()).isEqualTo(id);
  }

  @Test
  void theIdentityIsMadeOfTheInputsThatShapeOutputAndOfNoOther() {
    Identity plain = Identity.of(Environment.of(Map.of(), Map.of()));
    for (Input input : Input.values()) {
      Map<String, String> env = new HashMap<>();
      Map<String, String> props = new HashMap<>();
      (input.kind() == Environment.Kind.VARIABLE ? env : props).put(input.key(), "x");
      Identity with = Identity.of(Environment.of(env, props));
      if (input.shapesOutput()) {
        assertThat(with).as(input.key()).isNotEqualTo(plain);
        assertThat(plain.differences(with)).contains(input.key() + "=x");
      } else {
        assertThat(with).as(input.key()).isEqualTo(plain);
      }
    }
    assertThat(Input.shaping())
        .contains(Input.THESIS_CACHE_DIR, Input.THESIS_LOG, Input.UMASK, Input.JSA, Input.TZ)
        .doesNotContain(
            Input.THESIS_DAEMON_DIR, Input.THESIS_DAEMON_IDLE_MINUTES, Input.THESIS_STDERR_TTY);
  }

  @Test
  void theEnvironmentKeepsOnlyTheNamesTheProgramReads() {
    Environment e =
        Environment.of(
            Map.of("THESIS_LOG", "debug", "SECRET_TOKEN", "s3cr3t"),
            Map.of("thesis.umask", "0022", "java.class.path", "x.jar"));
    assertThat(e.variables()).containsOnlyKeys("THESIS_LOG");
    assertThat(e.properties()).containsOnlyKeys("thesis.umask");
    assertThat(e.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void theEnvironmentsValuesAreReadAsDocumented() {
    Map<String, String> home =
        Map.of("user.home", "/home/u", "user.name", "u", "java.io.tmpdir", "/tmp");
    Environment none = Environment.of(Map.of(), home);
    assertThat(none.cacheDir()).contains(Path.of("/home/u/.cache/thesis"));
    assertThat(Environment.of(Map.of("XDG_CACHE_HOME", "/xdg"), home).cacheDir())
        .contains(Path.of("/xdg/thesis"));
    assertThat(
            Environment.of(Map.of("THESIS_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/xdg"), home)
                .cacheDir())
        .contains(Path.of("/c"));
    assertThat(Environment.of(Map.of("THESIS_CACHE_DIR", "off"), home).cacheDir()).isEmpty();
    assertThat(none.daemonDir()).isEqualTo(Path.of("/tmp/thesis-daemon-u"));
    assertThat(Environment.of(Map.of("THESIS_DAEMON_DIR", "/d"), home).daemonDir())
        .isEqualTo(Path.of("/d"));
    assertThat(none.daemonOff()).isFalse();
    assertThat(Environment.of(Map.of("THESIS_DAEMON", "off"), home).daemonOff()).isTrue();
    assertThat(none.daemonIdle()).isEmpty();
    assertThat(Environment.of(Map.of("THESIS_DAEMON_IDLE_MINUTES", "0.5"), home).daemonIdle())
        .contains(Duration.ofSeconds(30));
    assertThat(Environment.of(Map.of("THESIS_DAEMON_IDLE_MINUTES", "soon"), home).daemonIdle())
        .isEmpty();
    assertThat(Environment.of(Map.of("THESIS_DAEMON_IDLE_MINUTES", "Infinity"), home).daemonIdle())
        .isEmpty();
    assertThat(
            Environment.of(Map.of("THESIS_JAVA_OPTS", "  -Xmx1g  -XX:+UseG1GC "), home).javaOpts())
        .isEqualTo(List.of("-Xmx1g", "-XX:+UseG1GC"));
    assertThat(none.logLevel()).isEqualTo(LogLevel.OFF);
    assertThat(Environment.of(Map.of("THESIS_LOG", "Debug"), home).logLevel())
        .isEqualTo(LogLevel.DEBUG);
    assertThat(Environment.of(Map.of("THESIS_LOG", "loud"), home).logLevel())
        .isEqualTo(LogLevel.OFF);
    assertThat(Environment.of(Map.of("CLICOLOR_FORCE", "0", "CLICOLOR", "0"), home).clicolorForce())
        .isFalse();
    assertThat(Environment.of(Map.of("CLICOLOR_FORCE", "0", "CLICOLOR", "0"), home).clicolorOff())
        .isTrue();
    assertThat(Environment.of(Map.of("THESIS_STDERR_TTY", "1", "CI", ""), home).stderrTty())
        .isTrue();
    assertThat(Environment.of(Map.of("THESIS_STDERR_TTY", "1", "CI", ""), home).ci()).isTrue();
    assertThat(
            Environment.of(Map.of(Environment.CHILD, "1", Environment.STATUS_FILE, "/s"), home)
                .statusFile())
        .isEqualTo(Optional.of(Path.of("/s")));
    assertThat(
            Environment.of(Map.of(), Map.of("thesis.facts.maxFileBytes", "0x10"))
                .factsMaxFileBytes())
        .hasValue(16);
  }

  @Test
  void theKeyIsShortStableAndFollowsTheText() {
    Identity a = new Identity("cwd=/a\n");
    assertThat(a.key()).matches("[0-9a-f]{16}").isEqualTo(new Identity("cwd=/a\n").key());
    assertThat(new Identity("cwd=/b\n").key()).isNotEqualTo(a.key());
    // FNV-1a 64 of the empty string is its offset basis.
    assertThat(new Identity("").key()).isEqualTo("cbf29ce484222325");
  }
}
