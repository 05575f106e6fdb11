package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.route.Route;
import java.util.List;

/** A function's API as its route declaration and the bindings of those routes; subclasses only bind. */
public abstract class DeclaredApi implements FunctionApi {

    private final List<Route> declared;
    private final List<Binding> bindings;

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
}
