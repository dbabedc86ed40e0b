-- Append-only provenance log per batch. Every record carries the SHA-256 of its content chained to the
-- previous record's hash, so editing or deleting any row breaks the chain from that row on.
create table provenance_record (
    id           bigserial    primary key,
    batch_id     varchar(64)  not null,
    seq          integer      not null,
    kind         varchar(32)  not null,
    attributes   text         not null,
    recorded_at  timestamptz  not null,
    recorded_by  varchar(128) not null,
    prev_hash    char(64)     not null,
    hash         char(64)     not null,
    unique (batch_id, seq)
);
