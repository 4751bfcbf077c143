package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mounting host paths read-only at their own place in the sandbox")
class BubblewrapMountsTest {

    @Test
    @DisplayName("makes the folders above each path first, then mounts each path once, a path inside another left out")
    void foldersFirstThenEachOutermostPathOnce() {
        List<String> arguments = Bubblewrap.readOnlyAtOwnPath(List.of(Path.of("/work/g/lib/b.jar"),
                Path.of("/work/g/cds"), Path.of("/work/g/lib/a.jar"), Path.of("/work/g/cds/x.jsa")), Path.of("/"));

        assertThat(arguments).containsExactly("--dir", "/work", "--dir", "/work/g", "--dir", "/work/g/lib",
                "--ro-bind", "/work/g/cds", "/work/g/cds",
                "--ro-bind", "/work/g/lib/a.jar", "/work/g/lib/a.jar",
                "--ro-bind", "/work/g/lib/b.jar", "/work/g/lib/b.jar");
    }

    @Test
    @DisplayName("below the private /tmp, makes only the folders under /tmp")
    void belowTmpOnlyTheFoldersUnderIt() {
        assertThat(Bubblewrap.readOnlyAtOwnPath(List.of(Path.of("/tmp/clone/grader.jar")), Path.of("/tmp")))
                .containsExactly("--dir", "/tmp/clone", "--ro-bind", "/tmp/clone/grader.jar", "/tmp/clone/grader.jar");
    }
}
