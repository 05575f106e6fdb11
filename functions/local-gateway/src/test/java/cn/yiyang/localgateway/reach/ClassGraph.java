package cn.yiyang.localgateway.reach;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Our compiled classes as ASM trees, with their type hierarchy, so that a call can be resolved to
 * every method body it may run: the one it names or inherits, and every override below it (an
 * interface call reaches all our implementations). Classes outside the graph (the JDK, libraries)
 * are not followed.
 */
final class ClassGraph {

    static final String PROBLEM_CODE = "cn/yiyang/kernel/problem/ProblemCode";

    /** A method by its owner's internal name, its name and descriptor. */
    record MethodRef(String owner, String name, String desc) {
    }

    private final Map<String, ClassNode> classes = new HashMap<>();
    private final Map<String, Set<String>> subtypes = new HashMap<>();

    ClassGraph(Collection<byte[]> classFiles) {
        for (byte[] bytes : classFiles) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            classes.put(node.name, node);
        }
        for (ClassNode node : classes.values()) {
            List<String> supers = new ArrayList<>(node.interfaces);
            if (node.superName != null) {
                supers.add(node.superName);
            }
            supers.forEach(s -> subtypes.computeIfAbsent(s, k -> new HashSet<>()).add(node.name));
        }
    }

    Collection<ClassNode> classes() {
        return classes.values();
    }

    boolean contains(String owner) {
        return classes.containsKey(owner);
    }

    /** An enum of problem codes: it implements {@code ProblemCode} (and so is never a call's target here). */
    boolean isProblemEnum(String owner) {
        ClassNode node = classes.get(owner);
        return node != null && (node.access & Opcodes.ACC_ENUM) != 0 && node.interfaces.contains(PROBLEM_CODE);
    }

    /** Every body in the graph a call to {@code target} may run: the declared or inherited one and every override. */
    List<MethodRef> bodies(MethodRef target) {
        List<MethodRef> out = new ArrayList<>();
        if (!contains(target.owner())) {
            return out;
        }
        inherited(target.owner(), target).ifPresent(out::add);
        Deque<String> below = new ArrayDeque<>(subtypes.getOrDefault(target.owner(), Set.of()));
        Set<String> seen = new HashSet<>();
        while (!below.isEmpty()) {
            String type = below.pop();
            if (seen.add(type)) {
                body(type, target).ifPresent(out::add);
                below.addAll(subtypes.getOrDefault(type, Set.of()));
            }
        }
        return out;
    }

    MethodNode method(MethodRef ref) {
        return classes.get(ref.owner()).methods.stream()
                .filter(m -> m.name.equals(ref.name()) && m.desc.equals(ref.desc())).findFirst().orElseThrow();
    }

    /** The body a call on {@code type} runs without an override: up the superclasses, then interface defaults. */
    private Optional<MethodRef> inherited(String type, MethodRef target) {
        Deque<String> up = new ArrayDeque<>();
        for (String c = type; c != null && contains(c); c = classes.get(c).superName) {
            Optional<MethodRef> found = body(c, target);
            if (found.isPresent()) {
                return found;
            }
            up.addAll(classes.get(c).interfaces);
        }
        Set<String> seen = new HashSet<>();
        while (!up.isEmpty()) {
            String iface = up.pop();
            if (seen.add(iface) && contains(iface)) {
                Optional<MethodRef> found = body(iface, target);
                if (found.isPresent()) {
                    return found;
                }
                up.addAll(classes.get(iface).interfaces);
            }
        }
        return Optional.empty();
    }

    private Optional<MethodRef> body(String type, MethodRef target) {
        return classes.get(type).methods.stream()
                .filter(m -> m.name.equals(target.name()) && m.desc.equals(target.desc()))
                .filter(m -> (m.access & Opcodes.ACC_ABSTRACT) == 0)
                .findFirst().map(m -> new MethodRef(type, m.name, m.desc));
    }
}
