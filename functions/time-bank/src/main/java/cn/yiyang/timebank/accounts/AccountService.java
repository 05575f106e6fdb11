package cn.yiyang.timebank.accounts;

import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.gateway.dispatch.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoWrite;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Volunteer accounts and their statements; and the two item shapes every point move writes. */
@ApplicationScoped
public class AccountService {

    public static final int STATEMENT_ENTRIES_MAX = 200;
    private static final String ACCOUNT = "ACCOUNT";

    private final TimeBankStore store;
    private final Clock clock;

    public AccountService(TimeBankStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @RegisterForReflection
    public record Registration(String name, String linkedResidentId) {
    }

    @RegisterForReflection
    public record AccountView(String volunteerId, String name, String linkedResidentId, long balance, long earned,
                              long spent, List<Entry> statement) {
    }

    /** A volunteer registers themself: the account is the caller's, opened with nothing in it. */
    public DynamoWrite register(Call call) {
        Registration r = call.body(Registration.class);
        if (r.name() == null || r.name().isBlank() || r.name().length() > 30) {
            throw ApiException.invalid("name", "REQUIRED", "1 to 30 characters");
        }
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(
                TimeBankStore.accountPk(call.county(), call.caller().subject()), ACCOUNT));
        item.put("name", s(r.name().strip()));
        if (r.linkedResidentId() != null) {
            item.put("linkedResidentId", s(r.linkedResidentId()));
        }
        item.put("balance", n(0));
        item.put("earned", n(0));
        item.put("spent", n(0));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        AccountView view = new AccountView(call.caller().subject(), r.name().strip(), r.linkedResidentId(), 0, 0, 0, List.of());
        return new DynamoWrite(List.of(put), Reply.created(view),
                reasons -> new ApiException(TimeBankProblem.VOLUNTEER_EXISTS, "This account is registered already"));
    }

    public Reply get(Call call) {
        String volunteer = call.pathParam("id");
        if (!call.caller().has(Role.OFFICER) && !call.caller().subject().equals(volunteer)) {
            throw ApiException.notFound("Account");
        }
        String pk = TimeBankStore.accountPk(call.county(), volunteer);
        Map<String, AttributeValue> account = store.get(pk, ACCOUNT).orElseThrow(() -> ApiException.notFound("Account"));
        List<Entry> statement = store.query(null, pk, "E#", STATEMENT_ENTRIES_MAX, false).stream()
                .map(item -> DynamoStore.document(item, Entry.class)).toList();
        return Reply.ok(new AccountView(volunteer, account.get("name").s(),
                account.containsKey("linkedResidentId") ? account.get("linkedResidentId").s() : null,
                DynamoStore.number(account, "balance"), DynamoStore.number(account, "earned"),
                DynamoStore.number(account, "spent"), statement));
    }

    public Map<String, AttributeValue> account(String county, String volunteer) {
        return store.get(TimeBankStore.accountPk(county, volunteer), ACCOUNT)
                .orElseThrow(() -> new ApiException(TimeBankProblem.VOLUNTEER_NOT_REGISTERED, "No time-bank account"));
    }

    /** Adds to the balance (and to {@code counter}): always allowed. */
    public TransactWriteItem credit(String county, String volunteer, long points, String counter) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(TimeBankStore.accountPk(county, volunteer), ACCOUNT))
                .updateExpression("ADD balance :points, " + counter + " :points")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":points", n(points)))).build();
    }

    /** Takes from the balance only while the balance covers it: a balance never goes below zero. */
    public TransactWriteItem debit(String county, String volunteer, long points, String counter) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(TimeBankStore.accountPk(county, volunteer), ACCOUNT))
                .updateExpression("ADD balance :minus, " + counter + " :points")
                .conditionExpression("balance >= :points")
                .expressionAttributeValues(Map.of(":minus", n(-points), ":points", n(points)))).build();
    }

    /** A statement line, written only if absent: a retried move cannot write it twice. */
    public TransactWriteItem entry(String county, String volunteer, Entry.Kind kind, long points, String cause) {
        Entry entry = new Entry(UUID.randomUUID().toString(), kind, points, cause, CountyTime.now(clock));
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(TimeBankStore.accountPk(county, volunteer),
                "E#" + entry.at().toInstant() + "#" + entry.id()));
        item.put("data", DynamoStore.document(entry));
        return TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }
}
