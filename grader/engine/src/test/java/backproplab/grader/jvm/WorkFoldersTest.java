package backproplab.grader.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the training runs' work folders")
class WorkFoldersTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("deletes a folder with nested folders and files, and nothing beside it")
    void deletesANestedFolder() throws Exception {
        Path work = temp.resolve("work");
        Files.createDirectories(work.resolve("a/b/c"));
        Files.writeString(work.resolve("top.txt"), "x");
        Files.writeString(work.resolve("a/b/c/deep.txt"), "y");
        Path beside = Files.writeString(temp.resolve("beside.txt"), "z");

        WorkFolders.delete(work);

        assertThat(work).doesNotExist();
        assertThat(beside).exists();
    }

    @Test
    @DisplayName("leaves a folder that does not exist alone")
    void toleratesAMissingFolder() {
        assertThatCode(() -> WorkFolders.delete(temp.resolve("missing"))).doesNotThrowAnyException();
    }
}
