package cn.yiyang.stores.settlements;

import cn.yiyang.stores.dynamo.DynamoTable;
import java.util.List;

/**
 * The meal function's DynamoDB table as a declaration both its owner (meal-orders, which reads and
 * writes it) and the settlement reader (fund-lines, which only reads the settlement figures) share:
 * one logical name, one set of indexes, so whichever function creates it locally creates the same
 * table. Not a bean: each function declares its own subclass as one.
 */
public abstract class MealsTable implements DynamoTable {

    public static final String LOGICAL_NAME = "meals";
    /** Orders by resident, and the county's meal points. */
    public static final String BY_RESIDENT = "gsi1";
    /** Orders by point and day. */
    public static final String BY_DAY = "gsi2";

    @Override
    public String logicalName() {
        return LOGICAL_NAME;
    }

    @Override
    public List<String> indexes() {
        return List.of(BY_RESIDENT, BY_DAY);
    }
}
