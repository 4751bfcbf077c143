package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@DisplayName("ProcessSweep")
@EnabledOnOs(OS.LINUX)
class ProcessSweepTest {

    @Test
    @DisplayName("keeps the CPU time of a process tree it killed, which the killed processes can no longer report")
    void keepsTheCpuTimeOfAKilledTree() throws Exception {
        // A shell that starts a busy child: the CPU is spent in a descendant, as in a sandboxed test JVM.
        Process process = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & wait").start();
        ProcessSweep sweep = new ProcessSweep();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sweep.cpuMillisSeen() < 300 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            sweep.watch(process.toHandle());
        }
        sweep.killAll(process.toHandle());

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the shell was killed").isTrue();
        assertThat(sweep.cpuMillisSeen()).as("CPU ms of the killed tree").isGreaterThanOrEqualTo(300);
    }

    @Test
    @DisplayName("counts a zombie as ended: it runs no code, though ProcessHandle still calls it alive")
    void countsAZombieAsEnded() throws Exception {
        // The background sleep ends at once; the shell turned into `sleep 30` never collects it, so it stays a zombie.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & exec sleep 30").start();
        try {
            ProcessHandle child = awaitChild(parent);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ProcessSweep.running(child) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(child.isAlive()).as("ProcessHandle.isAlive of the zombie").isTrue();
            assertThat(ProcessSweep.running(child)).as("running(zombie)").isFalse();
            assertThat(ProcessSweep.running(parent.toHandle())).as("running(its sleeping parent)").isTrue();
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("reads the state after the last parenthesis of /proc/<pid>/stat, whatever the command's name holds")
    void readsTheStateAfterTheCommandName() {
        assertThat(ProcessSweep.isZombie("42 (bwrap) Z 1 42 42 0 -1")).isTrue();
        assertThat(ProcessSweep.isZombie("42 (a) Z (b) S 1 42")).as("a name with ') Z ' in it").isFalse();
        assertThat(ProcessSweep.isZombie("42 (java) S 1 42 42 0 -1")).isFalse();
        assertThat(ProcessSweep.isZombie("42 (x) X 1")).as("dead").isTrue();
        assertThat(ProcessSweep.isZombie("")).isFalse();
    }

    private static ProcessHandle awaitChild(Process parent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var child = parent.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the shell started no child within 20 s");
    }
}
