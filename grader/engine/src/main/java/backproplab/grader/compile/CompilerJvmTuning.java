package backproplab.grader.compile;

import backproplab.grader.intake.LoadedSubmission;
import backproplab.grader.jvm.ClassDataArchive;
import backproplab.grader.jvm.ShortRunJvm;
import backproplab.grader.jvm.WorkFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes the javac JVM ({@link CompilerProcess}) cheaper: C1 only ({@link ShortRunJvm#JIT}), the serial
 * collector, and a class-data archive of javac, Jackson, ArchUnit and the grader's classes ({@link ClassDataArchive};
 * it saves about a third of the javac JVM's CPU time). The archive is trained by compiling a small source of the
 * grader's own ({@link #TRAINING_SOURCE}: ND4J arrays, records, lambdas, generics) against the course runtime, in an
 * exercise package so that the checks run on it too (the API check then fails, which does not matter).
 */
public final class CompilerJvmTuning {

    /** File name stem of the javac JVM's archive. */
    static final String ARCHIVE_NAME = "javac-jvm";

    /** What the training run compiles: code that uses what submissions use. */
    static final String TRAINING_SOURCE = """
            package TRAINING_PACKAGE;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.Locale;
            import java.util.function.DoubleUnaryOperator;
            import org.nd4j.linalg.api.ndarray.INDArray;
            import org.nd4j.linalg.factory.Nd4j;
            import org.nd4j.linalg.ops.transforms.Transforms;

            /** Trains the javac JVM's class-data archive; never run. */
            public final class Training {

                /** One layer. */
                public record Layer(INDArray weights, INDArray bias) {
                }

                private final List<Layer> layers = new ArrayList<>();

                public Training(long seed, int... sizes) {
                    Nd4j.getRandom().setSeed(seed);
                    for (int i = 1; i < sizes.length; i++) {
                        layers.add(new Layer(Nd4j.randn(sizes[i], sizes[i - 1]).muli(Math.sqrt(2.0 / sizes[i - 1])),
                                Nd4j.zeros(sizes[i], 1)));
                    }
                }

                public INDArray forward(INDArray x) {
                    INDArray a = x.dup();
                    for (Layer layer : layers) {
                        INDArray z = layer.weights().mmul(a).addiColumnVector(layer.bias());
                        a = Transforms.sigmoid(z, true);
                    }
                    return a;
                }

                public static double loss(INDArray y, INDArray yHat) {
                    INDArray clipped = Transforms.min(Transforms.max(yHat, 1e-7), 1 - 1e-7);
                    INDArray terms = y.mul(Transforms.log(clipped)).addi(y.rsub(1.0).mul(Transforms.log(clipped.rsub(1.0))));
                    return -terms.meanNumber().doubleValue();
                }

                public static double[] map(double[] values, DoubleUnaryOperator f) {
                    double[] out = new double[values.length];
                    for (int i = 0; i < values.length; i++) {
                        out[i] = f.applyAsDouble(values[i]);
                    }
                    return out;
                }

                public static String describe(int epoch, double loss) {
                    String tier = switch (epoch % 3) {
                        case 0 -> "first";
                        case 1 -> "second";
                        default -> "third";
                    };
                    if (Double.isNaN(loss)) {
                        throw new IllegalArgumentException("loss is NaN at epoch " + epoch);
                    }
                    return String.format(Locale.ROOT, "%s %d: %.4f", tier, epoch, loss)
                            + layersText(List.of(1, 2, 3).stream().map(i -> i * 2).toList());
                }

                private static <T extends Comparable<T>> String layersText(List<T> items) {
                    return items.stream().sorted().map(String::valueOf).reduce("", (x, y) -> x + " " + y);
                }
            }
            """;

    private CompilerJvmTuning() {
    }

    /** The javac JVM's archive for this class path and JDK, in {@code folder} (it may not exist). */
    public static ClassDataArchive archive(Path folder, List<Path> compilerClasspath, Path java) {
        return ClassDataArchive.of(ARCHIVE_NAME, folder, java, compilerClasspath);
    }

    /**
     * The javac JVM's tuning flags: the one-shot JVM's and a batch's compile servers' ({@link CompileServer}), which
     * live for a whole batch. C1 only fits both, measured with {@code grader/engine/src/bench/compile_server_benchmark.py}
     * (the reference's request 20 times per server, 2 rounds, 2 cores, load about 4): a C1-only server costs 1.5 CPU-s
     * for the first request and then 0.24 CPU-s and 0.29 s wall per request, 0.32 CPU-s per request over 20; full
     * tiered 2.85, then 0.48 CPU-s and 0.47 s wall, 0.66 over 20 (C2 is still compiling after 20 requests, and its code
     * does not make javac faster than C1's by what it costs); tiered with a single C2 thread the same as tiered. The
     * one-shot JVM: 1.5 CPU-s and 1.5 s wall per request.
     *
     * @param folder     the folder of the archives, or {@code null} for none
     * @param useArchive whether to use the class-data archive, when there is one
     */
    public static List<String> flags(Path folder, List<Path> compilerClasspath, Path java, boolean useArchive) {
        List<String> flags = new ArrayList<>(ShortRunJvm.JIT);
        flags.add("-XX:+UseSerialGC");
        if (useArchive && folder != null) {
            flags.addAll(archive(folder, compilerClasspath, java).flags());
        }
        return flags;
    }

    /**
     * Builds the javac JVM's archive from a training compile, unless it exists.
     *
     * @param folder            the folder of the archives
     * @param compilerClasspath the javac JVM's class path (the grader's)
     * @param java              the {@code java} executable
     * @param compileClasspath  what submissions compile against
     * @param checks            the checks the javac JVM runs after a compile
     * @param trainingPackage   an exercise package, for the training source
     * @return what happened, one line
     * @throws IOException if the training compile or the dump fails
     */
    public static String buildArchive(Path folder, List<Path> compilerClasspath, Path java, List<Path> compileClasspath,
                                      CompilerProcess.Checks checks, String trainingPackage) throws IOException {
        ClassDataArchive archive = archive(folder, compilerClasspath, java);
        if (archive.exists()) {
            return ARCHIVE_NAME + ": " + archive.file() + " exists";
        }
        return archive.build(extra -> train(compilerClasspath, java, compileClasspath, checks, trainingPackage, extra));
    }

    private static void train(List<Path> compilerClasspath, Path java, List<Path> compileClasspath,
                              CompilerProcess.Checks checks, String trainingPackage, List<String> extra) throws IOException {
        Path work = Files.createTempDirectory("backproplab-cds-javac-");
        try {
            Path root = work.resolve("src");
            Path source = root.resolve(trainingPackage.replace('.', '/')).resolve("Training.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, TRAINING_SOURCE.replace("TRAINING_PACKAGE", trainingPackage), StandardCharsets.UTF_8);
            List<String> flags = new ArrayList<>(flags(null, compilerClasspath, java, false));
            flags.addAll(extra);
            // What the compile and the checks conclude does not matter to the archive; the class list is written anyway.
            new CompilerProcess(compilerClasspath, java, flags).compile(
                    new LoadedSubmission(root, root, List.of(source), "source folder"), compileClasspath,
                    work.resolve("classes"), work.resolve("compile"), checks);
        } finally {
            WorkFolders.delete(work);
        }
    }
}
