package cn.yiyang.timebank.transfers;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.timebank.TimeBankStore;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** What gifts, donations and grants share in the store: the recipient's card, the transfer's own record. */
final class Transfers {

    private Transfers() {
    }

    /** The receiving resident's card: a well-formed id, a registered resident (404 otherwise), active. */
    static ResidentCard resident(ResidentCards cards, String county, String id, String field) {
        TransferRules.requireResidentId(id, field);
        ResidentCard card = cards.find(county, id).orElseThrow(() -> ApiException.notFound("Resident"));
        TransferRules.requireActive(card);
        return card;
    }

    /** The transfer itself, written once (its id is new): the cause every entry of the move names. */
    static TransactWriteItem record(TimeBankStore store, String county, Transfer transfer) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(transfer.pk(county), transfer.kind().name()));
        item.put("data", DynamoStore.document(transfer));
        return TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }
}
