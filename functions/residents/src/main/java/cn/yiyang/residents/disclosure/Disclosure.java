package cn.yiyang.residents.disclosure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One disclosure of residents' personal data: an officer's full identity read or a hotline look-up.
 * Append-only: the table refuses UPDATE, DELETE and TRUNCATE (migration V2).
 */
@Entity
@Table(schema = "residents", name = "disclosure")
public class Disclosure extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    @Column(name = "disclosed_at")
    public OffsetDateTime disclosedAt;
    public String actor;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public DisclosureMethod method;
    public String reason;
    @Column(name = "request_id")
    public String requestId;
    /** The matched residents' ids, comma-separated; empty when none matched. */
    @Column(name = "resident_ids")
    public String residentIds;

    public enum Kind { IDENTITY, LOOKUP }
}
