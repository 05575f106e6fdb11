package cn.yiyang.residents.family;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Links resident {@code id} (the path) and the account {@code familySubject} (the {@code sub} of the family member's tokens) to a resident. */
@RegisterForReflection
public record FamilyLinkRequest(String id, String familySubject, Relation relation) {
}
