package cn.yiyang.stores.pg.settlements;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Completed subsidised visits of one provider in one month: what the county owes the provider.
 * {@code settlementKey} names the (provider, month) pair; a settlement pays each key at most once.
 */
@RegisterForReflection
public record BookingSettlement(String settlementKey, String providerId, String providerName, String month,
                                long completedSubsidisedBookings, long subsidyFen) {
}
