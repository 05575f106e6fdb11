package cn.yiyang.residents.identity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The audit record of one disclosure of a resident's full ID number and phones. Insert-only. */
@Entity
@Table(schema = "residents", name = "pii_disclosure")
public class PiiDisclosure extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    @Column(name = "resident_id")
    public UUID residentId;
    public String officer;
    public String reason;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "disclosed_at")
    public OffsetDateTime disclosedAt;
}
