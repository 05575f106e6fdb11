package cn.yiyang.timebank.accounts;

import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.cards.volunteers.VolunteerCard;
import cn.yiyang.cards.volunteers.VolunteerCards;
import cn.yiyang.stores.dynamo.BatchRead;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.settings.SettingsService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Points accounts: a volunteer opens one; a resident's is opened by the first gift or grant it
 * receives. Each has a balance, lifetime counters and an insert-only statement.
 */
@ApplicationScoped
public class AccountService {

    public enum Kind {
        VOLUNTEER, RESIDENT
    }

    private final TimeBankStore store;
    private final ResidentCards cards;
    private final VolunteerCards volunteers;
    private final SettingsService settings;
    private final Clock clock;

    public AccountService(TimeBankStore store, ResidentCards cards, VolunteerCards volunteers, SettingsService settings,
                          Clock clock) {
        this.store = store;
        this.cards = cards;
        this.volunteers = volunteers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * {@code statement} holds the newest entries, at most the page asked for; {@code statementBefore},
     * when the page was full, is the cursor for the next page ({@code ?before=}).
     */
    @RegisterForReflection
    public record AccountView(String accountId, Kind kind, String name, @Nullable String linkedResidentId,
                              long balance, long earned, long overflowed, long spent, long giftsSent, long giftsReceived,
                              long donated, long granted, List<Entry> statement, @Nullable String statementBefore) {
    }

    /**
     * A volunteer registers themself: the account is the caller's, opened with nothing in it. Their age
     * is the verified person's (the volunteer card), never declared.
     */
    public DynamoTransaction register(Caller caller, AccountRequests.Register request) {
        String name = AccountRules.name(request.name());
        VolunteerCard card = volunteers.find(caller.county(), caller.subject()).orElseThrow(() -> new ApiException(
                TimeBankProblem.VOLUNTEER_NOT_VERIFIED, "The volunteer has not registered as a person with identity"));
        if (request.linkedResidentId() != null && cards.find(caller.county(), request.linkedResidentId()).isEmpty()) {
            throw ApiException.notFound("Resident");
        }
        AccountRules.requireVolunteerAge(card.birthDate(), CountyTime.today(clock), settings.of(caller.county()));
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(
                TimeBankStore.accountPk(caller.county(), caller.subject()), Ledger.ACCOUNT));
        item.put("name", s(name));
        item.put("kind", s(Kind.VOLUNTEER.name()));
        if (request.linkedResidentId() != null) {
            item.put("linkedResidentId", s(request.linkedResidentId()));
        }
        item.put("balance", n(0));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        AccountView view = new AccountView(caller.subject(), Kind.VOLUNTEER, name, request.linkedResidentId(),
                0, 0, 0, 0, 0, 0, 0, 0, List.of(), null);
        return new DynamoTransaction(List.of(ConditionalWrite.refusing(put,
                new ApiException(TimeBankProblem.VOLUNTEER_EXISTS, "This account is registered already"))),
                Reply.created(view));
    }

    /** The account holder, family acting for a resident, hotline operators and officers; anyone else gets 404. */
    public Reply get(Caller caller, AccountRequests.Statement request) {
        String id = request.id();
        if (!mayActFor(caller, id, ObjectKind.ACCOUNT, Action.READ)) {
            throw ApiException.notFound("Account");
        }
        int limit = AccountRules.pageSize(request.limit());
        Optional<String> before = AccountRules.cursor(request.before());
        String pk = TimeBankStore.accountPk(caller.county(), id);
        Map<String, AttributeValue> account = store.get(pk, Ledger.ACCOUNT).orElseThrow(() -> ApiException.notFound("Account"));
        List<Map<String, AttributeValue>> page = before.isPresent()
                ? store.newestBefore(pk, AccountRules.ENTRY_PREFIX, before.get(), limit)
                : store.query(null, pk, AccountRules.ENTRY_PREFIX, limit, false);
        return Reply.ok(view(id, account, page, page.size() == limit ? page.get(page.size() - 1).get("sk").s() : null));
    }

    private static AccountView view(String id, Map<String, AttributeValue> account, List<Map<String, AttributeValue>> page,
                                    String statementBefore) {
        return new AccountView(id, Kind.valueOf(account.get("kind") == null ? "VOLUNTEER" : account.get("kind").s()),
                account.get("name").s(), account.containsKey("linkedResidentId") ? account.get("linkedResidentId").s() : null,
                number(account, "balance"), number(account, "earned"), number(account, "overflowed"),
                number(account, "spent"), number(account, "giftsSent"), number(account, "giftsReceived"),
                number(account, "donated"), number(account, "granted"),
                page.stream().map(item -> DynamoStore.document(item, Entry.class)).toList(), statementBefore);
    }

    /** The newest entries of a statement (the account's or the pool's), newest first. */
    public List<Entry> statement(String pk) {
        return store.query(null, pk, AccountRules.ENTRY_PREFIX, AccountRules.STATEMENT_ENTRIES_MAX, false).stream()
                .map(item -> DynamoStore.document(item, Entry.class)).toList();
    }

    /** Whether the caller may do this to the account, or to an exchange of it ({@link AccountAccess}). */
    public boolean mayActFor(Caller caller, String accountId, ObjectKind kind, Action action) {
        return AccountAccess.mayActFor(caller, kind, action, accountId, () -> cards.find(caller.county(), accountId));
    }

    /** The same rule for a card already read with the request's other items ({@code card} empty: no resident of that id). */
    public static boolean mayActFor(Caller caller, String accountId, ObjectKind kind, Action action,
                                    Optional<ResidentCard> card) {
        return AccountAccess.mayActFor(caller, kind, action, accountId, () -> card);
    }

    /** The caller's own account, which must be open. */
    public Map<String, AttributeValue> own(Caller caller) {
        return requireOpen(find(caller.county(), caller.subject()));
    }

    /** The caller's own account as read with the request's other items: it must be open. */
    public static Map<String, AttributeValue> requireOpen(Optional<Map<String, AttributeValue>> ownAccount) {
        return ownAccount.orElseThrow(AccountService::notRegistered);
    }

    /** What a caller without an account of their own is told. */
    public static ApiException notRegistered() {
        return new ApiException(TimeBankProblem.VOLUNTEER_NOT_REGISTERED, "No time-bank account");
    }

    /** An account's key, for a {@link BatchRead} beside the request's other items. */
    public BatchRead.Key keyOf(String county, String accountId) {
        return store.keyHere(DynamoStore.key(TimeBankStore.accountPk(county, accountId), Ledger.ACCOUNT));
    }

    /**
     * The resident an account's SERVICE vouchers are for: the resident whose account it is (the
     * registry has a card under its id), or the resident a volunteer's account is linked to; none for
     * a volunteer who is not a registered resident.
     */
    public Optional<String> residentOf(String county, String accountId) {
        if (cards.find(county, accountId).isPresent()) {
            return Optional.of(accountId);
        }
        return find(county, accountId).map(account -> account.get("linkedResidentId")).map(AttributeValue::s);
    }

    public Optional<Map<String, AttributeValue>> find(String county, String accountId) {
        return store.get(TimeBankStore.accountPk(county, accountId), Ledger.ACCOUNT);
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        return DynamoStore.number(item, name);
    }
}
