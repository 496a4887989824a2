package dev.atrium.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An entity that exists only in the persistence test deployment. */
@Entity
@Table(name = "probe", schema = "arquillian_probe")
public class Probe {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String label;

    protected Probe() {}

    public Probe(UUID id, String label) {
        this.id = id;
        this.label = label;
    }

    public UUID id() {
        return id;
    }

    public String label() {
        return label;
    }
}
