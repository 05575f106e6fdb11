package cn.yiyang.residents.family;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A family member's account allowed to act for a resident. */
@Entity
@Table(schema = "residents", name = "family_link")
public class FamilyLink extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    @Column(name = "resident_id")
    public UUID residentId;
    @Column(name = "family_subject")
    public String familySubject;
    @Enumerated(EnumType.STRING)
    public Relation relation;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public static Uni<Boolean> exists(String county, UUID residentId, String familySubject) {
        return count("county = ?1 and residentId = ?2 and familySubject = ?3", county, residentId, familySubject)
                .map(n -> n > 0);
    }
}
