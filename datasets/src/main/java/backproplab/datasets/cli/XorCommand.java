package backproplab.datasets.cli;

import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import picocli.CommandLine.Command;

/** {@code xor}: the four XOR points. */
@Command(name = "xor", description = "The 2-D XOR problem: (0,0)->0, (0,1)->1, (1,0)->1, (1,1)->0.")
final class XorCommand extends ExportCommand {

    @Override
    Dataset dataset() {
        return Datasets.xor();
    }
}
