package cn.yiyang.bench;

import static cn.yiyang.bench.TransferStatements.*;

import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One transfer made and approved, written once over {@link Steps}: each access style supplies the
 * steps (how it sends a statement and how it reads a row) and the transaction around them.
 */
final class TransferFlow {

    static final String COUNTY = "330199";
    static final long AMOUNT_FEN = 100;
    static final String MAKER = "bench-officer";
    static final String APPROVER = "bench-approver";
    static final String FUNCTION = "fund-lines";
    static final String GENESIS_HASH = "0".repeat(64);
    static final int PENDING_EXPIRY_HOURS_DEFAULT = 168;

    record Transfer(UUID id, String county, UUID fundLineId, UUID debitAccountId, UUID creditAccountId, long amountFen,
                    int requiredApprovals, String status, OffsetDateTime createdAt, List<String> approvers) {
    }

    record Account(UUID id, UUID fundLineId, String fundLine, String kind, boolean floorEnforced, long debitsPending,
                   long debitsPosted, long creditsPending, long creditsPosted) {
    }

    record AuditHead(long seq, String hash) {
    }

    record Earlier(String fingerprint, int status, String body) {
    }

    /** How one style sends a statement and reads its rows. */
    interface Steps {
        Uni<Optional<Transfer>> transfer(String sql, Object... params);

        Uni<Optional<Account>> account(String sql, Object... params);

        Uni<Optional<Integer>> pendingExpiryHours(String sql, Object... params);

        Uni<Optional<AuditHead>> auditHead(String sql, Object... params);

        Uni<Optional<Earlier>> earlier(String sql, Object... params);

        Uni<Boolean> flag(String sql, Object... params);

        /** Rows changed (a write) or returned (a read whose rows are not needed). */
        Uni<Integer> run(String sql, Object... params);
    }

    /** A style: the steps inside one transaction, awaited on the calling (plain, non-Vert.x) thread. */
    interface Style extends AutoCloseable {
        String name();

        <T> T inTransaction(Function<Steps, Uni<T>> work);

        /** Sends the statements of the ledger after issue 18's cuts ({@link TransferStatements#CREATE_STATEMENTS_CUT}). */
        default boolean cut() {
            return false;
        }

        @Override
        void close();
    }

    private TransferFlow() {
    }

    /** Create (PENDING, reserved, audited) then approve (POSTED) one transfer: two transactions. */
    static void createAndApprove(Style style, UUID fundLine, UUID debit, UUID credit) {
        String key = "bench-" + UUID.randomUUID();
        UUID id = style.inTransaction(steps -> style.cut() ? createCut(steps, key, fundLine, debit, credit)
                : create(steps, key, fundLine, debit, credit));
        Transfer posted = style.inTransaction(steps -> style.cut() ? approveCut(steps, id) : approve(steps, id));
        if (!"POSTED".equals(posted.status())) {
            throw new IllegalStateException("not posted: " + posted);
        }
    }

    private static Uni<UUID> create(Steps s, String key, UUID fundLine, UUID debit, UUID credit) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return s.flag(TRY_KEY_LOCK, (long) key.hashCode()).flatMap(locked -> s.transfer(TRANSFER_BY_KEY, COUNTY, key))
                .flatMap(earlier -> s.account(ACCOUNT, debit, COUNTY))
                .flatMap(d -> s.account(ACCOUNT, credit, COUNTY))
                .flatMap(c -> s.pendingExpiryHours(SETTINGS, COUNTY))
                .flatMap(hours -> s.run(INSERT_TRANSFER, id, COUNTY, key, fundLine, debit, credit, AMOUNT_FEN, key, MAKER,
                        (short) 1, now, now.plusHours(hours.orElse(PENDING_EXPIRY_HOURS_DEFAULT))))
                .flatMap(v -> inOrder(s, debit, credit, RESERVE_DEBIT, RESERVE_CREDIT))
                .flatMap(v -> s.transfer(TRANSFER_BY_ID, id, COUNTY))
                .flatMap(created -> audit(s, MAKER, "TRANSFER_CREATED", id, now))
                .replaceWith(id);
    }

    private static Uni<Transfer> approve(Steps s, UUID id) {
        String key = "bench-approve-" + id;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return s.flag(TRY_KEY_LOCK, (long) key.hashCode())
                .flatMap(locked -> s.earlier(IDEMPOTENCY_FIND, FUNCTION, COUNTY, APPROVER, key, now))
                .flatMap(earlier -> s.run(TRANSFER_LOCK, id.toString()))
                .flatMap(v -> s.transfer(TRANSFER_BY_ID, id, COUNTY))
                .flatMap(t -> s.run(BATCH_OF, id).replaceWith(t.orElseThrow()))
                .flatMap(t -> s.run(INSERT_APPROVAL, id, APPROVER, now)
                        .flatMap(v -> s.run(INSERT_RESOLUTION, id, COUNTY, APPROVER, now))
                        .flatMap(v -> inOrder(s, t.debitAccountId(), t.creditAccountId(), POST_DEBIT, POST_CREDIT)))
                .flatMap(v -> audit(s, APPROVER, "TRANSFER_POSTED", id, now))
                .flatMap(v -> s.transfer(TRANSFER_BY_ID, id, COUNTY))
                .flatMap(t -> s.run(IDEMPOTENCY_RECORD, FUNCTION, COUNTY, APPROVER, key, "fingerprint", 200,
                        "{\"id\":\"" + id + "\"}", now, now.plusHours(24)).replaceWith(t.orElseThrow()));
    }

    private static Uni<UUID> createCut(Steps s, String key, UUID fundLine, UUID debit, UUID credit) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return s.flag(TRY_KEY_LOCK, (long) key.hashCode()).flatMap(locked -> s.transfer(TRANSFER_BY_KEY, COUNTY, key))
                .flatMap(earlier -> s.run(ACCOUNT_PAIR, debit, credit, COUNTY))
                .flatMap(accounts -> s.pendingExpiryHours(SETTINGS, COUNTY))
                .flatMap(hours -> s.run(INSERT_TRANSFER, id, COUNTY, key, fundLine, debit, credit, AMOUNT_FEN, key, MAKER,
                        (short) 1, now, now.plusHours(hours.orElse(PENDING_EXPIRY_HOURS_DEFAULT))))
                .flatMap(v -> inOrder(s, debit, credit, RESERVE_DEBIT, RESERVE_CREDIT))
                .flatMap(v -> audit(s, MAKER, "TRANSFER_CREATED", id, now))
                .replaceWith(id);
    }

    private static Uni<Transfer> approveCut(Steps s, UUID id) {
        String key = "bench-approve-" + id;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return s.flag(TRY_KEY_LOCK, (long) key.hashCode())
                .flatMap(locked -> s.earlier(IDEMPOTENCY_FIND, FUNCTION, COUNTY, APPROVER, key, now))
                .flatMap(earlier -> s.run(TRANSFER_LOCK, id.toString()))
                .flatMap(v -> s.transfer(TRANSFER_BY_ID, id, COUNTY))
                .map(Optional::orElseThrow)
                .flatMap(t -> s.run(INSERT_APPROVAL, id, APPROVER, now)
                        .flatMap(v -> s.run(INSERT_RESOLUTION, id, COUNTY, APPROVER, now))
                        .flatMap(v -> inOrder(s, t.debitAccountId(), t.creditAccountId(), POST_DEBIT, POST_CREDIT))
                        .flatMap(v -> audit(s, APPROVER, "TRANSFER_POSTED", id, now))
                        .replaceWith(new Transfer(t.id(), t.county(), t.fundLineId(), t.debitAccountId(), t.creditAccountId(),
                                t.amountFen(), t.requiredApprovals(), "POSTED", t.createdAt(), List.of(APPROVER))))
                .flatMap(t -> s.run(IDEMPOTENCY_RECORD, FUNCTION, COUNTY, APPROVER, key, "fingerprint", 200,
                        "{\"id\":\"" + id + "\"}", now, now.plusHours(24)).replaceWith(t));
    }

    private static Uni<Void> inOrder(Steps s, UUID debit, UUID credit, String debitSql, String creditSql) {
        Uni<Void> debitSide = Uni.createFrom().deferred(() -> s.run(debitSql, debit, AMOUNT_FEN).map(TransferFlow::one));
        Uni<Void> creditSide = Uni.createFrom().deferred(() -> s.run(creditSql, credit, AMOUNT_FEN).map(TransferFlow::one));
        return debit.compareTo(credit) < 0 ? debitSide.flatMap(v -> creditSide) : creditSide.flatMap(v -> debitSide);
    }

    private static Void one(int updated) {
        if (updated != 1) {
            throw new IllegalStateException("balance not updated");
        }
        return null;
    }

    private static Uni<Void> audit(Steps s, String actor, String action, UUID subject, OffsetDateTime at) {
        String payload = "{\"id\":\"" + subject + "\",\"amountFen\":" + AMOUNT_FEN + "}";
        return s.run(AUDIT_LOCK, COUNTY).flatMap(v -> s.auditHead(AUDIT_LAST, COUNTY)).flatMap(head -> {
            long seq = head.map(h -> h.seq() + 1).orElse(1L);
            String previous = head.map(AuditHead::hash).orElse(GENESIS_HASH);
            String hash = sha256(previous + "|" + COUNTY + "|" + seq + "|" + at + "|" + actor + "|" + action + "|" + subject + "|" + payload);
            return s.run(AUDIT_INSERT, COUNTY, seq, at, actor, action, subject.toString(), payload, previous, hash);
        }).replaceWithVoid();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
