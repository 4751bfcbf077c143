package backproplab.datasets.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes a course data set as CSV to standard output: {@code moons}, {@code xor} or {@code pattern}, optionally with
 * a {@code split} column from a seeded train/test split. Plain arrays only, so ND4J never starts and the command is
 * quick. Bad arguments give one line on standard error and exit code 2.
 */
@Command(name = "datasets",
        description = "Writes a Backprop Lab data set as CSV to standard output.",
        subcommands = {MoonsCommand.class, XorCommand.class, PatternCommand.class},
        synopsisSubcommandLabel = "(moons | xor | pattern)")
public final class DatasetCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /** Entry point of {@code ./mvnw -q -pl datasets exec:java -Dexec.args="moons ..."}. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exitCode = execute(args, out, err);
        out.flush();
        err.flush();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Runs the command with the given streams and returns its exit code: 0 for success, 2 for bad arguments.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new DatasetCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(DatasetCommand::reportBadArguments);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof IllegalArgumentException) {
                failed.getErr().println(commandPath(failed) + ": " + exception.getMessage());
                failed.getErr().flush();
                return failed.getCommandSpec().exitCodeOnInvalidInput();
            }
            throw exception;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        return exitCode;
    }

    private static int reportBadArguments(ParameterException exception, String[] args) {
        CommandLine failed = exception.getCommandLine();
        failed.getErr().println(commandPath(failed) + ": " + exception.getMessage().replaceAll("\\R", " ")
                + " (see --help)");
        failed.getErr().flush();
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String commandPath(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a data set: moons, xor or pattern");
    }
}
