package backproplab.beyond;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.runtime.Backend;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@Graded(points = 1, task = "beyond")
@DisplayName("Exercise 8: optimizers (docs/08-beyond.md)")
class OptimizerTest {

    private static final String DOC = "docs/08-beyond.md";

    @BeforeAll
    static void startNd4j() {
        Backend.init();
    }

    private static Map<String, INDArray> single(String name, double... values) {
        Map<String, INDArray> map = new LinkedHashMap<>();
        map.put(name, Nd4j.createFromArray(new double[][] {values}));
        return map;
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("Sgd(0.1)", (Supplier<Optimizer>) () -> new Sgd(0.1)),
                Arguments.of("Momentum(0.1, 0.9)", (Supplier<Optimizer>) () -> new Momentum(0.1, 0.9)),
                Arguments.of("RmsProp(0.01, 0.9, 1e-8)", (Supplier<Optimizer>) () -> new RmsProp(0.01, 0.9, 1e-8)),
                Arguments.of("Adam(0.05, 0.9, 0.999, 1e-8)", (Supplier<Optimizer>) () -> new Adam(0.05, 0.9, 0.999, 1e-8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    @DisplayName("minimise the quadratic f(θ) = ½‖θ − c‖², whose gradient is θ − c, in place")
    void minimiseQuadratic(String label, Supplier<Optimizer> factory) {
        Optimizer optimizer = factory.get();
        double[] c = {3.0, -2.0, 0.5};
        Map<String, INDArray> params = single("theta", 0.0, 0.0, 0.0);
        INDArray theta = params.get("theta");
        INDArray target = Nd4j.createFromArray(new double[][] {c});
        double start = theta.distance2(target);
        for (int step = 0; step < 500; step++) {
            Map<String, INDArray> grads = new LinkedHashMap<>();
            grads.put("theta", theta.sub(target));
            optimizer.step(params, grads);
        }
        assertThat(params.get("theta")).as("%s must update the parameter array in place, not put a new one in the map", label)
                .isSameAs(theta);
        double end = theta.distance2(target);
        assertThat(end).as("%s after 500 steps on ½‖θ − c‖²: distance to the minimum went from %.3f to %.3g; expected below 0.05 (%s)",
                label, start, end, DOC).isLessThan(0.05);
    }

    @Test
    @DisplayName("Sgd: θ ← θ − α·g")
    void sgdStep() {
        Map<String, INDArray> params = single("w", 1.0, -1.0);
        new Sgd(0.5).step(params, single("w", 0.2, -0.4));
        assertThat(params.get("w").getDouble(0, 0)).as("Sgd(0.5) step: 1 − 0.5·0.2 (%s#sgd)", DOC).isCloseTo(0.9, within(1e-12));
        assertThat(params.get("w").getDouble(0, 1)).as("Sgd(0.5) step: −1 − 0.5·(−0.4)").isCloseTo(-0.8, within(1e-12));
    }

    @Test
    @DisplayName("Momentum: v ← β·v + (1 − β)·g, θ ← θ − α·v, with v kept between steps")
    void momentumTwoSteps() {
        Momentum momentum = new Momentum(0.1, 0.9);
        Map<String, INDArray> params = single("w", 1.0);
        momentum.step(params, single("w", 2.0));
        double v1 = 0.1 * 2.0;
        assertThat(params.get("w").getDouble(0, 0)).as("Momentum step 1: v = 0.1·2 = 0.2, θ = 1 − 0.1·0.2 (%s#momentum)", DOC)
                .isCloseTo(1.0 - 0.1 * v1, within(1e-12));
        momentum.step(params, single("w", 1.0));
        double v2 = 0.9 * v1 + 0.1 * 1.0;
        assertThat(params.get("w").getDouble(0, 0)).as("Momentum step 2: v = 0.9·0.2 + 0.1·1 = 0.28; the velocity must survive between steps")
                .isCloseTo(1.0 - 0.1 * v1 - 0.1 * v2, within(1e-12));
    }

    @Test
    @DisplayName("RMSprop: s ← β·s + (1 − β)·g², θ ← θ − α·g / (√s + ε)")
    void rmsPropStep() {
        Map<String, INDArray> params = single("w", 1.0, 1.0);
        new RmsProp(0.01, 0.9, 1e-8).step(params, single("w", 0.5, -2.0));
        double s0 = 0.1 * 0.25;
        double s1 = 0.1 * 4.0;
        assertThat(params.get("w").getDouble(0, 0)).as("RMSprop step, g = 0.5: s = 0.025, θ = 1 − 0.01·0.5/(√0.025 + 1e-8) (%s#rmsprop)", DOC)
                .isCloseTo(1.0 - 0.01 * 0.5 / (Math.sqrt(s0) + 1e-8), within(1e-12));
        assertThat(params.get("w").getDouble(0, 1)).as("RMSprop step, g = −2: element-wise, not a matrix product")
                .isCloseTo(1.0 + 0.01 * 2.0 / (Math.sqrt(s1) + 1e-8), within(1e-12));
    }

    @Test
    @DisplayName("Adam's first step moves every element by about α·sign(g), thanks to bias correction")
    void adamFirstStepIsLearningRateTimesSign() {
        Map<String, INDArray> params = single("w", 0.0, 0.0, 0.0);
        new Adam(0.01, 0.9, 0.999, 1e-8).step(params, single("w", 0.3, -5.0, 1e-3));
        double[] got = params.get("w").toDoubleVector();
        assertThat(got[0]).as("Adam step 1 with g = 0.3: m̂ = g and v̂ = g², so Δθ ≈ −0.01; without bias correction it would be"
                + " about −0.0032 (%s#adam)", DOC).isCloseTo(-0.01, within(1e-8));
        assertThat(got[1]).as("Adam step 1 with g = −5: Δθ ≈ +0.01").isCloseTo(0.01, within(1e-8));
        assertThat(got[2]).as("Adam step 1 with g = 0.001: Δθ ≈ −0.01 whatever the size of g").isCloseTo(-0.01, within(1e-7));
    }

    @Test
    @DisplayName("Adam's second step uses t = 2 in the bias correction")
    void adamSecondStep() {
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        Map<String, INDArray> params = single("w", 0.0);
        adam.step(params, single("w", 1.0));
        adam.step(params, single("w", 0.5));
        double step1 = 0.1 * 1.0 / (Math.sqrt(1.0) + 1e-8);
        double m = 0.9 * 0.1 + 0.1 * 0.5;
        double v = 0.999 * 0.001 + 0.001 * 0.25;
        double step2 = 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        assertThat(params.get("w").getDouble(0, 0)).as("Adam after steps with g = 1 then g = 0.5: m = %s, v = %s, t = 2 (%s#adam)", m, v, DOC)
                .isCloseTo(-step1 - step2, within(1e-12));
        assertThat(adam.steps()).isEqualTo(2);
    }

    @Test
    @DisplayName("keeps separate state per parameter name and does not modify the gradients")
    void statePerNameAndGradientsUntouched() {
        Momentum momentum = new Momentum(1.0, 0.5);
        Map<String, INDArray> params = new LinkedHashMap<>(single("a", 0.0));
        params.putAll(single("b", 0.0));
        Map<String, INDArray> grads = new LinkedHashMap<>(single("a", 1.0));
        grads.putAll(single("b", -1.0));
        momentum.step(params, grads);
        momentum.step(params, grads);
        assertThat(params.get("a").getDouble(0, 0)).as("parameter a after two steps: v = 0.5 then 0.75, θ = −1.25").isCloseTo(-1.25, within(1e-12));
        assertThat(params.get("b").getDouble(0, 0)).as("parameter b has its own velocity: θ = +1.25").isCloseTo(1.25, within(1e-12));
        assertThat(grads.get("a").getDouble(0, 0)).as("the optimizer changed the gradient array").isEqualTo(1.0);
    }
}
