package dev.thesis.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IdentityTest {
  @Test
  void thisProcessesIdentityNamesWhatItsOutputDependsOn() {
    Identity id = Identity.current();
    assertThat(id.text()).contains("java.home=" + System.getProperty("java.home"),
        "cwd=" + Path.of("").toAbsolutePath(), "env THESIS_CACHE_DIR=", "env XDG_CACHE_HOME=");
    assertThat(id.folder()).isEqualTo(Path.of("").toAbsolutePath().toString());
    assertThat(Identity.current()).isEqualTo(id);
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
