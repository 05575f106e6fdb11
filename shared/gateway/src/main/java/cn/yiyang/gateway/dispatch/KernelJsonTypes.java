package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.metering.UsageMeter;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The kernel's records that Jackson reads or writes, registered for native images (the kernel has no Quarkus). */
@RegisterForReflection(targets = {ById.class, NoInput.class, UsageMeter.UsageCount.class})
final class KernelJsonTypes {

    private KernelJsonTypes() {
    }
}
