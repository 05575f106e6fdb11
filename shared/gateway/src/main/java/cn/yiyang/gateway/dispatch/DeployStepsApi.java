package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.DeployStep;
import cn.yiyang.kernel.route.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/**
 * The deployment steps of whatever stores a function holds (schema migrations, …) offered as
 * jobs: no route reaches them, only a direct invocation with the job's event, as the CDK
 * stack's deploy-time custom resource sends it.
 */
@ApplicationScoped
public class DeployStepsApi implements FunctionApi {

    private final List<JobBinding> jobs;

    public DeployStepsApi(Instance<DeployStep> steps) {
        this.jobs = steps.stream().map(step -> JobBinding.of(step.job(), invocation -> step.run())).toList();
    }

    @Override
    public List<Route> declaredRoutes() {
        return List.of();
    }

    @Override
    public List<Binding> bindings() {
        return List.of();
    }

    @Override
    public List<JobBinding> jobs() {
        return jobs;
    }
}
