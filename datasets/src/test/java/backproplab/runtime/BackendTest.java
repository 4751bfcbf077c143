package backproplab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
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
}
