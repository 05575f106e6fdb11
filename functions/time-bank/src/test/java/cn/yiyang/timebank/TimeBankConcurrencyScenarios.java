package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.account;
import static cn.yiyang.timebank.TimeBankFixtures.at;
import static cn.yiyang.timebank.TimeBankFixtures.earn;
import static cn.yiyang.timebank.TimeBankFixtures.resident;
import static cn.yiyang.timebank.TimeBankFixtures.volunteer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Points under concurrency against DynamoDB Local, through a door that serves requests in parallel. */
public abstract class TimeBankConcurrencyScenarios {

    protected abstract Door door();

    @Test
    void aHundredConcurrentExchangesOfTen_fromFiveHundred_exactlyFiftySucceed() {
        String volunteer = volunteer(door(), null);
        earn(door(), volunteer, resident(), at(2, 8, 0), at(2, 13, 0));
        earn(door(), volunteer, resident(), at(1, 8, 0), at(1, 11, 20));
        String item = TimeBankFixtures.item(door(), 10, 1000);
        assertThat(account(door(), volunteer).json().path("balance").asLong()).isEqualTo(500);

        List<ApiAnswer> answers = Concurrently.run(100, i -> door().send(TimeBankFixtures.exchange(volunteer, item)));

        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() == 201 ? "EXCHANGED" : a.code(), Collectors.counting()));
        assertThat(outcome).isEqualTo(Map.of("EXCHANGED", 50L, "INSUFFICIENT_POINTS", 50L));
        JsonNode account = account(door(), volunteer).json();
        assertThat(account.path("balance").asLong()).isZero();
        assertThat(account.path("spent").asLong()).isEqualTo(500);
        long exchangeEntries = 0;
        for (JsonNode entry : account.path("statement")) {
            if (entry.path("kind").asText().equals("EXCHANGED")) {
                exchangeEntries++;
            }
        }
        assertThat(exchangeEntries).isEqualTo(50);
        JsonNode items = door().send(ApiRequest.get("/v1/time-bank/items").bearer(TimeBankFixtures.officer())).json().path("items");
        for (JsonNode listed : items) {
            if (listed.path("id").asText().equals(item)) {
                assertThat(listed.path("stock").asLong()).isEqualTo(950);
            }
        }
    }

    @Test
    void recordsLoggedConcurrentlyForOneDay_neverOverlapNorPassTheCap() {
        String volunteer = volunteer(door(), null);
        // 12 one-hour records, each overlapping the next by half: at most 6 fit without overlap
        List<ApiAnswer> answers = Concurrently.run(12, i -> door().send(TimeBankFixtures.log(volunteer, resident(),
                at(5, 8, 0).plusMinutes(30L * i), at(5, 9, 0).plusMinutes(30L * i))));

        List<ApiAnswer> logged = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(answers.stream().filter(a -> a.status() != 201).map(ApiAnswer::code).distinct().toList())
                .isSubsetOf("SERVICE_RECORD_OVERLAP", "DAILY_CAP_EXCEEDED");
        for (int i = 0; i < logged.size(); i++) {
            for (int j = i + 1; j < logged.size(); j++) {
                JsonNode a = logged.get(i).json();
                JsonNode b = logged.get(j).json();
                boolean overlap = java.time.OffsetDateTime.parse(a.path("start").asText()).isBefore(java.time.OffsetDateTime.parse(b.path("end").asText()))
                        && java.time.OffsetDateTime.parse(b.path("start").asText()).isBefore(java.time.OffsetDateTime.parse(a.path("end").asText()));
                assertThat(overlap).as("records %s and %s overlap", i, j).isFalse();
            }
        }
        assertThat(logged).isNotEmpty();
        assertThat(logged.stream().mapToLong(a -> a.json().path("minutes").asLong()).sum()).isLessThanOrEqualTo(480);
    }
}
