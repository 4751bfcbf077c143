package backproplab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

@DisplayName("Dataset is an immutable labelled data set with plain-array and INDArray views")
class DatasetTest {

    private final double[][] points = {{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}};
    private final int[] labels = {0, 1, 1};

    @Test
    @DisplayName("size, featureCount, x(i) and label(i) describe the data")
    void accessors() {
        Dataset data = new Dataset(points, labels);
        assertThat(data.size()).as("size").isEqualTo(3);
        assertThat(data.featureCount()).as("featureCount").isEqualTo(2);
        assertThat(data.x(1)).as("x(1)").containsExactly(3.0, 4.0);
        assertThat(data.label(2)).as("label(2)").isEqualTo(1);
    }

    @Test
    @DisplayName("features() is features x samples and labels() is 1 x samples, both DOUBLE")
    void indarrayViewsUseTheNotebookLayout() {
        Dataset data = new Dataset(points, labels);
        INDArray x = data.features();
        INDArray y = data.labels();
        assertThat(x.shape()).as("shape of features(): features x samples").containsExactly(2L, 3L);
        assertThat(x.dataType()).as("data type of features()").isEqualTo(DataType.DOUBLE);
        assertThat(x.toDoubleMatrix()).as("features() is the transpose of the samples")
                .isEqualTo(new double[][] {{1.0, 3.0, 5.0}, {2.0, 4.0, 6.0}});
        assertThat(y.shape()).as("shape of labels(): 1 x samples").containsExactly(1L, 3L);
        assertThat(y.dataType()).as("data type of labels()").isEqualTo(DataType.DOUBLE);
        assertThat(y.toDoubleVector()).as("labels() values").containsExactly(0.0, 1.0, 1.0);
    }

    @Test
    @DisplayName("changing the input arrays, a returned array or an INDArray view leaves the data set unchanged")
    void defensiveCopies() {
        double[][] input = {{1.0, 2.0}, {3.0, 4.0}};
        int[] inputLabels = {0, 1};
        Dataset data = new Dataset(input, inputLabels);
        input[0][0] = 99;
        inputLabels[0] = 7;
        data.x(0)[0] = 98;
        data.samples()[1][1] = 97;
        data.labelArray()[1] = 5;
        data.features().putScalar(0, 0, 96);
        data.labels().putScalar(0, 1, 95);
        assertThat(data.samples()).as("samples after outside changes").isEqualTo(new double[][] {{1.0, 2.0}, {3.0, 4.0}});
        assertThat(data.labelArray()).as("labels after outside changes").containsExactly(0, 1);
    }

    @Test
    @DisplayName("bad construction arguments are refused with a message")
    void refusesBadData() {
        assertThatThrownBy(() -> new Dataset(new double[0][], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 sample");
        assertThatThrownBy(() -> new Dataset(points, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 samples and 2 labels");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1, 2}, {3}}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample 1 has 1");
        assertThatThrownBy(() -> new Dataset(new double[][] {{}}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 feature");
        assertThatThrownBy(() -> new Dataset(null, labels))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    @DisplayName("x(i) outside the data set names the valid range")
    void indexOutOfRange() {
        Dataset data = new Dataset(points, labels);
        assertThatThrownBy(() -> data.x(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("between 0 and 2").hasMessageContaining("3");
        assertThatThrownBy(() -> data.label(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("subset picks samples in the given order; Split copies its index arrays")
    void subsetAndSplitCopies() {
        Dataset data = new Dataset(points, labels);
        Dataset picked = data.subset(new int[] {2, 0});
        assertThat(picked.samples()).as("subset(2, 0)").isEqualTo(new double[][] {{5.0, 6.0}, {1.0, 2.0}});
        assertThat(picked.labelArray()).as("labels of subset(2, 0)").containsExactly(1, 0);
        int[] train = {2, 0};
        Split split = new Split(picked, data.subset(new int[] {1}), train, new int[] {1});
        train[0] = 42;
        split.trainIndices()[1] = 42;
        assertThat(split.trainIndices()).as("train indices after outside changes").containsExactly(2, 0);
        assertThatThrownBy(() -> new Split(picked, picked, new int[] {1}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one index per sample");
    }
}
