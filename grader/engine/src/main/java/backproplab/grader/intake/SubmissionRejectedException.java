package backproplab.grader.intake;

/**
 * The submission cannot be graded, for a reason the student can fix: nothing to compile, a broken or
 * oversized zip, a class in a package that is not an exercise package. The message says what to do; the
 * grader turns it into a report with score 0, not a crash.
 */
public class SubmissionRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the student-facing reason */
    public SubmissionRejectedException(String message) {
        super(message);
    }

    /**
     * @param message the student-facing reason
     * @param cause   the underlying error
     */
    public SubmissionRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
