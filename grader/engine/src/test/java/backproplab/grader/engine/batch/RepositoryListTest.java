package backproplab.grader.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RepositoryListTest {

    @Test
    @DisplayName("a list has one 'id url' per line; blank lines and # comments are skipped")
    void parses() throws IOException {
        List<RepositoryList.Repository> list = RepositoryList.parse("""
                # the class of 2026
                alice   https://github.com/course/hw3-alice.git

                bob.b\tfile:///srv/repos/bob
                """, "list.txt");
        assertThat(list).containsExactly(new RepositoryList.Repository("alice", "https://github.com/course/hw3-alice.git"),
                new RepositoryList.Repository("bob.b", "file:///srv/repos/bob"));
    }

    @Test
    @DisplayName("a line without a url, an id that is no plain folder name, and an id listed twice are refused by line")
    void refuses() {
        assertThatThrownBy(() -> RepositoryList.parse("alice\n", "list.txt"))
                .hasMessageContaining("list.txt line 1 (\"alice\")").hasMessageContaining("a student id and a repository url");
        assertThatThrownBy(() -> RepositoryList.parse("ok u\n../evil u\n", "list.txt"))
                .hasMessageContaining("line 2").hasMessageContaining("plain folder name");
        assertThatThrownBy(() -> RepositoryList.parse(".hidden u\n", "list.txt")).hasMessageContaining("plain folder name");
        assertThatThrownBy(() -> RepositoryList.parse("a u\na v\n", "list.txt"))
                .hasMessageContaining("line 2").hasMessageContaining("listed twice");
    }
}
