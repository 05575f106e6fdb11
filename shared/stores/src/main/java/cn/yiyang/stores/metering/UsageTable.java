package cn.yiyang.stores.metering;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Usage counters: {@code pk = <county>#<YYYY-MM>}, {@code sk = <YYYY-MM-DD>#<function>#<route>},
 * {@code calls} a number the aggregator adds to. One query reads a county's month. Beside them, the
 * aggregator's delivery markers ({@code pk = delivery#<id>}, {@code sk = part#<n>}), which expire by TTL.
 */
@ApplicationScoped
public class UsageTable implements DynamoTable {

    public static final String EXPIRES_AT = "expiresAt";

    @Override
    public String logicalName() {
        return "usage";
    }

    @Override
    public Optional<String> ttlAttribute() {
        return Optional.of(EXPIRES_AT);
    }
}
