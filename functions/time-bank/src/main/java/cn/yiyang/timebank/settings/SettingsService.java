package cn.yiyang.timebank.settings;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.stores.dynamo.DynamoWrite;
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

    public Reply read(Call call) {
        return Reply.ok(of(call.county()));
    }

    /** A PUT replaces the county's rules; moves already made stay as they were made. */
    public DynamoWrite put(Call call) {
        CountySettings settings = call.body(CountySettings.class).validated();
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(pk(call.county()), SK));
        item.put("data", DynamoStore.document(settings));
        return new DynamoWrite(List.of(TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)).build()),
                Reply.ok(settings), reasons -> null);
    }

    private static String pk(String county) {
        return "S#" + county;
    }
}
