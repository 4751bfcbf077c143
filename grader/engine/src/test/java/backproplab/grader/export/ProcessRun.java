package backproplab.grader.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external command (Maven, bash, git, node) from a test: exit code, combined output (also kept
 * in a log file for a failing test's reader), and wall time.
 *
 * @param command  the command line
 * @param exitCode the exit code; -1 if it was killed after its time limit
 * @param output   standard output and error, interleaved
 * @param log      the file holding the output
 * @param millis   wall time
 */
public record ProcessRun(List<String> command, int exitCode, String output, Path log, long millis) {

    /**
     * Runs a command and waits for it.
     *
     * @param dir     working folder
     * @param timeout time limit; the process tree is killed after it
     * @param env     extra environment variables
     * @param log     file for the output
     * @param command the command line
     * @return the run
     */
    public static ProcessRun run(Path dir, Duration timeout, Map<String, String> env, Path log, List<String> command) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // A Maven run that started this test must not steer a nested Maven run to its own project.
            builder.environment().remove("MAVEN_BASEDIR");
            builder.environment().remove("MAVEN_PROJECTBASEDIR");
            builder.environment().putAll(env);
            Process process = builder.start();
            int exit;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = process.exitValue();
            } else {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                exit = -1;
            }
            return new ProcessRun(List.copyOf(command), exit, Files.readString(log, StandardCharsets.UTF_8), log,
                    (System.nanoTime() - start) / 1_000_000L);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** The last lines of the output, for assertion messages. */
    public String tail(int lines) {
        List<String> all = output.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** A summary for assertion messages: the command, exit code, time, log file and the output's tail. */
    public String describe() {
        return String.join(" ", command) + " -> exit " + exitCode + " after " + millis + " ms (full log: " + log
                + ")\n" + tail(60);
    }
}
