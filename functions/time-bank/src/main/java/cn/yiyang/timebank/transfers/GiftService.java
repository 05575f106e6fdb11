package cn.yiyang.timebank.transfers;

import static cn.yiyang.stores.dynamo.DynamoStore.n;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoWrite;
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

    public DynamoWrite give(Call call) {
        Transfer.GiftRequest r = call.body(Transfer.GiftRequest.class);
        Transfers.points(r.points());
        String giver = call.caller().subject();
        accounts.own(call);
        ResidentCard parent = Transfers.resident(cards, call.county(), r.toResidentId(), "toResidentId");
        if (!parent.familySubjects().contains(giver) || parent.residentId().equals(giver)) {
            throw new ApiException(TimeBankProblem.GIFT_RECIPIENT_NOT_FAMILY, "The registry does not link the giver to this resident");
        }
        CountySettings rules = settings.of(call.county());
        if (r.points() > rules.giftMinutesPerYearMax()) {
            throw new ApiException(TimeBankProblem.GIFT_CAP_EXCEEDED, "At most " + rules.giftMinutesPerYearMax() + " a year");
        }
        int year = CountyTime.today(clock).getYear();
        Transfer gift = new Transfer(UUID.randomUUID().toString(), Transfer.Kind.GIFT, giver, parent.residentId(),
                r.points(), null, CountyTime.now(clock));
        Entry.Cause cause = new Entry.Cause(Entry.Cause.Type.GIFT, gift.id());
        List<TransactWriteItem> items = List.of(
                ledger.debit(call.county(), giver, r.points(), "giftsSent"),
                yearCounter(call.county(), giver, year, r.points(), rules.giftMinutesPerYearMax()),
                ledger.creditResident(parent, r.points(), "giftsReceived"),
                ledger.entry(call.county(), giver, Entry.Kind.GIFT_SENT, -r.points(), cause, parent.residentId()),
                ledger.entry(call.county(), parent.residentId(), Entry.Kind.GIFT_RECEIVED, r.points(), cause, giver),
                Transfers.record(store, call.county(), gift));
        return new DynamoWrite(items, Reply.created(gift), reasons -> {
            if (Transfers.failed(reasons.get(0))) {
                return new ApiException(TimeBankProblem.INSUFFICIENT_POINTS, "The balance does not cover " + r.points());
            }
            if (Transfers.failed(reasons.get(1))) {
                return new ApiException(TimeBankProblem.GIFT_CAP_EXCEEDED,
                        "This gift would pass " + rules.giftMinutesPerYearMax() + " given in " + year);
            }
            return null;
        });
    }

    /** Minutes given in the year, up only while the cap still has room for this gift. */
    private TransactWriteItem yearCounter(String county, String giver, int year, long points, long cap) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(TimeBankStore.accountPk(county, giver), "GIFTS#" + year))
                .updateExpression("ADD minutes :points")
                .conditionExpression("attribute_not_exists(minutes) OR minutes <= :room")
                .expressionAttributeValues(Map.of(":points", n(points), ":room", n(cap - points)))).build();
    }
}
