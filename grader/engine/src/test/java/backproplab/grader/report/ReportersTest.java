package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportersTest {

    private static final List<String> FILES = List.of("results.json", "prairielearn.json", "exercism.json",
            "classroom-result.json", "junit.xml", "report.html", "console.txt");

    @TempDir
    Path temp;

    @Test
    @DisplayName("writeAll writes every file, valid, for every sample report (graded, each kind of verdict, empty), and returns the console table")
    void writesEveryFile() throws Exception {
        for (SampleReports.Case sample : SampleReports.allCases()) {
            Path out = temp.resolve(sample.name()).resolve("nested");
            String console = Reporters.writeAll(sample.report(), sample.run(), out);
            for (String file : FILES) {
                assertThat(out.resolve(file)).as("%s for the %s report", file, sample.name()).isRegularFile();
            }
            for (String json : List.of("results.json", "prairielearn.json", "exercism.json", "classroom-result.json")) {
                assertThat(new ObjectMapper().readTree(out.resolve(json).toFile()).isObject())
                        .as("%s of the %s report parses as a JSON object", json, sample.name()).isTrue();
            }
            for (String xml : List.of("junit.xml", "report.html")) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                assertThat(factory.newDocumentBuilder().parse(out.resolve(xml).toFile()).getDocumentElement())
                        .as("%s of the %s report parses as XML", xml, sample.name()).isNotNull();
            }
            assertThat(console).as("returned console text equals console.txt")
                    .isEqualTo(Files.readString(out.resolve("console.txt"), StandardCharsets.UTF_8));
            try (var leftovers = Files.list(out)) {
                assertThat(leftovers.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                        .as("no temporary files left behind").isEmpty();
            }
        }
    }

    @Test
    @DisplayName("writing the same report twice gives byte-identical files")
    void deterministic() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Reporters.writeAll(SampleReports.mixed(), SampleReports.mixedRun(), first);
        Reporters.writeAll(SampleReports.shuffled(SampleReports.mixed(), 7), SampleReports.mixedRun(), second);
        for (String file : FILES) {
            assertThat(Files.readAllBytes(second.resolve(file))).as("%s written twice", file)
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }
}
