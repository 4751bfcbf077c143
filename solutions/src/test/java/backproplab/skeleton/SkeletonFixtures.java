package backproplab.skeleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small solution sources and file helpers shared by the skeleton tests. */
final class SkeletonFixtures {

    static final String SIGMOID_ID = "activations.sigmoid";
    static final String SIGMOID_DESCRIPTION = "compute the stable sigmoid 1/(1+e^-z) with z clipped to [-500, 500]";
    static final String SIGMOID_SEE = "docs/02-activations.md#sigmoid";
    static final String SIGMOID_HINT = "        // HINT: clip first, then exponentiate: exp(500) is still finite, exp(1000) is not.";

    /** A reference class with one given method and one solution region with a hint. */
    static final String ACTIVATIONS = String.join("\n",
            "package backproplab.activations;",
            "",
            "/** Activation functions. */",
            "public final class Activations {",
            "    private Activations() {",
            "    }",
            "",
            "    /** Given code: stays in the skeleton. */",
            "    public static double identity(double z) {",
            "        return z;",
            "    }",
            "",
            "    /** Stable sigmoid σ(z) = 1 / (1 + e^(−z)). */",
            "    public static double sigmoid(double z) {",
            "        // BEGIN SOLUTION [" + SIGMOID_ID + "] " + SIGMOID_DESCRIPTION + " | " + SIGMOID_SEE,
            SIGMOID_HINT,
            "        // solution-only remark",
            "        double clipped = Math.max(-500, Math.min(500, z));",
            "        return 1.0 / (1.0 + Math.exp(-clipped));",
            "        // END SOLUTION",
            "    }",
            "}",
            "");

    /** A second reference class without hints, in another package. */
    static final String CHAIN_RULE = String.join("\n",
            "package backproplab.chainrule;",
            "",
            "/** y = (3x + 2)². */",
            "public final class ChainRule {",
            "    /** dy/dx = 2u · 3 with u = 3x + 2. */",
            "    public double backward(double x) {",
            "        if (Double.isNaN(x)) {",
            "            throw new IllegalArgumentException(\"x is NaN\");",
            "        }",
            "        // BEGIN SOLUTION [chainrule.backward] multiply the outer derivative 2u by the inner derivative 3 | docs/01-chain-rule.md#backward",
            "        double u = 3 * x + 2;",
            "        return 2 * u * 3;",
            "        // END SOLUTION",
            "    }",
            "}",
            "");

    private SkeletonFixtures() {
    }

    /** Writes a small solutions tree: two classes in two packages and one non-Java file. */
    static Path writeSolutionsTree(Path root) throws IOException {
        write(root.resolve("backproplab/activations/Activations.java"), ACTIVATIONS);
        write(root.resolve("backproplab/chainrule/ChainRule.java"), CHAIN_RULE);
        write(root.resolve("backproplab/chainrule/notes.txt"), "copied as-is\r\n");
        return root;
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Replaces the one occurrence of {@code from} in {@code file}; fails if the fixture does not contain it. */
    static void edit(Path file, String from, String to) throws IOException {
        String content = read(file);
        if (!content.contains(from)) {
            throw new IllegalStateException("fixture " + file + " does not contain `" + from + "`");
        }
        write(file, content.replace(from, to));
    }
}
