package cn.yiyang.testing.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The project's types that Jackson reads or writes in the request path, found in the bytecode: the
 * class literal handed to a reading method ({@code call.body(Foo.class)},
 * {@code StrictJson.read(body, Foo.class)}) and the static type of what is handed to a writing one
 * ({@code Reply.ok(view)}, {@code StrictJson.write(policy)}), then every project type their record
 * components name, through lists, maps and optionals. A native executable can only (de)serialise
 * those registered for reflection ({@code @RegisterForReflection}).
 *
 * <p>Sinks are known by simple class name, so moving {@code Reply} or {@code StrictJson} to another
 * package keeps them found; a new kind of sink is added to {@link #SINK_OWNERS}.
 */
public final class JsonTypeScan {

    /** Classes whose methods read or write JSON, by simple name. */
    public static final Set<String> SINK_OWNERS = Set.of("Call", "StrictJson", "Reply", "ObjectMapper", "JsonMapper",
            "ObjectReader", "ObjectWriter");
    static final String PROJECT_PREFIX = "cn/yiyang/";
    private static final String REGISTER_FOR_REFLECTION = "Lio/quarkus/runtime/annotations/RegisterForReflection;";

    /** What was found: the types Jackson touches, and those of them not registered for reflection. */
    public record Result(Set<String> jsonTypes, Set<String> unregistered, int sinkCalls) {
    }

    private final ClassLoader loader;
    private final Set<String> roots = new TreeSet<>();
    private final Set<String> registered = new TreeSet<>();
    private int sinkCalls;

    private JsonTypeScan(ClassLoader loader) {
        this.loader = loader;
    }

    /** Scans the named project classes (binary names), loading them (never initialising) through the loader. */
    public static Result scan(Collection<String> classNames, ClassLoader loader) {
        JsonTypeScan scan = new JsonTypeScan(loader);
        for (String name : classNames) {
            ClassNode node = scan.read(name);
            if (node != null) {
                scan.findSinks(node);
            }
        }
        Set<String> jsonTypes = scan.closure();
        Set<String> unregistered = new TreeSet<>(jsonTypes);
        unregistered.removeAll(scan.registered);
        return new Result(jsonTypes, unregistered, scan.sinkCalls);
    }

    /** Reads a class and notes what its annotations register; null when the class is not there. */
    private ClassNode read(String className) {
        ClassNode node = new ClassNode();
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                return null;
            }
            new ClassReader(in).accept(node, ClassReader.SKIP_DEBUG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        noteRegistrations(node);
        return node;
    }

    private void findSinks(ClassNode node) {
        for (MethodNode method : node.methods) {
            if (method.instructions.size() > 0) {
                findSinks(node.name, method);
            }
        }
    }

    private void noteRegistrations(ClassNode node) {
        if (node.visibleAnnotations == null) {
            return;
        }
        for (AnnotationNode a : node.visibleAnnotations) {
            if (!REGISTER_FOR_REFLECTION.equals(a.desc)) {
                continue;
            }
            List<Object> targets = valueOf(a, "targets");
            List<Object> classNames = valueOf(a, "classNames");
            if (targets.isEmpty() && classNames.isEmpty()) {
                registered.add(node.name);
            }
            targets.forEach(t -> registered.add(((org.objectweb.asm.Type) t).getInternalName()));
            classNames.forEach(n -> registered.add(((String) n).replace('.', '/')));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> valueOf(AnnotationNode a, String name) {
        for (int i = 0; a.values != null && i < a.values.size(); i += 2) {
            if (name.equals(a.values.get(i))) {
                return (List<Object>) a.values.get(i + 1);
            }
        }
        return List.of();
    }

    private void findSinks(String owner, MethodNode method) {
        Frame<SourceValue>[] sources;
        Frame<BasicValue>[] types;
        try {
            sources = new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
            SimpleVerifier verifier = new SimpleVerifier();
            verifier.setClassLoader(loader);
            types = new Analyzer<>(verifier).analyze(owner, method);
        } catch (AnalyzerException | RuntimeException | LinkageError e) {
            return;
        }
        for (int i = 0; i < method.instructions.size(); i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            if (insn instanceof MethodInsnNode call && isSink(call) && sources[i] != null && types[i] != null) {
                sinkCalls++;
                noteArguments(call, sources[i], types[i]);
            }
        }
    }

    private static boolean isSink(MethodInsnNode call) {
        String simpleName = call.owner.substring(call.owner.lastIndexOf('/') + 1);
        return SINK_OWNERS.contains(simpleName);
    }

    private void noteArguments(MethodInsnNode call, Frame<SourceValue> sources, Frame<BasicValue> types) {
        org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(call.desc);
        int first = sources.getStackSize() - params.length;
        for (int p = 0; p < params.length; p++) {
            String param = params[p].getDescriptor();
            if (param.equals("Ljava/lang/Class;")) {
                for (AbstractInsnNode source : sources.getStack(first + p).insns) {
                    if (source instanceof LdcInsnNode ldc && ldc.cst instanceof org.objectweb.asm.Type t) {
                        addRoot(t.getInternalName());
                    }
                }
            } else if (param.equals("Ljava/lang/Object;")) {
                org.objectweb.asm.Type actual = types.getStack(first + p).getType();
                if (actual != null && actual.getSort() == org.objectweb.asm.Type.OBJECT) {
                    addRoot(actual.getInternalName());
                }
            }
        }
    }

    private void addRoot(String internalName) {
        if (internalName.startsWith(PROJECT_PREFIX)) {
            roots.add(internalName);
        }
    }

    /** The roots and every project type their record components reach (enums and interfaces need no registration). */
    private Set<String> closure() {
        Set<String> found = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            Class<?> type = load(name);
            if (type == null || type.isEnum() || type.isInterface() || !found.add(name)) {
                continue;
            }
            read(name);
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    projectTypesIn(component.getGenericType(), pending);
                }
            }
        }
        return found;
    }

    private static void projectTypesIn(Type type, Deque<String> pending) {
        if (type instanceof Class<?> c) {
            Class<?> element = c.isArray() ? c.getComponentType() : c;
            String internal = element.getName().replace('.', '/');
            if (internal.startsWith(PROJECT_PREFIX)) {
                pending.push(internal);
            }
        } else if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                projectTypesIn(argument, pending);
            }
        } else if (type instanceof GenericArrayType a) {
            projectTypesIn(a.getGenericComponentType(), pending);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                projectTypesIn(bound, pending);
            }
        }
    }

    private Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
