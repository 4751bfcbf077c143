package backproplab.datasets;

import java.util.Arrays;

/**
 * A train/test split: the two data sets and the indices into the original data set they were taken from,
 * in scikit-learn's order (train and test follow the permutation, not the original order).
 */
public record Split(Dataset train, Dataset test, int[] trainIndices, int[] testIndices) {

    /** Copies the index arrays so that the split cannot be changed from outside. */
    public Split {
        if (train == null || test == null || trainIndices == null || testIndices == null) {
            throw new IllegalArgumentException("train, test and both index arrays must not be null");
        }
        if (train.size() != trainIndices.length || test.size() != testIndices.length) {
            throw new IllegalArgumentException("expected one index per sample, but train has " + train.size()
                    + " samples and " + trainIndices.length + " indices, test has " + test.size()
                    + " samples and " + testIndices.length + " indices");
        }
        trainIndices = trainIndices.clone();
        testIndices = testIndices.clone();
    }

    /** Indices (into the original data set) of the training samples, in split order (a copy). */
    @Override
    public int[] trainIndices() {
        return trainIndices.clone();
    }

    /** Indices (into the original data set) of the test samples, in split order (a copy). */
    @Override
    public int[] testIndices() {
        return testIndices.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Split that
                && train.equals(that.train) && test.equals(that.test)
                && Arrays.equals(trainIndices, that.trainIndices)
                && Arrays.equals(testIndices, that.testIndices);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * train.hashCode() + test.hashCode()) + Arrays.hashCode(trainIndices))
                + Arrays.hashCode(testIndices);
    }

    @Override
    public String toString() {
        return "Split[train=" + train.size() + " samples, test=" + test.size() + " samples]";
    }
}
