package backproplab.coderules;

import static backproplab.coderules.AllowlistEntry.allow;
import static backproplab.coderules.AllowlistEntry.refuse;

import java.util.List;

/**
 * The course's allowlist, in one table: what graded code (every exercise class, everything outside the given
 * demos) may use, and the little more the given demos may use. Anything no row allows is refused; the refusing
 * rows are there to say what to use instead. {@link ApiAllowlist} explains which row decides when several
 * match. The student notes ({@code exercises/docs/README.md}, "What your code may use") say the same in words.
 *
 * <p>Some decisions worth knowing:
 * <ul>
 *   <li>{@code System.nanoTime} and {@code currentTimeMillis} are refused in graded code: a result that depends on
 *       the clock differs between the student's machine and the grader's; the demos may time themselves.</li>
 *   <li>{@code Throwable.getStackTrace}, {@code StackWalker} and {@code StackTraceElement} are refused: the stack
 *       names the hidden test that is calling.</li>
 *   <li>Lambdas, string concatenation and records compile to {@code invokedynamic} with bootstrap methods in
 *       {@code java.lang.invoke} and {@code java.lang.runtime}; ArchUnit does not report those, so they need no
 *       row, while a lambda's body is checked as part of the method that holds it, and a method reference
 *       ({@code Math::exp}) as a use of the method it names.</li>
 *   <li>Of {@code java.util.concurrent}, only the atomic counters are allowed (a counter inside a lambda); the
 *       field updaters reflect and are refused, and so is every parallel stream.</li>
 *   <li>Of ND4J: {@code INDArray}; {@code Nd4j} without its file methods, {@code exec} and the getters and setters
 *       of ND4J's machinery, but with {@code getBlasWrapper()} (the reference's update is a BLAS axpy);
 *       {@code Transforms} without the ready-made {@code *Derivative}s; indexing, {@code DataType}, {@code Shape},
 *       and the values of a {@code DataBuffer}, not its native pointers.</li>
 *   <li>Of the course runtime, graded code may call {@code Backend.init()} (the reference starts ND4J in static
 *       initialisers) and {@code Backend.describe()}; the demos may use all of it.</li>
 * </ul>
 */
public final class CourseAllowlist {

    static final String FILES = "the exercises need no files or input: take the data from the method's arguments "
            + "and return the result (printing with System.out.println is fine)";
    static final String NETWORK = "the exercises need no network: everything your code needs comes in as arguments";
    static final String LOGGING = "print with System.out.println instead of logging";
    static final String REFLECTION = "call the methods and constructors directly, without reflection or class loading";
    static final String BEANS = "java.beans works through reflection: call the getters and setters directly";
    static final String SERVICES = "create what you need with new or call its static methods directly: service "
            + "loaders and resource bundles load classes the exercise does not show";
    static final String SCRIPTS = "write the code in Java: script engines, compilers, agents and naming services run "
            + "code the exercise does not show";
    static final String XML = "the exercises need no XML (parsers and XSLT can load and run other code)";
    static final String MONITORING = "the exercises need no JVM monitoring or management (JMX, java.lang.management)";
    static final String THREADS = "compute in the calling thread with loops or sequential streams: each test runs your "
            + "code in one thread with a time limit, and ND4J already uses several cores inside its operations";
    static final String STREAMS = "make streams with Collection.stream(), Arrays.stream or IntStream.range: "
            + "StreamSupport can make parallel ones";
    static final String LATER = "do the work now, in the method: finalizers, cleaners, shutdown hooks and "
            + "java.lang.ref run code later, outside the test and its time limit";
    static final String EXIT = "return a value, or throw an exception such as IllegalArgumentException, "
            + "instead of stopping the JVM";
    static final String PROCESSES = "the exercises need no other programs, processes or JVM controls: compute the "
            + "result in Java and return it";
    static final String ENVIRONMENT = "take settings as method arguments: the environment and the system properties "
            + "belong to the grader";
    static final String SHARED_STATE = "leave the JVM's shared settings alone (System's streams, properties, "
            + "default locale and time zone): the grader's own code relies on them";
    static final String CLOCK = "do not make results depend on the clock: use a fixed number of steps or the seed "
            + "you are given (time your code in a test or in the demos)";
    static final String STACK = "the exercises need no stack traces: print the values you want to see with "
            + "System.out.println";
    static final String SYSTEM = "of System, graded code may use System.out and System.err (to print), arraycopy, "
            + "identityHashCode and lineSeparator";
    static final String CLASS = "of Class, only names and type tests are allowed (getName, getSimpleName, "
            + "isInstance, cast, ...); " + REFLECTION;
    static final String INTERNALS = "JDK and native internals (sun.misc.Unsafe, jdk.internal, JavaCPP pointers) "
            + "reach memory behind the JVM's checks: use INDArray operations and plain arrays";
    static final String READY_MADE = "compute the gradient yourself with element-wise INDArray operations "
            + "(mul, sub, Transforms.exp, ...): ND4J's autodiff (SameDiff), ops, derivatives, losses, activations, "
            + "updaters and gradient checks would do the graded work";
    static final String ND4J = "use INDArray, Nd4j's factory methods (zeros, create, gemm, ...), Transforms, "
            + "DataType and ND4J's indexing; ND4J's executioner, memory managers and settings belong to the course "
            + "runtime";
    static final String RANDOM = "draw random numbers with backproplab.datasets.NumpyRandom and the seed you are given";
    static final String MACHINERY = "graded code must not use the grader, the scoring API or the course's rules";
    static final String GIVEN_CODE = "graded code must not use the given demos (backproplab.demos): "
            + "the demos use your classes, not the other way round";
    static final String PICTURES = "draw pictures only in the given demos (backproplab.demos); graded code "
            + "returns numbers and arrays";
    static final String TESTS = "test libraries belong in src/test/java, not in the code the grader runs";
    static final String PRINTING = "print with System.out.print, println, printf or format, and leave System.out "
            + "and System.err open: the grader reads them";
    static final String FORMATTING = "format text with String.format or StringBuilder";
    static final String RUNTIME = "of the course runtime, call only Backend.init() and Backend.describe()";
    static final String NOT_LISTED = "it is not on the list of what the exercises may use (exercises/docs/README.md, "
            + "\"What your code may use\"): use Java's basics (Math, String, java.util, streams), ND4J's INDArray, "
            + "Nd4j and Transforms, and backproplab.datasets";

    private static final List<AllowlistEntry> GRADED_CODE = List.of(
            // ---- java.lang: the language's own types -------------------------------------------------------
            allow("java.lang.Object#<init>,equals,hashCode,toString,getClass,clone"),
            refuse("*#wait,notify,notifyAll", THREADS),
            refuse("*#finalize", LATER),
            allow("java.lang.Math"),
            allow("java.lang.StrictMath"),
            allow("java.lang.Number"),
            allow("java.lang.Byte"),
            allow("java.lang.Short"),
            allow("java.lang.Integer"),
            allow("java.lang.Long"),
            allow("java.lang.Float"),
            allow("java.lang.Double"),
            allow("java.lang.Boolean"),
            allow("java.lang.Character"),
            allow("java.lang.Void"),
            refuse("java.lang.Integer#getInteger", ENVIRONMENT),
            refuse("java.lang.Long#getLong", ENVIRONMENT),
            refuse("java.lang.Boolean#getBoolean", ENVIRONMENT),
            allow("java.lang.String"),
            allow("java.lang.StringBuilder"),
            allow("java.lang.StringBuffer"),
            allow("java.lang.CharSequence"),
            allow("java.lang.Appendable"),
            allow("java.lang.Comparable"),
            allow("java.lang.Iterable"),
            allow("java.lang.AutoCloseable"),
            allow("java.lang.Cloneable"),
            allow("java.lang.Runnable"),
            allow("java.lang.Enum"),
            allow("java.lang.Record"),
            allow("java.lang.Override"),
            allow("java.lang.Deprecated"),
            allow("java.lang.FunctionalInterface"),
            allow("java.lang.SafeVarargs"),
            allow("java.lang.SuppressWarnings"),
            allow("java.lang.annotation.."),
            // exceptions and errors to throw and catch (and what javac throws in enum switches)
            allow("java.lang.Throwable"),
            refuse("java.lang.Throwable#getStackTrace", STACK),
            allow("java.lang.Exception"),
            allow("java.lang.RuntimeException"),
            allow("java.lang.Error"),
            allow("java.lang.ArithmeticException"),
            allow("java.lang.ArrayIndexOutOfBoundsException"),
            allow("java.lang.ArrayStoreException"),
            allow("java.lang.ClassCastException"),
            allow("java.lang.CloneNotSupportedException"),
            allow("java.lang.IllegalArgumentException"),
            allow("java.lang.IllegalStateException"),
            allow("java.lang.IndexOutOfBoundsException"),
            allow("java.lang.NegativeArraySizeException"),
            allow("java.lang.NullPointerException"),
            allow("java.lang.NumberFormatException"),
            allow("java.lang.StringIndexOutOfBoundsException"),
            allow("java.lang.UnsupportedOperationException"),
            allow("java.lang.AssertionError"),
            allow("java.lang.StackOverflowError"),
            allow("java.lang.OutOfMemoryError"),
            allow("java.lang.IncompatibleClassChangeError"),
            allow("java.lang.NoSuchFieldError"),
            // Class: names, casts and assert (javac's code for assert calls desiredAssertionStatus)
            refuse("java.lang.Class", CLASS),
            allow("java.lang.Class#getName,getSimpleName,getCanonicalName,getTypeName,getPackageName,isInstance,cast,"
                    + "isArray,isPrimitive,isEnum,isRecord,isInterface,isAssignableFrom,getComponentType,componentType,"
                    + "arrayType,desiredAssertionStatus,getEnumConstants,describeConstable,descriptorString,equals,"
                    + "hashCode,toString"),
            // System: printing and array copies only
            refuse("java.lang.System", SYSTEM),
            allow("java.lang.System#out,err,arraycopy,identityHashCode,lineSeparator"),
            refuse("java.lang.System#exit", EXIT),
            refuse("java.lang.System#getenv,getProperty,getProperties", ENVIRONMENT),
            refuse("java.lang.System#setProperty,setProperties,clearProperty,setOut,setErr,setIn,setSecurityManager,"
                    + "getSecurityManager,gc,runFinalization", SHARED_STATE),
            refuse("java.lang.System#in,console,inheritedChannel", FILES),
            refuse("java.lang.System#load,loadLibrary,mapLibraryName", INTERNALS),
            refuse("java.lang.System#nanoTime,currentTimeMillis", CLOCK),
            refuse("java.lang.System#getLogger", LOGGING),
            refuse("java.lang.System$Logger", LOGGING),
            refuse("java.lang.System$LoggerFinder", LOGGING),
            refuse("java.lang.Runtime", PROCESSES),
            refuse("java.lang.Runtime#exit,halt", EXIT),
            refuse("java.lang.Runtime#addShutdownHook,removeShutdownHook,runFinalization", LATER),
            refuse("java.lang.Process", PROCESSES),
            refuse("java.lang.ProcessBuilder", PROCESSES),
            refuse("java.lang.ProcessHandle", PROCESSES),
            refuse("java.lang.Thread", THREADS),
            refuse("java.lang.ThreadGroup", THREADS),
            refuse("java.lang.ThreadLocal", THREADS),
            refuse("java.lang.InterruptedException", THREADS),
            refuse("java.lang.InheritableThreadLocal", THREADS),
            refuse("java.lang.StackWalker", STACK),
            refuse("java.lang.StackTraceElement", STACK),
            refuse("java.lang.ClassLoader", REFLECTION),
            refuse("java.lang.Module", REFLECTION),
            refuse("java.lang.ModuleLayer", REFLECTION),
            refuse("java.lang.Package", REFLECTION),
            refuse("java.lang.ClassValue", REFLECTION),
            refuse("java.lang.SecurityManager", SHARED_STATE),
            refuse("java.lang.reflect..", REFLECTION),
            refuse("java.lang.invoke..", REFLECTION),
            refuse("java.lang.constant..", REFLECTION),
            refuse("java.lang.ref..", LATER),
            refuse("java.lang.management..", MONITORING),
            refuse("java.lang.instrument..", SCRIPTS),
            // ---- java.util, functions, streams, big numbers ---------------------------------------------------
            allow("java.util.*"),
            allow("java.util.function.*"),
            allow("java.util.stream.*"),
            allow("java.util.regex.*"),
            allow("java.math.*"),
            allow("java.text.*"),
            refuse("*#parallelStream", THREADS),
            refuse("java.util.stream.*#parallel", THREADS),
            refuse("java.util.Arrays#parallel*", THREADS),
            refuse("java.util.stream.StreamSupport", STREAMS),
            refuse("java.util.Timer", THREADS),
            refuse("java.util.TimerTask", THREADS),
            refuse("java.util.concurrent..", THREADS),
            allow("java.util.concurrent.atomic.AtomicInteger"),
            allow("java.util.concurrent.atomic.AtomicLong"),
            allow("java.util.concurrent.atomic.AtomicBoolean"),
            allow("java.util.concurrent.atomic.AtomicReference"),
            allow("java.util.concurrent.atomic.AtomicIntegerArray"),
            allow("java.util.concurrent.atomic.AtomicLongArray"),
            allow("java.util.concurrent.atomic.AtomicReferenceArray"),
            allow("java.util.concurrent.atomic.DoubleAdder"),
            allow("java.util.concurrent.atomic.LongAdder"),
            allow("java.util.concurrent.atomic.DoubleAccumulator"),
            allow("java.util.concurrent.atomic.LongAccumulator"),
            refuse("java.util.concurrent.atomic.AtomicIntegerFieldUpdater", REFLECTION),
            refuse("java.util.concurrent.atomic.AtomicLongFieldUpdater", REFLECTION),
            refuse("java.util.concurrent.atomic.AtomicReferenceFieldUpdater", REFLECTION),
            refuse("java.util.concurrent.ThreadLocalRandom", RANDOM),
            refuse("java.util.random..", RANDOM),
            refuse("java.util.ServiceLoader", SERVICES),
            refuse("java.util.ServiceConfigurationError", SERVICES),
            refuse("java.util.ResourceBundle", SERVICES),
            refuse("java.util.ListResourceBundle", SERVICES),
            refuse("java.util.PropertyResourceBundle", SERVICES),
            refuse("java.util.spi..", SERVICES),
            refuse("java.util.Scanner", FILES),
            refuse("java.util.Formatter", FORMATTING),
            refuse("java.util.Properties", ENVIRONMENT),
            refuse("java.util.Date", CLOCK),
            refuse("java.util.Calendar", CLOCK),
            refuse("java.util.GregorianCalendar", CLOCK),
            refuse("java.util.Locale#setDefault", SHARED_STATE),
            refuse("java.util.TimeZone#setDefault", SHARED_STATE),
            refuse("java.util.logging..", LOGGING),
            refuse("java.util.jar..", FILES),
            refuse("java.util.zip..", FILES),
            refuse("java.util.prefs..", FILES),
            refuse("java.time..", CLOCK),
            // ---- printing: System.out and System.err are PrintStreams; new PrintStream(file) writes files --------
            refuse("java.io.PrintStream", PRINTING),
            allow("java.io.PrintStream#print,println,printf,format,append,flush"),
            refuse("java.io.PrintStream#<init>", FILES),
            allow("java.io.Serializable"),
            refuse("java.io..", FILES),
            refuse("java.nio..", FILES),
            refuse("java.net..", NETWORK),
            refuse("javax.net..", NETWORK),
            refuse("java.rmi..", NETWORK),
            refuse("javax.rmi..", NETWORK),
            refuse("java.sql..", FILES),
            refuse("javax.sql..", FILES),
            refuse("java.beans..", BEANS),
            refuse("javax.xml..", XML),
            refuse("org.w3c..", XML),
            refuse("org.xml..", XML),
            refuse("javax.management..", MONITORING),
            refuse("javax.script..", SCRIPTS),
            refuse("javax.tools..", SCRIPTS),
            refuse("javax.naming..", SCRIPTS),
            refuse("java.awt..", PICTURES),
            refuse("javax.swing..", PICTURES),
            refuse("javax.imageio..", PICTURES),
            refuse("javax.sound..", PICTURES),
            refuse("org.knowm.xchart..", PICTURES),
            refuse("sun..", INTERNALS),
            refuse("com.sun..", INTERNALS),
            refuse("jdk..", INTERNALS),
            refuse("org.bytedeco..", INTERNALS),
            refuse("org.slf4j..", LOGGING),
            refuse("org.apache.logging..", LOGGING),
            refuse("org.junit..", TESTS),
            refuse("org.assertj..", TESTS),
            refuse("org.opentest4j..", TESTS),
            // ---- ND4J: arrays, their factory and element-wise functions -------------------------------------------
            refuse("org.nd4j..", ND4J),
            allow("org.nd4j.linalg.api.ndarray.INDArray"),
            allow("org.nd4j.linalg.factory.Nd4j"),
            refuse("org.nd4j.linalg.factory.Nd4j#read*,write*,save*,load*,createFromNp*,createNpyFrom*", FILES),
            refuse("org.nd4j.linalg.factory.Nd4j#get*,set*,exec,factory", ND4J),
            allow("org.nd4j.linalg.factory.Nd4j#getBlasWrapper"),
            refuse("org.nd4j.linalg.factory.Nd4j#getRandom,getRandomFactory", RANDOM),
            allow("org.nd4j.linalg.factory.BlasWrapper"),
            allow("org.nd4j.linalg.api.blas.Level1"),
            allow("org.nd4j.linalg.api.blas.Level2"),
            allow("org.nd4j.linalg.api.blas.Level3"),
            allow("org.nd4j.linalg.ops.transforms.Transforms"),
            allow("org.nd4j.linalg.indexing.."),
            allow("org.nd4j.linalg.api.buffer.DataType"),
            allow("org.nd4j.linalg.api.buffer.DataBuffer#asDouble,asFloat,asInt,asLong,getDouble,getFloat,getInt,"
                    + "getLong,length,dataType"),
            allow("org.nd4j.linalg.api.shape.Shape"),
            allow("org.nd4j.linalg.exception.."),
            refuse("org.nd4j..#*Derivative", READY_MADE),
            refuse("org.nd4j.autodiff..", READY_MADE),
            refuse("org.nd4j.linalg.api.ops..", READY_MADE),
            refuse("org.nd4j.linalg.learning..", READY_MADE),
            refuse("org.nd4j.linalg.lossfunctions..", READY_MADE),
            refuse("org.nd4j.linalg.activations..", READY_MADE),
            refuse("org.nd4j.gradientcheck..", READY_MADE),
            refuse("org.deeplearning4j..", READY_MADE),
            refuse("org.nd4j.linalg.api.rng..", RANDOM),
            refuse("org.nd4j.common.io..", FILES),
            refuse("org.nd4j.serde..", FILES),
            // ---- the course runtime --------------------------------------------------------------------------------
            allow("backproplab.datasets.*"),
            refuse("backproplab.datasets.cli..", FILES),
            refuse("backproplab.runtime..", RUNTIME),
            allow("backproplab.runtime.Backend#init,describe"),
            refuse("backproplab.scoring..", MACHINERY),
            refuse("backproplab.grader..", MACHINERY),
            refuse("backproplab.coderules..", MACHINERY));

    /** What the given demos may use on top of graded code's list: files, pictures, the clock, the runtime. */
    private static final List<AllowlistEntry> GIVEN_CODE_EXTRAS = List.of(
            allow("java.io.."),
            allow("java.nio.file.."),
            allow("java.awt.."),
            allow("javax.imageio.."),
            allow("org.knowm.xchart.."),
            allow("java.lang.System#nanoTime,currentTimeMillis,setProperty"),
            allow("backproplab.runtime.."));

    private static final ApiAllowlist GRADED = new ApiAllowlist(GRADED_CODE, NOT_LISTED);
    private static final ApiAllowlist GIVEN = GRADED.alsoAllowing(GIVEN_CODE_EXTRAS);

    private CourseAllowlist() {
    }

    /** What graded code may use. */
    public static ApiAllowlist gradedCode() {
        return GRADED;
    }

    /** What the given demos may use: graded code's list and files, pictures, the clock and the course runtime. */
    public static ApiAllowlist givenCode() {
        return GIVEN;
    }

    /** The hint for graded code that uses the given demos. */
    public static String givenCodeHint() {
        return GIVEN_CODE;
    }
}
