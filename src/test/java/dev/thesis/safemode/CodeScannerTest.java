package dev.thesis.safemode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeScannerTest {
  private static final Allowlist ALLOW =
      new Allowlist(Map.of("Firm", Set.of("t")), Set.of(), Set.of("t"));

  /** The refusals in a snippet, each as the refused token's text and the message's start. */
  private static List<String> refused(String code) {
    CodeTokens.Lexed l = CodeTokens.lex(code);
    assertThat(l.problems()).isEmpty();
    return CodeScanner.scan(l.tokens(), 0, l.tokens().size(), new BitSet(), ALLOW).stream()
        .map(
            o ->
                l.tokens().get(o.token()).text()
                    + " | "
                    + o.message()
                        .substring(
                            0,
                            o.message().contains(" is ")
                                ? o.message().indexOf(" is ")
                                : o.message().indexOf(" returns")))
        .toList();
  }

  @Test
  void ordinaryRuleCodePasses() {
    assertThat(
            refused(
                """
        Firm( $n : name, name.length() > 2 && name != "x", this != $f )
        $l : java.util.List( size >= 2 ) from collect( Firm( name matches "a.*" ) )
        List<String> names = new ArrayList<>(); Map.Entry<String, Integer> e = null;
        int m = Math.max( 1, $n.compareTo( "b" ) ); LocalDate d = LocalDate.parse( "2025-01-01" );
        names.forEach( x -> { insertLogical( new Firm( x ) ); } );
        insert( new Firm( $n ) ); if ( m > 1 ) insert( new Firm( "y" ) ); update( $f ); delete( $f );
        modify( $f ) { setName( "z" ) };
        String r = drools.getRule().getName(); Object v = kcontext.getMatch().getObjects();
        Object md = drools.getMatch().getRule().getMetaData().get( "thesis" );
        @key @Position(0) t.Firm q = new t.Firm( "w" ); int w = $s.weight;
        """))
        .isEmpty();
  }

  @Test
  void capitalizedNamesMustBeAllowedTypes() {
    assertThat(refused("Runtime r; Widget w; new Thread( ); (ProcessBuilder) x; List<Class> l;"))
        .containsExactly(
            "Runtime | java.lang.Runtime",
            "Widget | Widget",
            "Thread | java.lang.Thread",
            "ProcessBuilder | java.lang.ProcessBuilder",
            "Class | java.lang.Class");
  }

  @Test
  void anUnknownNameCloseToAnAllowedOneIsProbablyATypo() {
    CodeTokens.Lexed l = CodeTokens.lex("Frim( ) Widget w;");
    assertThat(CodeScanner.scan(l.tokens(), 0, l.tokens().size(), new BitSet(), ALLOW))
        .extracting(CodeScanner.Offence::message)
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .startsWith(
                        "Frim is not allowed in rules: it is neither declared in the "
                            + "rule files nor on the safe-mode allowlist of types; did you mean Firm? ("),
            m -> assertThat(m).doesNotContain("did you mean"));
  }

  @Test
  void qualifiedNamesAreJudgedAsTheClassTheyName() {
    assertThat(
            refused(
                "java.lang.Runtime.getRuntime(); x = java /* hidden */ . io . File; "
                    + "org.kie.api.KieServices.Factory.get(); dev.thesis.cli.Main.run( null ); java.lang.reflect.x; "
                    + "java.util.Optional.empty(); t.Firm.class;"))
        .containsExactly(
            "java | java.lang.Runtime",
            "java | java.io.File",
            "org | org.kie.api.KieServices",
            "dev | dev.thesis.cli.Main",
            "java | java.lang.reflect.x",
            "class | .class");
  }

  @Test
  void oneRefusalPerChainButArgumentsAreChainsOfTheirOwn() {
    assertThat(refused("Runtime.getRuntime().exec( System.getenv( \"X\" ) ).waitFor();"))
        .containsExactly("Runtime | java.lang.Runtime", "System | java.lang.System");
  }

  @Test
  void refusedMembersOnAnyReceiver() {
    assertThat(
            refused(
                "$f.getClass(); \"x\".getClass(); $m.invoke( null ); o.setAccessible( true ); "
                    + "$h.exec( \"x\" ); loader.loadClass( \"x\" ); exit( 0 ); $x.class; $x.classLoader; Object::getClass; "
                    + "$r.getResource( \"x\" ); x.getRootClassLoader();"))
        .containsExactly(
            "getClass | getClass(...)",
            "getClass | getClass(...)",
            "invoke | invoke(...)",
            "setAccessible | setAccessible(...)",
            "exec | exec(...)",
            "loadClass | loadClass(...)",
            "exit | exit(...)",
            "class | .class",
            "classLoader | .classLoader",
            "getClass | ::getClass",
            "getResource | getResource(...)",
            "getRootClassLoader | getRootClassLoader(...)");
  }

  /** The ways past safe mode that a security review of effedc9 found, each call now refused. */
  @Test
  void theReviewsReflectiveChainAndParallelHelpersAreRefused() {
    assertThat(
            refused(
                "t.getGenericSuperclass(); p.getActualTypeArguments(); p.getRawType(); "
                    + "m.fromMethodDescriptorString( d, null ); mt.parameterArray(); mt.returnType(); "
                    + "a.annotationType(); c.getAnnotations(); c.getPermittedSubclasses(); "
                    + "c.getNestMembers(); c.getGenericInterfaces(); mt.parameterType( 0 ); "
                    + "x.executeExpression( e ); "
                    + "a.parallelSetAll( f ); a.parallelSort( f ); a.parallelPrefix( f );"))
        .containsExactly(
            "getGenericSuperclass | getGenericSuperclass(...)",
            "getActualTypeArguments | getActualTypeArguments(...)",
            "getRawType | getRawType(...)",
            "fromMethodDescriptorString | fromMethodDescriptorString(...)",
            "parameterArray | parameterArray(...)",
            "returnType | returnType(...)",
            "annotationType | annotationType(...)",
            "getAnnotations | getAnnotations(...)",
            "getPermittedSubclasses | getPermittedSubclasses(...)",
            "getNestMembers | getNestMembers(...)",
            "getGenericInterfaces | getGenericInterfaces(...)",
            "parameterType | parameterType(...)",
            "executeExpression | executeExpression(...)",
            "parallelSetAll | parallelSetAll(...)",
            "parallelSort | parallelSort(...)",
            "parallelPrefix | parallelPrefix(...)");
  }

  @Test
  void looseTypingAndTheNullSafeOperatorAreRefused() {
    assertThat(refused("@typesafe(false) @key")).containsExactly("typesafe | @typesafe");
    // Each .? once; getClass( after it is still refused as a call, but a property read such as
    // .?name would be hidden from the member checks, hence the refusal of the operator itself.
    assertThat(refused("$x.?getClass(); $y.?name;"))
        .containsExactly(
            "? | the null-safe operator .?",
            "getClass | getClass(...)",
            "? | the null-safe operator .?");
    // A conditional's ? is no member access.
    assertThat(refused("int x = a > b ? a : b;")).isEmpty();
  }

  @Test
  void printingToTheRunsOwnOutputIsAllowedAndNothingElseOfSystem() {
    assertThat(
            refused(
                "System.out.println( $f ); System.err.print( \"x\" ); System.out.printf( \"%s\", 1 );"))
        .isEmpty();
    assertThat(refused("System.out.close(); System.setOut( null ); Object o = System.out;"))
        .containsExactly(
            "System | java.lang.System", "System | java.lang.System", "System | java.lang.System");
  }

  @Test
  void aFieldNamedLikeARefusedVerbMayBeReadInAConstraintButNotAsAMember() {
    assertThat(refused("Firm( load > 3, exit == false, $s : start );")).isEmpty();
    // MVEL calls load() for $s.load when there is no getter: a member read is judged as a call.
    assertThat(refused("$s.load( \"x\" ); int l = $s.load;"))
        .containsExactly("load | load(...)", "load | .load");
  }

  /** MVEL calls a method with no arguments, or its getter, for a name without parentheses. */
  @Test
  void memberNamesWithoutParenthesesAreJudgedAsCalls() {
    assertThat(
            refused(
                "s = l.parallelStream; c = o.getClass; k = c.classLoader; m = c.genericSuperclass;"
                    + " r = x.runtime; a = t.rawType; e = f.exit; Firm( $c : getClass );"
                    + " Firm( name.parallelStream != null ); @thesis( $x.declaredMethods )"))
        .containsExactly(
            "parallelStream | .parallelStream",
            "getClass | .getClass",
            "classLoader | .classLoader",
            "genericSuperclass | .genericSuperclass",
            "runtime | .runtime",
            "rawType | .rawType",
            "exit | .exit",
            "getClass | getClass",
            "parallelStream | .parallelStream",
            "declaredMethods | .declaredMethods");
    assertThat(refused("n = $f.name; s = l.size; b = $f.active; v = m.values;")).isEmpty();
  }

  @Test
  void typeNamesUsedAsValuesAreRefused() {
    assertThat(
            refused(
                "Firm( name == String ); f( String ); x = String.simpleName; $t = Integer;"
                    + " Firm( $t : Integer ); o = java.lang.String; y = a ? Integer : Long;"
                    + " z = (String); g( Map.Entry ); q = Firm; w = String instanceof Object;"))
        .containsExactly(
            "String | String",
            "String | String",
            "String | String",
            "Integer | Integer",
            "Integer | Integer",
            "java | java.lang.String",
            "Integer | Integer",
            "Long | Long",
            "String | String",
            "Map | Map",
            "Firm | Firm",
            "String | String");
    // A refused member of the Class object is reported as that member.
    assertThat(refused("String.getMethods; String.class;"))
        .containsExactly("getMethods | .getMethods", "class | .class");
  }

  /** Where a type name is written as a type, it is no Class object. */
  @Test
  void typeNamesWrittenAsTypesAreAllowed() {
    assertThat(
            refused(
                """
        String s = "x"; List<String> l = new ArrayList<>(); Map<String, List<Firm>> m = null;
        Object o = (String) x; Object p = (List<String>) y; String[] a = new String[] { "a" };
        String v = String.valueOf( 1 ); int n = Math.max( 1, 2 ); long k = Integer.MAX_VALUE;
        Firm( this instanceof Firm, name != null ) $f : Firm( ) from $list; not Firm( )
        Map.Entry<String, Integer> e = null; x = ChronoUnit.DAYS; d = BigDecimal.ZERO;
        list.sort( Comparator.comparing( Firm::getName ) ); fs = list.stream().map( String::valueOf );
        for ( Firm f : list ) { } try { } catch ( Exception e ) { }
        l = Collections.<String>emptyList(); $p : Object( this#Firm.name == "x" );
        f( (String... xs) -> xs ); Firm q = new t.Firm( "y" ); t.Firm r = null;
        """))
        .isEmpty();
  }

  @Test
  void droolsMayMoveTheAgendasFocus() {
    assertThat(refused("drools.setFocus( \"scoring\" ); kcontext.setFocus( \"report\" );"))
        .isEmpty();
  }

  @Test
  void droolsAndKcontextOnlyCallTheEngineHelpers() {
    assertThat(
            refused(
                "drools.getKieRuntime(); kcontext.getKieRuntime(); drools.halt(); drools.kieRuntime; "
                    + "drools.getEntryPoint( \"x\" ); use( drools ); Object k = kcontext;"))
        .containsExactly(
            "getKieRuntime | drools.getKieRuntime()",
            "getKieRuntime | kcontext.getKieRuntime()",
            "halt | drools.halt()",
            "kieRuntime | drools.kieRuntime",
            "getEntryPoint | drools.getEntryPoint()",
            "drools | drools",
            "kcontext | kcontext");
  }

  @Test
  void entryPointsAndChannelsAreTheEnginesToo() {
    assertThat(refused("entryPoints[ \"s\" ].insert( x ); channels[ \"out\" ].send( x );"))
        .containsExactly("entryPoints | entryPoints", "channels | channels");
  }

  @Test
  void theRuleAndTheMatchOnlyGiveTheirNameMetadataAndFacts() {
    assertThat(
            refused(
                "Object r = drools.getRule(); drools.getRule().getResource(); "
                    + "drools.getMatch().getTuple(); drools.getMatch().getRule().getConsequence(); use( kcontext.getMatch() );"))
        .containsExactly(
            "getRule | drools.getRule()",
            "getRule | drools.getRule()",
            "getMatch | drools.getMatch()",
            "getRule | drools.getMatch().getRule()",
            "getMatch | kcontext.getMatch()");
  }

  @Test
  void aFactHandleMayNotBeKept() {
    assertThat(
            refused(
                "Object h = insert( x ); f( insertLogical( x ) ); insert( x ).getObject(); "
                    + "Object g = (Object) drools.insert( x ); list.forEach( y -> insert( y ) );"))
        .containsExactly(
            "insert | the fact handle that insert(...)",
            "insertLogical | the fact handle that insertLogical(...)",
            "insert | the fact handle that insert(...)",
            "insert | the fact handle that drools.insert(...)",
            "insert | the fact handle that insert(...)");
    assertThat(refused("then insert( x ) end")).isEmpty();
    // A ";" left out before the call is the compiler's to report, not a use of the handle.
    assertThat(refused("String c = \"cloud\"\n insertLogical( x ); int n = 1 insert( y );"))
        .isEmpty();
    // After a name, an operator (MVEL's or, contains), a cast, an index or an array initialiser,
    // the call's value is kept.
    assertThat(
            refused(
                "return insert( x ); a contains insert( x ); Object o = (Object) insert( x );"
                    + " a[0] insert( x ); Object h = x or insert( y );"
                    + " Object[] hs = { insert( y ) }; f( new Object[] { insert( y ) } );"))
        .containsExactly(
            "insert | the fact handle that insert(...)",
            "insert | the fact handle that insert(...)",
            "insert | the fact handle that insert(...)",
            "insert | the fact handle that insert(...)",
            "insert | the fact handle that insert(...)",
            "insert | the fact handle that insert(...)",
            "insert | the fact handle that insert(...)");
    assertThat(refused("then { insert( x ); } if ( a ) { insert( y ); }")).isEmpty();
    assertThat(refused("then[other] insert( x ); while ( a ) insert( y ); else insert( z );"))
        .isEmpty();
  }

  @Test
  void annotationNamesAreNotJudgedButTheirArgumentsAre() {
    assertThat(refused("@java.lang.Deprecated @Role(Type.EVENT) @ref(\"Firm\")"))
        .containsExactly("Type | Type");
    assertThat(refused("@thesis( System.getenv( \"X\" ) )"))
        .containsExactly("System | java.lang.System");
  }

  @Test
  void exemptTokensAreTheCallersToPlace() {
    CodeTokens.Lexed l = CodeTokens.lex("rule MyRule when then end");
    BitSet name = new BitSet();
    name.set(1);
    assertThat(CodeScanner.scan(l.tokens(), 0, l.tokens().size(), name, ALLOW)).isEmpty();
    assertThat(CodeScanner.scan(l.tokens(), 0, l.tokens().size(), new BitSet(), ALLOW)).hasSize(1);
  }
}
