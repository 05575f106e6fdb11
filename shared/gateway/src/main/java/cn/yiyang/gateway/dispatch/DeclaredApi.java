package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.route.Route;
import java.util.List;

/** A function's API as its route declaration and the bindings of those routes; subclasses only bind. */
public abstract class DeclaredApi implements FunctionApi {

    private final List<Route> declared;
    private final List<Binding> bindings;
    private List<JobBinding> jobs = List.of();

    protected DeclaredApi(List<Route> declared, Binding... bindings) {
        this.declared = List.copyOf(declared);
        this.bindings = List.of(bindings);
    }

    @Override
    public List<Route> declaredRoutes() {
        return declared;
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }

    /** For a subclass's constructor: the jobs it runs on a schedule. */
    protected final void runs(JobBinding... jobs) {
        this.jobs = List.of(jobs);
    }

    @Override
    public List<JobBinding> jobs() {
        return jobs;
    }
}
