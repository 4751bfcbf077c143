package backproplab.grader.cli;

import backproplab.grader.export.Leak;
import backproplab.grader.export.StudentExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader export-student <dir> [--from <repoRoot>]}: writes the student repository. */
@Command(name = "export-student",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the student repository into <dir>: a standalone Maven project with datasets (the course "
                    + "runtime), the generated skeleton in exercises (visible tests and docs included), the Maven "
                    + "wrapper, a student README, .gitignore and a GitHub workflow that runs the visible tests.",
            "",
            "The result is scanned before it is handed out: a solution region, a hidden suite or a grader class "
                    + "in it makes the command fail (exit code 3) and lists what leaked."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The student repository was written and is clean.",
            "1:The export could not be written (see the message).",
            "2:Invalid command line.",
            "3:The export was written but leaks instructor material; do not hand it out."
        })
public final class ExportStudentCommand implements Callable<Integer> {

    /** Exit code: written, but something leaked. */
    public static final int LEAKED = 3;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The new student repository; must not exist or be empty.")
    private Path target;

    @Option(names = "--from", paramLabel = "<repoRoot>", defaultValue = ".",
            description = "The course repository's root. Default: the current folder.")
    private Path courseRoot;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StudentExport.Result result;
        try {
            result = new StudentExport(courseRoot).exportTo(target);
        } catch (IOException | IllegalArgumentException e) {
            err.println("export-student failed: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (!result.clean()) {
            err.println("The student repository in " + result.root() + " leaks instructor material; do not hand it out:");
            for (Leak leak : result.leaks()) {
                err.println("  " + leak);
            }
            err.flush();
            return LEAKED;
        }
        out.println("Student repository written to " + result.root() + " (" + result.written().size()
                + " files; no solution region, hidden suite or grader class in it).");
        out.println("Next: cd " + result.root() + " && ./mvnw -B test   # the TODO tests fail until the exercises are done");
        out.flush();
        return 0;
    }
}
