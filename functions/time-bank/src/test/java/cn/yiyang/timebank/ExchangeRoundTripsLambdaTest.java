package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.at;
import static cn.yiyang.timebank.TimeBankFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.stores.dynamo.DynamoCallLog;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.InProcessLambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What an exchange waits for, counted rather than timed: the DynamoDB calls made on the request's own
 * thread (the Lambda handler's dispatcher, fed v2 events): one batch of reads (the paying account and
 * the catalog item, with the registry's card when the account is another's) and the transaction; for
 * one's own account and an item the function has read before, the transaction alone.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class ExchangeRoundTripsLambdaTest {

    @Inject
    ApiDispatcher dispatcher;

    @Test
    void anExchangeOfOnesOwnPoints_readsTheAccountAndANewItemInOneBatch_andOnceTheItemIsKnown_onlyWrites() {
        Bank bank = Bank.fresh(new InProcessLambdaDoor(dispatcher));
        String volunteer = bank.volunteer();
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 9, 0));
        String item = bank.item("GOODS", 10, 5);

        List<String> first = callsOf(bank, bank.exchange(bank.volunteerToken(volunteer), item, null), 201);
        List<String> second = callsOf(bank, bank.exchange(bank.volunteerToken(volunteer), item, null), 201);

        assertThat(first).containsExactly("BatchGetItem", "TransactWriteItems");
        assertThat(second).as("the item's name, kind and points never change; balance and stock are the transaction's conditions")
                .containsExactly("TransactWriteItems");
        assertThat(bank.account(volunteer).json().path("balance").asLong()).isEqualTo(40);
        assertThat(bank.stock(item)).isEqualTo(3);
    }

    @Test
    void aKnownItem_beyondTheBalance_orWithoutAnAccount_isRefusedAsBefore_aLookAtTheAccountTellingWhich() {
        Bank bank = Bank.fresh(new InProcessLambdaDoor(dispatcher));
        String volunteer = bank.volunteer();
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 9, 0));
        String cheap = bank.item("GOODS", 10, 5);
        expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), cheap, null)), 201);
        String dear = bank.item("GOODS", 100, 5);
        expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), dear, null)), 409);

        ApiAnswer tooDear = bank.send(bank.exchange(bank.volunteerToken(volunteer), dear, null));
        DynamoCallLog.start();
        ApiAnswer noAccount = bank.send(bank.exchange(bank.volunteerToken("never-registered-" + volunteer), cheap, null));
        List<String> noAccountCalls = DynamoCallLog.stop();

        assertThat(tooDear.json().path("code").asText()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(noAccount.status()).isEqualTo(409);
        assertThat(noAccount.json().path("code").asText()).isEqualTo("VOLUNTEER_NOT_REGISTERED");
        assertThat(noAccountCalls).as("the transaction, the refusal's look for an earlier answer, the look at the account")
                .containsExactly("TransactWriteItems", "GetItem", "GetItem");
        assertThat(bank.account(volunteer).json().path("balance").asLong()).isEqualTo(50);
        assertThat(bank.stock(cheap)).isEqualTo(4);
        assertThat(bank.stock(dear)).isEqualTo(5);
        assertThat(bank.account("never-registered-" + volunteer).status()).as("no account opened by the refused debit")
                .isEqualTo(404);
    }

    @Test
    void aFamilyMemberSpendingTheirParentsPoints_waitsForTwoRoundTrips_theCardReadInTheSameBatch() {
        Bank bank = Bank.fresh(new InProcessLambdaDoor(dispatcher));
        String volunteer = bank.volunteer();
        String parent = bank.resident(Set.of(volunteer));
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 10, 0));
        expect(bank.send(bank.gift(volunteer, parent, 100)), 201);
        String item = bank.item("GOODS", 30, 5);
        ApiRequest exchange = bank.exchange(bank.familyToken(volunteer), item, parent);

        List<String> calls = callsOf(bank, exchange, 201);

        assertThat(calls).containsExactly("BatchGetItem", "TransactWriteItems");
        assertThat(bank.account(parent).json().path("balance").asLong()).isEqualTo(70);
    }

    @Test
    void aStrangerNamingAnothersAccount_isRefusedAfterTheOneBatch_andNothingMoves() {
        Bank bank = Bank.fresh(new InProcessLambdaDoor(dispatcher));
        String volunteer = bank.volunteer();
        String parent = bank.resident(Set.of(volunteer));
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 10, 0));
        expect(bank.send(bank.gift(volunteer, parent, 100)), 201);
        String item = bank.item("GOODS", 30, 5);
        ApiRequest exchange = bank.exchange(bank.familyToken("not-family-" + volunteer), item, parent);

        List<String> calls = callsOf(bank, exchange, 404);

        assertThat(calls).as("the batch, then the refusal's one look for an earlier answer under its key")
                .containsExactly("BatchGetItem", "GetItem");
        assertThat(bank.account(parent).json().path("balance").asLong()).isEqualTo(100);
        assertThat(bank.stock(item)).isEqualTo(5);
    }

    private static List<String> callsOf(Bank bank, ApiRequest request, int status) {
        DynamoCallLog.start();
        ApiAnswer answer = bank.send(request);
        List<String> calls = DynamoCallLog.stop();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return calls;
    }
}
