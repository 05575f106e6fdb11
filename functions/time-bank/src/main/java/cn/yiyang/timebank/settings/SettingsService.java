package cn.yiyang.timebank.settings;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.stores.dynamo.ConditionalWrite;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoTransaction;
import cn.yiyang.timebank.TimeBankStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The county's time-bank rules: read by every rule that needs one, replaced whole by an officer. */
@ApplicationScoped
public class SettingsService {

    private static final String SK = "SETTINGS";

    private final TimeBankStore store;

    public SettingsService(TimeBankStore store) {
        this.store = store;
    }

    public CountySettings of(String county) {
        return store.get(pk(county), SK).map(item -> DynamoStore.document(item, CountySettings.class))
                .orElse(CountySettings.DEFAULTS);
    }

    public Reply read(Caller caller, NoInput none) {
        return Reply.ok(of(caller.county()));
    }

    /** A PUT replaces the county's rules whole (the request is the settings); moves already made stay as they were made. */
    public DynamoTransaction put(Caller caller, CountySettings request) {
        CountySettings settings = request.validated();
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(pk(caller.county()), SK));
        item.put("data", DynamoStore.document(settings));
        return new DynamoTransaction(List.of(ConditionalWrite.unconditional(
                TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)).build())), Reply.ok(settings));
    }

    private static String pk(String county) {
        return "S#" + county;
    }
}
