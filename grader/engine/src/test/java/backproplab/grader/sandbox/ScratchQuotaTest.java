package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scratch folder's quota alone, on real folders (sparse files stand in for big ones). */
@DisplayName("The scratch folder's quota")
class ScratchQuotaTest {

    @TempDir
    Path scratch;

    @Test
    @DisplayName("lets a scratch folder with the grader's own small files be")
    void smallFilesPass() throws IOException {
        Files.createDirectories(scratch.resolve("pictures"));
        Files.writeString(scratch.resolve("pictures").resolve("loss.png"), "x".repeat(100_000));
        Files.writeString(scratch.resolve("cds.log"), "log");
        assertThat(ScratchQuota.DEFAULT.exceeded(scratch)).isEmpty();
    }

    @Test
    @DisplayName("stops a JVM whose files add up to more than 256 MB, though no single file is that big")
    void manyBigFilesAreStopped() throws IOException {
        for (int f = 0; f < 5; f++) {
            try (RandomAccessFile file = new RandomAccessFile(scratch.resolve("fill-" + f).toFile(), "rw")) {
                file.setLength(64L << 20);
            }
        }
        assertThat(ScratchQuota.DEFAULT.exceeded(scratch)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("the code under test wrote more than 256 MB of files"));

        Files.createDirectories(scratch.resolve("native-cache").resolve("lib"));
        ScratchQuota.deleteFiles(scratch);
        assertThat(ScratchQuota.DEFAULT.exceeded(scratch)).as("after its files are deleted").isEmpty();
        assertThat(scratch.resolve("native-cache").resolve("lib")).as("a mount point").isDirectory();
    }

    @Test
    @DisplayName("stops a JVM that floods the folder with empty files")
    void aFloodOfEmptyFilesIsStopped() throws IOException {
        ScratchQuota small = new ScratchQuota(256L << 20, 50);
        for (int f = 0; f < 60; f++) {
            Files.createFile(scratch.resolve("empty-" + f));
        }
        assertThat(small.exceeded(scratch)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("the code under test made more than 50 files"));
    }
}
