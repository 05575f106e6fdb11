package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.at;
import static cn.yiyang.timebank.TimeBankFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.IdempotencyKey;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.problem.UserMessages;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.route.Route;
import cn.yiyang.stores.dynamo.DynamoOperations;
import cn.yiyang.stores.dynamo.DynamoTables;
import cn.yiyang.stores.dynamo.IdempotencyTable;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.timebank.exchanges.ExchangeRequests;
import cn.yiyang.timebank.exchanges.ExchangeService;
import cn.yiyang.timebank.records.RecordService;
import cn.yiyang.timebank.transfers.GiftService;
import cn.yiyang.timebank.transfers.TransferRequests;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Transaction conflicts, injected into the SDK client under the time bank's own operations against
 * DynamoDB Local: retried (a bounded number of times, with jitter) and then committed once, or
 * answered 409 CONCURRENT_UPDATE with nothing written, the key still good for a retry.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class TimeBankConflictLambdaTest {

    @Inject
    DynamoDbClient client;
    @Inject
    DynamoTables tables;
    @Inject
    IdempotencyTable idempotency;
    @Inject
    ExchangeService exchanges;
    @Inject
    GiftService gifts;
    @Inject
    RecordService records;

    private final LambdaDoor lambda = LambdaDoor.ofThisTest();

    @Test
    void injectedConflictExceptions_onAnExchange_areRetried_andItCommitsOnce() {
        Bank bank = Bank.fresh(lambda);
        String volunteer = bank.volunteer();
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 9, 0));
        String item = bank.item("GOODS", 25, 4);
        ConflictInjectingClient faulty = new ConflictInjectingClient(client, ConflictInjectingClient.Kind.CONFLICT_EXCEPTION, 2);

        Reply reply = guarded(faulty).transact(exchanges::exchange).handle(invocation(TimeBankRoutes.EXCHANGE,
                caller(bank, volunteer, Role.VOLUNTEER), new ExchangeRequests.ExchangePoints(item, null), Map.of(),
                "{\"itemId\":\"" + item + "\"}", "k-" + UUID.randomUUID()));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(faulty.thrown.get()).isEqualTo(2);
        JsonNode account = expect(bank.account(volunteer), 200).json();
        assertThat(account.path("balance").asLong()).isEqualTo(35);
        assertThat(account.path("statement").findValuesAsText("kind")).containsExactlyInAnyOrder("EARNED", "EXCHANGED");
        assertThat(bank.stock(item)).isEqualTo(3);
    }

    @Test
    void conflictsThatNeverEnd_onAGift_areA409_withNothingHalfWritten_andTheKeyStillGood() {
        Bank bank = Bank.fresh(lambda);
        String volunteer = bank.volunteer();
        String parent = bank.resident(Set.of(volunteer));
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 9, 0));
        ConflictInjectingClient faulty = new ConflictInjectingClient(client, ConflictInjectingClient.Kind.CONFLICT_EXCEPTION,
                Integer.MAX_VALUE);
        String key = "gift-" + UUID.randomUUID();
        Invocation<TransferRequests.Gift> gift = invocation(TimeBankRoutes.GIFT, caller(bank, volunteer, Role.VOLUNTEER),
                new TransferRequests.Gift(parent, 20), Map.of(), "{\"toResidentId\":\"" + parent + "\",\"points\":20}", key);

        assertThatThrownBy(() -> guarded(faulty).transact(gifts::give).handle(gift))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(CommonProblem.CONCURRENT_UPDATE);
                    assertThat(e.code().httpStatus()).isEqualTo(409);
                    assertThat(UserMessages.has(e.code())).isTrue();
                });
        assertThat(faulty.thrown.get()).isEqualTo(DynamoOperations.ATTEMPTS_MAX);
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(60);
        assertThat(expect(bank.account(volunteer), 200).json().path("statement")).hasSize(1);
        assertThat(bank.account(parent).status()).as("the parent's account was never opened").isEqualTo(404);

        Reply retried = guarded(new ConflictInjectingClient(client, ConflictInjectingClient.Kind.CONFLICT_EXCEPTION, 0))
                .transact(gifts::give).handle(gift);
        assertThat(retried.status()).as("the failed attempts did not burn the key").isEqualTo(201);
        assertThat(expect(bank.account(parent), 200).json().path("balance").asLong()).isEqualTo(20);
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(40);
    }

    @Test
    void aCancellationForAConflict_onAConfirmation_isRetried_andCreditsOnce() {
        Bank bank = Bank.fresh(lambda);
        String volunteer = bank.volunteer();
        String resident = bank.resident(Set.of());
        String record = bank.logged(volunteer, resident, at(2, 9, 0), at(2, 10, 15));
        ConflictInjectingClient faulty = new ConflictInjectingClient(client, ConflictInjectingClient.Kind.CANCELLED_FOR_CONFLICT, 3);

        Reply reply = guarded(faulty).transact(records::confirm).handle(invocation(TimeBankRoutes.CONFIRM,
                caller(bank, resident, Role.RESIDENT), new ById(record), Map.of("id", record), "{}", "c-" + UUID.randomUUID()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(faulty.thrown.get()).isEqualTo(3);
        JsonNode account = expect(bank.account(volunteer), 200).json();
        assertThat(account.path("balance").asLong()).isEqualTo(75);
        assertThat(account.path("statement")).hasSize(1);
    }

    private DynamoOperations guarded(ConflictInjectingClient faulty) {
        return new DynamoOperations(faulty.client(), tables.physicalName(idempotency));
    }

    private static Caller caller(Bank bank, String subject, Role role) {
        return new Caller(subject, bank.county, Set.of(role));
    }

    /** The request as the dispatcher hands it to a store's handler: typed, with its Idempotency-Key. */
    private static <R> Invocation<R> invocation(Route route, Caller caller, R request, Map<String, String> params,
                                                String body, String key) {
        String path = route.path();
        for (Map.Entry<String, String> param : params.entrySet()) {
            path = path.replace("{" + param.getKey() + "}", param.getValue());
        }
        return new Invocation<>(route.function(), caller, request,
                Optional.of(IdempotencyKey.of(caller.county(), caller.subject(), key, route.method(), path,
                        StrictJson.canonical(body))), UUID.randomUUID().toString(), Instant.now());
    }
}
