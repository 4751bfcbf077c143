package backproplab.grader.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reads a platform's results.json with Jackson, failing with the file's text when it is not valid JSON. */
final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsJson() {
    }

    static JsonNode read(Path file, String context) throws IOException {
        assertThat(file).as("%s: the results file must exist", context).isRegularFile();
        String text = Files.readString(file);
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(context + ": " + file + " is not valid JSON (" + e.getMessage() + "):\n" + text, e);
        }
    }

    static List<JsonNode> tests(JsonNode results) {
        return StreamSupport.stream(results.path("tests").spliterator(), false).toList();
    }
}
