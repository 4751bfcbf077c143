package backproplab.grader.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-test output cap of the child JVM. */
@DisplayName("output capture")
class OutputCaptureTest {

    @Test
    @DisplayName("keeps the first bytes up to the cap and says how many more were dropped")
    void capsAndCounts() {
        OutputCapture capture = new OutputCapture(10);

        capture.write("0123456789abcdef".getBytes(StandardCharsets.UTF_8), 0, 16);
        capture.write('!');

        assertThat(capture.drain()).as("captured text with a cap of 10 bytes after writing 17")
                .isEqualTo("0123456789\n[output truncated after 10 bytes; 7 more bytes were not kept]");
    }

    @Test
    @DisplayName("starts empty again after each drain, so every test gets only its own output")
    void drainResets() {
        OutputCapture capture = new OutputCapture(10);
        capture.write("first".getBytes(StandardCharsets.UTF_8), 0, 5);
        capture.drain();

        capture.write("second".getBytes(StandardCharsets.UTF_8), 0, 6);

        assertThat(capture.drain()).as("text after the second write").isEqualTo("second");
        assertThat(capture.drain()).as("text after draining twice").isEmpty();
    }
}
