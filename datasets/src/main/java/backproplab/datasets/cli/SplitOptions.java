package backproplab.datasets.cli;

import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import backproplab.datasets.Split;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The optional train/test split of every export command: both options or neither. */
final class SplitOptions {

    @Option(names = "--test-size", paramLabel = "FRACTION",
            description = "Fraction of the samples for testing, strictly between 0 and 1 (needs --split-seed).")
    Double testSize;

    @Option(names = "--split-seed", paramLabel = "SEED",
            description = "numpy seed of scikit-learn's train_test_split, 0 .. 4294967295 (needs --test-size).")
    Long splitSeed;

    /** The split, when both options were given; empty when neither was. */
    Optional<Split> split(Dataset data) {
        if (testSize == null && splitSeed == null) {
            return Optional.empty();
        }
        if (testSize == null || splitSeed == null) {
            throw new IllegalArgumentException("--test-size and --split-seed go together, but only "
                    + (testSize == null ? "--split-seed" : "--test-size") + " was given");
        }
        return Optional.of(Datasets.trainTestSplit(data, testSize, splitSeed));
    }
}
