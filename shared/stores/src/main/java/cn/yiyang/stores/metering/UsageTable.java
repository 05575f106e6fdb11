package cn.yiyang.stores.metering;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Usage counters: {@code pk = <county>#<YYYY-MM>}, {@code sk = <YYYY-MM-DD>#<function>#<route>},
 * {@code calls} a number incremented atomically with {@code ADD}. One query reads a county's month.
 */
@ApplicationScoped
public class UsageTable implements DynamoTable {

    @Override
    public String logicalName() {
        return "usage";
    }
}
