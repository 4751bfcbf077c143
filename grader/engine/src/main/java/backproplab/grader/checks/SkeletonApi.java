package backproplab.grader.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The API every submission must provide: the public types and members of the exercises skeleton.
 *
 * <p>The build writes it to the resource {@value #RESOURCE} (see {@link SkeletonApiGenerator}), so the
 * grader never needs the skeleton's classes at grading time.
 */
public final class SkeletonApi {

    /** Where grader.jar carries the skeleton API, one {@link ApiSignature#line()} per line, sorted. */
    public static final String RESOURCE = "backproplab/grader/api/skeleton-api.txt";

    private final List<ApiSignature> signatures;

    /**
     * @param signatures the API's signatures, in any order
     */
    public SkeletonApi(List<ApiSignature> signatures) {
        List<ApiSignature> sorted = new ArrayList<>(signatures);
        sorted.sort(null);
        this.signatures = Collections.unmodifiableList(sorted);
    }

    /**
     * The skeleton API the build packed into the grader.
     *
     * @return the API read from {@value #RESOURCE}
     * @throws IllegalStateException if the resource is missing (the grader was built without the generator)
     */
    public static SkeletonApi bundled() {
        try (InputStream in = SkeletonApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The grader has no " + RESOURCE
                        + "; rebuild it with ./mvnw package so the skeleton API is generated.");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Parses the resource format: one signature line per line; blank lines and {@code #} comments ignored. */
    public static SkeletonApi parse(String text) {
        List<ApiSignature> signatures = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                signatures.add(ApiSignature.parse(line.stripTrailing()));
            }
        }
        return new SkeletonApi(signatures);
    }

    /**
     * Reads the API of compiled classes (a classes directory or a jar), resolving the types they mention
     * through {@code parent}. No class is initialised.
     *
     * @param location the exercises' classes
     * @param parent   a loader that can load the libraries the classes use (ND4J, datasets)
     * @return the API
     */
    public static SkeletonApi readFrom(Path location, ClassLoader parent) {
        List<ApiSignature> signatures = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {location.toUri().toURL()}, parent)) {
            for (String name : ClassFiles.binaryNames(location)) {
                Class<?> type = Class.forName(name, false, loader);
                if (isApiTypeChain(type)) {
                    signatures.addAll(ApiSignatureReader.read(type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classes in " + location, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A class listed in " + location + " cannot be loaded", e);
        }
        return new SkeletonApi(signatures);
    }

    /** A nested type counts only if every enclosing type is part of the API too. */
    static boolean isApiTypeChain(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!ApiSignatureReader.isApiType(t)) {
                return false;
            }
        }
        return true;
    }

    /** Every signature, sorted. */
    public List<ApiSignature> signatures() {
        return signatures;
    }

    /** The binary names of the API's types, sorted. */
    public SortedSet<String> typeNames() {
        SortedSet<String> names = new TreeSet<>();
        signatures.stream().filter(ApiSignature::isType).forEach(s -> names.add(s.className()));
        return names;
    }

    /** The class files of the API's top-level types, for example {@code backproplab/network/NeuralNetwork.class}. */
    public List<String> classResources() {
        return typeNames().stream().filter(name -> !name.contains("$")).map(name -> name.replace('.', '/') + ".class")
                .toList();
    }

    /** The packages of the API's types: the packages a submission may put classes in. */
    public SortedSet<String> packages() {
        SortedSet<String> packages = new TreeSet<>();
        typeNames().forEach(name -> packages.add(ClassFiles.packageOf(name)));
        return packages;
    }

    /** The resource text: one line per signature, sorted, ending with a line break. */
    public String text() {
        StringBuilder text = new StringBuilder();
        signatures.forEach(s -> text.append(s.line()).append('\n'));
        return text.toString();
    }
}
