package backproplab.grader.child;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The class loader of one hidden suite: the suite and its support code ({@value #SUITES}), the student's classes of
 * the course packages the suite grades, and the course's reference classes for every other course package; JUnit,
 * ND4J, the datasets and the grader's runtime come from the parent (the test JVM's class path), so they are shared.
 *
 * <p>The suites' classes and resources come from the hidden files the parent sent ({@link SuiteFiles}), never from the
 * class path: this loader finds no URL for them, and hands a suite resource (the thresholds) only to the suites' own
 * code, so student code that asks for one gets nothing.
 *
 * <p>It remembers which of the student's classes and which reference packages it defined, for the line "Your code
 * that ran" of a failure.
 */
final class SuiteClassLoader extends ClassLoader {

    /** The package of the hidden suites; it and its subpackages are defined here, so they link to this loader's course. */
    static final String SUITES = "backproplab.grader.suites";

    static {
        registerAsParallelCapable();
    }

    private final SuiteFiles hidden;
    private final CourseClasses submission;
    private final CourseClasses reference;
    private final Set<String> studentPackages;
    private final Set<String> referencePackages;
    private final SortedSet<String> studentClassesDefined = new TreeSet<>();
    private final SortedSet<String> referencePackagesDefined = new TreeSet<>();
    private final Set<String> definedFromHidden = new java.util.HashSet<>();

    /**
     * @param parent          the test JVM's class path loader
     * @param submission      the student's compiled classes
     * @param reference       the course's reference classes
     * @param studentPackages the course packages whose classes come from the submission
     * @param hidden          the hidden suites' files
     */
    SuiteClassLoader(ClassLoader parent, CourseClasses submission, CourseClasses reference, Set<String> studentPackages,
                     SuiteFiles hidden) {
        super("suite", parent);
        this.hidden = hidden;
        this.submission = submission;
        this.reference = reference;
        this.studentPackages = Set.copyOf(studentPackages);
        this.referencePackages = reference.packages();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineHere(name);
            }
            if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** Defines a suite or course class in this loader, or returns null for a class the parent provides. */
    private Class<?> defineHere(String name) throws ClassNotFoundException {
        String pkg = CourseClasses.packageOf(name);
        if (isSuitePackage(pkg)) {
            Optional<byte[]> bytes = hidden.suiteClass(name);
            // Without hidden files (the child module's own tests), the suites are on the class path.
            return bytes.isPresent() ? defineHidden(name, bytes.get()) : define(name, classPathBytes(name));
        }
        boolean student = takesFromSubmission(name);
        if (!student && !referencePackages.contains(pkg)) {
            return null;
        }
        byte[] bytes = (student ? submission : reference).bytes(name).orElseThrow(() -> new ClassNotFoundException(name));
        Class<?> defined = define(name, bytes);
        synchronized (this) {
            if (student) {
                studentClassesDefined.add(name);
            } else {
                referencePackagesDefined.add(pkg);
            }
        }
        return defined;
    }

    /**
     * A class of the hidden files outside the suites' package and the course's packages: an instructor's own suite
     * ({@code --suite-path}) and its helpers. Asked only after the parent, so a library class in an instructor's jar
     * never shadows the test JVM's own.
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!CourseClasses.isCoursePackage(CourseClasses.packageOf(name))) {
            Optional<byte[]> bytes = hidden.suiteClass(name);
            if (bytes.isPresent()) {
                return defineHidden(name, bytes.get());
            }
        }
        throw new ClassNotFoundException(name);
    }

    private Class<?> defineHidden(String name, byte[] bytes) {
        Class<?> defined = define(name, bytes);
        synchronized (this) {
            definedFromHidden.add(name);
        }
        return defined;
    }

    /** Whether this loader defines a course class from the submission (not from the reference, not from the parent). */
    boolean takesFromSubmission(String className) {
        String pkg = CourseClasses.packageOf(className);
        return studentPackages.contains(pkg) || !referencePackages.contains(pkg) && submission.bytes(className).isPresent();
    }

    private Class<?> define(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }

    static boolean isSuitePackage(String pkg) {
        return pkg.equals(SUITES) || pkg.startsWith(SUITES + ".");
    }

    /** No URL for a hidden file: it exists in memory only. */
    @Override
    public URL getResource(String name) {
        return hidden.isHidden(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return hidden.isHidden(name) ? java.util.Collections.emptyEnumeration() : super.getResources(name);
    }

    /**
     * A suite resource (the default or the instructor's thresholds) for the suites' own code; for any other caller, or
     * any other name, what the class path has.
     */
    @Override
    public InputStream getResourceAsStream(String name) {
        Optional<byte[]> bytes = hidden.suiteResource(name);
        if (bytes.isPresent()) {
            return calledBySuiteCode() ? new ByteArrayInputStream(bytes.get()) : null;
        }
        return hidden.isHidden(name) ? null : super.getResourceAsStream(name);
    }

    /**
     * Whether the code asking is a class this loader defined from the hidden files (a lambda or nested class counts as
     * its nest host): the first frame outside the JDK's base module and this class. A student's class is never defined
     * from the hidden files, so it cannot pass for a suite.
     */
    private boolean calledBySuiteCode() {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type != SuiteClassLoader.class && type.getModule() != Object.class.getModule())
                .findFirst().orElse(null));
        if (caller == null || caller.getClassLoader() != this) {
            return false;
        }
        synchronized (this) {
            return definedFromHidden.contains(caller.getNestHost().getName());
        }
    }

    private byte[] classPathBytes(String name) throws ClassNotFoundException {
        return classFile(getParent(), name).orElseThrow(() -> new ClassNotFoundException(name));
    }

    /** A class's file as a loader's class path has it, if it has it (empty too if it cannot be read). */
    static Optional<byte[]> classFile(ClassLoader loader, String className) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The student's classes defined so far (top-level and nested), sorted. */
    synchronized SortedSet<String> studentClassesDefined() {
        return new TreeSet<>(studentClassesDefined);
    }

    /** The course packages whose reference classes were defined so far, sorted. */
    synchronized SortedSet<String> referencePackagesDefined() {
        return new TreeSet<>(referencePackagesDefined);
    }

    /** The course packages that come from the submission. */
    Set<String> studentPackages() {
        return studentPackages;
    }
}
