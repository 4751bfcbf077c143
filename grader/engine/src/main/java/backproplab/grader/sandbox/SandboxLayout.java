package backproplab.grader.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one test JVM sees its files, and the command line that starts it there. The launcher builds the java command
 * with the paths this layout gives ({@link #scratch()}, {@link #seen(Path)}), then hands it to {@link #wrap(List)}:
 * the isolation level changes the command in this one place. Closing it frees what the layout held for the JVM while
 * it ran (a uid of its own, under bubblewrap as root), once the JVM is gone.
 */
abstract class SandboxLayout implements AutoCloseable {

    /** The test JVM's scratch folder (its working directory and {@code java.io.tmpdir}), as the test JVM sees it. */
    abstract Path scratch();

    /**
     * Where the test JVM sees a host file or folder: one in its scratch folder where the scratch folder is (read-write),
     * any other (a class path entry, the thresholds file) where the layout mounts it for reading only.
     *
     * @param host the path on the host
     * @return the path in the test JVM
     */
    abstract Path seen(Path host);

    /**
     * Where the test JVM finds a java executable: a Java home outside the sandbox's view (a runtime image of a grader
     * under /tmp) is mounted for it ({@link #seen}), and its {@code bin/java} is then there.
     *
     * @param java a {@code <home>/bin/java} on the host
     * @return the executable in the test JVM's view
     */
    Path seenJava(Path java) {
        Path bin = java.toAbsolutePath().normalize().getParent();
        Path home = bin == null ? null : bin.getParent();
        if (home == null || !bin.getFileName().toString().equals("bin") || !Files.isDirectory(home.resolve("lib"))) {
            return java;
        }
        return seen(home).resolve("bin").resolve(java.getFileName().toString());
    }

    /**
     * The whole command line.
     *
     * @param javaCommand the java executable, its options, the main class and its arguments, with this layout's paths
     * @return the command to start
     */
    abstract List<String> wrap(List<String> javaCommand);

    /**
     * Adjusts the environment the command starts with (the grader's own, by default).
     *
     * @param environment the process builder's environment, to change in place
     */
    void environment(Map<String, String> environment) {
        // The grader's environment, unchanged.
    }

    /** Frees what the layout holds for its JVM; nothing, by default. */
    @Override
    public void close() {
        // Nothing held.
    }

    /** Inserts JVM options right after the java executable. */
    static List<String> withJvmOptions(List<String> javaCommand, List<String> options) {
        List<String> command = new ArrayList<>(javaCommand.size() + options.size());
        command.add(javaCommand.get(0));
        command.addAll(options);
        command.addAll(javaCommand.subList(1, javaCommand.size()));
        return command;
    }

    /** The host's own view: the test JVM sees the host's paths; {@code jvmOptions} may limit its modules. */
    static SandboxLayout host(Path scratch, List<String> jvmOptions) {
        return new SandboxLayout() {
            @Override
            Path scratch() {
                return scratch;
            }

            @Override
            Path seen(Path host) {
                return host;
            }

            @Override
            List<String> wrap(List<String> javaCommand) {
                return withJvmOptions(javaCommand, jvmOptions);
            }
        };
    }
}
