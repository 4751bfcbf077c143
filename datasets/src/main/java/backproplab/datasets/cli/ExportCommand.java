package backproplab.datasets.cli;

import backproplab.datasets.Dataset;
import backproplab.datasets.Split;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One data set written as CSV: a header, then one row per sample in the data set's order with the features in
 * round-trip precision ({@link Double#toString}), the label as an integer and, with a split, {@code train} or
 * {@code test}.
 */
abstract class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SplitOptions splitOptions;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** The data set to write. */
    abstract Dataset dataset();

    @Override
    public Integer call() {
        Dataset data = dataset();
        Optional<Split> split = splitOptions.split(data);
        PrintWriter out = spec.commandLine().getOut();
        out.print(header(data.featureCount(), split.isPresent()));
        out.print('\n');
        boolean[] inTest = new boolean[data.size()];
        split.ifPresent(s -> {
            for (int index : s.testIndices()) {
                inTest[index] = true;
            }
        });
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            row.setLength(0);
            for (double value : data.x(i)) {
                row.append(value).append(',');
            }
            row.append(data.label(i));
            if (split.isPresent()) {
                row.append(',').append(inTest[i] ? "test" : "train");
            }
            out.print(row);
            out.print('\n');
        }
        out.flush();
        return 0;
    }

    /** {@code x,label} for one feature, {@code x1,x2,...,label} for more, plus {@code ,split} with a split. */
    static String header(int featureCount, boolean withSplit) {
        StringBuilder header = new StringBuilder();
        if (featureCount == 1) {
            header.append("x,");
        } else {
            for (int f = 1; f <= featureCount; f++) {
                header.append('x').append(f).append(',');
            }
        }
        header.append("label");
        if (withSplit) {
            header.append(",split");
        }
        return header.toString();
    }
}
