package backproplab.grader.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slow entries of the hostile corpus (marked {@code slow} in expected.tsv: they run into their time limits and
 * restarts, a fork bomb, a static initialiser that never ends, ND4J started for an off-heap bomb, and the honest
 * submission graded beside them), checked as {@link HostileCorpusTest} checks the fast ones, after packaging.
 */
@DisplayName("the slow entries of the hostile corpus, graded with grader batch")
class HostileCorpusIT {

    @TempDir
    Path temp;

    @Test
    @DisplayName("every slow attack gets its expected verdict and points, and nothing escapes")
    void everySlowAttackIsContained() throws Exception {
        HostileCorpusTest.gradeCorpus(temp, true);
    }
}
