package cn.yiyang.timebank.records;

import static cn.yiyang.stores.dynamo.DynamoStore.s;

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
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.accounts.Entry;
import cn.yiyang.timebank.accounts.Ledger;
import cn.yiyang.timebank.settings.CountySettings;
import cn.yiyang.timebank.settings.SettingsService;
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
 * Logging a service and having it confirmed. The rules come from the county's settings: the daily
 * cap, the days a record may wait for confirmation, the storage cap beyond which earned points go
 * to the county's pool.
 */
@ApplicationScoped
public class RecordService {

    private static final Pattern TYPE = Pattern.compile("[A-Z_]{2,20}");
    private static final String RECORD = "RECORD";

    private final TimeBankStore store;
    private final AccountService accounts;
    private final Ledger ledger;
    private final SettingsService settings;
    private final ResidentCards cards;
    private final Clock clock;

    public RecordService(TimeBankStore store, AccountService accounts, Ledger ledger, SettingsService settings,
                         ResidentCards cards, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.ledger = ledger;
        this.settings = settings;
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
        Map<String, AttributeValue> account = accounts.own(call);
        ResidentCard resident = cards.find(call.county(), r.residentId() == null ? "" : r.residentId())
                .orElseThrow(() -> ApiException.notFound("Resident"));
        if (account.containsKey("linkedResidentId") && account.get("linkedResidentId").s().equals(resident.residentId())) {
            throw new ApiException(TimeBankProblem.SELF_SERVICE, "A volunteer cannot log a service to themself");
        }
        CountySettings rules = settings.of(call.county());
        long minutes = ChronoUnit.MINUTES.between(r.start(), r.end());
        Day today = Day.read(store, call.county(), volunteer, day);
        if (today.overlaps(r.start(), r.end())) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_OVERLAP, "Overlaps a service already logged");
        }
        if (today.minutes() + minutes > rules.dailyMinutesMax()) {
            throw new ApiException(TimeBankProblem.DAILY_CAP_EXCEEDED, "At most " + rules.dailyMinutesMax() + " minutes a day");
        }
        ServiceRecord record = new ServiceRecord(UUID.randomUUID().toString(), call.county(), volunteer,
                resident.residentId(), r.serviceType(), r.start(), r.end(), minutes, ServiceRecord.Status.PENDING, null,
                CountyTime.now(clock));
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(ServiceRecord.pk(call.county(), record.id()), RECORD));
        item.put("data", DynamoStore.document(record));
        item.put("status", s(record.status().name()));
        item.put("gsi1pk", s(ServiceRecord.pendingPk(call.county())));
        item.put("gsi1sk", s(record.pendingSk()));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        // Another record of the same day got in first: read the day again and check anew.
        return new DynamoWrite(List.of(today.withInterval(store.table(), r.start(), r.end(), minutes), put),
                Reply.created(record), reasons -> null);
    }

    /** The volunteer, the served resident, their family, or staff. */
    public Reply get(Call call) {
        ServiceRecord record = find(call);
        if (!call.caller().subject().equals(record.volunteerId()) && !mayDecide(call, record)) {
            throw ApiException.notFound("Service record");
        }
        return Reply.ok(record);
    }

    /**
     * The served resident, a linked family member or the station (officer) confirms: the minutes
     * are credited once, up to the volunteer's storage cap; the rest goes to the county's pool.
     */
    public DynamoWrite confirm(Call call) {
        ServiceRecord record = pending(call);
        CountySettings rules = settings.of(call.county());
        ServiceRecord confirmed = record.decided(ServiceRecord.Status.CONFIRMED, call.caller().subject());
        long points = record.minutes() * rules.rate(record.serviceType());
        Map<String, AttributeValue> account = accounts.find(record.county(), record.volunteerId())
                .orElseThrow(() -> ApiException.notFound("Account"));
        long balance = AccountService.number(account, "balance");
        long kept = Math.max(0, Math.min(points, rules.storageMinutesMax() - balance));
        long toPool = points - kept;
        Entry.Cause cause = new Entry.Cause(Entry.Cause.Type.RECORD, record.id());
        List<TransactWriteItem> items = new ArrayList<>(List.of(decide(record, confirmed),
                ledger.earn(record.county(), record.volunteerId(), kept, toPool, rules.storageMinutesMax(), balance)));
        if (kept > 0) {
            items.add(ledger.entry(record.county(), record.volunteerId(), Entry.Kind.EARNED, kept, cause, record.residentId()));
        }
        if (toPool > 0) {
            items.add(ledger.poolCredit(record.county(), toPool, "overflowed"));
            items.add(ledger.poolEntry(record.county(), Entry.Kind.OVERFLOW_RECEIVED, toPool, cause, record.volunteerId()));
        }
        // A lost condition is a race (decided meanwhile, or the balance moved): read again and decide anew.
        return new DynamoWrite(items, Reply.ok(new ServiceRecord.Confirmed(confirmed, kept, toPool)), reasons -> null);
    }

    public DynamoWrite reject(Call call) {
        ServiceRecord record = pending(call);
        ServiceRecord rejected = record.decided(ServiceRecord.Status.REJECTED, call.caller().subject());
        return new DynamoWrite(List.of(decide(record, rejected)), Reply.ok(rejected), reasons -> null);
    }

    /** A record past the county's days for confirmation counts as expired even before the job marks it. */
    public static boolean isExpired(ServiceRecord record, CountySettings rules, OffsetDateTime now) {
        return record.createdAt().plusDays(rules.recordExpiryDays()).isBefore(now);
    }

    private ServiceRecord find(Call call) {
        return store.get(ServiceRecord.pk(call.county(), call.pathParam("id")), RECORD)
                .map(item -> DynamoStore.document(item, ServiceRecord.class))
                .orElseThrow(() -> ApiException.notFound("Service record"));
    }

    private boolean mayDecide(Call call, ServiceRecord record) {
        // The station (officer) and the served resident need no read; family is checked on the card.
        return call.caller().has(Role.OFFICER)
                || (call.caller().has(Role.RESIDENT) && call.caller().subject().equals(record.residentId()))
                || cards.find(call.county(), record.residentId())
                        .map(card -> card.mayBeActedForBy(call.caller(), Set.of(Role.OFFICER))).orElse(false);
    }

    private ServiceRecord pending(Call call) {
        ServiceRecord record = find(call);
        if (!mayDecide(call, record)) {
            throw ApiException.notFound("Service record");
        }
        if (record.status() != ServiceRecord.Status.PENDING) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_NOT_PENDING, "The record is " + record.status());
        }
        if (isExpired(record, settings.of(call.county()), CountyTime.now(clock))) {
            throw new ApiException(TimeBankProblem.SERVICE_RECORD_EXPIRED, "The record waited too long for confirmation");
        }
        return record;
    }

    /** Pending → decided, once: the record leaves the pending index with its decision. */
    static TransactWriteItem decide(String table, ServiceRecord from, ServiceRecord to) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(DynamoStore.key(ServiceRecord.pk(from.county(), from.id()), RECORD))
                .updateExpression("SET #data = :data, #status = :to REMOVE gsi1pk, gsi1sk")
                .conditionExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#data", "data", "#status", "status"))
                .expressionAttributeValues(Map.of(":data", DynamoStore.document(to), ":to", s(to.status().name()),
                        ":pending", s(ServiceRecord.Status.PENDING.name())))).build();
    }

    private TransactWriteItem decide(ServiceRecord from, ServiceRecord to) {
        return decide(store.table(), from, to);
    }
}
