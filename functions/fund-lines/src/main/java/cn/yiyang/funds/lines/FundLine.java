package cn.yiyang.funds.lines;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** One fund line of a county (特困供养, 助餐补贴 …): every transfer stays inside one. */
@RegisterForReflection
public record FundLine(UUID id, String code, String name) {
}
