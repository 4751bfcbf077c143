package backproplab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

class BackendTest {

    @Test
    @DisplayName("init makes DOUBLE the default data type, so course arrays are double precision")
    void initMakesDoubleTheDefault() {
        Backend.init();
        assertThat(Nd4j.create(new double[] {1.5}).dataType())
                .as("data type of a fresh INDArray after Backend.init()")
                .isEqualTo(DataType.DOUBLE);
    }

    @Test
    @DisplayName("describe names the backend, the BLAS vendor, the thread count and the data type in one line")
    void describeIsOneInformativeLine() {
        BackendInfo info = Backend.info();
        String line = Backend.describe();
        assertThat(line).as("Backend.describe()").doesNotContain("\n")
                .contains(info.backend()).contains("BLAS " + info.blasVendor()).contains("DOUBLE");
        assertThat(info.threads()).as("OpenMP threads reported by ND4J after Backend.init() (default 1)").isEqualTo(1);
        assertThat(info.backend()).as("backend on a machine without a GPU").isEqualTo("CPU");
        assertThat(info.blasVendor()).as("BLAS vendor").isNotBlank().isNotEqualTo("unknown");
    }

    @Test
    @DisplayName("init turns off ND4J's periodic System.gc and op profiling, which cost more than tiny arrays save")
    void initTurnsOffPeriodicGcAndProfiling() {
        Backend.init();
        assertThat(Nd4j.getMemoryManager().isPeriodicGcActive())
                .as("ND4J's periodic GC after Backend.init() (a full collection every few seconds)").isFalse();
        assertThat(Nd4j.getExecutioner().getProfilingMode())
                .as("ND4J's op profiling mode after Backend.init()").isEqualTo(OpExecutioner.ProfilingMode.DISABLED);
        assertThat(Nd4j.getEnvironment().isDebug() || Nd4j.getEnvironment().isVerbose())
                .as("native debug or verbose output after Backend.init()").isFalse();
    }

    @Test
    @DisplayName("the physical-memory check goes off only when nobody set a cap, under either of JavaCPP's two names")
    void physicalMemoryCapSetByTheGraderStays() {
        java.util.Properties none = new java.util.Properties();
        Backend.skipPhysicalMemoryCheck(none);
        assertThat(none.getProperty(Backend.MAX_PHYSICAL_BYTES_PROPERTY)).as("no cap set: the check is off").isEqualTo("0");

        java.util.Properties grader = new java.util.Properties();
        grader.setProperty(Backend.MAX_PHYSICAL_BYTES_LOWER_CASE, "768m");
        Backend.skipPhysicalMemoryCheck(grader);
        // JavaCPP reads the camel-case name first, so setting it would lift the grader's cap.
        assertThat(grader.getProperty(Backend.MAX_PHYSICAL_BYTES_PROPERTY)).as("the grader's test JVM (lower-case cap)").isNull();

        java.util.Properties camel = new java.util.Properties();
        camel.setProperty(Backend.MAX_PHYSICAL_BYTES_PROPERTY, "1g");
        Backend.skipPhysicalMemoryCheck(camel);
        assertThat(camel.getProperty(Backend.MAX_PHYSICAL_BYTES_PROPERTY)).isEqualTo("1g");
    }
}
