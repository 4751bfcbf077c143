package backproplab.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JarUrlTest {

    @Test
    @DisplayName("the jar of a jar: URL is its file, with escapes decoded")
    void jarOf() throws Exception {
        Path jar = Path.of("/opt/grader dir/lib/grader.jar").toAbsolutePath();
        URL url = new URL("jar:" + jar.toUri() + "!/backproplab/exercises/skeleton/");
        assertThat(JarUrl.isJar(url)).isTrue();
        assertThat(JarUrl.jarOf(url)).isEqualTo(jar.normalize());
    }

    @Test
    @DisplayName("a file: URL is not in a jar, and asking for its jar says so")
    void notAJar() throws Exception {
        URL folder = Path.of("target").toAbsolutePath().toUri().toURL();
        assertThat(JarUrl.isJar(folder)).isFalse();
        assertThatThrownBy(() -> JarUrl.jarOf(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a URL of a resource in a jar");
    }
}
