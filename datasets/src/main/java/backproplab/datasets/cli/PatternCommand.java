package backproplab.datasets.cli;

import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import picocli.CommandLine.Command;

/** {@code pattern}: the notebook's 1-D pattern. */
@Command(name = "pattern", description = "The notebook's 1-D pattern: x = 0, 1, 2, 3 -> 0, 1, 1, 0.")
final class PatternCommand extends ExportCommand {

    @Override
    Dataset dataset() {
        return Datasets.pattern();
    }
}
