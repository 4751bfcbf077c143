package backproplab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.jvm.ClassDataArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("java -jar grader.jar starts the grader again, tuned, only when it was started plainly and the archive exists")
class TunedGraderStartTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final List<String> GRADE = List.of("grade", "sub", "--out", "out");

    @TempDir
    Path temp;
    private Path jar;

    @BeforeEach
    void aJarBesideItsCdsFolder() throws IOException {
        jar = Files.write(temp.resolve("grader.jar"), new byte[] {1, 2, 3});
        Files.createDirectories(temp.resolve("cds"));
    }

    private Optional<ClassDataArchive> archive(boolean exists) throws IOException {
        ClassDataArchive archive = ClassDataArchive.of(GraderJvmArchive.NAME, temp.resolve("cds"), JAVA, List.of(jar));
        if (exists) {
            // exists() wants a file the size of an archive; its contents do not matter here.
            Files.write(archive.file(), new byte[2 << 20]);
        }
        return Optional.of(archive);
    }

    private static Optional<String[]> started(String... arguments) {
        return Optional.of(arguments);
    }

    @Test
    @DisplayName("a plain java -jar grader.jar with an archive starts the tuned JVM with the archive, the script's options and the same arguments")
    void startsTheTunedJvm() throws IOException {
        Optional<ClassDataArchive> archive = archive(true);
        Optional<List<String>> command = TunedGraderStart.command(JAVA, started("-jar", jar.toString(), "grade"),
                Map.of(), archive, GRADE);
        assertThat(command).isPresent();
        assertThat(command.get()).startsWith(JAVA.toString())
                .containsSubsequence(GraderJvmArchive.TRAINING_FLAGS)
                .contains("-XX:SharedArchiveFile=" + archive.get().file(), "-Xshare:auto",
                        "-D" + TunedGraderStart.ARCHIVE_PROPERTY + "=" + archive.get().file())
                .endsWith("-jar", jar.toAbsolutePath().normalize().toString(), "grade", "sub", "--out", "out");
    }

    @Test
    @DisplayName("JVM options on the command line keep the grade in this JVM: the caller chose them")
    void keepsAJvmStartedWithOptions() throws IOException {
        assertThat(TunedGraderStart.command(JAVA, started("-Xmx512m", "-jar", jar.toString(), "grade"), Map.of(),
                archive(true), GRADE)).isEmpty();
        assertThat(TunedGraderStart.command(JAVA, started("-cp", jar.toString(), "backproplab.grader.cli.GraderCommand"),
                Map.of(), archive(true), GRADE)).isEmpty();
    }

    @Test
    @DisplayName("options through JDK_JAVA_OPTIONS or JAVA_TOOL_OPTIONS keep the grade in this JVM too")
    void keepsAJvmWithOptionsFromTheEnvironment() throws IOException {
        for (String variable : TunedGraderStart.OPTION_VARIABLES) {
            assertThat(TunedGraderStart.command(JAVA, started("-jar", jar.toString()), Map.of(variable, "-Xmx1g"),
                    archive(true), GRADE)).as(variable).isEmpty();
        }
        assertThat(TunedGraderStart.command(JAVA, started("-jar", jar.toString()), Map.of("JDK_JAVA_OPTIONS", " "),
                archive(true), GRADE)).as("a blank variable").isPresent();
    }

    @Test
    @DisplayName("without the archive, or without knowing how this JVM was started, the grade stays in this JVM")
    void keepsTheGradeWithoutAnArchive() throws IOException {
        assertThat(TunedGraderStart.command(JAVA, started("-jar", jar.toString()), Map.of(), archive(false), GRADE)).isEmpty();
        assertThat(TunedGraderStart.command(JAVA, started("-jar", jar.toString()), Map.of(), Optional.empty(), GRADE)).isEmpty();
        assertThat(TunedGraderStart.command(JAVA, Optional.empty(), Map.of(), archive(true), GRADE)).isEmpty();
    }
}
