package cn.yiyang.timebank.accounts;

import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.timebank.TimeBankStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The item shapes every move of points writes, each with its condition: a balance that only
 * leaves while it covers the move (never below zero), statement entries written only if absent,
 * and the county's pool. A move is one transaction of these items; the points it takes from
 * somewhere equal the points it puts somewhere, except a confirmed record (the only source) and
 * an exchange (points leave into {@code spent}, and come back on a refund).
 */
@ApplicationScoped
public class Ledger {

    public static final String ACCOUNT = "ACCOUNT";
    public static final String POOL = "POOL";
    /** No single move of points may exceed this: 1,000 hours. */
    public static final long MOVE_POINTS_MAX = 60_000;

    private final TimeBankStore store;
    private final Clock clock;

    public Ledger(TimeBankStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the county's points per day count: the only source, what leaves into exchanges, what comes back. */
    public enum DayFigure {
        EARNED("earned"), SPENT("spent"), REFUNDED("refunded");

        private final String attribute;

        DayFigure(String attribute) {
            this.attribute = attribute;
        }

        public String attribute() {
            return attribute;
        }
    }

    public static String poolPk(String county) {
        return "P#" + county;
    }

    /**
     * Earned points kept on the account, the rest ({@code toPool}) counted as overflow. When all is
     * kept the balance needs only to stay within the cap; when some overflows, the split was
     * computed from the balance seen, so that balance is the condition.
     */
    public TransactWriteItem earn(String county, String account, long kept, long toPool, long cap, long seenBalance) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(accountKey(county, account))
                .updateExpression("ADD balance :kept, earned :kept, overflowed :overflow")
                .conditionExpression(toPool == 0 ? "balance <= :room" : "balance = :seen")
                .expressionAttributeValues(toPool == 0
                        ? Map.of(":kept", n(kept), ":overflow", n(0), ":room", n(cap - kept))
                        : Map.of(":kept", n(kept), ":overflow", n(toPool), ":seen", n(seenBalance)))).build();
    }

    /** Credits a resident's account, opening it on the first points it receives (gifts, grants). */
    public TransactWriteItem creditResident(ResidentCard resident, long points, String counter) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(accountKey(resident.county(), resident.residentId()))
                .updateExpression("SET #name = if_not_exists(#name, :name), #kind = if_not_exists(#kind, :kind) "
                        + "ADD balance :points, " + counter + " :points")
                .expressionAttributeNames(Map.of("#name", "name", "#kind", "kind"))
                .expressionAttributeValues(Map.of(":points", n(points), ":name", s(resident.name()),
                        ":kind", s(AccountService.Kind.RESIDENT.name())))).build();
    }

    /** Takes from the balance only while the balance covers it: a balance never goes below zero. */
    public TransactWriteItem debit(String county, String account, long points, String counter) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(accountKey(county, account))
                .updateExpression("ADD balance :minus, " + counter + " :points")
                .conditionExpression("balance >= :points")
                .expressionAttributeValues(Map.of(":minus", n(-points), ":points", n(points)))).build();
    }

    /** An exchange's points come back: the balance up, lifetime spent down by as much. */
    public TransactWriteItem refund(String county, String account, long points) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(accountKey(county, account))
                .updateExpression("ADD balance :points, spent :minus")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":points", n(points), ":minus", n(-points)))).build();
    }

    /** The county's donation pool gains points (opened on the first). */
    public TransactWriteItem poolCredit(String county, long points, String counter) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(poolPk(county), POOL))
                .updateExpression("ADD balance :points, " + counter + " :points")
                .expressionAttributeValues(Map.of(":points", n(points)))).build();
    }

    /** The pool pays out only what it holds. */
    public TransactWriteItem poolDebit(String county, long points) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(poolPk(county), POOL))
                .updateExpression("ADD balance :minus, granted :points")
                .conditionExpression("balance >= :points")
                .expressionAttributeValues(Map.of(":minus", n(-points), ":points", n(points)))).build();
    }

    /** The county's points of one day: {@code PD#<county>}, sorted by date, so a range of days is one Query. */
    public static String pointDaysPk(String county) {
        return "PD#" + county;
    }

    /**
     * Counts a move on the county's day (the county's local date of the move) for the officers' dashboard, in
     * the move's own transaction: a retry replays the first answer and counts nothing more.
     */
    public TransactWriteItem countDay(String county, DayFigure figure, long points) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(pointDaysPk(county), CountyTime.today(clock).toString()))
                .updateExpression("ADD " + figure.attribute() + " :points")
                .expressionAttributeValues(Map.of(":points", n(points)))).build();
    }

    /** A line of an account's statement, written only if absent. */
    public TransactWriteItem entry(String county, String account, Entry.Kind kind, long points, Entry.Cause cause,
                                   String counterparty) {
        return entryIn(TimeBankStore.accountPk(county, account), kind, points, cause, counterparty);
    }

    /** A line of the pool's statement, written only if absent. */
    public TransactWriteItem poolEntry(String county, Entry.Kind kind, long points, Entry.Cause cause, String counterparty) {
        return entryIn(poolPk(county), kind, points, cause, counterparty);
    }

    private TransactWriteItem entryIn(String pk, Entry.Kind kind, long points, Entry.Cause cause, String counterparty) {
        Entry entry = new Entry(Entry.idOf(kind, cause), kind, points, cause, counterparty, CountyTime.now(clock));
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(pk, "E#" + entry.at().toInstant() + "#" + entry.id()));
        item.put("entryId", s(entry.id()));
        item.put("data", DynamoStore.document(entry));
        return TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static Map<String, AttributeValue> accountKey(String county, String account) {
        return DynamoStore.key(TimeBankStore.accountPk(county, account), ACCOUNT);
    }
}
