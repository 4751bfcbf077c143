package backproplab.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Small helpers to find and run the tools the sandbox uses (bubblewrap, setpriv, prlimit). */
final class Commands {

    /** How a command ended: its exit code ({@code -1} if it could not start or was killed) and its merged output. */
    record Result(int exitCode, String output) {
    }

    private static final int OUTPUT_CAP = 16 * 1024;

    private Commands() {
    }

    /** The executable {@code name} on the {@code PATH} (or in the usual system folders), if any. */
    static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        String folders = (path == null ? "" : path) + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        for (String folder : folders.split(":")) {
            if (!folder.isBlank()) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath().normalize());
                }
            }
        }
        return Optional.empty();
    }

    /** Runs a command with no input, waits up to {@code limit} (then kills it) and returns its ending and output. */
    static Result run(List<String> command, Duration limit) {
        return run(new ProcessBuilder(command), limit);
    }

    /** Runs a prepared command the same way; its standard error is merged into the output. */
    static Result run(ProcessBuilder builder, Duration limit) {
        Process process;
        try {
            process = builder.redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        try {
            process.getOutputStream().close();
            byte[][] output = new byte[1][];
            Thread reader = new Thread(() -> output[0] = readCapped(process.getInputStream()), "command-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, "did not end within " + limit.toSeconds() + " s");
            }
            reader.join(5_000);
            byte[] bytes = output[0] == null ? new byte[0] : output[0];
            return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            process.destroyForcibly();
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(-1, "interrupted");
        }
    }

    /** The first {@code lines} lines of a text, joined by " / ". */
    static String firstLines(String text, int lines) {
        String[] all = text.strip().split("\\R");
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < Math.min(lines, all.length); i++) {
            if (!all[i].isBlank()) {
                joined.append(joined.length() == 0 ? "" : " / ").append(all[i].strip());
            }
        }
        return joined.length() == 0 ? "(no output)" : joined.toString();
    }

    private static byte[] readCapped(InputStream in) {
        try (in) {
            byte[] kept = in.readNBytes(OUTPUT_CAP);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return kept;
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
