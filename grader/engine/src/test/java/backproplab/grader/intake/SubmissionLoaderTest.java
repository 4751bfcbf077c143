package backproplab.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the sources of a submission, and the caps that protect the grader from hostile uploads. */
@DisplayName("submission loader")
class SubmissionLoaderTest {

    private static final byte[] SOURCE = "package backproplab.a;\npublic class A { }\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    @Test
    @DisplayName("a zip whose only top-level folder wraps a module folder is read from its src/main/java")
    void wrappedModuleZip() throws Exception {
        Path zip = zip("wrapper/module/src/main/java/backproplab/a/A.java", SOURCE);

        LoadedSubmission loaded = new SubmissionLoader(SubmissionLimits.DEFAULT).load(zip, temp.resolve("work"));

        assertThat(loaded.sources()).as("sources found in the zip").hasSize(1);
        assertThat(loaded.display(loaded.sources().get(0))).as("path shown to the student")
                .isEqualTo("wrapper/module/src/main/java/backproplab/a/A.java");
        assertThat(loaded.sourceRoot().endsWith(Path.of("src", "main", "java"))).as("source root %s", loaded.sourceRoot()).isTrue();
    }

    @Test
    @DisplayName("a repository clone is read from exercises/src/main/java, not from its tests or other modules")
    void repositoryClone() throws Exception {
        Path repo = temp.resolve("student-repo");
        for (String file : new String[] {"exercises/src/main/java/backproplab/a/A.java",
                "exercises/src/test/java/backproplab/a/ATest.java", "tools/src/Tool.java"}) {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.write(repo.resolve(file), SOURCE);
        }
        Files.writeString(repo.resolve("pom.xml"), "<project/>");

        LoadedSubmission loaded = new SubmissionLoader(SubmissionLimits.DEFAULT).load(repo, temp.resolve("work"));

        assertThat(loaded.sources()).as("sources found in the clone").hasSize(1);
        assertThat(loaded.display(loaded.sources().get(0))).isEqualTo("exercises/src/main/java/backproplab/a/A.java");
        assertThat(loaded.form()).contains("repository");
    }

    @Test
    @DisplayName("a zip that expands past the byte cap is refused, however small its headers claim it is")
    void zipBomb() throws Exception {
        Path zip = zip("backproplab/a/Big.java", new byte[4096]);
        SubmissionLimits tiny = new SubmissionLimits(10, 1 << 20, 10, 1024);

        assertThatThrownBy(() -> new SubmissionLoader(tiny).load(zip, temp.resolve("work")))
                .as("loading a zip that expands to 4 KB with a 1 KB cap")
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("expands to more than");
    }

    @Test
    @DisplayName("more source files than the cap are refused")
    void tooManyFiles() throws IOException {
        Path root = temp.resolve("many");
        for (int i = 0; i < 3; i++) {
            Path file = root.resolve("backproplab/a/A" + i + ".java");
            Files.createDirectories(file.getParent());
            Files.write(file, SOURCE);
        }
        SubmissionLimits twoFiles = new SubmissionLimits(2, 1 << 20, 10, 1 << 20);

        assertThatThrownBy(() -> new SubmissionLoader(twoFiles).load(root, temp.resolve("work")))
                .as("loading 3 files with a cap of 2")
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("more than 2 .java files");
    }

    @Test
    @DisplayName("a file that is neither a folder nor a zip is refused with a message saying what to submit")
    void notAZip() throws IOException {
        Path file = Files.writeString(temp.resolve("homework.rar"), "Rar!");

        assertThatThrownBy(() -> new SubmissionLoader(SubmissionLimits.DEFAULT).load(file, temp.resolve("work")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("neither a folder nor a zip");
    }

    private Path zip(String entry, byte[] content) throws IOException {
        Path zip = temp.resolve("submission.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        }
        return zip;
    }
}
