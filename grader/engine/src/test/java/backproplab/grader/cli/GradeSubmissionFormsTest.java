package backproplab.grader.cli;

import static backproplab.grader.cli.CliRun.fixture;
import static backproplab.grader.cli.CliRun.grade;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forms a submission may take (source folder, module folder, zip), and the ones the grader refuses. */
@DisplayName("grade on each submission form")
class GradeSubmissionFormsTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a module folder is graded from its src/main/java, and its src/test/java is ignored")
    void moduleFolder() {
        CliRun run = grade(fixture("module-form"), temp.resolve("out"));

        assertThat(run.results().path("score").asDouble()).as("score of the module-folder form; %s", run.describe())
                .isEqualTo(5.0);
        assertThat(run.stdout()).as("console").contains("module folder");
    }

    @Test
    @DisplayName("a zip with one top-level folder around the source folder is graded like the folder")
    void zipWithTopLevelFolder() throws IOException {
        Path zip = zip(fixture("good"), "alice-hw/", temp.resolve("alice.zip"));

        CliRun run = grade(zip, temp.resolve("out"));

        assertThat(run.results().path("score").asDouble()).as("score of the zipped good submission; %s", run.describe())
                .isEqualTo(5.0);
    }

    @Test
    @DisplayName("a zip of a module folder is graded from its src/main/java")
    void zipOfModuleFolder() throws IOException {
        Path zip = zip(fixture("module-form"), "", temp.resolve("module.zip"));

        CliRun run = grade(zip, temp.resolve("out"));

        assertThat(run.results().path("score").asDouble()).as("score of the zipped module folder; %s", run.describe())
                .isEqualTo(5.0);
    }

    @Test
    @DisplayName("a zip entry that climbs out of the folder (zip-slip) is refused with score 0 and nothing written outside")
    void zipSlip() throws IOException {
        Path zip = temp.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../../escaped.txt"));
            out.write("gotcha".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        CliRun run = grade(zip, temp.resolve("out"), "--work-dir", temp.resolve("work/inner").toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.results().path("score").asDouble()).as("score").isZero();
        assertThat(run.results().path("output").asText()).as("output").contains("points outside the zip's folder");
        assertThat(run.prairieLearn().path("gradable").asBoolean()).as("prairielearn.json gradable").isFalse();
        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("files under the temp folder")
                    .doesNotContain("escaped.txt");
        }
    }

    @Test
    @DisplayName("a class in a package that is not an exercise package (backproplab.scoring) is refused, naming the class")
    void forbiddenPackage() {
        CliRun run = grade(fixture("forbidden-package"), temp.resolve("out"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.results().path("score").asDouble()).as("score").isZero();
        assertThat(run.results().path("output").asText()).as("output")
                .contains("Your submission could not be graded as it is, so none of it was run.")
                .contains("Class backproplab.scoring.GradeCollector is in package backproplab.scoring, which is not an exercise package")
                .doesNotContain("did not compile");
        assertThat(run.prairieLearn().path("gradable").asBoolean()).as("prairielearn.json gradable").isFalse();
    }

    @Test
    @DisplayName("a folder without any .java file is refused with a message saying what to submit")
    void emptyFolder() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        CliRun run = grade(empty, temp.resolve("out"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.results().path("output").asText()).as("output").contains("No .java file was found");
    }

    @Test
    @DisplayName("when --out cannot be written, the exit code is 1 and the error names the problem")
    void unwritableOut() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");

        CliRun run = grade(fixture("good"), file.resolve("out"));

        assertThat(run.exitCode()).as("exit code when --out is below a file; %s", run.describe()).isEqualTo(1);
        assertThat(run.stderr()).as("error output").contains("Writing the reports failed");
    }

    /** Zips every file under {@code folder}, each entry prefixed by {@code prefix}. */
    private static Path zip(Path folder, String prefix, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.walk(folder)) {
            List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
            for (Path file : regular) {
                out.putNextEntry(new ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return zip;
    }
}
