package dev.thesis.safemode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thesis.safemode.CodeTokens.Kind;
import dev.thesis.safemode.CodeTokens.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeTokensTest {
  private static List<String> texts(String code) {
    CodeTokens.Lexed l = CodeTokens.lex(code);
    assertThat(l.problems()).isEmpty();
    return l.tokens().stream().map(Token::text).toList();
  }

  @Test
  void commentsAndWhitespaceAreDroppedAndLiteralsKeptWhole() {
    assertThat(texts("a /* System.exit(0) */ b // Runtime\n \"x // y\" 'c' '\\''"))
        .containsExactly("a", "b", "\"x // y\"", "'c'", "'\\''");
    CodeTokens.Lexed l = CodeTokens.lex("\"a\\\"b\" x");
    assertThat(l.tokens()).extracting(Token::kind).containsExactly(Kind.LITERAL, Kind.IDENT);
    assertThat(l.tokens().get(1).start()).isEqualTo(7);
  }

  @Test
  void aLineCommentEndsAtACarriageReturnAsInJava() {
    assertThat(texts("// note\rSystem.exit(0)")).startsWith("System", ".", "exit");
  }

  @Test
  void aLiteralRunsOverLineBreaksAsInMvelSoNoQuoteOnALaterLineStartsOne() {
    assertThat(texts("x = \"abc\n\"; Runtime.getRuntime(); y = \"\n\"")).contains("Runtime");
    assertThat(texts("\"a\nb\" c")).containsExactly("\"a\nb\"", "c");
  }

  @Test
  void namesGluedToNumbersAreStillNames() {
    assertThat(texts("10s 1h30m 0x1F 1.5e3d 2L 1.0.x"))
        .containsExactly("10", "s", "1", "h30m", "0x1F", "1.5e3d", "2L", "1.0", ".", "x");
  }

  @Test
  void symbolsComeOneByOneExceptTheMethodReference() {
    assertThat(texts("Object::getClass a.b(c)[0]; @key"))
        .containsExactly(
            "Object",
            "::",
            "getClass",
            "a",
            ".",
            "b",
            "(",
            "c",
            ")",
            "[",
            "0",
            "]",
            ";",
            "@",
            "key");
  }

  @Test
  void unicodeEscapesAreProblemsWhereverTheyAreBecauseJavaDecodesThemFirst() {
    CodeTokens.Lexed l = CodeTokens.lex("// \\u000a Runtime\n\"\\u0022\" \\u0053ystem");
    assertThat(l.problems()).extracting(CodeTokens.Problem::at).containsExactly(3, 19, 27);
    assertThat(l.problems().get(0).message()).startsWith("a \\u escape");
  }

  @Test
  void aTextBlockIsAProblemAndEndsTheReading() {
    CodeTokens.Lexed l = CodeTokens.lex("a \"\"\"\n  \"\n  \"\"\"; Runtime.getRuntime();");
    assertThat(l.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.at()).isEqualTo(2);
              assertThat(p.message()).startsWith("a text block");
            });
    assertThat(l.tokens()).extracting(Token::text).containsExactly("a");
    assertThat(texts("\"\" + \"x\"")).containsExactly("\"\"", "+", "\"x\"");
  }

  @Test
  void anInvisibleCharacterInANameIsAProblem() {
    CodeTokens.Lexed l = CodeTokens.lex("x Run\u00adtime caf\u00e9");
    assertThat(l.problems()).singleElement().satisfies(p -> assertThat(p.at()).isEqualTo(2));
    assertThat(l.tokens())
        .extracting(Token::text)
        .containsExactly("x", "Run\u00adtime", "caf\u00e9");
  }

  @Test
  void unterminatedLiteralsAndCommentsAreProblems() {
    assertThat(CodeTokens.lex("a \"b").problems())
        .extracting(CodeTokens.Problem::message)
        .containsExactly("an unterminated string");
    assertThat(CodeTokens.lex("a 'b").problems())
        .extracting(CodeTokens.Problem::message)
        .containsExactly("an unterminated quoted literal");
    assertThat(CodeTokens.lex("a /* b").problems())
        .extracting(CodeTokens.Problem::message)
        .containsExactly("an unterminated comment");
  }

  @Test
  void aByteOrderMarkAndOtherSpacesAreWhitespace() {
    assertThat(texts("\ufeffpackage\u00a0p;")).containsExactly("package", "p", ";");
  }
}
