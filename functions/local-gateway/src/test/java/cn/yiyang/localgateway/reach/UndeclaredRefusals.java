package cn.yiyang.localgateway.reach;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.kernel.problem.ProblemCode;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.localgateway.reach.RefusalReach.BindingSite;
import cn.yiyang.localgateway.reach.RefusalReach.ProblemConstant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * For each live binding, the problem codes its operation can reach (read by {@link RefusalReach})
 * that the binding does not answer with ({@link Binding#problems()}: its {@code .refuses(…)} and its
 * kind of route's request-path codes), less a short list of allowances.
 */
final class UndeclaredRefusals {

    /** A code the walk reaches on a path the route cannot take: which route, which code, and why not. */
    record Allowance(String route, String code, String why) {
    }

    /**
     * What the check found: every code each route's operation reaches, the undeclared ones by route,
     * bindings with no site in the bytecode, and allowances no longer needed.
     */
    record Findings(Map<String, Set<String>> reached, Map<String, Set<String>> undeclared, List<String> unseenBindings,
                    List<Allowance> unusedAllowances) {
        boolean clean() {
            return undeclared.isEmpty() && unseenBindings.isEmpty() && unusedAllowances.isEmpty();
        }
    }

    private UndeclaredRefusals() {
    }

    static Findings check(ClassGraph graph, List<Binding> bindings, List<Allowance> allowances, ClassLoader loader) {
        RefusalReach reach = new RefusalReach(graph);
        Map<String, BindingSite> sites = new HashMap<>();
        for (BindingSite site : reach.bindingSites()) {
            sites.put(route(site, loader).key(), site);
        }
        Map<String, Set<String>> reached = new TreeMap<>();
        Map<String, Set<String>> undeclared = new TreeMap<>();
        List<String> unseen = new ArrayList<>();
        Set<Allowance> used = new HashSet<>();
        for (Binding binding : bindings) {
            String key = binding.route().key();
            BindingSite site = sites.get(key);
            if (site == null || site.handlers().isEmpty()) {
                unseen.add(key);
                continue;
            }
            Set<String> declared = binding.problems().stream().map(UndeclaredRefusals::constant)
                    .collect(Collectors.toSet());
            Set<String> missing = new TreeSet<>();
            for (ProblemConstant code : reach.reachable(site.handlers())) {
                String name = code.toString();
                reached.computeIfAbsent(key, k -> new TreeSet<>()).add(name);
                List<Allowance> allowing = allowances.stream()
                        .filter(a -> a.route().equals(key) && a.code().equals(name)).toList();
                if (declared.contains(name)) {
                    continue;
                }
                if (allowing.isEmpty()) {
                    missing.add(name);
                }
                used.addAll(allowing);
            }
            if (!missing.isEmpty()) {
                undeclared.put(key, missing);
            }
        }
        List<Allowance> unused = allowances.stream().filter(a -> !used.contains(a)).toList();
        return new Findings(reached, undeclared, unseen, unused);
    }

    /** The route a site reads, as the class loader holds it (the dispatcher's bindings hold the same). */
    private static Route route(BindingSite site, ClassLoader loader) {
        try {
            Class<?> owner = Class.forName(site.routeOwner().replace('/', '.'), true, loader);
            var field = owner.getDeclaredField(site.routeField());
            field.setAccessible(true);
            return (Route) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("route " + site.routeOwner() + "." + site.routeField(), e);
        }
    }

    private static String constant(ProblemCode code) {
        Class<?> type = code instanceof Enum<?> constant ? constant.getDeclaringClass() : code.getClass();
        return type.getSimpleName() + "." + code.name();
    }
}
