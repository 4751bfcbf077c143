package backproplab.grader.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cgroup v1 memory cgroup with a hard limit, nested in this JVM's own memory cgroup, when this machine lets
 * the tests create one (a VM or container with a writable /sys/fs/cgroup/memory); otherwise absent. A process
 * put in it is killed by the kernel if the group's memory (resident pages and page cache) passes the limit.
 */
final class MemoryCgroup implements AutoCloseable {

    private final Path dir;

    private MemoryCgroup(Path dir) {
        this.dir = dir;
    }

    /** A fresh cgroup limited to {@code mib} MiB, if the machine allows it. */
    static Optional<MemoryCgroup> create(String name, long mib) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/cgroup"))) {
            Optional<String> own = lines.map(line -> line.split(":", 3)).filter(p -> p.length == 3 && p[1].equals("memory"))
                    .map(p -> p[2]).findFirst();
            if (own.isEmpty()) {
                return Optional.empty();
            }
            Path dir = Path.of("/sys/fs/cgroup/memory" + own.get(), name + "-" + ProcessHandle.current().pid());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(mib * 1024 * 1024));
            return Optional.of(new MemoryCgroup(dir));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The file a shell writes its pid to, to join the group. */
    Path procs() {
        return dir.resolve("cgroup.procs");
    }

    /** Peak memory charged to the group, MiB. */
    double maxUsageMib() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("memory.max_usage_in_bytes")).trim()) / 1048576.0;
    }

    /** How often the group hit its limit. */
    long failCount() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("memory.failcnt")).trim());
    }

    /** Whether the kernel killed a process of the group for memory. */
    boolean oomKilled() throws IOException {
        return Files.readAllLines(dir.resolve("memory.oom_control")).stream()
                .anyMatch(line -> line.startsWith("oom_kill ") && !line.equals("oom_kill 0"));
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(dir);
    }
}
