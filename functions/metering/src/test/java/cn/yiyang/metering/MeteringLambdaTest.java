package cn.yiyang.metering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.metering.UsageLine;
import cn.yiyang.kernel.metering.UsageMeter.UsageCount;
import cn.yiyang.stores.metering.LogsBatch;
import cn.yiyang.stores.metering.UsageCounters;
import cn.yiyang.testing.StoresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The metering Lambda fed what CloudWatch Logs sends it ({@code {"awslogs":{"data":...}}}, gzip and base64)
 * through Quarkus's mock event server, against DynamoDB Local.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class MeteringLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Inject
    UsageCounters counters;

    @Test
    void aSubscriptionEvent_deliveredTwice_isCountedOnce_andAControlMessageCountsNothing() throws Exception {
        String county = "339" + (100 + (int) (System.nanoTime() % 800));
        List<LogsBatch.LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UsageLine line = new UsageLine(county, i % 2 == 0 ? "meal-orders" : "time-bank", "POST /v1/meal-orders",
                    DAY, UUID.randomUUID().toString(), Instant.now());
            events.add(new LogsBatch.LogEvent("3" + System.nanoTime() + i, line.at().toEpochMilli(), line.emf()));
        }
        events.add(new LogsBatch.LogEvent("4" + System.nanoTime(), 0, "END RequestId: 9a1b"));
        LogsBatch batch = new LogsBatch(LogsBatch.DATA_MESSAGE, "123456789012", "/aws/lambda/yiyang-meal-orders",
                "2026/11/30/[$LATEST]" + UUID.randomUUID(), List.of("usage"), events);
        String event = JSON.writeValueAsString(batch.encode());

        JsonNode first = invoke(event);
        JsonNode again = invoke(event);
        LogsBatch control = new LogsBatch(LogsBatch.CONTROL_MESSAGE, "CloudwatchLogs", "testLogGroup",
                "testLogStream", List.of(), List.of(new LogsBatch.LogEvent("1", 0, "CWL CONTROL MESSAGE: Checking health")));
        JsonNode controlDelivered = invoke(JSON.writeValueAsString(control.encode()));

        assertThat(first.path("usageLines").asInt()).isEqualTo(30);
        assertThat(first.path("partsAlreadyCounted").asInt()).isZero();
        assertThat(again.path("partsAlreadyCounted").asInt()).isEqualTo(again.path("parts").asInt()).isEqualTo(1);
        assertThat(controlDelivered.path("parts").asInt()).isZero();
        assertThat(counters.month(county, YearMonth.from(DAY)))
                .extracting(UsageCount::function, UsageCount::calls)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("meal-orders", 15L),
                        org.assertj.core.groups.Tuple.tuple("time-bank", 15L));
    }

    private static JsonNode invoke(String event) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
