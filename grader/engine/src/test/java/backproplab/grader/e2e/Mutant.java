package backproplab.grader.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A common student bug as a small textual edit of the reference (see {@code src/test/resources/mutants/mutants.json}).
 *
 * @param id     stable name, for example {@code network-backward-missing-1-over-m}
 * @param core   whether every build grades it (the bugs issue 4 names); the others with {@code -Dmutants=all}
 * @param kind   the bug in words
 * @param file   the edited source, relative to the source root
 * @param edits  exact snippets of the reference and their replacements, applied in order
 * @param task   the task id of the edited method
 * @param expect what at least one failed test's message must contain, for example {@code NeuralNetwork.backward}
 */
public record Mutant(String id, boolean core, String kind, String file, List<Edit> edits, String task, String expect) {

    /** The table's location on the test class path. */
    public static final String TABLE = "/mutants/mutants.json";

    /**
     * One replacement.
     *
     * @param original    a snippet that must occur exactly once in the file
     * @param replacement what it becomes
     */
    public record Edit(String original, String replacement) {
    }

    /** Copies the edits. */
    public Mutant {
        edits = List.copyOf(edits);
    }

    /** Every mutant of the table, in its order. */
    public static List<Mutant> table() {
        try (InputStream in = Mutant.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("No mutant table at " + TABLE + " on the test class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Mutant> mutants = new ArrayList<>();
            for (JsonNode node : root.path("mutants")) {
                List<Edit> edits = new ArrayList<>();
                for (JsonNode edit : node.path("edits")) {
                    edits.add(new Edit(edit.path("original").asText(), edit.path("replacement").asText()));
                }
                mutants.add(new Mutant(node.path("id").asText(), node.path("core").asBoolean(), node.path("kind").asText(), node.path("file").asText(),
                        edits, node.path("task").asText(), node.path("expect").asText()));
            }
            return mutants;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TABLE, e);
        }
    }

    /**
     * Applies the edits to a copy of the reference.
     *
     * @param sourceRoot a copy of {@code solutions/src/main/java}; changed in place
     * @throws AssertionError if an original snippet is missing or occurs more than once, naming the mutant, the
     *                        file and the snippet, so that a changed reference cannot make a mutant rot silently
     */
    public void applyTo(Path sourceRoot) {
        Path source = sourceRoot.resolve(file);
        try {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            for (Edit edit : edits) {
                int first = text.indexOf(edit.original());
                if (first < 0 || text.indexOf(edit.original(), first + 1) >= 0) {
                    throw new AssertionError("Mutant '" + id + "': the snippet\n    " + edit.original().strip() + "\n"
                            + (first < 0 ? "is no longer in " : "occurs more than once in ") + file
                            + ". The reference changed: update the mutant in src/test/resources" + TABLE
                            + " so that it still makes the bug '" + kind + "'.");
                }
                text = text.substring(0, first) + edit.replacement() + text.substring(first + edit.original().length());
            }
            Files.writeString(source, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot edit " + source + " for mutant " + id, e);
        }
    }
}
