package cn.yiyang.stores.cards;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Resident cards: {@code pk = <county>#<residentId>}, {@code sk = CARD}; and the county's residents
 * oldest first, for batches that need them all: {@code by-countypk = <county>},
 * {@code by-countysk = <birthDate>#<residentId>}.
 */
@ApplicationScoped
public class ResidentCardTable implements DynamoTable {

    public static final String BY_COUNTY = "by-county";

    @Override
    public String logicalName() {
        return "resident-cards";
    }

    @Override
    public List<String> indexes() {
        return List.of(BY_COUNTY);
    }
}
