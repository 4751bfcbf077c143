package backproplab.grader.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a platform entry script with bash, optionally pinned to one CPU core, with the peak
 * resident memory of its whole process tree (the grader and its test JVM).
 *
 * @param exitCode  the script's exit code, -1 if it was killed after the time limit
 * @param output    what it printed
 * @param millis    wall time
 * @param peakMib   peak resident memory of the process tree, MiB (0 without /proc)
 * @param oneCore   whether it ran pinned to one core
 */
record ScriptRun(int exitCode, String output, long millis, double peakMib, boolean oneCore) {

    private static final Duration LIMIT = Duration.ofMinutes(12);

    static boolean tasksetAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset"));
    }

    /** Runs {@code bash script}; with {@code pinned}, on CPU core 0 only (when taskset is there). */
    static ScriptRun bash(Path script, Map<String, String> env, Path log, boolean pinned) {
        return bash(script, env, log, pinned, null);
    }

    /** As {@link #bash(Path, Map, Path, boolean)}, inside a memory cgroup when {@code cgroup} is not null. */
    static ScriptRun bash(Path script, Map<String, String> env, Path log, boolean pinned, MemoryCgroup cgroup) {
        List<String> command = new ArrayList<>();
        boolean oneCore = pinned && tasksetAvailable();
        if (cgroup != null) {
            // The shell joins the cgroup first, then becomes the script, so every process of the run is inside.
            command.addAll(List.of("bash", "-c", "echo $$ > \"$0\" && exec \"$@\"", cgroup.procs().toString()));
        }
        if (oneCore) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.addAll(List.of("bash", script.toString()));
        long start = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(script.getParent().toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            double peak;
            int exit;
            try (ProcessTreeMemory memory = new ProcessTreeMemory(process.toHandle())) {
                if (process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    exit = process.exitValue();
                } else {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    exit = -1;
                }
                memory.close();
                peak = memory.peakMib();
            }
            return new ScriptRun(exit, Files.readString(log, StandardCharsets.UTF_8),
                    (System.nanoTime() - start) / 1_000_000L, peak, oneCore);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String describe() {
        List<String> lines = output.lines().toList();
        return "exit " + exitCode + " after " + millis + " ms, peak RSS " + Math.round(peakMib) + " MiB"
                + (oneCore ? " on one core" : "") + "\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
