package backproplab;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.chainrule.ChainRule;
import backproplab.coderules.CodeCheck;
import backproplab.scoring.Graded;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules the grader checks before it runs any of your code, run here on your compiled classes
 * ({@code exercises/target/classes}): the same rules, from the same place ({@code backproplab.coderules} in the
 * course runtime). A class that breaks one is refused by the grader, and then none of your code runs and the
 * score is 0. What your code may use is listed in {@code docs/README.md}, "What your code may use".
 */
@Graded(points = 0, task = "structure")
@DisplayName("The grader's structure rules, on your compiled code")
class StructureRulesTest {

    @Test
    @DisplayName("your code uses only what the exercises allow, and declares no finalize() and no class named with '$'")
    void yourCodeKeepsTheStructureRules() throws URISyntaxException {
        Path classes = Path.of(ChainRule.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        List<String> problems = CodeCheck.problems(classes);

        assertThat(problems).withFailMessage(() -> "The grader would refuse your code, run none of it and score it 0. "
                + "Fix what is listed below (the classes in " + classes + "):\n\n" + String.join("\n\n", problems))
                .isEmpty();
    }
}
