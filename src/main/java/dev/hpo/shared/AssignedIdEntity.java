package dev.hpo.shared;

import java.util.UUID;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

/**
 * An entity whose UUID the service assigns before saving. Spring Data cannot tell such an entity is new from
 * its id, and would {@code merge} it, handing back a copy while the caller goes on changing the original;
 * this tells it, so {@code save} persists the very instance the caller holds.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<UUID> {

    @Id
    protected UUID id;

    @Transient
    private boolean fresh = true;

    protected AssignedIdEntity() {
    }

    protected AssignedIdEntity(UUID id) {
        this.id = id;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        this.fresh = false;
    }
}
