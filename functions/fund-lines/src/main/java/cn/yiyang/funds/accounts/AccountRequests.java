package cn.yiyang.funds.accounts;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The account routes' requests (path, query and body in one record each). */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code POST /v1/fund-accounts}: a payee account of a fund line. */
    @RegisterForReflection
    public record NewPayeeAccount(String fundLine, PayeeType payeeType, String payeeRef,
                                  @Text(maxChars = AccountService.NAME_CHARS_MAX) String name) {
    }

    /** {@code GET /v1/fund-accounts?fundLine=}: the county's accounts, of one line when given. */
    @RegisterForReflection
    public record AccountFilter(String fundLine) {
    }
}
