package backproplab.grader.child;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which course methods a hidden test calls, read from the suite's own class files (trusted bytes of the grader, never
 * the student's): every method invocation and method reference ({@code net::forward}) in the test method, followed into
 * the suite's lambdas and its support classes ({@code FullBatchTraining.train} calls forward, backward and update),
 * in the order they first appear in the code.
 *
 * <p>This is what the test <em>can</em> call, not a trace: a call on a branch the test did not take, or after the line
 * where it failed, is listed too; what the student's methods call in turn is not (their own code is never read or
 * changed here, so it cannot add or hide anything). The stack trace of a failure says what was running at that moment.
 */
final class SuiteCalls {

    /** A method a suite calls: the binary name of its class and its name ({@code <init>} for a constructor). */
    record Call(String owner, String name) {
    }

    private static final int MAX_DEPTH = 8;

    private final Function<String, Optional<byte[]>> suiteBytes;
    private final Predicate<String> followInto;
    private final Map<String, Optional<ClassFile>> parsed = new ConcurrentHashMap<>();

    /**
     * @param suiteBytes the class file of a suite class, by binary name
     * @param followInto which classes' methods are suite code to read further (the suites' package)
     */
    SuiteCalls(Function<String, Optional<byte[]>> suiteBytes, Predicate<String> followInto) {
        this.suiteBytes = suiteBytes;
        this.followInto = followInto;
    }

    /**
     * The methods outside suite code that a test method calls, directly or through suite code, in order.
     *
     * @param className  the test's class (binary name)
     * @param methodName the test method's name (every overload is read)
     * @return the calls, each once
     */
    List<Call> of(String className, String methodName) {
        Set<Call> found = new LinkedHashSet<>();
        Set<String> visited = new HashSet<>();
        read(className, methodName, null, 0, found, visited);
        return List.copyOf(found);
    }

    private void read(String owner, String name, String descriptor, int depth, Set<Call> found, Set<String> visited) {
        if (depth > MAX_DEPTH || !visited.add(owner + "." + name + (descriptor == null ? "" : descriptor))) {
            return;
        }
        Optional<ClassFile> file = parsed.computeIfAbsent(owner, n -> suiteBytes.apply(n).flatMap(ClassFile::parse));
        if (file.isEmpty()) {
            return;
        }
        for (ClassFile.Method method : file.get().methods) {
            if (!method.name.equals(name) || descriptor != null && !method.descriptor.equals(descriptor)) {
                continue;
            }
            for (ClassFile.Ref ref : method.calls) {
                if (followInto.test(ref.owner())) {
                    read(ref.owner(), ref.name(), ref.descriptor(), depth + 1, found, visited);
                } else {
                    found.add(new Call(ref.owner(), ref.name()));
                }
            }
        }
    }

    /** The little of a class file this needs: each method's name, descriptor and the methods its code refers to. */
    private static final class ClassFile {

        record Ref(String owner, String name, String descriptor) {
        }

        record Method(String name, String descriptor, List<Ref> calls) {
        }

        private final List<Method> methods = new ArrayList<>();
        private Object[] pool;
        private int[] tags;
        private final List<int[]> bootstrapArguments = new ArrayList<>();

        static Optional<ClassFile> parse(byte[] bytes) {
            try {
                return Optional.of(new ClassFile(new DataInputStream(new ByteArrayInputStream(bytes))));
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // not a class file this reader understands: nothing is said about its calls
            }
        }

        private ClassFile(DataInputStream in) throws IOException {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            readPool(in);
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.skipBytes(2 * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            List<Object[]> codes = new ArrayList<>();
            int methodCount = in.readUnsignedShort();
            for (int i = 0; i < methodCount; i++) {
                in.readUnsignedShort();
                String name = utf(in.readUnsignedShort());
                String descriptor = utf(in.readUnsignedShort());
                byte[] code = new byte[0];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf(in.readUnsignedShort());
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        in.skipBytes(4);
                        code = new byte[in.readInt()];
                        in.readFully(code);
                        in.skipBytes(length - 8 - code.length);
                    } else {
                        in.skipBytes(length);
                    }
                }
                codes.add(new Object[] {name, descriptor, code});
            }
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf(in.readUnsignedShort());
                int length = in.readInt();
                if (attribute.equals("BootstrapMethods")) {
                    int count = in.readUnsignedShort();
                    for (int b = 0; b < count; b++) {
                        in.readUnsignedShort();
                        int[] arguments = new int[in.readUnsignedShort()];
                        for (int k = 0; k < arguments.length; k++) {
                            arguments[k] = in.readUnsignedShort();
                        }
                        bootstrapArguments.add(arguments);
                    }
                } else {
                    in.skipBytes(length);
                }
            }
            for (Object[] code : codes) {
                methods.add(new Method((String) code[0], (String) code[1], calls((byte[]) code[2])));
            }
        }

        private void readPool(DataInputStream in) throws IOException {
            int count = in.readUnsignedShort();
            pool = new Object[count];
            tags = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case 1 -> pool[i] = in.readUTF();
                    case 3, 4 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> pool[i] = new int[] {in.readUnsignedShort()};
                    case 9, 10, 11, 12, 17, 18 -> pool[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 15 -> pool[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
        }

        private static void skipAttributes(DataInputStream in) throws IOException {
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.readUnsignedShort();
                in.skipBytes(in.readInt());
            }
        }

        private String utf(int index) {
            return (String) pool[index];
        }

        private int[] entry(int index) {
            return (int[]) pool[index];
        }

        /** A Methodref or InterfaceMethodref as owner (binary name), name and descriptor; null for anything else. */
        private Ref method(int index) {
            if (tags[index] != 10 && tags[index] != 11) {
                return null;
            }
            int[] ref = entry(index);
            String owner = utf(entry(ref[0])[0]).replace('/', '.');
            int[] nameAndType = entry(ref[1]);
            return new Ref(owner, utf(nameAndType[0]), utf(nameAndType[1]));
        }

        /** The methods a method's code invokes or refers to with a method handle (lambdas, method references). */
        private List<Ref> calls(byte[] code) {
            List<Ref> calls = new ArrayList<>();
            int pc = 0;
            while (pc < code.length) {
                int op = code[pc] & 0xFF;
                if (op >= 0xB6 && op <= 0xB9) {
                    Ref ref = method(u2(code, pc + 1));
                    if (ref != null) {
                        calls.add(ref);
                    }
                } else if (op == 0xBA) {
                    int bootstrap = entry(u2(code, pc + 1))[0];
                    if (bootstrap < bootstrapArguments.size()) {
                        for (int argument : bootstrapArguments.get(bootstrap)) {
                            if (tags[argument] == 15) {
                                Ref ref = method(entry(argument)[1]);
                                if (ref != null) {
                                    calls.add(ref);
                                }
                            }
                        }
                    }
                }
                pc += length(code, pc);
            }
            return calls;
        }

        private static int u2(byte[] code, int at) {
            return (code[at] & 0xFF) << 8 | code[at + 1] & 0xFF;
        }

        private static int s4(byte[] code, int at) {
            return (code[at] & 0xFF) << 24 | (code[at + 1] & 0xFF) << 16 | (code[at + 2] & 0xFF) << 8 | code[at + 3] & 0xFF;
        }

        /** The length of the instruction at {@code pc}, operands included (JVMS §6.5). */
        private static int length(byte[] code, int pc) {
            int op = code[pc] & 0xFF;
            if (op == 0xAA || op == 0xAB) {
                int at = pc + 1 + (3 - pc % 4);
                if (op == 0xAA) {
                    int low = s4(code, at + 4);
                    int high = s4(code, at + 8);
                    return at - pc + 12 + 4 * (high - low + 1);
                }
                return at - pc + 8 + 8 * s4(code, at + 4);
            }
            if (op == 0xC4) {
                return (code[pc + 1] & 0xFF) == 0x84 ? 6 : 4;
            }
            return 1 + operands(op);
        }

        private static int operands(int op) {
            if (op == 0x10 || op == 0x12 || op >= 0x15 && op <= 0x19 || op >= 0x36 && op <= 0x3A || op == 0xA9 || op == 0xBC) {
                return 1;
            }
            if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || op >= 0x99 && op <= 0xA8 || op >= 0xB2 && op <= 0xB8
                    || op == 0xBB || op == 0xBD || op == 0xC0 || op == 0xC1 || op == 0xC6 || op == 0xC7) {
                return 2;
            }
            if (op == 0xC5) {
                return 3;
            }
            if (op == 0xB9 || op == 0xBA || op == 0xC8 || op == 0xC9) {
                return 4;
            }
            return 0;
        }
    }
}
