package backproplab.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.e2e.CourseTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given files (no exercise stub) are always compiled from the course's copy. */
@DisplayName("Given files")
class GivenFilesTest {

    @Test
    @DisplayName("are exactly the skeleton files without an exercise stub: demos, records, enums, interfaces, the trainer")
    void areTheSkeletonFilesWithoutStub() throws IOException {
        List<String> expected;
        try (Stream<Path> files = Files.walk(CourseTree.skeleton())) {
            expected = files.filter(f -> f.toString().endsWith(".java")).filter(f -> !read(f).contains(GivenFiles.STUB_MARKER))
                    .map(f -> CourseTree.skeleton().relativize(f).toString().replace('\\', '/')).sorted().toList();
        }

        assertThat(GivenFiles.bundled().paths()).as("given files bundled into the grader").isEqualTo(expected)
                .contains("backproplab/demos/Demos.java", "backproplab/network/NetworkTrainer.java",
                        "backproplab/tinynet/TinyCache.java")
                .doesNotContain("backproplab/network/NeuralNetwork.java", "backproplab/activations/Activations.java");
    }

    @Test
    @DisplayName("a changed given file is replaced by the course's copy and named in a note; exercise files stay the student's")
    void plantedChangeHasNoEffect(@TempDir Path work) throws Exception {
        Path sources = CourseTree.copy(CourseTree.reference(), work.resolve("submission"));
        Path trainer = sources.resolve("backproplab/network/NetworkTrainer.java");
        Files.writeString(trainer, read(trainer).replace("public final class", "/* planted */ public final class"));
        Path network = sources.resolve("backproplab/network/NeuralNetwork.java");
        LoadedSubmission submitted = new SubmissionLoader(SubmissionLimits.DEFAULT).load(sources, work);

        GivenFiles.Replaced replaced = GivenFiles.bundled().replaceIn(submitted, work.resolve("given"));

        assertThat(replaced.changed()).as("changed given files").containsExactly("backproplab/network/NetworkTrainer.java");
        assertThat(replaced.note()).as("note").contains("backproplab/network/NetworkTrainer.java")
                .contains("the course's copy was graded instead");
        assertThat(replaced.submission().sources()).as("what is compiled").contains(network).doesNotContain(trainer)
                .anyMatch(p -> p.endsWith("backproplab/network/NetworkTrainer.java") && !read(p).contains("planted"));
        assertThat(replaced.submission().sources()).as("one file per class").hasSameSizeAs(submitted.sources());
    }

    @Test
    @DisplayName("the unchanged reference gets no note, and a given file missing from a submission is not added")
    void unchangedAndMissing(@TempDir Path work) throws Exception {
        Path sources = CourseTree.copy(CourseTree.reference(), work.resolve("submission"));
        Files.delete(sources.resolve("backproplab/demos/Demos.java"));
        LoadedSubmission submitted = new SubmissionLoader(SubmissionLimits.DEFAULT).load(sources, work);

        GivenFiles.Replaced replaced = GivenFiles.bundled().replaceIn(submitted, work.resolve("given"));

        assertThat(replaced.note()).as("note for an unchanged submission").isEmpty();
        assertThat(replaced.submission().sources()).as("what is compiled")
                .noneMatch(p -> p.endsWith("backproplab/demos/Demos.java")).hasSameSizeAs(submitted.sources());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
