package backproplab.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J the way Backprop Lab needs it (double precision) and says in one line what ran:
 * backend, BLAS vendor, threads and data type. Every report and demo prints {@link #describe()}.
 */
public final class Backend {

    private static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    private static volatile boolean initialised;

    private Backend() {
    }

    /** Prints {@link #describe()}: {@code java -cp ... backproplab.runtime.Backend}. */
    public static void main(String[] args) {
        System.out.println(describe());
    }

    /** Loads ND4J once and makes DOUBLE the default data type. Safe to call many times. */
    public static synchronized void init() {
        if (initialised) {
            return;
        }
        if (cudaBackendOnClasspath()) {
            loadQuietlyReportingGpuFallback();
        }
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        initialised = true;
    }

    /**
     * With the gpu profile but no usable GPU, ND4J prints a page of stack trace before it falls back to the CPU.
     * Capture that page while ND4J loads and say the same thing in one line.
     */
    private static void loadQuietlyReportingGpuFallback() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String backend;
        try {
            backend = backendName();
        } finally {
            System.setErr(originalErr);
        }
        if (!"CUDA".equalsIgnoreCase(backend)) {
            originalErr.println("Backprop Lab: the GPU (CUDA) backend is installed but cannot run here ("
                    + firstErrorLine(captured.toString(StandardCharsets.UTF_8)) + "); running on the CPU instead.");
        }
    }

    private static String firstErrorLine(String text) {
        for (String line : text.split("\\R")) {
            int error = line.indexOf("Error: ");
            if (error >= 0) {
                // drop the path of the library that failed to load, keep the reason
                return line.substring(error + "Error: ".length()).trim().replaceFirst("^\\S+[/\\\\][^/\\\\\\s]+: ", "");
            }
        }
        return "no usable GPU found";
    }

    /** What ran, for example {@code ND4J backend CPU (linux-x86_64), BLAS OPENBLAS, 2 threads, data type DOUBLE}. */
    public static String describe() {
        return info().toString();
    }

    /** The same facts as {@link #describe()}, as values. */
    public static BackendInfo info() {
        init();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        return new BackendInfo(
                backendName(),
                platform(),
                String.valueOf(env.getOrDefault("blas.vendor", "unknown")),
                threads(env),
                Nd4j.dataType().name());
    }

    private static String backendName() {
        Object name = Nd4j.getExecutioner().getEnvironmentInformation().get("backend");
        return name == null ? Nd4j.getBackend().getClass().getSimpleName() : name.toString();
    }

    private static int threads(Properties env) {
        Object omp = env.get("omp.threads");
        try {
            return omp == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(omp.toString());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static String platform() {
        String configured = System.getProperty("org.bytedeco.javacpp.platform");
        if (configured != null) {
            return configured;
        }
        return org.bytedeco.javacpp.Loader.getPlatform();
    }

    private static boolean cudaBackendOnClasspath() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, Backend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
