package cn.yiyang.infra;

import static cn.yiyang.infra.Synth.list;
import static cn.yiyang.infra.Synth.props;
import static cn.yiyang.infra.Synth.references;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.infra.Functions.Access;
import cn.yiyang.infra.Functions.Need;
import cn.yiyang.infra.Functions.TableUse;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.stores.dynamo.DynamoTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/**
 * The synthesised template, read as CloudFormation: what the stack promises about routes, least
 * privilege, stores, runtimes and what survives a stack deletion. Two synths in all (native default,
 * and JVM with two counties), shared by every test.
 */
@SuppressWarnings("unchecked")
class YiyangStackTest {

    private static final Set<String> DYNAMO_WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:*");

    @Test
    void everyDeclaredRouteExistsExactlyOnceBehindTheJwtAuthorizerAndReachesItsOwnFunction() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        Map<String, Map<String, Object>> routes = s.ofType("AWS::ApiGatewayV2::Route");
        String authorizer = s.idOf("AWS::ApiGatewayV2::Authorizer", "AuthorizerType", "JWT");
        assertThat(props(s.resources().get(authorizer)).get("JwtConfiguration")).isEqualTo(Map.of(
                "Issuer", "https://id.yiyang.test/realms/yiyang", "Audience", List.of("yiyang-api")));

        List<Route> declared = Functions.routes();
        assertThat(routes).hasSize(declared.size());
        for (Route route : declared) {
            List<Map<String, Object>> matching = routes.values().stream()
                    .map(Synth::props)
                    .filter(p -> route.key().equals(p.get("RouteKey")))
                    .toList();
            assertThat(matching).as(route.key()).hasSize(1);
            Map<String, Object> found = matching.get(0);
            if (route.open()) {
                assertThat(found.get("AuthorizationType")).as(route.key() + " is open").isEqualTo("NONE");
                assertThat(found).as(route.key()).doesNotContainKey("AuthorizerId");
            } else {
                assertThat(found.get("AuthorizationType")).as(route.key()).isEqualTo("JWT");
                assertThat(references(found.get("AuthorizerId"))).as(route.key()).containsExactly(authorizer);
            }
            assertThat(functionBehind(s, found)).as(route.key()).isEqualTo("yiyang-" + route.function());
        }
    }

    @Test
    void eachFunctionPolicyNamesOnlyItsOwnTablesAndSecrets() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        Map<String, String> tableIds = new HashMap<>();
        Functions.tables().keySet().forEach(name ->
                tableIds.put(s.idOf("AWS::DynamoDB::Table", "TableName", "yiyang-" + name), name));
        String pgSecret = s.idOf("AWS::SecretsManager::Secret", "Name", "yiyang-pg-credentials");
        String piiSecret = s.idOf("AWS::SecretsManager::Secret", "Name", "yiyang-pii-keys");
        String wechatSecret = s.idOf("AWS::SecretsManager::Secret", "Name", "yiyang-wechat-app");
        String auditKey = s.idOf("AWS::SecretsManager::Secret", "Name", "yiyang-audit-key");

        for (Functions.Function function : Functions.ALL) {
            List<Map<String, Object>> statements = statementsOf(s, function);
            assertThat(statements).as(function.name()).isNotEmpty();
            Map<String, Set<String>> actionsByTable = new HashMap<>();
            Set<String> secrets = new HashSet<>();
            boolean rdsConnect = false;
            for (Map<String, Object> statement : statements) {
                List<String> actions = list(statement.get("Action")).stream().map(Object::toString).toList();
                List<Object> resources = list(statement.get("Resource"));
                if (actions.stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                    assertThat(resources).as(function.name() + " dynamodb resources").doesNotContain("*");
                    for (Object resource : resources) {
                        Set<String> refs = references(resource);
                        assertThat(refs).as(function.name() + " " + resource).hasSize(1);
                        String table = tableIds.get(refs.iterator().next());
                        assertThat(table).as(function.name() + " refers to a table: " + resource).isNotNull();
                        actionsByTable.computeIfAbsent(table, t -> new HashSet<>()).addAll(actions);
                    }
                }
                if (actions.stream().anyMatch(a -> a.startsWith("secretsmanager:"))) {
                    assertThat(resources).doesNotContain("*");
                    resources.forEach(r -> references(r).forEach(id -> secrets.add(secretBehind(s, id))));
                }
                if (actions.contains("rds-db:connect")) {
                    rdsConnect = true;
                    assertThat(resources).doesNotContain("*");
                }
            }
            Map<String, Access> declared = function.tables().stream()
                    .collect(Collectors.toMap(TableUse::logicalName, TableUse::access));
            assertThat(actionsByTable.keySet()).as(function.name() + " tables").isEqualTo(declared.keySet());
            declared.forEach((table, access) -> {
                if (access == Access.READ) {
                    assertThat(actionsByTable.get(table)).as(function.name() + " only reads " + table)
                            .doesNotContainAnyElementsOf(DYNAMO_WRITES).contains("dynamodb:GetItem");
                } else {
                    assertThat(actionsByTable.get(table)).as(function.name() + " writes " + table).contains("dynamodb:PutItem");
                }
            });
            Set<String> ownSecrets = new HashSet<>();
            if (function.needs(Need.POSTGRES)) {
                ownSecrets.add(pgSecret);
            }
            if (function.needs(Need.PII_KEYS)) {
                ownSecrets.add(piiSecret);
            }
            if (function.needs(Need.WECHAT_SECRET)) {
                ownSecrets.add(wechatSecret);
            }
            if (function.needs(Need.AUDIT_KEY)) {
                ownSecrets.add(auditKey);
            }
            assertThat(secrets).as(function.name() + " secrets").isEqualTo(ownSecrets);
            assertThat(rdsConnect).as(function.name() + " rds-db:connect").isEqualTo(function.needs(Need.POSTGRES));
        }
    }

    @Test
    void tablesArePayPerRequestWithPitrDeletionProtectionAndRetained() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        Map<String, DynamoTable> tables = Functions.tables();
        assertThat(s.ofType("AWS::DynamoDB::Table")).hasSize(tables.size());
        tables.forEach((name, table) -> {
            Map<String, Object> resource = s.resources().get(s.idOf("AWS::DynamoDB::Table", "TableName", "yiyang-" + name));
            Map<String, Object> p = props(resource);
            assertThat(p.get("BillingMode")).as(name).isEqualTo("PAY_PER_REQUEST");
            assertThat(p.get("PointInTimeRecoverySpecification")).as(name).isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
            assertThat(p.get("DeletionProtectionEnabled")).as(name).isEqualTo(true);
            assertThat(resource.get("DeletionPolicy")).as(name).isEqualTo("Retain");
            assertThat(resource.get("UpdateReplacePolicy")).as(name).isEqualTo("Retain");
            assertThat(p.get("KeySchema")).as(name).isEqualTo(List.of(
                    Map.of("AttributeName", "pk", "KeyType", "HASH"), Map.of("AttributeName", "sk", "KeyType", "RANGE")));
            table.ttlAttribute().ifPresentOrElse(
                    ttl -> assertThat(p.get("TimeToLiveSpecification")).as(name).isEqualTo(Map.of("AttributeName", ttl, "Enabled", true)),
                    () -> assertThat(p).as(name).doesNotContainKey("TimeToLiveSpecification"));
            List<Object> indexes = list(p.getOrDefault("GlobalSecondaryIndexes", List.of()));
            assertThat(indexes).as(name).hasSize(table.indexes().size());
            for (String index : table.indexes()) {
                assertThat(indexes).as(name).contains(Map.of(
                        "IndexName", index,
                        "KeySchema", List.of(Map.of("AttributeName", index + "pk", "KeyType", "HASH"),
                                Map.of("AttributeName", index + "sk", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")));
            }
        });
        assertThat(Functions.tables().get("idempotency").ttlAttribute()).contains("expiresAt");
        // Batches (fund lines) read a county's residents oldest first through by-county; a WeChat
        // binding (identity) finds the residents holding a phone through by-phone.
        Map<String, Object> cards = props(s.resources().get(s.idOf("AWS::DynamoDB::Table", "TableName", "yiyang-resident-cards")));
        assertThat(list(cards.get("GlobalSecondaryIndexes"))).containsExactly(
                Map.of("IndexName", "by-county",
                        "KeySchema", List.of(Map.of("AttributeName", "by-countypk", "KeyType", "HASH"),
                                Map.of("AttributeName", "by-countysk", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")),
                Map.of("IndexName", "by-phone",
                        "KeySchema", List.of(Map.of("AttributeName", "by-phonepk", "KeyType", "HASH"),
                                Map.of("AttributeName", "by-phonesk", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")));
    }

    @Test
    void noStatefulResourceIsDestroyedWithTheStack() {
        for (Map<String, Object> context : List.of(Synth.NATIVE, Synth.JVM)) {
            Synth.Synthesised s = Synth.of(context);
            Map<String, Map<String, Object>> stateful = new HashMap<>();
            stateful.putAll(s.ofType("AWS::DynamoDB::Table"));
            stateful.putAll(s.ofType("AWS::RDS::DBCluster"));
            stateful.putAll(s.ofType("AWS::SecretsManager::Secret"));
            stateful.putAll(s.ofType("AWS::KMS::Key"));
            // the cluster; the credentials, PII-keys, WeChat and audit-key secrets; the signing key
            assertThat(stateful).hasSize(Functions.tables().size() + 1 + 4 + 1);
            stateful.forEach((id, resource) -> {
                assertThat(resource.get("DeletionPolicy")).as(id).isIn("Retain", "Snapshot");
                assertThat(resource.get("UpdateReplacePolicy")).as(id).isIn("Retain", "Snapshot");
            });
            s.template().hasResource("AWS::RDS::DBCluster", Map.of("DeletionPolicy", "Snapshot",
                    "Properties", Match.objectLike(Map.of("DeletionProtection", true, "StorageEncrypted", true))));
        }
    }

    @Test
    void nativeProvidedAl2023IsTheDefaultRuntime() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        for (Functions.Function function : Functions.ALL) {
            Map<String, Object> p = props(s.resources().get(
                    s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-" + function.name())));
            assertThat(p.get("Runtime")).as(function.name()).isEqualTo("provided.al2023");
            assertThat(p).as(function.name()).doesNotContainKey("SnapStart");
        }
    }

    @Test
    void jvmContextSelectsJava21WithSnapStartAndRoutesHitThePublishedAlias() {
        Synth.Synthesised s = Synth.of(Synth.JVM);
        for (Functions.Function function : Functions.ALL) {
            String id = s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-test-" + function.name());
            Map<String, Object> p = props(s.resources().get(id));
            assertThat(p.get("Runtime")).as(function.name()).isEqualTo("java21");
            assertThat(p.get("Handler")).isEqualTo(YiyangStack.JVM_HANDLER);
            assertThat(p.get("SnapStart")).as(function.name()).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            @SuppressWarnings("unchecked")
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) p.get("Environment")).get("Variables");
            assertThat(env).containsEntry("YIYANG_TABLE_PREFIX", "yiyang-test-").containsEntry("YIYANG_COUNTIES", "330105,330106");
            if (function.needs(Need.AREA_CODES)) {
                assertThat(env).as("landlines without an area code").containsEntry("YIYANG_AREA_CODES", "330105=0571,330106=0571");
            } else {
                assertThat(env).as(function.name()).doesNotContainKey("YIYANG_AREA_CODES");
            }
        }
        assertThat(Functions.RESIDENTS.needs(Need.AREA_CODES)).isTrue();
        // SnapStart only restores published versions: every integration targets the "live" alias.
        s.ofType("AWS::ApiGatewayV2::Integration").values().forEach(integration ->
                references(props(integration).get("IntegrationUri")).forEach(target ->
                        assertThat(s.resources().get(target).get("Type")).isEqualTo("AWS::Lambda::Alias")));
        // Counties tag every resource for cost allocation; functions carry their name.
        s.template().hasResourceProperties("AWS::Lambda::Function", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "yiyang:county", "Value", "330105 330106"),
                Map.of("Key", "yiyang:function", "Value", "meal-orders")))));
        s.template().hasResourceProperties("AWS::DynamoDB::Table", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "yiyang:county", "Value", "330105 330106")))));
    }

    @Test
    void auroraIsServerlessV2ScalingToZeroBehindAnRdsProxyInAVpcWhoseOneNatServesOnlyTheIdentityFunction() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        String cluster = s.ofType("AWS::RDS::DBCluster").keySet().iterator().next();
        s.template().hasResourceProperties("AWS::RDS::DBCluster", Map.of(
                "Engine", "aurora-postgresql",
                "EngineVersion", Match.stringLikeRegexp("^16\\..*"),
                "ServerlessV2ScalingConfiguration", Match.objectLike(Map.of("MinCapacity", 0))));
        s.template().hasResourceProperties("AWS::RDS::DBInstance", Map.of("DBInstanceClass", "db.serverless"));
        s.template().resourceCountIs("AWS::RDS::DBProxy", 1);
        s.template().hasResourceProperties("AWS::RDS::DBProxyTargetGroup", Map.of(
                "DBClusterIdentifiers", List.of(Map.of("Ref", cluster))));
        String proxy = s.ofType("AWS::RDS::DBProxy").keySet().iterator().next();
        Map<String, Object> residents = props(s.resources().get(
                s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-residents")));
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) residents.get("Environment")).get("Variables");
        assertThat(references(env.get("YIYANG_PG_URL"))).containsExactly(proxy);
        assertThat(residents).containsKey("VpcConfig");
        Map<String, Object> meals = props(s.resources().get(
                s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-meal-orders")));
        assertThat(meals).as("a DynamoDB-only function stays out of the VPC").doesNotContainKey("VpcConfig");

        // WeChat's API is on the internet: one NAT gateway, and only the identity function in its subnets.
        s.template().resourceCountIs("AWS::EC2::NatGateway", 1);
        Map<String, Object> identity = props(s.resources().get(
                s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-identity")));
        assertThat(references(((Map<?, ?>) identity.get("VpcConfig")).get("SubnetIds")))
                .as("identity sits in other subnets than the isolated ones")
                .doesNotContainAnyElementsOf(references(((Map<?, ?>) residents.get("VpcConfig")).get("SubnetIds")));
        s.template().hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway",
                "ServiceName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(".dynamodb"))))))));
        s.template().hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Interface",
                "ServiceName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(".secretsmanager"))))))));
    }

    @Test
    void theSigningKeyIsAnRsaSignOnlyKmsKey_thatOnlyTheIdentityFunctionMaySignWith() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        s.template().hasResourceProperties("AWS::KMS::Key", Map.of("KeySpec", "RSA_2048", "KeyUsage", "SIGN_VERIFY"));
        String key = s.ofType("AWS::KMS::Key").keySet().iterator().next();
        assertThat(s.resources().get(key).get("DeletionPolicy")).isEqualTo("Retain");
        for (Functions.Function function : Functions.ALL) {
            boolean signs = statementsOf(s, function).stream()
                    .anyMatch(st -> list(st.get("Action")).contains("kms:Sign"));
            assertThat(signs).as(function.name() + " may sign").isEqualTo(function == Functions.IDENTITY);
        }
        Map<String, Object> identity = props(s.resources().get(s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-identity")));
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) identity.get("Environment")).get("Variables");
        assertThat(env.get("YIYANG_IDENTITY_SIGNER")).isEqualTo("kms");
        assertThat(references(env.get("YIYANG_IDENTITY_KMS_SIGNING_KEY"))).containsExactly(key);
        assertThat(env).containsKey("YIYANG_WECHAT_SECRET_ARN");
    }

    @Test
    void everyApiFunctionsLogGroup_handsOnlyItsUsageLines_toTheMeteringFunction_theCountersOnlyWriter() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        List<Functions.Function> apiFunctions = Functions.ALL.stream().filter(f -> !f.routes().isEmpty()).toList();
        Map<String, Map<String, Object>> filters = s.ofType("AWS::Logs::SubscriptionFilter");
        assertThat(filters).hasSize(apiFunctions.size());
        String metering = s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-metering");
        Set<String> subscribed = new HashSet<>();
        for (Map<String, Object> filter : filters.values()) {
            Map<String, Object> p = props(filter);
            assertThat(p.get("FilterPattern")).isEqualTo(cn.yiyang.kernel.metering.UsageLine.FILTER_PATTERN);
            String alias = references(p.get("DestinationArn")).iterator().next();
            assertThat(references(props(s.resources().get(alias)).get("FunctionName"))).containsExactly(metering);
            subscribed.add(props(s.resources().get(references(p.get("LogGroupName")).iterator().next()))
                    .get("LogGroupName").toString());
        }
        assertThat(subscribed).containsExactlyInAnyOrderElementsOf(
                apiFunctions.stream().map(f -> "/aws/lambda/yiyang-" + f.name()).toList());
        assertThat(s.ofType("AWS::Lambda::Permission").values().stream().map(Synth::props)
                .filter(p -> "logs.amazonaws.com".equals(p.get("Principal")))).hasSize(apiFunctions.size());
        assertThat(props(s.resources().get(metering))).containsKey("DeadLetterConfig");
        for (Functions.Function function : Functions.ALL) {
            boolean writesUsage = function.tables().stream()
                    .anyMatch(t -> t.logicalName().equals("usage") && t.access() == Access.READ_WRITE);
            assertThat(writesUsage).as(function.name() + " writes the usage counters").isEqualTo(function == Functions.METERING);
        }
    }

    @Test
    void signInRoutesAreThrottledOnTheStage() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        Map<String, Object> stage = props(s.ofType("AWS::ApiGatewayV2::Stage").values().iterator().next());
        @SuppressWarnings("unchecked")
        Map<String, Object> routeSettings = (Map<String, Object>) stage.get("RouteSettings");
        for (Route route : cn.yiyang.identity.IdentityRoutes.SIGN_IN) {
            assertThat(routeSettings.get(route.key())).as(route.key()).isEqualTo(Map.of(
                    "ThrottlingRateLimit", YiyangStack.SIGN_IN_RATE_PER_SECOND, "ThrottlingBurstLimit", YiyangStack.SIGN_IN_BURST));
        }
    }

    @Test
    void everyFunctionHasLogRetentionAlarmsAndTheScheduledJobsItDeclares() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        List<String> alarmMetrics = s.ofType("AWS::CloudWatch::Alarm").values().stream()
                .map(a -> props(a).get("Namespace") + "/" + props(a).get("MetricName")).toList();
        assertThat(alarmMetrics).containsOnlyOnce("AWS/ApiGateway/5xx");
        for (Functions.Function function : Functions.ALL) {
            s.template().hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                    "LogGroupName", "/aws/lambda/yiyang-" + function.name(), "RetentionInDays", 30));
        }
        assertThat(alarmMetrics.stream().filter("AWS/Lambda/Errors"::equals)).hasSize(Functions.ALL.size());
        assertThat(alarmMetrics.stream().filter("AWS/Lambda/Throttles"::equals)).hasSize(Functions.ALL.size());

        Map<String, Map<String, Object>> rules = s.ofType("AWS::Events::Rule");
        assertThat(rules).hasSize(Functions.ALL.stream().mapToInt(f -> f.jobs().size()).sum());
        for (Functions.Function function : Functions.ALL) {
            for (cn.yiyang.kernel.route.Job job : function.jobs()) {
                s.template().hasResourceProperties("AWS::Events::Rule", Map.of(
                        "ScheduleExpression", job.schedule(),
                        "Targets", List.of(Match.objectLike(Map.of(
                                "Input", Match.serializedJson(Match.objectLike(Map.of(
                                        "routeKey", "$job", "rawPath", job.path(),
                                        "body", "{\"counties\":[\"330105\"]}"))))))));
            }
        }
    }

    @Test
    void fundLines_readsOnlyTheMealsAndCardTablesAndTheBookingsSchemaOfOtherFunctions_andSchedulesItsSettlements() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        Functions.Function funds = Functions.FUND_LINES;
        Map<String, String> tableNames = new HashMap<>();
        Functions.tables().keySet().forEach(name ->
                tableNames.put(s.idOf("AWS::DynamoDB::Table", "TableName", "yiyang-" + name), name));
        Map<String, Set<String>> actionsByTable = new HashMap<>();
        boolean rdsConnect = false;
        for (Map<String, Object> statement : statementsOf(s, funds)) {
            List<String> actions = list(statement.get("Action")).stream().map(Object::toString).toList();
            rdsConnect |= actions.contains("rds-db:connect");
            if (actions.stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                for (Object resource : list(statement.get("Resource"))) {
                    references(resource).forEach(id -> actionsByTable.computeIfAbsent(tableNames.get(id), t -> new HashSet<>())
                            .addAll(actions));
                }
            }
        }
        assertThat(actionsByTable.keySet()).containsExactlyInAnyOrder("meals", "resident-cards");
        assertThat(actionsByTable.get("meals")).as("the settlement reads the served-meal counters and the points")
                .contains("dynamodb:Query", "dynamodb:GetItem")
                .doesNotContainAnyElementsOf(DYNAMO_WRITES).doesNotContain("dynamodb:TransactWriteItems");
        assertThat(actionsByTable.get("resident-cards")).as("batches read residents by county and age")
                .contains("dynamodb:Query", "dynamodb:GetItem")
                .doesNotContainAnyElementsOf(DYNAMO_WRITES).doesNotContain("dynamodb:TransactWriteItems");
        assertThat(rdsConnect).isTrue();
        assertThat(props(s.resources().get(s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-fund-lines"))))
                .containsKey("VpcConfig");

        // Another function's schema is only ever read, and only by name of its owner's own migrations.
        assertThat(funds.schemas()).containsExactlyInAnyOrder(new Functions.SchemaUse("platform", Access.READ_WRITE),
                new Functions.SchemaUse("funds", Access.READ_WRITE), new Functions.SchemaUse("bookings", Access.READ));
        for (Functions.Function function : Functions.ALL) {
            for (Functions.SchemaUse use : function.schemas()) {
                if (use.access() == Access.READ) {
                    List<String> owners = Functions.ALL.stream().filter(f -> f.schemas().contains(
                            new Functions.SchemaUse(use.schema(), Access.READ_WRITE))).map(Functions.Function::name).toList();
                    assertThat(owners).as(function.name() + " reads " + use.schema()).hasSize(1).doesNotContain(function.name());
                }
            }
        }

        for (cn.yiyang.kernel.route.Job job : List.of(cn.yiyang.funds.FundRoutes.SETTLE_MEALS_DAILY,
                cn.yiyang.funds.FundRoutes.SETTLE_BOOKINGS_MONTHLY)) {
            List<Map<String, Object>> targets = s.ofType("AWS::Events::Rule").values().stream().map(Synth::props)
                    .filter(p -> job.schedule().equals(p.get("ScheduleExpression")))
                    .flatMap(p -> list(p.get("Targets")).stream()).map(t -> (Map<String, Object>) t)
                    .filter(t -> String.valueOf(t.get("Input")).contains(job.path()))
                    .toList();
            assertThat(targets).as(job.name()).hasSize(1);
            String alias = references(targets.get(0).get("Arn")).iterator().next();
            String function = references(props(s.resources().get(alias)).get("FunctionName")).iterator().next();
            assertThat(props(s.resources().get(function)).get("FunctionName")).as(job.name()).isEqualTo("yiyang-fund-lines");
        }
    }

    /** The Lambda function name behind a route: route → integration → alias → function. */
    private static String functionBehind(Synth.Synthesised s, Map<String, Object> route) {
        String integration = references(route.get("Target")).iterator().next();
        String alias = references(props(s.resources().get(integration)).get("IntegrationUri")).iterator().next();
        String function = references(props(s.resources().get(alias)).get("FunctionName")).iterator().next();
        return props(s.resources().get(function)).get("FunctionName").toString();
    }

    /** Every statement of every policy attached to the function's role. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statementsOf(Synth.Synthesised s, Functions.Function function) {
        Map<String, Object> lambda = props(s.resources().get(
                s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-" + function.name())));
        String role = references(lambda.get("Role")).iterator().next();
        return s.ofType("AWS::IAM::Policy").values().stream()
                .map(Synth::props)
                .filter(p -> references(p.get("Roles")).contains(role))
                .flatMap(p -> list(((Map<String, Object>) p.get("PolicyDocument")).get("Statement")).stream())
                .map(st -> (Map<String, Object>) st)
                .toList();
    }

    /** A secret reference may go through the RDS secret attachment; answer the secret's logical id. */
    private static String secretBehind(Synth.Synthesised s, String id) {
        Map<String, Object> resource = s.resources().get(id);
        if ("AWS::SecretsManager::SecretTargetAttachment".equals(resource.get("Type"))) {
            return references(props(resource).get("SecretId")).iterator().next();
        }
        assertThat(resource.get("Type")).isEqualTo("AWS::SecretsManager::Secret");
        return id;
    }
}
