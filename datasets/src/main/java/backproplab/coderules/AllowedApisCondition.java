package backproplab.coderules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "use only what the allowlist allows": checks every use a class makes of another class, against
 * {@link CourseAllowlist}.
 *
 * <p>A use is a method call, a field access, a constructor call or a method reference (checked by member), or
 * any other mention of a class: a supertype, a field, parameter or return type, a type argument, a class
 * literal, an {@code instanceof}, an annotation (checked by class). Static initialisers ({@code <clinit>}) and
 * the bodies of lambdas are code of their class like any other. The classes being checked may use each other
 * freely, except that only given code may use given code; a member that one of them inherits from outside
 * (say {@code MyZone.setDefault}, with {@code MyZone extends TimeZone}) is judged as a member of the classes it
 * comes from.
 *
 * <p>The classes being checked are the ones the rule is evaluated on ({@link #init}), so one condition checks
 * one set of classes at a time.
 */
public final class AllowedApisCondition extends ArchCondition<JavaClass> {

    private final ApiAllowlist gradedCode;
    private final ApiAllowlist givenCode;
    private final String givenCodePackage;
    private volatile Set<String> checked = Set.of();

    /**
     * @param gradedCode       what graded code may use
     * @param givenCode        what given code may use
     * @param givenCodePackage the package (with its sub-packages) of the given code
     */
    public AllowedApisCondition(ApiAllowlist gradedCode, ApiAllowlist givenCode, String givenCodePackage) {
        super("use only the Java, ND4J and course APIs on the course's allowlist (the given code in " + givenCodePackage
                + " also files, pictures and the clock)");
        this.gradedCode = gradedCode;
        this.givenCode = givenCode;
        this.givenCodePackage = givenCodePackage;
    }

    @Override
    public void init(Collection<JavaClass> allObjectsToTest) {
        checked = allObjectsToTest.stream().map(JavaClass::getName).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void check(JavaClass origin, ConditionEvents events) {
        ApiAllowlist allowlist = isGiven(origin) ? givenCode : gradedCode;
        Set<String> accesses = new HashSet<>();
        for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
            accesses.add(access.getDescription());
            report(events, access, access.getDescription(), judgeAccess(origin, access, allowlist));
        }
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
            // a call or field access is also a dependency on its owner; it was judged above, member by member
            if (!accesses.contains(dependency.getDescription())) {
                report(events, dependency, dependency.getDescription(),
                        judgeType(origin, dependency.getTargetClass(), allowlist));
            }
        }
    }

    private Judgement judgeAccess(JavaClass origin, JavaAccess<?> access, ApiAllowlist allowlist) {
        JavaClass owner = access.getTargetOwner();
        String member = access.getTarget().getName();
        if (owner.isArray()) {
            return judgeType(origin, owner.getBaseComponentType(), allowlist); // clone() of an array
        }
        if (!checked.contains(owner.getName())) {
            return allowlist.member(owner.getName(), member);
        }
        if (isGiven(owner) && !isGiven(origin)) {
            return Judgement.refused(CourseAllowlist.givenCodeHint(), false);
        }
        Optional<? extends JavaMember> declared = access.getTarget().resolveMember();
        if (declared.isPresent() && checked.contains(declared.get().getOwner().getName())) {
            return Judgement.ALLOWED;
        }
        return judgeInherited(owner, member, allowlist);
    }

    /**
     * A member of a checked class that it does not declare: allowed if a class it inherits from outside allows
     * it, unless one of them refuses this very member.
     */
    private Judgement judgeInherited(JavaClass owner, String member, ApiAllowlist allowlist) {
        List<Judgement> judgements = new ArrayList<>();
        for (JavaClass ancestor : outsideAncestors(owner)) {
            judgements.add(allowlist.member(ancestor.getName(), member));
        }
        Optional<Judgement> refusedByMember = judgements.stream().filter(Judgement::refusedByMember).findFirst();
        if (refusedByMember.isPresent()) {
            return refusedByMember.get();
        }
        return judgements.stream().filter(Judgement::allowed).findFirst()
                .orElse(judgements.isEmpty() ? allowlist.member(owner.getName(), member) : judgements.get(0));
    }

    /** The nearest superclass outside the checked classes, then the outside interfaces, nearest first. */
    private Set<JavaClass> outsideAncestors(JavaClass owner) {
        Set<JavaClass> ancestors = new LinkedHashSet<>();
        owner.getAllRawSuperclasses().stream().filter(c -> !checked.contains(c.getName())).findFirst()
                .ifPresent(ancestors::add);
        owner.getAllRawInterfaces().stream().filter(c -> !checked.contains(c.getName())).forEach(ancestors::add);
        return ancestors;
    }

    private Judgement judgeType(JavaClass origin, JavaClass target, ApiAllowlist allowlist) {
        JavaClass type = target.isArray() ? target.getBaseComponentType() : target;
        if (type.isPrimitive()) {
            return Judgement.ALLOWED;
        }
        if (checked.contains(type.getName())) {
            return isGiven(type) && !isGiven(origin)
                    ? Judgement.refused(CourseAllowlist.givenCodeHint(), false) : Judgement.ALLOWED;
        }
        return allowlist.type(type.getName());
    }

    private boolean isGiven(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        return pkg.equals(givenCodePackage) || pkg.startsWith(givenCodePackage + ".");
    }

    private static void report(ConditionEvents events, Object where, String description, Judgement judgement) {
        if (!judgement.allowed()) {
            events.add(SimpleConditionEvent.violated(where, description + ": not allowed — " + judgement.hint() + "."));
        }
    }
}
