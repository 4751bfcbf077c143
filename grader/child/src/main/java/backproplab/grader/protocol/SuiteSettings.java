package backproplab.grader.protocol;

/**
 * The settings a grading run hands the hidden suites in the test JVM, as system properties of that JVM: the one
 * place their names are written, read by the suites and set by the engine's launcher.
 */
public final class SuiteSettings {

    /** A properties file whose entries replace the suites' default thresholds (an instructor's {@code --thresholds}). */
    public static final String THRESHOLDS_FILE = "backproplab.thresholds";

    /** The folder where the suites draw their training pictures; absent means no pictures. */
    public static final String PICTURES_DIRECTORY = "backproplab.images.dir";

    /**
     * The submission's compiled classes (the last entry of the test JVM's class path), set when the grader sends the
     * course's reference with the hidden files ({@link HiddenFiles}): the test JVM then links the reference beneath each
     * hidden suite for the exercises that suite does not grade. Absent means every suite runs on the submission alone.
     */
    public static final String SUBMISSION_CLASSES = "backproplab.grader.submission";

    private SuiteSettings() {
    }
}
