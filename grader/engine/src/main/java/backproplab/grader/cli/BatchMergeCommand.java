package backproplab.grader.cli;

import backproplab.grader.engine.batch.BatchMerge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader batch-merge <shard-out>... --out <dir>}: one class's gradebook, summary and report from its shards. */
@Command(name = "batch-merge",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Combines the --out folders of several 'batch --shard' runs: copies every student's folder into --out and "
                    + "writes one gradebook.csv, summary.json and class-report.html for all of them. A student found "
                    + "in two inputs is taken from the first. --out may be one of the inputs."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The merged folders and class files were written.",
            "1:An input could not be read or the output written.",
            "2:Invalid command line."
        })
public final class BatchMergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<shard-out>", description = "The --out folders of the shards.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Folder for the merged output; created if missing.")
    private Path out;

    @Override
    public Integer call() {
        try {
            BatchMerge.merge(inputs, out, spec.commandLine().getOut());
            return 0;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("The merge failed: " + e);
            return 1;
        }
    }
}
