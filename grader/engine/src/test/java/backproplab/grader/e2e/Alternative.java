package backproplab.grader.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A correct solution in another style than the reference, as edits of the reference's solution regions (see
 * {@code src/test/resources/alternatives/alternatives.json}).
 *
 * @param id    stable name, for example {@code loops-over-double-arrays}
 * @param style the style in words
 * @param files the edited sources, each as a {@link Mutant} with the same edit rules (an original occurs exactly once)
 */
public record Alternative(String id, String style, List<Mutant> files) {

    /** The table's location on the test class path. */
    public static final String TABLE = "/alternatives/alternatives.json";

    /** Copies the files. */
    public Alternative {
        files = List.copyOf(files);
    }

    /** Every alternative of the table, in its order. */
    public static List<Alternative> table() {
        try (InputStream in = Alternative.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("No table of alternatives at " + TABLE + " on the test class path");
            }
            List<Alternative> alternatives = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in).path("alternatives")) {
                String id = node.path("id").asText();
                List<Mutant> files = new ArrayList<>();
                for (JsonNode file : node.path("files")) {
                    List<Mutant.Edit> edits = new ArrayList<>();
                    for (JsonNode edit : file.path("edits")) {
                        edits.add(new Mutant.Edit(edit.path("original").asText(), edit.path("replacement").asText()));
                    }
                    files.add(new Mutant(id, false, node.path("style").asText(), file.path("file").asText(), edits, "", ""));
                }
                alternatives.add(new Alternative(id, node.path("style").asText(), files));
            }
            return alternatives;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TABLE, e);
        }
    }

    /** Applies every file's edits to a copy of the reference. */
    public void applyTo(Path sourceRoot) {
        files.forEach(file -> file.applyTo(sourceRoot));
    }
}
