package cn.yiyang.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app. Run by the CLI through {@code cdk.json} (context from {@code -c key=value}), or
 * without the CLI: {@code mvn -B -o -pl infra-cdk exec:java@synth} writes {@code infra-cdk/cdk.out/}
 * (context from {@code -Dcontext.<key>=<value>}, e.g. {@code -Dcontext.runtime=jvm}).
 */
public final class YiyangApp {

    private YiyangApp() {
    }

    public static void main(String[] args) {
        Map<String, Object> context = new LinkedHashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("context.")) {
                context.put(key.toString().substring("context.".length()), value.toString());
            }
        });
        AppProps.Builder props = AppProps.builder().context(context);
        // The CLI names the output directory (CDK_OUTDIR); without it, the Maven synth names it.
        if (System.getenv("CDK_OUTDIR") == null) {
            props.outdir(System.getProperty("yiyang.cdk.outdir", "cdk.out"));
        }
        App app = new App(props.build());

        Object counties = app.getNode().tryGetContext("counties");
        String stackName = "Yiyang-" + (counties == null ? "330105" : counties.toString().trim().replace(',', '-').replace(" ", ""));
        Object explicit = app.getNode().tryGetContext("stackName");
        new YiyangStack(app, explicit == null ? stackName : explicit.toString(), StackProps.builder()
                .description("Yiyang (颐养) county deployment: HTTP API, Lambdas, DynamoDB, Aurora Serverless v2")
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .build());
        app.synth();
    }
}
