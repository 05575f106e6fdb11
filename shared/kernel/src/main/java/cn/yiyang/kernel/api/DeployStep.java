package cn.yiyang.kernel.api;

import cn.yiyang.kernel.route.Job;

/**
 * Work a function does once per deployment, never on a request's path or a cold start: the CDK
 * stack invokes it when a new version goes live (a custom resource sending {@link #job()}'s
 * event), the local gateway and tests may still do it at start. Running it again must change
 * nothing.
 */
public interface DeployStep {

    String FUNCTION = "deploy";

    /** A short name, unique among the steps of one function: the last part of its job path. */
    String name();

    /** What it did, for the deployment's log (e.g. the migrations applied). */
    Reply run();

    /** The step as a job the dispatcher runs: reached only by a direct invocation, like scheduled jobs. */
    default Job job() {
        return job(name());
    }

    static Job job(String name) {
        return new Job(FUNCTION, name, Job.ON_DEPLOY, "Once per deployment: " + name);
    }
}
