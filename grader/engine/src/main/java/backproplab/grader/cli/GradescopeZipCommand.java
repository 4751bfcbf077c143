package backproplab.grader.cli;

import backproplab.grader.platform.GraderDistribution;
import backproplab.grader.platform.GradescopePackage;
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

/** {@code grader gradescope-zip <out.zip>}: builds Gradescope's autograder.zip. */
@Command(name = "gradescope-zip",
        mixinStandardHelpOptions = true,
        description = {
            "Builds Gradescope's autograder.zip: setup.sh (installs OpenJDK 17 with apt), run_autograder (grades "
                    + "/autograder/submission and always writes /autograder/results/results.json), and the grader "
                    + "(grader.jar and lib/), so nothing is built on Gradescope's box.",
            "",
            "Limits fit Gradescope's default container (768 MB, 0.5 vCPU); see the top of backproplab-grade.sh in "
                    + "the zip. Upload the zip as the assignment's autograder and choose the Ubuntu base image."
        })
public final class GradescopeZipCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<out.zip>", description = "The zip to write (replaced if it exists).")
    private Path zip;

    @Option(names = "--grader-jar", paramLabel = "<jar>",
            description = "The grader.jar to bundle, with its lib/ folder beside it. Default: the running grader.jar.")
    private Path graderJar;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            GraderDistribution grader = graderJar != null ? GraderDistribution.of(graderJar) : GraderDistribution.running();
            List<String> entries = new GradescopePackage().write(zip, grader);
            out.println("Gradescope autograder written to " + zip.toAbsolutePath().normalize() + " (" + entries.size()
                    + " entries: " + String.join(", ", entries.subList(0, Math.min(4, entries.size()))) + ", lib/...).");
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("gradescope-zip failed: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
