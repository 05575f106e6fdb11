package cn.yiyang.timebank;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The application's real DynamoDB Local client, with conflicts injected into its next
 * {@code TransactWriteItems} calls (DynamoDB Local never raises them by itself): either a
 * {@code TransactionConflictException}, or a cancellation naming {@code TransactionConflict} for the
 * first item, as DynamoDB answers when another transaction holds that item. Every other call, and
 * every transaction once the injected ones are spent, goes to the real client.
 */
final class ConflictInjectingClient {

    enum Kind { CONFLICT_EXCEPTION, CANCELLED_FOR_CONFLICT }

    private final DynamoDbClient real;
    private final Kind kind;
    private final int conflicts;
    final AtomicInteger thrown = new AtomicInteger();

    ConflictInjectingClient(DynamoDbClient real, Kind kind, int conflicts) {
        this.real = real;
        this.kind = kind;
        this.conflicts = conflicts;
    }

    DynamoDbClient client() {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems") && thrown.get() < conflicts) {
                        thrown.incrementAndGet();
                        throw injected(args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private RuntimeException injected(Object request) {
        if (kind == Kind.CONFLICT_EXCEPTION) {
            return TransactionConflictException.builder().message("injected conflict").build();
        }
        int items = request instanceof TransactWriteItemsRequest r ? r.transactItems().size() : 1;
        List<CancellationReason> reasons = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            reasons.add(CancellationReason.builder().code(i == 0 ? "TransactionConflict" : "None").build());
        }
        return TransactionCanceledException.builder().message("injected cancellation").cancellationReasons(reasons).build();
    }
}
