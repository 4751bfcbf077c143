package backproplab.grader.child;

import backproplab.grader.protocol.IntegrationSuite;
import backproplab.grader.protocol.SuiteSettings;
import backproplab.scoring.CourseDocs;
import backproplab.scoring.FailureContext;
import backproplab.scoring.FailureMessages;
import backproplab.scoring.Graded;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Exercise isolation: each hidden suite grades the student's methods of the exercises it names, with the course's
 * reference beneath them, so that one bug costs points once. A suite's exercises are the task ids of its
 * {@code @Graded} tests (the part before the first dot, as the reports' course order has it), and an exercise
 * {@code x} is the course package {@code backproplab.x}: the suite's class loader ({@link SuiteClassLoader}) takes
 * those packages from the submission and every other course package from the reference.
 *
 * <p>Suites marked {@link IntegrationSuite}, suites outside {@value SuiteClassLoader#SUITES} (an instructor's own) and
 * suites with a task that names no course package run on the student's whole submission. So does any package where
 * the student's public API differs from the reference's (an extra public class or method another exercise of theirs
 * might call): the reference could not stand in for it, and a correct submission must never fail for the isolation.
 *
 * <p>As the {@link FailureContext} of the run it says, at the end of each failed test's message, which of the student's
 * methods ran ({@link #codeThatRan(String, Throwable)}).
 */
final class ExerciseIsolation implements FailureContext {

    private final ClassLoader parent;
    private final SuiteFiles hidden;
    private final CourseClasses submission;
    private final CourseClasses reference;
    private final Set<String> ownApiPackages;
    private final Map<String, SuiteClassLoader> loaderBySuite = new ConcurrentHashMap<>();
    private final SuiteCalls suiteCalls;
    /** Reads the suites' annotations before their own loaders exist: the reference stands in for every exercise. */
    private final SuiteClassLoader probes;
    /** Defines an instructor's own suites (outside the suites' package) from the hidden files, over the whole submission. */
    private final SuiteClassLoader instructorSuites;

    /** Isolation with the suites on the class path (the child's own tests). */
    ExerciseIsolation(ClassLoader parent, CourseClasses submission, CourseClasses reference) {
        this(parent, submission, reference, SuiteFiles.NONE);
    }

    ExerciseIsolation(ClassLoader parent, CourseClasses submission, CourseClasses reference, SuiteFiles hidden) {
        this.parent = parent;
        this.hidden = hidden;
        this.submission = submission;
        this.reference = reference;
        this.ownApiPackages = packagesWithOwnApi();
        this.probes = new SuiteClassLoader(parent, submission, reference, Set.of(), hidden);
        this.instructorSuites = wholeSubmission(parent, hidden);
        this.suiteCalls = new SuiteCalls(this::suiteClassFile, name -> name.startsWith(SuiteClassLoader.SUITES + "."));
    }

    /** A suite class's file: the same bytes its loader defines (from the hidden files, else the class path). */
    private Optional<byte[]> suiteClassFile(String className) {
        return hidden.suiteClass(className).or(() -> SuiteClassLoader.classFile(parent, className));
    }

    /**
     * Isolation as the launcher set it up: the submission's classes ({@link SuiteSettings#SUBMISSION_CLASSES}) and the
     * reference the parent sent; empty without a reference.
     */
    static Optional<ExerciseIsolation> fromSettings(ClassLoader parent, SuiteFiles hidden) {
        String submission = System.getProperty(SuiteSettings.SUBMISSION_CLASSES, "");
        if (!hidden.hasReference() || submission.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ExerciseIsolation(parent, CourseClasses.read(Path.of(submission)), hidden.reference(), hidden));
    }

    /**
     * A loader of the hidden suites over the submission on the class path, with no reference beneath: how an
     * instructor's own suites run, and every suite when there is no reference.
     */
    static SuiteClassLoader wholeSubmission(ClassLoader parent, SuiteFiles hidden) {
        CourseClasses none = CourseClasses.of(Map.of());
        return new SuiteClassLoader(parent, none, none, Set.of(), hidden);
    }

    /**
     * The loader that finds every suite class by name, each in its suite's own loader: the test JVM's context class
     * loader, through which JUnit and the scoring code look classes up by name ({@code GradedLookup}).
     */
    ClassLoader suiteLookup() {
        return new ClassLoader("suite-lookup", parent) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                int nested = name.indexOf('$');
                SuiteClassLoader loader = loaderBySuite.get(nested < 0 ? name : name.substring(0, nested));
                return Class.forName(name, false, loader == null ? instructorSuites : loader);
            }
        };
    }

    /**
     * Loads a suite in a class loader of its own, which links it to the student's classes of the exercises it grades
     * and to the reference for the others.
     *
     * @param name the suite's class name
     * @return the suite class
     * @throws ClassNotFoundException if there is no such suite
     */
    Class<?> suiteClass(String name) throws ClassNotFoundException {
        if (!SuiteClassLoader.isSuitePackage(CourseClasses.packageOf(name))) {
            // A suite outside the suites' package (an instructor's own) runs on the whole submission.
            return Class.forName(name, false, instructorSuites);
        }
        Class<?> probe = Class.forName(name, false, probes);
        SuiteClassLoader loader = new SuiteClassLoader(parent, submission, reference, studentPackagesOf(probe), hidden);
        Class<?> suite = Class.forName(name, false, loader);
        if (suite.getClassLoader() == loader) {
            loaderBySuite.put(name, loader);
        }
        // A suite outside the suites' package (an instructor's own) stays in the parent, on the whole submission.
        return suite;
    }

    /** The course packages a suite takes from the submission. */
    Set<String> studentPackagesOf(Class<?> suite) {
        Set<String> exercises = new TreeSet<>();
        Graded onClass = suite.getAnnotation(Graded.class);
        if (onClass != null) {
            exercises.add(exerciseOf(onClass.task()));
        }
        for (Method method : suite.getDeclaredMethods()) {
            Graded graded = method.getAnnotation(Graded.class);
            if (graded != null) {
                exercises.add(exerciseOf(graded.task()));
            }
        }
        Set<String> packages = exercises.stream().map(exercise -> "backproplab." + exercise).collect(Collectors.toCollection(TreeSet::new));
        boolean wholeSubmission = suite.isAnnotationPresent(IntegrationSuite.class)
                || !suite.getName().startsWith(SuiteClassLoader.SUITES + ".")
                || packages.isEmpty() || !reference.packages().containsAll(packages);
        if (wholeSubmission) {
            packages.addAll(reference.packages());
            packages.addAll(submission.packages());
        }
        packages.addAll(ownApiPackages);
        return packages;
    }

    private static String exerciseOf(String task) {
        int dot = task.indexOf('.');
        return dot < 0 ? task : task.substring(0, dot);
    }

    /**
     * Which classes are the student's code in a test, for naming the student's method where an exception came from: in
     * an isolated suite only the classes its loader took from the submission (a frame of a reference class that stood
     * in is not the student's); elsewhere every course class, as in the students' own tests.
     *
     * @param testKey the test's stable key, {@code <class>#<method>...}
     */
    Predicate<String> studentCodeIn(String testKey) {
        return studentClasses(testKey);
    }

    @Override
    public Predicate<String> studentClasses(String testKey) {
        SuiteClassLoader loader = loaderOf(testKey);
        if (loader == null) {
            return FailureMessages::isStudentCode;
        }
        Set<String> theirs = loader.studentClassesDefined();
        return name -> FailureMessages.isStudentCode(name) && theirs.contains(name);
    }

    private SuiteClassLoader loaderOf(String testKey) {
        int hash = testKey.indexOf('#');
        String className = hash < 0 ? testKey : testKey.substring(0, hash);
        int nested = className.indexOf('$');
        return loaderBySuite.get(nested < 0 ? className : className.substring(0, nested));
    }

    /**
     * The line a failed test's message ends with: which of the student's methods ran in it, and for which exercises the
     * reference stood in; empty for a test of a suite this isolation did not load.
     *
     * <p>The methods are those of the course's exercises (the methods the notes explain) that the test calls on the
     * student's classes, read from the suite's own class files ({@link SuiteCalls}: what the test's code can call, in
     * order, a branch it did not take included), and every student method on the stack of the failure (what was running
     * when it threw, such as a helper of theirs or an exercise their method called); when the test called the method that
     * threw, the methods its code calls after that one are named as not reached. Neither is recorded by changing or
     * watching the student's code, so student code can neither add a method to the line nor hide one: the suites' class
     * files are the grader's, the stack trace is the JVM's (the static allowlist refuses Throwable's stack-trace
     * methods to student code). What a student method calls without throwing is not listed, nor methods of a failure
     * that is not thrown (a test stopped by its time limit names where it was in its own message). Without either, the
     * line names the student's classes that were loaded in the suite.
     *
     * @param testKey the test's stable key, {@code <class>#<method>...}
     * @param failure what the test threw, or {@code null}
     */
    @Override
    public String codeThatRan(String testKey, Throwable failure) {
        SuiteClassLoader loader = loaderOf(testKey);
        if (loader == null) {
            return "";
        }
        Predicate<String> theirs = studentClasses(testKey);
        List<String> called = new ArrayList<>();
        for (SuiteCalls.Call call : suiteCalls.of(classOf(testKey), methodOf(testKey))) {
            String method = CourseDocs.method(call.owner(), call.name());
            if (FailureMessages.isStudentCode(call.owner()) && loader.takesFromSubmission(call.owner())
                    && CourseDocs.isExerciseMethod(call.owner(), call.name()) && !called.contains(method)) {
                called.add(method);
            }
        }
        List<String> running = runningStudentMethods(failure, theirs);
        // When the test called the method that threw, what it calls after that in its code did not run (or ran only before).
        int threw = running.isEmpty() ? -1 : called.indexOf(running.get(0));
        boolean constructorThrew = !running.isEmpty() && running.get(0).startsWith("new ");
        List<String> notReached = threw >= 0 ? called.subList(threw + 1, called.size()) : constructorThrew ? called : List.of();
        Set<String> methods = new LinkedHashSet<>(threw >= 0 ? called.subList(0, threw + 1) : constructorThrew ? List.of() : called);
        methods.addAll(running);
        StringBuilder line = new StringBuilder("Your code that ran: ");
        if (methods.isEmpty()) {
            SortedSet<String> yours = new TreeSet<>();
            for (String name : loader.studentClassesDefined()) {
                String topLevel = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                yours.add(topLevel.substring(topLevel.lastIndexOf('.') + 1));
            }
            line.append(yours.isEmpty() ? "none of your classes" : String.join(", ", yours)).append('.');
        } else {
            line.append(String.join(", ", methods)).append('.');
        }
        if (!running.isEmpty()) {
            line.append(" The exception was thrown in ").append(String.join(" → ", running));
            line.append(notReached.isEmpty() ? "." : "; after that the test would have called " + String.join(", ", notReached) + ".");
        }
        SortedSet<String> stoodIn = loader.referencePackagesDefined();
        if (!stoodIn.isEmpty()) {
            line.append(" The course's reference stood in for ")
                    .append(stoodIn.stream().map(p -> p.substring(p.lastIndexOf('.') + 1)).collect(Collectors.joining(", ")))
                    .append(", so only the code named here can have caused this failure.");
        } else if (loader.studentPackages().containsAll(reference.packages())) {
            line.append(" This test uses your whole submission, so a bug in an earlier exercise can fail it too.");
        }
        return line.toString();
    }

    /** The student methods on the failure's stack (each cause's too), outermost first, each once. */
    private static List<String> runningStudentMethods(Throwable failure, Predicate<String> theirs) {
        Set<String> methods = new LinkedHashSet<>();
        Set<Throwable> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = frames.length - 1; i >= 0; i--) {
                if (theirs.test(frames[i].getClassName())) {
                    methods.add(asStudentsKnowIt(frames[i].getClassName(), frames[i].getMethodName()));
                }
            }
        }
        return new ArrayList<>(methods);
    }

    /** {@code NeuralNetwork.backward}; a constructor as {@code new NeuralNetwork(…)}, a static initialiser by its class. */
    private static String asStudentsKnowIt(String className, String methodName) {
        String method = CourseDocs.method(className, methodName);
        String simple = method.substring(0, method.indexOf('.'));
        return switch (methodName) {
            case "<init>" -> "new " + simple + "(…)";
            case "<clinit>" -> simple + " (its static initialiser)";
            default -> method;
        };
    }

    private static String classOf(String testKey) {
        int hash = testKey.indexOf('#');
        return hash < 0 ? testKey : testKey.substring(0, hash);
    }

    private static String methodOf(String testKey) {
        int hash = testKey.indexOf('#');
        if (hash < 0) {
            return "";
        }
        String method = testKey.substring(hash + 1);
        for (char end : new char[] {'(', '['}) {
            int at = method.indexOf(end);
            method = at < 0 ? method : method.substring(0, at);
        }
        return method;
    }

    /**
     * The reference packages where the student's public API is not the reference's: a public class or a public or
     * protected member the reference does not have, or one the reference declares differently.
     */
    private Set<String> packagesWithOwnApi() {
        SuiteClassLoader theirs = new SuiteClassLoader(parent, submission, reference, submission.packages(), hidden);
        SuiteClassLoader ours = new SuiteClassLoader(parent, submission, reference, Set.of(), hidden);
        Set<String> own = new TreeSet<>();
        for (String name : submission.names()) {
            String pkg = CourseClasses.packageOf(name);
            if (!reference.packages().contains(pkg) || own.contains(pkg)) {
                continue;
            }
            try {
                Class<?> student = Class.forName(name, false, theirs);
                if (!isVisibleOutsideItsPackage(student)) {
                    continue;
                }
                if (reference.bytes(name).isEmpty() || !publicApi(Class.forName(name, false, ours)).containsAll(publicApi(student))) {
                    own.add(pkg);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                own.add(pkg);
            }
        }
        return own;
    }

    private static boolean isVisibleOutsideItsPackage(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers()) && !Modifier.isProtected(c.getModifiers())) {
                return false;
            }
        }
        return !type.isAnonymousClass() && !type.isSynthetic();
    }

    private static Set<String> publicApi(Class<?> type) {
        Set<String> api = new TreeSet<>();
        api.add("kind " + type.isInterface() + " " + type.isEnum() + " " + type.isRecord() + " " + Modifier.isAbstract(type.getModifiers()));
        api.add("extends " + (type.getSuperclass() == null ? "" : type.getSuperclass().getName()));
        for (Class<?> implemented : type.getInterfaces()) {
            api.add("implements " + implemented.getName());
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic()) {
                api.add(staticOrNot(method.getModifiers()) + method.getReturnType().getName() + " " + method.getName()
                        + Arrays.toString(Arrays.stream(method.getParameterTypes()).map(Class::getName).toArray()));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers()) && !field.isSynthetic()) {
                api.add(staticOrNot(field.getModifiers()) + "field " + field.getType().getName() + " " + field.getName());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers()) && !constructor.isSynthetic()) {
                api.add("new" + Arrays.toString(Arrays.stream(constructor.getParameterTypes()).map(Class::getName).toArray()));
            }
        }
        return api;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String staticOrNot(int modifiers) {
        return Modifier.isStatic(modifiers) ? "static " : "";
    }
}
