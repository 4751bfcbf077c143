package backproplab.grader.protocol;

/**
 * The files a test JVM needs but must not be able to read, sent by the parent over the authenticated event socket
 * instead of being put on the test JVM's class path or in its file system: the hidden suites' classes and resources,
 * the course's reference classes (exercise isolation) and an instructor's thresholds file.
 *
 * <p>On the wire, right after the parent has checked the test JVM's {@link ChildEvent.Hello}: one line
 * {@value #HEADER}{@code <n>\n}, then {@code n} bytes of a zip archive whose entry names start with {@value #SUITES},
 * {@value #REFERENCE} or are {@value #THRESHOLDS_OVERRIDE}; the go line of a prestarted JVM follows. The test JVM
 * defines the suite classes from memory and serves their resources to the suites' own code only, so neither a file
 * path nor a class-path lookup made by student code finds them.
 */
public final class HiddenFiles {

    /** The start of the line that announces the archive; the byte count follows. */
    public static final String HEADER = "hidden-files ";
    /** Prefix of the entries of the hidden suites (their jar or class folder, paths as in it). */
    public static final String SUITES = "suites/";
    /** Prefix of the entries of the course's reference classes. */
    public static final String REFERENCE = "reference/";
    /** The instructor's thresholds file ({@code --thresholds}), when there is one. */
    public static final String THRESHOLDS_OVERRIDE = "thresholds-override.properties";
    /**
     * The resource name under which a suite reads the instructor's thresholds in the test JVM (served by the suites'
     * class loader, to suite code only).
     */
    public static final String THRESHOLDS_OVERRIDE_RESOURCE = "backproplab/grader/thresholds-override.properties";
    /** Largest archive a test JVM accepts: far above the suites' few hundred kilobytes, far below its heap. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private HiddenFiles() {
    }
}
