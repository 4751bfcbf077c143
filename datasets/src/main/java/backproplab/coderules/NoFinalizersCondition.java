package backproplab.coderules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** "not declare a finalize() method": a {@code finalize()} without parameters overrides {@code Object.finalize}. */
final class NoFinalizersCondition extends ArchCondition<JavaClass> {

    NoFinalizersCondition() {
        super("not declare a finalize() method");
    }

    @Override
    public void check(JavaClass javaClass, ConditionEvents events) {
        for (JavaMethod method : javaClass.getMethods()) {
            if (method.getName().equals("finalize") && method.getRawParameterTypes().isEmpty()) {
                events.add(SimpleConditionEvent.violated(method, method.getDescription() + " is a finalizer in "
                        + method.getSourceCodeLocation() + ": not allowed — the JVM would run it later, outside the test."));
            }
        }
    }
}
