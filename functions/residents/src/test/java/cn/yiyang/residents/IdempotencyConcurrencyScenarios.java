package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.COUNTY;
import static cn.yiyang.residents.ResidentFixtures.officer;
import static cn.yiyang.residents.ResidentFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.TestPeople;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exactly-once under concurrent retries, against the real PostgreSQL, through a door that serves requests in parallel. */
public abstract class IdempotencyConcurrencyScenarios {

    public static final int CLIENTS = 50;

    protected abstract Door door();

    private RetryingClient client;

    /** The door as a real client uses it: 503 and "not decided yet" 409s sent again under the same key, with backoff. */
    protected Door client() {
        if (client == null) {
            client = RetryingClient.around(door());
        }
        return client;
    }

    @AfterEach
    void reportRetries() {
        if (client != null) {
            System.out.println(getClass().getSimpleName() + ": " + client.retries() + " requests sent again (503 or not yet decided)");
        }
    }

    @Test
    void fiftyConcurrentIdenticalPosts_withOneKey_registerOneResident_andAnswerIdenticallyOr409() {
        String idNumber = TestPeople.idNumber();
        String token = officer(COUNTY);
        ApiRequest request = ApiRequest.post("/v1/residents", registration(idNumber, TestPeople.phone()))
                .bearer(token).idempotencyKey("storm-" + UUID.randomUUID());

        Door storm = RetryingClient.retryingOnlyUnavailable(door()); // an in-progress 409 is an answer to count here

        List<ApiAnswer> answers = Concurrently.run(CLIENTS, i -> storm.send(request));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(ApiAnswer::status, Collectors.counting()));
        assertThat(byStatus.keySet()).as(byStatus.toString()).isSubsetOf(201, 409);
        List<String> created = answers.stream().filter(a -> a.status() == 201).map(ApiAnswer::body).distinct().toList();
        assertThat(created).as("every 201 is the same answer, byte for byte").hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409).map(ApiAnswer::code).distinct().toList())
                .isSubsetOf("IDEMPOTENCY_IN_PROGRESS");
        ApiAnswer found = client().send(ApiRequest.get("/v1/residents").query("idNumber", idNumber).bearer(token));
        assertThat(found.json().path("items")).as("one resident registered").hasSize(1);

        ApiAnswer later = client().send(request);
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.body()).isEqualTo(created.get(0));
    }

    @Test
    void concurrentRegistrationsOfOneIdNumber_underDifferentKeys_registerItOnce() {
        String idNumber = TestPeople.idNumber();
        String body = registration(idNumber, TestPeople.phone());

        List<ApiAnswer> answers = Concurrently.run(20, i -> client().send(ApiRequest.post("/v1/residents", body)
                .bearer(officer(COUNTY)).idempotencyKey("dup-" + UUID.randomUUID())));

        assertThat(answers.stream().filter(a -> a.status() == 201).count()).isEqualTo(1);
        assertThat(answers.stream().filter(a -> a.status() != 201).map(ApiAnswer::code).distinct().toList())
                .containsExactly("RESIDENT_ALREADY_REGISTERED");
    }
}
