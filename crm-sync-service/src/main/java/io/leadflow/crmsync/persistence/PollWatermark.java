package io.leadflow.crmsync.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far the poll of one CRM source has read: the latest modification time it handled. */
@Entity
@Table(name = "crm_poll_watermark")
public class PollWatermark {

    @Id
    private String source;

    @Column(nullable = false)
    private Instant watermark;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PollWatermark() {
    }

    PollWatermark(String source, Instant watermark, Instant at) {
        this.source = source;
        this.watermark = watermark;
        this.updatedAt = at;
    }

    /** Moves the watermark forward only: a late, older page never makes the next poll read less. */
    void advanceTo(Instant to, Instant at) {
        if (to.isAfter(watermark)) {
            watermark = to;
        }
        updatedAt = at;
    }

    public Instant watermark() {
        return watermark;
    }
}
