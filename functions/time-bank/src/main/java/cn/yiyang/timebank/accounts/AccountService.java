package cn.yiyang.timebank.accounts;

import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoWrite;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.settings.CountySettings;
import cn.yiyang.timebank.settings.SettingsService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Points accounts: a volunteer opens one; a resident's is opened by the first gift or grant it
 * receives. Each has a balance, lifetime counters and an insert-only statement.
 */
@ApplicationScoped
public class AccountService {

    public static final int STATEMENT_ENTRIES_MAX = 200;
    public static final int NAME_CHARS_MAX = 30;
    public static final int CURSOR_CHARS_MAX = 200;
    private static final String ENTRY_PREFIX = "E#";

    public enum Kind {
        VOLUNTEER, RESIDENT
    }

    private final TimeBankStore store;
    private final ResidentCards cards;
    private final SettingsService settings;
    private final Clock clock;

    public AccountService(TimeBankStore store, ResidentCards cards, SettingsService settings, Clock clock) {
        this.store = store;
        this.cards = cards;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code birthDate} is needed for the county's age rules unless the volunteer is a registered resident. */
    @RegisterForReflection
    public record Registration(String name, String linkedResidentId, LocalDate birthDate) {
    }

    /**
     * {@code statement} holds the newest entries, at most the page asked for; {@code statementBefore},
     * when the page was full, is the cursor for the next page ({@code ?before=}).
     */
    @RegisterForReflection
    public record AccountView(String accountId, Kind kind, String name, String linkedResidentId, long balance,
                              long earned, long overflowed, long spent, long giftsSent, long giftsReceived,
                              long donated, long granted, List<Entry> statement, String statementBefore) {
    }

    /** A volunteer registers themself: the account is the caller's, opened with nothing in it. */
    public DynamoWrite register(Call call) {
        Registration r = call.body(Registration.class);
        if (r.name() == null || r.name().isBlank() || r.name().length() > NAME_CHARS_MAX) {
            throw ApiException.invalid("name", "REQUIRED", "1 to " + NAME_CHARS_MAX + " characters");
        }
        LocalDate birthDate = r.birthDate();
        if (r.linkedResidentId() != null) {
            birthDate = cards.find(call.county(), r.linkedResidentId()).map(ResidentCard::birthDate)
                    .orElseThrow(() -> ApiException.notFound("Resident"));
        }
        if (birthDate == null) {
            throw ApiException.invalid("birthDate", "REQUIRED", "The volunteer's birth date, for the county's age rules");
        }
        CountySettings rules = settings.of(call.county());
        int age = Period.between(birthDate, CountyTime.today(clock)).getYears();
        if (age < rules.volunteerAgeMin() || age > rules.volunteerAgeMax()) {
            throw new ApiException(TimeBankProblem.VOLUNTEER_AGE_OUT_OF_RANGE,
                    "Volunteers are " + rules.volunteerAgeMin() + " to " + rules.volunteerAgeMax() + " years old here");
        }
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(
                TimeBankStore.accountPk(call.county(), call.caller().subject()), Ledger.ACCOUNT));
        item.put("name", s(r.name().strip()));
        item.put("kind", s(Kind.VOLUNTEER.name()));
        if (r.linkedResidentId() != null) {
            item.put("linkedResidentId", s(r.linkedResidentId()));
        }
        item.put("balance", n(0));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        AccountView view = new AccountView(call.caller().subject(), Kind.VOLUNTEER, r.name().strip(), r.linkedResidentId(),
                0, 0, 0, 0, 0, 0, 0, 0, List.of(), null);
        return new DynamoWrite(List.of(put), Reply.created(view),
                reasons -> new ApiException(TimeBankProblem.VOLUNTEER_EXISTS, "This account is registered already"));
    }

    /** The account holder, family acting for a resident, hotline operators and officers; anyone else gets 404. */
    public Reply get(Call call) {
        String id = call.pathParam("id");
        if (!mayActFor(call, id)) {
            throw ApiException.notFound("Account");
        }
        int limit = call.queryParam("limit").map(AccountService::pageSize).orElse(STATEMENT_ENTRIES_MAX);
        Optional<String> before = call.queryParam("before");
        if (before.isPresent() && (!before.get().startsWith(ENTRY_PREFIX) || before.get().length() > CURSOR_CHARS_MAX)) {
            throw ApiException.invalid("before", "BAD_CURSOR", "The statementBefore of the previous page");
        }
        String pk = TimeBankStore.accountPk(call.county(), id);
        Map<String, AttributeValue> account = store.get(pk, Ledger.ACCOUNT).orElseThrow(() -> ApiException.notFound("Account"));
        List<Map<String, AttributeValue>> page = before.isPresent()
                ? store.newestBefore(pk, ENTRY_PREFIX, before.get(), limit)
                : store.query(null, pk, ENTRY_PREFIX, limit, false);
        return Reply.ok(new AccountView(id, Kind.valueOf(account.get("kind") == null ? "VOLUNTEER" : account.get("kind").s()),
                account.get("name").s(), account.containsKey("linkedResidentId") ? account.get("linkedResidentId").s() : null,
                number(account, "balance"), number(account, "earned"), number(account, "overflowed"),
                number(account, "spent"), number(account, "giftsSent"), number(account, "giftsReceived"),
                number(account, "donated"), number(account, "granted"),
                page.stream().map(item -> DynamoStore.document(item, Entry.class)).toList(),
                page.size() == limit ? page.get(page.size() - 1).get("sk").s() : null));
    }

    private static int pageSize(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= STATEMENT_ENTRIES_MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("limit", "OUT_OF_RANGE", "1 to " + STATEMENT_ENTRIES_MAX + " entries a page");
    }

    /** The newest entries of a statement (the account's or the pool's), newest first. */
    public List<Entry> statement(String pk) {
        return store.query(null, pk, ENTRY_PREFIX, STATEMENT_ENTRIES_MAX, false).stream()
                .map(item -> DynamoStore.document(item, Entry.class)).toList();
    }

    /**
     * Whether the caller may see or spend this account: its holder, staff (operator, officer), or a
     * family member linked to the resident whose account it is.
     */
    public boolean mayActFor(Call call, String accountId) {
        Caller caller = call.caller();
        if (caller.subject().equals(accountId) || caller.hasAny(Set.of(Role.OPERATOR, Role.OFFICER))) {
            return true;
        }
        return caller.has(Role.FAMILY) && cards.find(call.county(), accountId)
                .map(card -> card.mayBeActedForBy(caller, Set.of())).orElse(false);
    }

    /** The caller's own account, which must be open. */
    public Map<String, AttributeValue> own(Call call) {
        return find(call.county(), call.caller().subject())
                .orElseThrow(() -> new ApiException(TimeBankProblem.VOLUNTEER_NOT_REGISTERED, "No time-bank account"));
    }

    public Optional<Map<String, AttributeValue>> find(String county, String accountId) {
        return store.get(TimeBankStore.accountPk(county, accountId), Ledger.ACCOUNT);
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        return DynamoStore.number(item, name);
    }
}
