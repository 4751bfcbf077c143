package backproplab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files someone else wrote into the output folder during a grade are found, removed and named as tampering. */
@DisplayName("planted files in the output folder")
class PlantedFilesTest {

    @TempDir
    Path out;

    @Test
    @DisplayName("files written during the grade are removed and named, files from before and the grader's pictures stay")
    void removesOnlyWhatWasPlanted() throws Exception {
        long start = System.currentTimeMillis() - 10_000;
        Path old = Files.writeString(out.resolve("notes-from-before.txt"), "instructor's");
        Files.setLastModifiedTime(old, FileTime.fromMillis(start - 60_000));
        Path planted = Files.writeString(out.resolve("results.json"), "{\"score\": 1000}");
        Path images = Files.createDirectories(out.resolve("images"));
        Path picture = Files.writeString(images.resolve("loss.png"), "png");
        Path fake = Files.writeString(images.resolve("extra.png"), "png");

        List<String> removed = PlantedFiles.remove(out, start, Set.of(picture.toAbsolutePath().normalize()));

        assertThat(removed).containsExactly("images/extra.png", "results.json");
        assertThat(planted).doesNotExist();
        assertThat(fake).doesNotExist();
        assertThat(picture).exists();
        assertThat(old).exists();
        assertThat(PlantedFiles.note(removed)).startsWith("Tampering: 2 files were written into the output folder")
                .contains("results.json").contains("The score is the grader's own.");
    }

    @Test
    @DisplayName("a clean output folder gives no note")
    void cleanFolder() throws Exception {
        Files.writeString(out.resolve("old.txt"), "x");
        Files.setLastModifiedTime(out.resolve("old.txt"), FileTime.fromMillis(1_000));

        assertThat(PlantedFiles.remove(out, System.currentTimeMillis(), Set.of())).isEmpty();
        assertThat(PlantedFiles.note(List.of())).isEmpty();
    }
}
