package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.meals.MealFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.ScenarioCounties;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The typed TypeScript client, as compiled by the build (functions/api-client), against this gateway
 * over real HTTP: a Node back end lists the meal points, reads the menu and orders lunch for a
 * resident, with the resident's token (examples/order-a-meal.ts, the README's example).
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class TypedClientTest {

    private static final Path EXAMPLE = Path.of("..", "api-client", "target", "examples", "examples", "order-a-meal.js");
    private static final long NODE_SECONDS_MAX = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNodeBackEnd_ordersLunchForAResident_withTheGeneratedClient() throws Exception {
        HttpDoor door = new HttpDoor(HttpPort.PORT);
        String county = ScenarioCounties.fresh();
        String point = MealFixtures.point(door, county, 10, 0, MealFixtures.ALL_WEEK);
        LocalDate tomorrow = MealFixtures.tomorrow();
        MealFixtures.menu(door, county, point, tomorrow);
        String resident = MealFixtures.resident(county, 82, Set.of());
        String token = Tokens.of(county, resident, Role.RESIDENT);

        JsonNode printed = runNode(List.of("http://localhost:" + HttpPort.PORT, token, resident, tomorrow.toString()));
        ApiAnswer stored = door.send(ApiRequest.get("/v1/meal-orders/" + printed.path("order").path("id").asText())
                .bearer(token));

        assertThat(printed.path("mealPointId").asText()).isEqualTo(point);
        assertThat(printed.path("dishCode").asText()).isEqualTo("A1");
        assertThat(printed.path("status").asInt()).isEqualTo(201);
        assertThat(printed.path("order").path("priceFen").asLong()).isEqualTo(1200);
        assertThat(printed.path("order").path("confirmationCode").asText()).hasSize(6);
        assertThat(printed.path("readBack").path("status").asText()).isEqualTo("PLACED");
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().path("residentId").asText()).isEqualTo(resident);
        assertThat(stored.json().path("mealPointId").asText()).isEqualTo(point);
    }

    private static JsonNode runNode(List<String> arguments) throws IOException, InterruptedException {
        assertThat(EXAMPLE).as("built by functions/api-client (mvn install there, or -am)").exists();
        List<String> command = new java.util.ArrayList<>(List.of("node", EXAMPLE.toString()));
        command.addAll(arguments);
        Path output = Files.createTempFile("typed-client", ".out");
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = node.waitFor(NODE_SECONDS_MAX, TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8).trim();
        Files.delete(output);
        assertThat(ended).as("node ended").isTrue();
        assertThat(node.exitValue()).as(printed).isZero();
        return JSON.readTree(printed.substring(printed.lastIndexOf('\n') + 1));
    }
}
