package backproplab.grader.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Peak resident memory of a process and all its descendants together, sampled from
 * {@code /proc/<pid>/status} (VmRSS) every 20 ms while the process runs. Linux only.
 */
final class ProcessTreeMemory implements AutoCloseable {

    private final AtomicLong peakKb = new AtomicLong();
    private final AtomicLong peakProcesses = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    /** Starts sampling {@code root}'s tree. */
    ProcessTreeMemory(ProcessHandle root) {
        sampler = new Thread(() -> {
            while (running && root.isAlive()) {
                long[] sum = {rssKb(root), 1};
                root.descendants().forEach(child -> {
                    sum[0] += rssKb(child);
                    sum[1]++;
                });
                peakKb.accumulateAndGet(sum[0], Math::max);
                peakProcesses.accumulateAndGet(sum[1], Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Whether this machine has /proc to sample. */
    static boolean available() {
        return Files.isRegularFile(Path.of("/proc/self/status"));
    }

    /** The highest sum of VmRSS seen, in MiB. */
    double peakMib() {
        return peakKb.get() / 1024.0;
    }

    /** The most processes seen in the tree at once. */
    long peakProcesses() {
        return peakProcesses.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(1000);
    }

    private static long rssKb(ProcessHandle process) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }
}
