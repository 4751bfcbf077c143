package backproplab.grader.child;

import backproplab.scoring.TestKeys;
import java.util.Set;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestIdentifier;

/** Leaves out the tests that already have a result, when a child replaces one that died. */
final class SkipKeysFilter implements PostDiscoveryFilter {

    private final Set<String> skipKeys;

    SkipKeysFilter(Set<String> skipKeys) {
        this.skipKeys = Set.copyOf(skipKeys);
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!descriptor.isTest()) {
            return FilterResult.included("container");
        }
        String key = TestKeys.key(TestIdentifier.from(descriptor));
        return skipKeys.contains(key) ? FilterResult.excluded("already graded") : FilterResult.included("pending");
    }
}
