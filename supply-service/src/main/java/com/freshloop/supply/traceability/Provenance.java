package com.freshloop.supply.traceability;

import com.freshloop.supply.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appends to and verifies the per-batch provenance chains. */
@Service
public class Provenance {

    /** The outcome of walking a chain; {@code firstBrokenSeq} names the first link that does not hold. */
    public record Verification(
            String batchId,
            boolean valid,
            int records,
            @Nullable Integer firstBrokenSeq,
            @Nullable String reason) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Provenance(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ProvenanceRecord append(String batchId, String kind, Map<String, String> attributes, String actor) {
        // one writer per batch at a time, so two appends never claim the same predecessor
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:batch))")
                .param("batch", batchId)
                .query()
                .singleRow();
        List<ProvenanceRecord> chain = chain(batchId);
        ProvenanceRecord last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        int seq = last == null ? 1 : last.seq() + 1;
        String prev = last == null ? ProvenanceRecord.GENESIS : last.hash();
        String canonical = new TreeMap<>(attributes)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        // the database keeps microseconds; hash exactly what is stored
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = ProvenanceRecord.hash(prev, batchId, seq, kind, canonical, at, actor);
        jdbc.sql("""
                        insert into provenance_record
                            (batch_id, seq, kind, attributes, recorded_at, recorded_by, prev_hash, hash)
                        values (:batch, :seq, :kind, :attributes, :at, :by, :prev, :hash)
                        """)
                .param("batch", batchId)
                .param("seq", seq)
                .param("kind", kind)
                .param("attributes", canonical)
                .param("at", Timestamp.from(at))
                .param("by", actor)
                .param("prev", prev)
                .param("hash", hash)
                .update();
        audit.record(actor, "provenance.append", batchId, Map.of("seq", seq, "kind", kind, "hash", hash));
        return new ProvenanceRecord(batchId, seq, kind, canonical, at, actor, prev, hash);
    }

    @Transactional(readOnly = true)
    public List<ProvenanceRecord> chain(String batchId) {
        return jdbc.sql("select * from provenance_record where batch_id = :batch order by seq")
                .param("batch", batchId)
                .query((rs, i) -> new ProvenanceRecord(
                        rs.getString("batch_id"),
                        rs.getInt("seq"),
                        rs.getString("kind"),
                        rs.getString("attributes"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by"),
                        rs.getString("prev_hash"),
                        rs.getString("hash")))
                .list();
    }

    /** Recomputes every hash from the genesis on: an edited, removed or reordered record is the first broken link. */
    @Transactional(readOnly = true)
    public Verification verify(String batchId) {
        List<ProvenanceRecord> chain = chain(batchId);
        String prev = ProvenanceRecord.GENESIS;
        int expectedSeq = 1;
        for (ProvenanceRecord r : chain) {
            if (r.seq() != expectedSeq) {
                return new Verification(
                        batchId, false, chain.size(), expectedSeq, "record " + expectedSeq + " is missing");
            }
            if (!r.prevHash().equals(prev)) {
                return new Verification(
                        batchId,
                        false,
                        chain.size(),
                        r.seq(),
                        "record " + r.seq() + " does not link to its predecessor");
            }
            if (!r.expectedHash().equals(r.hash())) {
                return new Verification(
                        batchId,
                        false,
                        chain.size(),
                        r.seq(),
                        "record " + r.seq() + " was altered after it was written");
            }
            prev = r.hash();
            expectedSeq++;
        }
        return new Verification(batchId, true, chain.size(), null, null);
    }
}
