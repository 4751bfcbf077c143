package backproplab.grader.checks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structure rules every submission must keep, written with ArchUnit as sentences with {@code because}.
 *
 * <p>They apply to the submission's compiled classes, which the grader has already limited to the exercise
 * packages ({@code backproplab.chainrule}, {@code backproplab.activations}, … , {@code backproplab.demos}). The
 * demos package is given code with a {@code main} method that the student runs (never the grader) and that writes
 * PNG files with XChart in a headless JVM, so it is the one exception: the rules on file and network I/O, on
 * libraries and on the JVM's global settings do not apply to it, and instead no other class may use it, so that
 * graded code cannot reach them through it. Every other rule (reflection, threads, exit, unsafe, ready-made
 * backprop) applies to the demos too.
 *
 * <p>The rules look at what the class files reference (calls, field types, parameters, supertypes, …), so they
 * catch a forbidden API however it is spelled in the source; they do not follow calls into libraries.
 */
public final class StudentCodeRules {

    /** The package of the given demo code, exempt from the I/O and library rules. */
    public static final String DEMOS_PACKAGE = "backproplab.demos";

    /** Class methods that do not reflect: names, casts, and {@code desiredAssertionStatus} (javac's code for {@code assert}). */
    private static final Set<String> HARMLESS_CLASS_METHODS = Set.of("getName", "getSimpleName", "getCanonicalName",
            "getTypeName", "getPackageName", "isInstance", "cast", "isArray", "isPrimitive", "isEnum", "isRecord",
            "isInterface", "getComponentType", "componentType", "arrayType", "desiredAssertionStatus", "equals",
            "hashCode", "toString", "isAssignableFrom", "getEnumConstants", "describeConstable", "descriptorString");

    private static final Pattern ND4J_FILE_METHODS =
            Pattern.compile("(read|write|save|load)[A-Za-z]*|createFromNp[yz][A-Za-z]*|createNpyFrom[A-Za-z]*");

    /** The packages of the grading machinery that graded code must not use. */
    public static final List<String> GRADING_PACKAGES = List.of("backproplab.scoring", "backproplab.grader");

    private final String givenCodePackage;
    private final List<String> gradingPackages;
    private final List<StructureRule> rules;

    /** The course's rules: {@link #DEMOS_PACKAGE} is the given code, {@link #GRADING_PACKAGES} the machinery. */
    public StudentCodeRules() {
        this(DEMOS_PACKAGE, GRADING_PACKAGES);
    }

    /**
     * The course's rules with other packages of given code and of grading machinery (the grader's own tests
     * check fixture classes that live inside {@code backproplab.grader}).
     *
     * @param givenCodePackage the package (and its sub-packages) of given code that may write files
     * @param gradingPackages  packages (and their sub-packages) that graded code must not use
     */
    public StudentCodeRules(String givenCodePackage, List<String> gradingPackages) {
        this.givenCodePackage = Objects.requireNonNull(givenCodePackage, "givenCodePackage");
        this.gradingPackages = List.copyOf(gradingPackages);
        this.rules = List.of(noReflection(), noFileOrNetworkIo(), noThreads(), noExitOrProcesses(), noGlobalJvmState(),
                noUnsafe(), noReadyMadeBackprop(), onlyCourseLibraries(), noGradingMachinery());
    }

    /** Every rule, in the order the report lists them. */
    public List<StructureRule> all() {
        return rules;
    }

    /** The rule with this id. */
    public StructureRule byId(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No structure rule '" + id + "'; ids are "
                        + rules.stream().map(StructureRule::id).toList()));
    }

    // ---- the rules ----------------------------------------------------------------------------------------

    private StructureRule noReflection() {
        DescribedPredicate<JavaClass> reflectionTypes = JavaClass.Predicates.resideInAnyPackage(
                        "java.lang.reflect..", "java.lang.invoke..", "java.beans..")
                .or(JavaClass.Predicates.assignableTo(ClassLoader.class))
                .or(JavaClass.Predicates.belongToAnyOf(java.security.SecureClassLoader.class))
                .or(JavaClass.Predicates.belongToAnyOf(Module.class, ModuleLayer.class))
                .as("are reflection types (java.lang.reflect, java.lang.invoke, java.beans, class loaders, modules)");
        DescribedPredicate<JavaMethodCall> reflectiveClassMethods = DescribedPredicate.describe(
                "the target is Class.forName, Class.getDeclared*, Class.getMethod* or any other reflective method of java.lang.Class",
                call -> isOwnedBy(call, "java.lang.Class") && !HARMLESS_CLASS_METHODS.contains(call.getTarget().getName()));
        ArchRule rule = noClasses()
                .should().dependOnClassesThat(reflectionTypes)
                .orShould().callMethodWhere(reflectiveClassMethods)
                .because("reflection reaches private state and code the exercise does not give you, including the "
                        + "grader's own, and every exercise can be solved with ordinary calls")
                .allowEmptyShould(true);
        return new StructureRule("no-reflection", "no reflection",
                "Call the methods and constructors directly; if you need a value from another class, use its public API.",
                rule);
    }

    private StructureRule noFileOrNetworkIo() {
        DescribedPredicate<JavaClass> ioTypes = JavaClass.Predicates.resideInAnyPackage(
                        "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..", "javax.net..", "java.rmi..",
                        "java.util.zip..", "java.util.jar..", "java.util.logging..", "java.sql..", "javax.imageio..",
                        "org.nd4j.common.io..", "org.nd4j.serde..")
                .or(JavaClass.Predicates.belongToAnyOf(java.util.Scanner.class, java.awt.Desktop.class))
                .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(java.io.PrintStream.class,
                        java.io.Serializable.class)))
                .as("do file or network I/O (java.io except printing to System.out/err, java.nio.file, java.net, "
                        + "java.util.zip, ND4J's file helpers)");
        DescribedPredicate<JavaConstructorCall> newPrintStream = DescribedPredicate.describe(
                "the target is a constructor of PrintStream (it can open a file)", call -> isOwnedBy(call, "java.io.PrintStream"));
        DescribedPredicate<JavaMethodCall> nd4jFiles = DescribedPredicate.describe(
                "the target is one of Nd4j's read*/write*/save*/load*/createFromNpy* file methods",
                call -> isOwnedBy(call, "org.nd4j.linalg.factory.Nd4j")
                        && ND4J_FILE_METHODS.matcher(call.getTarget().getName()).matches());
        ArchRule rule = exerciseClasses()
                .should().dependOnClassesThat(ioTypes)
                .orShould().callConstructorWhere(newPrintStream)
                .orShould().callMethodWhere(nd4jFiles)
                .because("graded code gets its data as arguments and returns its results; reading or writing files "
                        + "or the network could read the hidden tests or leave traces between runs")
                .allowEmptyShould(true);
        return new StructureRule("no-file-or-network-io", "no file or network I/O",
                "Take the data from the method's arguments and return the result; printing with System.out.println is fine.",
                rule);
    }

    private StructureRule noThreads() {
        DescribedPredicate<JavaClass> threadTypes = JavaClass.Predicates.belongToAnyOf(Thread.class, ThreadGroup.class,
                        java.util.Timer.class, java.util.TimerTask.class)
                .or(JavaClass.Predicates.resideInAPackage("java.util.concurrent..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("java.util.concurrent.atomic.."))))
                .as("start or coordinate threads (Thread, Timer, java.util.concurrent executors, futures and locks)");
        DescribedPredicate<JavaMethodCall> parallelOrWaiting = DescribedPredicate.describe(
                "the target is parallelStream(), parallel(), Arrays.parallel*, wait() or notify()",
                call -> {
                    String name = call.getTarget().getName();
                    String owner = call.getTargetOwner().getPackageName();
                    return name.equals("parallelStream")
                            || (name.equals("parallel") && owner.equals("java.util.stream"))
                            || (name.startsWith("parallel") && isOwnedBy(call, "java.util.Arrays"))
                            || name.equals("wait") || name.equals("notify") || name.equals("notifyAll");
                });
        ArchRule rule = noClasses()
                .should().dependOnClassesThat(threadTypes)
                .orShould().callMethodWhere(parallelOrWaiting)
                .because("each test runs your code in one thread with a time limit: work left in other threads "
                        + "escapes the limit and can change results after the test has ended")
                .allowEmptyShould(true);
        return new StructureRule("no-threads", "no threads or executors",
                "Compute in the calling thread with plain loops or sequential streams; ND4J already uses several cores inside its operations.",
                rule);
    }

    private StructureRule noExitOrProcesses() {
        DescribedPredicate<JavaMethodCall> exitCalls = DescribedPredicate.describe(
                "the target is System.exit, Runtime.exit, Runtime.halt, Runtime.exec or a shutdown hook",
                call -> (isOwnedBy(call, "java.lang.System") && call.getTarget().getName().equals("exit"))
                        || (isOwnedBy(call, "java.lang.Runtime") && Set.of("exit", "halt", "exec", "addShutdownHook",
                        "removeShutdownHook").contains(call.getTarget().getName())));
        ArchRule rule = noClasses()
                .should().callMethodWhere(exitCalls)
                .orShould().dependOnClassesThat(JavaClass.Predicates.belongToAnyOf(ProcessBuilder.class, Process.class,
                        ProcessHandle.class).as("start or control processes (ProcessBuilder, Process, ProcessHandle)"))
                .because("stopping the JVM or starting programs ends or escapes the grading run; report a problem "
                        + "by throwing an exception instead")
                .allowEmptyShould(true);
        return new StructureRule("no-exit-or-processes", "no System.exit, Runtime.halt or processes",
                "Throw an exception such as IllegalArgumentException when something is wrong; never stop the JVM.",
                rule);
    }

    private StructureRule noGlobalJvmState() {
        Set<String> systemSetters = Set.of("setOut", "setErr", "setIn", "setProperty", "setProperties", "clearProperty",
                "setSecurityManager", "getenv", "load", "loadLibrary", "console", "inheritedChannel");
        DescribedPredicate<JavaMethodCall> globalSetters = DescribedPredicate.describe(
                "the target is System.setOut, setErr, setIn, setProperty, clearProperty, getenv, load or loadLibrary, Runtime.load "
                        + "or Locale/TimeZone.setDefault",
                call -> (isOwnedBy(call, "java.lang.System") && systemSetters.contains(call.getTarget().getName()))
                        || (isOwnedBy(call, "java.lang.Runtime") && call.getTarget().getName().startsWith("load"))
                        || ((isOwnedBy(call, "java.util.Locale") || isOwnedBy(call, "java.util.TimeZone"))
                        && call.getTarget().getName().equals("setDefault")));
        ArchRule rule = exerciseClasses()
                .should().callMethodWhere(globalSetters)
                .because("the JVM's streams, properties, environment and native libraries are shared with the grader, "
                        + "which captures your output and reads its settings from them")
                .allowEmptyShould(true);
        return new StructureRule("no-global-jvm-state", "no changes to System streams, properties or environment",
                "Print with System.out.println if you want to see values; leave System's streams and properties alone.",
                rule);
    }

    private StructureRule noUnsafe() {
        ArchRule rule = noClasses()
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("sun..", "com.sun..", "jdk.internal..")
                        .as("are JDK internals (sun.misc.Unsafe, sun.*, com.sun.*, jdk.internal.*)"))
                .because("JDK internals such as sun.misc.Unsafe read and write memory behind the JVM's checks")
                .allowEmptyShould(true);
        return new StructureRule("no-unsafe", "no sun.misc.Unsafe or JDK internals",
                "Use ND4J's INDArray operations and plain Java arrays.", rule);
    }

    private StructureRule noReadyMadeBackprop() {
        DescribedPredicate<JavaClass> readyMade = JavaClass.Predicates.resideInAnyPackage(
                        "org.deeplearning4j..", "org.nd4j.autodiff..", "org.nd4j.linalg.activations..",
                        "org.nd4j.linalg.lossfunctions..", "org.nd4j.linalg.learning..",
                        "org.nd4j.linalg.api.ops.impl.transforms.gradient..", "org.nd4j.linalg.api.ops.impl.loss..",
                        "org.nd4j.linalg.api.ops.impl.layers..", "org.nd4j.gradientcheck..")
                .or(JavaClass.Predicates.resideInAPackage("org.nd4j..")
                        .and(JavaClass.Predicates.simpleNameEndingWith("Derivative")
                                .or(JavaClass.Predicates.simpleNameEndingWith("Bp"))))
                .as("belong to DL4J, SameDiff autodiff, ND4J's gradient checks (GradCheckUtil) or ND4J's ready-made "
                        + "activations, losses, updaters and derivative ops");
        DescribedPredicate<JavaMethodCall> derivativeHelpers = DescribedPredicate.describe(
                "the target is one of ND4J's ready-made derivatives (Transforms.sigmoidDerivative and the other Transforms.*Derivative)",
                call -> call.getTargetOwner().getPackageName().startsWith("org.nd4j")
                        && call.getTarget().getName().endsWith("Derivative"));
        ArchRule rule = noClasses()
                .should().dependOnClassesThat(readyMade)
                .orShould().callMethodWhere(derivativeHelpers)
                .because("the exercises are about computing gradients yourself: automatic differentiation, ready-made "
                        + "derivatives or optimizers, or ND4J's own gradient checker would do the graded work for you")
                .allowEmptyShould(true);
        return new StructureRule("no-ready-made-backprop", "no DL4J, SameDiff or ND4J gradient helpers",
                "Write the derivative or the update from its equation with element-wise INDArray operations "
                        + "(mul, sub, Transforms.exp, …); see the exercise's README.",
                rule);
    }

    private StructureRule onlyCourseLibraries() {
        DescribedPredicate<JavaClass> courseLibraries = JavaClass.Predicates.resideInAnyPackage(
                "java..", "javax..", "jdk..", "sun..", "com.sun..", "org.w3c..", "org.xml..", "org.ietf..",
                "org.nd4j..", "backproplab..");
        ArchRule rule = exerciseClasses()
                .should().dependOnClassesThat(DescribedPredicate.not(courseLibraries)
                        .as("are outside the JDK, ND4J and the course runtime (backproplab.*)"))
                .because("the exercises need only Java, ND4J and the course runtime; the other libraries on the "
                        + "grader's class path (plotting, JSON, test and native-memory libraries) can write files or "
                        + "reach the grader")
                .allowEmptyShould(true);
        return new StructureRule("only-course-libraries", "only Java, ND4J and the course runtime",
                "Remove the import of the other library and write the code with Java, ND4J and backproplab.datasets.",
                rule);
    }

    private StructureRule noGradingMachinery() {
        ArchRule rule = exerciseClasses()
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(machineryAndDemos())
                        .as("belong to the grading machinery (" + String.join(", ", gradingPackages)
                                + ") or to the given demos (" + givenCodePackage + ")"))
                .because("graded code is scored by the grader and must not reach it, and the demos write files, so "
                        + "graded code must not call them")
                .allowEmptyShould(true);
        return new StructureRule("no-grading-machinery", "no use of the grader, the scoring API or the demos",
                "Keep the exercise classes independent: the demos use your classes, not the other way round.",
                rule);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The classes that are not given code: the rules on I/O and libraries apply to these. */
    private GivenClassesConjunction exerciseClasses() {
        return noClasses().that().resideOutsideOfPackage(givenCodePackage + "..");
    }

    private String[] machineryAndDemos() {
        return java.util.stream.Stream.concat(gradingPackages.stream(), java.util.stream.Stream.of(givenCodePackage))
                .map(pkg -> pkg + "..").toArray(String[]::new);
    }

    private static boolean isOwnedBy(JavaAccess<?> call, String ownerName) {
        return call.getTargetOwner().getName().equals(ownerName);
    }
}
