package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bubblewrap layer's caps alone, as root (the Gradescope case). Processes: two sandboxes at once, a fork bomb in
 * the first, and the second still starts its threads, because each runs as a uid of its own and so has a process cap
 * of its own; with one shared uid 65534, the bomb took all 512 processes of that uid and the second sandbox's JVM
 * could start no thread (the honest submission graded beside a fork bomb scored 0). Not as another user: each sandbox
 * then has a user namespace of its own, whose process count is its own already. Memory: a native allocation over the
 * cap (what {@code Nd4j.create(DOUBLE, 1L << 30)} does, 8 GB there) fails in the sandbox.
 */
@DisplayName("The bubblewrap sandbox's caps, as root")
class SandboxCapsTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("is a sandbox's own: a fork bomb in one sandbox leaves another sandbox beside it its threads")
    void aForkBombLeavesTheNeighbourItsThreads() throws IOException, InterruptedException {
        assumeTrue(SandboxVisibility.isRoot(), "as root only: another user's sandboxes have user namespaces of their own");
        Path java = SandboxRunner.currentJava();
        Bubblewrap.Probe probe = Bubblewrap.probe(new ModuleLimits.Applied(java, List.of(), "none", false), List.of());
        assumeTrue(probe.works(), "bubblewrap does not work here: " + probe.problem());
        Bubblewrap sandbox = probe.bubblewrap();

        Path bombScratch = Files.createDirectories(temp.resolve("bomb"));
        Path neighbourScratch = Files.createDirectories(temp.resolve("neighbour"));
        try (Bubblewrap.Layout bomb = sandbox.layout(bombScratch, List.of());
             Bubblewrap.Layout neighbour = sandbox.layout(neighbourScratch, List.of())) {
            Files.writeString(bombScratch.resolve("Bomb.java"), """
                    public class Bomb {
                        public static void main(String[] args) throws Exception {
                            new ProcessBuilder("sh", "-c", "sleep 1; b() { b & b & wait; }; b").start();
                            System.out.println("bombing");
                            Thread.sleep(20_000);
                        }
                    }
                    """, StandardCharsets.UTF_8);
            Files.writeString(neighbourScratch.resolve("Threads.java"), """
                    public class Threads {
                        public static void main(String[] args) throws Exception {
                            int started = 0;
                            try {
                                for (; started < 64; started++) {
                                    Thread t = new Thread(() -> { try { Thread.sleep(2_000); } catch (InterruptedException e) { } });
                                    t.setDaemon(true);
                                    t.start();
                                }
                            } finally {
                                System.out.println("started " + started + " threads");
                            }
                        }
                    }
                    """, StandardCharsets.UTF_8);
            Process bombing = start(bomb, java, "Bomb.java", bombScratch);
            try {
                BufferedReader lines = new BufferedReader(new InputStreamReader(bombing.getInputStream(),
                        StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                for (String line = lines.readLine(); line != null && !line.equals("bombing"); line = lines.readLine()) {
                    seen.append(line).append('\n');
                }
                assertThat(bombing.isAlive()).as("the bomb's sandbox runs; it printed %s", seen).isTrue();
                Thread.sleep(3_000);
                Process threads = start(neighbour, java, "Threads.java", neighbourScratch);
                boolean ended = threads.waitFor(60, TimeUnit.SECONDS);
                String output = new String(threads.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(ended).as("the neighbour ended").isTrue();
                assertThat(output).as("the neighbour's output, beside a fork bomb").contains("started 64 threads");
                assertThat(threads.exitValue()).as("the neighbour's exit code; " + output).isZero();
            } finally {
                bombing.destroyForcibly();
                bombing.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @DisplayName("holds a process's memory: a native allocation a GB over the cap fails in the sandbox")
    void aBigNativeAllocationFails() throws IOException, InterruptedException {
        assumeTrue(SandboxVisibility.isRoot(), "as root only, as the other caps here");
        Path java = SandboxRunner.currentJava();
        Bubblewrap.Probe probe = Bubblewrap.probe(new ModuleLimits.Applied(java, List.of(), "none", false), List.of());
        assumeTrue(probe.works(), "bubblewrap does not work here: " + probe.problem());
        Path scratch = Files.createDirectories(temp.resolve("alloc"));
        try (Bubblewrap.Layout layout = probe.bubblewrap().layout(scratch, List.of())) {
            // Native memory as ND4J's libnd4j takes it (malloc), a GB more than the cap; without the cap it maps, and
            // stays untouched (no memory is used).
            Files.writeString(scratch.resolve("Alloc.java"), """
                    public class Alloc {
                        public static void main(String[] args) throws Exception {
                            java.lang.reflect.Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                            field.setAccessible(true);
                            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
                            long bytes = Long.parseLong(args[0]);
                            try {
                                long at = unsafe.allocateMemory(bytes);
                                System.out.println("allocated " + bytes);
                                unsafe.freeMemory(at);
                            } catch (OutOfMemoryError refused) {
                                System.out.println("refused: " + refused);
                            }
                        }
                    }
                    """, StandardCharsets.UTF_8);
            Process alloc = start(layout, java, "Alloc.java", scratch, Long.toString(Bubblewrap.MAX_DATA_BYTES + (1L << 30)));
            boolean ended = alloc.waitFor(60, TimeUnit.SECONDS);
            String output = new String(alloc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ended).as("the allocating JVM ended").isTrue();
            assertThat(output).as("the allocating JVM's output").contains("refused: java.lang.OutOfMemoryError")
                    .doesNotContain("allocated");
        }
    }

    private static Process start(Bubblewrap.Layout layout, Path java, String source, Path hostScratch,
                                 String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(layout.seenJava(java).toString(),
                layout.scratch().resolve(source).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(layout.wrap(command)).directory(hostScratch.toFile())
                .redirectErrorStream(true);
        layout.environment(builder.environment());
        return builder.start();
    }
}
