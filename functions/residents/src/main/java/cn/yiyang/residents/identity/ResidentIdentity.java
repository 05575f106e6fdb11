package cn.yiyang.residents.identity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** The full personal data, answered only to an officer and only with an audit record. */
@RegisterForReflection
public record ResidentIdentity(UUID residentId, String idNumber, String phone, String emergencyContactPhone,
                               UUID disclosureId) {
}
