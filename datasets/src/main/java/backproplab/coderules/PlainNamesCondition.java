package backproplab.coderules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * "be declared with names without '$'": javac writes '$' into the names of nested, local, anonymous and
 * generated classes ({@code Outer$Inner}, {@code Outer$1}), so a class declared as {@code Outer$Inner} (top-level)
 * or {@code class In$ner} looks like one of them. Anonymous classes have no declared name and pass.
 */
final class PlainNamesCondition extends ArchCondition<JavaClass> {

    PlainNamesCondition() {
        super("be declared with names without '$'");
    }

    @Override
    public void check(JavaClass javaClass, ConditionEvents events) {
        if (declaredName(javaClass).contains("$")) {
            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getDescription() + " is declared as '"
                    + declaredName(javaClass) + "' in " + javaClass.getSourceCodeLocation()
                    + ": not allowed — '$' is reserved for the names javac gives nested and generated classes."));
        }
    }

    /** The name in the source: for a top-level class all after the package (ArchUnit's simple name stops at '$'). */
    private static String declaredName(JavaClass javaClass) {
        if (javaClass.isTopLevelClass()) {
            String pkg = javaClass.getPackageName();
            return pkg.isEmpty() ? javaClass.getName() : javaClass.getName().substring(pkg.length() + 1);
        }
        return javaClass.getSimpleName();
    }
}
