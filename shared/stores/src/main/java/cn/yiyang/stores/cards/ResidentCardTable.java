package cn.yiyang.stores.cards;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;

/** Resident cards: {@code pk = <county>#<residentId>}, {@code sk = CARD}. */
@ApplicationScoped
public class ResidentCardTable implements DynamoTable {

    @Override
    public String logicalName() {
        return "resident-cards";
    }
}
