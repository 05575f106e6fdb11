package cn.yiyang.timebank.records;

import static cn.yiyang.stores.dynamo.DynamoStore.s;

import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.accounts.AccountService;
import cn.yiyang.timebank.accounts.Entry;
import cn.yiyang.timebank.accounts.Ledger;
import cn.yiyang.timebank.settings.CountySettings;
import cn.yiyang.timebank.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Logging a service and having it confirmed. The rules come from the county's settings: the daily
 * cap, the days a record may wait for confirmation, the storage cap beyond which earned points go
 * to the county's pool.
 */
@ApplicationScoped
public class RecordService {

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

    public DynamoTransaction log(Caller caller, RecordRequests.Log request) {
        LocalDate day = RecordRules.loggable(request, CountyTime.now(clock));
        Map<String, AttributeValue> account = accounts.own(caller);
        ResidentCard resident = cards.find(caller.county(), request.residentId() == null ? "" : request.residentId())
                .orElseThrow(() -> ApiException.notFound("Resident"));
        RecordRules.requireNotSelf(caller, Optional.ofNullable(account.get("linkedResidentId")).map(AttributeValue::s),
                resident);
        CountySettings rules = settings.of(caller.county());
        long minutes = ChronoUnit.MINUTES.between(request.start(), request.end());
        Day today = Day.read(store, caller.county(), caller.subject(), day);
        today.logged().admit(request.start(), request.end(), minutes, rules.dailyMinutesMax());
        ServiceRecord record = new ServiceRecord(UUID.randomUUID().toString(), caller.county(), caller.subject(),
                resident.residentId(), request.serviceType(), request.start(), request.end(), minutes,
                ServiceRecord.Status.PENDING, null, CountyTime.now(clock));
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(ServiceRecord.pk(caller.county(), record.id()), RECORD));
        item.put("data", DynamoStore.document(record));
        item.put("status", s(record.status().name()));
        item.put("gsi1pk", s(ServiceRecord.pendingPk(caller.county())));
        item.put("gsi1sk", s(record.pendingSk()));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        return new DynamoTransaction(List.of(
                // Another record of the same day got in first: read the day again and check anew.
                ConditionalWrite.recomputing(today.withInterval(store.table(), request.start(), request.end(), minutes)),
                ConditionalWrite.unconditional(put)), Reply.created(record));
    }

    /** The volunteer, the served resident, their family, or staff. */
    public Reply get(Caller caller, ById request) {
        ServiceRecord record = find(caller.county(), request.id());
        if (!RecordRules.reaches(caller, Action.READ, record, servedCard(record))) {
            throw ApiException.notFound("Service record");
        }
        return Reply.ok(record);
    }

    /**
     * The served resident, a linked family member or the station (officer) confirms: the minutes
     * are credited once, up to the volunteer's storage cap; the rest goes to the county's pool.
     */
    public DynamoTransaction confirm(Caller caller, ById request) {
        CountySettings rules = settings.of(caller.county());
        ServiceRecord record = decidable(caller, request.id(), rules);
        ServiceRecord confirmed = record.decided(ServiceRecord.Status.CONFIRMED, caller.subject());
        Map<String, AttributeValue> account = accounts.find(record.county(), record.volunteerId())
                .orElseThrow(() -> ApiException.notFound("Account"));
        long balance = AccountService.number(account, "balance");
        RecordRules.Earning earning = RecordRules.earning(record, rules, balance);
        Entry.Cause cause = new Entry.Cause(Entry.Cause.Type.RECORD, record.id());
        // A lost condition is a race (decided meanwhile, or the balance moved): read again and decide anew.
        List<ConditionalWrite> writes = new ArrayList<>(List.of(
                ConditionalWrite.recomputing(decide(record, confirmed)),
                ConditionalWrite.recomputing(ledger.earn(record.county(), record.volunteerId(), earning.kept(),
                        earning.toPool(), rules.storageMinutesMax(), balance)),
                ConditionalWrite.unconditional(ledger.countDay(record.county(), Ledger.DayFigure.EARNED,
                        earning.kept() + earning.toPool()))));
        if (earning.kept() > 0) {
            writes.add(ConditionalWrite.unconditional(ledger.entry(record.county(), record.volunteerId(),
                    Entry.Kind.EARNED, earning.kept(), cause, record.residentId())));
        }
        if (earning.toPool() > 0) {
            writes.add(ConditionalWrite.unconditional(ledger.poolCredit(record.county(), earning.toPool(), "overflowed")));
            writes.add(ConditionalWrite.unconditional(ledger.poolEntry(record.county(), Entry.Kind.OVERFLOW_RECEIVED,
                    earning.toPool(), cause, record.volunteerId())));
        }
        return new DynamoTransaction(writes,
                Reply.ok(new ServiceRecord.Confirmed(confirmed, earning.kept(), earning.toPool())));
    }

    public DynamoTransaction reject(Caller caller, ById request) {
        ServiceRecord record = decidable(caller, request.id(), settings.of(caller.county()));
        ServiceRecord rejected = record.decided(ServiceRecord.Status.REJECTED, caller.subject());
        // Decided meanwhile: read again, and refuse as not pending.
        return new DynamoTransaction(List.of(ConditionalWrite.recomputing(decide(record, rejected))), Reply.ok(rejected));
    }

    private ServiceRecord find(String county, String id) {
        return store.get(ServiceRecord.pk(county, id), RECORD)
                .map(item -> DynamoStore.document(item, ServiceRecord.class))
                .orElseThrow(() -> ApiException.notFound("Service record"));
    }

    private Supplier<Optional<ResidentCard>> servedCard(ServiceRecord record) {
        return () -> cards.find(record.county(), record.residentId());
    }

    private ServiceRecord decidable(Caller caller, String id, CountySettings rules) {
        ServiceRecord record = find(caller.county(), id);
        if (!RecordRules.reaches(caller, Action.ACT, record, servedCard(record))) {
            throw ApiException.notFound("Service record");
        }
        RecordRules.requireNotOwnRecord(caller, record);
        RecordRules.requireDecidable(record, rules, CountyTime.now(clock));
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
