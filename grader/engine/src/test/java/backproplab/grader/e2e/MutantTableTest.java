package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mutant table itself, checked fast and before any grading: no mutant may rot when the reference changes. */
@DisplayName("mutant table")
class MutantTableTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("has at least 12 core mutants with unique ids, each naming a task and the method its messages must name")
    void tableIsComplete() {
        List<Mutant> mutants = Mutant.table();

        assertThat(mutants).as("mutants in src/test/resources%s", Mutant.TABLE).hasSizeGreaterThanOrEqualTo(12);
        assertThat(mutants.stream().map(Mutant::id)).as("mutant ids").doesNotHaveDuplicates();
        assertThat(mutants.stream().filter(Mutant::core)).as("core mutants, graded in every build").hasSizeGreaterThanOrEqualTo(12);
        assertThat(mutants.stream().filter(Mutant::core).map(Mutant::id)).as("core mutants include the golden ones")
                .containsAll(MutantsTest.GOLDEN);
        assertThat(mutants).as("every mutant has a task, an expected method and at least one edit that changes something")
                .allSatisfy(m -> {
                    assertThat(m.task()).as("task of %s", m.id()).matches("[a-z]+\\.[A-Za-z]+");
                    assertThat(m.expect()).as("expected method of %s", m.id()).isNotBlank();
                    assertThat(m.edits()).as("edits of %s", m.id()).isNotEmpty()
                            .allMatch(e -> !e.original().isEmpty() && !e.original().equals(e.replacement()));
                });
    }

    @Test
    @DisplayName("every mutant's original snippets occur exactly once in today's reference")
    void everySnippetIsStillInTheReference() {
        for (Mutant mutant : Mutant.table()) {
            Path copy = CourseTree.copy(CourseTree.reference(), temp.resolve(mutant.id()));
            mutant.applyTo(copy);
            assertThat(copy.resolve(mutant.file())).as("mutated %s of %s", mutant.file(), mutant.id())
                    .content().isNotEqualTo(read(CourseTree.reference().resolve(mutant.file())));
        }
    }

    @Test
    @DisplayName("there are at least two correct alternatives, each changing the reference, with snippets still in it")
    void alternativesStillApply() {
        List<Alternative> alternatives = Alternative.table();
        assertThat(alternatives).as("correct alternatives in src/test/resources%s", Alternative.TABLE).hasSizeGreaterThanOrEqualTo(2);
        assertThat(alternatives.stream().map(Alternative::id)).as("alternative ids").doesNotHaveDuplicates();
        for (Alternative alternative : alternatives) {
            Path copy = CourseTree.copy(CourseTree.reference(), temp.resolve("alternative-" + alternative.id()));
            alternative.applyTo(copy);
            assertThat(alternative.files()).as("files of %s", alternative.id()).isNotEmpty().allSatisfy(file ->
                    assertThat(copy.resolve(file.file())).as("%s of %s", file.file(), alternative.id())
                            .content().isNotEqualTo(read(CourseTree.reference().resolve(file.file()))));
        }
    }

    @Test
    @DisplayName("a mutant whose snippet is gone fails loudly, naming the mutant, the file and the snippet")
    void missingSnippetFailsLoudly() {
        Mutant stale = new Mutant("stale", false, "a bug that no longer applies", "backproplab/activations/Activations.java",
                List.of(new Mutant.Edit("return 42; // not in the reference", "return 0;")), "activations.relu", "relu");
        Path copy = CourseTree.copy(CourseTree.reference(), temp.resolve("stale"));

        assertThatThrownBy(() -> stale.applyTo(copy)).as("applying a stale mutant")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Mutant 'stale'")
                .hasMessageContaining("return 42; // not in the reference")
                .hasMessageContaining("is no longer in backproplab/activations/Activations.java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
