package dev.thesis.safemode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What safe mode lets rules name: the types declared in the rule files, a short list of JDK value
 * types and collections, and the engine's own helpers; and what it refuses by name, with the reason
 * shown to the rule's author. Names are judged as written: a rule can only reach a class by naming
 * it (imported, qualified, or from {@code java.lang}), and a member only by its name.
 */
final class Allowlist {
  /** Why something is refused, in the author's words. */
  enum Reason {
    PROCESS("it runs operating-system processes"),
    SYSTEM(
        "it reaches the JVM and its environment: exit, system properties, environment variables, native libraries"),
    THREADS("it runs code outside the engine's control: threads, timers, executors"),
    REFLECTION("it reaches reflection or class loading, through which any class can be used"),
    FILES("it reads or writes files"),
    NETWORK("it opens network connections"),
    SCRIPTING("it runs code given as text or found by name: scripting, JNDI, compilers"),
    ENGINE("it reaches the engine's session and knowledge base"),
    UNLISTED("it is neither declared in the rule files nor on the safe-mode allowlist of types");

    final String why;

    Reason(String why) {
      this.why = why;
    }
  }

  /** Allowed JDK types: simple name to class. */
  private static final Map<String, String> TYPES = new HashMap<>();

  static {
    allow(
        "java.lang",
        "Object",
        "String",
        "CharSequence",
        "StringBuilder",
        "StringBuffer",
        "Integer",
        "Long",
        "Double",
        "Float",
        "Short",
        "Byte",
        "Boolean",
        "Character",
        "Number",
        "Math",
        "StrictMath",
        "Comparable",
        "Iterable",
        "Void",
        "Exception",
        "RuntimeException",
        "IllegalArgumentException",
        "IllegalStateException",
        "UnsupportedOperationException",
        "ArithmeticException",
        "NumberFormatException",
        "NullPointerException",
        "IndexOutOfBoundsException");
    allow(
        "java.util",
        "List",
        "ArrayList",
        "LinkedList",
        "Set",
        "HashSet",
        "LinkedHashSet",
        "TreeSet",
        "SortedSet",
        "NavigableSet",
        "Map",
        "HashMap",
        "LinkedHashMap",
        "TreeMap",
        "SortedMap",
        "NavigableMap",
        "EnumMap",
        "EnumSet",
        "Collection",
        "Collections",
        "Arrays",
        "Objects",
        "Optional",
        "OptionalInt",
        "OptionalLong",
        "OptionalDouble",
        "Iterator",
        "ListIterator",
        "Comparator",
        "Queue",
        "Deque",
        "ArrayDeque",
        "PriorityQueue",
        "StringJoiner",
        "UUID",
        "Locale",
        "BitSet",
        "NoSuchElementException",
        "IntSummaryStatistics",
        "LongSummaryStatistics",
        "DoubleSummaryStatistics",
        "AbstractMap",
        // Plain values and collections the Drools examples use; none reaches files, threads,
        // classes or the network (Formatter, Scanner, Properties, Timer, ServiceLoader and
        // ResourceBundle, which can, stay out).
        "AbstractList",
        "AbstractSet",
        "AbstractCollection",
        "AbstractQueue",
        "Date",
        "Calendar",
        "GregorianCalendar",
        "TimeZone",
        "SimpleTimeZone",
        "Currency",
        "Random",
        "SplittableRandom",
        "Vector",
        "Stack",
        "Hashtable",
        "Dictionary",
        "Enumeration",
        "IdentityHashMap",
        "WeakHashMap",
        "StringTokenizer",
        "Spliterator",
        "Spliterators",
        "ConcurrentModificationException",
        "IllegalFormatException",
        "MissingResourceException");
    allow(
        "java.util.function",
        "Function",
        "BiFunction",
        "Predicate",
        "BiPredicate",
        "Supplier",
        "Consumer",
        "BiConsumer",
        "UnaryOperator",
        "BinaryOperator",
        "ToIntFunction",
        "ToLongFunction",
        "ToDoubleFunction");
    allow("java.util.stream", "Stream", "IntStream", "LongStream", "DoubleStream", "Collectors");
    allow("java.math", "BigDecimal", "BigInteger", "RoundingMode", "MathContext");
    allow(
        "java.time",
        "LocalDate",
        "LocalTime",
        "LocalDateTime",
        "Instant",
        "Duration",
        "Period",
        "ZonedDateTime",
        "OffsetDateTime",
        "OffsetTime",
        "ZoneId",
        "ZoneOffset",
        "DayOfWeek",
        "Month",
        "MonthDay",
        "Year",
        "YearMonth");
    allow("java.time.temporal", "ChronoUnit", "ChronoField", "TemporalAdjusters");
    allow("java.time.format", "DateTimeFormatter", "DateTimeParseException");
  }

  /**
   * Packages whose classes may be imported with {@code .*}: a simple name is still judged by
   * itself.
   */
  static final Set<String> WILDCARD_PACKAGES =
      Set.of(
          "java.lang",
          "java.util",
          "java.util.function",
          "java.util.stream",
          "java.math",
          "java.time",
          "java.time.temporal",
          "java.time.format");

  /**
   * Refused types that people reach for, with the reason; any other unlisted type is refused too.
   */
  private static final Map<String, Refused> REFUSED_TYPES = new HashMap<>();

  /** A refused type: its class (or null when the name alone is refused) and why. */
  record Refused(String className, Reason reason) {}

  static {
    refuse(Reason.PROCESS, "java.lang", "Runtime", "ProcessBuilder", "Process", "ProcessHandle");
    refuse(
        Reason.SYSTEM,
        "java.lang",
        "System",
        "SecurityManager",
        "StackWalker",
        "Module",
        "ModuleLayer",
        "Package",
        "Shutdown");
    refuse(
        Reason.THREADS,
        "java.lang",
        "Thread",
        "ThreadGroup",
        "ThreadLocal",
        "InheritableThreadLocal",
        "Runnable");
    refuse(Reason.THREADS, "java.util", "Timer", "TimerTask");
    refuse(
        Reason.THREADS,
        "java.util.concurrent",
        "Executors",
        "ExecutorService",
        "CompletableFuture",
        "ForkJoinPool",
        "ThreadPoolExecutor",
        "ScheduledExecutorService");
    refuse(Reason.REFLECTION, "java.lang", "Class", "ClassLoader", "ClassValue");
    refuse(
        Reason.REFLECTION,
        "java.lang.reflect",
        "Method",
        "Field",
        "Constructor",
        "Proxy",
        "Array",
        "AccessibleObject",
        "InvocationHandler");
    refuse(
        Reason.REFLECTION,
        "java.lang.invoke",
        "MethodHandles",
        "MethodHandle",
        "VarHandle",
        "LambdaMetafactory");
    refuse(Reason.REFLECTION, "sun.misc", "Unsafe");
    refuse(Reason.REFLECTION, "java.net", "URLClassLoader");
    refuse(
        Reason.FILES,
        "java.io",
        "File",
        "FileInputStream",
        "FileOutputStream",
        "FileReader",
        "FileWriter",
        "RandomAccessFile",
        "PrintStream",
        "PrintWriter",
        "InputStream",
        "OutputStream",
        "Reader",
        "Writer",
        "ObjectInputStream",
        "ObjectOutputStream",
        "Console");
    refuse(Reason.FILES, "java.nio.file", "Files", "Path", "Paths", "FileSystem", "FileSystems");
    refuse(Reason.FILES, "java.nio.channels", "Channels", "FileChannel");
    refuse(
        Reason.FILES,
        "java.util",
        "Scanner",
        "Properties",
        "Formatter",
        "ServiceLoader",
        "ResourceBundle");
    refuse(
        Reason.NETWORK,
        "java.net",
        "URL",
        "URI",
        "URLConnection",
        "HttpURLConnection",
        "Socket",
        "ServerSocket",
        "DatagramSocket",
        "InetAddress");
    refuse(Reason.NETWORK, "java.net.http", "HttpClient");
    refuse(Reason.SCRIPTING, "javax.script", "ScriptEngineManager", "ScriptEngine");
    refuse(Reason.SCRIPTING, "javax.naming", "InitialContext", "Context");
    refuse(Reason.SCRIPTING, "javax.tools", "ToolProvider", "JavaCompiler");
    refuse(Reason.SCRIPTING, "java.lang", "Compiler");
    refuse(Reason.SCRIPTING, "org.mvel2", "MVEL");
    refuse(Reason.ENGINE, "org.kie.api", "KieServices");
    refuse(
        Reason.ENGINE,
        "org.kie.api.runtime",
        "KieSession",
        "KieContainer",
        "KieRuntime",
        "StatelessKieSession");
    refuse(Reason.ENGINE, "org.kie.api", "KieBase");
    refuse(Reason.ENGINE, "org.drools.core.rule.consequence", "KnowledgeHelper");
    refuse(
        Reason.ENGINE,
        "org.kie.api.runtime.rule",
        "RuleContext",
        "FactHandle",
        "Match",
        "EntryPoint");
    refuse(Reason.ENGINE, "org.kie.api.runtime", "Channel");
  }

  /**
   * Members refused on any receiver (and as a bare call): method names first, the MVEL property
   * form of a getter where it matters too ({@code $x.class} is {@code $x.getClass()} in MVEL).
   */
  private static final Map<String, Reason> REFUSED_CALLS = new HashMap<>();

  private static final Map<String, Reason> REFUSED_PROPERTIES = new HashMap<>();

  static {
    calls(Reason.PROCESS, "exec", "getRuntime", "start", "startPipeline");
    calls(
        Reason.SYSTEM,
        "exit",
        "halt",
        "load",
        "loadLibrary",
        "mapLibraryName",
        "getenv",
        "setProperty",
        "clearProperty",
        "getProperties",
        "setProperties",
        "setSecurityManager",
        "getSecurityManager",
        "setIn",
        "setOut",
        "setErr",
        "getInteger",
        "getLong",
        "getBoolean",
        "runFinalization",
        "addShutdownHook",
        "removeShutdownHook",
        "setDefault");
    calls(
        Reason.THREADS,
        "parallel",
        "parallelStream",
        // Arrays' parallel helpers run the rule's lambda on common-pool threads.
        "parallelSetAll",
        "parallelSort",
        "parallelPrefix");
    calls(
        Reason.REFLECTION,
        "getClass",
        "forName",
        "getMethod",
        "getMethods",
        "getDeclaredMethod",
        "getDeclaredMethods",
        "getField",
        "getFields",
        "getDeclaredField",
        "getDeclaredFields",
        "getConstructor",
        "getConstructors",
        "getDeclaredConstructor",
        "getDeclaredConstructors",
        "getRecordComponents",
        "invoke",
        "invokeExact",
        "invokeWithArguments",
        "newInstance",
        "setAccessible",
        "trySetAccessible",
        "getDeclaringClass",
        "getEnclosingClass",
        "getEnclosingMethod",
        "getEnclosingConstructor",
        "getSuperclass",
        "getInterfaces",
        "getNestHost",
        "getComponentType",
        "getDeclaredClasses",
        "getClasses",
        "getModule",
        "getPackage",
        "getProtectionDomain",
        "lookup",
        "privateLookupIn",
        "publicLookup",
        "loadClass",
        "defineClass",
        "findClass",
        "getCallerClass",
        "findStatic",
        "findVirtual",
        "findConstructor",
        "unreflect",
        "newProxyInstance",
        "addOpens",
        "addExports",
        // Generic type metadata and annotations hand out Class and Type objects; a method type
        // built from a descriptor loads any class by name (the security review's way to MVEL).
        "getGenericInterfaces",
        "getGenericSuperclass",
        "getPermittedSubclasses",
        "getNestMembers",
        "getActualTypeArguments",
        "getRawType",
        "getAnnotations",
        "annotationType",
        "fromMethodDescriptorString",
        "parameterArray",
        "parameterType",
        "returnType");
    calls(
        Reason.FILES,
        "getResource",
        "getResources",
        "getResourceAsStream",
        "getSystemResource",
        "getSystemResources",
        "getSystemResourceAsStream",
        "getFile",
        "toFile",
        "toPath",
        "getFileSystem",
        "provider",
        "getInputStream",
        "getOutputStream",
        "openStream");
    calls(Reason.NETWORK, "openConnection");
    // MVEL's entry points run a string as code, unscanned, whatever the receiver is called.
    // ("eval" stays allowed by name: it is also DRL's own conditional element, eval( ... ); the
    // class it would be called on, org.mvel2.MVEL, is refused, and so is the descriptor lookup
    // that loaded it in the review.)
    calls(Reason.SCRIPTING, "executeExpression");
    calls(
        Reason.ENGINE,
        "getKieRuntime",
        "getWorkingMemory",
        "getKnowledgeRuntime",
        "getKieBase",
        "getKnowledgeBase",
        "getKieSession",
        "getKieContainer",
        "getSession",
        "getEntryPoint",
        "getEntryPoints",
        "getChannels",
        "registerChannel",
        "getReteEvaluator",
        "getInternalWorkingMemory",
        "getFactHandle",
        "getFactHandles",
        "getTuple",
        "getPropagationContext",
        "getAgenda",
        "getGlobals",
        "setGlobal",
        "getContext",
        "getKieServices");
    properties(
        Reason.REFLECTION,
        "class",
        "classLoader",
        "contextClassLoader",
        "systemClassLoader",
        "declaringClass",
        "enclosingClass",
        "superclass",
        "interfaces",
        "module",
        "protectionDomain",
        "methods",
        "declaredMethods",
        "fields",
        "declaredFields",
        "constructors",
        "declaredConstructors",
        "declaredClasses",
        "recordComponents");
    properties(
        Reason.FILES,
        "resource",
        "resources",
        "resourceAsStream",
        "file",
        "fileSystem",
        "inputStream",
        "outputStream");
    properties(
        Reason.ENGINE,
        "kieRuntime",
        "workingMemory",
        "knowledgeRuntime",
        "kieBase",
        "knowledgeBase",
        "kieSession",
        "kieContainer",
        "session",
        "entryPoint",
        "entryPoints",
        "channels",
        "reteEvaluator",
        "internalWorkingMemory",
        "factHandle",
        "factHandles",
        "tuple",
        "propagationContext",
        "agenda",
        "globals");
  }

  /**
   * What rules may call on {@code drools} and {@code kcontext}. setFocus moves the agenda to a
   * group of the same rules: ruleflow written elsewhere uses it, and it reaches nothing else.
   */
  static final Set<String> ENGINE_HELPERS =
      Set.of(
          "insert",
          "insertLogical",
          "update",
          "delete",
          "retract",
          "getRule",
          "getMatch",
          "setFocus");

  /**
   * What may follow {@code drools.getRule()} (the rule's implementation reaches the whole engine).
   */
  static final Set<String> RULE_MEMBERS =
      Set.of("getName", "getPackageName", "getMetaData", "getId");

  /** What may follow {@code drools.getMatch()}. */
  static final Set<String> MATCH_MEMBERS =
      Set.of("getObjects", "getDeclarationIds", "getDeclarationValue", "getRule");

  /**
   * Package roots that are only ever packages: a name written under one is a qualified class name
   * even without a capitalized part.
   */
  static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jakarta", "jdk", "sun");

  /**
   * The JDK's package roots: a rule file may never take one of their names, since its unqualified
   * names would then find the JDK's classes. Other packages are refused only when this program's
   * class path has them ({@link #allowsPackage}).
   */
  private static final List<String> JDK_PACKAGES =
      List.of(
          "java",
          "javax",
          "jakarta",
          "jdk",
          "sun",
          "com.sun",
          "netscape",
          "org.jcp",
          "org.graalvm",
          "org.w3c",
          "org.xml",
          "org.ietf");

  /**
   * The package roots of the libraries this program runs with. A package under one is refused when
   * the class path has it ({@link #allowsPackage}); asking only under these roots keeps resource
   * folders, which have no classes, from counting as packages.
   */
  private static final List<String> LIBRARY_ROOTS =
      List.of(
          "org.drools",
          "org.kie",
          "org.mvel2",
          "org.antlr",
          "org.eclipse",
          "org.slf4j",
          "org.apache",
          "org.jspecify",
          "org.apiguardian",
          "org.xmlpull",
          "org.junit",
          "org.assertj",
          "org.opentest4j",
          "com.fasterxml",
          "com.google",
          "com.thoughtworks",
          "net.bytebuddy",
          "io.github",
          "xmlpull",
          "picocli",
          "gg.jte",
          "dev.thesis");

  /** Per qualified name, whether the JDK has that class (asked once per name). */
  private static final Map<String, Boolean> JDK_CLASSES = new ConcurrentHashMap<>();

  private static void allow(String pkg, String... names) {
    for (String n : names) {
      TYPES.put(n, pkg.concat(".").concat(n));
    }
  }

  private static void refuse(Reason reason, String pkg, String... names) {
    for (String n : names) {
      REFUSED_TYPES.put(n, new Refused(pkg.concat(".").concat(n), reason));
    }
  }

  private static void calls(Reason reason, String... names) {
    for (String n : names) {
      REFUSED_CALLS.put(n, reason);
    }
  }

  private static void properties(Reason reason, String... names) {
    for (String n : names) {
      REFUSED_PROPERTIES.put(n, reason);
    }
  }

  private final Map<String, Set<String>> declaredTypes; // simple name -> packages
  private final Set<String> declaredNames;
  private final Set<String> drlPackages;
  private final Set<String> queries;

  /**
   * @param declaredTypes types declared in the rule files: simple name to the packages declaring it
   * @param declaredNames other names the rule files define and use like types: enum constants,
   *     functions, windows, entry points, queries
   * @param drlPackages the rule files' packages
   */
  Allowlist(
      Map<String, Set<String>> declaredTypes, Set<String> declaredNames, Set<String> drlPackages) {
    this(declaredTypes, declaredNames, drlPackages, Set.of());
  }

  /**
   * @param queries the names of the queries the rule files declare, whatever they look like: a call
   *     of one in a rule's conditions takes only variables and literals
   */
  Allowlist(
      Map<String, Set<String>> declaredTypes,
      Set<String> declaredNames,
      Set<String> drlPackages,
      Set<String> queries) {
    this.declaredTypes = Map.copyOf(declaredTypes);
    this.declaredNames = Set.copyOf(declaredNames);
    this.drlPackages = Set.copyOf(drlPackages);
    this.queries = Set.copyOf(queries);
  }

  /** Whether a simple, capitalized name is a type (allowed from the JDK, or declared). */
  boolean isType(String simple) {
    return TYPES.containsKey(simple) || declaredTypes.containsKey(simple);
  }

  /** Whether a name is declared by the rule files as something other than a type. */
  boolean isDeclaredName(String simple) {
    return declaredNames.contains(simple);
  }

  /** Whether the rule files declare a query of this name. */
  boolean isQuery(String name) {
    return queries.contains(name);
  }

  /** Whether a simple, capitalized name may be used (as a type, a static receiver, a constant). */
  boolean allowsName(String simple) {
    return TYPES.containsKey(simple)
        || declaredTypes.containsKey(simple)
        || declaredNames.contains(simple);
  }

  /** Whether a qualified class name may be used or imported ({@code java.util.Map.Entry} too). */
  boolean allowsClass(String qualified) {
    if (TYPES.containsValue(qualified)) {
      return true;
    }
    int dot = qualified.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String pkg = qualified.substring(0, dot);
    String simple = qualified.substring(dot + 1);
    if (declaredTypes.getOrDefault(simple, Set.of()).contains(pkg)) {
      return true;
    }
    // A member class of an allowed class (Map.Entry, AbstractMap.SimpleEntry).
    return TYPES.containsValue(pkg) && Character.isUpperCase(simple.charAt(0));
  }

  /** The package of an allowed JDK type, or null. */
  static String jdkPackage(String simple) {
    return TYPES.get(simple);
  }

  /** Whether {@code pkg.*} may be imported. */
  boolean allowsWildcard(String pkg) {
    return WILDCARD_PACKAGES.contains(pkg) || drlPackages.contains(pkg);
  }

  /**
   * The allowed name closest to a refused one, when it is probably a misspelling of it (as close as
   * {@link dev.thesis.diag.Nearest#allowedEdits} says): an unknown type is more often a typo than
   * an attack.
   */
  Optional<String> nearest(String name) {
    List<String> candidates = new java.util.ArrayList<>(declaredTypes.keySet());
    candidates.addAll(declaredNames);
    candidates.addAll(TYPES.keySet());
    // Close spellings only: a name that merely contains the typed one (RuntimeException for
    // Runtime) is another type, not a typo.
    int edits = dev.thesis.diag.Nearest.allowedEdits(name.length());
    return dev.thesis.diag.Nearest.of(name, candidates, 3).stream()
        .filter(c -> Math.abs(c.length() - name.length()) <= edits)
        .findFirst();
  }

  /** Why a simple type name is refused (a known dangerous type, or simply unlisted). */
  static Refused refusal(String simple) {
    Refused r = REFUSED_TYPES.get(simple);
    return r != null ? r : new Refused(null, Reason.UNLISTED);
  }

  /** Why a qualified class name is refused, from the class or its package. */
  static Reason refusalOfClass(String qualified) {
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    Refused r = REFUSED_TYPES.get(simple);
    if (r != null && r.className().equals(qualified)) {
      return r.reason();
    }
    return refusalOfPackage(qualified);
  }

  /** The reason a whole package is refused, from its name; UNLISTED when nothing more is known. */
  static Reason refusalOfPackage(String name) {
    if (name.startsWith("java.io") || name.startsWith("java.nio")) {
      return Reason.FILES;
    }
    if (name.startsWith("java.net")) {
      return Reason.NETWORK;
    }
    if (name.startsWith("java.lang.reflect")
        || name.startsWith("java.lang.invoke")
        || name.startsWith("sun.")
        || name.startsWith("jdk.internal")) {
      return Reason.REFLECTION;
    }
    if (name.startsWith("javax.script")
        || name.startsWith("javax.naming")
        || name.startsWith("javax.tools")) {
      return Reason.SCRIPTING;
    }
    if (name.startsWith("java.util.concurrent")) {
      return Reason.THREADS;
    }
    if (name.startsWith("org.kie") || name.startsWith("org.drools")) {
      return Reason.ENGINE;
    }
    return Reason.UNLISTED;
  }

  /**
   * Why a member name is refused when called ({@code x.exec(...)}, {@code exec(...)}, {@code
   * X::exec}).
   */
  static Reason refusedCall(String name) {
    Reason r = REFUSED_CALLS.get(name);
    if (r == null && mentionsClassLoader(name)) {
      return Reason.REFLECTION; // getRootClassLoader, getProjectClassLoader, ...
    }
    return r;
  }

  /**
   * Whether a name contains "classloader" in any case (without making a lower-case copy of every
   * name).
   */
  private static boolean mentionsClassLoader(String name) {
    for (int i = 0; i + 11 <= name.length(); i++) {
      if (name.regionMatches(true, i, "classloader", 0, 11)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why a member name is refused when read as a property ({@code $x.class}, {@code
   * drools.kieRuntime}).
   */
  static Reason refusedProperty(String name) {
    Reason r = REFUSED_PROPERTIES.get(name);
    if (r == null && (name.startsWith("get") || mentionsClassLoader(name))) {
      return refusedCall(name); // x.getClass without parentheses, x.rootClassLoader
    }
    return r;
  }

  /**
   * Why a member read without parentheses ({@code x.name}) is refused: MVEL calls a method of that
   * name with no arguments, or its getter ({@code getName()}, {@code isName()}), so it is judged as
   * those calls, besides the properties refused by name.
   */
  static Reason refusedMember(String name) {
    Reason r = refusedProperty(name);
    if (r == null) {
      r = refusedCall(name);
    }
    if (r == null && !name.isEmpty()) {
      String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      r = refusedCall("get".concat(cap));
      if (r == null) {
        r = refusedCall("is".concat(cap));
      }
    }
    return r;
  }

  /**
   * Whether a rule file may be in this package: not a JDK package, nor one that exists on this
   * program's class path (its unqualified names would find that package's classes). A package
   * merely under a library's root, such as the Drools examples' {@code org.drools.examples}, is
   * allowed: refusing every name under org.drools or org.apache refused most real DRL.
   */
  static boolean allowsPackage(String name) {
    for (String p : JDK_PACKAGES) {
      if (name.equals(p) || name.startsWith(p + ".")) {
        return false;
      }
    }
    for (String p : LIBRARY_ROOTS) {
      if (name.equals(p) || name.startsWith(p + ".")) {
        // The package's folder, as a resource: nothing is loaded or initialized.
        ClassLoader loader = Allowlist.class.getClassLoader();
        return loader != null && loader.getResource(name.replace('.', '/').concat("/")) == null;
      }
    }
    return true;
  }

  /**
   * The JDK class, in one of {@code packages}, that a name declared in a rule file would be taken
   * for, unless that class is allowed anyway: Drools reads {@code declare Thread ... end} as
   * metadata for java.lang.Thread (and, in a file importing java.util.*, {@code declare Timer} for
   * java.util.Timer).
   */
  static Optional<String> shadowedJdkClass(String simple, Set<String> packages) {
    if (TYPES.containsKey(simple)) {
      return Optional.empty();
    }
    for (String pkg : packages) {
      String name = pkg.concat(".").concat(simple);
      Boolean known = JDK_CLASSES.get(name);
      if (known == null) {
        known = isJdkClass(name);
        JDK_CLASSES.put(name, known);
      }
      if (known) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static boolean isJdkClass(String name) {
    // Asks only whether the class file exists: nothing is loaded or initialized.
    return ClassLoader.getPlatformClassLoader().getResource(name.replace('.', '/').concat(".class"))
        != null;
  }
}
