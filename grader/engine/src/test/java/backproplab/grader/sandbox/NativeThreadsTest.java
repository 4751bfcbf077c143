package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NativeThreadsTest {

    @Test
    @DisplayName("a test JVM's environment gets one OpenMP, OpenBLAS and MKL thread when the grader set none")
    void setsOneThreadWhenNoneIsSet() {
        Map<String, String> environment = new HashMap<>(Map.of("LANG", "C.UTF-8"));
        NativeThreads.singleThreaded(environment);
        assertThat(environment).containsEntry("OMP_NUM_THREADS", "1").containsEntry("OPENBLAS_NUM_THREADS", "1")
                .containsEntry("MKL_NUM_THREADS", "1").containsEntry("LANG", "C.UTF-8");
    }

    @Test
    @DisplayName("a thread count the grader was started with reaches the test JVM unchanged")
    void keepsTheGradersOwnSetting() {
        Map<String, String> environment = new HashMap<>(Map.of("OMP_NUM_THREADS", "2"));
        NativeThreads.singleThreaded(environment);
        assertThat(environment).containsEntry("OMP_NUM_THREADS", "2").containsEntry("OPENBLAS_NUM_THREADS", "1");
    }
}
