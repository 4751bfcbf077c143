package backproplab.grader.checks;

import java.util.Objects;

/**
 * One public or protected element of the exercise API: a type, constructor, method or field, with the
 * declaration a submission must match exactly.
 *
 * <p>Written one per line, tab-separated, as {@code className \t key \t declaration}; see {@link #line()}.
 *
 * @param className   binary name of the declaring type, for example {@code backproplab.network.NeuralNetwork}
 * @param key         what identifies the element within its type: {@value #TYPE_KEY} for the type itself,
 *                    {@code name(paramTypes)} for a method, {@code <init>(paramTypes)} for a constructor,
 *                    the field name for a field
 * @param declaration the declaration to match, for example {@code public void backward(org.nd4j.linalg.api.ndarray.INDArray)}
 */
public record ApiSignature(String className, String key, String declaration) implements Comparable<ApiSignature> {

    /** The key of the line that describes the type itself. */
    public static final String TYPE_KEY = "<type>";

    /** Checks that no part is null or contains a tab or line break. */
    public ApiSignature {
        for (String part : new String[] {className, key, declaration}) {
            Objects.requireNonNull(part, "part of an API signature");
            if (part.indexOf('\t') >= 0 || part.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("API signature part contains a tab or line break: " + part);
            }
        }
    }

    /**
     * Parses a line written by {@link #line()}.
     *
     * @param line {@code className \t key \t declaration}
     * @return the signature
     * @throws IllegalArgumentException if the line does not have three tab-separated parts
     */
    public static ApiSignature parse(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not an API signature line (3 tab-separated parts expected): " + line);
        }
        return new ApiSignature(parts[0], parts[1], parts[2]);
    }

    /** The line form, {@code className \t key \t declaration}. */
    public String line() {
        return className + '\t' + key + '\t' + declaration;
    }

    /** Whether this line describes a type rather than a member. */
    public boolean isType() {
        return TYPE_KEY.equals(key);
    }

    /**
     * How a student reads the element: {@code NeuralNetwork.backward(INDArray)}, {@code NeuralNetwork(int...)}
     * for a constructor, {@code Activations.SIGMOID_CLIP} for a field, {@code NeuralNetwork} for a type.
     */
    public String displayName() {
        String type = simpleTypeName(className);
        if (isType()) {
            return type;
        }
        if (key.startsWith("<init>")) {
            String simple = type.substring(type.lastIndexOf('.') + 1);
            return type + "." + simple + simplifyParameters(key.substring("<init>".length()));
        }
        int paren = key.indexOf('(');
        return paren < 0 ? type + "." + key : type + "." + key.substring(0, paren) + simplifyParameters(key.substring(paren));
    }

    @Override
    public int compareTo(ApiSignature other) {
        return line().compareTo(other.line());
    }

    /** {@code backproplab.network.NeuralNetwork$Cache} becomes {@code NeuralNetwork.Cache}. */
    static String simpleTypeName(String binaryName) {
        String withoutPackage = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return withoutPackage.replace('$', '.');
    }

    /** {@code (org.nd4j.linalg.api.ndarray.INDArray,double[])} becomes {@code (INDArray, double[])}. */
    private static String simplifyParameters(String parameters) {
        String inner = parameters.substring(1, parameters.length() - 1);
        if (inner.isEmpty()) {
            return "()";
        }
        StringBuilder out = new StringBuilder("(");
        String[] types = inner.split(",");
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(simpleTypeName(types[i].strip()));
        }
        return out.append(')').toString();
    }
}
