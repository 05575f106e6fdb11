package cn.yiyang.bench;

import static cn.yiyang.stores.dynamo.DynamoStore.n;
import static cn.yiyang.stores.dynamo.DynamoStore.s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The idempotency record a DynamoDB function writes in its transaction, as the raw baselines write it. */
final class RawIdempotencyRecord {

    static final long TTL_SECONDS = Duration.ofHours(48).toSeconds();

    private RawIdempotencyRecord() {
    }

    /** Written only if absent (or expired), beside the business items: the same item and condition as DynamoOperations'. */
    static TransactWriteItem put(String table, Map<String, AttributeValue> key, String idempotencyKey, String body) {
        long now = Instant.now().getEpochSecond();
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("fingerprint", s(sha256(idempotencyKey + body)));
        item.put("status", n(201));
        item.put("body", s(body));
        item.put("expiresAt", n(now + TTL_SECONDS));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk) OR #expires <= :now")
                .expressionAttributeNames(Map.of("#expires", "expiresAt"))
                .expressionAttributeValues(Map.of(":now", n(now)))
                .build()).build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
