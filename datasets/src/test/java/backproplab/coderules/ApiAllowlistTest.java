package backproplab.coderules;

import static backproplab.coderules.AllowlistEntry.allow;
import static backproplab.coderules.AllowlistEntry.refuse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An allowlist table lets the narrowest matching row decide, and refuses what no row allows")
class ApiAllowlistTest {

    private static final String NOT_LISTED = "not listed";

    @Test
    @DisplayName("what no row mentions is refused with the table's own hint")
    void unlistedIsRefused() {
        ApiAllowlist table = new ApiAllowlist(List.of(allow("java.lang.Math")), NOT_LISTED);

        assertThat(table.member("java.lang.Math", "exp")).as("Math.exp").isEqualTo(Judgement.ALLOWED);
        assertThat(table.member("java.lang.Thread", "start")).as("Thread.start")
                .isEqualTo(Judgement.refused(NOT_LISTED, false));
        assertThat(table.type("java.lang.Thread")).as("naming Thread").isEqualTo(Judgement.refused(NOT_LISTED, false));
    }

    @Test
    @DisplayName("a row about a member beats a row about its class, even when the class row is narrower")
    void memberRowsBeatClassRows() {
        ApiAllowlist table = new ApiAllowlist(List.of(allow("java.util.*"), refuse("*#wait,notify", "one thread"),
                refuse("java.lang.System", "little of System"), allow("java.lang.System#arraycopy")), NOT_LISTED);

        assertThat(table.member("java.util.List", "wait")).as("List.wait").isEqualTo(Judgement.refused("one thread", true));
        assertThat(table.member("java.util.List", "size")).as("List.size").isEqualTo(Judgement.ALLOWED);
        assertThat(table.member("java.lang.System", "arraycopy")).as("System.arraycopy").isEqualTo(Judgement.ALLOWED);
        assertThat(table.member("java.lang.System", "exit")).as("System.exit")
                .isEqualTo(Judgement.refused("little of System", false));
    }

    @Test
    @DisplayName("a class beats its package, a package its tree, a longer tree a shorter one; a tie goes to the refusal")
    void narrowerOwnersDecide() {
        ApiAllowlist table = new ApiAllowlist(List.of(refuse("java.util.concurrent..", "threads"),
                allow("java.util.concurrent.atomic.AtomicInteger"), allow("java.util.*"), refuse("java.util.Timer", "timer"),
                allow("org.nd4j.linalg.indexing.."), refuse("org.nd4j..", "nd4j"), allow("a.B"), refuse("a.B", "tie")),
                NOT_LISTED);

        assertThat(table.member("java.util.concurrent.atomic.AtomicInteger", "get")).as("AtomicInteger.get")
                .isEqualTo(Judgement.ALLOWED);
        assertThat(table.member("java.util.concurrent.Executors", "newCachedThreadPool")).as("Executors")
                .isEqualTo(Judgement.refused("threads", false));
        assertThat(table.type("java.util.Timer")).as("naming Timer").isEqualTo(Judgement.refused("timer", false));
        assertThat(table.type("java.util.Map$Entry")).as("naming Map.Entry").isEqualTo(Judgement.ALLOWED);
        assertThat(table.type("org.nd4j.linalg.indexing.conditions.Conditions")).as("ND4J's conditions")
                .isEqualTo(Judgement.ALLOWED);
        assertThat(table.type("org.nd4j.autodiff.samediff.SameDiff")).as("SameDiff").isEqualTo(Judgement.refused("nd4j", false));
        assertThat(table.type("a.B")).as("a class both allowed and refused").isEqualTo(Judgement.refused("tie", false));
    }

    @Test
    @DisplayName("an exact member name beats a pattern, and a pattern matches with * anywhere")
    void exactNamesBeatPatterns() {
        ApiAllowlist table = new ApiAllowlist(List.of(allow("org.nd4j.linalg.factory.Nd4j"),
                refuse("org.nd4j.linalg.factory.Nd4j#get*,set*", "settings"),
                allow("org.nd4j.linalg.factory.Nd4j#getBlasWrapper"), refuse("org.nd4j..#*Derivative", "ready-made")),
                NOT_LISTED);

        assertThat(table.member("org.nd4j.linalg.factory.Nd4j", "getBlasWrapper")).as("getBlasWrapper")
                .isEqualTo(Judgement.ALLOWED);
        assertThat(table.member("org.nd4j.linalg.factory.Nd4j", "getExecutioner")).as("getExecutioner")
                .isEqualTo(Judgement.refused("settings", true));
        assertThat(table.member("org.nd4j.linalg.factory.Nd4j", "zeros")).as("zeros").isEqualTo(Judgement.ALLOWED);
        assertThat(table.member("org.nd4j.linalg.ops.transforms.Transforms", "sigmoidDerivative")).as("sigmoidDerivative")
                .isEqualTo(Judgement.refused("ready-made", true));
    }

    @Test
    @DisplayName("a class can be named when some of its members are allowed, though its other members cannot be used")
    void partlyAllowedClassesCanBeNamed() {
        ApiAllowlist table = new ApiAllowlist(List.of(refuse("java.io..", "no files"),
                allow("java.io.PrintStream#println,printf")), NOT_LISTED);

        assertThat(table.type("java.io.PrintStream")).as("naming PrintStream").isEqualTo(Judgement.ALLOWED);
        assertThat(table.member("java.io.PrintStream", "println")).as("println").isEqualTo(Judgement.ALLOWED);
        assertThat(table.member("java.io.PrintStream", "<init>")).as("new PrintStream(file)")
                .isEqualTo(Judgement.refused("no files", false));
        assertThat(table.type("java.io.File")).as("naming File").isEqualTo(Judgement.refused("no files", false));
    }

    @Test
    @DisplayName("extras allow more whatever the table says, and may not refuse")
    void extrasOnlyAllow() {
        ApiAllowlist table = new ApiAllowlist(List.of(refuse("java.nio..", "no files"),
                refuse("java.lang.System#nanoTime", "no clock")), NOT_LISTED);

        ApiAllowlist more = table.alsoAllowing(List.of(allow("java.nio.file.."), allow("java.lang.System#nanoTime")));

        assertThat(more.member("java.nio.file.Files", "writeString")).as("Files.writeString with extras")
                .isEqualTo(Judgement.ALLOWED);
        assertThat(more.type("java.nio.file.Path")).as("naming Path with extras").isEqualTo(Judgement.ALLOWED);
        assertThat(more.member("java.lang.System", "nanoTime")).as("nanoTime with extras").isEqualTo(Judgement.ALLOWED);
        assertThat(more.type("java.nio.ByteBuffer")).as("ByteBuffer, not in the extras")
                .isEqualTo(Judgement.refused("no files", false));
        assertThat(table.member("java.nio.file.Files", "writeString")).as("the table itself is unchanged")
                .isEqualTo(Judgement.refused("no files", false));
        assertThatThrownBy(() -> table.alsoAllowing(List.of(refuse("java.io..", "no")))).as("a refusing extra")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refuses");
    }

    @Test
    @DisplayName("rows are written as owner or owner#members, and a refusal must say what to do instead")
    void rowsAreChecked() {
        assertThat(allow("java.lang.System#out, err")).as("a row with two members")
                .satisfies(row -> assertThat(row.members()).containsExactly("out", "err"))
                .satisfies(row -> assertThat(row.owner().text()).isEqualTo("java.lang.System"));
        assertThatThrownBy(() -> refuse("java.lang.System#exit", " ")).as("a refusal without a hint")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("what to do instead");
        assertThatThrownBy(() -> allow("java.util.**")).as("a malformed owner")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.util.**");
        assertThatThrownBy(() -> allow("java.lang.System#exit()")).as("a member with parentheses")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exit()");
    }
}
