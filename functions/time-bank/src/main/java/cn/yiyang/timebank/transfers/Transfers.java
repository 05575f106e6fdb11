package cn.yiyang.timebank.transfers;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.cards.ResidentCard;
import cn.yiyang.stores.cards.ResidentCards;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.timebank.TimeBankProblem;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.accounts.Ledger;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** What gifts, donations and grants share: the bounds of a move, the recipient's card, the transfer's own record. */
final class Transfers {

    public static final int ID_CHARS_MAX = 64;

    private Transfers() {
    }

    static void points(long points) {
        if (points < 1 || points > Ledger.MOVE_POINTS_MAX) {
            throw ApiException.invalid("points", "OUT_OF_RANGE", "1 to " + Ledger.MOVE_POINTS_MAX);
        }
    }

    static ResidentCard resident(ResidentCards cards, String county, String id, String field) {
        if (id == null || id.isBlank() || id.length() > ID_CHARS_MAX) {
            throw ApiException.invalid(field, "REQUIRED", "The resident's id");
        }
        ResidentCard card = cards.find(county, id).orElseThrow(() -> ApiException.notFound("Resident"));
        if (!card.isActive()) {
            throw new ApiException(TimeBankProblem.RESIDENT_INACTIVE, "The resident is " + card.status());
        }
        return card;
    }

    /** The transfer itself, written once: the cause every entry of the move names. */
    static TransactWriteItem record(TimeBankStore store, String county, Transfer transfer) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoStore.key(transfer.pk(county), transfer.kind().name()));
        item.put("data", DynamoStore.document(transfer));
        return TransactWriteItem.builder().put(p -> p.tableName(store.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    static boolean failed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }
}
