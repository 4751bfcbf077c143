package backproplab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backproplab.scoring.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs inside a real test JVM ({@code grade --suites} this class) and passes only if the JDK modules that would let
 * student code compile, script, attach to, instrument, manage or debug a JVM are absent, while what the suites need
 * is there ({@link ModuleLimits}).
 */
@Graded(points = 1, task = "probe.modules")
class ModulesProbeSuite {

    static final String NAME = ModulesProbeSuite.class.getName();

    /** Display names, for the tests that read the report. */
    static final String NO_JSHELL = "no JShell (jdk.jshell)";
    static final String NO_COMPILER = "no compiler (java.compiler, jdk.compiler)";
    static final String NO_SCRIPTING = "no scripting engine (java.scripting)";
    static final String NO_ATTACH = "no attach or instrumentation API (jdk.attach, java.instrument)";
    static final String NO_MANAGEMENT = "no management API (java.management, jdk.management)";
    static final String NO_DEBUGGER = "no debugger interface (jdk.jdi)";
    static final String SUITES_NEEDS = "what the suites need is there (java.desktop for PNGs, jdk.unsupported, jdk.zipfs)";

    @Test
    @DisplayName(NO_JSHELL)
    void noJShell() {
        absent("jdk.jshell");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("jdk.jshell.JShell"));
    }

    @Test
    @DisplayName(NO_COMPILER)
    void noCompiler() {
        absent("java.compiler");
        absent("jdk.compiler");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("javax.tools.ToolProvider"));
    }

    @Test
    @DisplayName(NO_SCRIPTING)
    void noScripting() {
        absent("java.scripting");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("javax.script.ScriptEngineManager"));
    }

    @Test
    @DisplayName(NO_ATTACH)
    void noAttach() {
        absent("jdk.attach");
        absent("java.instrument");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.sun.tools.attach.VirtualMachine"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("java.lang.instrument.Instrumentation"));
    }

    @Test
    @DisplayName(NO_MANAGEMENT)
    void noManagement() {
        absent("java.management");
        absent("jdk.management");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("java.lang.management.ManagementFactory"));
    }

    @Test
    @DisplayName(NO_DEBUGGER)
    void noDebugger() {
        absent("jdk.jdi");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.sun.jdi.VirtualMachineManager"));
    }

    @Test
    @DisplayName(SUITES_NEEDS)
    void suitesNeedsAreThere() throws ClassNotFoundException {
        for (String module : new String[] {"java.base", "java.desktop", "java.logging", "jdk.unsupported", "jdk.zipfs"}) {
            assertTrue(ModuleLayer.boot().findModule(module).isPresent(), module + " should be there");
        }
        Class.forName("javax.imageio.ImageIO");
        Class.forName("sun.misc.Unsafe");
    }

    private static void absent(String module) {
        assertTrue(ModuleLayer.boot().findModule(module).isEmpty(), module + " should not be in the test JVM");
    }
}
