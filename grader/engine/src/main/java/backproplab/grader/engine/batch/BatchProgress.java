package backproplab.grader.engine.batch;

/** Told as a batch goes; called from the batch's worker threads, one call at a time. */
public interface BatchProgress {

    /**
     * The batch starts.
     *
     * @param total how many submissions it will finish
     */
    void started(int total);

    /**
     * One submission is finished.
     *
     * @param record  what it came to
     * @param skipped whether its earlier grade was kept (unchanged submission and grader)
     */
    void finished(SubmissionRecord record, boolean skipped);

    /** Every submission is finished. */
    void ended();
}
