package backproplab.datasets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.datasets.Dataset;
import backproplab.datasets.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The datasets command writes the course data as CSV")
class DatasetCommandTest {

    private record Run(int exitCode, String out, String err) {

        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String commandLine) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = DatasetCommand.execute(commandLine.isEmpty() ? new String[0] : commandLine.split(" "),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    @DisplayName("moons --samples 400 --noise 0.15 --seed 42 prints x1,x2,label and the 400 golden rows bit for bit")
    void moonsEqualsGolden() {
        Run run = run("moons --samples 400 --noise 0.15 --seed 42");
        assertThat(run.exitCode()).as("exit code; stderr was: %s", run.err()).isZero();
        assertThat(run.err()).as("stderr of a successful run").isEmpty();
        List<String> lines = run.lines();
        assertThat(lines.get(0)).as("header line").isEqualTo("x1,x2,label");
        assertThat(lines).as("header plus one row per sample").hasSize(401);
        Dataset golden = Golden.moons(400, 0.15, 42);
        for (int i = 0; i < 400; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(cells).as("cells of row %d: %s", i, lines.get(i + 1)).hasSize(3);
            double[] printed = {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])};
            int difference = Golden.firstBitDifference(golden.x(i), printed);
            assertThat(difference).as("row %d must round-trip to make_moons' doubles: %s", i,
                    Golden.describeDifference(golden.x(i), printed, difference)).isEqualTo(-1);
            assertThat(cells[2]).as("label of row %d, an integer", i).isEqualTo(Integer.toString(golden.label(i)));
        }
    }

    @Test
    @DisplayName("with --split-seed 42 --test-size 0.2 each row in sample order says train or test as sklearn split it")
    void splitColumnFollowsTrainTestSplit() {
        Run run = run("moons --samples 400 --noise 0.15 --seed 42 --split-seed 42 --test-size 0.2");
        assertThat(run.exitCode()).as("exit code; stderr was: %s", run.err()).isZero();
        List<String> lines = run.lines();
        assertThat(lines.get(0)).as("header line with a split").isEqualTo("x1,x2,label,split");
        String[] goldenTest = Golden.rows("splits.csv").stream()
                .filter(row -> row[0].equals("400") && row[4].equals("42") && row[5].equals("test"))
                .findFirst().orElseThrow()[6].split(" ");
        boolean[] expectedTest = new boolean[400];
        Arrays.stream(goldenTest).mapToInt(Integer::parseInt).forEach(i -> expectedTest[i] = true);
        Dataset golden = Golden.moons(400, 0.15, 42);
        for (int i = 0; i < 400; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(cells[3]).as("split of row %d", i).isEqualTo(expectedTest[i] ? "test" : "train");
            assertThat(Double.parseDouble(cells[0])).as("x1 of row %d stays in sample order", i)
                    .isEqualTo(golden.x(i)[0]);
        }
        assertThat(lines.stream().filter(line -> line.endsWith(",test")).count()).as("test rows").isEqualTo(80);
    }

    @Test
    @DisplayName("xor prints x1,x2,label and the four XOR rows")
    void xorRows() {
        Run run = run("xor");
        assertThat(run.exitCode()).as("exit code; stderr was: %s", run.err()).isZero();
        assertThat(run.lines()).as("xor CSV")
                .containsExactly("x1,x2,label", "0.0,0.0,0", "0.0,1.0,1", "1.0,0.0,1", "1.0,1.0,0");
    }

    @Test
    @DisplayName("pattern prints x,label and the notebook's four rows; a split adds the split column")
    void patternRows() {
        assertThat(run("pattern").lines()).as("pattern CSV")
                .containsExactly("x,label", "0.0,0", "1.0,1", "2.0,1", "3.0,0");
        Run split = run("pattern --test-size 0.25 --split-seed 0");
        assertThat(split.lines().get(0)).as("pattern header with a split").isEqualTo("x,label,split");
        assertThat(split.lines().stream().filter(line -> line.endsWith(",test")).count())
                .as("test rows for ceil(0.25 * 4) = 1").isEqualTo(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "moons --samples 0 | samples must be 1 or more, but was 0",
        "moons --noise -0.5 | noise must be a finite number >= 0",
        "moons --noise abc | '--noise'",
        "moons --seed -1 | seed must be between 0 and 2^32 - 1",
        "moons --seed 4294967296 | 4294967296",
        "moons --test-size 0.2 | --test-size and --split-seed go together",
        "moons --split-seed 3 | --test-size and --split-seed go together",
        "moons --test-size 1.0 --split-seed 3 | testSize must be strictly between 0 and 1",
        "moons --samples 1 --test-size 0.5 --split-seed 3 | training set would be empty",
        "moons --colour red | Unknown options: '--colour'",
        "circles | circles",
        "'' | choose a data set: moons, xor or pattern"})
    @DisplayName("bad arguments give exit code 2, nothing on stdout and one line on stderr without a stack trace")
    void badArgumentsGiveOneLine(String commandLine, String expectedMessage) {
        Run run = run(commandLine);
        assertThat(run.exitCode()).as("exit code for '%s'", commandLine).isEqualTo(2);
        assertThat(run.out()).as("stdout for '%s'", commandLine).isEmpty();
        assertThat(run.err().lines().count()).as("lines on stderr for '%s': %s", commandLine, run.err()).isEqualTo(1);
        assertThat(run.err()).as("stderr for '%s'", commandLine)
                .contains(expectedMessage)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    @DisplayName("the command runs with only its own classes and picocli: ND4J is neither needed nor started")
    void runsWithoutNd4j() throws Exception {
        URL classes = DatasetCommand.class.getProtectionDomain().getCodeSource().getLocation();
        URL picocli = picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes, picocli},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> command = loader.loadClass(DatasetCommand.class.getName());
            Method execute = command.getMethod("execute", String[].class, PrintWriter.class, PrintWriter.class);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Object exitCode = execute.invoke(null, new String[] {"moons", "--split-seed", "42", "--test-size", "0.2"},
                    new PrintWriter(out), new PrintWriter(err));
            assertThat(exitCode).as("exit code without ND4J on the class path; stderr: %s", err).isEqualTo(0);
            assertThat(out.toString().lines().count()).as("CSV lines without ND4J on the class path").isEqualTo(401);
            assertThat(out.toString()).as("CSV without ND4J equals the CSV of the normal run")
                    .isEqualTo(run("moons --split-seed 42 --test-size 0.2").out());
        }
    }

    @Test
    @DisplayName("--help prints the usage with the three data sets and exits 0")
    void help() {
        Run run = run("--help");
        assertThat(run.exitCode()).as("exit code of --help").isZero();
        assertThat(run.out()).as("usage text").contains("moons").contains("xor").contains("pattern");
        Run moonsHelp = run("moons --help");
        assertThat(moonsHelp.out()).as("moons usage").contains("--samples").contains("--noise").contains("--seed")
                .contains("--test-size").contains("--split-seed");
    }
}
