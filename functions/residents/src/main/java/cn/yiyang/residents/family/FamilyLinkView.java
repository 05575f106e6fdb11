package cn.yiyang.residents.family;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

@RegisterForReflection
public record FamilyLinkView(UUID id, UUID residentId, String familySubject, Relation relation,
                             OffsetDateTime createdAt) {
}
