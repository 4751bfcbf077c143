package backproplab.grader.engine.batch;

import backproplab.grader.engine.GradingSession;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a recorded grade depends on besides the submission: the grader's build (grader.jar and the jars of the suites,
 * the test-JVM runtime and the datasets, hashed) and every setting that can change a score. A rerun re-grades a
 * submission whose recorded fingerprint differs.
 *
 * <p>In it: the suites, the test JVM's limits and the isolation level that ran (from the session's settings, where
 * {@code --isolation auto} has become the level this machine gives: a submission that reads a file may pass under
 * {@code modules} and fail under {@code full}), the submission limits, whether ND4J starts before the tests, whether
 * the structure rules are checked, the {@code java} of the test JVM, the instructor's suite folders or jars (their
 * paths and contents) and the thresholds file's contents. Left out, because they change how fast a grade is, never what
 * it says: {@code --cds} (the class-data archives hold the same classes), {@code --fork-compiler} (javac and the checks
 * run with the same options in either JVM; a batch's warm compile servers too) and {@code --pictures}.
 */
public final class GraderFingerprint {

    private GraderFingerprint() {
    }

    /**
     * The fingerprint of this grader with these settings.
     *
     * @param settings   what the session runs and within which limits, with the isolation it chose
     *                   ({@link GradingSession#settings()})
     * @param moreSuites the instructor's own suite folders or jars, if any
     * @param structure  whether the structure rules are checked
     * @return a short stable text, for example {@code 0.1.0-SNAPSHOT+3f2a…/settings 91bc…}
     */
    public static String of(GradingSession.Settings settings, List<Path> moreSuites, boolean structure) {
        String version = GradingSession.class.getPackage().getImplementationVersion();
        StringBuilder describedSettings = new StringBuilder()
                .append(settings.suites()).append('|').append(settings.sandbox()).append('|')
                .append(settings.submissionLimits()).append('|').append(settings.backendInfo()).append('|')
                .append(structure).append('|').append(moreSuites).append('|').append(settings.java());
        try {
            MessageDigest digest = ContentHash.sha256();
            if (settings.thresholds() != null && Files.isRegularFile(settings.thresholds())) {
                ContentHash.update(digest, settings.thresholds());
            }
            for (Path suite : moreSuites) {
                if (Files.exists(suite)) {
                    describedSettings.append('|').append(ContentHash.of(suite));
                }
            }
            describedSettings.append('|').append(HexFormat.of().formatHex(digest.digest()));
            return (version == null ? "dev" : version) + "+" + build() + "/settings " + ContentHash.ofText(describedSettings.toString()).substring(0, 16);
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** A hash of grader.jar and the course jars beside it in lib/, or {@code classes} when run from class folders. */
    private static String build() throws IOException {
        Path code;
        try {
            code = Path.of(GradingSession.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown";
        }
        if (!Files.isRegularFile(code)) {
            return "classes";
        }
        MessageDigest digest = ContentHash.sha256();
        ContentHash.update(digest, code);
        Path lib = code.resolveSibling("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.sorted().toList()) {
                    String name = jar.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.startsWith("grader-") || name.startsWith("datasets") || name.startsWith("exercises")) {
                        ContentHash.update(digest, jar);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
