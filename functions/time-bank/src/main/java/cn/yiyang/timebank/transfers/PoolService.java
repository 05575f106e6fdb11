package cn.yiyang.timebank.transfers;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.resident.Category;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import cn.yiyang.stores.dynamo.DynamoWrite;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.accounts.Entry;
import cn.yiyang.timebank.accounts.Ledger;
import cn.yiyang.timebank.settings.CountySettings;
import cn.yiyang.timebank.settings.SettingsService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The county's donation pool (爱心积分池): it receives earned points beyond a volunteer's storage
 * cap and donations, and an officer grants from it to priority elderly residents. It pays out only
 * what it holds.
 */
@ApplicationScoped
public class PoolService {

    /** Residents a grant may go to whatever their age: the registry's hardship categories. */
    public static final Set<String> PRIORITY_CATEGORIES = Set.of(Category.TEKUN.name(), Category.DIBAO.name(),
            Category.SHINENG.name(), Category.DUJU.name(), Category.SHIDU.name(), Category.ZHONGCAN.name(),
            Category.YOUFU.name());
    public static final int REASON_CHARS_MAX = 100;

    private final TimeBankStore store;
    private final AccountService accounts;
    private final Ledger ledger;
    private final SettingsService settings;
    private final ResidentCards cards;
    private final Clock clock;

    public PoolService(TimeBankStore store, AccountService accounts, Ledger ledger, SettingsService settings,
                       ResidentCards cards, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.ledger = ledger;
        this.settings = settings;
        this.cards = cards;
        this.clock = clock;
    }

    @RegisterForReflection
    public record PoolView(long balance, long overflowed, long donations, long granted, List<Entry> statement) {
    }

    public Reply view(Call call) {
        Map<String, AttributeValue> pool = store.get(Ledger.poolPk(call.county()), Ledger.POOL).orElse(Map.of());
        return Reply.ok(new PoolView(AccountService.number(pool, "balance"), AccountService.number(pool, "overflowed"),
                AccountService.number(pool, "donations"), AccountService.number(pool, "granted"),
                accounts.statement(Ledger.poolPk(call.county()))));
    }

    /** An account holder gives points to the county's pool. */
    public DynamoWrite donate(Call call) {
        Transfer.DonationRequest r = call.body(Transfer.DonationRequest.class);
        Transfers.points(r.points());
        String donor = call.caller().subject();
        accounts.own(call);
        Transfer donation = new Transfer(UUID.randomUUID().toString(), Transfer.Kind.DONATION, donor, Transfer.POOL,
                r.points(), null, CountyTime.now(clock));
        Entry.Cause cause = new Entry.Cause(Entry.Cause.Type.DONATION, donation.id());
        return new DynamoWrite(List.of(
                ledger.debit(call.county(), donor, r.points(), "donated"),
                ledger.poolCredit(call.county(), r.points(), "donations"),
                ledger.entry(call.county(), donor, Entry.Kind.DONATED, -r.points(), cause, Transfer.POOL),
                ledger.poolEntry(call.county(), Entry.Kind.DONATION_RECEIVED, r.points(), cause, donor),
                Transfers.record(store, call.county(), donation)),
                Reply.created(donation), reasons -> Transfers.failed(reasons.get(0))
                        ? new ApiException(TimeBankProblem.INSUFFICIENT_POINTS, "The balance does not cover " + r.points())
                        : null);
    }

    /** An officer grants from the pool to a resident in a hardship category or of the county's priority age. */
    public DynamoWrite grant(Call call) {
        Transfer.GrantRequest r = call.body(Transfer.GrantRequest.class);
        Transfers.points(r.points());
        if (r.reason() == null || r.reason().isBlank() || r.reason().length() > REASON_CHARS_MAX) {
            throw ApiException.invalid("reason", "REQUIRED", "Why this resident, 1 to " + REASON_CHARS_MAX + " characters");
        }
        ResidentCard resident = Transfers.resident(cards, call.county(), r.residentId(), "residentId");
        CountySettings rules = settings.of(call.county());
        boolean priority = resident.categories().stream().anyMatch(PRIORITY_CATEGORIES::contains)
                || resident.ageOn(CountyTime.today(clock)) >= rules.priorityAgeMin();
        if (!priority) {
            throw new ApiException(TimeBankProblem.GRANT_NOT_PRIORITY,
                    "Grants go to hardship categories or residents aged " + rules.priorityAgeMin() + "+");
        }
        Transfer grant = new Transfer(UUID.randomUUID().toString(), Transfer.Kind.GRANT, Transfer.POOL,
                resident.residentId(), r.points(), r.reason().strip(), CountyTime.now(clock));
        Entry.Cause cause = new Entry.Cause(Entry.Cause.Type.GRANT, grant.id());
        return new DynamoWrite(List.of(
                ledger.poolDebit(call.county(), r.points()),
                ledger.creditResident(resident, r.points(), "granted"),
                ledger.poolEntry(call.county(), Entry.Kind.GRANT_PAID, -r.points(), cause, resident.residentId()),
                ledger.entry(call.county(), resident.residentId(), Entry.Kind.GRANTED, r.points(), cause, call.caller().subject()),
                Transfers.record(store, call.county(), grant)),
                Reply.created(grant), reasons -> Transfers.failed(reasons.get(0))
                        ? new ApiException(TimeBankProblem.POOL_INSUFFICIENT, "The pool holds less than " + r.points())
                        : null);
    }
}
