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
}
