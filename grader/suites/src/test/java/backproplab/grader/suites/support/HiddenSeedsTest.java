package backproplab.grader.suites.support;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.protocol.HiddenInputSeed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HiddenSeeds: every hidden input comes from the student seed")
class HiddenSeedsTest {

    @Test
    @DisplayName("a student id's seed is the first 8 bytes of its SHA-256, as documented, and two ids get two seeds")
    void studentIdHash() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("alice".getBytes(StandardCharsets.UTF_8));
        assertThat(HiddenInputSeed.ofStudentId(" alice ")).isEqualTo(ByteBuffer.wrap(digest).getLong());
        assertThat(HiddenInputSeed.ofStudentId("alice")).isNotEqualTo(HiddenInputSeed.ofStudentId("bob"));
    }

    @Test
    @DisplayName("the same student seed draws the same XOR seeds every time, and another student seed draws others, all from the pool")
    void xorSeedsPerStudent() {
        long[] pool = Thresholds.get().seeds("xor.seedPool");
        int count = Thresholds.get().integer("xor.seedCount");
        long[] alice = HiddenSeeds.distinct(HiddenInputSeed.ofStudentId("alice"), "xor.seeds", pool, count);
        long[] again = HiddenSeeds.distinct(HiddenInputSeed.ofStudentId("alice"), "xor.seeds", pool, count);
        long[] bob = HiddenSeeds.distinct(HiddenInputSeed.ofStudentId("bob"), "xor.seeds", pool, count);
        assertThat(again).as("alice's seeds, drawn again").containsExactly(alice);
        assertThat(bob).as("bob's seeds against alice's %s", Arrays.toString(alice)).isNotEqualTo(alice);
        assertThat(Arrays.stream(alice).distinct().count()).as("different seeds").isEqualTo(count);
        assertThat(Arrays.stream(pool).boxed().toList()).as("the calibrated pool").containsAll(
                Arrays.stream(bob).boxed().toList());
    }

    @Test
    @DisplayName("a purpose's seed depends on the student seed and on the purpose")
    void purposes() {
        assertThat(HiddenSeeds.derive(1, "network.backward.case1")).isEqualTo(HiddenSeeds.derive(1, "network.backward.case1"))
                .isNotEqualTo(HiddenSeeds.derive(2, "network.backward.case1"))
                .isNotEqualTo(HiddenSeeds.derive(1, "network.backward.case2"));
    }
}
