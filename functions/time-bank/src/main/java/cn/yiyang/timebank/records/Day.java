package cn.yiyang.timebank.records;

import static cn.yiyang.stores.dynamo.DynamoStore.n;

import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.timebank.TimeBankStore;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One volunteer's day as stored: what is logged ({@link LoggedDay}, the intervals as epoch-second
 * pairs), versioned. Written with its version as the condition, so two records of one day can never
 * both slip past the overlap and daily-cap checks.
 */
record Day(String pk, String sk, long version, LoggedDay logged) {

    static Day read(TimeBankStore store, String county, String volunteer, LocalDate date) {
        String pk = TimeBankStore.accountPk(county, volunteer);
        String sk = "DAY#" + date;
        return store.get(pk, sk).map(item -> {
            List<LoggedDay.Interval> intervals = new ArrayList<>();
            for (String pair : item.get("intervals").ss()) {
                String[] parts = pair.split("/");
                intervals.add(new LoggedDay.Interval(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
            return new Day(pk, sk, DynamoStore.number(item, "version"),
                    new LoggedDay(DynamoStore.number(item, "minutes"), intervals));
        }).orElse(new Day(pk, sk, 0, LoggedDay.EMPTY));
    }

    TransactWriteItem withInterval(String table, OffsetDateTime start, OffsetDateTime end, long added) {
        String interval = start.toEpochSecond() + "/" + end.toEpochSecond();
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(DynamoStore.key(pk, sk))
                .updateExpression("ADD intervals :interval, minutes :minutes SET version = :next")
                .conditionExpression(version == 0 ? "attribute_not_exists(version)" : "version = :current")
                .expressionAttributeValues(version == 0
                        ? Map.of(":interval", AttributeValue.fromSs(List.of(interval)), ":minutes", n(added), ":next", n(1))
                        : Map.of(":interval", AttributeValue.fromSs(List.of(interval)), ":minutes", n(added),
                                ":next", n(version + 1), ":current", n(version)))).build();
    }
}
