package cn.yiyang.timebank;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The time bank's one table. By partition key:
 * <ul>
 *   <li>{@code A#<county>#<account>}: {@code ACCOUNT} (balance and lifetime counters), {@code E#<time>#<entry>}
 *       (the statement, insert-only), {@code DAY#<date>} (a volunteer's logged intervals and minutes),
 *       {@code GIFTS#<year>} (minutes given that year)</li>
 *   <li>{@code P#<county>}: {@code POOL} (the county's donation pool) and its statement {@code E#…}</li>
 *   <li>{@code PD#<county>}: {@code <date>}: the county's points earned, spent and refunded that day</li>
 *   <li>{@code S#<county>}: {@code SETTINGS}; {@code R#<county>#<record>}: {@code RECORD};
 *       {@code I#<county>#<item>}: {@code ITEM} (stock); {@code X#<county>#<exchange>}: {@code EXCHANGE};
 *       {@code G#}, {@code D#}, {@code T#<county>#<id>}: {@code GIFT}, {@code DONATION}, {@code GRANT}</li>
 * </ul>
 * Every move of points is one transaction: the balance condition, the statement entries written only
 * if absent, the stock condition, and the idempotency record.
 */
@ApplicationScoped
public class TimeBankTable implements DynamoTable {

    /**
     * One overloaded, sparse index: the county's catalog ({@code ITEMS#<county>} by item), its
     * pending service records ({@code PENDING#<county>} by creation time; removed when decided) and
     * its open exchange vouchers ({@code VOUCHERS#<county>} by time; removed when redeemed or cancelled).
     */
    public static final String INDEX = "gsi1";
    public static final String CATALOG = INDEX;

    @Override
    public String logicalName() {
        return "time-bank";
    }

    @Override
    public List<String> indexes() {
        return List.of(INDEX);
    }
}
