package cn.yiyang.timebank.records;

import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.gateway.dispatch.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoWrite;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.accounts.Entry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Logging a service and having it confirmed. A volunteer's day is one item holding the day's
 * intervals and minutes, written with its version as the condition: two records of one day can
 * never both slip past the overlap and daily-cap checks.
 */
@ApplicationScoped
public class RecordService {

    public static final int DAILY_MINUTES_MAX = 480;
    /** Points per minute of service; one rate for every type until the county sets others. */
    public static final int POINTS_PER_MINUTE = 1;
    private static final Pattern TYPE = Pattern.compile("[A-Z_]{2,20}");

    private final TimeBankStore store;
    private final AccountService accounts;
    private final ResidentCards cards;
    private final Clock clock;

    public RecordService(TimeBankStore store, AccountService accounts, ResidentCards cards, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.cards = cards;
        this.clock = clock;
    }

    public DynamoWrite log(Call call) {
        ServiceRecord.Request r = call.body(ServiceRecord.Request.class);
        if (r.serviceType() == null || !TYPE.matcher(r.serviceType()).matches()) {
            throw ApiException.invalid("serviceType", "REQUIRED", "A service type such as COMPANY, CLEANING");
        }
        if (r.start() == null || r.end() == null || !r.end().isAfter(r.start())) {
            throw ApiException.invalid("end", "END_BEFORE_START", "The service ends after it starts");
        }
        LocalDate day = r.start().atZoneSameInstant(CountyTime.ZONE).toLocalDate();
        if (!day.equals(r.end().atZoneSameInstant(CountyTime.ZONE).toLocalDate())) {
            throw ApiException.invalid("end", "SPANS_DAYS", "Log a service within one day");
        }
        if (r.end().isAfter(CountyTime.now(clock))) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_IN_FUTURE, "The service has not ended yet");
        }
        String volunteer = call.caller().subject();
        Map<String, AttributeValue> account = accounts.account(call.county(), volunteer);
        ResidentCard resident = cards.find(call.county(), r.residentId() == null ? "" : r.residentId())
                .orElseThrow(() -> ApiException.notFound("Resident"));
        if (account.containsKey("linkedResidentId") && account.get("linkedResidentId").s().equals(resident.residentId())) {
            throw new ApiException(TimeBankProblem.SELF_SERVICE, "A volunteer cannot log a service to themself");
        }
        long minutes = ChronoUnit.MINUTES.between(r.start(), r.end());
        Day today = Day.read(store, call.county(), volunteer, day);
        if (today.overlaps(r.start(), r.end())) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_OVERLAP, "Overlaps a service already logged");
        }
        if (today.minutes() + minutes > DAILY_MINUTES_MAX) {
            throw new ApiException(TimeBankProblem.DAILY_CAP_EXCEEDED, "At most " + DAILY_MINUTES_MAX + " minutes a day");
        }
        ServiceRecord record = new ServiceRecord(UUID.randomUUID().toString(), call.county(), volunteer,
                resident.residentId(), r.serviceType(), r.start(), r.end(), minutes, ServiceRecord.Status.PENDING, null,
                CountyTime.now(clock));
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(ServiceRecord.pk(call.county(), record.id()), "RECORD"));
        item.put("data", DynamoStore.document(record));
        item.put("status", s(record.status().name()));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        // Another record of the same day got in first: read the day again and check anew.
        return new DynamoWrite(List.of(today.withInterval(store.table(), r.start(), r.end(), minutes), put),
                Reply.created(record), reasons -> null);
    }

    /** The served resident, a linked family member or the station (officer) confirms: points are credited once. */
    public DynamoWrite confirm(Call call) {
        ServiceRecord record = pending(call);
        ServiceRecord confirmed = record.decided(ServiceRecord.Status.CONFIRMED, call.caller().subject());
        long points = record.minutes() * POINTS_PER_MINUTE;
        return new DynamoWrite(List.of(
                decide(record, confirmed),
                accounts.credit(record.county(), record.volunteerId(), points, "earned"),
                accounts.entry(record.county(), record.volunteerId(), Entry.Kind.EARNED, points, "record:" + record.id())),
                Reply.ok(confirmed), reasons -> null);
    }

    public DynamoWrite reject(Call call) {
        ServiceRecord record = pending(call);
        ServiceRecord rejected = record.decided(ServiceRecord.Status.REJECTED, call.caller().subject());
        return new DynamoWrite(List.of(decide(record, rejected)), Reply.ok(rejected), reasons -> null);
    }

    private ServiceRecord pending(Call call) {
        ServiceRecord record = store.get(ServiceRecord.pk(call.county(), call.pathParam("id")), "RECORD")
                .map(item -> DynamoStore.document(item, ServiceRecord.class))
                .orElseThrow(() -> ApiException.notFound("Service record"));
        // The station (officer) and the served resident need no read; family is checked on the card.
        boolean mayDecide = call.caller().has(Role.OFFICER)
                || (call.caller().has(Role.RESIDENT) && call.caller().subject().equals(record.residentId()))
                || cards.find(call.county(), record.residentId())
                        .map(card -> card.mayBeActedForBy(call.caller(), Set.of(Role.OFFICER))).orElse(false);
        if (!mayDecide) {
            throw ApiException.notFound("Service record");
        }
        if (record.status() != ServiceRecord.Status.PENDING) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_NOT_PENDING, "The record is " + record.status());
        }
        return record;
    }

    private TransactWriteItem decide(ServiceRecord from, ServiceRecord to) {
        return TransactWriteItem.builder().update(u -> u.tableName(store.table())
                .key(DynamoStore.key(ServiceRecord.pk(from.county(), from.id()), "RECORD"))
                .updateExpression("SET #data = :data, #status = :to")
                .conditionExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#data", "data", "#status", "status"))
                .expressionAttributeValues(Map.of(":data", DynamoStore.document(to), ":to", s(to.status().name()),
                        ":pending", s(ServiceRecord.Status.PENDING.name())))).build();
    }

    /** One volunteer's day: intervals already logged (as epoch-second pairs) and their minutes, versioned. */
    record Day(String pk, String sk, long version, long minutes, List<long[]> intervals) {

        static Day read(TimeBankStore store, String county, String volunteer, LocalDate date) {
            String pk = TimeBankStore.accountPk(county, volunteer);
            String sk = "DAY#" + date;
            return store.get(pk, sk).map(item -> {
                List<long[]> intervals = new ArrayList<>();
                for (String pair : item.get("intervals").ss()) {
                    String[] parts = pair.split("/");
                    intervals.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
                }
                return new Day(pk, sk, DynamoStore.number(item, "version"), DynamoStore.number(item, "minutes"), intervals);
            }).orElse(new Day(pk, sk, 0, 0, List.of()));
        }

        boolean overlaps(OffsetDateTime start, OffsetDateTime end) {
            long from = start.toEpochSecond();
            long until = end.toEpochSecond();
            return intervals.stream().anyMatch(i -> from < i[1] && i[0] < until);
        }

        TransactWriteItem withInterval(String table, OffsetDateTime start, OffsetDateTime end, long added) {
            String interval = start.toEpochSecond() + "/" + end.toEpochSecond();
            return TransactWriteItem.builder().update(u -> u.tableName(table).key(DynamoStore.key(pk, sk))
                    .updateExpression("ADD intervals :interval, minutes :minutes SET version = :next")
                    .conditionExpression(version == 0 ? "attribute_not_exists(version)" : "version = :current")
                    .expressionAttributeValues(version == 0
                            ? Map.of(":interval", AttributeValue.fromSs(List.of(interval)), ":minutes", n(added), ":next", n(1))
                            : Map.of(":interval", AttributeValue.fromSs(List.of(interval)), ":minutes", n(added),
                                    ":next", n(version + 1), ":current", n(version)))).build();
        }
    }

}
