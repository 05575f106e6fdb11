package cn.yiyang.infra;

import cn.yiyang.kernel.api.DeployStep;
import cn.yiyang.kernel.route.Job;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A function's deployment steps (schema migrations) run once when a new version is published and
 * before its live alias moves to it: no cold start pays for them, and a failed step fails the
 * deployment, leaving the alias on the version that worked. One small Node handler invokes the
 * new version with the step's job event and fails unless every county's run answered 200.
 */
final class DeploySteps extends Construct {

    static final int STEP_TIMEOUT_MINUTES = 10;
    private static final String INVOKER = """
            const { LambdaClient, InvokeCommand } = require('@aws-sdk/client-lambda');
            const lambda = new LambdaClient({});
            exports.handler = async (event) => {
              if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
              const p = event.ResourceProperties;
              const out = await lambda.send(new InvokeCommand({ FunctionName: p.FunctionVersionArn, Payload: Buffer.from(p.Event) }));
              const text = Buffer.from(out.Payload || []).toString();
              const answer = out.FunctionError ? null : JSON.parse(text);
              const runs = answer && answer.statusCode === 200 ? (JSON.parse(answer.body).runs || []) : [];
              if (!answer || answer.statusCode !== 200 || runs.length === 0 || !runs.every(r => r.status === 200)) {
                throw new Error(p.Step + ' failed: ' + text.slice(0, 1000));
              }
              return { PhysicalResourceId: p.Step + '@' + p.FunctionVersionArn };
            };
            """;

    private final Function invoker;
    private final Provider provider;
    private final List<String> counties;

    DeploySteps(Construct scope, String id, List<String> counties) {
        super(scope, id);
        this.counties = List.copyOf(counties);
        this.invoker = Function.Builder.create(this, "Invoker")
                .runtime(Runtime.NODEJS_20_X)
                .handler("index.handler")
                .code(Code.fromInline(INVOKER))
                .timeout(Duration.minutes(STEP_TIMEOUT_MINUTES))
                .description("Runs Yiyang deployment steps (schema migrations) on a new version before it goes live")
                .build();
        this.provider = Provider.Builder.create(this, "Provider")
                .onEventHandler(invoker)
                .logRetention(RetentionDays.ONE_MONTH)
                .build();
    }

    /** The step runs on each newly published version of {@code lambda}; {@code live} moves only after it succeeded. */
    void runBeforeLive(String functionName, String stepName, Function lambda, Alias live) {
        Job job = DeployStep.job(stepName);
        lambda.getCurrentVersion().grantInvoke(invoker);
        CustomResource step = CustomResource.Builder.create(this, YiyangStack.id(functionName) + YiyangStack.id(stepName))
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::YiyangDeployStep")
                .properties(Map.of(
                        "Step", functionName + "/" + stepName,
                        // A new version (new code, new migrations) is a new value: the step runs again.
                        "FunctionVersionArn", lambda.getCurrentVersion().getFunctionArn(),
                        // The store is shared by the counties: one county's run migrates it for all.
                        "Event", Stack.of(this).toJsonString(job.event(counties.subList(0, 1)))))
                .build();
        live.getNode().addDependency(step);
    }

}
