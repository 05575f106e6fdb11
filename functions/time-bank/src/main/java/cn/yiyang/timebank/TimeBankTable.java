package cn.yiyang.timebank;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The time bank's one table. By partition key:
 * <ul>
 *   <li>{@code A#<county>#<volunteer>}: {@code ACCOUNT} (balance, earned, spent), {@code E#<time>#<entry>}
 *       (the statement, insert-only), {@code DAY#<date>} (the day's logged intervals and minutes)</li>
 *   <li>{@code R#<county>#<record>}: {@code RECORD}; {@code I#<county>#<item>}: {@code ITEM} (stock);
 *       {@code X#<county>#<exchange>}: {@code EXCHANGE}</li>
 * </ul>
 * Every move of points is one transaction: the balance condition, the statement entry written only
 * if absent, the stock condition, and the idempotency record.
 */
@ApplicationScoped
public class TimeBankTable implements DynamoTable {

    /** The county's catalog: {@code gsi1pk = ITEMS#<county>}, {@code gsi1sk = <item>}. */
    public static final String CATALOG = "gsi1";

    @Override
    public String logicalName() {
        return "time-bank";
    }

    @Override
    public List<String> indexes() {
        return List.of(CATALOG);
    }
}
