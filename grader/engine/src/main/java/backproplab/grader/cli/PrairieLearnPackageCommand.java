package backproplab.grader.cli;

import backproplab.grader.platform.GraderDistribution;
import backproplab.grader.platform.PrairieLearnPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader prairielearn-package <dir>}: writes the PrairieLearn external-grader files. */
@Command(name = "prairielearn-package",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a folder to merge into a PrairieLearn course: serverFilesCourse/backproplab/ (the entrypoint "
                    + "run.sh and the grader) and questions/backproplab/ (a question graded externally). The "
                    + "entrypoint grades /grade/student and always writes /grade/results/results.json."
        })
public final class PrairieLearnPackageCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The folder to write; must not exist or be empty.")
    private Path dir;

    @Option(names = "--grader-jar", paramLabel = "<jar>",
            description = "The grader.jar to bundle, with its lib/ folder beside it. Default: the running grader.jar.")
    private Path graderJar;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            GraderDistribution grader = graderJar != null ? GraderDistribution.of(graderJar) : GraderDistribution.running();
            List<String> files = new PrairieLearnPackage().write(dir, grader);
            out.println("PrairieLearn package written to " + dir.toAbsolutePath().normalize() + " (" + files.size()
                    + " files; entrypoint " + PrairieLearnPackage.SERVER_FILES + "/run.sh, see README.md there).");
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("prairielearn-package failed: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
