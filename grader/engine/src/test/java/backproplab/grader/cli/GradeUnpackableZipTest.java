package backproplab.grader.cli;

import static backproplab.grader.cli.CliRun.grade;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip that cannot be unpacked gets a report about the zip, never "did not compile" or "the grader failed". */
@DisplayName("grade on a zip that cannot be unpacked")
class GradeUnpackableZipTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a truncated zip is an invalid submission whose report says the zip is incomplete and how to remake it")
    void truncatedZip() throws Exception {
        Path whole = temp.resolve("whole.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(whole))) {
            for (String name : new String[] {"backproplab/activations/Activations.java", "backproplab/network/Notes.java"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(("package x; // " + "padding ".repeat(200)).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(temp.resolve("alice.zip"), Arrays.copyOf(bytes, bytes.length / 2));

        CliRun run = grade(cut, temp.resolve("out"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        String output = run.results().path("output").asText();
        assertThat(output).as("results.json output").contains("could not be graded as it is")
                .contains("The zip is incomplete").contains("Make the zip again")
                .doesNotContain("did not compile").doesNotContain("grader failed");
        assertThat(run.results().path("score").asDouble()).isZero();
    }
}
