package backproplab.datasets;

import java.util.Arrays;
import backproplab.runtime.Backend;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable labelled data set: one row of features per sample and one integer label per sample.
 *
 * <p>Plain arrays come out as samples x features ({@link #samples()}) and one label per sample
 * ({@link #labelArray()}); the INDArray views use the notebook's layout for the vectorised network:
 * {@link #features()} is features x samples and {@link #labels()} is 1 x samples, both DOUBLE. Every accessor
 * returns a fresh copy, so callers cannot change the data set.
 */
public final class Dataset {

    private final double[][] samples;
    private final int[] labels;

    /**
     * @param samples one row per sample, all rows of the same length (at least one feature)
     * @param labels one label per sample
     * @throws IllegalArgumentException for no samples, ragged rows, no features or a label count that differs
     */
    public Dataset(double[][] samples, int[] labels) {
        if (samples == null || labels == null) {
            throw new IllegalArgumentException("samples and labels must not be null");
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException("a data set needs at least 1 sample, but got 0");
        }
        if (samples.length != labels.length) {
            throw new IllegalArgumentException("expected one label per sample, but got " + samples.length
                    + " samples and " + labels.length + " labels");
        }
        int featureCount = samples[0] == null ? 0 : samples[0].length;
        if (featureCount == 0) {
            throw new IllegalArgumentException("a data set needs at least 1 feature, but sample 0 has none");
        }
        double[][] copy = new double[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] == null || samples[i].length != featureCount) {
                throw new IllegalArgumentException("every sample must have " + featureCount
                        + " features like sample 0, but sample " + i + " has "
                        + (samples[i] == null ? "none (null)" : samples[i].length));
            }
            copy[i] = samples[i].clone();
        }
        this.samples = copy;
        this.labels = labels.clone();
    }

    /** Number of samples. */
    public int size() {
        return samples.length;
    }

    /** Number of features per sample. */
    public int featureCount() {
        return samples[0].length;
    }

    /** The features of sample i (a copy). */
    public double[] x(int i) {
        return samples[checkIndex(i)].clone();
    }

    /** The label of sample i. */
    public int label(int i) {
        return labels[checkIndex(i)];
    }

    /** All samples as samples x features (a copy). */
    public double[][] samples() {
        double[][] copy = new double[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            copy[i] = samples[i].clone();
        }
        return copy;
    }

    /** All labels, one per sample (a copy). */
    public int[] labelArray() {
        return labels.clone();
    }

    /** The samples at the given indices, in that order. */
    public Dataset subset(int[] indices) {
        double[][] rows = new double[indices.length][];
        int[] picked = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            rows[k] = samples[checkIndex(indices[k])];
            picked[k] = labels[indices[k]];
        }
        return new Dataset(rows, picked);
    }

    /** Features as a new features x samples DOUBLE INDArray (the notebook's X). Starts ND4J. */
    public INDArray features() {
        Backend.init();
        double[][] transposed = new double[featureCount()][size()];
        for (int i = 0; i < size(); i++) {
            for (int f = 0; f < featureCount(); f++) {
                transposed[f][i] = samples[i][f];
            }
        }
        return Nd4j.createFromArray(transposed);
    }

    /** Labels as a new 1 x samples DOUBLE INDArray (the notebook's y). Starts ND4J. */
    public INDArray labels() {
        Backend.init();
        double[][] row = new double[1][size()];
        for (int i = 0; i < size(); i++) {
            row[0][i] = labels[i];
        }
        return Nd4j.createFromArray(row);
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= samples.length) {
            throw new IndexOutOfBoundsException("sample index must be between 0 and " + (samples.length - 1)
                    + ", but was " + i);
        }
        return i;
    }

    /** Equal when all doubles are bit-identical and the labels match. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Dataset that
                && Arrays.deepEquals(samples, that.samples)
                && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(samples) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Dataset[" + size() + " samples x " + featureCount() + " features]";
    }
}
