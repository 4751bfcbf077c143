package backproplab.grader.cli;

import backproplab.grader.engine.GradingSession;
import backproplab.grader.engine.batch.ClassBatch;
import backproplab.grader.engine.batch.ConsoleProgress;
import backproplab.grader.engine.batch.ShardSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code grader batch <submissions> --out <dir>}: grades a whole class, one submission per entry of a folder, or per
 * repository of a list ({@code --repos}).
 */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Grades a whole class: every entry of <submissions> (a student repository clone, module folder, source "
                    + "folder, or a .zip of one) is one submission, and its name (without .zip) is the student id. "
                    + "With --repos list.txt the submissions are cloned first from the list's repositories.",
            "",
            "Each submission is graded exactly as 'grade <entry> --out <dir>/<id>' would grade it (same limits, "
                    + "scores and files; its own test JVM and work folder, and the hidden inputs of its id), in one grader JVM, "
                    + "--jobs at a time; javac runs in a warm compile server per job (its own JVM, same options). "
                    + "<dir>/<id> also gets batch-record.json (score, content hash, grader version); a submission's "
                    + "folder is complete or absent, even after Ctrl-C. A rerun keeps submissions whose files and "
                    + "grader are unchanged (--regrade grades them again).",
            "",
            "Class files written to --out: gradebook.csv (id, score, max, percent, status, one column per exercise), "
                    + "summary.json and class-report.html. The last line is the benchmark: submissions per minute and "
                    + "CPU-seconds per submission."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every submission folder and the class files were written, whatever the scores.",
            "1:The batch could not run (no submissions folder) or the class files could not be written.",
            "2:Invalid command line."
        })
public final class BatchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<submissions>",
            description = "Folder with one entry (folder or .zip) per student. With --repos, the folder the "
                    + "repositories are cloned into (default: <out>/.repos).")
    private Path submissions;

    @Option(names = "--repos", paramLabel = "<file>",
            description = "A list of student repositories to clone and grade, one 'id url' per line (# comments): each "
                    + "is cloned with git clone --depth 1 into <submissions>/<id> (replacing an earlier clone); one "
                    + "that cannot be cloned is recorded as not gradable, with git's reason.")
    private Path repositories;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Folder for the reports; created if missing.")
    private Path out;

    @Option(names = "--jobs", paramLabel = "<n>", description = "Submissions graded at once. Default: the number of cores (${DEFAULT-VALUE}).")
    private int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard", paramLabel = "<i/n>", converter = ShardConverter.class,
            description = "Grade only the i-th of n shares (1 <= i <= n) of the entries sorted by id: entries i, i+n, "
                    + "i+2n, ... For CI matrices; merge the shards' outputs with batch-merge. Default: 1/1 (all).")
    private ShardSpec shard = ShardSpec.ALL;

    @Option(names = "--regrade", description = "Grade every submission again, even when its files and the grader are unchanged.")
    private boolean regrade;

    @Mixin
    private GradingOptions grading;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        if (jobs < 1) {
            spec.commandLine().getErr().println("--jobs must be at least 1.");
            return 2;
        }
        if (grading.thresholds() != null && !Files.isRegularFile(grading.thresholds())) {
            spec.commandLine().getErr().println("The thresholds file " + grading.thresholds() + " does not exist.");
            return 2;
        }
        if (submissions == null && repositories == null) {
            spec.commandLine().getErr().println("Name the submissions folder, or a list of repositories with --repos.");
            return 2;
        }
        if (repositories != null && !Files.isRegularFile(repositories)) {
            spec.commandLine().getErr().println("The list of repositories " + repositories + " does not exist.");
            return 2;
        }
        Path folder = submissions != null ? submissions : out.resolve(".repos");
        try {
            ClassBatch.run(new ClassBatch.Request(folder, out, shard, jobs, regrade, grading.settings(),
                    grading.structureRules(), grading.suitePath(), grading.isolation(), repositories),
                    ConsoleProgress.detect(console), console);
            return 0;
        } catch (GradingSession.CannotIsolate e) {
            console.flush();
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            console.flush();
            spec.commandLine().getErr().println("The batch failed: " + e);
            return 1;
        }
    }

    /** Parses {@code --shard i/n}. */
    static final class ShardConverter implements ITypeConverter<ShardSpec> {
        @Override
        public ShardSpec convert(String value) {
            try {
                return ShardSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
