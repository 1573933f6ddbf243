package dev.thesis.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.env.Environment;
import dev.thesis.safemode.Scan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final Environment PLAIN = Environment.of(Map.of(), Map.of());
  private static final Environment SANDBOXED =
      Environment.of(Map.of("THESIS_SANDBOXED", "1"), Map.of());

  private static Settings settings(boolean strict, boolean trustRules, Environment environment) {
    return new Settings(
        null, strict, trustRules, environment.sandboxed(), 0.5, 0.5, 3.0, 0, -1, true, environment);
  }

  @Test
  void theScanIsAdviceOnlyWhereTheSandboxRunsAndOffWhenTheRulesAreTrusted() {
    assertThat(Settings.defaults(SANDBOXED, false).sandboxed()).isTrue();
    assertThat(Settings.defaults(PLAIN, false).sandboxed()).isFalse();
    assertThat(Environment.of(Map.of("THESIS_SANDBOXED", "0"), Map.of()).sandboxed()).isFalse();
    assertThat(settings(false, false, PLAIN).scan()).isEqualTo(Scan.ENFORCE);
    assertThat(settings(false, false, SANDBOXED).scan()).isEqualTo(Scan.ADVISE);
    // Under --strict the advice would be errors: enforced, so nothing is built.
    assertThat(settings(true, false, SANDBOXED).scan()).isEqualTo(Scan.ENFORCE);
    assertThat(settings(false, true, SANDBOXED).scan()).isEqualTo(Scan.OFF);
    assertThat(settings(true, true, PLAIN).scan()).isEqualTo(Scan.OFF);
  }
}
