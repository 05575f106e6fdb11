package cn.yiyang.bench;

/**
 * The SQL one fund transfer sends, as fund-lines' ledger sends it (TransferService.pay through
 * transactOwnRecord, ApprovalService.approve through transact with its Idempotency-Key), with
 * {@code $n} parameters: each access style runs these same statements in the same order. The
 * county's settings are read by a native SELECT of the entity's row (fund-lines reads them through
 * the FundCountySetting entity: one statement either way).
 */
final class TransferStatements {

    static final String TRY_KEY_LOCK = "select pg_try_advisory_xact_lock($1)";
    static final String TRANSFER = """
            select t.id, t.county, t.client_key, t.fund_line_id, fl.code, t.debit_account_id, t.credit_account_id,
                   t.amount_fen, t.kind, t.reverses_id, t.cause_type, t.cause_ref, t.memo, t.maker, t.required_approvals,
                   t.created_at, t.expires_at, r.outcome, r.resolved_by, r.reason, r.resolved_at,
                   (select string_agg(a.approver, ',' order by a.approved_at, a.approver)
                      from funds.transfer_approval a where a.transfer_id = t.id) as approvers
            from funds.transfer t join funds.fund_line fl on fl.id = t.fund_line_id
            left join funds.transfer_resolution r on r.transfer_id = t.id
            """;
    static final String TRANSFER_BY_KEY = TRANSFER + "where t.county = $1 and t.client_key = $2";
    static final String TRANSFER_BY_ID = TRANSFER + "where t.id = $1 and t.county = $2";
    static final String ACCOUNT = """
            select a.id, a.fund_line_id, fl.code, a.kind, a.fiscal_year, a.payee_type, a.payee_ref, a.name,
                   b.floor_enforced, b.debits_pending, b.debits_posted, b.credits_pending, b.credits_posted
            from funds.account a join funds.fund_line fl on fl.id = a.fund_line_id
            join funds.account_balance b on b.account_id = a.id
            where a.id = $1 and a.county = $2""";
    /** After issue 18: both accounts of a transfer in one read. */
    static final String ACCOUNT_PAIR = ACCOUNT.replace("where a.id = $1 and a.county = $2", "where a.id in ($1, $2) and a.county = $3");
    static final String SETTINGS = "select dual_approval_above_fen, pending_expiry_hours from funds.county_setting where county = $1";
    static final String INSERT_TRANSFER = """
            insert into funds.transfer (id, county, client_key, fund_line_id, debit_account_id, credit_account_id,
              amount_fen, kind, cause_type, cause_ref, maker, required_approvals, created_at, expires_at)
            values ($1, $2, $3, $4, $5, $6, $7, 'PAYMENT', 'MEAL', $8, $9, $10, $11, $12)""";
    static final String RESERVE_DEBIT = """
            update funds.account_balance set debits_pending = debits_pending + $2
            where account_id = $1 and (not floor_enforced or debits_posted + debits_pending + $2 <= credits_posted)""";
    static final String RESERVE_CREDIT = "update funds.account_balance set credits_pending = credits_pending + $2 where account_id = $1";
    static final String AUDIT_LOCK = "select pg_advisory_xact_lock(hashtextextended('funds-audit:' || $1, 0))";
    static final String AUDIT_LAST = "select seq, hash from funds.audit_entry where county = $1 order by seq desc limit 1";
    static final String AUDIT_INSERT = """
            insert into funds.audit_entry (county, seq, at, actor, action, subject_type, subject_id, payload, prev_hash, hash)
            values ($1, $2, $3, $4, $5, 'TRANSFER', $6, $7, $8, $9)""";

    static final String IDEMPOTENCY_FIND = """
            select fingerprint, status, body from platform.idempotency_record
            where function = $1 and county = $2 and caller = $3 and key = $4 and expires_at > $5""";
    static final String TRANSFER_LOCK = "select pg_advisory_xact_lock(hashtextextended('funds-transfer:' || $1, 0))";
    static final String BATCH_OF = "select batch_id from funds.transfer where id = $1 and batch_id is not null";
    static final String INSERT_APPROVAL = "insert into funds.transfer_approval (transfer_id, approver, approved_at) values ($1, $2, $3)";
    static final String INSERT_RESOLUTION = """
            insert into funds.transfer_resolution (transfer_id, county, outcome, resolved_by, reason, resolved_at)
            values ($1, $2, 'POSTED', $3, null, $4)""";
    static final String POST_DEBIT = """
            update funds.account_balance set debits_pending = debits_pending - $2, debits_posted = debits_posted + $2
            where account_id = $1""";
    static final String POST_CREDIT = """
            update funds.account_balance set credits_pending = credits_pending - $2, credits_posted = credits_posted + $2
            where account_id = $1""";
    static final String IDEMPOTENCY_RECORD = """
            insert into platform.idempotency_record
              (function, county, caller, key, fingerprint, status, body, created_at, expires_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (function, county, caller, key) do update set
              fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body,
              created_at = excluded.created_at, expires_at = excluded.expires_at
            where platform.idempotency_record.expires_at <= excluded.created_at""";

    /** Statements of a create (12) and of an approve (14), each in a transaction: BEGIN and COMMIT add 2 each. */
    static final int CREATE_STATEMENTS = 12;
    static final int APPROVE_STATEMENTS = 14;
    /**
     * After issue 18's cuts: the accounts in one read, no re-read of the created transfer, the batch id read
     * with the transfer, no re-read of the approved one.
     */
    static final int CREATE_STATEMENTS_CUT = 10;
    static final int APPROVE_STATEMENTS_CUT = 12;

    private TransferStatements() {
    }

    /** Hibernate's positional form of the same statement: {@code ?n} for {@code $n}. */
    static String positional(String sql) {
        return sql.replaceAll("\\$(\\d+)", "?$1");
    }
}
