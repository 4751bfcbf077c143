package backproplab.runtime;

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

    /** Loads ND4J once and makes DOUBLE the default data type. Safe to call many times. */
    public static synchronized void init() {
        if (initialised) {
            return;
        }
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        initialised = true;
        if (cudaBackendOnClasspath() && !"CUDA".equalsIgnoreCase(backendName())) {
            System.err.println("Backprop Lab: the GPU (CUDA) backend is installed but no usable GPU was found; running on the CPU.");
        }
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
