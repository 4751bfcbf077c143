package backproplab.grader.checks;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the API signatures of a loaded class without initialising it: the type itself and its public and
 * protected constructors, methods and fields, plus those of its public or protected nested types.
 *
 * <p>The declaration compares what callers depend on: visibility, {@code static}, the kind of type
 * (class, interface, enum, record, annotation), {@code abstract} for classes, generic types and varargs.
 * It ignores {@code final}, {@code synchronized}, parameter names and {@code throws} clauses, which a
 * student may change without breaking a caller.
 */
public final class ApiSignatureReader {

    private ApiSignatureReader() {
    }

    /**
     * Whether a class belongs to the API: a public top-level type, or a public or protected nested type
     * (not local, anonymous or synthetic).
     */
    public static boolean isApiType(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        int modifiers = type.getModifiers();
        return type.getDeclaringClass() == null
                ? Modifier.isPublic(modifiers)
                : Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /**
     * The signatures of one type (not of its nested types; read those separately).
     *
     * @param type a loaded class
     * @return the type's own line followed by one line per API member, sorted
     * @throws LinkageError if a member's signature names a class that cannot be loaded
     */
    public static List<ApiSignature> read(Class<?> type) {
        List<ApiSignature> signatures = new ArrayList<>();
        String className = type.getName();
        signatures.add(new ApiSignature(className, ApiSignature.TYPE_KEY, typeDeclaration(type)));
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isApiMember(constructor) && !constructor.isSynthetic()) {
                signatures.add(new ApiSignature(className, "<init>" + erasedParameters(constructor),
                        visibility(constructor) + simpleName(type) + genericParameters(constructor)));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (isApiMember(method) && !method.isSynthetic() && !method.isBridge()) {
                signatures.add(new ApiSignature(className, method.getName() + erasedParameters(method),
                        methodDeclaration(method)));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (isApiMember(field) && !field.isSynthetic()) {
                signatures.add(new ApiSignature(className, field.getName(),
                        visibility(field) + staticModifier(field) + field.getGenericType().getTypeName() + " " + field.getName()));
            }
        }
        signatures.sort(null);
        return signatures;
    }

    private static boolean isApiMember(Member member) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String typeDeclaration(Class<?> type) {
        int modifiers = type.getModifiers();
        StringBuilder text = new StringBuilder();
        text.append(Modifier.isPublic(modifiers) ? "public " : "protected ");
        if (type.getDeclaringClass() != null && Modifier.isStatic(modifiers) && !type.isInterface()
                && !type.isEnum() && !type.isRecord()) {
            text.append("static ");
        }
        if (type.isAnnotation()) {
            text.append("@interface ");
        } else if (type.isInterface()) {
            text.append("interface ");
        } else if (type.isEnum()) {
            text.append("enum ");
        } else if (type.isRecord()) {
            text.append("record ");
        } else {
            text.append(Modifier.isAbstract(modifiers) ? "abstract class " : "class ");
        }
        text.append(type.getName()).append(typeParameters(type.getTypeParameters()));
        return text.toString();
    }

    private static String methodDeclaration(Method method) {
        StringBuilder text = new StringBuilder(visibility(method)).append(staticModifier(method));
        if (method.getDeclaringClass().isInterface() && method.isDefault()) {
            text.append("default ");
        }
        String typeParameters = typeParameters(method.getTypeParameters());
        if (!typeParameters.isEmpty()) {
            text.append(typeParameters).append(' ');
        }
        return text.append(method.getGenericReturnType().getTypeName()).append(' ')
                .append(method.getName()).append(genericParameters(method)).toString();
    }

    private static String visibility(Member member) {
        return Modifier.isPublic(member.getModifiers()) ? "public " : "protected ";
    }

    private static String staticModifier(Member member) {
        return Modifier.isStatic(member.getModifiers()) ? "static " : "";
    }

    private static String simpleName(Class<?> type) {
        return type.getSimpleName();
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(ApiSignatureReader::typeVariable).collect(Collectors.joining(",", "<", ">"));
    }

    private static String typeVariable(TypeVariable<?> variable) {
        Type[] bounds = variable.getBounds();
        if (bounds.length == 1 && bounds[0] == Object.class) {
            return variable.getName();
        }
        return variable.getName() + " extends "
                + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
    }

    private static String erasedParameters(Executable executable) {
        return Arrays.stream(executable.getParameterTypes()).map(Class::getTypeName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static String genericParameters(Executable executable) {
        Type[] types = executable.getGenericParameterTypes();
        if (types.length != executable.getParameterCount()) {
            // Inner-class constructors and some enum constructors: generic info omits synthetic parameters.
            types = executable.getParameterTypes();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String name = types[i].getTypeName();
            if (executable.isVarArgs() && i == types.length - 1 && name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2) + "...";
            }
            names.add(name);
        }
        return names.stream().collect(Collectors.joining(", ", "(", ")"));
    }
}
