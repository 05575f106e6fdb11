package cn.yiyang.timebank.records;

import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.TimeBankTable;
import cn.yiyang.timebank.settings.CountySettings;
import cn.yiyang.timebank.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The nightly job that marks service records EXPIRED once they have waited longer than the
 * county's days for a confirmation. It moves no points (a pending record has credited nothing),
 * so each record is one conditional update: a confirmation racing it wins or loses whole.
 */
@ApplicationScoped
public class RecordExpiry {

    public static final String NAME = "expire-service-records";
    /** Records expired per county per run; a run that reaches it says so, and the next night goes on. */
    public static final int RECORDS_PER_RUN_MAX = 1_000;
    public static final String SCHEDULE = "cron(0 19 * * ? *)";

    private final TimeBankStore store;
    private final SettingsService settings;

    public RecordExpiry(TimeBankStore store, SettingsService settings) {
        this.store = store;
        this.settings = settings;
    }

    public static Job declare(String function) {
        return new Job(function, NAME, SCHEDULE,
                "Nightly at 03:00 Asia/Shanghai: expire service records left unconfirmed past the county's days");
    }

    /** One county's run, as the scheduler: expiry is measured from the instant the run was invoked. */
    public Reply expire(Invocation<NoInput> run) {
        CountySettings rules = settings.of(run.county());
        OffsetDateTime now = run.receivedAt().atZone(CountyTime.ZONE).toOffsetDateTime();
        String cutoff = run.receivedAt().minus(Duration.ofDays(rules.recordExpiryDays())) + "#";
        List<Map<String, AttributeValue>> candidates = store.before(TimeBankTable.INDEX,
                ServiceRecord.pendingPk(run.county()), cutoff, RECORDS_PER_RUN_MAX);
        int expired = 0;
        int decidedMeanwhile = 0;
        for (Map<String, AttributeValue> item : candidates) {
            ServiceRecord record = DynamoStore.document(item, ServiceRecord.class);
            if (!RecordRules.isExpired(record, rules, now)) {
                continue;
            }
            try {
                store.client().transactWriteItems(t -> t.transactItems(RecordService.decide(store.table(), record,
                        record.decided(ServiceRecord.Status.EXPIRED, "expiry"))));
                expired++;
            } catch (TransactionCanceledException | TransactionConflictException | ConditionalCheckFailedException e) {
                // Confirmed or rejected since the query (or a conflict): left to its decision, or to the next night.
                decidedMeanwhile++;
            }
        }
        return Reply.ok(Map.of("expired", expired, "decidedMeanwhile", decidedMeanwhile,
                "more", candidates.size() == RECORDS_PER_RUN_MAX));
    }
}
