package backproplab.grader.cli.archbad;

import backproplab.grader.sandbox.SandboxRunner;

/** Breaks the layer rule on purpose: a command that drives a pipeline part itself instead of asking the engine. */
public final class CliThatRunsTheSandbox {

    private CliThatRunsTheSandbox() {
    }

    /** @return the sandbox's java, which only the engine may ask for */
    public static Object java() {
        return SandboxRunner.currentJava();
    }
}
