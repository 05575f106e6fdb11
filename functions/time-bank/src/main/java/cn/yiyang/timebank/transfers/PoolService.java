package cn.yiyang.timebank.transfers;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.accounts.Entry;
import cn.yiyang.timebank.accounts.Ledger;
import cn.yiyang.timebank.settings.SettingsService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The county's donation pool (爱心积分池): it receives earned points beyond a volunteer's storage
 * cap and donations, and an officer grants from it to priority elderly residents. It pays out only
 * what it holds.
 */
@ApplicationScoped
public class PoolService {

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

    public Reply view(Caller caller, NoInput none) {
        String pk = Ledger.poolPk(caller.county());
        Map<String, AttributeValue> pool = store.get(pk, Ledger.POOL).orElse(Map.of());
        return Reply.ok(new PoolView(AccountService.number(pool, "balance"), AccountService.number(pool, "overflowed"),
                AccountService.number(pool, "donations"), AccountService.number(pool, "granted"), accounts.statement(pk)));
    }

    /** An account holder gives points to the county's pool. */
    public DynamoTransaction donate(Caller caller, TransferRequests.Donation request) {
        long points = request.points();
        TransferRules.requirePoints(points);
        String donor = caller.subject();
        String county = caller.county();
        accounts.own(caller);
        Transfer donation = new Transfer(UUID.randomUUID().toString(), Transfer.Kind.DONATION, donor, Transfer.POOL,
                points, null, CountyTime.now(clock));
        Entry.Cause cause = new Entry.Cause(Entry.Cause.Type.DONATION, donation.id());
        return new DynamoTransaction(List.of(
                ConditionalWrite.refusing(ledger.debit(county, donor, points, "donated"),
                        new ApiException(TimeBankProblem.INSUFFICIENT_POINTS, "The balance does not cover " + points)),
                ConditionalWrite.unconditional(ledger.poolCredit(county, points, "donations")),
                ConditionalWrite.unconditional(ledger.entry(county, donor, Entry.Kind.DONATED, -points, cause, Transfer.POOL)),
                ConditionalWrite.unconditional(ledger.poolEntry(county, Entry.Kind.DONATION_RECEIVED, points, cause, donor)),
                ConditionalWrite.unconditional(Transfers.record(store, county, donation))),
                Reply.created(donation));
    }

    /** An officer grants from the pool to a resident in a hardship category or of the county's priority age. */
    public DynamoTransaction grant(Caller caller, TransferRequests.Grant request) {
        long points = request.points();
        TransferRules.requirePoints(points);
        String reason = TransferRules.reason(request.reason());
        String county = caller.county();
        ResidentCard resident = Transfers.resident(cards, county, request.residentId(), "residentId");
        TransferRules.requirePriority(resident, CountyTime.today(clock), settings.of(county));
        Transfer grant = new Transfer(UUID.randomUUID().toString(), Transfer.Kind.GRANT, Transfer.POOL,
                resident.residentId(), points, reason, CountyTime.now(clock));
        Entry.Cause cause = new Entry.Cause(Entry.Cause.Type.GRANT, grant.id());
        return new DynamoTransaction(List.of(
                ConditionalWrite.refusing(ledger.poolDebit(county, points),
                        new ApiException(TimeBankProblem.POOL_INSUFFICIENT, "The pool holds less than " + points)),
                ConditionalWrite.unconditional(ledger.creditResident(resident, points, "granted")),
                ConditionalWrite.unconditional(ledger.poolEntry(county, Entry.Kind.GRANT_PAID, -points, cause,
                        resident.residentId())),
                ConditionalWrite.unconditional(ledger.entry(county, resident.residentId(), Entry.Kind.GRANTED, points, cause,
                        caller.subject())),
                ConditionalWrite.unconditional(Transfers.record(store, county, grant))),
                Reply.created(grant));
    }
}
