package cn.yiyang.localgateway.reach;

import cn.yiyang.localgateway.reach.ClassGraph.MethodRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which problem codes each route's operation can reach, read from the bytecode. A binding site is
 * {@code Binding.of(SomeRoutes.ROUTE, Request.class, store.transact(service::method))}: the route is
 * the static {@code Route} field read first, its handlers the method references made before
 * {@code Binding.of} is called. From those handlers the call graph is walked over our own classes
 * (lambdas and method references followed, a call reaching every override, a static field's
 * {@code <clinit>} followed), and every problem-enum constant read on the way is a code the route
 * may refuse with. The store's wrapper ({@code transact}, {@code query}) is the request path, whose
 * codes come with the route's kind, and is not walked.
 */
final class RefusalReach {

    static final String ROUTE_DESC = "Lcn/yiyang/kernel/route/Route;";
    static final String BINDING = "cn/yiyang/gateway/dispatch/Binding";

    /** A binding in the bytecode: the route's static field and the handler method references bound to it. */
    record BindingSite(String routeOwner, String routeField, List<MethodRef> handlers) {
    }

    /** A problem constant, e.g. {@code cn/yiyang/meals/MealProblem.MEAL_SOLD_OUT}; {@code values} when read by name or all. */
    record ProblemConstant(String enumType, String name) implements Comparable<ProblemConstant> {
        static final String EVERY = "values()/valueOf()";

        @Override
        public int compareTo(ProblemConstant other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return enumType.substring(enumType.lastIndexOf('/') + 1) + "." + name;
        }
    }

    private final ClassGraph graph;

    RefusalReach(ClassGraph graph) {
        this.graph = graph;
    }

    /** Every {@code Binding.of(ROUTE, …)} in every method of the graph. */
    List<BindingSite> bindingSites() {
        List<BindingSite> sites = new ArrayList<>();
        for (ClassNode type : graph.classes()) {
            for (MethodNode method : type.methods) {
                sites.addAll(bindingSites(method));
            }
        }
        return sites;
    }

    private List<BindingSite> bindingSites(MethodNode method) {
        List<BindingSite> sites = new ArrayList<>();
        FieldInsnNode route = null;
        List<MethodRef> handlers = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FieldInsnNode field && field.getOpcode() == Opcodes.GETSTATIC
                    && field.desc.equals(ROUTE_DESC)) {
                route = field;
                handlers.clear();
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                handlers.addAll(handles(indy));
            } else if (route != null && insn instanceof MethodInsnNode call && call.owner.equals(BINDING)
                    && call.name.equals("of")) {
                sites.add(new BindingSite(route.owner, route.name, List.copyOf(handlers)));
                route = null;
                handlers.clear();
            }
        }
        return sites;
    }

    /** The problem constants reachable from {@code roots} over the graph. */
    Set<ProblemConstant> reachable(List<MethodRef> roots) {
        Set<ProblemConstant> codes = new TreeSet<>();
        Set<MethodRef> visited = new HashSet<>();
        Deque<MethodRef> calls = new ArrayDeque<>(roots);
        while (!calls.isEmpty()) {
            for (MethodRef body : graph.bodies(calls.pop())) {
                // A problem enum's own methods describe codes; they refuse nothing.
                if (!graph.isProblemEnum(body.owner()) && visited.add(body)) {
                    visit(graph.method(body), codes, calls);
                }
            }
        }
        return codes;
    }

    private void visit(MethodNode method, Set<ProblemConstant> codes, Deque<MethodRef> calls) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FieldInsnNode field && field.getOpcode() == Opcodes.GETSTATIC) {
                if (graph.isProblemEnum(field.owner)) {
                    if (field.desc.equals("L" + field.owner + ";")) {
                        codes.add(new ProblemConstant(field.owner, field.name));
                    }
                } else {
                    calls.push(new MethodRef(field.owner, "<clinit>", "()V"));
                }
            } else if (insn instanceof MethodInsnNode call) {
                if (graph.isProblemEnum(call.owner) && (call.name.equals("values") || call.name.equals("valueOf"))) {
                    codes.add(new ProblemConstant(call.owner, ProblemConstant.EVERY));
                }
                calls.push(new MethodRef(call.owner, call.name, call.desc));
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                calls.addAll(handles(indy));
            }
        }
    }

    /** The method references and lambda bodies an {@code invokedynamic} binds (none for string concatenation). */
    private static List<MethodRef> handles(InvokeDynamicInsnNode indy) {
        List<MethodRef> refs = new ArrayList<>();
        for (Object argument : indy.bsmArgs) {
            if (argument instanceof Handle handle) {
                refs.add(new MethodRef(handle.getOwner(), handle.getName(), handle.getDesc()));
            }
        }
        return refs;
    }
}
