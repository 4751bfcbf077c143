package backproplab.grader.suites.support;

import backproplab.grader.protocol.HiddenFiles;
import backproplab.grader.protocol.SuiteSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The tolerances, thresholds and training settings of the hidden suites, read from one file:
 * {@code backproplab/grader/thresholds.properties} on the class path, where every value has a comment with
 * the calibration behind it.
 *
 * <p>An instructor overrides entries with the system property {@value #OVERRIDE_PROPERTY} = path of a
 * properties file: its entries replace the defaults with the same key. A key that is not in the defaults is
 * an error (a typo would otherwise be ignored in silence), and so is a value that is not a number where a
 * number is read.
 */
public final class Thresholds {

    /** System property naming an instructor's override file. */
    public static final String OVERRIDE_PROPERTY = SuiteSettings.THRESHOLDS_FILE;

    /** Class-path resource holding the defaults. */
    public static final String RESOURCE = "/backproplab/grader/thresholds.properties";

    private static volatile Thresholds current;

    private final Properties values;
    private final String source;

    private Thresholds(Properties values, String source) {
        this.values = values;
        this.source = source;
    }

    /** The thresholds of this JVM: the defaults, with the file named by {@value #OVERRIDE_PROPERTY} on top. */
    public static Thresholds get() {
        Thresholds loaded = current;
        if (loaded == null) {
            synchronized (Thresholds.class) {
                loaded = current;
                if (loaded == null) {
                    String override = System.getProperty(OVERRIDE_PROPERTY);
                    loaded = override == null || override.isBlank() ? loadWithSentOverride() : load(Path.of(override.trim()));
                    current = loaded;
                }
            }
        }
        return loaded;
    }

    /**
     * The defaults, with {@code override} on top when it is not {@code null}.
     *
     * @throws IllegalStateException if a file cannot be read or the override has a key the defaults lack
     */
    public static Thresholds load(Path override) {
        Properties defaults = new Properties();
        try (InputStream in = Thresholds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The grader's default thresholds " + RESOURCE + " are missing from the class path.");
            }
            try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                defaults.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the grader's default thresholds " + RESOURCE + " failed", e);
        }
        if (override == null) {
            return new Thresholds(defaults, RESOURCE);
        }
        Properties instructor = new Properties();
        try (Reader reader = Files.newBufferedReader(override, StandardCharsets.UTF_8)) {
            instructor.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("The thresholds override " + override + " (system property "
                    + OVERRIDE_PROPERTY + ") cannot be read: " + e.getMessage(), e);
        }
        return merged(defaults, instructor, override.toString());
    }

    /**
     * In the grader's test JVM, the instructor's thresholds come from the grader over its event socket, not from a file
     * the test JVM could read: the suites' class loader serves them as {@link HiddenFiles#THRESHOLDS_OVERRIDE_RESOURCE}.
     */
    private static Thresholds loadWithSentOverride() {
        Thresholds defaults = load(null);
        try (InputStream in = Thresholds.class.getResourceAsStream("/" + HiddenFiles.THRESHOLDS_OVERRIDE_RESOURCE)) {
            if (in == null) {
                return defaults;
            }
            Properties instructor = new Properties();
            try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                instructor.load(reader);
            }
            return merged(defaults.values, instructor, "the instructor's thresholds file (--thresholds)");
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the instructor's thresholds failed", e);
        }
    }

    private static Thresholds merged(Properties defaults, Properties instructor, String override) {
        TreeSet<String> unknown = new TreeSet<>(instructor.stringPropertyNames());
        unknown.removeAll(defaults.stringPropertyNames());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The thresholds override " + override + " has keys the grader does not know: "
                    + unknown + ". Valid keys are those of " + RESOURCE + ".");
        }
        Properties merged = new Properties();
        merged.putAll(defaults);
        merged.putAll(instructor);
        return new Thresholds(merged, RESOURCE + " + " + override);
    }

    /** Where the values came from, for messages. */
    public String source() {
        return source;
    }

    /** The raw text of an entry. */
    public String text(String key) {
        String value = values.getProperty(Objects.requireNonNull(key, "key"));
        if (value == null) {
            throw new IllegalStateException("No threshold '" + key + "' in " + source + ".");
        }
        return value.trim();
    }

    /** A decimal entry, such as {@code 1e-3}. */
    public double number(String key) {
        String value = text(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Threshold '" + key + "' in " + source + " must be a number, but is '" + value + "'.", e);
        }
    }

    /** A whole-number entry. */
    public int integer(String key) {
        String value = text(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Threshold '" + key + "' in " + source + " must be a whole number, but is '" + value + "'.", e);
        }
    }

    /** A comma-separated list of whole numbers, such as layer sizes {@code 2,8,1}. */
    public int[] integers(String key) {
        return Arrays.stream(longList(key)).mapToInt(Math::toIntExact).toArray();
    }

    /** A comma-separated list of seeds. */
    public long[] seeds(String key) {
        return longList(key);
    }

    /**
     * A comma-separated list of seed pairs written {@code a/b}, such as a calibrated pool of (data seed, init seed) runs
     * {@code 7/1000,7/1003,11/1000}.
     */
    public long[][] seedPairs(String key) {
        String value = text(key);
        try {
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(pair -> {
                String[] parts = pair.split("/");
                if (parts.length != 2) {
                    throw new NumberFormatException(pair);
                }
                return new long[] {Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim())};
            }).toArray(long[][]::new);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Threshold '" + key + "' in " + source
                    + " must be a comma-separated list of pairs a/b of whole numbers, but is '" + value + "'.", e);
        }
    }

    private long[] longList(String key) {
        String value = text(key);
        try {
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Threshold '" + key + "' in " + source
                    + " must be a comma-separated list of whole numbers, but is '" + value + "'.", e);
        }
    }
}
