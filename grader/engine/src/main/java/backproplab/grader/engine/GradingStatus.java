package backproplab.grader.engine;

/** How far grading got. */
public enum GradingStatus {

    /** The suites ran (possibly with failures, crashes or timeouts, all accounted for in the report). */
    GRADED,

    /** The submission did not compile; the report carries the compiler's messages. */
    COMPILE_ERROR,

    /**
     * The submission was refused before running (no sources, bad zip, forbidden package, or a broken structure
     * rule: code that uses reflection, I/O, threads, System.exit, … is not run at all and scores 0).
     */
    REJECTED,

    /** The grader itself failed; the report says so, and the score is not meaningful. */
    GRADER_ERROR;

    /** Whether the score reflects the student's work (PrairieLearn's {@code gradable}). */
    public boolean gradable() {
        return this == GRADED;
    }
}
