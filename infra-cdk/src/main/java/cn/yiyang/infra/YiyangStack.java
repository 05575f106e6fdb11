package cn.yiyang.infra;

import cn.yiyang.infra.Functions.Access;
import cn.yiyang.infra.Functions.Need;
import cn.yiyang.infra.Functions.TableUse;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.stores.pg.SchemaMigrations;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.stores.dynamo.DynamoTable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import cn.yiyang.identity.IdentityRoutes;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnRoute;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeySpec;
import software.amazon.awscdk.services.kms.KeyUsage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.SubscriptionFilterOptions;
import software.amazon.awscdk.services.logs.destinations.LambdaDestination;
import cn.yiyang.kernel.metering.UsageLine;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.rds.ProxyTarget;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * One deployment serving one or more counties (see {@link Settings} for the context it reads).
 *
 * <p>Every route of every function in {@link Functions#ALL} goes on one HTTP API behind one JWT
 * authorizer, named by its operation in the committed API document, whose operations must be
 * exactly these routes ({@link ApiDocument}); every function gets one Lambda with only its own tables and secrets. Stateful
 * resources (tables, the Aurora cluster, secrets) survive the stack's deletion.
 */
public class YiyangStack extends Stack {

    public static final String DATABASE_NAME = "yiyang";
    public static final String DATABASE_USER = "yiyang";
    public static final int POSTGRES_PORT = 5432;
    public static final String JVM_HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    public static final String NATIVE_HANDLER = "native.handler";
    /** A native function's memory; each function's -R:MaxHeapSize (application.properties) leaves ~96 MB of it. */
    public static final int NATIVE_MEMORY_MB = 256;
    /** Each sign-in route, across all callers: a county's morning rush, not a guessing storm. */
    public static final int SIGN_IN_RATE_PER_SECOND = 50;
    public static final int SIGN_IN_BURST = 100;

    private final Settings settings;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, IFunction> functions = new LinkedHashMap<>();
    private final Map<String, LogGroup> logGroups = new LinkedHashMap<>();
    private final Topic alarms;
    private Vpc vpc;
    private DatabaseCluster database;
    private DatabaseProxy proxy;
    private Secret piiKeys;
    private Secret wechatSecret;
    private Secret auditKey;
    private Key signingKey;
    private String issuer;
    private DeploySteps deploySteps;

    public YiyangStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        this.settings = Settings.from(getNode());

        Tags.of(this).add("yiyang:county", String.join(" ", settings.counties()));
        Tags.of(this).add("yiyang:deployment", settings.tablePrefix().substring(0, settings.tablePrefix().length() - 1));
        if (settings.jwtIssuer().equals(Settings.DEFAULT_ISSUER)) {
            Annotations.of(this).addWarningV2("yiyang:issuer", "context jwtIssuer is not set: the issuer is the API's execute-api URL");
        }
        if (!settings.countiesWithoutAreaCode().isEmpty()) {
            Annotations.of(this).addWarningV2("yiyang:areaCodes", "context areaCodes names no landline area code for "
                    + String.join(", ", settings.countiesWithoutAreaCode()) + ": a landline given without one is refused there");
        }

        alarms = Topic.Builder.create(this, "Alarms").displayName("Yiyang alarms").build();
        if (!settings.alarmEmail().isBlank()) {
            alarms.addSubscription(new EmailSubscription(settings.alarmEmail()));
        }

        Functions.tables().forEach((name, table) -> tables.put(name, table(table)));
        if (Functions.ALL.stream().anyMatch(f -> f.needs(Need.POSTGRES))) {
            network();
            postgres();
        }
        if (Functions.ALL.stream().anyMatch(f -> f.needs(Need.PII_KEYS))) {
            piiKeys = piiKeysSecret();
        }
        if (Functions.ALL.stream().anyMatch(f -> f.needs(Need.SIGNING_KEY))) {
            signingKey = signingKey();
        }
        if (Functions.ALL.stream().anyMatch(f -> f.needs(Need.WECHAT_SECRET))) {
            wechatSecret = wechatSecret();
        }
        if (Functions.ALL.stream().anyMatch(f -> f.needs(Need.AUDIT_KEY))) {
            auditKey = auditKeySecret();
        }

        HttpApi api = HttpApi.Builder.create(this, "Api")
                .apiName(settings.tablePrefix() + "api")
                .description("Yiyang HTTP API for counties " + String.join(", ", settings.counties()))
                .build();
        // The identity function serves the discovery document and JWKS under the API itself: unless the
        // deployment names its public URL (a custom domain), the issuer is the API's own endpoint.
        issuer = settings.jwtIssuer().equals(Settings.DEFAULT_ISSUER) ? api.getApiEndpoint() : settings.jwtIssuer();
        HttpJwtAuthorizer authorizer = HttpJwtAuthorizer.Builder.create("Jwt", issuer)
                .authorizerName("yiyang-jwt")
                .jwtAudience(List.of(settings.jwtAudience()))
                .identitySource(List.of("$request.header.Authorization"))
                .build();

        ApiDocument document = ApiDocument.read(settings.repoRoot());
        document.requireOnly(Functions.routes());
        Set<String> seen = new HashSet<>();
        for (Functions.Function function : Functions.ALL) {
            IFunction lambda = function(function);
            functions.put(function.name(), lambda);
            HttpLambdaIntegration integration = HttpLambdaIntegration.Builder.create(id(function.name()) + "Integration", lambda).build();
            for (Route route : function.routes()) {
                if (!seen.add(route.key())) {
                    throw new IllegalStateException("route " + route.key() + " is declared twice (again by " + function.name() + ")");
                }
                // Open routes (discovery, JWKS, sign-in steps) carry no token: no authorizer in front of them.
                List<HttpRoute> added = api.addRoutes(AddRoutesOptions.builder()
                        .path(route.path())
                        .methods(List.of(HttpMethod.valueOf(route.method())))
                        .integration(integration)
                        .authorizer(route.open() ? new HttpNoneAuthorizer() : authorizer)
                        .build());
                // The route carries the document's operationId, so access logs and metrics name what clients call.
                ((CfnRoute) added.get(0).getNode().getDefaultChild()).setOperationName(
                        document.operationOf(route).operationId());
            }
            for (Job job : function.jobs()) {
                schedule(function, job, lambda);
            }
        }

        subscribeUsageLines();
        throttleSignIn(api);
        alarm("Api5xx", api.metricServerError(metricOptions()), "The HTTP API answered 5xx");
        new ConsoleSite(this, "Console", api, settings);
        CfnOutput.Builder.create(this, "ApiUrl").value(api.getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "Counties").value(String.join(",", settings.counties())).build();
    }

    public Settings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- stores

    /** On demand, PITR, deletion protection, retained: a table outlives the stack. */
    private Table table(DynamoTable declared) {
        Table.Builder builder = Table.Builder.create(this, id(declared.logicalName()) + "Table")
                .tableName(settings.tableName(declared.logicalName()))
                .partitionKey(string("pk"))
                .sortKey(string("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN);
        declared.ttlAttribute().ifPresent(builder::timeToLiveAttribute);
        Table table = builder.build();
        for (String index : declared.indexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index)
                    .partitionKey(string(index + "pk"))
                    .sortKey(string(index + "sk"))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return table;
    }

    private static Attribute string(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    /**
     * Isolated subnets only: no NAT gateway (no hourly NAT cost). DynamoDB through a gateway
     * endpoint (free), Secrets Manager through an interface endpoint.
     */
    private void network() {
        boolean internet = Functions.ALL.stream().anyMatch(f -> f.needs(Need.INTERNET));
        List<SubnetConfiguration> subnets = new java.util.ArrayList<>(List.of(SubnetConfiguration.builder()
                .name("data").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()));
        if (internet) {
            // Only for a function that must call out (identity → WeChat): one NAT gateway, its own subnets.
            subnets.add(SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(26).build());
            subnets.add(SubnetConfiguration.builder().name("egress").subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(26).build());
        }
        vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(internet ? 1 : 0)
                .subnetConfiguration(subnets)
                // Nothing uses the default security group; restricting it would add a custom-resource Lambda.
                .restrictDefaultSecurityGroup(false)
                .build();
        vpc.addGatewayEndpoint("DynamoDb", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.DYNAMODB).build());
        vpc.addInterfaceEndpoint("SecretsManager", InterfaceVpcEndpointOptions.builder()
                .service(InterfaceVpcEndpointAwsService.SECRETS_MANAGER)
                .subnets(isolated())
                .privateDnsEnabled(true)
                .build());
    }

    private static SubnetSelection isolated() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }

    /** Aurora PostgreSQL 16 Serverless v2, scaling to zero when idle, behind RDS Proxy; credentials in Secrets Manager. */
    private void postgres() {
        DatabaseSecret credentials = DatabaseSecret.Builder.create(this, "PostgresCredentials")
                .secretName(settings.tablePrefix() + "pg-credentials")
                .username(DATABASE_USER)
                .dbname(DATABASE_NAME)
                .build();
        credentials.applyRemovalPolicy(RemovalPolicy.RETAIN);
        database = DatabaseCluster.Builder.create(this, "Postgres")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_16_6).build()))
                .writer(ClusterInstance.serverlessV2("writer"))
                // 0 ACU: the instance pauses after the idle period and resumes on the next connection (~15 s).
                .serverlessV2MinCapacity(0)
                .serverlessV2MaxCapacity(4)
                .serverlessV2AutoPauseDuration(Duration.minutes(10))
                .credentials(Credentials.fromSecret(credentials))
                .defaultDatabaseName(DATABASE_NAME)
                .vpc(vpc)
                .vpcSubnets(isolated())
                .storageEncrypted(true)
                .deletionProtection(true)
                .backup(BackupProps.builder().retention(Duration.days(7)).build())
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .build();
        if (settings.rdsProxy()) {
            proxy = DatabaseProxy.Builder.create(this, "Proxy")
                    .proxyTarget(ProxyTarget.fromCluster(database))
                    .secrets(List.of(database.getSecret()))
                    .vpc(vpc)
                    .vpcSubnets(isolated())
                    .requireTls(true)
                    .build();
            database.getConnections().allowFrom(proxy, Port.tcp(POSTGRES_PORT), "RDS Proxy to Aurora");
        }
    }

    /** The PII encryption and index keys; generated as a placeholder, set to two base64 32-byte keys before first use (README). */
    private Secret piiKeysSecret() {
        Secret secret = Secret.Builder.create(this, "PiiKeys")
                .secretName(settings.tablePrefix() + "pii-keys")
                .description("Yiyang PII keys: JSON {encryptionKey, indexKey}, each base64 of 32 random bytes. Losing them loses the data.")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"encryptionKey\":\"\"}")
                        .generateStringKey("indexKey")
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        return secret;
    }

    /**
     * The access-token signing key: RSA 2048, sign/verify only, its private half never leaves KMS.
     * Retained: tokens it signed must stay verifiable until they expire, and a rotation (README)
     * keeps it published beside its successor.
     */
    private Key signingKey() {
        return Key.Builder.create(this, "TokenSigningKey")
                .description("Yiyang access-token signing key (RS256); only the identity function may sign")
                .keySpec(KeySpec.RSA_2048)
                .keyUsage(KeyUsage.SIGN_VERIFY)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /**
     * Context {@code publishedSigningKeys}: KMS key ARNs published beside the stack's signing key while a
     * rotation is under way (README, "Rotating the signing key"); empty otherwise.
     */
    private String publishedSigningKeys() {
        Object keys = getNode().tryGetContext("publishedSigningKeys");
        return keys == null ? "" : keys.toString().trim();
    }

    /**
     * The seed the fund-lines function grows its audit checkpoints' Ed25519 key pair from. Retained: the
     * checkpoints it signed verify only with the same seed (a new seed makes every older checkpoint
     * UNKNOWN_KEY, and verification walks from the first entry until the job signs again).
     */
    private Secret auditKeySecret() {
        return Secret.Builder.create(this, "AuditKey")
                .secretName(settings.tablePrefix() + "audit-key")
                .description("Yiyang audit checkpoint signing: JSON {checkpointSeed}, random text the Ed25519 key pair grows from")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{}")
                        .generateStringKey("checkpointSeed")
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /** The mini-program's {appId, appSecret}; a placeholder until the county's real values are put in (README). */
    private Secret wechatSecret() {
        return Secret.Builder.create(this, "WeChatApp")
                .secretName(settings.tablePrefix() + "wechat-app")
                .description("Yiyang WeChat mini-program: JSON {appId, appSecret}")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"appId\":\"\"}")
                        .generateStringKey("appSecret")
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /**
     * Sign-in routes answer callers nobody has authenticated yet: each gets a rate and burst of its
     * own on the default stage, so a guessing storm is throttled before it reaches the function.
     */
    private void throttleSignIn(HttpApi api) {
        Map<String, Object> routeSettings = new LinkedHashMap<>();
        for (Route route : IdentityRoutes.SIGN_IN) {
            routeSettings.put(route.key(), Map.of("ThrottlingRateLimit", SIGN_IN_RATE_PER_SECOND,
                    "ThrottlingBurstLimit", SIGN_IN_BURST));
        }
        CfnStage stage = (CfnStage) api.getDefaultStage().getNode().getDefaultChild();
        stage.addPropertyOverride("RouteSettings", routeSettings);
    }

    // ---------------------------------------------------------------- functions

    /** One Lambda, its log group, its grants, its alarms. Integrations target the "live" alias (a published version). */
    private IFunction function(Functions.Function declared) {
        String id = id(declared.name());
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs")
                .logGroupName("/aws/lambda/" + settings.functionName(declared.name()))
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        logGroups.put(declared.name(), logs);
        FunctionCode.Resolved code = FunctionCode.of(declared, settings);

        Function.Builder builder = settings.runtime() == Settings.Runtime.JVM
                ? jvmFunction(id)
                : nativeFunction(id);
        builder.functionName(settings.functionName(declared.name()))
                .description("Yiyang " + declared.name() + " (" + settings.runtime().name().toLowerCase() + ")")
                .code(code.code())
                .architecture(Architecture.X86_64)
                .timeout(Duration.seconds(29))
                .logGroup(logs)
                .environment(environment(declared));
        if (declared.needs(Need.POSTGRES)) {
            builder.vpc(vpc).vpcSubnets(declared.needs(Need.INTERNET)
                    ? SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build()
                    : isolated());
        }
        if (declared.needs(Need.USAGE_LINES)) {
            // A delivery that still fails after Lambda's own retries is kept, to be replayed: its calls are billed.
            builder.deadLetterQueueEnabled(true);
        }
        Function lambda = builder.build();
        code.warning().ifPresent(w -> Annotations.of(lambda).addWarningV2("yiyang:code", w));
        Tags.of(lambda).add("yiyang:function", declared.name());
        Tags.of(logs).add("yiyang:function", declared.name());

        grant(declared, lambda);

        Alias live = Alias.Builder.create(this, id + "Live")
                .aliasName("live")
                .version(lambda.getCurrentVersion())
                .build();
        if (declared.needs(Need.POSTGRES)) {
            // Migrations belong to the deployment, not to each cold start (YIYANG_PG_MIGRATE_AT_START=false).
            deploySteps().runBeforeLive(declared.name(), SchemaMigrations.STEP, lambda, live);
        }

        alarm(id + "Errors", lambda.metricErrors(metricOptions()), declared.name() + " raised errors");
        alarm(id + "Throttles", lambda.metricThrottles(metricOptions()), declared.name() + " was throttled");
        return live;
    }

    /**
     * Each API function's log group hands its usage lines (and only them: the filter pattern) to the metering
     * function, which CloudWatch Logs may invoke (the destination adds that permission).
     */
    private void subscribeUsageLines() {
        Functions.ALL.stream().filter(f -> f.needs(Need.USAGE_LINES)).forEach(metering -> {
            for (Functions.Function function : Functions.ALL) {
                if (function.routes().isEmpty()) {
                    continue;
                }
                logGroups.get(function.name()).addSubscriptionFilter(id(function.name()) + "UsageLines",
                        SubscriptionFilterOptions.builder()
                                .filterName(settings.tablePrefix() + "usage-lines")
                                .filterPattern(FilterPattern.literal(UsageLine.FILTER_PATTERN))
                                .destination(new LambdaDestination(functions.get(metering.name())))
                                .build());
            }
        });
    }

    private DeploySteps deploySteps() {
        if (deploySteps == null) {
            deploySteps = new DeploySteps(this, "DeploySteps", settings.counties());
        }
        return deploySteps;
    }

    /** Default: the native executable on the OS-only runtime. */
    private Function.Builder nativeFunction(String id) {
        return Function.Builder.create(this, id + "Function")
                .runtime(Runtime.PROVIDED_AL2023)
                .handler(NATIVE_HANDLER)
                .memorySize(NATIVE_MEMORY_MB);
    }

    /** context runtime=jvm: Java 21 managed runtime with SnapStart (restores a snapshot instead of booting Quarkus). */
    private Function.Builder jvmFunction(String id) {
        return Function.Builder.create(this, id + "Function")
                .runtime(Runtime.JAVA_21)
                .handler(JVM_HANDLER)
                .memorySize(1024)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
    }

    /** Configuration through environment variables only; secrets as ARNs, never values. */
    private Map<String, String> environment(Functions.Function declared) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("YIYANG_JWT_KEYS_LOCATION", settings.jwtKeysLocation());
        env.put("YIYANG_JWT_ISSUER", issuer);
        env.put("YIYANG_JWT_AUDIENCE", settings.jwtAudience());
        env.put("YIYANG_TABLE_PREFIX", settings.tablePrefix());
        env.put("YIYANG_DYNAMO_REGION", Aws.REGION);
        env.put("YIYANG_COUNTIES", String.join(",", settings.counties()));
        if (declared.needs(Need.POSTGRES)) {
            String host = proxy != null ? proxy.getEndpoint() : database.getClusterEndpoint().getHostname();
            env.put("YIYANG_PG_URL", "postgresql://" + host + ":" + POSTGRES_PORT + "/" + DATABASE_NAME + "?sslmode=require");
            env.put("YIYANG_PG_USER", DATABASE_USER);
            env.put("YIYANG_PG_SECRET_ARN", database.getSecret().getSecretArn());
            env.put("YIYANG_PG_MIGRATE_AT_START", "false");
        }
        if (declared.needs(Need.PII_KEYS)) {
            env.put("YIYANG_PII_KEYS_SECRET_ARN", piiKeys.getSecretArn());
        }
        if (declared.needs(Need.SIGNING_KEY)) {
            env.put("YIYANG_IDENTITY_SIGNER", "kms");
            env.put("YIYANG_IDENTITY_KMS_SIGNING_KEY", signingKey.getKeyArn());
            env.put("YIYANG_IDENTITY_KMS_PUBLISHED_KEYS", publishedSigningKeys());
        }
        if (declared.needs(Need.WECHAT_SECRET)) {
            env.put("YIYANG_WECHAT_SECRET_ARN", wechatSecret.getSecretArn());
        }
        if (declared.needs(Need.AREA_CODES) && !settings.areaCodesVariable().isEmpty()) {
            env.put("YIYANG_AREA_CODES", settings.areaCodesVariable());
        }
        if (declared.needs(Need.AUDIT_KEY)) {
            env.put("YIYANG_AUDIT_KEY_SECRET_ARN", auditKey.getSecretArn());
        }
        if (settings.runtime() == Settings.Runtime.JVM) {
            env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        } else {
            // As Quarkus' own sam.native.yaml: the native executable must not install signal handlers on Lambda.
            env.put("DISABLE_SIGNAL_HANDLERS", "true");
        }
        return env;
    }

    /** Least privilege: only this function's tables (read-only where it only reads) and its own secrets. */
    private void grant(Functions.Function declared, Function lambda) {
        for (TableUse use : declared.tables()) {
            Table table = tables.get(use.logicalName());
            if (use.access() == Access.READ) {
                table.grantReadData(lambda);
            } else {
                table.grantReadWriteData(lambda);
            }
        }
        if (declared.needs(Need.POSTGRES)) {
            ISecret credentials = database.getSecret();
            credentials.grantRead(lambda);
            if (proxy != null) {
                proxy.grantConnect(lambda, DATABASE_USER);
                proxy.getConnections().allowFrom(lambda, Port.tcp(POSTGRES_PORT), declared.name() + " to RDS Proxy");
            } else {
                database.grantConnect(lambda, DATABASE_USER);
                database.getConnections().allowFrom(lambda, Port.tcp(POSTGRES_PORT), declared.name() + " to Aurora");
            }
        }
        if (declared.needs(Need.PII_KEYS)) {
            piiKeys.grantRead(lambda);
        }
        if (declared.needs(Need.SIGNING_KEY)) {
            // The one grant of kms:Sign in the stack: only the token issuer signs.
            signingKey.grant(lambda, "kms:Sign", "kms:GetPublicKey");
        }
        if (declared.needs(Need.WECHAT_SECRET)) {
            wechatSecret.grantRead(lambda);
        }
        if (declared.needs(Need.AUDIT_KEY)) {
            auditKey.grantRead(lambda);
        }
    }

    // ---------------------------------------------------------------- operations

    /** A job on a schedule: EventBridge invokes the function's live alias directly with the job's event. */
    private void schedule(Functions.Function declared, Job job, IFunction target) {
        Rule rule = Rule.Builder.create(this, id(declared.name()) + id(job.name()) + "Schedule")
                .description(job.description())
                .schedule(Schedule.expression(job.schedule()))
                .build();
        rule.addTarget(new LambdaFunction(target, LambdaFunctionProps.builder()
                .event(RuleTargetInput.fromObject(job.event(settings.counties())))
                .retryAttempts(2)
                .build()));
        Tags.of(rule).add("yiyang:function", declared.name());
    }

    private static MetricOptions metricOptions() {
        return MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();
    }

    private void alarm(String id, Metric metric, String description) {
        Alarm alarm = metric.createAlarm(this, id + "Alarm", CreateAlarmOptions.builder()
                .alarmDescription(description)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
        alarm.addAlarmAction(new SnsAction(alarms));
    }

    /** "meal-orders" → "MealOrders": construct ids. */
    static String id(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    public Optional<IFunction> lambda(String function) {
        return Optional.ofNullable(functions.get(function));
    }
}
