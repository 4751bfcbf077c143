package backproplab.grader.export;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.GraderCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The export's files and its leak scan, without building it (the build is {@code StudentExportIT}).
 */
@DisplayName("export-student writes a clean student repository and its scan catches planted leaks")
class StudentExportTest {

    @TempDir
    static Path temp;
    private static StudentExport.Result export;

    @BeforeAll
    static void exportOnce() throws IOException {
        export = new StudentExport(CourseRepo.root()).exportTo(temp.resolve("student"));
    }

    @Test
    @DisplayName("the export has the student modules, the wrapper, README, .gitignore and the workflow, and nothing of the instructor's")
    void layout() throws IOException {
        Path root = export.root();
        for (String path : List.of("pom.xml", "mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties", "README.md",
                ".gitignore", ".github/workflows/visible-tests.yml", "datasets/pom.xml",
                "datasets/src/main/java/backproplab/scoring/ScoringListener.java",
                "datasets/src/main/java/backproplab/runtime/Backend.java",
                "datasets/src/main/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener",
                "exercises/pom.xml", "exercises/docs/README.md",
                "exercises/src/main/java/backproplab/activations/Activations.java",
                "exercises/src/test/java/backproplab/activations/ActivationsTest.java")) {
            assertThat(root.resolve(path)).as("export-student output %s: expected %s to be there", root, path).exists();
        }
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("top level of the student repository")
                    .containsExactly(".github", ".gitignore", ".mvn", "README.md", "datasets", "exercises", "mvnw",
                            "mvnw.cmd", "pom.xml");
        }
        assertThat(Files.isExecutable(root.resolve("mvnw"))).as("mvnw must be executable in the export").isTrue();
        assertThat(root.resolve("datasets/src/test")).as("the datasets module's own tests stay with the course").doesNotExist();
        assertThat(root.resolve("exercises/target")).as("build output is not exported").doesNotExist();
        assertThat(Files.readString(root.resolve("exercises/src/main/java/backproplab/activations/Activations.java")))
                .as("the exported Activations.java must be the generated skeleton")
                .isEqualTo(Files.readString(CourseRepo.root().resolve("exercises/src/main/java/backproplab/activations/Activations.java")))
                .contains("TODO [");
    }

    @Test
    @DisplayName("the export ships the structure rules and their visible test, with ArchUnit only to compile and run them")
    void structureRulesShip() throws IOException {
        Path root = export.root();
        assertThat(root.resolve("datasets/src/main/java/backproplab/coderules/CourseAllowlist.java"))
                .as("the allowlist, in the course runtime the export copies").exists();
        assertThat(root.resolve("exercises/src/test/java/backproplab/StructureRulesTest.java"))
                .as("the visible test that runs the structure rules on the student's classes").exists();
        assertThat(PomXml.parse(Files.readString(root.resolve("datasets/pom.xml"))).dependencyScopes())
                .as("dependencies of the exported datasets pom: ArchUnit must not reach the course runtime's users")
                .containsEntry("com.tngtech.archunit:archunit", "provided");
        assertThat(PomXml.parse(Files.readString(root.resolve("exercises/pom.xml"))).dependencyScopes())
                .as("dependencies of the exported exercises pom: ArchUnit only for the visible tests")
                .containsEntry("com.tngtech.archunit:archunit", "test");
        assertThat(Files.readString(root.resolve("exercises/docs/README.md")))
                .as("the student notes list what student code may use").contains("## What your code may use");
    }

    @Test
    @DisplayName("the scan of the fresh export finds nothing")
    void cleanExport() {
        assertThat(export.leaks()).as("leaks in the fresh export %s (LeakScanner.scanTree)", export.root()).isEmpty();
        assertThat(new LeakScanner().scanTree(export.root())).as("a second scan of %s", export.root()).isEmpty();
    }

    @Test
    @DisplayName("a hidden suite copied into the export fails the scan, naming the file")
    void plantedHiddenSuite() throws IOException {
        Path tree = copyOfExport("hidden-suite");
        Path planted = tree.resolve("exercises/src/test/java/backproplab/network/NetworkHiddenTest.java");
        Files.writeString(planted, "package backproplab.network;\nclass NetworkHiddenTest {}\n");

        assertThat(new LeakScanner().scanTree(tree)).as("scan of an export with a planted hidden suite")
                .extracting(Leak::where)
                .containsExactly("exercises/src/test/java/backproplab/network/NetworkHiddenTest.java");
    }

    @Test
    @DisplayName("a reference source with its solution region fails the scan, naming the file and line")
    void plantedSolutionRegion() throws IOException {
        Path tree = copyOfExport("solution-region");
        Files.copy(CourseRepo.root().resolve("solutions/src/main/java/backproplab/activations/Activations.java"),
                tree.resolve("exercises/src/main/java/backproplab/activations/Activations.java"),
                StandardCopyOption.REPLACE_EXISTING);

        List<Leak> leaks = new LeakScanner().scanTree(tree);

        assertThat(leaks).as("scan of an export whose Activations.java is the reference").hasSize(1);
        assertThat(leaks.get(0).where()).isEqualTo("exercises/src/main/java/backproplab/activations/Activations.java");
        assertThat(leaks.get(0).what()).as("the leak's description").contains("BEGIN SOLUTION").contains("on line ");
    }

    @Test
    @DisplayName("a jar holding a grader class fails the scan, in the tree and on its own")
    void plantedGraderClassInAJar() throws IOException {
        Path tree = copyOfExport("grader-jar");
        Path jar = tree.resolve("datasets/lib/helper.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry("backproplab/grader/X.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            out.closeEntry();
        }

        assertThat(new LeakScanner().scanTree(tree)).as("scan of an export holding a jar with backproplab/grader/X.class")
                .extracting(Leak::where).containsExactly("datasets/lib/helper.jar!backproplab/grader/X.class");
        assertThat(new LeakScanner().scanJar(jar)).as("scan of the jar alone").hasSize(1);
    }

    @Test
    @DisplayName("a class file carrying a solution marker in a string constant fails the jar scan")
    void markerInAClassFile() throws IOException {
        Path jar = temp.resolve("marker.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry("backproplab/network/Leaky.class"));
            out.write("\u0001\u0000\u000eBEGIN SOLUTION".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        assertThat(new LeakScanner().scanJar(jar)).as("scan of a jar whose class holds 'BEGIN SOLUTION'")
                .extracting(Leak::what).singleElement().asString().contains("BEGIN SOLUTION");
    }

    @Test
    @DisplayName("the command exits 3 and lists the leak when the course repository itself leaks a hidden suite")
    void commandRefusesALeakyCourse() throws IOException {
        Path course = temp.resolve("leaky-course");
        for (String path : List.of("pom.xml", "mvnw", "mvnw.cmd", ".mvn", "datasets/pom.xml", "datasets/src/main",
                "exercises/pom.xml", "exercises/src", "exercises/docs", StudentExport.TEMPLATE)) {
            copyTree(CourseRepo.root().resolve(path), course.resolve(path));
        }
        Files.writeString(course.resolve("exercises/src/test/java/backproplab/activations/ActivationsHiddenTest.java"),
                "package backproplab.activations;\nclass ActivationsHiddenTest {}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("export-student", temp.resolve("leaky-export").toString(), "--from", course.toString());

        assertThat(exit).as("exit code of export-student on a leaky course; stderr:\n%s", err).isEqualTo(3);
        assertThat(err.toString()).as("stderr of export-student").contains("ActivationsHiddenTest.java")
                .contains("do not hand it out");
    }

    @Test
    @DisplayName("the command refuses a folder that is not the course repository, saying to pass --from")
    void commandNeedsTheCourseRoot() {
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("export-student", temp.resolve("nowhere-export").toString(), "--from", temp.toString());

        assertThat(exit).as("exit code of export-student --from a folder without a course").isEqualTo(1);
        assertThat(err.toString()).as("stderr of export-student").contains("--from").contains("exercises/pom.xml");
    }

    private static Path copyOfExport(String name) throws IOException {
        Path copy = temp.resolve("copies").resolve(name);
        copyTree(export.root(), copy);
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                if (file.toString().contains("/target/") || file.endsWith("target")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
