package cn.yiyang.timebank.accounts;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The account routes' requests: path, query and body in one record each. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /**
     * {@code POST /v1/time-bank/volunteers}: the volunteer's age is not asked: it comes from the
     * volunteer card that the identity function published when the person registered with their ID
     * number. {@code linkedResidentId} names the volunteer's own resident record, if they have one.
     */
    @RegisterForReflection
    public record Register(@Text(maxChars = AccountRules.NAME_CHARS_MAX) String name, String linkedResidentId) {
    }

    /**
     * {@code GET /v1/time-bank/accounts/{id}?limit=&before=}: a page of the statement, newest first;
     * {@code before} is the previous page's {@code statementBefore}.
     */
    @RegisterForReflection
    public record Statement(String id, Integer limit, @Text(maxChars = AccountRules.CURSOR_CHARS_MAX) String before) {
    }
}
