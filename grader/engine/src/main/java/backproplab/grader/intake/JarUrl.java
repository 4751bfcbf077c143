package backproplab.grader.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The jar file a class-path resource lives in, read from its {@code jar:} URL
 * ({@code jar:file:/opt/grader/lib/grader.jar!/backproplab/...} → {@code /opt/grader/lib/grader.jar}). The one place
 * that takes such a URL apart, for every part that finds its own resources (the skeleton's sources, the test JVM's
 * class path, the tests' list of suites).
 */
public final class JarUrl {

    private JarUrl() {
    }

    /**
     * Whether a resource's URL points into a jar.
     *
     * @param resource a class-path resource's URL
     * @return {@code true} for the {@code jar} protocol
     */
    public static boolean isJar(URL resource) {
        return "jar".equals(resource.getProtocol());
    }

    /**
     * The jar file of a resource in a jar.
     *
     * @param resource a {@code jar:<file URI>!/<entry>} URL
     * @return the jar's absolute, normalised path (escapes such as {@code %20} decoded)
     * @throws IllegalArgumentException if the URL is not of that form
     */
    public static Path jarOf(URL resource) {
        String url = resource.toString();
        int separator = url.indexOf("!/");
        if (!isJar(resource) || !url.startsWith("jar:") || separator < 0) {
            throw new IllegalArgumentException("Not a URL of a resource in a jar: " + url);
        }
        try {
            return Path.of(new URI(url.substring("jar:".length(), separator))).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot tell which jar " + url + " is in", e);
        }
    }
}
