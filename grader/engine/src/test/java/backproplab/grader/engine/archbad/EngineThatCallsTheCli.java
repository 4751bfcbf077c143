package backproplab.grader.engine.archbad;

import backproplab.grader.cli.GraderCommand;

/** Breaks the layer rule on purpose: the engine reaching back up into the CLI. */
public final class EngineThatCallsTheCli {

    private EngineThatCallsTheCli() {
    }

    /** @return the CLI, which only the CLI may build */
    public static Object commandLine() {
        return GraderCommand.commandLine();
    }
}
