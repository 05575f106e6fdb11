package cn.yiyang.infra;

import static cn.yiyang.infra.Synth.list;
import static cn.yiyang.infra.Synth.props;
import static cn.yiyang.infra.Synth.references;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.infra.Functions.Need;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.stores.pg.SchemaMigrations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schema migrations run once per deployment, before the live alias moves, never in a cold start. */
@SuppressWarnings("unchecked")
class DeployStepsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachPostgresFunctionMigratesItsNewVersionBeforeItsAliasMoves_andNeverAtItsColdStart() throws Exception {
        Synth.Synthesised s = Synth.of(Synth.JVM);
        Map<String, Map<String, Object>> steps = s.ofType("Custom::YiyangDeployStep");
        long postgresFunctions = Functions.ALL.stream().filter(f -> f.needs(Need.POSTGRES)).count();
        assertThat(steps).hasSize((int) postgresFunctions);
        for (Functions.Function function : Functions.ALL) {
            String lambdaId = s.idOf("AWS::Lambda::Function", "FunctionName", "yiyang-test-" + function.name());
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) props(s.resources().get(lambdaId))
                    .get("Environment")).get("Variables");
            String stepId = steps.entrySet().stream()
                    .filter(e -> (function.name() + "/" + SchemaMigrations.STEP).equals(props(e.getValue()).get("Step")))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (!function.needs(Need.POSTGRES)) {
                assertThat(stepId).as(function.name()).isNull();
                assertThat(env).as(function.name()).doesNotContainKey("YIYANG_PG_MIGRATE_AT_START");
                continue;
            }
            assertThat(env).as(function.name()).containsEntry("YIYANG_PG_MIGRATE_AT_START", "false");
            assertThat(stepId).as(function.name() + " has a migration step").isNotNull();
            Map<String, Object> step = props(s.resources().get(stepId));

            // It invokes the newly published version of this function (a new version runs it again) …
            String versionId = references(step.get("FunctionVersionArn")).iterator().next();
            assertThat(s.resources().get(versionId).get("Type")).isEqualTo("AWS::Lambda::Version");
            assertThat(references(props(s.resources().get(versionId)).get("FunctionName"))).containsExactly(lambdaId);
            // … with the deploy job's event, for one county (the schema is shared by all) …
            JsonNode event = JSON.readTree((String) step.get("Event"));
            assertThat(event.path("routeKey").asText()).isEqualTo(Job.ROUTE_KEY);
            assertThat(event.path("rawPath").asText()).isEqualTo("/jobs/deploy/" + SchemaMigrations.STEP);
            assertThat(JSON.readTree(event.path("body").asText()).path("counties").toString()).isEqualTo("[\"330105\"]");
            // … and the live alias, which the API calls, moves to that version only once the step succeeded.
            String aliasId = s.ofType("AWS::Lambda::Alias").entrySet().stream()
                    .filter(e -> references(props(e.getValue()).get("FunctionVersion")).contains(versionId))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            assertThat(list(s.resources().get(aliasId).getOrDefault("DependsOn", List.of()))).as(function.name())
                    .contains(stepId);
        }
    }
}
