package backproplab.grader.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class-data archive of a tiny program: what it holds, that a JVM uses it, and that a stale or broken one is never
 * trusted and never breaks the JVM.
 */
@DisplayName("Class-data archives")
class ClassDataArchiveTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path temp;

    private Path jar;
    private Path folder;
    private Path archives;

    @BeforeEach
    void program() throws IOException {
        jar = jar("Hello", "public class Hello { public static void main(String[] a) { System.out.println(\"hello \" + Fresh.word()); } }",
                "Fresh", "public class Fresh { static String word() { return \"from the jar\"; } }");
        folder = temp.resolve("folder");
        compile(folder, "InFolder", "public class InFolder { public static void main(String[] a) { Hello.main(a); } }", jar);
        archives = temp.resolve("cds");
    }

    @Test
    @DisplayName("holds the jars at the head of the class path, is used by a JVM with its flags, and never a class folder's classes")
    void builtAndUsed() throws IOException {
        ClassDataArchive archive = ClassDataArchive.of("hello", archives, JAVA, List.of(jar, folder));
        assertThat(archive.archivedPath()).as("archived path").containsExactly(jar.toAbsolutePath().normalize());
        assertThat(archive.exists()).isFalse();
        assertThat(archive.flags()).as("flags without an archive").isEmpty();

        String built = archive.build(flags -> assertThat(run(flags, List.of(jar, folder), "InFolder")).contains("hello from the jar"));

        assertThat(built).contains("built");
        assertThat(archive.exists()).isTrue();
        assertThat(archive.flags()).containsExactly("-XX:SharedArchiveFile=" + archive.file(), "-Xshare:auto");
        List<String> flags = new ArrayList<>(archive.flags());
        flags.add("-Xshare:on"); // fails unless the archive maps and fits the class path
        flags.add("-Xlog:class+load=info");
        String log = run(flags, List.of(jar, folder), "InFolder");
        assertThat(log).contains("hello from the jar")
                .containsPattern("(?m)^\\[.*\\] Hello source: shared objects file")
                .containsPattern("(?m)^\\[.*\\] Fresh source: shared objects file")
                .containsPattern("(?m)^\\[.*\\] InFolder source: file:");
        assertThat(archive.build(f -> {
            throw new AssertionError("an existing archive is not built again");
        })).contains("exists");
    }

    @Test
    @DisplayName("a rebuilt jar gets another archive name, and the old archive with the new jar is ignored by the JVM, silently")
    void staleArchiveIsNotFoundAndHarmless() throws IOException {
        ClassDataArchive old = ClassDataArchive.of("hello", archives, JAVA, List.of(jar));
        old.build(flags -> run(flags, List.of(jar), "Hello"));
        assertThat(old.exists()).isTrue();

        jar("Hello", "public class Hello { public static void main(String[] a) { System.out.println(\"hello \" + Fresh.word()); } }",
                "Fresh", "public class Fresh { static String word() { return \"from the rebuilt jar\"; } }");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        ClassDataArchive fresh = ClassDataArchive.of("hello", archives, JAVA, List.of(jar));

        assertThat(fresh.file()).as("the rebuilt jar's archive").isNotEqualTo(old.file());
        assertThat(fresh.exists()).isFalse();
        assertThat(fresh.flags()).isEmpty();
        // Even forced onto the JVM, the stale archive does no harm: -Xshare:auto ignores it and says nothing.
        assertThat(run(List.of("-XX:SharedArchiveFile=" + old.file(), "-Xshare:auto"), List.of(jar), "Hello"))
                .isEqualTo("hello from the rebuilt jar\n");
    }

    @Test
    @DisplayName("a broken archive file makes the JVM run without it, with no message; one too small to be an archive is not used at all")
    void brokenArchiveIsIgnored() throws IOException {
        ClassDataArchive archive = ClassDataArchive.of("hello", archives, JAVA, List.of(jar));
        Files.createDirectories(archives);
        Files.write(archive.file(), "not an archive".getBytes(StandardCharsets.UTF_8));
        assertThat(archive.exists()).as("a file shorter than an archive's header").isFalse();
        assertThat(archive.flags()).isEmpty();
        assertThat(run(List.of("-XX:SharedArchiveFile=" + archive.file(), "-Xshare:auto"), List.of(jar), "Hello"))
                .isEqualTo("hello from the jar\n");
        byte[] garbage = new byte[2 << 20];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(archive.file(), garbage);
        assertThat(archive.exists()).isTrue();
        assertThat(run(archive.flags(), List.of(jar), "Hello")).isEqualTo("hello from the jar\n");
    }

    @Test
    @DisplayName("a class path that starts with a class folder has nothing to archive")
    void folderFirst() throws IOException {
        ClassDataArchive archive = ClassDataArchive.of("hello", archives, JAVA, List.of(folder, jar));
        assertThat(archive.archivedPath()).isEmpty();
        assertThat(archive.build(flags -> {
            throw new AssertionError("no training without an archived path");
        })).contains("nothing to archive");
        assertThat(archive.exists()).isFalse();
        assertThat(archive.flags()).isEmpty();
    }

    /** Compiles the classes (name, source pairs) and packs them into temp/hello.jar. */
    private Path jar(String... namesAndSources) throws IOException {
        Path classes = Files.createTempDirectory(temp, "jar-classes");
        for (int i = 0; i < namesAndSources.length; i += 2) {
            Files.writeString(classes.resolve(namesAndSources[i] + ".java"), namesAndSources[i + 1]);
        }
        compileAll(classes, null);
        Path file = temp.resolve("hello.jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (int i = 0; i < namesAndSources.length; i += 2) {
                jarOut.putNextEntry(new JarEntry(namesAndSources[i] + ".class"));
                jarOut.write(Files.readAllBytes(classes.resolve(namesAndSources[i] + ".class")));
                jarOut.closeEntry();
            }
        }
        return file;
    }

    private static void compile(Path dir, String name, String source, Path classpath) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".java"), source);
        compileAll(dir, classpath);
        Files.delete(dir.resolve(name + ".java"));
    }

    private static void compileAll(Path dir, Path classpath) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", dir.toString()));
        if (classpath != null) {
            args.addAll(List.of("-cp", classpath.toString()));
        }
        try (var sources = Files.list(dir)) {
            sources.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
    }

    /** Runs main of {@code mainClass} with the flags; returns what it printed (stdout and stderr). */
    private String run(List<String> flags, List<Path> classpath, String mainClass) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-Xshare:auto"));
        command.addAll(flags);
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                mainClass));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit code of %s; output:%n%s", command, output).isZero();
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
