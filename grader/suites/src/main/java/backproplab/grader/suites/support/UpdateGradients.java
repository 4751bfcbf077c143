package backproplab.grader.suites.support;

import backproplab.network.NeuralNetwork;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradients an update test grades {@code NeuralNetwork.update} with, so that a bug in backward costs backward's
 * points only: update reads the gradients backward stored, and a backward that never stores dW1 (or stores one of the
 * wrong shape, or throws) would otherwise fail the update test with a NullPointerException that names update.
 *
 * <p>When backward stored a gradient of each parameter's shape, those are used (their values need not be right: the
 * test checks θ − α·g against the g that is there). Otherwise the reference's gradients of the planted case are put
 * into the network's own gradient map, the map field holding the arrays {@code gradients()} hands out (or else the map
 * field named like "grad…"), so update runs on complete gradients. A submission that keeps its
 * gradients some other way cannot be given them; its update is then not graded here and keeps its points.
 */
public final class UpdateGradients {

    private UpdateGradients() {
    }

    /**
     * Runs forward and backward on the planted case and makes sure update will find a gradient of each parameter's shape.
     *
     * @param net the network of the planted case
     * @param p   the planted case
     * @return {@code ""} when backward's own gradients are used; a note for the student when the reference's were
     *         planted; empty when update cannot be graded on its own (backward's gradients are incomplete and the
     *         network keeps them where they cannot be filled in)
     */
    public static Optional<String> prepare(NeuralNetwork net, Planted p) {
        String problem = "";
        try {
            net.forward(p.xArray());
        } catch (RuntimeException e) {
            problem = "forward threw " + e.getClass().getSimpleName();
        }
        try {
            net.backward(p.yArray());
            problem = missingOrMisshaped(net);
        } catch (RuntimeException e) {
            problem = "backward threw " + e.getClass().getSimpleName();
        }
        if (problem.isEmpty()) {
            return Optional.of("");
        }
        Optional<Map<String, INDArray>> own = gradientMap(net);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        try {
            for (Map.Entry<String, double[][]> reference : p.plain().backward(p.x(), p.y()).entrySet()) {
                own.get().put(reference.getKey(), Arrays2D.array(reference.getValue()));
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // an unmodifiable map: nothing can be planted
        }
        return Optional.of("(Your backward's gradients could not be used here: " + problem + ", which the tests of"
                + " forward and backward charge. This test gave update the correct gradients instead, so it grades update alone.) ");
    }

    /** What is wrong with backward's gradients for update ({@code ""} when every parameter has one of its shape). */
    private static String missingOrMisshaped(NeuralNetwork net) {
        StringJoiner problems = new StringJoiner(", ");
        Map<String, INDArray> gradients = net.gradients();
        for (Map.Entry<String, INDArray> parameter : net.parameters().entrySet()) {
            INDArray gradient = gradients.get(parameter.getKey());
            if (gradient == null) {
                problems.add("backward did not store d" + parameter.getKey());
            } else if (!Arrays.equals(gradient.shape(), parameter.getValue().shape())) {
                problems.add("backward's d" + parameter.getKey() + " has shape " + Feedback.shape(gradient) + ", not "
                        + Feedback.shape(parameter.getValue()));
            }
        }
        return problems.toString();
    }

    /** The network's own map of gradients, found among its map fields; empty when there is none to fill in. */
    @SuppressWarnings("unchecked")
    private static Optional<Map<String, INDArray>> gradientMap(NeuralNetwork net) {
        Map<String, INDArray> present = net.gradients();
        Map<String, INDArray> holder = null;
        Map<String, INDArray> byName = null;
        for (Field field : net.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || !Map.class.isAssignableFrom(field.getType())) {
                continue;
            }
            Map<String, INDArray> map;
            try {
                field.setAccessible(true);
                map = (Map<String, INDArray>) field.get(net);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (map == null) {
                continue;
            }
            boolean holdsGradients = !present.isEmpty() && present.values().stream()
                    .anyMatch(g -> map.values().stream().anyMatch(v -> v == g));
            boolean namedGradients = field.getName().toLowerCase(java.util.Locale.ROOT).contains("grad");
            if (holdsGradients && namedGradients) {
                return Optional.of(map);
            }
            // Another map may hold the same arrays (a network that keeps its arrays for the next pass, say): one
            // whose name says gradients wins over it, whatever the order of the fields.
            if (holdsGradients && holder == null) {
                holder = map;
            }
            if (namedGradients && byName == null) {
                byName = map;
            }
        }
        return Optional.ofNullable(holder != null ? holder : byName);
    }
}
