package backproplab.grader.cli;

import backproplab.grader.engine.ClassDataSharing;
import backproplab.grader.engine.TunedGraderStart;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The grader's command line, {@code java -jar grader/target/grader.jar <command>}: the main class of
 * grader.jar. See {@link GradeCommand} for {@code grade}.
 */
@Command(name = "grader",
        mixinStandardHelpOptions = true,
        version = "Backprop Lab grader 0.1.0",
        description = "Grades Backprop Lab submissions: compiles them, checks the API, runs the hidden suites in a "
                + "forked JVM and writes the platform reports.",
        subcommands = {GradeCommand.class, BatchCommand.class, BatchMergeCommand.class, ExportStudentCommand.class, GradescopeZipCommand.class,
                PrairieLearnPackageCommand.class, CommandLine.HelpCommand.class})
public final class GraderCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments, for example {@code grade solutions/src/main/java --out /tmp/g}
     */
    public static void main(String[] args) {
        // Without JVM options, and when the grader JVM's class-data archive exists, the grade runs in a second JVM
        // started with that archive and the platform script's options; this one only waits for it.
        OptionalInt tuned = TunedGraderStart.runIfUseful(args);
        if (tuned.isPresent()) {
            System.exit(tuned.getAsInt());
        }
        launchedFromMain = true;
        // This JVM lives for seconds: C1's code is good enough, C2 would cost more CPU than it saves. Setting that up
        // takes a few hundred milliseconds (the platform MBean server), on the core that is idle while this one starts.
        ClassDataSharing.keepC2AwayInBackground();
        System.exit(commandLine().execute(args));
    }

    /** Whether this JVM runs the command line through {@link #main}, so its start-up belongs to the run. */
    static volatile boolean launchedFromMain;

    /** A fresh command line with the grader's commands, for {@link CommandLine#execute(String...)} in tests. */
    public static CommandLine commandLine() {
        // Enum options are spelled in lower case on the command line (--cds use).
        return new CommandLine(new GraderCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
