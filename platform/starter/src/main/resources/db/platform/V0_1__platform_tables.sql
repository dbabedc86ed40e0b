-- Shared by every PostgreSQL-backed service (added to Flyway's locations by the freshloop starter).

-- Idempotent consumers: one row per (consumer, event id) handled.
create table if not exists processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
