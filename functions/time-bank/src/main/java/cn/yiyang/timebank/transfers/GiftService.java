package cn.yiyang.timebank.transfers;

import static cn.yiyang.stores.dynamo.DynamoStore.n;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.accounts.Entry;
import cn.yiyang.timebank.accounts.Ledger;
import cn.yiyang.timebank.settings.CountySettings;
import cn.yiyang.timebank.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A volunteer gives points to a parent: a resident whose registry card names the volunteer as
 * family. The year's gifts are a guarded counter, so concurrent gifts never pass the county's
 * yearly cap together.
 */
@ApplicationScoped
public class GiftService {

    private final TimeBankStore store;
    private final AccountService accounts;
    private final Ledger ledger;
    private final SettingsService settings;
    private final ResidentCards cards;
    private final Clock clock;

    public GiftService(TimeBankStore store, AccountService accounts, Ledger ledger, SettingsService settings,
                       ResidentCards cards, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.ledger = ledger;
        this.settings = settings;
        this.cards = cards;
        this.clock = clock;
    }

    public DynamoTransaction give(Caller caller, TransferRequests.Gift request) {
        TransferRules.requirePoints(request.points());
        String giver = caller.subject();
        String county = caller.county();
        accounts.own(caller);
        ResidentCard parent = Transfers.resident(cards, county, request.toResidentId(), "toResidentId");
        TransferRules.requireGiftRecipient(parent, giver);
        CountySettings rules = settings.of(county);
        long cap = rules.giftMinutesPerYearMax();
        TransferRules.requireWithinYearlyCap(request.points(), cap);
        int year = CountyTime.today(clock).getYear();
        long points = request.points();
        Transfer gift = new Transfer(UUID.randomUUID().toString(), Transfer.Kind.GIFT, giver, parent.residentId(),
                points, null, CountyTime.now(clock));
        Entry.Cause cause = new Entry.Cause(Entry.Cause.Type.GIFT, gift.id());
        return new DynamoTransaction(List.of(
                ConditionalWrite.refusing(ledger.debit(county, giver, points, "giftsSent"),
                        new ApiException(TimeBankProblem.INSUFFICIENT_POINTS, "The balance does not cover " + points)),
                ConditionalWrite.refusing(yearCounter(county, giver, year, points, cap),
                        new ApiException(TimeBankProblem.GIFT_CAP_EXCEEDED, "This gift would pass " + cap + " given in " + year)),
                ConditionalWrite.unconditional(ledger.creditResident(parent, points, "giftsReceived")),
                ConditionalWrite.unconditional(ledger.entry(county, giver, Entry.Kind.GIFT_SENT, -points, cause,
                        parent.residentId())),
                ConditionalWrite.unconditional(ledger.entry(county, parent.residentId(), Entry.Kind.GIFT_RECEIVED, points,
                        cause, giver)),
                ConditionalWrite.unconditional(Transfers.record(store, county, gift))),
                Reply.created(gift));
    }

    /** Minutes given in the year, up only while the cap still has room for this gift. */
    private TransactWriteItem yearCounter(String county, String giver, int year, long points, long cap) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(TimeBankStore.accountPk(county, giver), "GIFTS#" + year))
                .updateExpression("ADD minutes :points")
                .conditionExpression("attribute_not_exists(minutes) OR minutes <= :room")
                .expressionAttributeValues(Map.of(":points", n(points),
                        ":room", n(TransferRules.yearlyRoomFor(points, cap))))).build();
    }
}
