package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.NoInput;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The kernel's shared request records, registered for Jackson in native images (the kernel has no Quarkus). */
@RegisterForReflection(targets = {ById.class, NoInput.class})
final class KernelRequestTypes {

    private KernelRequestTypes() {
    }
}
