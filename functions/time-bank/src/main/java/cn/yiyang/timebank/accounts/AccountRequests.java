package cn.yiyang.timebank.accounts;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;

/** The account routes' requests: path, query and body in one record each. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /**
     * {@code POST /v1/time-bank/volunteers}: {@code birthDate} is needed for the county's age rules
     * unless the volunteer is a registered resident ({@code linkedResidentId}).
     */
    @RegisterForReflection
    public record Register(@Text(maxChars = AccountRules.NAME_CHARS_MAX) String name, String linkedResidentId,
                           LocalDate birthDate) {
    }

    /**
     * {@code GET /v1/time-bank/accounts/{id}?limit=&before=}: a page of the statement, newest first;
     * {@code before} is the previous page's {@code statementBefore}.
     */
    @RegisterForReflection
    public record Statement(String id, Integer limit, @Text(maxChars = AccountRules.CURSOR_CHARS_MAX) String before) {
    }
}
