package backproplab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.report.Verdict;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    @Test
    @DisplayName("the console's status line gives the code and, unless the run was simply graded, why in a few words")
    void statusLine() {
        assertThat(StatusLine.of(Verdict.graded())).isEqualTo("Status: GRADED");
        assertThat(StatusLine.of(new Verdict.DidNotCompile(List.of("x"))))
                .isEqualTo("Status: COMPILE_ERROR (the code did not compile; not gradable)");
        assertThat(StatusLine.of(new Verdict.Refused(List.of(new Verdict.BrokenRule("no reflection", "m")))))
                .isEqualTo("Status: REFUSED (breaks the structure rule \"no reflection\"; nothing was run, score 0)");
        assertThat(StatusLine.of(new Verdict.GraderFailed("java.io.IOException: no space left\n\tat x")))
                .isEqualTo("Status: GRADER_ERROR (the grader failed: java.io.IOException: no space left; not gradable)");
    }
}
