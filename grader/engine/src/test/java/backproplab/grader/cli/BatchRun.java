package backproplab.grader.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of a grader command ({@code batch}, {@code batch-merge}) and its console. */
record BatchRun(int exitCode, String stdout, String stderr) {

    /** Runs {@code batch} with the fast probe options of {@link CliRun#FAST} plus {@code args}. */
    static BatchRun batch(String... args) {
        List<String> all = new ArrayList<>(List.of("batch"));
        all.addAll(Arrays.asList(args));
        all.addAll(CliRun.FAST);
        return run(all.toArray(String[]::new));
    }

    /** Runs any grader command line. */
    static BatchRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new BatchRun(code, out.toString(), err.toString());
    }

    /** For assertion messages. */
    String describe() {
        return "exit code " + exitCode + "\nconsole:\n" + stdout + "\nerrors:\n" + stderr;
    }
}
