package cn.yiyang.cards.residents;

import cn.yiyang.stores.dynamo.DynamoTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Resident cards: {@code pk = <county>#<residentId>}, {@code sk = CARD}; and the county's residents
 * oldest first, for batches that need them all: {@code by-countypk = <county>},
 * {@code by-countysk = <birthDate>#<residentId>}; and the residents holding a phone, for the identity
 * function's WeChat binding: {@code by-phonepk = <county>#<phone index, base64>},
 * {@code by-phonesk = <residentId>} (sparse: a card without a phone is not in it).
 */
@ApplicationScoped
public class ResidentCardTable implements DynamoTable {

    public static final String BY_COUNTY = "by-county";
    public static final String BY_PHONE = "by-phone";

    @Override
    public String logicalName() {
        return "resident-cards";
    }

    @Override
    public List<String> indexes() {
        return List.of(BY_COUNTY, BY_PHONE);
    }
}
