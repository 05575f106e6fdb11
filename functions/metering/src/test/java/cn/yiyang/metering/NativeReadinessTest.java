package cn.yiyang.metering;

import cn.yiyang.testing.nativeimage.NativeReadinessTests;

/** The native executable's build-time rules, checked on the JVM over this function's runtime class path. */
class NativeReadinessTest extends NativeReadinessTests {
}
