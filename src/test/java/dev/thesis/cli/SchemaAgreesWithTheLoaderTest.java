package dev.thesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For values of each field type, the schema accepts a fact exactly when `thesis check` binds it:
 * the schema says what the binder does, no more and no less.
 */
class SchemaAgreesWithTheLoaderTest {
  @TempDir static Path dir;
  private static Schema schema;

  @BeforeAll
  static void rules() throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        dir.resolve("rules/types.drl"),
        """
        package t;
        declare Sample
            name   : String
            count  : int
            big    : long
            share  : double
            exact  : java.math.BigDecimal
            flag   : boolean
            maybe  : Boolean
            some   : Integer
        end
        """);
    Run r = Run.of("schema", "--rules", dir.resolve("rules").toString());
    assertThat(r.code()).as(r.err()).isZero();
    schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(new ObjectMapper().readTree(r.out()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"name\": \"x\"'",
        "'\"name\": null'",
        "'\"name\": 3'",
        "'\"count\": 3000000000'",
        "'\"count\": null'",
        "'\"big\": 3000000000'",
        "'\"share\": 1'",
        "'\"share\": \"1\"'",
        "'\"exact\": 0.1'",
        "'\"flag\": \"true\"'",
        "'\"maybe\": null'",
        "'\"maybe\": 0'",
        "'\"some\": -7'",
        "'\"some\": 7.5'",
        "'\"nome\": \"x\"'",
      })
  void theSchemaAcceptsAFactExactlyWhenTheLoaderBindsIt(String member) throws Exception {
    String fields = "\"count\": 1, \"big\": 2, \"share\": 0.5, \"flag\": true";
    // The member replaces the default of its field, if it has one.
    String key = member.substring(0, member.indexOf(':'));
    fields =
        String.join(
            ", ",
            java.util.Arrays.stream(fields.split(", "))
                .filter(m -> !m.startsWith(key + ":"))
                .toList());
    String fact =
        "{\"sources\": [{\"id\": \"s\", \"text\": \"t\"}], \"facts\": [{\"id\": \"f\", \"type\":"
            + " \"Sample\", \"source\": \"s\", "
            + fields
            + ", "
            + member
            + "}]}";
    Path file = dir.resolve("facts.json");
    Files.writeString(file, fact);
    Run check =
        Run.of("check", "--rules", dir.resolve("rules").toString(), "--facts", file.toString());
    boolean loads = !check.err().contains("error");
    boolean valid = schema.validate(new ObjectMapper().readTree(fact)).isEmpty();
    assertThat(valid).as(fact + "\n" + check.err()).isEqualTo(loads);
  }
}
