package cn.yiyang.funds.lines;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The fund-line routes' requests (path, query and body in one record each). */
public final class FundLineRequests {

    private FundLineRequests() {
    }

    /** {@code POST /v1/fund-lines}: a line the county adds beside the six defaults. */
    @RegisterForReflection
    public record NewFundLine(String code, @Text(maxChars = FundLineService.NAME_CHARS_MAX) String name) {
    }
}
