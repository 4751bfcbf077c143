package backproplab.datasets.cli;

import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moons}: scikit-learn's make_moons, bit for bit. Defaults are the notebook's arguments. */
@Command(name = "moons", description = "Two interleaving half circles, identical to scikit-learn's make_moons.")
final class MoonsCommand extends ExportCommand {

    @Option(names = "--samples", paramLabel = "N", defaultValue = "400",
            description = "Number of points, 1 or more (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--noise", paramLabel = "SD", defaultValue = "0.15",
            description = "Standard deviation of the Gaussian noise, 0 or more (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "numpy seed (random_state), 0 .. 4294967295 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    Dataset dataset() {
        return Datasets.moons(samples, noise, seed);
    }
}
