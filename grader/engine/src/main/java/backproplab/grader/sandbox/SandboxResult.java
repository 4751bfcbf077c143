package backproplab.grader.sandbox;

import java.util.List;

/**
 * The outcome of a forked run, beside the scores (which went into the caller's collector).
 *
 * @param backend  the child's {@code Backend.describe()} line, or {@code ""} if it never arrived
 * @param complete whether every planned test reported its own end
 * @param children every child JVM started, in order (more than one when a child died and was replaced)
 * @param problem  a note for the report when the run did not complete, else {@code ""}
 * @param graderProblem why the run says nothing about the submission (test JVMs killed from outside, again
 *                 after a retry), else {@code ""}
 * @param notes    for the run notes: differences between the suites' written plan and what a test JVM announced
 *                 (the plan counts), processes left running that were stopped
 */
public record SandboxResult(String backend, boolean complete, List<ChildRun> children, String problem,
                            String graderProblem, List<String> notes) {

    /** Copies the lists. */
    public SandboxResult {
        children = List.copyOf(children);
        problem = problem == null ? "" : problem;
        graderProblem = graderProblem == null ? "" : graderProblem;
        notes = List.copyOf(notes);
    }

    /** This result with one more note. */
    SandboxResult withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new SandboxResult(backend, complete, children, problem, graderProblem, more);
    }

    /** JVM start-up of the first child, in milliseconds. */
    public long startupMillis() {
        return children.isEmpty() ? 0 : children.get(0).startupMillis();
    }

    /** ND4J start-up of the first child, in milliseconds. */
    public long backendMillis() {
        return children.isEmpty() ? 0 : children.get(0).backendMillis();
    }

    /** CPU time of the children that finished their run, in milliseconds ({@code -1} if none did). */
    public long cpuMillis() {
        return children.stream().mapToLong(ChildRun::cpuMillis).filter(ms -> ms >= 0).reduce(Long::sum).orElse(-1);
    }

    /** Discovery plus test time, summed over all children, in milliseconds. */
    public long testsMillis() {
        return children.stream().mapToLong(c -> c.discoveryMillis() + c.testsMillis()).sum();
    }
}
