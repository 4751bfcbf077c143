package backproplab.grader.suites.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Thresholds: one defaults file, overridden by an instructor's file")
class ThresholdsTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("the bundled defaults hold every setting the suites read")
    void defaults() {
        Thresholds t = Thresholds.load(null);
        assertThat(t.number("gradient.maxRelativeError")).as("gradient.maxRelativeError").isEqualTo(1e-3);
        assertThat(t.integers("xor.layers")).as("xor.layers").containsExactly(2, 8, 1);
        assertThat(t.seeds("xor.seedPool")).as("xor.seedPool").hasSizeGreaterThanOrEqualTo(t.integer("xor.seedCount"));
        assertThat(t.integer("xor.seedCount")).as("xor.seedCount").isGreaterThanOrEqualTo(t.integer("xor.requiredSeeds"));
        assertThat(t.number("moons.tier1")).as("tiers rise").isLessThan(t.number("moons.tier2"));
        assertThat(t.number("moons.tier2")).as("tiers rise").isLessThan(t.number("moons.tier3"));
    }

    @Test
    @DisplayName("an override file replaces only the entries it names")
    void override() throws IOException {
        Path file = Files.writeString(temp.resolve("course.properties"), "moons.tier3=0.97\nxor.seedPool=7, 8,9\n");
        Thresholds t = Thresholds.load(file);
        assertThat(t.number("moons.tier3")).as("overridden tier").isEqualTo(0.97);
        assertThat(t.seeds("xor.seedPool")).as("overridden seeds").containsExactly(7, 8, 9);
        assertThat(t.number("moons.tier1")).as("an entry the file does not name keeps its default").isEqualTo(0.85);
        assertThat(t.source()).as("source names both files").contains("course.properties");
    }

    @Test
    @DisplayName("an unknown key in the override is an error naming it, so a typo cannot pass in silence")
    void unknownKey() throws IOException {
        Path file = Files.writeString(temp.resolve("typo.properties"), "moons.tier4=0.99\n");
        assertThatThrownBy(() -> Thresholds.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("moons.tier4").hasMessageContaining("typo.properties");
    }

    @Test
    @DisplayName("a value that is not a number fails when read, naming key, value and file")
    void notANumber() throws IOException {
        Path file = Files.writeString(temp.resolve("bad.properties"), "moons.tier2=ninety\n");
        Thresholds t = Thresholds.load(file);
        assertThatThrownBy(() -> t.number("moons.tier2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("moons.tier2").hasMessageContaining("ninety").hasMessageContaining("bad.properties");
    }

    @Test
    @DisplayName("a missing override file is an error naming the system property")
    void missingFile() {
        assertThatThrownBy(() -> Thresholds.load(temp.resolve("nope.properties"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Thresholds.OVERRIDE_PROPERTY);
    }
}
