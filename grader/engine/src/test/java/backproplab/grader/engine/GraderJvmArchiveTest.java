package backproplab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The grader JVM's class-data archive is trained as the platform script starts the grader. */
@DisplayName("the grader JVM's class-data archive")
class GraderJvmArchiveTest {

    private static final String SCRIPT = "/backproplab/grader/platform/backproplab-grade.sh";

    @Test
    @DisplayName("is trained with every option of the platform script's java command line that changes the classes loaded")
    void trainsWithTheOptionsThePlatformScriptStartsTheGraderWith() throws IOException {
        String command = graderCommand();

        for (String flag : GraderJvmArchive.TRAINING_FLAGS) {
            assertThat(Pattern.compile("(?<!\\S)" + Pattern.quote(flag) + "(?!\\S)").matcher(command).find())
                    .withFailMessage("%s starts the grader without %s, which GraderJvmArchive.TRAINING_FLAGS holds: the "
                            + "archive would be trained with other options than the script uses. The script's command:%n%s",
                            SCRIPT, flag, command)
                    .isTrue();
        }
    }

    /** The script's java command that starts the grader, its continued lines joined into one. */
    private static String graderCommand() throws IOException {
        String script;
        try (InputStream in = GraderJvmArchiveTest.class.getResourceAsStream(SCRIPT)) {
            assertThat(in).as("the class path resource %s", SCRIPT).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> commands = script.replace("\\\n", " ").lines()
                .filter(line -> !line.strip().startsWith("#"))
                .filter(line -> line.contains("\"$java_bin\"") && line.contains("grader.jar\" grade"))
                .toList();
        assertThat(commands).as("the java command lines of %s that run grader.jar grade", SCRIPT).hasSize(1);
        return commands.get(0);
    }
}
