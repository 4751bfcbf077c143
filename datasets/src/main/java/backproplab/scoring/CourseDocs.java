package backproplab.scoring;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the notes explain a student method, and its key equation, so that a failure caused by an exception in
 * that method can point to them: {@code NeuralNetwork.backward} → {@code docs/06-neural-network.md#backward}
 * and "dW_i = (1/m)·dZ_i·A_{i−1}ᵀ …". The anchors are those of the exercises' solution regions.
 */
public final class CourseDocs {

    /**
     * The notes' section for a method and its equation.
     *
     * @param doc      for example {@code docs/06-neural-network.md#backward}
     * @param equation the key equation with the shapes, or {@code ""} when the section is the best help
     */
    public record Section(String doc, String equation) {
    }

    private static final String NN = "docs/06-neural-network.md";

    private static final Map<String, Section> BY_METHOD = Map.ofEntries(
            Map.entry("ChainRule.forward", new Section("docs/01-chain-rule.md#forward", "y = (3x + 2)²")),
            Map.entry("ChainRule.backward", new Section("docs/01-chain-rule.md#backward", "dy/dx = 2(3x + 2) · 3")),
            Map.entry("ChainRule.centralDifference", new Section("docs/01-chain-rule.md#central-difference", "(f(x + h) − f(x − h)) / 2h")),
            Map.entry("Activations.sigmoid", new Section("docs/02-activations.md#sigmoid", "σ(z) = 1 / (1 + e^(−z)), z clipped to [−500, 500]")),
            Map.entry("Activations.relu", new Section("docs/02-activations.md#relu", "ReLU(z) = max(0, z), element-wise")),
            Map.entry("Activations.reluDerivative", new Section("docs/02-activations.md#relu-derivative", "ReLU'(z) = 1 where z > 0, else 0")),
            Map.entry("Activations.binaryCrossEntropy", new Section("docs/02-activations.md#binary-cross-entropy",
                    "L = −mean(y·log ŷ + (1 − y)·log(1 − ŷ)), ŷ clipped to [1e-7, 1 − 1e-7]; y and ŷ have the same shape")),
            Map.entry("TinyNetwork.forward", new Section("docs/03-tiny-network.md#forward", "z1 = w1·x + b1, a1 = ReLU(z1), z2 = w2·a1 + b2, ŷ = σ(z2)")),
            Map.entry("TinyNetwork.backward", new Section("docs/03-tiny-network.md#backward", "dz2 = ŷ − y, dw2 = dz2·a1, dz1 = dz2·w2·ReLU'(z1), dw1 = dz1·x")),
            Map.entry("TinyNetwork.update", new Section("docs/03-tiny-network.md#update", "θ ← θ − α·dθ for w1, b1, w2, b2")),
            Map.entry("RelativeError.of", new Section("docs/04-gradient-check.md#relative-error", "|a − n| / (|a| + |n|), 0 when both are 0")),
            Map.entry("TinyGradientCheck.check", new Section("docs/04-gradient-check.md#checking-the-tiny-network",
                    "numerical = (L(θ + ε) − L(θ − ε)) / 2ε, then θ put back to its saved value")),
            Map.entry("TinyTrainer.train", new Section("docs/05-training-loop.md#the-loop", "for each epoch, for each sample: forward, loss, backward, update")),
            Map.entry("Initializers.he", new Section(NN + "#he-initialisation", "W = randn(fanOut, fanIn) · √(2 / fanIn), shape (fanOut × fanIn)")),
            Map.entry("NeuralNetwork.forward", new Section(NN + "#forward",
                    "Z_i = W_i · A_{i−1} + b_i with W_i (n_i × n_{i−1}), A_{i−1} (n_{i−1} × m), b_i (n_i × 1) added to every column")),
            Map.entry("NeuralNetwork.backward", new Section(NN + "#backward",
                    "dZ_L = A_L − Y; dW_i = (1/m)·dZ_i·A_{i−1}ᵀ (n_i × n_{i−1}); db_i = (1/m)·Σ_samples dZ_i (n_i × 1);"
                            + " dA_{i−1} = W_iᵀ·dZ_i (n_{i−1} × m); dZ_{i−1} = dA_{i−1} ∘ g'(Z_{i−1})")),
            Map.entry("NeuralNetwork.update", new Section(NN + "#update", "W_i ← W_i − α·dW_i, b_i ← b_i − α·db_i, in place; every gradient has its parameter's shape")),
            Map.entry("NetworkGradientCheck.check", new Section(NN + "#gradient-check",
                    "numerical = (L(θ + ε) − L(θ − ε)) / 2ε for every element, then θ put back to its saved value")),
            Map.entry("GradientFlow.gradientNorms", new Section("docs/07-gradient-flow.md#gradient-norms", "‖dW_i‖ = √(Σ dW_i[r,c]²), output layer first")),
            Map.entry("GradientFlow.verdict", new Section("docs/07-gradient-flow.md#verdict", "judge the last (earliest-layer) norm")),
            Map.entry("Xavier.weights", new Section("docs/08-beyond.md#xavier-initialisation", "W = randn(fanOut, fanIn) · √(1 / fanIn)")),
            Map.entry("GradientClipping.globalNorm", new Section("docs/08-beyond.md#global-norm", "‖g‖ = √(Σ_arrays Σ_elements g²)")),
            Map.entry("GradientClipping.clipByNorm", new Section("docs/08-beyond.md#clipping-by-norm", "g · maxNorm / ‖g‖ when ‖g‖ > maxNorm, into new arrays")),
            Map.entry("Sgd.step", new Section("docs/08-beyond.md#sgd", "θ ← θ − α·g, in place")),
            Map.entry("Momentum.step", new Section("docs/08-beyond.md#momentum", "v ← β·v + (1 − β)·g, θ ← θ − α·v, in place")),
            Map.entry("RmsProp.step", new Section("docs/08-beyond.md#rmsprop", "s ← β·s + (1 − β)·g², θ ← θ − α·g / (√s + ε), in place")),
            Map.entry("Adam.step", new Section("docs/08-beyond.md#adam", "m, v with bias correction m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t)")));

    private static final Pattern NAMED_METHOD = Pattern.compile("\\b([A-Z]\\w*\\.[a-z]\\w*)");

    private static final Map<String, String> BY_PACKAGE = Map.of(
            "chainrule", "docs/01-chain-rule.md", "activations", "docs/02-activations.md", "tinynet", "docs/03-tiny-network.md",
            "gradcheck", "docs/04-gradient-check.md", "training", "docs/05-training-loop.md", "network", NN,
            "gradientflow", "docs/07-gradient-flow.md", "beyond", "docs/08-beyond.md");

    private CourseDocs() {
    }

    /**
     * The notes' section for a student method.
     *
     * @param className  binary class name, for example {@code backproplab.network.NeuralNetwork}
     * @param methodName as in a stack frame, for example {@code backward} or {@code lambda$train$0}
     * @return the section, or the exercise's notes without an equation, or empty outside the course's packages
     */
    public static Optional<Section> of(String className, String methodName) {
        Section exact = BY_METHOD.get(method(className, methodName));
        if (exact != null) {
            return Optional.of(exact);
        }
        String[] parts = className.split("\\.");
        return parts.length >= 3 && BY_PACKAGE.containsKey(parts[1])
                ? Optional.of(new Section(BY_PACKAGE.get(parts[1]), "")) : Optional.empty();
    }

    /**
     * Whether a method is one of the exercises' methods, those the notes explain ({@code NeuralNetwork.backward}, not
     * an accessor such as {@code NeuralNetwork.gradients}).
     *
     * @param className  binary class name
     * @param methodName a method's name as in a stack frame
     * @return {@code true} for an exercise method
     */
    public static boolean isExerciseMethod(String className, String methodName) {
        return BY_METHOD.containsKey(method(className, methodName));
    }

    /**
     * The notes' section of the first student method a message names ({@code "NeuralNetwork.backward — …"} or
     * {@code "Activations.sigmoid(INDArray) — …"}), for a message that does not point to the notes itself.
     *
     * @param message a failure message
     * @return the section of the first method of {@link #BY_METHOD} the message names, if any
     */
    public static Optional<Section> named(String message) {
        Matcher m = NAMED_METHOD.matcher(message);
        while (m.find()) {
            Section section = BY_METHOD.get(m.group(1));
            if (section != null) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code SimpleClass.method} as students know it: nested classes and lambdas resolved to the method they are in.
     *
     * @param className  binary class name
     * @param methodName a frame's method name
     * @return for example {@code TinyTrainer.train} for {@code lambda$train$0} of {@code backproplab.training.TinyTrainer}
     */
    public static String method(String className, String methodName) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int dollar = simple.indexOf('$');
        simple = dollar < 0 ? simple : simple.substring(0, dollar);
        String method = methodName;
        if (method.startsWith("lambda$")) {
            String[] parts = method.split("\\$");
            method = parts.length > 1 ? parts[1] : method;
        }
        return simple + "." + method;
    }
}
