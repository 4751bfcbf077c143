package backproplab.grader.cli;

import backproplab.grader.sandbox.IsolationLevel;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --isolation}: {@code auto} (the best this machine can do, {@code null}), {@code full}, {@code modules}, {@code none}. */
final class IsolationConverter implements ITypeConverter<IsolationLevel> {

    @Override
    public IsolationLevel convert(String value) {
        String level = value.strip().toLowerCase(Locale.ROOT);
        if (level.equals("auto")) {
            return null;
        }
        for (IsolationLevel candidate : IsolationLevel.values()) {
            if (candidate.label().equals(level)) {
                return candidate;
            }
        }
        throw new TypeConversionException("'" + value + "' is not an isolation level; use auto, full, modules or none");
    }
}
