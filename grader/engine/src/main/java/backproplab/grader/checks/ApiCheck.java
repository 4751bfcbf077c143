package backproplab.grader.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a compiled submission with the {@link SkeletonApi}: every type and every public or protected
 * member of the skeleton must be there with the same declaration. Extra members are allowed.
 *
 * <p>Classes are loaded without being initialised, so no student code runs here.
 */
public final class ApiCheck {

    /** Task id of the API checks in the report. */
    public static final String TASK = "api";

    private final SkeletonApi skeleton;

    /** @param skeleton the API to require */
    public ApiCheck(SkeletonApi skeleton) {
        this.skeleton = skeleton;
    }

    /**
     * Checks the submission's classes.
     *
     * @param submission a loader that sees the compiled submission first (and the course libraries)
     * @return one failed result per mismatch, or a single passed result when everything matches
     */
    public List<CheckResult> check(ClassLoader submission) {
        Map<String, List<ApiSignature>> expectedByType = new LinkedHashMap<>();
        for (ApiSignature signature : skeleton.signatures()) {
            expectedByType.computeIfAbsent(signature.className(), k -> new ArrayList<>()).add(signature);
        }
        List<CheckResult> failures = new ArrayList<>();
        for (Map.Entry<String, List<ApiSignature>> type : expectedByType.entrySet()) {
            failures.addAll(checkType(type.getKey(), type.getValue(), submission));
        }
        if (failures.isEmpty()) {
            return List.of(CheckResult.pass("API: every class and method of the skeleton is present ("
                    + skeleton.signatures().size() + " signatures)", TASK, 0));
        }
        return failures;
    }

    private List<CheckResult> checkType(String className, List<ApiSignature> expected, ClassLoader submission) {
        ApiSignature typeLine = expected.stream().filter(ApiSignature::isType).findFirst().orElseThrow();
        Class<?> type;
        List<ApiSignature> actual;
        try {
            type = Class.forName(className, false, submission);
            actual = ApiSignatureReader.isApiType(type) ? ApiSignatureReader.read(type) : List.of();
        } catch (ClassNotFoundException e) {
            return List.of(fail(typeLine, typeLine.displayName() + " is missing: expected " + typeLine.declaration()
                    + ". Keep the skeleton's class " + ApiSignature.simpleTypeName(className) + " in package "
                    + ClassFiles.packageOf(className) + " (file " + className.replaceAll("\\$.*", "").replace('.', '/')
                    + ".java)."));
        } catch (LinkageError e) {
            return List.of(fail(typeLine, typeLine.displayName() + " cannot be loaded: " + e
                    + ". Check the classes it uses are all part of your submission."));
        }
        if (actual.isEmpty()) {
            return List.of(fail(typeLine, typeLine.displayName() + " is not public: expected " + typeLine.declaration()));
        }
        Map<String, ApiSignature> actualByKey = new LinkedHashMap<>();
        actual.forEach(s -> actualByKey.put(s.key(), s));
        List<CheckResult> failures = new ArrayList<>();
        for (ApiSignature wanted : expected) {
            ApiSignature found = actualByKey.get(wanted.key());
            if (found == null) {
                failures.add(fail(wanted, wanted.displayName() + " is missing: expected " + wanted.declaration()
                        + sameNameHint(wanted, actual)));
            } else if (!found.declaration().equals(wanted.declaration())) {
                failures.add(fail(wanted, wanted.displayName() + " has a different declaration: expected "
                        + wanted.declaration() + ", found " + found.declaration()
                        + ". Keep the skeleton's signature; the graders call it exactly as declared there."));
            }
        }
        return failures;
    }

    private static String sameNameHint(ApiSignature wanted, List<ApiSignature> actual) {
        String name = memberName(wanted);
        List<String> sameName = actual.stream()
                .filter(s -> !s.isType() && memberName(s).equals(name))
                .map(ApiSignature::declaration)
                .toList();
        return sameName.isEmpty() ? "." : ". Found instead: " + String.join("; ", sameName)
                + ". Keep the skeleton's parameter types.";
    }

    private static String memberName(ApiSignature signature) {
        int paren = signature.key().indexOf('(');
        return paren < 0 ? signature.key() : signature.key().substring(0, paren);
    }

    private static CheckResult fail(ApiSignature signature, String message) {
        return CheckResult.fail("API: " + signature.displayName(), TASK, 0, message);
    }
}
