package backproplab.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.scoring.fixtures.ClassDefaultsFixture;
import backproplab.scoring.fixtures.KeysFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

class TestKeysTest {

    private static List<String> keysOfTests(TestPlan plan) {
        List<String> keys = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier node : plan.getDescendants(root)) {
                if (node.isTest()) {
                    keys.add(TestKeys.key(node));
                }
            }
        }
        keys.sort(null);
        return keys;
    }

    @Test
    @DisplayName("a plain test method's key is class#method, a nested class keeps its binary name")
    void plainKeys() {
        assertThat(keysOfTests(FixtureRun.plan(ClassDefaultsFixture.class))).as("keys of ClassDefaultsFixture")
                .containsExactly(
                        "backproplab.scoring.fixtures.ClassDefaultsFixture#inheritsDefault",
                        "backproplab.scoring.fixtures.ClassDefaultsFixture#overridesAndFails",
                        "backproplab.scoring.fixtures.ClassDefaultsFixture$Inner#nestedInheritsOuterDefault");
    }

    @Test
    @DisplayName("a parameterised invocation's key adds the parameter types and its display name in brackets")
    void parameterisedKeys() {
        GradeReport report = FixtureRun.score(KeysFixture.class);
        assertThat(report.tests()).as("keys and points from a real run")
                .extracting(TestOutcome::id, TestOutcome::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("backproplab.scoring.fixtures.KeysFixture#plain", 0.0),
                        org.assertj.core.groups.Tuple.tuple("backproplab.scoring.fixtures.KeysFixture#seeded(int)[seed=7]", 1.0),
                        org.assertj.core.groups.Tuple.tuple("backproplab.scoring.fixtures.KeysFixture#seeded(int)[seed=11]", 1.0));
    }

    @Test
    @DisplayName("keys do not change between two discoveries of the same classes")
    void stable() {
        assertThat(keysOfTests(FixtureRun.plan(ClassDefaultsFixture.class, KeysFixture.class)))
                .as("keys of a second discovery")
                .isEqualTo(keysOfTests(FixtureRun.plan(ClassDefaultsFixture.class, KeysFixture.class)));
    }
}
