package io.leadflow.scoring.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A background re-scoring of every lead under one model version, and how far it got. */
@Entity
@Table(name = "replay_job")
public class ReplayJob {

    /** Where a job is. */
    public enum Status { RUNNING, DONE, FAILED }

    @Id
    private UUID id;

    @Column(name = "model_version", nullable = false)
    private int modelVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int changed;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private String error;

    protected ReplayJob() {
    }

    public ReplayJob(int modelVersion, int total, Instant now) {
        this.id = UUID.randomUUID();
        this.modelVersion = modelVersion;
        this.status = Status.RUNNING;
        this.total = total;
        this.startedAt = now;
    }

    /** Counts a page of leads re-scored, {@code changed} of which changed score or stage. */
    public void progressed(int leads, int changed) {
        this.done += leads;
        this.changed += changed;
    }

    public void finished(Instant now) {
        this.status = Status.DONE;
        this.finishedAt = now;
    }

    public void failed(String error, Instant now) {
        this.status = Status.FAILED;
        this.error = error;
        this.finishedAt = now;
    }

    public UUID id() {
        return id;
    }

    public int modelVersion() {
        return modelVersion;
    }

    public Status status() {
        return status;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    public int changed() {
        return changed;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String error() {
        return error;
    }
}
