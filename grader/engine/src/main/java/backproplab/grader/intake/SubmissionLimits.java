package backproplab.grader.intake;

/**
 * Size caps on what a submission may contain, so a hostile or broken upload cannot fill the disk or the
 * compiler's memory.
 *
 * @param maxSourceFiles    most {@code .java} files accepted
 * @param maxSourceBytes    most bytes of {@code .java} files in total
 * @param maxZipEntries     most entries a zip may have
 * @param maxUnzippedBytes  most bytes a zip may expand to, counted as it is read (not from its headers)
 */
public record SubmissionLimits(int maxSourceFiles, long maxSourceBytes, int maxZipEntries, long maxUnzippedBytes) {

    /** 400 source files, 4 MB of sources, 2000 zip entries, 64 MB unzipped. */
    public static final SubmissionLimits DEFAULT = new SubmissionLimits(400, 4L << 20, 2000, 64L << 20);

    /** Checks every cap is positive. */
    public SubmissionLimits {
        if (maxSourceFiles <= 0 || maxSourceBytes <= 0 || maxZipEntries <= 0 || maxUnzippedBytes <= 0) {
            throw new IllegalArgumentException("every submission limit must be positive");
        }
    }
}
