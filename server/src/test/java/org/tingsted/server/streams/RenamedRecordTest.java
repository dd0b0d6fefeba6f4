package org.tingsted.server.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tingsted.server.journal.JournalRow;

/**
 * The record outlives the code (issue 10): what Tingsted stores and sends does not depend on
 * what its Java types are called. This test renames two event records of the model, as an IDE
 * would, in a scratch copy of the server's sources ({@code TableEvent.Proposed} becomes {@code
 * Suggested}, {@code SessionEvent.Announced} becomes {@code Proclaimed}), compiles the copy, and
 * in that code reads every row of the committed journal fixture ({@link JournalFixtureTest}) into
 * the model and writes it again: each row must come out as it was stored, and each event frame
 * must carry its row's kind and data. If a name on the wire or on disk were derived from a type
 * name, this fails.
 */
@DisplayName("A model record renamed in the code")
class RenamedRecordTest {

  private static final Path MAIN_SOURCES = Path.of("src", "main", "java");
  private static final String MODEL = "org.tingsted.server.deliberation.";

  /** An event record renamed: {@code family.from} becomes {@code family.to}; its kind is {@code wire}. */
  private record Rename(String family, String from, String to, String wire) {

    String before() {
      return MODEL + family + "$" + from;
    }

    String after() {
      return MODEL + family + "$" + to;
    }
  }

  private static final List<Rename> RENAMES = List.of(
      new Rename("TableEvent", "Proposed", "Suggested", "proposed"),
      new Rename("SessionEvent", "Announced", "Proclaimed", "announced"));

  /**
   * Compiled with the scratch copy: reads rows into the renamed model and writes them again, and
   * makes events of the renamed records by their new names (which only compiles if the rename
   * happened).
   */
  private static final String REWRITE = """
      package org.tingsted.server.streams;

      import java.util.ArrayList;
      import java.util.List;
      import org.tingsted.server.deliberation.SessionEvent;
      import org.tingsted.server.deliberation.TableEvent;
      import org.tingsted.server.gateway.ScratchFrames;
      import org.tingsted.server.journal.JournalRow;

      public final class ScratchRewrite {

        /** For each row: the row written again, the class of its event, and its event frame. */
        public static List<String[]> rewrite(List<String> lines) throws Exception {
          List<String[]> out = new ArrayList<>();
          for (String line : lines) {
            JournalRow row = ModelJson.mapper().readValue(line, JournalRow.class);
            StreamEvent event = JournalCodec.event(row);
            out.add(new String[] {
                ModelJson.mapper().writeValueAsString(JournalCodec.row(event, row.commandId())),
                event.event().getClass().getName(),
                ScratchFrames.frame(event)});
          }
          return out;
        }

        /** The wire names of new events of the renamed records. */
        public static List<String> kinds() {
          return List.of(
              ModelJson.kindOf(new TableEvent.Suggested("p9", "m1", "Title", "Text")),
              ModelJson.kindOf(new SessionEvent.Proclaimed("an9", "Text", List.of(), 0L)));
        }
      }
      """;

  /** The event frame exactly as the gateway writes it to a socket. */
  private static final String FRAMES = """
      package org.tingsted.server.gateway;

      import org.tingsted.server.streams.StreamEvent;

      public final class ScratchFrames {

        public static String frame(StreamEvent event) {
          return new Frames().event(event, event.event());
        }
      }
      """;

  @TempDir
  static Path scratch;

  private static ScratchLoader loader;

  @BeforeAll
  static void renameAndCompile() throws IOException {
    Path sources = scratch.resolve("src");
    List<Path> files = new ArrayList<>();
    List<Path> changed = new ArrayList<>();
    List<Path> originals;
    try (Stream<Path> walk = Files.walk(MAIN_SOURCES)) {
      originals = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Rename rename : RENAMES) {
      assertThat(originals.stream().mapToInt(p -> declarations(read(p), rename.from())).sum())
          .as("types called %s in the server (more than one and the rename would be ambiguous)", rename.from())
          .isEqualTo(1);
      assertThat(originals.stream().filter(p -> identifiers(read(p)).stream().anyMatch(i -> i.name().equals(rename.to()))))
          .as("sources that already use the name %s", rename.to()).isEmpty();
    }
    for (Path original : originals) {
      String text = read(original);
      String renamed = text;
      for (Rename rename : RENAMES) {
        renamed = rename(renamed, rename.from(), rename.to());
      }
      if (!renamed.equals(text)) {
        changed.add(MAIN_SOURCES.relativize(original));
      }
      files.add(write(sources.resolve(MAIN_SOURCES.relativize(original).toString()), renamed));
    }
    assertThat(changed).as("the sources the rename changed").contains(
        Path.of("org", "tingsted", "server", "deliberation", "TableEvent.java"),
        Path.of("org", "tingsted", "server", "deliberation", "SessionEvent.java"),
        Path.of("org", "tingsted", "server", "streams", "EventKinds.java"));
    files.add(write(sources.resolve(Path.of("org", "tingsted", "server", "streams", "ScratchRewrite.java")), REWRITE));
    files.add(write(sources.resolve(Path.of("org", "tingsted", "server", "gateway", "ScratchFrames.java")), FRAMES));

    Path classes = Files.createDirectories(scratch.resolve("classes"));
    compile(files, classes);
    loader = new ScratchLoader(classes);
  }

  @AfterAll
  static void closeLoader() throws IOException {
    if (loader != null) {
      loader.close();
    }
  }

  @Test
  @DisplayName("the scratch code really has the new names and no longer the old ones")
  void theRenameHappened() throws Exception {
    for (Rename rename : RENAMES) {
      Class<?> renamed = loader.loadClass(rename.after());
      assertThat(renamed.getClassLoader()).as("the loader of %s", rename.to()).isSameAs(loader);
      assertThat(renamed.isRecord()).isTrue();
      assertThatThrownBy(() -> loader.loadClass(rename.before())).isInstanceOf(ClassNotFoundException.class);
      Class<?> family = loader.loadClass(MODEL + rename.family());
      assertThat(Arrays.stream(family.getPermittedSubclasses()).map(Class::getSimpleName))
          .as("the records of %s", rename.family()).contains(rename.to()).doesNotContain(rename.from());
      assertThat(Class.forName(rename.before())).as("the real %s, untouched", rename.from()).isNotNull();
    }
  }

  @Test
  @DisplayName("every journal row, read into the renamed model and written again, is the row as it was stored")
  void rowsOutliveTheRename() throws Exception {
    List<JournalRow> rows = JournalFixtureTest.rows();
    List<String> lines = Files.readAllLines(JournalFixture.DIR.resolve("day-1.jsonl"), StandardCharsets.UTF_8)
        .stream().filter(line -> !line.isBlank()).toList();
    @SuppressWarnings("unchecked")
    List<String[]> rewritten = (List<String[]>) call("org.tingsted.server.streams.ScratchRewrite", "rewrite", lines);

    assertThat(rewritten).hasSameSizeAs(rows);
    for (Rename rename : RENAMES) {
      assertThat(rows).as("rows of kind %s in the fixture", rename.wire()).anyMatch(r -> r.kind().equals(rename.wire()));
    }
    for (int i = 0; i < rows.size(); i++) {
      JournalRow row = rows.get(i);
      String where = row.stream() + "#" + row.seq();
      JournalRow again = ModelJson.mapper().readValue(rewritten.get(i)[0], JournalRow.class);
      for (Rename rename : RENAMES) {
        if (row.kind().equals(rename.wire())) {
          assertThat(rewritten.get(i)[1]).as("the record row %s was read into", where).isEqualTo(rename.after());
        }
      }
      assertThat(again.kind()).as("kind of %s", where).isEqualTo(row.kind());
      assertThat(again.version()).as("version of %s", where).isEqualTo(row.version());
      assertThat(ModelJson.mapper().readTree(again.data())).as("data of %s", where)
          .isEqualTo(ModelJson.mapper().readTree(row.data()));
      assertThat(new JournalRow(again.stream(), again.seq(), again.at(), again.by(), again.kind(), again.version(),
          row.data(), again.commandId())).as("row %s", where).isEqualTo(row);

      JsonNode frame = ModelJson.mapper().readTree(rewritten.get(i)[2]);
      assertThat(frame.path("type").asText()).isEqualTo("event");
      assertThat(frame.path("kind").asText()).as("kind of the event frame of %s", where).isEqualTo(row.kind());
      assertThat(frame.path("seq").asLong()).isEqualTo(row.seq());
      assertThat(frame.path("data")).as("data of the event frame of %s", where)
          .isEqualTo(ModelJson.mapper().readTree(row.data()));
    }
  }

  @Test
  @DisplayName("a new event of a renamed record goes on the wire under the kind's old name")
  void newEventsKeepTheirKind() throws Exception {
    assertThat(call("org.tingsted.server.streams.ScratchRewrite", "kinds", null))
        .isEqualTo(RENAMES.stream().map(Rename::wire).toList());
  }

  /** A static method of a scratch class, run with the scratch loader as the context loader. */
  private static Object call(String type, String method, List<String> argument) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Class<?> scratchClass = loader.loadClass(type);
      return argument == null
          ? scratchClass.getMethod(method).invoke(null)
          : scratchClass.getMethod(method, List.class).invoke(null, argument);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static void compile(List<Path> files, Path classes) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler).as("a JDK's compiler").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager fileManager =
             compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "17", "-parameters", "-proc:none", "-nowarn", "-Xlint:none",
          "-encoding", "UTF-8", "-d", classes.toString(), "-classpath", libraries());
      boolean compiled = compiler.getTask(output, fileManager, diagnostics, options, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
      assertThat(compiled).as("the renamed sources compile:%n%s%s", output, diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining(System.lineSeparator()))).isTrue();
    }
  }

  /**
   * The test's class path without the server's own classes, so that nothing the scratch sources
   * name can be found in the real code: the protocol module, Jackson, Vert.x and the rest.
   */
  private static String libraries() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank() && !holdsServerClasses(Path.of(entry)))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static boolean holdsServerClasses(Path entry) {
    if (Files.isDirectory(entry)) {
      return Files.isDirectory(entry.resolve(Path.of("org", "tingsted", "server")));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.getEntry("org/tingsted/server/") != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** An identifier in the code of a Java source, and where it starts. */
  private record Identifier(int start, String name) {

    int end() {
      return start + name.length();
    }
  }

  /**
   * The identifiers in the code of a Java source, outside its comments and its string, text
   * block and character literals: what an IDE's rename touches (it would also rename {@code
   * {@link}} references in Javadoc; the server's sources have none to these records).
   */
  static List<Identifier> identifiers(String source) {
    List<Identifier> identifiers = new ArrayList<>();
    int n = source.length();
    int i = 0;
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        int j = i + 3;
        while (j < n && !source.startsWith("\"\"\"", j)) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 3;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
          i++;
        }
        identifiers.add(new Identifier(start, source.substring(start, i)));
      } else if (Character.isDigit(c)) {
        while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
          i++;
        }
      } else {
        i++;
      }
    }
    return identifiers;
  }

  /** The source with every identifier {@code from} in its code called {@code to}. */
  static String rename(String source, String from, String to) {
    StringBuilder renamed = new StringBuilder(source.length());
    int copied = 0;
    for (Identifier identifier : identifiers(source)) {
      if (identifier.name().equals(from)) {
        renamed.append(source, copied, identifier.start()).append(to);
        copied = identifier.end();
      }
    }
    return renamed.append(source, copied, source.length()).toString();
  }

  /** How many types called {@code name} the source declares. */
  static int declarations(String source, String name) {
    List<Identifier> identifiers = identifiers(source);
    int count = 0;
    for (int k = 1; k < identifiers.size(); k++) {
      Identifier keyword = identifiers.get(k - 1);
      Identifier identifier = identifiers.get(k);
      if (identifier.name().equals(name)
          && List.of("class", "interface", "enum", "record").contains(keyword.name())
          && source.substring(keyword.end(), identifier.start()).isBlank()) {
        count++;
      }
    }
    return count;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * Child-first for the server's packages: their classes come from the scratch build only, never
   * from the real code on the class path; everything else (the protocol module, Jackson) is the
   * test's own.
   */
  private static final class ScratchLoader extends URLClassLoader {

    static {
      registerAsParallelCapable();
    }

    ScratchLoader(Path classes) throws MalformedURLException {
      super(new URL[] {classes.toUri().toURL()}, RenamedRecordTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("org.tingsted.server.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
