package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sandboxes of a root grader run as uids of their own")
class SandboxUidsTest {

    @Test
    @DisplayName("as many sandboxes as a grader runs at once get different uids, all far above the machine's accounts")
    void consecutiveSandboxesGetDifferentUids() {
        Set<Integer> uids = new HashSet<>();
        for (int i = 0; i < SandboxUids.PER_GRADER; i++) {
            uids.add(SandboxUids.next());
        }

        assertThat(uids).hasSize(SandboxUids.PER_GRADER)
                .allSatisfy(uid -> assertThat(uid).isGreaterThanOrEqualTo(SandboxUids.FIRST)
                        .isLessThan(SandboxUids.FIRST + SandboxUids.BLOCKS * SandboxUids.PER_GRADER));
    }

    @Test
    @DisplayName("the range ends below the largest uid the kernel accepts, so every uid of it is valid")
    void rangeFitsInAnInt() {
        long last = (long) SandboxUids.FIRST + (long) SandboxUids.BLOCKS * SandboxUids.PER_GRADER - 1;

        assertThat(last).isLessThan(Integer.MAX_VALUE);
    }
}
