package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a short-lived JVM of the grader used class-data sharing, read from the few lines it logged with
 * {@code -Xlog:cds=info:file=cds.log}: the archives it opened and kept mapped, or why it gave them up. With
 * {@code -Xshare:auto} a stale or broken archive is ignored without a word on the console; this is where it shows.
 */
public final class ClassDataUse {

    /** The log's file name in the JVM's scratch folder. */
    public static final String LOG_NAME = "cds.log";

    private ClassDataUse() {
    }

    /**
     * What the logs of a run's test JVMs say, one sentence: for example {@code "used (classes.jsa, test-jvm-….jsa)"},
     * {@code "not used: shared class paths mismatch"} or {@code "not used (no archive could be mapped)"}.
     *
     * @param runDir the run's folder (its {@code child-N} folders hold the logs)
     * @return the sentence, or {@code "unknown (no log)"} when no JVM wrote one
     */
    public static String ofRun(Path runDir) {
        List<Path> logs = new ArrayList<>();
        if (Files.isDirectory(runDir)) {
            try (Stream<Path> children = Files.list(runDir)) {
                children.sorted().map(child -> child.resolve(LOG_NAME)).filter(Files::isRegularFile).forEach(logs::add);
            } catch (IOException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }
        return logs.isEmpty() ? "unknown (no log)" : of(logs.get(0));
    }

    /**
     * What one log says.
     *
     * @param log the JVM's {@code -Xlog:cds} file
     * @return the sentence
     */
    public static String of(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        Set<String> opened = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.startsWith("Opened archive ")) {
                String file = text.substring("Opened archive ".length()).replaceAll("\\.$", "");
                opened.add(Path.of(file).getFileName().toString());
            } else if (text.startsWith("UseSharedSpaces: ")) {
                problems.add(text.substring("UseSharedSpaces: ".length()).replaceAll(" \\(hint:.*\\)$", ""));
            }
        }
        if (!problems.isEmpty()) {
            return "not used: " + String.join("; ", problems);
        }
        return opened.isEmpty() ? "not used (no archive was opened)" : "used (" + String.join(", ", opened) + ")";
    }
}
